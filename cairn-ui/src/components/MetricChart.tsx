// One uPlot line chart: a line per run (the bucket mean) inside a band from the bucket's min to max, so
// a spike that downsampling folds into a bucket still shows. With smoothing the line is the EMA of the
// means and the raw means are drawn faint behind it; on a log scale values at or below zero are left
// out. Dragging zooms (and tells `onZoom`, which fetches detail), a double-click zooms out, and the
// legend under the chart shows every run's value at the cursor. Tests read the chart's data from
// `window.__cairnCharts[id]` (the uPlot instance).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { withAlpha } from '../lib/colors';
import { formatDuration, formatValue } from '../lib/format';
import { type ChartColumns, type Column, smooth } from './chartData';

declare global {
  interface Window {
    __cairnCharts?: Record<string, uPlot>;
  }
}

/** What the x values are: steps, Unix seconds, seconds since each run started, or another metric. */
export type XKind = 'step' | 'time' | 'rel' | 'metric';

interface Props {
  id: string;
  columns: ChartColumns;
  xKind: XKind;
  /** The x axis's name in the legend (`step`, or the metric key). */
  xLabel?: string;
  /** EMA weight in [0, 1): 0 draws the means as they are. */
  smoothing?: number;
  log?: boolean;
  /** Called with the x range the user dragged across, or null on double-click (zoom out). */
  onZoom?: (range: [number, number] | null) => void;
  height?: number;
}

export function MetricChart({ id, columns, xKind, xLabel, smoothing = 0, log = false, onZoom, height = 200 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const zoomed = useRef(onZoom);
  zoomed.current = onZoom;
  const raw = smoothing > 0;
  const shape = columns.runs.map((r) => r.run.ref).join(',') + `|${xKind}|${raw}|${log}`;

  // (Re)build when the lines or the kind of chart change; otherwise only the data is swapped below.
  useEffect(() => {
    const el = box.current!;
    const layout = { columns, xKind, xLabel: xLabel ?? xKind, raw, log };
    const u = new uPlot(options(layout, el.clientWidth || 400, height, readout, (r) => zoomed.current?.(r)),
      toData(columns, smoothing, log), el);
    plot.current = u;
    (window.__cairnCharts ??= {})[id] = u;
    const zoomOut = () => zoomed.current?.(null);
    u.over.addEventListener('dblclick', zoomOut);
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.over.removeEventListener('dblclick', zoomOut);
      u.destroy();
      plot.current = null;
      if (window.__cairnCharts?.[id] === u) delete window.__cairnCharts[id];
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, shape, height]);

  useEffect(() => {
    plot.current?.setData(toData(columns, smoothing, log));
  }, [columns, smoothing, log]);

  return (
    <div className="metric-chart">
      <div ref={box} className="metric-chart-plot" data-chart={id} />
      <div ref={readout} className="metric-chart-readout" aria-live="off" />
    </div>
  );
}

/** Series per line: the drawn line, band min, band max, then the raw means when smoothing. */
const perLine = (raw: boolean) => (raw ? 4 : 3);

function toData(c: ChartColumns, smoothing: number, log: boolean): uPlot.AlignedData {
  const positive = (col: Column): Column => (log ? col.map((v) => (typeof v === 'number' && v <= 0 ? null : v)) : col);
  const cols: Column[] = [c.x];
  for (const r of c.runs) {
    cols.push(positive(smooth(r.mean, smoothing)), positive(r.min), positive(r.max));
    if (smoothing > 0) cols.push(positive(r.mean));
  }
  return cols as uPlot.AlignedData;
}

interface Layout {
  columns: ChartColumns;
  xKind: XKind;
  xLabel: string;
  raw: boolean;
  log: boolean;
}

function options({ columns: c, xKind, xLabel, raw, log }: Layout, width: number, height: number,
  readout: React.RefObject<HTMLDivElement | null>, onZoom: (range: [number, number]) => void): uPlot.Options {
  const series: uPlot.Series[] = [{ label: xLabel }];
  const bands: uPlot.Band[] = [];
  const n = perLine(raw);
  c.runs.forEach(({ run }, i) => {
    const line = 1 + i * n;
    series.push({ label: run.label, stroke: run.color, width: 1.5 });
    series.push({ label: `${run.label} min`, stroke: 'transparent', width: 0, points: { show: false } });
    series.push({ label: `${run.label} max`, stroke: 'transparent', width: 0, points: { show: false } });
    if (raw) series.push({ label: `${run.label} raw`, stroke: withAlpha(run.color, 0.3), width: 1, points: { show: false } });
    bands.push({ series: [line + 2, line + 1], fill: withAlpha(run.color, raw ? 0.1 : 0.18) });
  });
  const style = getComputedStyle(document.documentElement);
  const axisColor = style.getPropertyValue('--muted').trim() || '#888';
  const gridColor = style.getPropertyValue('--grid').trim() || '#8883';
  const axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor } };
  const xAxis: uPlot.Axis = xKind === 'rel'
    ? { ...axis, values: (_u, ticks) => ticks.map((t) => formatDuration(t)) }
    : { ...axis };
  return {
    width,
    height,
    series,
    bands,
    legend: { show: false },
    scales: { x: { time: xKind === 'time' }, y: { distr: log ? 3 : 1 } },
    axes: [xAxis, { ...axis, size: 60 }],
    cursor: { drag: { x: true, y: false } },
    hooks: {
      setSelect: [(u) => {
        if (u.select.width < 2) return;
        onZoom([u.posToVal(u.select.left, 'x'), u.posToVal(u.select.left + u.select.width, 'x')]);
      }],
      setCursor: [(u) => showValues(u, c, n, xKind, xLabel, readout.current)],
    },
  };
}

/** The legend under the chart: the cursor's x and each line's value there (its last one before, in a gap). */
function showValues(u: uPlot, c: ChartColumns, n: number, xKind: XKind, xLabel: string, el: HTMLDivElement | null) {
  if (!el) return;
  el.replaceChildren();
  const idx = u.cursor.idx;
  if (idx === null || idx === undefined) return;
  const x = u.data[0][idx];
  const head = document.createElement('span');
  head.className = 'readout-x';
  head.textContent = xKind === 'time' ? new Date(x * 1000).toLocaleTimeString()
    : xKind === 'rel' ? formatDuration(x) : `${xLabel} ${formatValue(x)}`;
  el.append(head);
  c.runs.forEach(({ run }, i) => {
    const col = u.data[1 + i * n];
    let j = idx;
    while (j >= 0 && col[j] === undefined) j--;
    if (j < 0) return;
    const v = col[j];
    const item = document.createElement('span');
    item.className = 'readout-run';
    item.dataset.run = run.label;
    const dot = document.createElement('i');
    dot.className = 'run-dot';
    dot.style.background = run.color;
    item.append(dot, `${run.label}: ${v === null ? 'NaN' : formatValue(v)}`);
    el.append(item);
  });
}
