// Grouping the workspace's runs by a column: `group`, `job_type`, `state`, `tags` (a run with several
// tags is in each tag's group) or `config.<key>`. The server forms the groups from every matching run
// (`POST /runs/{entity}/{project}/groups`), with counts and min / mean / max per group; the page loads a
// group's runs only to chart it or when it is opened.
import type { GroupFieldStats, Json, Run, ServerGroup } from '../api/types';
import { formatValue } from './format';

export interface RunGroup {
  /** The group's name as shown: its value, or `(none)`. */
  key: string;
  /** Runs in the group (all matching runs, not only the loaded ones). */
  count: number;
  /** The condition that lists the group's runs, to `$and` with the workspace's filter. */
  filter: { [field: string]: Json };
  /** Per config/summary field: stats over the group's runs. */
  metrics: { [field: string]: GroupFieldStats };
  /** The group's runs loaded so far (the first 50 of a charted group; none for the others). */
  runs: Run[];
}

export const NONE = '(none)';

export function groupName(value: Json): string {
  return value === null || value === undefined ? NONE : typeof value === 'string' ? value : formatValue(value);
}

export function fromServer(group: ServerGroup, runs: Run[] = []): RunGroup {
  return { key: groupName(group.value), count: group.count, filter: group.filter, metrics: group.metrics, runs };
}

/** The workspace filter narrowed to one group. */
export function groupFilter(filter: object | null, group: RunGroup): object {
  return filter ? { $and: [filter, group.filter] } : group.filter;
}
