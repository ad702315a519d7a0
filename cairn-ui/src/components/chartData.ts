// Turns downsampled series into uPlot's column layout: x, then per charted line its mean and the min
// and max that bound its band. A missing bucket for one line where another has one is `undefined` (the
// line spans it); a bucket whose value is NaN/Infinity is `null` (the line breaks).
// A charted line is one run, or a group of runs (`members`): then the line is the mean over the members
// at each x (each member holding its last value between its own buckets) and the band spans the
// members' lowest and highest value.
import type { Series } from '../api/types';
import { metricNumber } from '../lib/format';

export interface ChartMember {
  ref: string; // entity/project/id
  /** Unix seconds the run started, for relative-time x. */
  startS?: number;
}

export interface ChartRun {
  ref: string; // entity/project/id, or a group's key
  label: string;
  color: string;
  startS?: number;
  /** For a group: the runs it stands for (their mean is drawn). */
  members?: ChartMember[];
}

export type Column = (number | null | undefined)[];

export interface ChartColumns {
  x: number[];
  runs: { run: ChartRun; mean: Column; min: Column; max: Column }[];
}

/** The runs whose series a chart must fetch. */
export function membersOf(runs: ChartRun[]): ChartMember[] {
  return runs.flatMap((r) => r.members ?? [{ ref: r.ref, startS: r.startS }]);
}

interface Points { x: number[]; mean: (number | null)[]; min: (number | null)[]; max: (number | null)[] }

export function toColumns(runs: ChartRun[], series: Series[], key: string, relative = false): ChartColumns {
  const byRun = new Map(series.filter((s) => s.key === key).map((s) => [s.run, s.buckets]));
  const pointsOf = (m: ChartMember): Points | null => {
    const buckets = byRun.get(m.ref);
    if (!buckets || buckets.length === 0) return null;
    const offset = relative ? m.startS ?? buckets[0].x : 0;
    return {
      x: buckets.map((b) => b.x - offset),
      mean: buckets.map((b) => metricNumber(b.mean)),
      min: buckets.map((b) => metricNumber(b.min)),
      max: buckets.map((b) => metricNumber(b.max)),
    };
  };
  const lines = runs.map((run) => ({ run, members: (run.members ?? [{ ref: run.ref, startS: run.startS }])
    .map(pointsOf).filter((p): p is Points => p !== null) })).filter((l) => l.members.length > 0);
  const xs = new Set<number>();
  lines.forEach((l) => l.members.forEach((p) => p.x.forEach((v) => xs.add(v))));
  const x = Array.from(xs).sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  return {
    x,
    runs: lines.map(({ run, members }) => {
      const mean: Column = new Array(x.length).fill(undefined);
      const min: Column = new Array(x.length).fill(undefined);
      const max: Column = new Array(x.length).fill(undefined);
      if (!run.members) {
        const p = members[0];
        p.x.forEach((v, j) => {
          const i = index.get(v)!;
          mean[i] = p.mean[j];
          min[i] = p.min[j];
          max[i] = p.max[j];
        });
      } else {
        const filled = members.map((p) => fillForward(p, x, index));
        for (let i = 0; i < x.length; i++) {
          const values = filled.map((f) => f[i]).filter((v): v is number => typeof v === 'number');
          if (values.length === 0) continue;
          mean[i] = values.reduce((a, b) => a + b, 0) / values.length;
          min[i] = Math.min(...values);
          max[i] = Math.max(...values);
        }
      }
      return { run, mean, min, max };
    }),
  };
}

/** A member's mean at every x of the chart within its own range, holding its last value in between. */
function fillForward(p: Points, x: number[], index: Map<number, number>): (number | null | undefined)[] {
  const out: (number | null | undefined)[] = new Array(x.length).fill(undefined);
  const first = index.get(p.x[0])!;
  const last = index.get(p.x[p.x.length - 1])!;
  let j = 0;
  let current: number | null = null;
  for (let i = first; i <= last; i++) {
    while (j < p.x.length && p.x[j] <= x[i]) current = p.mean[j++];
    out[i] = current;
  }
  return out;
}

/**
 * Exponential moving average, as the charts' smoothing: `weight` 0 returns the values, 0.99 nearly
 * flattens them. Gaps stay gaps; the average carries across them. Debiased like TensorBoard's, so the
 * first points are not pulled towards zero.
 */
export function smooth(values: Column, weight: number): Column {
  if (weight <= 0) return values;
  let last = 0;
  let n = 0;
  return values.map((v) => {
    if (v === null || v === undefined) return v;
    last = last * weight + (1 - weight) * v;
    n++;
    return last / (1 - weight ** n);
  });
}
