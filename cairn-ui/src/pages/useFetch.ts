import { useEffect, useState } from 'react';

export interface Fetched<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

/**
 * Runs `load` when `deps` change (including a live tick) and keeps the last good answer while a
 * refetch is in flight or fails, so live pages do not flicker or blank out during an outage.
 */
export function useFetch<T>(load: () => Promise<T>, deps: unknown[]): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
