// The workspace's chart settings, kept in the URL (`x`, `smooth`, `log`) so a shared link draws the
// same charts: x axis `step` (default), `time` (wall time), `rel` (time since each run started) or a
// metric key; EMA smoothing weight 0-0.99; log scale on or off.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface ChartSettings {
  x: string;
  smoothing: number;
  log: boolean;
}

export const DEFAULT_SETTINGS: ChartSettings = { x: 'step', smoothing: 0, log: false };

export function useChartSettings(): [ChartSettings, (change: Partial<ChartSettings>) => void] {
  const [params, setParams] = useSearchParams();
  const smoothing = Math.min(0.99, Math.max(0, Number(params.get('smooth')) || 0));
  const settings: ChartSettings = { x: params.get('x') || 'step', smoothing, log: params.get('log') === '1' };
  const update = useCallback((change: Partial<ChartSettings>) => {
    setParams((old) => {
      const next = new URLSearchParams(old);
      const put = (k: string, v: string | null) => (v ? next.set(k, v) : next.delete(k));
      if (change.x !== undefined) put('x', change.x === 'step' ? null : change.x);
      if (change.smoothing !== undefined) put('smooth', change.smoothing > 0 ? String(change.smoothing) : null);
      if (change.log !== undefined) put('log', change.log ? '1' : null);
      return next;
    }, { replace: true });
  }, [setParams]);
  return [settings, update];
}
