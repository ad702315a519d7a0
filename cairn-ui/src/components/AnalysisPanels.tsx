// The workspace's analysis panels, below the charts: a bar chart of one summary metric, parallel
// coordinates (whose brush narrows the runs table) and parameter importance. They compare the ticked
// runs, or every run the table has loaded when none is ticked.
import { useMemo } from 'react';
import type { Run } from '../api/types';
import { keysSeen } from '../lib/runValues';
import { ImportancePanel } from './ImportancePanel';
import { ParallelCoordinates } from './ParallelCoordinates';
import { ScalarBarChart } from './ScalarBarChart';

interface Props {
  entity: string;
  project: string;
  runs: Run[];
  filter: object | null;
  selectedIds: string[];
  colorOf: (run: Run) => string;
  onBrush: (ids: Set<string> | null) => void;
}

export function AnalysisPanels({ entity, project, runs, filter, selectedIds, colorOf, onBrush }: Props) {
  const metrics = useMemo(() => keysSeen(runs, 'summary', true), [runs]);
  const configKeys = useMemo(() => keysSeen(runs, 'config'), [runs]);
  if (runs.length === 0) return null;
  return (
    <section className="analysis" aria-label="analysis">
      <h2>Analysis <span className="muted">{selectedIds.length > 0 ? `compares the ${runs.length} ticked runs` : `compares all ${runs.length} loaded runs`}</span></h2>
      <div className="analysis-grid">
        <section aria-label="bar chart"><h3>Compare a metric</h3>
          <ScalarBarChart runs={runs} metrics={metrics} colorOf={colorOf} /></section>
        <section aria-label="importance"><h3>Parameter importance</h3>
          <ImportancePanel entity={entity} project={project} filter={filter} selectedIds={selectedIds} metrics={metrics} /></section>
      </div>
      <section aria-label="parallel coordinates panel"><h3>Parallel coordinates</h3>
        <ParallelCoordinates runs={runs} configKeys={configKeys} metrics={metrics} onBrush={onBrush} /></section>
    </section>
  );
}
