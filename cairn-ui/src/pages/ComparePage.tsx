// Compare runs: 2-10 runs side by side (`/{entity}/{project}/compare?runs=a,b,c`), one row per
// config and summary key, rows whose values differ highlighted, and a "differences only" switch
// (in the URL as `diff=1`).
import { useSearchParams, Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { Run } from '../api/types';
import { StateBadge } from '../components/StateBadge';
import { runColor } from '../lib/colors';
import { flatten } from '../lib/flatten';
import { formatDuration, formatValue } from '../lib/format';
import { useFetch } from './useFetch';

const MAX_RUNS = 10;

export function ComparePage() {
  const { entity = '', project = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const ids = (params.get('runs') ?? '').split(',').filter(Boolean).slice(0, MAX_RUNS);
  const differencesOnly = params.get('diff') === '1';
  const { data: runs, error } = useFetch(
    () => Promise.all(ids.map((id) => api.run(entity, project, id))), [entity, project, ids.join(',')]);

  const setDiff = (on: boolean) => setParams((old) => {
    const next = new URLSearchParams(old);
    if (on) next.set('diff', '1');
    else next.delete('diff');
    return next;
  }, { replace: true });

  return (
    <section className="page compare-page">
      <nav className="crumbs"><Link to={`/${entity}/${project}`}>{entity} / {project}</Link> / compare</nav>
      <div className="page-title">
        <h1>Compare {ids.length} runs</h1>
        <label className="diff-switch">
          <input type="checkbox" checked={differencesOnly} onChange={(e) => setDiff(e.target.checked)} /> differences only
        </label>
      </div>
      {ids.length < 2 && <p className="empty">Pick 2-{MAX_RUNS} runs in the workspace's table and press Compare.</p>}
      {error && <p className="error">{error.message}</p>}
      {runs && ids.length >= 2 && (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">key</th>
              {runs.map((r) => (
                <th scope="col" key={r.id} data-run-id={r.id}>
                  <span className="run-dot" style={{ background: runColor(r.id) }} />{' '}
                  <Link to={`/${entity}/${project}/runs/${r.id}`}>{r.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Section title="run" rows={factRows(runs)} differencesOnly={differencesOnly} />
            <Section title="config" rows={valueRows(runs, 'config')} differencesOnly={differencesOnly} />
            <Section title="summary" rows={valueRows(runs, 'summary')} differencesOnly={differencesOnly} />
          </tbody>
        </table>
      )}
    </section>
  );
}

interface Row {
  key: string;
  cells: React.ReactNode[];
  /** What equality is judged on, one per run. */
  values: unknown[];
}

function Section({ title, rows, differencesOnly }: { title: string; rows: Row[]; differencesOnly: boolean }) {
  const shown = rows.filter((r) => !differencesOnly || differs(r.values));
  return (
    <>
      <tr className="compare-section"><th colSpan={(rows[0]?.cells.length ?? 0) + 1} scope="rowgroup">{title}
        {' '}<span className="muted">({shown.length})</span></th></tr>
      {shown.map((row) => (
        <tr key={`${title}.${row.key}`} data-key={`${title}.${row.key}`} className={differs(row.values) ? 'differs' : undefined}>
          <th scope="row">{row.key}</th>
          {row.cells.map((cell, i) => <td key={i}>{cell}</td>)}
        </tr>
      ))}
    </>
  );
}

function differs(values: unknown[]): boolean {
  return new Set(values.map((v) => JSON.stringify(v ?? null))).size > 1;
}

function factRows(runs: Run[]): Row[] {
  const row = (key: string, get: (r: Run) => unknown, show: (r: Run) => React.ReactNode = (r) => formatValue(get(r))) =>
    ({ key, values: runs.map(get), cells: runs.map(show) });
  return [
    row('state', (r) => r.state, (r) => <StateBadge state={r.state} />),
    row('runtime', (r) => r.runtime_s, (r) => formatDuration(r.runtime_s)),
    row('group', (r) => r.group),
    row('job_type', (r) => r.job_type),
    row('tags', (r) => r.tags, (r) => r.tags.join(', ')),
  ];
}

function valueRows(runs: Run[], source: 'config' | 'summary'): Row[] {
  const flat = runs.map((r) => flatten(r[source]));
  const keys = Array.from(new Set(flat.flatMap((f) => Object.keys(f)))).sort();
  return keys.map((key) => ({
    key,
    values: flat.map((f) => f[key]),
    cells: flat.map((f) => (key in f ? formatValue(f[key]) : <span className="muted">—</span>)),
  }));
}
