// Live updates, in one place so the transport can change (server-sent events later) without touching
// the pages. Today: polling. A page asks `useLiveTick(active)` and refetches whenever the number changes:
// every POLL_MS while `active` (it shows a running run) and the tab is visible, and after the server
// comes back from an outage.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { connection } from './connection';

/** Poll interval; `localStorage['cairn.pollMs']` overrides it (the browser tests make it short). */
export const POLL_MS = Number(localStorage.getItem('cairn.pollMs')) || 3000;

export function useLiveTick(active: boolean): number {
  const [tick, setTick] = useState(0);
  const recoveries = useSyncExternalStore(connection.subscribe, connection.recoveries);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible' && !connection.isDown()) setTick((t) => t + 1);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [active]);
  return tick + recoveries * 1_000_000;
}

/** Whether the server is unreachable right now. */
export function useServerDown(): boolean {
  return useSyncExternalStore(connection.subscribe, connection.isDown);
}
