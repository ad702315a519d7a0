// Charts for a set of runs (or groups of runs): one per metric key, in sections by the key's prefix
// before "/" (`train/loss` and `train/acc` under "train"). A chart fetches its data only once scrolled
// into view, and again for the range the user zooms into unless it already has every point there; charts
// asking in the same moment share one request (api/sampledBatch).
import { useEffect, useRef, useState } from 'react';
import { sampledKey } from '../api/sampledBatch';
import type { Namespace, Series } from '../api/types';
import { type ChartColumns, type ChartRun, membersOf, toColumns } from './chartData';
import { type ChartSettings, DEFAULT_SETTINGS } from './chartSettings';
import { MetricChart, type XKind } from './MetricChart';

interface Props {
  runs: ChartRun[];
  keys: string[];
  namespace: Namespace;
  /** Changes whenever live data may have moved; visible charts refetch. */
  tick: number;
  settings?: ChartSettings;
}

const BUCKETS = 500;

const FIRST_CARDS = 24; // more than a large screen shows at once
const MORE_CARDS = 48;

export function ChartsPanel({ runs, keys, namespace, tick, settings = DEFAULT_SETTINGS }: Props) {
  // Cards are added as the page scrolls towards the last one, so a run of 1,000 metrics lays out and
  // observes a few dozen cards, not a thousand, before its first charts draw.
  const [shown, setShown] = useState(FIRST_CARDS);
  const hasMore = shown < keys.length;
  if (keys.length === 0) {
    return <p className="empty">No {namespace === 'system' ? 'system metrics' : 'metrics'} logged yet.</p>;
  }
  const sections = new Map<string, string[]>();
  const sorted = [...keys].sort();
  for (const key of sorted) {
    const slash = key.indexOf('/');
    const section = slash > 0 ? key.slice(0, slash) : namespace === 'system' ? 'system' : 'charts';
    sections.set(section, [...(sections.get(section) ?? []), key]);
  }
  const rendered = new Set(sorted.slice(0, shown));
  return (
    <div className="charts-panel">
      {runs.length > 1 && (
        <div className="chart-legend" aria-label="runs in the charts">
          {runs.map((r) => <span key={r.ref}><i className="run-dot" style={{ background: r.color }} />{r.label}</span>)}
        </div>
      )}
      {Array.from(sections, ([section, sectionKeys]) => rendered.has(sectionKeys[0]) && (
        <details key={section} open className="chart-section">
          <summary>{section} <span className="muted">({sectionKeys.length})</span></summary>
          <div className="chart-grid">
            {sectionKeys.filter((key) => rendered.has(key)).map((key) => (
              <LazyChart key={key} metric={key} runs={runs} namespace={namespace} tick={tick} settings={settings} />
            ))}
          </div>
        </details>
      ))}
      {hasMore && <MoreCharts count={keys.length - shown} shown={shown} onNear={() => setShown((n) => n + MORE_CARDS)} />}
    </div>
  );
}

const MORE_MARGIN_PX = 600;

/**
 * The end of the rendered cards: asks for more while it is above the screen's bottom edge (plus a margin),
 * checked on every scroll, since a fast scroll can carry it from below the screen to above in one step.
 */
function MoreCharts({ count, shown, onNear }: { count: number; shown: number; onNear: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(onNear);
  latest.current = onNear;
  useEffect(() => {
    let asked = false;
    const check = () => {
      const el = box.current;
      if (!asked && el && el.getBoundingClientRect().top < window.innerHeight + MORE_MARGIN_PX) {
        asked = true; // once per batch: the next render re-arms
        latest.current();
      }
    };
    check();
    document.addEventListener('scroll', check, { capture: true, passive: true });
    return () => document.removeEventListener('scroll', check, { capture: true });
  }, [shown]);
  return <div ref={box} className="charts-more muted">{count} more {count === 1 ? 'chart' : 'charts'} below…</div>;
}

interface ChartProps {
  metric: string;
  runs: ChartRun[];
  namespace: Namespace;
  tick: number;
  settings: ChartSettings;
}

function xOf(namespace: Namespace, choice: string): { kind: XKind; api: string } {
  if (namespace === 'system') return { kind: 'time', api: 'time' };
  if (choice === 'step' || choice === 'time') return { kind: choice, api: choice };
  if (choice === 'rel') return { kind: 'rel', api: 'time' };
  return { kind: 'metric', api: choice };
}

function LazyChart({ metric, runs, namespace, tick, settings }: ChartProps) {
  const box = useRef<HTMLElement>(null);
  const visible = useInView(box);
  const [columns, setColumns] = useState<ChartColumns | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const [detail, setDetail] = useState<'all' | 'zoomed'>('all');
  const exact = useRef(false); // the last answer held every point (no bucket had more than one)
  const members = membersOf(runs);
  const refs = runs.map((r) => `${r.ref}:${r.members?.length ?? 1}`).join(',');
  const x = xOf(namespace, settings.x);
  // relative time has an offset per run, so a zoomed range means nothing to the server: zoom in place
  const fetchRange = zoom && x.kind !== 'rel' && !exact.current ? zoom : null;

  useEffect(() => setZoom(null), [settings.x]);

  useEffect(() => {
    if (!visible || runs.length === 0) return;
    let current = true;
    sampledKey({ runs: members.map((m) => m.ref), namespace, x: x.api, buckets: BUCKETS,
      min_x: fetchRange?.[0] ?? null, max_x: fetchRange?.[1] ?? null }, metric)
      .then((series: Series[]) => {
        if (!current) return;
        if (!fetchRange) exact.current = series.every((s) => s.buckets.every((b) => b.count <= 1));
        setColumns(toColumns(runs, series, metric, x.kind === 'rel'));
        setDetail(fetchRange ? 'zoomed' : 'all');
        setError(null);
      })
      .catch((e) => current && setError(e.message));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, refs, metric, namespace, tick, x.api, x.kind, fetchRange?.[0], fetchRange?.[1]]);

  const id = namespace === 'system' ? `system/${metric}` : metric;
  return (
    <figure ref={box} className="chart-card" data-metric={metric} data-detail={detail}>
      <figcaption>{metric}</figcaption>
      {error && <p className="error">{error}</p>}
      {columns && columns.runs.length > 0 && (
        <MetricChart id={id} columns={columns} xKind={x.kind} xLabel={x.kind === 'metric' ? x.api : x.kind}
          smoothing={settings.smoothing} log={settings.log} onZoom={setZoom} />
      )}
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
