// Turns downsampled series (one per run) into uPlot's column layout: x, then per run its mean line and
// the min and max that bound the band. A missing bucket for one run where another run has one is
// `undefined` (the line spans it); a bucket whose value is NaN/Infinity is `null` (the line breaks).
import type { Series } from '../api/types';
import { metricNumber } from '../lib/format';

export interface ChartRun {
  ref: string; // entity/project/id
  label: string;
  color: string;
}

export type Column = (number | null | undefined)[];

export interface ChartColumns {
  x: number[];
  runs: { run: ChartRun; mean: Column; min: Column; max: Column }[];
}

export function toColumns(runs: ChartRun[], series: Series[], key: string): ChartColumns {
  const byRun = new Map(series.filter((s) => s.key === key).map((s) => [s.run, s.buckets]));
  const xs = new Set<number>();
  byRun.forEach((buckets) => buckets.forEach((b) => xs.add(b.x)));
  const x = Array.from(xs).sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const shown = runs.filter((r) => byRun.has(r.ref) && byRun.get(r.ref)!.length > 0);
  return {
    x,
    runs: shown.map((run) => {
      const mean: Column = new Array(x.length).fill(undefined);
      const min: Column = new Array(x.length).fill(undefined);
      const max: Column = new Array(x.length).fill(undefined);
      for (const b of byRun.get(run.ref)!) {
        const i = index.get(b.x)!;
        mean[i] = metricNumber(b.mean);
        min[i] = metricNumber(b.min);
        max[i] = metricNumber(b.max);
      }
      return { run, mean, min, max };
    }),
  };
}
