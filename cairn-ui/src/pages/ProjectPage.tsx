// The project workspace: filter bar, runs table, and charts of the selected runs (or the first ten).
// Filter, sort, selection, grouping and chart settings live in the URL, so a link shows the same view to
// a teammate; the column layout is kept per project in this browser.
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Run } from '../api/types';
import { FilterBar } from '../components/FilterBar';
import { LiveBadge } from '../components/LiveBadge';
import { ChartControls } from '../components/ChartControls';
import { useChartSettings } from '../components/chartSettings';
import { GroupedRunsTable } from '../components/GroupedRunsTable';
import { baseColumns, RunsTable, valueColumn } from '../components/RunsTable';
import { WorkspaceToolbar } from '../components/WorkspaceToolbar';
import { runColor } from '../lib/colors';
import { useColumnPrefs, visibleColumns } from '../lib/columnPrefs';
import { groupFilter, type RunGroup } from '../lib/grouping';
import { compileFilter, type FilterInput } from '../lib/filter';
import { leaves } from '../lib/runValues';
import { useLiveTick } from '../live/live';
import { useChartedRuns } from './useChartedRuns';
import { useMetricKeys } from './useMetricKeys';
import { useProjectRuns } from './useProjectRuns';
import { useRunGroups } from './useRunGroups';
import { useTableKeys } from './useTableKeys';
import { lazyChunk } from '../lib/lazyChunk';

// uPlot, the charts and the analysis panels load in their own chunks, after the app has started: the runs
// table paints without waiting for them to be fetched and parsed.
const ChartsPanel = lazyChunk(() => import('../components/ChartsPanel').then((m) => m.ChartsPanel));
const AnalysisPanels = lazyChunk(() => import('../components/AnalysisPanels').then((m) => m.AnalysisPanels));

const KEYS_FROM_RUNS = 20; // metric keys are the union over this many of the charted runs
const MAX_VALUE_COLUMNS = 40;

