// Charts that ask for their series in the same moment (those scrolled into view together, or every visible
// chart after a setting changed) share one `POST /history/sampled` call: the requests wait for the end of
// the current task, then requests for the same runs, axis, range and buckets are merged into calls of
// several keys each. One call instead of one a chart saves the round trips and the browser's queue of six
// connections a host, which on a busy machine cost more than the server's work.
import { api } from './client';
import type { SampledQuery, Series } from './types';

/** The server answers at most this many series (runs x keys) a call (docs/api.md). */
const MAX_SERIES_PER_CALL = 1000;

interface Waiting {
  key: string;
  resolve: (series: Series[]) => void;
  reject: (e: unknown) => void;
}

interface Group {
  query: Omit<SampledQuery, 'keys'>;
  waiting: Waiting[];
}

let pending = new Map<string, Group>();
let scheduled = false;

/**
 * The series of one key for `query.runs`, in the order of `query.runs`, fetched together with the other
 * keys asked for in the same task.
 *
 * ```ts
 * const series = await sampledKey({ runs: ['a/b/r1'], namespace: 'history', x: 'step', buckets: 500 }, 'loss');
 * ```
 */
export function sampledKey(query: Omit<SampledQuery, 'keys'>, key: string): Promise<Series[]> {
  return new Promise((resolve, reject) => {
    const id = JSON.stringify([query.runs, query.namespace, query.x, query.buckets, query.min_x ?? null, query.max_x ?? null]);
    let group = pending.get(id);
    if (!group) {
      group = { query, waiting: [] };
      pending.set(id, group);
    }
    group.waiting.push({ key, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
  });
}

function flush() {
  const groups = pending;
  pending = new Map();
  scheduled = false;
  for (const group of groups.values()) {
    const keys = Array.from(new Set(group.waiting.map((w) => w.key)));
    const keysPerCall = Math.max(1, Math.floor(MAX_SERIES_PER_CALL / Math.max(1, group.query.runs.length)));
    for (let i = 0; i < keys.length; i += keysPerCall) {
      const callKeys = keys.slice(i, i + keysPerCall);
      const waiting = group.waiting.filter((w) => callKeys.includes(w.key));
      api.sampled({ ...group.query, keys: callKeys }).then((series) => {
        for (const w of waiting) w.resolve(series.filter((s) => s.key === w.key));
      }, (e) => {
        for (const w of waiting) w.reject(e);
      });
    }
  }
}
