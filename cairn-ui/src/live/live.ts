// Live updates, in one place so pages need not know the transport. A page asks
// `useLiveTick(active, watch)` and refetches whenever the number changes:
// - while the project's event stream (events.ts) is open: when an event concerns one of `watch.runs`
//   (at most every THROTTLE_MS), and when the stream (re)opens while `active` (a watched run is running);
// - while it is not (or without `watch`): every POLL_MS while `active` and the tab is visible;
// - after the server comes back from an outage.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { connection } from './connection';
import { useProjectEvents } from './events';

/** Poll interval; `localStorage['cairn.pollMs']` overrides it (the browser tests make it short). */
export const POLL_MS = Number(localStorage.getItem('cairn.pollMs')) || 3000;
/** Streamed changes coalesce into at most one refetch this often. */
export const THROTTLE_MS = 500;

export interface LiveWatch {
  entity: string;
  project: string;
  /** The run ids whose events matter. */
  runs: string[];
  /** Which event types matter (default: every type). */
  types?: string[];
}

export function useLiveTick(active: boolean, watch?: LiveWatch): number {
  const [tick, setTick] = useState(0);
  const recoveries = useSyncExternalStore(connection.subscribe, connection.recoveries);
  const pending = useRef<number | undefined>(undefined);
  const isActive = useRef(active);
  isActive.current = active;
  const bump = () => {
    if (pending.current !== undefined) return;
    pending.current = window.setTimeout(() => {
      pending.current = undefined;
      setTick((t) => t + 1);
    }, THROTTLE_MS);
  };
  const streaming = useProjectEvents(watch?.entity ?? '', watch?.project ?? '', (type, data) => {
    if (!watch) return;
    // a (re)opened stream may have missed changes; only a running run's history can have changed since
    if (type === 'resync') {
      if (isActive.current) bump();
    }
    else if (watch.runs.includes(type === 'run' ? data.id : data.run) && (!watch.types || watch.types.includes(type))) bump();
  });
  useEffect(() => () => window.clearTimeout(pending.current), []);
  const polling = active && !(watch && streaming);
  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible' && !connection.isDown()) setTick((t) => t + 1);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [polling]);
  return tick + recoveries * 1_000_000;
}

/** Whether the server is unreachable right now. */
export function useServerDown(): boolean {
  return useSyncExternalStore(connection.subscribe, connection.isDown);
}