export function ProjectPage() {
  const { entity = '', project = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const input: FilterInput = { name: params.get('q') ?? '', state: params.get('state') ?? '', where: params.get('where') ?? '' };
  const sort = params.get('sort') ?? '-created_at';
  const groupBy = params.get('group_by') ?? '';
  const [chartSettings, setChartSettings] = useChartSettings();
  const [columnPrefs, setColumnPrefs] = useColumnPrefs(entity, project);
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

  const select = useCallback((next: Set<string>) => {
    setSelected(next);
    update({ sel: Array.from(next).join(',') });
  }, [update]);

  const configKeys = useMemo(() => keysOf(runs, 'config'), [runs]);
  const allColumns = useMemo(() => [
    ...baseColumns(),
    ...configKeys.map((k) => valueColumn('config', k)),
    ...keysOf(runs, 'summary').map((k) => valueColumn('summary', k)),
  ], [runs, configKeys]);
  const columns = useMemo(() => visibleColumns(allColumns, columnPrefs), [allColumns, columnPrefs]);
  const valueFields = useMemo(() => columns.flatMap((c) => (c.rawValue && c.field ? [c.field] : [])), [columns]);
  const grouped = useRunGroups(entity, project, compiled.filter, groupBy, valueFields, sort, runs);
  const groups = useMemo(() => grouped.groups ?? [], [grouped.groups]);
  const loadGroupRuns = useCallback((g: RunGroup, limit: number) => api.listRuns(entity, project,
    { filter: groupFilter(compiled.filter, g), sort, limit }).then((page) => page.runs),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  [entity, project, JSON.stringify(compiled.filter), sort]);

  const { charted, lines: chartRuns, drawn } = useChartedRuns(runs, selected, groupBy ? groups : null);
  const chartTick = useLiveTick(drawn.some((r) => r.state === 'running'),
    { entity, project, runs: drawn.map((r) => r.id), types: ['history'] });
  const keyRuns = useMemo(() => drawn.slice(0, KEYS_FROM_RUNS), [drawn]);
  const keys = useMetricKeys(keyRuns, 'history', chartTick);

  // parallel coordinates' brush: the table shows only the runs inside it (null: no brush)
  const [brushed, setBrushed] = useState<Set<string> | null>(null);
  const tableRuns = useMemo(() => (brushed ? runs.filter((r) => brushed.has(r.id)) : runs), [runs, brushed]);
  const analysed = useMemo(() => {
    const picked = runs.filter((r) => selected.has(r.id));
    return picked.length > 0 ? picked : runs;
  }, [runs, selected]);
  const colorOfRun = useCallback((r: Run) => runColor(r.id), []);

  const { onToggle, focusedIndex } = useTableKeys({ entity, project, runs: tableRuns, selected, select,
    isGrouped: Boolean(groupBy) });
  // the charts and the analysis panels below the table are laid out after the table's first paint, not
  // with it (their code loads in its own chunk meanwhile)
  const belowTableShown = useAfterFirstPaint(runs.length > 0);

  return (
    <section className="page workspace">
      <div className="page-title">
        <h1><Link to="/">{entity}</Link> / {project}</h1>
        <span className="muted" aria-live="polite">{loading ? 'loading…' : `${total} ${total === 1 ? 'run' : 'runs'}`}</span>
        <Link to={`/${entity}/${project}/sweeps`}>sweeps</Link>
        <LiveBadge entity={entity} project={project} />
      </div>
      <FilterBar value={input} error={error?.message}
        onApply={(f) => update({ q: f.name, state: f.state, where: f.where })} />
      {!loading && total === 0 && !compiled.filter && (
        <p className="empty">This project has no runs yet. Runs logged with the SDK or the API appear here live.</p>
      )}
      {!loading && total === 0 && compiled.filter && <p className="empty">No run matches this filter.</p>}
      <WorkspaceToolbar entity={entity} project={project} groupBy={groupBy} onGroupBy={(g) => update({ group_by: g })}
        configKeys={configKeys} columns={allColumns} prefs={columnPrefs} onPrefs={setColumnPrefs} selected={Array.from(selected)} />
      {runs.length > 0 && !groupBy && (
        <RunsTable runs={tableRuns} columns={columns} sort={sort} onSort={(s) => update({ sort: s })}
          selected={selected} onToggle={onToggle} onRange={onRange} focusedIndex={focusedIndex >= 0 ? focusedIndex : undefined} />
      )}
      {runs.length > 0 && groupBy && (
        <>
          <p className="muted group-summary" aria-live="polite">
            {grouped.groups === null ? 'grouping…' : `${grouped.groupCount} ${grouped.groupCount === 1 ? 'group' : 'groups'} of ${grouped.runCount} ${grouped.runCount === 1 ? 'run' : 'runs'}`}
            {grouped.groups !== null && grouped.groupCount > groups.length ? ` (the largest ${groups.length} shown)` : ''}
            {grouped.error && <span className="error"> {grouped.error.message}</span>}
          </p>
          <GroupedRunsTable key={`${groupBy}|${JSON.stringify(compiled.filter)}|${sort}`} groups={groups} field={groupBy}
            columns={columns} selected={selected} onToggle={(id) => onToggle(id, false)} loadRuns={loadGroupRuns} />
        </>
      )}
      {belowTableShown && charted.length > 0 && (
        <>
          <h2 className="charts-title">
            Charts <span className="muted">
              {groupBy ? `${chartRuns.length} ${chartRuns.length === 1 ? 'group' : 'groups'} by ${groupBy}: mean with min–max band`
                : chartedCaption(charted.length, selected.size > 0, total)}
            </span>
          </h2>
          <ChartControls settings={chartSettings} onChange={setChartSettings} metricKeys={keys} />
          <Suspense fallback={<p className="muted">loading charts…</p>}>
            <ChartsPanel runs={chartRuns} keys={keys} namespace="history" tick={chartTick} settings={chartSettings} />
          </Suspense>
        </>
      )}
      {belowTableShown && (
        <Suspense fallback={null}>
          <AnalysisPanels entity={entity} project={project} runs={analysed} filter={compiled.filter}
            selectedIds={Array.from(selected)} colorOf={colorOfRun} onBrush={setBrushed} />
        </Suspense>
      )}
    </section>
  );
}

/** True from the frame after `ready` first held: what it guards renders after the page's first paint. */
function useAfterFirstPaint(ready: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!ready || shown) return;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => { timer = window.setTimeout(() => setShown(true), 0); });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready, shown]);
  return shown;
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
    for (const key of Object.keys(leaves(run)[source])) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Array.from(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_VALUE_COLUMNS).map(([k]) => k);
}
