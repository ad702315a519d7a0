// The bar above the workspace's charts: x axis, smoothing and log scale (chartSettings.ts).
import type { ChartSettings } from './chartSettings';

interface Props {
  settings: ChartSettings;
  onChange: (change: Partial<ChartSettings>) => void;
  /** Metric keys offered as x axes. */
  metricKeys: string[];
}

export function ChartControls({ settings, onChange, metricKeys }: Props) {
  return (
    <div className="chart-controls" role="group" aria-label="chart settings">
      <label>x axis{' '}
        <select aria-label="x axis" value={settings.x} onChange={(e) => onChange({ x: e.target.value })}>
          <option value="step">step</option>
          <option value="time">wall time</option>
          <option value="rel">relative time</option>
          {metricKeys.length > 0 && (
            <optgroup label="metric">
              {metricKeys.map((k) => <option key={k} value={k}>{k}</option>)}
            </optgroup>
          )}
          {!['step', 'time', 'rel', ...metricKeys].includes(settings.x) && <option value={settings.x}>{settings.x}</option>}
        </select>
      </label>
      <label>smoothing{' '}
        <input type="range" aria-label="smoothing" min={0} max={0.99} step={0.01} value={settings.smoothing}
          onChange={(e) => onChange({ smoothing: Number(e.target.value) })} />
        <output className="smoothing-value">{settings.smoothing.toFixed(2)}</output>
      </label>
      <label>
        <input type="checkbox" aria-label="log scale" checked={settings.log} onChange={(e) => onChange({ log: e.target.checked })} />
        {' '}log scale
      </label>
    </div>
  );
}
