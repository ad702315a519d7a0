// Grouping the workspace's runs by a column: `group`, `job_type`, `state`, `tags` (a run with several
// tags is in each tag's group) or `config.<key>`; with min / mean / max of a value over a group.
import type { Run } from '../api/types';
import { flatten } from './flatten';
import { formatValue } from './format';

export interface RunGroup {
  key: string;
  runs: Run[];
}

export const NONE = '(none)';

/** The group keys of a run under `field`. */
export function groupKeysOf(run: Run, field: string): string[] {
  if (field === 'tags') return run.tags.length > 0 ? run.tags : [NONE];
  if (field === 'group') return [run.group ?? NONE];
  if (field === 'job_type') return [run.job_type ?? NONE];
  if (field === 'state') return [run.state];
  if (field.startsWith('config.')) {
    const value = flatten(run.config)[field.slice('config.'.length)];
    return [value === undefined || value === null ? NONE : formatValue(value)];
  }
  return [NONE];
}

/** Groups in order of their first run in the table; `(none)` last. */
export function groupRuns(runs: Run[], field: string): RunGroup[] {
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    for (const key of groupKeysOf(run, field)) groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return Array.from(groups, ([key, members]) => ({ key, runs: members }))
    .sort((a, b) => Number(a.key === NONE) - Number(b.key === NONE));
}

export interface Stats {
  min: number;
  mean: number;
  max: number;
  count: number;
}

/** Min, mean and max of the finite numbers among the values; null when there are none. */
export function statsOf(values: unknown[]): Stats | null {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (numbers.length === 0) return null;
  return {
    min: Math.min(...numbers),
    mean: numbers.reduce((a, b) => a + b, 0) / numbers.length,
    max: Math.max(...numbers),
    count: numbers.length,
  };
}
