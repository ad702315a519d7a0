// Values of runs as the analysis panels read them: flattened config and summary leaves, numbers for
// axes and bars, and which metrics are better low.
import type { Json, Run } from '../api/types';
import { flatten } from './flatten';

const flatCache = new WeakMap<Run, { config: Record<string, Json>; summary: Record<string, Json> }>();

/** The run's flattened config and summary (cached per run object). */
export function leaves(run: Run) {
  let cached = flatCache.get(run);
  if (!cached) {
    cached = { config: flatten(run.config), summary: flatten(run.summary) };
    flatCache.set(run, cached);
  }
  return cached;
}

/** A finite number, or null (missing, text, NaN, infinities). */
export function finite(value: Json | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export const summaryNumber = (run: Run, key: string) => finite(leaves(run).summary[key]);

/** Keys of `source` seen in the runs, most common first (ties by name), at most `limit`. */
export function keysSeen(runs: Run[], source: 'config' | 'summary', numericOnly = false, limit = 100): string[] {
  const counts = new Map<string, number>();
  for (const run of runs.slice(0, 2000)) {
    for (const [key, value] of Object.entries(leaves(run)[source])) {
      if (numericOnly && finite(value) === null) continue;
      if (key.startsWith('_')) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return Array.from(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([k]) => k);
}

/** A guess at whether lower is better, from the metric's name; the panels let the user flip it. */
export function lowerIsBetter(metric: string): boolean {
  return /loss|err|mse|mae|rmse|perplex|regret|latency|time|wer|cer/i.test(metric);
}
