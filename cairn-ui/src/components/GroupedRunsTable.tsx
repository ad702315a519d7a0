// The runs table grouped by a column: one row per group with its run count, min / mean / max of every
// numeric column over the group's runs (or the value, when all runs share it), and a toggle that shows
// the group's runs under it.
import { useState } from 'react';
import type { Run } from '../api/types';
import { formatValue } from '../lib/format';
import { type RunGroup, statsOf } from '../lib/grouping';
import type { Column } from './RunsTable';

interface Props {
  groups: RunGroup[];
  field: string;
  columns: Column[];
  selected: Set<string>;
  onToggle: (runId: string) => void;
  colorOfRun: (run: Run) => string;
  colorOfGroup: (index: number) => string;
}

const MAX_SHOWN_RUNS = 200;

export function GroupedRunsTable({ groups, field, columns, selected, onToggle, colorOfRun, colorOfGroup }: Props) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const template = `48px ${columns.map((c) => `${c.width}px`).join(' ')}`;
  const toggle = (key: string) => {
    const next = new Set(open);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setOpen(next);
  };
  return (
    <div className="runs-table grouped" role="table" aria-label={`runs grouped by ${field}`}>
      <div className="runs-row runs-header" role="row" style={{ gridTemplateColumns: template }}>
        <span role="columnheader" />
        {columns.map((c) => <span role="columnheader" key={c.title + c.field}>{c.title}</span>)}
      </div>
      {groups.map((group, gi) => (
        <div key={group.key} className="run-group" data-group={group.key}>
          <div className="runs-row group-row" role="row" style={{ gridTemplateColumns: template }}>
            <span role="cell" className="select-cell"><span className="run-dot" style={{ background: colorOfGroup(gi) }} /></span>
            {columns.map((c, ci) => (
              <span role="cell" key={c.title + c.field} data-col={c.field ?? c.title}>
                {ci === 0
                  ? (
                    <button type="button" className="group-toggle" aria-expanded={open.has(group.key)}
                      onClick={() => toggle(group.key)}>
                      {open.has(group.key) ? '▾' : '▸'} <span className="group-name">{group.key}</span>{' '}
                      <span className="group-count muted">{group.runs.length} {group.runs.length === 1 ? 'run' : 'runs'}</span>
                    </button>
                  )
                  : aggregate(c, group.runs)}
              </span>
            ))}
          </div>
          {open.has(group.key) && group.runs.slice(0, MAX_SHOWN_RUNS).map((run) => (
            <div key={run.id} className={`runs-row member-row${selected.has(run.id) ? ' selected' : ''}`} role="row"
              data-run-id={run.id} style={{ gridTemplateColumns: template }}>
              <span role="cell" className="select-cell">
                <input type="checkbox" aria-label={`select ${run.name}`} checked={selected.has(run.id)}
                  onChange={() => onToggle(run.id)} />
                <span className="run-dot" style={{ background: colorOfRun(run) }} />
              </span>
              {columns.map((c) => (
                <span role="cell" key={c.title + c.field} title={c.titleOf?.(run)} data-col={c.field ?? c.title}>{c.render(run)}</span>
              ))}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** A group's cell: min / mean / max for numbers, the value when every run shares it, else a count. */
function aggregate(column: Column, runs: Run[]): React.ReactNode {
  if (!column.rawValue) return '';
  const values = runs.map(column.rawValue);
  const stats = statsOf(values);
  if (stats && new Set(values.map((v) => JSON.stringify(v ?? null))).size > 1) {
    return (
      <span className="group-stats" title={`min ${stats.min} · mean ${stats.mean} · max ${stats.max} (${stats.count} runs)`}>
        {formatValue(stats.min)} / {formatValue(stats.mean)} / {formatValue(stats.max)}
      </span>
    );
  }
  const distinct = new Set(values.map((v) => JSON.stringify(v ?? null)));
  if (distinct.size === 1) return formatValue(values[0]);
  return <span className="muted">{distinct.size} values</span>;
}
