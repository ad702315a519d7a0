// The axes of the parallel-coordinates chart: one per chosen config key, numeric (linear from the runs'
// min to max) or categorical (values spread evenly, sorted), and the metric axis last. An axis whose runs
// all share one value says nothing and is dropped unless the user asks to keep it.
import type { Json, Run } from '../api/types';
import { finite, leaves } from '../lib/runValues';

export interface Axis {
  id: string; // `config.lr`, `summary.val_acc`
  label: string;
  kind: 'number' | 'category';
  min: number;
  max: number;
  categories: string[];
  /** Position from 0 (bottom) to 1 (top), or null when the run lacks a value. */
  place: (run: Run) => number | null;
  value: (run: Run) => Json | undefined;
}

const text = (v: Json | undefined) => (typeof v === 'string' ? v : JSON.stringify(v));

export function makeAxis(runs: Run[], source: 'config' | 'summary', key: string): Axis {
  const value = (run: Run) => leaves(run)[source][key];
  const present = runs.map(value).filter((v) => v !== undefined && v !== null);
  const isNumber = present.length > 0 && present.every((v) => finite(v) !== null || typeof v === 'boolean');
  const id = `${source}.${key}`;
  if (isNumber) {
    const numbers = present.map((v) => (typeof v === 'boolean' ? Number(v) : (v as number)));
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    return {
      id, label: key, kind: 'number', min, max, categories: [], value,
      place: (run) => {
        const v = value(run);
        const n = typeof v === 'boolean' ? Number(v) : finite(v);
        if (n === null) return null;
        return max === min ? 0.5 : (n - min) / (max - min);
      },
    };
  }
  const categories = Array.from(new Set(present.map(text))).sort();
  return {
    id, label: key, kind: 'category', min: 0, max: categories.length - 1, categories, value,
    place: (run) => {
      const v = value(run);
      if (v === undefined || v === null) return null;
      const i = categories.indexOf(text(v));
      return categories.length === 1 ? 0.5 : i / (categories.length - 1);
    },
  };
}

/** Whether every run with a value has the same one (or none has any). */
export function isConstant(axis: Axis): boolean {
  return axis.kind === 'number' ? axis.min === axis.max : axis.categories.length <= 1;
}

/** A colour from dark blue (0) through teal to yellow (1), for lines coloured by the metric. */
export function metricColor(t: number): string {
  const stops = [[68, 1, 84], [33, 145, 140], [253, 231, 37]];
  const s = Math.max(0, Math.min(1, t)) * 2;
  const i = Math.min(1, Math.floor(s));
  const f = s - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
