// One sweep: state and run counts, pause / resume / stop / cancel, the sweep file, its metric against
// run start time with the best value so far, and the workspace's parallel coordinates and parameter
// importance restricted to the sweep's runs (filter {"sweep": id}).
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { Sweep } from '../api/types';
import { ImportancePanel } from '../components/ImportancePanel';
import { JsonTree } from '../components/JsonTree';
import { ParallelCoordinates } from '../components/ParallelCoordinates';
import { baseColumns, RunsTable, valueColumn } from '../components/RunsTable';
import { SweepProgressChart } from '../components/SweepProgressChart';
import { colorAt } from '../lib/colors';
import { formatValue } from '../lib/format';
import { keysSeen, lowerIsBetter } from '../lib/runValues';
import { useLiveTick } from '../live/live';
import { useFetch } from './useFetch';

type Action = 'pause' | 'resume' | 'stop' | 'cancel';
const ACTIONS: { action: Action; label: string; allowed: (s: Sweep['state']) => boolean }[] = [
  { action: 'pause', label: 'Pause', allowed: (s) => s === 'running' },
  { action: 'resume', label: 'Resume', allowed: (s) => s === 'paused' },
  { action: 'stop', label: 'Stop', allowed: (s) => s === 'running' || s === 'paused' },
  { action: 'cancel', label: 'Cancel', allowed: (s) => s === 'running' || s === 'paused' },
];
const COUNTED = ['running', 'finished', 'failed', 'crashed', 'killed'];

export function SweepPage() {
  const { entity = '', project = '', sweepId = '' } = useParams();
  const [changed, setChanged] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  const [brushed, setBrushed] = useState<Set<string> | null>(null);
  const tick = useLiveTick(true);
  const sweep = useFetch(() => api.sweep(entity, project, sweepId), [entity, project, sweepId, tick, changed]);
  const filter = useMemo(() => ({ sweep: sweepId }), [sweepId]);
  const runsPage = useFetch(() => api.listRuns(entity, project, { filter, sort: 'created_at', limit: 1000 }),
    [entity, project, sweepId, tick, changed]);
  const runs = useMemo(() => runsPage.data?.runs ?? [], [runsPage.data]);

  const s = sweep.data;
  const declared = (s?.config.metric ?? null) as { name?: string; goal?: string } | null;
  const summaryKeys = useMemo(() => keysSeen(runs, 'summary', true), [runs]);
  const metric = declared?.name ?? summaryKeys[0] ?? '';
  const minimize = declared?.goal ? declared.goal === 'minimize' : lowerIsBetter(metric);
  const metrics = useMemo(() => [metric, ...summaryKeys.filter((k) => k !== metric)].filter(Boolean), [metric, summaryKeys]);
  const parameterKeys = useMemo(() => {
    const declaredKeys = Object.keys((s?.config.parameters ?? {}) as object);
    const seen = keysSeen(runs, 'config');
    return declaredKeys.length > 0 ? seen.filter((k) => declaredKeys.some((d) => k === d || k.startsWith(`${d}.`))) : seen;
  }, [s, runs]);
  const columns = useMemo(() => [
    ...baseColumns(), ...parameterKeys.map((k) => valueColumn('config', k)), ...(metric ? [valueColumn('summary', metric)] : []),
  ], [parameterKeys, metric]);
  const tableRuns = useMemo(() => (brushed ? runs.filter((r) => brushed.has(r.id)) : runs), [runs, brushed]);
  const colorOf = useCallback((i: number) => colorAt(runs.indexOf(tableRuns[i])), [runs, tableRuns]);

  const act = (action: Action) => {
    setActionError(null);
    api.sweepAction(entity, project, sweepId, action).then(() => setChanged((c) => c + 1),
      (e: Error) => setActionError(e.message));
  };

  if (sweep.error instanceof ApiError && sweep.error.status === 404) {
    return <section className="page"><p className="error">{sweep.error.message}</p></section>;
  }
  return (
    <section className="page sweep-page">
      <div className="crumbs"><Link to={`/${entity}/${project}`}>{entity} / {project}</Link> / <Link to={`/${entity}/${project}/sweeps`}>sweeps</Link></div>
      <div className="page-title">
        <h1>{s?.name ?? sweepId}</h1>
        {s && <span className={`sweep-state sweep-${s.state}`} aria-label="sweep state">{s.state}</span>}
        {s && <span className="muted">{s.method} · {metric ? `${minimize ? 'minimize' : 'maximize'} ${metric}` : 'no metric'}</span>}
        <span className="sweep-controls">
          {ACTIONS.map(({ action, label, allowed }) => (
            <button key={action} type="button" disabled={!s || !allowed(s.state)} onClick={() => act(action)}>{label}</button>
          ))}
        </span>
      </div>
      {actionError && <p className="error" role="alert">{actionError}</p>}
      {s && (
        <dl className="run-facts sweep-counts">
          {COUNTED.map((state) => <div key={state} data-count={state}><dt>{state}</dt><dd>{s.counts[state] ?? 0}</dd></div>)}
          <div data-count="total"><dt>total</dt><dd>{s.counts.total ?? 0}</dd></div>
          <div><dt>best</dt><dd>{s.best ? <><Link to={`/${entity}/${project}/runs/${s.best.run}`}>{s.best.run}</Link> {formatValue(s.best.metric)}</> : '—'}</dd></div>
        </dl>
      )}
      {metric && (<><h2>{metric} by run start <span className="muted">(line: best so far; grey: failed, crashed or killed)</span></h2>
        <SweepProgressChart runs={runs} metric={metric} minimize={minimize} /></>)}
      <h2>Runs <span className="muted">{brushed ? `${tableRuns.length} of ${runs.length} in the brush` : `${runs.length}`}</span></h2>
      {runs.length === 0 ? <p className="empty">No runs yet: start an agent for this sweep.</p> : (
        <RunsTable runs={tableRuns} columns={columns} sort="created_at" onSort={() => undefined}
          selected={new Set()} onToggle={() => undefined} colorOf={colorOf} />
      )}
      {runs.length > 0 && (
        <>
          <h2>Parallel coordinates</h2>
          <ParallelCoordinates runs={runs} configKeys={parameterKeys} metrics={metrics} onBrush={setBrushed} />
          <h2>Parameter importance</h2>
          <ImportancePanel entity={entity} project={project} filter={filter} selectedIds={[]} metrics={metrics} />
        </>
      )}
      {s && <><h2>Sweep file</h2><JsonTree value={s.config} label="sweep configuration" /></>}
    </section>
  );
}
