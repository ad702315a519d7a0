// The grouped workspace's groups: every run matching the filter grouped by the server (counts and
// min / mean / max of the table's value columns), and the first runs of the groups the charts draw.
// Refetched (debounced) when the loaded runs change, which is how live updates reach the groups.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Run } from '../api/types';
import { fromServer, groupFilter, type RunGroup } from '../lib/grouping';

export const CHARTED_GROUPS = 10;
export const MEMBERS_PER_CHARTED_GROUP = 50;
const MAX_GROUPS = 1000;
const REFRESH_MS = 500;

export interface RunGroups {
  groups: RunGroup[] | null;
  /** Runs matching the filter (every group's runs together, counted once). */
  runCount: number;
  groupCount: number;
  error: Error | null;
}

export function useRunGroups(entity: string, project: string, filter: object | null, groupBy: string, fields: string[],
  sort: string, changed: Run[]): RunGroups {
  const [state, setState] = useState<RunGroups>({ groups: null, runCount: 0, groupCount: 0, error: null });
  const filterJson = JSON.stringify(filter);
  const fieldsJson = JSON.stringify(fields);
  const first = useRef(true);
  const request = `${entity}/${project}|${filterJson}|${groupBy}|${fieldsJson}|${sort}`;
  const lastRequest = useRef('');
  useEffect(() => {
    if (!groupBy) {
      setState({ groups: null, runCount: 0, groupCount: 0, error: null });
      lastRequest.current = '';
      return;
    }
    // a new question is asked at once; a refresh because runs changed waits for the burst to end
    const isNew = request !== lastRequest.current;
    lastRequest.current = request;
    if (isNew) setState((s) => ({ ...s, groups: null }));
    let current = true;
    const timer = window.setTimeout(async () => {
      try {
        const result = await api.runGroups(entity, project, { group_by: groupBy, filter, metrics: fields, limit: MAX_GROUPS });
        const groups = result.groups.map((g) => fromServer(g));
        await Promise.all(groups.slice(0, CHARTED_GROUPS).map(async (g) => {
          const page = await api.listRuns(entity, project,
            { filter: groupFilter(filter, g), sort, limit: MEMBERS_PER_CHARTED_GROUP });
          g.runs = page.runs;
        }));
        if (!current) return;
        const next = { groups, runCount: result.runs, groupCount: result.group_count, error: null };
        // a refresh that finds the same groups keeps the old objects: the charts need not redraw
        setState((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
      } catch (e) {
        if (current) setState((s) => ({ ...s, error: e as Error }));
      }
    }, isNew || first.current ? 0 : REFRESH_MS);
    first.current = false;
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, changed]);
  return state;
}
