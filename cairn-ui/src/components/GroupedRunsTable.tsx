// The runs table grouped by a column: one row per group (every matching run counted by the server) with
// its run count, min / mean / max of every numeric column over the group's runs (or the value, when all
// runs share it), and a toggle that loads and shows the group's runs under it.
import { useState } from 'react';
import type { GroupFieldStats, Run } from '../api/types';
import { colorAt, runColor } from '../lib/colors';
import { formatValue } from '../lib/format';
import type { RunGroup } from '../lib/grouping';
import type { Column } from './RunsTable';

interface Props {
  groups: RunGroup[];
  field: string;
  columns: Column[];
  selected: Set<string>;
  onToggle: (runId: string) => void;
  /** Loads the first runs of a group (in the table's sort order). */
  loadRuns: (group: RunGroup, limit: number) => Promise<Run[]>;
}

const MAX_SHOWN_RUNS = 200;

export function GroupedRunsTable({ groups, field, columns, selected, onToggle, loadRuns }: Props) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [members, setMembers] = useState<Map<string, Run[]>>(new Map());
  const template = `48px ${columns.map((c) => `${c.width}px`).join(' ')}`;
  const toggle = (group: RunGroup) => {
    const next = new Set(open);
    if (next.has(group.key)) {
      next.delete(group.key);
    } else {
      next.add(group.key);
      loadRuns(group, MAX_SHOWN_RUNS).then(
        (runs) => setMembers((m) => new Map(m).set(group.key, runs)),
        () => { /* the banner or the filter bar says what went wrong */ });
    }
    setOpen(next);
  };
  return (
    <div className="runs-table grouped" role="table" aria-label={`runs grouped by ${field}`}>
      <div className="runs-row runs-header" role="row" style={{ gridTemplateColumns: template }}>
        <span role="columnheader" />
        {columns.map((c) => <span role="columnheader" key={c.title + c.field}>{c.title}</span>)}
      </div>
      {groups.map((group, gi) => {
        const shown = members.get(group.key) ?? group.runs;
        return (
          <div key={group.key} className="run-group" data-group={group.key}>
            <div className="runs-row group-row" role="row" style={{ gridTemplateColumns: template }}>
              <span role="cell" className="select-cell"><span className="run-dot" style={{ background: colorAt(gi) }} /></span>
              {columns.map((c, ci) => (
                <span role="cell" key={c.title + c.field} data-col={c.field ?? c.title}>
                  {ci === 0
                    ? (
                      <button type="button" className="group-toggle" aria-expanded={open.has(group.key)}
                        onClick={() => toggle(group)}>
                        {open.has(group.key) ? '▾' : '▸'} <span className="group-name">{group.key}</span>{' '}
                        <span className="group-count muted">{group.count} {group.count === 1 ? 'run' : 'runs'}</span>
                      </button>
                    )
                    : aggregate(c.field ? group.metrics[c.field] : undefined, Boolean(c.rawValue))}
                </span>
              ))}
            </div>
            {open.has(group.key) && shown.slice(0, MAX_SHOWN_RUNS).map((run) => (
              <div key={run.id} className={`runs-row member-row${selected.has(run.id) ? ' selected' : ''}`} role="row"
                data-run-id={run.id} style={{ gridTemplateColumns: template }}>
                <span role="cell" className="select-cell">
                  <input type="checkbox" aria-label={`select ${run.name}`} checked={selected.has(run.id)}
                    onChange={() => onToggle(run.id)} style={{ accentColor: runColor(run.id) }} />
                  <span className="run-dot" style={{ background: runColor(run.id) }} />
                </span>
                {columns.map((c) => (
                  <span role="cell" key={c.title + c.field} title={c.titleOf?.(run)} data-col={c.field ?? c.title}>{c.render(run)}</span>
                ))}
              </div>
            ))}
            {open.has(group.key) && group.count > MAX_SHOWN_RUNS && (
              <div className="runs-row member-row muted more-runs">
                first {MAX_SHOWN_RUNS} of {group.count} runs — filter to narrow the group
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A group's cell: min / mean / max for numbers, the value when every run shares it, else "varies". */
function aggregate(stats: GroupFieldStats | undefined, isValueColumn: boolean): React.ReactNode {
  if (!isValueColumn || !stats) return '';
  if (stats.value !== undefined) return formatValue(stats.value);
  if (stats.numbers > 0 && stats.min !== null && stats.mean !== null && stats.max !== null) {
    return (
      <span className="group-stats" title={`min ${stats.min} · mean ${stats.mean} · max ${stats.max} (${stats.numbers} runs)`}>
        {formatValue(stats.min)} / {formatValue(stats.mean)} / {formatValue(stats.max)}
      </span>
    );
  }
  return <span className="muted">varies</span>;
}
