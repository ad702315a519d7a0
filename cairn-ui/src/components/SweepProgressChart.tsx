// A sweep's progress: each run's metric against the time the run started, and the best value so far
// as a step line (following the sweep's goal). Runs that failed, crashed or were killed are grey.
import type { Run } from '../api/types';
import { formatTime, formatValue } from '../lib/format';
import { summaryNumber } from '../lib/runValues';

interface Props {
  runs: Run[];
  metric: string;
  minimize: boolean;
}

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 60, right: 16, top: 12, bottom: 28 };
const GREY_STATES = new Set(['failed', 'crashed', 'killed']);

export function SweepProgressChart({ runs, metric, minimize }: Props) {
  const points = runs.flatMap((run) => {
    const value = summaryNumber(run, metric);
    return value === null ? [] : [{ run, value, t: Date.parse(run.created_at) }];
  }).sort((a, b) => a.t - b.t);
  if (points.length === 0) return <p className="empty">No run of this sweep has logged {metric} yet.</p>;

  const best: { t: number; value: number }[] = [];
  for (const p of points) {
    if (GREY_STATES.has(p.run.state)) continue;
    const last = best.at(-1)?.value;
    const better = last === undefined || (minimize ? p.value < last : p.value > last);
    best.push({ t: p.t, value: better ? p.value : last! });
  }
  const t0 = points[0].t;
  const t1 = Math.max(points.at(-1)!.t, t0 + 1);
  const lo = Math.min(...points.map((p) => p.value));
  const hi = Math.max(...points.map((p) => p.value));
  const span = hi - lo || 1;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / span) * (HEIGHT - PAD.top - PAD.bottom);
  const line = best.map((b, i) => `${i === 0 ? 'M' : `H${x(b.t).toFixed(1)}V`}${i === 0 ? `${x(b.t).toFixed(1)},` : ''}${y(b.value).toFixed(1)}`).join('');

  return (
    <svg className="sweep-progress" width={WIDTH} height={HEIGHT} role="img" aria-label={`${metric} by run start time`}>
      <text x={8} y={PAD.top + 8} className="axis-note">{formatValue(hi)}</text>
      <text x={8} y={HEIGHT - PAD.bottom} className="axis-note">{formatValue(lo)}</text>
      <text x={PAD.left} y={HEIGHT - 8} className="axis-note">{formatTime(new Date(t0).toISOString())}</text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="axis-note">{formatTime(new Date(t1).toISOString())}</text>
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="currentColor" strokeOpacity={0.3} />
      {best.length > 0 && <path className="best-so-far" d={`${line}H${x(t1).toFixed(1)}`} fill="none" stroke="var(--finished)" strokeWidth={2} />}
      {points.map((p) => (
        <circle key={p.run.id} data-run={p.run.id} data-state={p.run.state} cx={x(p.t)} cy={y(p.value)} r={4}
          className={GREY_STATES.has(p.run.state) ? 'sweep-point grey' : 'sweep-point'}>
          <title>{`${p.run.name}: ${formatValue(p.value)} (${p.run.state})`}</title>
        </circle>
      ))}
    </svg>
  );
}
