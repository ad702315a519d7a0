// One sweep: state and run counts, pause / resume / stop / cancel, the sweep file, its metric against
// run start time with the best value so far, and the workspace's parallel coordinates and parameter
// importance restricted to the sweep's runs (filter {"sweep": id}), and the sweep's notes. Runs that
// failed, crashed or were killed stay in the table and the chart, greyed; so do superseded runs (they came
// back after their grid point went to a later run). Delete asks first, then removes the sweep, keeping its
// runs or moving them to the trash.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { Run, Sweep } from '../api/types';
import { ImportancePanel } from '../components/ImportancePanel';
import { JsonTree } from '../components/JsonTree';
import { NotesEditor } from '../components/NotesEditor';
import { ParallelCoordinates } from '../components/ParallelCoordinates';
import { baseColumns, RunsTable, valueColumn } from '../components/RunsTable';
import { SweepProgressChart } from '../components/SweepProgressChart';
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
const ENDED_BADLY = new Set(['failed', 'crashed', 'killed']);

/** The rows to grey: runs that ended badly, and superseded ones (which also carry a class of their own). */
const rowClass = (superseded: Set<string>) => (run: Run) => (superseded.has(run.id) ? 'grey superseded'
  : ENDED_BADLY.has(run.state) ? 'grey' : undefined);

export function SweepPage() {
  const { entity = '', project = '', sweepId = '' } = useParams();
  const [changed, setChanged] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  const [brushed, setBrushed] = useState<Set<string> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleteRuns, setDeleteRuns] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const navigate = useNavigate();
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
  const superseded = useMemo(() => new Set(s?.superseded ?? []), [s]);
  const rowClassOf = useMemo(() => rowClass(superseded), [superseded]);
  const greyed = runs.some((r) => rowClassOf(r));

  const remove = () => {
    setDeleteError(null);
    api.deleteSweep(entity, project, sweepId, { deleteRuns }).then(() => navigate(`/${entity}/${project}/sweeps`),
      (e: Error) => setDeleteError(e.message));
  };

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
          <button type="button" disabled={!s} onClick={() => { setConfirming(true); setDeleteError(null); }}>Delete</button>
        </span>
      </div>
      {actionError && <p className="error" role="alert">{actionError}</p>}
      {confirming && s && (
        <div className="sweep-delete" role="dialog" aria-label="delete sweep">
          <p>Delete sweep <b>{s.name ?? sweepId}</b>? Its {s.counts.total ?? 0} runs stay as ordinary runs unless you
            move them to the trash too (a run in the trash can be restored).</p>
          <label><input type="checkbox" checked={deleteRuns} onChange={(e) => setDeleteRuns(e.target.checked)} />
            {' '}also move its runs to the trash</label>
          {deleteError && <p className="error" role="alert">{deleteError}</p>}
          <span className="sweep-controls">
            <button type="button" onClick={remove}>Delete sweep</button>
            <button type="button" onClick={() => setConfirming(false)}>Keep it</button>
          </span>
        </div>
      )}
      {s && (
        <dl className="run-facts sweep-counts">
          {COUNTED.map((state) => <div key={state} data-count={state}><dt>{state}</dt><dd>{s.counts[state] ?? 0}</dd></div>)}
          <div data-count="total"><dt>total</dt><dd>{s.counts.total ?? 0}</dd></div>
          <div><dt>best</dt><dd>{s.best ? <><Link to={`/${entity}/${project}/runs/${s.best.run}`}>{s.best.run}</Link> {formatValue(s.best.metric)}</> : '—'}</dd></div>
        </dl>
      )}
      {s && (<><h2>Notes</h2>
        <NotesEditor notes={s.notes ?? ''} placeholder="What does this sweep look for? What did it find?"
          onSave={(notes) => api.patchSweep(entity, project, sweepId, { notes }).then(() => setChanged((c) => c + 1))} /></>)}
      {metric && (<><h2>{metric} by run start <span className="muted">(line: best so far; grey: failed, crashed or killed)</span></h2>
        <SweepProgressChart runs={runs} metric={metric} minimize={minimize} /></>)}
      <h2>Runs <span className="muted">{brushed ? `${tableRuns.length} of ${runs.length} in the brush` : `${runs.length}`}
        {greyed && ' (greyed: failed, crashed, killed or superseded)'}</span></h2>
      {superseded.size > 0 && (
        <p className="muted" aria-label="superseded runs">Superseded (came back after their grid point went to a
          later run; told to stop): {[...superseded].map((id, i) => (
          <span key={id}>{i > 0 && ', '}<Link to={`/${entity}/${project}/runs/${id}`}>{id}</Link></span>))}</p>
      )}
      {runs.length === 0 ? <p className="empty">No runs yet: start an agent for this sweep.</p> : (
        <RunsTable runs={tableRuns} columns={columns} sort="created_at" onSort={() => undefined}
          selected={new Set()} onToggle={() => undefined} rowClassOf={rowClassOf} />
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
