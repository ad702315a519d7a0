// A bar chart of one summary metric across runs, each bar in the run's colour, the best run marked.
// "Best" follows the goal: lower is better for losses and errors (guessed from the name), which the
// user can flip.
import { useMemo, useState } from 'react';
import type { Run } from '../api/types';
import { formatValue } from '../lib/format';
import { lowerIsBetter, summaryNumber } from '../lib/runValues';

interface Props {
  runs: Run[];
  metrics: string[];
  colorOf: (run: Run) => string;
  /** Bars beyond this many runs are left out (the caption says so). */
  maxBars?: number;
}

const BAR_HEIGHT = 20;
const LABEL_WIDTH = 170;
const WIDTH = 560;

export function ScalarBarChart({ runs, metrics, colorOf, maxBars = 40 }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const metric = chosen && metrics.includes(chosen) ? chosen : metrics[0] ?? '';
  const [goalFlip, setGoalFlip] = useState<Record<string, boolean>>({});
  const minimize = lowerIsBetter(metric) !== Boolean(goalFlip[metric]);

  const bars = useMemo(() => runs.slice(0, maxBars).flatMap((run) => {
    const value = summaryNumber(run, metric);
    return value === null ? [] : [{ run, value }];
  }), [runs, metric, maxBars]);
  const best = bars.reduce<typeof bars[number] | null>((b, bar) =>
    b === null || (minimize ? bar.value < b.value : bar.value > b.value) ? bar : b, null);

  if (metrics.length === 0) return <p className="empty">No numeric summary metric to compare yet.</p>;
  const low = Math.min(0, ...bars.map((b) => b.value));
  const high = Math.max(0, ...bars.map((b) => b.value));
  const span = high - low || 1;
  const plot = WIDTH - LABEL_WIDTH - 70;
  const x = (v: number) => LABEL_WIDTH + ((v - low) / span) * plot;

  return (
    <div className="analysis-card bar-chart" data-metric={metric}>
      <div className="analysis-controls">
        <label>metric <select aria-label="bar chart metric" value={metric} onChange={(e) => setChosen(e.target.value)}>
          {metrics.map((m) => <option key={m} value={m}>{m}</option>)}
        </select></label>
        <label><input type="checkbox" aria-label="lower is better" checked={minimize}
          onChange={() => setGoalFlip({ ...goalFlip, [metric]: !goalFlip[metric] })} /> lower is better</label>
        {best && <span className="muted" data-best-run={best.run.id}>best: <b>{best.run.name}</b> {formatValue(best.value)}</span>}
      </div>
      {bars.length === 0 ? <p className="empty">No run shown has a number for {metric}.</p> : (
        <svg role="img" aria-label={`${metric} per run`} width={WIDTH} height={bars.length * (BAR_HEIGHT + 4) + 4}>
          {bars.map(({ run, value }, i) => {
            const isBest = run === best?.run;
            const y = 2 + i * (BAR_HEIGHT + 4);
            return (
              <g key={run.id} className={`bar${isBest ? ' best' : ''}`} data-run={run.id} data-value={value}
                aria-label={`${run.name}: ${formatValue(value)}${isBest ? ' (best)' : ''}`}>
                <text x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT - 6} textAnchor="end" className="bar-label">
                  {isBest ? '★ ' : ''}{run.name}
                </text>
                <rect x={Math.min(x(0), x(value))} y={y} height={BAR_HEIGHT}
                  width={Math.max(1, Math.abs(x(value) - x(0)))} fill={colorOf(run)}
                  stroke={isBest ? 'currentColor' : 'none'} strokeWidth={2} />
                <text x={Math.max(x(0), x(value)) + 4} y={y + BAR_HEIGHT - 6} className="bar-value">{formatValue(value)}</text>
              </g>
            );
          })}
        </svg>
      )}
      {runs.length > maxBars && <p className="muted">the first {maxBars} of {runs.length} runs; tick runs to compare others</p>}
    </div>
  );
}
