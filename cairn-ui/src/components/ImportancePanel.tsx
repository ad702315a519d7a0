// Parameter importance for a chosen metric: the server fits a random forest over the runs the workspace
// shows (its filter, narrowed to the ticked runs when some are ticked) and answers each config key's
// importance and correlation sign; refetched whenever the metric, the filter or the selection changes.
// Nothing is asked before the panel first scrolls into view: a forest over thousands of runs should not
// compete with the charts a page opens with.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { ImportanceResult } from '../api/types';

interface Props {
  entity: string;
  project: string;
  /** The workspace's filter (the API's filter language), or null for every run. */
  filter: object | null;
  /** Ticked runs; when any, only they are analysed. */
  selectedIds: string[];
  metrics: string[];
}

export function ImportancePanel({ entity, project, filter, selectedIds, metrics }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const metric = chosen && metrics.includes(chosen) ? chosen : metrics[0] ?? null;
  const [result, setResult] = useState<ImportanceResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const scope = selectedIds.length > 0 ? { id: { $in: selectedIds } } : null;
  const combined = filter && scope ? { $and: [filter, scope] } : filter ?? scope;
  const request = JSON.stringify({ metric, filter: combined });
  const box = useRef<HTMLDivElement>(null);
  const seen = useSeen(box, Boolean(metric));

  useEffect(() => {
    if (!metric || !seen) return;
    let current = true;
    setLoading(true);
    api.importance(entity, project, { metric, filter: combined }).then((r) => {
      if (current) { setResult(r); setError(null); }
    }, (e) => {
      if (current) { setResult(null); setError(e.message); }
    }).finally(() => current && setLoading(false));
    return () => { current = false; };
  }, [entity, project, request, seen]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!metric) return <p className="empty">No numeric summary metric to explain yet.</p>;
  return (
    <div ref={box} className="analysis-card importance" aria-label="parameter importance" aria-busy={loading}>
      <div className="analysis-controls">
        <label>metric <select aria-label="importance metric" value={metric} onChange={(e) => setChosen(e.target.value)}>
          {metrics.map((m) => <option key={m} value={m}>{m}</option>)}
        </select></label>
        {result && <span className="muted">fitted on {result.runs} runs{selectedIds.length > 0 ? ' (ticked)' : ''}</span>}
        {loading && <span className="muted">computing…</span>}
      </div>
      {error && <p className="error">{error}</p>}
      {result && (
        <table className="importance-table">
          <thead><tr><th>config key</th><th>importance</th><th title="correlation with the metric">corr.</th></tr></thead>
          <tbody>
            {result.importance.map((k) => (
              <tr key={k.key} data-key={k.key} data-importance={k.importance}>
                <td className="importance-key">{k.key}</td>
                <td>
                  <span className="importance-bar" style={{ width: `${Math.round(k.importance * 120)}px` }} />
                  {' '}{(k.importance * 100).toFixed(1)}%
                </td>
                <td className={`correlation ${k.correlation === null ? '' : k.correlation < 0 ? 'negative' : 'positive'}`}
                  title={k.correlation === null ? 'categorical or constant' : k.correlation.toFixed(3)}>
                  {k.correlation === null ? '·' : `${k.correlation < 0 ? '−' : '+'}${Math.abs(k.correlation).toFixed(2)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

// How long the panel must stay on screen before it asks: while the workspace loads, the panel sits near the
// top until the charts above it appear and push it down, and a forest fitted then would compete with them.
const SETTLE_MS = 400;

/** Whether the element has been on screen (or near it) for SETTLE_MS at least once. */
function useSeen(ref: React.RefObject<HTMLElement | null>, isMounted: boolean): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    let timer: number | undefined;
    const observer = new IntersectionObserver(([entry]) => {
      window.clearTimeout(timer);
      if (entry.isIntersecting) timer = window.setTimeout(() => setSeen(true), SETTLE_MS);
    }, { rootMargin: '200px' });
    observer.observe(el);
    return () => {
      window.clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref, seen, isMounted]);
  return seen;
}
