// The bar between the filter and the runs table: group by a column, choose columns, compare the ticked
// runs.
import { Link } from 'react-router';
import type { ColumnPrefs } from '../lib/columnPrefs';
import { ColumnsMenu } from './ColumnsMenu';
import type { Column } from './RunsTable';

interface Props {
  entity: string;
  project: string;
  groupBy: string;
  onGroupBy: (field: string) => void;
  configKeys: string[];
  columns: Column[];
  prefs: ColumnPrefs;
  onPrefs: (prefs: ColumnPrefs) => void;
  selected: string[];
}

export const MAX_COMPARED = 10;

export function WorkspaceToolbar(p: Props) {
  const fields = ['group', 'job_type', 'state', 'tags', ...p.configKeys.map((k) => `config.${k}`)];
  const comparable = p.selected.length >= 2 && p.selected.length <= MAX_COMPARED;
  return (
    <div className="workspace-toolbar">
      <label>group by{' '}
        <select aria-label="group by" value={p.groupBy} onChange={(e) => p.onGroupBy(e.target.value)}>
          <option value="">nothing</option>
          {fields.map((f) => <option key={f} value={f}>{f}</option>)}
          {p.groupBy && !fields.includes(p.groupBy) && <option value={p.groupBy}>{p.groupBy}</option>}
        </select>
      </label>
      <ColumnsMenu columns={p.columns} prefs={p.prefs} onChange={p.onPrefs} />
      {comparable
        ? <Link className="button" to={`/${p.entity}/${p.project}/compare?runs=${p.selected.join(',')}`}>Compare {p.selected.length} runs</Link>
        : <span className="muted compare-hint">tick 2-{MAX_COMPARED} runs to compare them</span>}
    </div>
  );
}
