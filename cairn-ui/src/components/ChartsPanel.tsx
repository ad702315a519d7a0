// Charts for a set of runs: one per metric key, in sections by the key's prefix before "/"
// (`train/loss` and `train/acc` under "train"). A chart fetches its data only once scrolled into view.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Namespace } from '../api/types';
import { type ChartColumns, type ChartRun, toColumns } from './chartData';
import { MetricChart } from './MetricChart';

interface Props {
  runs: ChartRun[];
  keys: string[];
  namespace: Namespace;
  /** Changes whenever live data may have moved; visible charts refetch. */
  tick: number;
}

const BUCKETS = 500;

export function ChartsPanel({ runs, keys, namespace, tick }: Props) {
  if (keys.length === 0) {
    return <p className="empty">No {namespace === 'system' ? 'system metrics' : 'metrics'} logged yet.</p>;
  }
  const sections = new Map<string, string[]>();
  for (const key of [...keys].sort()) {
    const slash = key.indexOf('/');
    const section = slash > 0 ? key.slice(0, slash) : namespace === 'system' ? 'system' : 'charts';
    sections.set(section, [...(sections.get(section) ?? []), key]);
  }
  return (
    <div className="charts-panel">
      {runs.length > 1 && (
        <div className="chart-legend" aria-label="runs in the charts">
          {runs.map((r) => <span key={r.ref}><i className="run-dot" style={{ background: r.color }} />{r.label}</span>)}
        </div>
      )}
      {Array.from(sections, ([section, sectionKeys]) => (
        <details key={section} open className="chart-section">
          <summary>{section} <span className="muted">({sectionKeys.length})</span></summary>
          <div className="chart-grid">
            {sectionKeys.map((key) => (
              <LazyChart key={key} metric={key} runs={runs} namespace={namespace} tick={tick} />
            ))}
          </div>
        </details>
      ))}
    </div>
  );
}

interface ChartProps {
  metric: string;
  runs: ChartRun[];
  namespace: Namespace;
  tick: number;
}

function LazyChart({ metric, runs, namespace, tick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const visible = useInView(box);
  const [columns, setColumns] = useState<ChartColumns | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refs = runs.map((r) => r.ref).join(',');
  const x = namespace === 'system' ? 'time' : 'step';

  useEffect(() => {
    if (!visible || runs.length === 0) return;
    let current = true;
    api.sampled({ runs: runs.map((r) => r.ref), keys: [metric], namespace, x, buckets: BUCKETS })
      .then((series) => current && (setColumns(toColumns(runs, series, metric)), setError(null)))
      .catch((e) => current && setError(e.message));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, refs, metric, namespace, tick]);

  const id = namespace === 'system' ? `system/${metric}` : metric;
  return (
    <figure ref={box} className="chart-card" data-metric={metric}>
      <figcaption>{metric}</figcaption>
      {error && <p className="error">{error}</p>}
      {columns && columns.runs.length > 0 && <MetricChart id={id} columns={columns} xIsTime={x === 'time'} />}
      {columns && columns.runs.length === 0 && <p className="empty chart-empty">no finite values</p>}
      {!columns && !error && <div className="chart-placeholder" />}
    </figure>
  );
}

/** Whether the element is on screen (or near it); charts far below the fold stay idle. */
function useInView(ref: React.RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry.isIntersecting), { rootMargin: '200px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
