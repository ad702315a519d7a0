// The small files attached to a run, with their sizes and download links.
import { api, runFileUrl } from '../api/client';
import { formatTime } from '../lib/format';
import { useFetch } from '../pages/useFetch';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function RunFiles({ entity, project, runId, tick }: { entity: string; project: string; runId: string; tick: number }) {
  const files = useFetch(() => api.runFiles(entity, project, runId), [entity, project, runId, tick]);
  if (files.error && !files.data) return <p className="error">{files.error.message}</p>;
  if (!files.data) return <p className="muted">loading…</p>;
  if (files.data.length === 0) return <p className="empty">No files.</p>;
  return (
    <table className="run-files" aria-label="files">
      <thead><tr><th>path</th><th>size</th><th>uploaded</th></tr></thead>
      <tbody>
        {files.data.map((f) => (
          <tr key={f.path}>
            <td><a href={runFileUrl(entity, project, runId, f.path)} download>{f.path}</a></td>
            <td title={`${f.size} bytes`}>{formatSize(f.size)}</td>
            <td>{formatTime(f.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
