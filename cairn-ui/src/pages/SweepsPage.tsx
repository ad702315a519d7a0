// A project's sweeps: state, method, metric, run counts and the best run so far, newest first.
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { formatAgo, formatValue } from '../lib/format';
import { useLiveTick } from '../live/live';
import { useFetch } from './useFetch';

export function SweepsPage() {
  const { entity = '', project = '' } = useParams();
  const tick = useLiveTick(true);
  const { data, error, loading } = useFetch(() => api.sweeps(entity, project), [entity, project, tick]);
  const sweeps = data ?? [];
  return (
    <section className="page">
      <div className="page-title">
        <h1><Link to="/">{entity}</Link> / <Link to={`/${entity}/${project}`}>{project}</Link> / sweeps</h1>
        <span className="muted">{loading && !data ? 'loading…' : `${sweeps.length} ${sweeps.length === 1 ? 'sweep' : 'sweeps'}`}</span>
      </div>
      {error && !(error instanceof ApiError && error.status === 404) && <p className="error">{error.message}</p>}
      {!loading && sweeps.length === 0 && <p className="empty">No sweeps in this project yet. Create one with the API (POST /api/v1/sweeps/{entity}/{project}).</p>}
      {sweeps.length > 0 && (
        <table className="projects sweeps">
          <thead><tr><th>sweep</th><th>state</th><th>method</th><th>metric</th><th className="num">runs</th><th className="num">best</th><th>created</th></tr></thead>
          <tbody>
            {sweeps.map((s) => {
              const metric = (s.config.metric as { name?: string } | undefined)?.name ?? '';
              return (
                <tr key={s.id} data-sweep-id={s.id}>
                  <td><Link to={`/${entity}/${project}/sweeps/${s.id}`}>{s.name ?? s.id}</Link> <span className="muted">{s.id}</span></td>
                  <td><span className={`sweep-state sweep-${s.state}`}>{s.state}</span></td>
                  <td>{s.method}</td>
                  <td>{metric}</td>
                  <td className="num">{s.counts.total ?? 0}</td>
                  <td className="num">{s.best ? formatValue(s.best.metric) : ''}</td>
                  <td>{formatAgo(s.created_at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
