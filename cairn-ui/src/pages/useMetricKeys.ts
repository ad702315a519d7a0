import { api, ApiError, runRef } from '../api/client';
import type { Namespace, Run } from '../api/types';
import { useFetch } from './useFetch';

/** The union of the metric keys the given runs logged (one `POST /keys` call), sorted. */
export function useMetricKeys(runs: Run[], namespace: Namespace, tick: number): string[] {
  const ids = runs.map((r) => r.id).join(',');
  const { data } = useFetch(async () => {
    if (runs.length === 0) return [];
    try {
      return await api.keysOfRuns(runs.map(runRef), namespace);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
      // a run deleted since the table loaded: the keys of the others
      const lists = await Promise.all(runs.map((r) => api.keys(r.entity, r.project, r.id, namespace).catch(() => [])));
      return Array.from(new Set(lists.flat().map((k) => k.key))).sort();
    }
  }, [ids, namespace, tick]);
  return data ?? [];
}
