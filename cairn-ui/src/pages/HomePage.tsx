// The list of projects: run counts and last activity, a search box (press "/" to jump to it).
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { formatAgo, formatTime } from '../lib/format';
import { useLiveTick } from '../live/live';
import { useFetch } from './useFetch';

export function HomePage() {
  const tick = useLiveTick(false);
  const { data: projects, error } = useFetch(() => api.projects(), [tick]);
  const [query, setQuery] = useState('');
  const search = useSlashFocus();
  const q = query.trim().toLowerCase();
  // most recently active first: the project you are working on is at the top
  const shown = (projects ?? []).filter((p) => `${p.entity}/${p.name}`.toLowerCase().includes(q))
    .sort((a, b) => (b.last_activity_at ?? '').localeCompare(a.last_activity_at ?? ''));

  return (
    <section className="page home">
      <div className="page-title">
        <h1>Projects</h1>
        <input ref={search} type="search" placeholder="search projects  ( / )" aria-label="search projects"
          value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {error && !projects && <p className="error">Could not load projects: {error.message}</p>}
      {projects && projects.length === 0 && (
        <div className="empty">
          <p>No projects yet. A project appears when its first run is logged, for example:</p>
          <pre>{'curl -X POST localhost:8080/api/v1/runs/me/first-project -d \'{"name":"hello"}\''}</pre>
        </div>
      )}
      {shown.length > 0 && (
        <table className="projects">
          <thead><tr><th>entity</th><th>project</th><th className="num">runs</th><th>last activity</th></tr></thead>
          <tbody>
            {shown.map((p) => (
              <tr key={`${p.entity}/${p.name}`}>
                <td>{p.entity}</td>
                <td><Link to={`/${p.entity}/${p.name}`}>{p.name}</Link></td>
                <td className="num">{p.run_count}</td>
                <td title={formatTime(p.last_activity_at)}>{formatAgo(p.last_activity_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {projects && projects.length > 0 && shown.length === 0 && <p className="empty">No project matches “{query}”.</p>}
    </section>
  );
}

/** Focuses the returned input when "/" is pressed outside a text field. */
export function useSlashFocus() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return ref;
}
