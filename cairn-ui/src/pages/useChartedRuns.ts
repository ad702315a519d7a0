// What the workspace's charts draw: the ticked runs (or the first ten of the table), or, when the table
// is grouped, the first ten groups (each standing for up to 50 of its runs). `drawn` lists the runs
// behind the lines, whose metric keys and live updates the charts follow.
import { useMemo } from 'react';
import { runRef } from '../api/client';
import type { Run } from '../api/types';
import type { ChartRun } from '../components/chartData';
import { colorAt, runColor } from '../lib/colors';
import type { RunGroup } from '../lib/grouping';

export const CHARTED_BY_DEFAULT = 10;
const MEMBERS_PER_GROUP = 50;

export interface ChartedRuns {
  /** The runs charted when not grouped. */
  charted: Run[];
  /** The lines: runs, or groups with their members. */
  lines: ChartRun[];
  /** Every run behind the lines. */
  drawn: Run[];
}

const startS = (r: Run) => Date.parse(r.created_at) / 1000;

export function useChartedRuns(runs: Run[], selected: Set<string>, groups: RunGroup[] | null): ChartedRuns {
  const charted = useMemo(() => {
    const picked = runs.filter((r) => selected.has(r.id));
    return picked.length > 0 ? picked : runs.slice(0, CHARTED_BY_DEFAULT);
  }, [runs, selected]);
  return useMemo(() => {
    if (!groups) {
      return {
        charted,
        lines: charted.map((r) => ({ ref: runRef(r), label: r.name, color: runColor(r.id), startS: startS(r) })),
        drawn: charted,
      };
    }
    const shown = groups.slice(0, CHARTED_BY_DEFAULT).map((g) => ({ ...g, runs: g.runs.slice(0, MEMBERS_PER_GROUP) }));
    return {
      charted,
      lines: shown.map((g, i) => ({ ref: `group:${g.key}`, label: g.key, color: colorAt(i),
        members: g.runs.map((r) => ({ ref: runRef(r), startS: startS(r) })) })),
      drawn: Array.from(new Set(shown.flatMap((g) => g.runs))),
    };
  }, [charted, groups]);
}
