// Parallel coordinates over runs: an axis per chosen config key and the metric axis last, one line per
// run coloured by the metric. Drag along an axis to brush a range; runs outside any brush fade, and the
// page shows only the runs inside every brush in its table. A click on an axis clears its brush.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Run } from '../api/types';
import { formatValue } from '../lib/format';
import { type Axis, isConstant, makeAxis, metricColor } from './parallelAxes';

interface Props {
  runs: Run[];
  configKeys: string[];
  metrics: string[];
  /** The ids of the runs inside every brush, or null when nothing is brushed. */
  onBrush: (ids: Set<string> | null) => void;
}

const HEIGHT = 300;
const TOP = 28;
const BOTTOM = 24;
const AXIS_GAP = 150;
const SIDE = 70;
const DEFAULT_AXES = 8;

type Brushes = Record<string, [number, number]>; // axis id -> [top y, bottom y] in pixels

export function ParallelCoordinates({ runs, configKeys, metrics, onBrush }: Props) {
  const [picked, setPicked] = useState<string[] | null>(null);
  const [chosenMetric, setChosenMetric] = useState<string | null>(null);
  const [keepConstant, setKeepConstant] = useState(false);
  const [brushes, setBrushes] = useState<Brushes>({});
  const [dragging, setDragging] = useState<{ axis: string; from: number; to: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const metric = chosenMetric && metrics.includes(chosenMetric) ? chosenMetric : metrics[0] ?? null;

  const candidates = useMemo(() => configKeys.map((k) => makeAxis(runs, 'config', k)), [runs, configKeys]);
  const dropped = candidates.filter(isConstant).map((a) => a.label);
  const axes: Axis[] = useMemo(() => {
    const wanted = picked ?? candidates.filter((a) => !isConstant(a)).slice(0, DEFAULT_AXES).map((a) => a.label);
    const chosen = candidates.filter((a) => wanted.includes(a.label) && (keepConstant || !isConstant(a)));
    return metric ? [...chosen, makeAxis(runs, 'summary', metric)] : chosen;
  }, [candidates, picked, keepConstant, metric, runs]);

  const plotHeight = HEIGHT - TOP - BOTTOM;
  const width = SIDE * 2 + Math.max(1, axes.length - 1) * AXIS_GAP;
  const xOf = (i: number) => SIDE + i * AXIS_GAP;
  const yOf = (place: number) => TOP + (1 - place) * plotHeight;

  const inside = useMemo(() => {
    const active = axes.filter((a) => brushes[a.id]);
    if (active.length === 0) return null;
    return new Set(runs.filter((run) => active.every((a) => {
      const place = a.place(run);
      if (place === null) return false;
      const y = yOf(place);
      return y >= brushes[a.id][0] - 0.5 && y <= brushes[a.id][1] + 0.5;
    })).map((r) => r.id));
  }, [runs, axes, brushes]); // eslint-disable-line react-hooks/exhaustive-deps

  const insideKey = inside ? Array.from(inside).sort().join(',') : null;
  useEffect(() => onBrush(inside), [insideKey]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => onBrush(null), []); // eslint-disable-line react-hooks/exhaustive-deps

  const metricAxis = metric ? axes[axes.length - 1] : null;
  const lines = runs.map((run) => {
    const points = axes.map((a, i) => {
      const place = a.place(run);
      return place === null ? null : `${xOf(i)},${yOf(place).toFixed(1)}`;
    });
    const t = metricAxis?.place(run);
    return { run, d: pathOf(points), color: t === null || t === undefined ? '#9aa1ad' : metricColor(t) };
  });

  const pointerY = (e: { clientY: number }) => e.clientY - (svg.current?.getBoundingClientRect().top ?? 0);
  const clampY = (y: number) => Math.max(TOP, Math.min(TOP + plotHeight, y));
  const startBrush = (axis: string, e: React.PointerEvent) => {
    e.preventDefault();
    const y = clampY(pointerY(e));
    setDragging({ axis, from: y, to: y });
  };
  useEffect(() => {
    if (!dragging) return;
    const move = (e: PointerEvent) => setDragging((d) => d && { ...d, to: clampY(pointerY(e)) });
    const up = (e: PointerEvent) => {
      const to = clampY(pointerY(e));
      setDragging(null);
      setBrushes((old) => {
        const next = { ...old };
        if (Math.abs(to - dragging.from) < 3) delete next[dragging.axis];
        else next[dragging.axis] = [Math.min(dragging.from, to), Math.max(dragging.from, to)];
        return next;
      });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [dragging?.axis, dragging?.from]); // eslint-disable-line react-hooks/exhaustive-deps

  if (runs.length === 0) return null;
  const shownBrush = (id: string): [number, number] | undefined =>
    dragging?.axis === id ? [Math.min(dragging.from, dragging.to), Math.max(dragging.from, dragging.to)] : brushes[id];

  return (
    <div className="analysis-card parallel" aria-label="parallel coordinates">
      <div className="analysis-controls">
        <details className="axis-picker">
          <summary>axes ({axes.length - (metric ? 1 : 0)} of {configKeys.length})</summary>
          {candidates.map((a) => (
            <label key={a.id}><input type="checkbox" checked={axes.some((x) => x.id === a.id)}
              onChange={(e) => setPicked(togglePick(axes, metric, a.label, e.target.checked))} /> {a.label}
              {isConstant(a) && <span className="muted"> (one value)</span>}</label>
          ))}
        </details>
        <label>metric <select aria-label="parallel coordinates metric" value={metric ?? ''}
          onChange={(e) => setChosenMetric(e.target.value)}>
          {metrics.map((m) => <option key={m} value={m}>{m}</option>)}
        </select></label>
        <label><input type="checkbox" checked={keepConstant} onChange={(e) => setKeepConstant(e.target.checked)} />
          {' '}keep axes with one value{dropped.length > 0 && !keepConstant ? ` (${dropped.length} hidden)` : ''}</label>
        {inside && (
          <span className="brush-status">
            <b>{inside.size}</b> of {runs.length} runs in the brush{' '}
            <button type="button" onClick={() => setBrushes({})}>clear brush</button>
          </span>
        )}
      </div>
      <div className="parallel-scroll">
        <svg ref={svg} width={width} height={HEIGHT} role="img" aria-label="runs across config keys and the metric">
          <g className="pc-lines">
            {lines.map(({ run, d, color }) => {
              const isIn = !inside || inside.has(run.id);
              return <path key={run.id} d={d} data-run={run.id} className={`pc-line ${isIn ? 'in' : 'out'}`}
                stroke={isIn ? color : '#b8bec9'} strokeOpacity={isIn ? 0.85 : 0.25} fill="none"><title>{run.name}</title></path>;
            })}
          </g>
          {axes.map((a, i) => {
            const brush = shownBrush(a.id);
            return (
              <g key={a.id} className="pc-axis" data-axis={a.id} data-kind={a.kind} data-min={a.min} data-max={a.max}
                data-top={TOP} data-bottom={TOP + plotHeight} data-x={xOf(i)}>
                <text x={xOf(i)} y={TOP - 12} textAnchor="middle" className="pc-axis-label">{a.label}</text>
                <line x1={xOf(i)} x2={xOf(i)} y1={TOP} y2={TOP + plotHeight} stroke="currentColor" strokeOpacity={0.5} />
                {ticks(a).map(([place, label]) => (
                  <text key={label + place} x={xOf(i) + 5} y={yOf(place) + 4} className="pc-tick">{label}</text>
                ))}
                {brush && <rect className="pc-brush" x={xOf(i) - 8} width={16} y={brush[0]} height={brush[1] - brush[0]} />}
                <rect className="pc-hit" x={xOf(i) - 12} width={24} y={TOP - 4} height={plotHeight + 8} fill="transparent"
                  aria-label={`brush ${a.label}`} onPointerDown={(e) => startBrush(a.id, e)} />
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

function pathOf(points: (string | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p}`;
    pen = true;
  }
  return d;
}

function ticks(axis: Axis): [number, string][] {
  if (axis.kind === 'category') {
    const n = axis.categories.length;
    if (n > 20) return [];
    return axis.categories.map((c, i) => [n === 1 ? 0.5 : i / (n - 1), c]);
  }
  if (axis.min === axis.max) return [[0.5, formatValue(axis.min)]];
  return [[0, formatValue(axis.min)], [0.5, formatValue((axis.min + axis.max) / 2)], [1, formatValue(axis.max)]];
}

function togglePick(axes: Axis[], metric: string | null, label: string, on: boolean): string[] {
  const current = axes.filter((a) => !(metric && a.id === `summary.${metric}`)).map((a) => a.label);
  return on ? [...current, label] : current.filter((l) => l !== label);
}
