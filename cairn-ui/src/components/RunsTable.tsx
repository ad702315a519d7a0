// The workspace's runs table: virtualised rows, a sortable header (the server sorts), a checkbox per
// run to pick the runs the charts compare (Shift-click ticks a range), each in its own colour, and a
// row focus the keyboard moves (j / k).
import { useCallback } from 'react';
import { Link } from 'react-router';
import type { Run } from '../api/types';
import { runColor } from '../lib/colors';
import { formatAgo, formatDuration, formatTime, formatValue } from '../lib/format';
import { leaves } from '../lib/runValues';
import { StateBadge } from './StateBadge';
import { VirtualList } from './VirtualList';

export interface Column {
  /** The API's sort/filter field (`summary.loss`), or null when the server cannot sort by it. */
  field: string | null;
  title: string;
  width: number;
  render: (run: Run) => React.ReactNode;
  titleOf?: (run: Run) => string;
  /** The raw value (config and summary columns), for group aggregates. */
  rawValue?: (run: Run) => unknown;
  /** Set on pinned columns: the column sticks at this many pixels from the table's left edge. */
  pinnedLeft?: number;
}

/** A column's stable name in saved layouts: its API field, or its title. */
export const columnId = (c: Column) => c.field ?? c.title;

const ROW_HEIGHT = 32;

export function baseColumns(): Column[] {
  return [
    { field: 'name', title: 'name', width: 220, render: (r) => <Link to={`/${r.entity}/${r.project}/runs/${r.id}`}>{r.name}</Link> },
    { field: 'state', title: 'state', width: 100, render: (r) => <StateBadge state={r.state} /> },
    { field: 'created_at', title: 'created', width: 100, render: (r) => formatAgo(r.created_at), titleOf: (r) => formatTime(r.created_at) },
    { field: null, title: 'runtime', width: 80, render: (r) => formatDuration(r.runtime_s) },
    { field: null, title: 'tags', width: 140, render: (r) => r.tags.map((t) => <span key={t} className="tag">{t}</span>) },
    { field: 'group', title: 'group', width: 100, render: (r) => r.group ?? '' },
  ];
}

/** One column per flattened config or summary key (`config.lr`, `summary.acc.max`). */
export function valueColumn(source: 'config' | 'summary', key: string): Column {
  const get = (r: Run) => leaves(r)[source][key]; // flattened once per run object, not once per cell
  return {
    field: `${source}.${key}`,
    title: key,
    width: 110,
    render: (r) => formatValue(get(r)),
    titleOf: (r) => JSON.stringify(get(r) ?? null),
    rawValue: get,
  };
}

interface Props {
  runs: Run[];
  columns: Column[];
  sort: string;
  onSort: (sort: string) => void;
  selected: Set<string>;
  /** A checkbox was clicked; `isRange` when Shift was held (tick every run from the last ticked one). */
  onToggle: (runId: string, isRange: boolean) => void;
  onRange?: (first: number, last: number) => void;
  /** A row's colour by its index; by default the run's own colour (`runColor`), the same on every page. */
  colorOf?: (index: number) => string;
  /** The row the keyboard focus is on (j / k), kept in view. */
  focusedIndex?: number;
  /** An extra class for a run's row (the sweep page greys runs that ended badly). */
  rowClassOf?: (run: Run) => string | undefined;
}

export function RunsTable({
  runs, columns, sort, onSort, selected, onToggle, onRange, colorOf, focusedIndex, rowClassOf,
}: Props) {
  const template = `48px ${columns.map((c) => `${c.width}px`).join(' ')}`;
  const renderRow = useCallback((i: number) => {
    const run = runs[i];
    const color = colorOf ? colorOf(i) : runColor(run.id);
    const focused = i === focusedIndex;
    return (
      <div key={run.id} className={`runs-row${selected.has(run.id) ? ' selected' : ''}${focused ? ' focused' : ''}${rowClassOf?.(run) ? ` ${rowClassOf(run)}` : ''}`} role="row"
        data-run-id={run.id} aria-current={focused ? 'true' : undefined} style={{ gridTemplateColumns: template }}>
        <span role="cell" className="select-cell">
          <input type="checkbox" aria-label={`select ${run.name}`} checked={selected.has(run.id)}
            onChange={(e) => onToggle(run.id, (e.nativeEvent as MouseEvent).shiftKey === true)} style={{ accentColor: color }} />
          <span className="run-dot" style={{ background: color }} />
        </span>
        {columns.map((c) => (
          <span role="cell" key={c.title + c.field} title={c.titleOf?.(run)} data-col={c.field ?? c.title}
            className={c.pinnedLeft !== undefined ? 'pinned' : undefined} style={pinStyle(c)}>
            {c.render(run)}
          </span>
        ))}
      </div>
    );
  }, [runs, columns, selected, onToggle, template, colorOf, focusedIndex, rowClassOf]);

  const header = (
    <div className="runs-row runs-header" role="row" style={{ gridTemplateColumns: template }}>
      <span role="columnheader" />
      {columns.map((c) => <HeaderCell key={c.title + c.field} column={c} sort={sort} onSort={onSort} />)}
    </div>
  );

  return (
    <VirtualList className="runs-table" label="runs" count={runs.length} rowHeight={ROW_HEIGHT}
      renderRow={renderRow} header={header} onRange={onRange} scrollToIndex={focusedIndex}
      style={{ height: `min(42vh, ${(runs.length + 1) * ROW_HEIGHT + 16}px)` }} />
  );
}

/** Pinned cells stay in view when the table scrolls sideways (the 48px select column comes first). */
function pinStyle(c: Column): React.CSSProperties | undefined {
  return c.pinnedLeft === undefined ? undefined : { position: 'sticky', left: 48 + c.pinnedLeft, zIndex: 1 };
}

function HeaderCell({ column, sort, onSort }: { column: Column; sort: string; onSort: (s: string) => void }) {
  const pinned = column.pinnedLeft !== undefined ? 'pinned' : undefined;
  if (!column.field) return <span role="columnheader" className={pinned} style={pinStyle(column)}>{column.title}</span>;
  const field = column.field;
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
  return (
    <span role="columnheader" aria-sort={direction} title={field} className={pinned} style={pinStyle(column)}>
      <button type="button" className="sort-button" onClick={() => onSort(direction === 'ascending' ? `-${field}` : field)}>
        {column.title}{direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
      </button>
    </span>
  );
}
