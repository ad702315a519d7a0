// The project workspace: filter bar, runs table, and charts of the selected runs (or the first ten).
// Filter, sort and selection live in the URL, so a link shows the same view to a teammate.
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { runRef } from '../api/client';
import type { Run } from '../api/types';
import { ChartsPanel } from '../components/ChartsPanel';
import type { ChartRun } from '../components/chartData';
import { FilterBar } from '../components/FilterBar';
import { LiveBadge } from '../components/LiveBadge';
import { baseColumns, RunsTable, valueColumn } from '../components/RunsTable';
import { colorAt } from '../lib/colors';
import { compileFilter, type FilterInput } from '../lib/filter';
import { flatten } from '../lib/flatten';
import { useLiveTick } from '../live/live';
import { useMetricKeys } from './useMetricKeys';
import { useProjectRuns } from './useProjectRuns';

const CHARTED_BY_DEFAULT = 10;
const MAX_VALUE_COLUMNS = 40;

export function ProjectPage() {
  const { entity = '', project = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const input: FilterInput = { name: params.get('q') ?? '', state: params.get('state') ?? '', where: params.get('where') ?? '' };
  const sort = params.get('sort') ?? '-created_at';
  // selection answers the click at once (local state) and is mirrored into the URL for sharing
  const [selected, setSelected] = useState(() => new Set((params.get('sel') ?? '').split(',').filter(Boolean)));
  const compiled = compileFilter(input);

  const { runs, total, loading, error, onRange } = useProjectRuns(entity, project, compiled.filter, sort);

  const update = useCallback((changes: Record<string, string>) => {
    setParams((old) => {
      const next = new URLSearchParams(old);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    }, { replace: true });
  }, [setParams]);

  const onToggle = useCallback((id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
    update({ sel: Array.from(next).join(',') });
  }, [selected, update]);

  const columns = useMemo(() => [
    ...baseColumns(),
    ...keysOf(runs, 'config').map((k) => valueColumn('config', k)),
    ...keysOf(runs, 'summary').map((k) => valueColumn('summary', k)),
  ], [runs]);

  const charted = useMemo(() => {
    const picked = runs.filter((r) => selected.has(r.id));
    return picked.length > 0 ? picked : runs.slice(0, CHARTED_BY_DEFAULT);
  }, [runs, selected]);
  const chartRuns: ChartRun[] = useMemo(
    () => charted.map((r) => ({ ref: runRef(r), label: r.name, color: colorAt(runs.indexOf(r)) })), [charted, runs]);
  const chartTick = useLiveTick(charted.some((r) => r.state === 'running'),
    { entity, project, runs: charted.map((r) => r.id), types: ['history'] });
  const keys = useMetricKeys(charted, 'history', chartTick);

  return (
    <section className="page workspace">
      <div className="page-title">
        <h1><Link to="/">{entity}</Link> / {project}</h1>
        <span className="muted" aria-live="polite">{loading ? 'loading…' : `${total} ${total === 1 ? 'run' : 'runs'}`}</span>
        <LiveBadge entity={entity} project={project} />
      </div>
      <FilterBar value={input} error={error?.message}
        onApply={(f) => update({ q: f.name, state: f.state, where: f.where })} />
      {!loading && total === 0 && !compiled.filter && (
        <p className="empty">This project has no runs yet. Runs logged with the SDK or the API appear here live.</p>
      )}
      {!loading && total === 0 && compiled.filter && <p className="empty">No run matches this filter.</p>}
      {runs.length > 0 && (
        <RunsTable runs={runs} columns={columns} sort={sort} onSort={(s) => update({ sort: s })}
          selected={selected} onToggle={onToggle} onRange={onRange} colorOf={colorAt} />
      )}
      {charted.length > 0 && (
        <>
          <h2 className="charts-title">
            Charts <span className="muted">
              {chartedCaption(charted.length, selected.size > 0, total)}
            </span>
          </h2>
          <ChartsPanel runs={chartRuns} keys={keys} namespace="history" tick={chartTick} />
        </>
      )}
    </section>
  );
}

function chartedCaption(count: number, isSelection: boolean, total: number): string {
  const runs = `${count} ${count === 1 ? 'run' : 'runs'}`;
  if (isSelection) return `${runs} selected`;
  return count < total ? `first ${runs} — tick runs to compare others` : `all ${runs}`;
}

/** Flattened config or summary keys seen in the first rows, most common first, capped. */
function keysOf(runs: Run[], source: 'config' | 'summary'): string[] {
  const counts = new Map<string, number>();
  for (const run of runs.slice(0, 500)) {
    for (const key of Object.keys(flatten(run[source]))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Array.from(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_VALUE_COLUMNS).map(([k]) => k);
}
