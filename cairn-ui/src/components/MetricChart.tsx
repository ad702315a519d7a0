// One uPlot line chart: a line per run (the bucket mean) inside a band from the bucket's min to max, so
// a spike that downsampling folds into a bucket still shows. Tests read the chart's data from
// `window.__cairnCharts[id]` (the uPlot instance).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { withAlpha } from '../lib/colors';
import { formatValue } from '../lib/format';
import type { ChartColumns } from './chartData';

declare global {
  interface Window {
    __cairnCharts?: Record<string, uPlot>;
  }
}

interface Props {
  id: string;
  columns: ChartColumns;
  xIsTime: boolean;
  height?: number;
}

export function MetricChart({ id, columns, xIsTime, height = 200 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = columns.runs.map((r) => r.run.ref).join(',') + `|${xIsTime}`;

  // (Re)build when the set of runs changes; otherwise only the data is swapped below.
  useEffect(() => {
    const el = box.current!;
    const u = new uPlot(options(columns, xIsTime, el.clientWidth || 400, height, readout), toData(columns), el);
    plot.current = u;
    (window.__cairnCharts ??= {})[id] = u;
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
      if (window.__cairnCharts?.[id] === u) delete window.__cairnCharts[id];
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, shape, height]);

  useEffect(() => {
    plot.current?.setData(toData(columns));
  }, [columns]);

  return (
    <div className="metric-chart">
      <div ref={box} className="metric-chart-plot" data-chart={id} />
      <div ref={readout} className="metric-chart-readout" aria-live="off" />
    </div>
  );
}

function toData(c: ChartColumns): uPlot.AlignedData {
  const cols: (number | null | undefined)[][] = [c.x];
  for (const r of c.runs) cols.push(r.mean, r.min, r.max);
  return cols as uPlot.AlignedData;
}

function options(c: ChartColumns, xIsTime: boolean, width: number, height: number,
  readout: React.RefObject<HTMLDivElement | null>): uPlot.Options {
  const series: uPlot.Series[] = [{ label: xIsTime ? 'time' : 'step' }];
  const bands: uPlot.Band[] = [];
  c.runs.forEach(({ run }, i) => {
    const line = 1 + i * 3;
    series.push({ label: run.label, stroke: run.color, width: 1.5 });
    series.push({ label: `${run.label} min`, stroke: 'transparent', width: 0, points: { show: false } });
    series.push({ label: `${run.label} max`, stroke: 'transparent', width: 0, points: { show: false } });
    bands.push({ series: [line + 2, line + 1], fill: withAlpha(run.color, 0.18) });
  });
  const axisColor = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#888';
  const gridColor = getComputedStyle(document.documentElement).getPropertyValue('--grid').trim() || '#8883';
  const axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor } };
  return {
    width,
    height,
    series,
    bands,
    legend: { show: false },
    scales: { x: { time: xIsTime } },
    axes: [{ ...axis }, { ...axis, size: 60 }],
    cursor: { drag: { x: true, y: false } },
    hooks: {
      setCursor: [(u) => {
        const el = readout.current;
        if (!el) return;
        const idx = u.cursor.idx;
        if (idx === null || idx === undefined) {
          el.textContent = '';
          return;
        }
        const x = u.data[0][idx];
        const parts = c.runs.map(({ run }, i) => {
          const v = u.data[1 + i * 3][idx];
          return v === undefined ? null : `${run.label}: ${v === null ? 'NaN' : formatValue(v)}`;
        }).filter(Boolean);
        el.textContent = `${xIsTime ? new Date(x * 1000).toLocaleTimeString() : `step ${x}`} · ${parts.join(' · ')}`;
      }],
    },
  };
}
