// A typed client of the REST API (docs/api.md). Every request goes through `request`, which tells the
// connection monitor whether the server answered, so pages can show the "server gone" banner.
import { connection } from '../live/connection';
import type {
  ConsolePage, GroupsResult, ImportanceResult, MetricKey, Namespace, Project, Run, RunFile, RunPage, RunPatch, SampledQuery, Series, Sweep,
  SweepDeleted,
} from './types';

export const API = '/api/v1';

/** An error answer of the API: its status, stable code and the server's message. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * The answer index.html started fetching before the app loaded (the workspace's first page), for the
 * first GET of exactly that URL; once.
 */
function takeEarly(url: string, init?: RequestInit): Promise<Response> | undefined {
  const early = (window as { __cairnEarly?: Record<string, Promise<Response>> }).__cairnEarly;
  if (!early || (init?.method && init.method !== 'GET') || !(url in early)) return undefined;
  const response = early[url];
  delete early[url];
  return response;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await takeEarly(API + path, init) ?? await fetch(API + path, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch (e) {
    connection.reportDown();
    throw new ApiError(0, 'unreachable', 'the Cairn server does not answer');
  }
  if (response.status === 502 || response.status === 504) {
    connection.reportDown(); // a proxy in front of a stopped server
  } else {
    connection.reportUp();
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? text);
  }
  return body as T;
}

const enc = encodeURIComponent;
const runPath = (entity: string, project: string, id: string) =>
  `/runs/${enc(entity)}/${enc(project)}/${enc(id)}`;

export interface ListQuery {
  filter?: object | null;
  sort?: string;
  limit?: number;
  cursor?: string | null;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  health: () => request<{ status: string; version: string }>('/health'),

  projects: () => request<{ projects: Project[] }>('/projects').then((r) => r.projects),

  listRuns: (entity: string, project: string, q: ListQuery = {}) =>
    request<RunPage>(`/runs/${enc(entity)}/${enc(project)}` + query({
      filter: q.filter ? JSON.stringify(q.filter) : null,
      sort: q.sort,
      limit: q.limit,
      cursor: q.cursor,
    })),

  run: (entity: string, project: string, id: string) => request<Run>(runPath(entity, project, id)),

  /** The small files attached to a run (PUT .../files/{path}). */
  runFiles: (entity: string, project: string, id: string) =>
    request<{ files: RunFile[] }>(`${runPath(entity, project, id)}/files`).then((r) => r.files),

  patchRun: (entity: string, project: string, id: string, patch: RunPatch) =>
    request<Run>(runPath(entity, project, id), { method: 'PATCH', body: JSON.stringify(patch) }),

  keys: (entity: string, project: string, id: string, namespace: Namespace = 'history') =>
    request<{ keys: MetricKey[] }>(runPath(entity, project, id) + `/keys?namespace=${namespace}`)
      .then((r) => r.keys),

  /** The union of several runs' keys in one call (`POST /keys`). */
  keysOfRuns: (runs: string[], namespace: Namespace = 'history') =>
    request<{ keys: { key: string; runs: number }[] }>('/keys', { method: 'POST', body: JSON.stringify({ runs, namespace }) })
      .then((r) => r.keys.map((k) => k.key)),

  sampled: (q: SampledQuery) =>
    request<{ series: Series[] }>('/history/sampled', { method: 'POST', body: JSON.stringify(q) })
      .then((r) => r.series),

  console: (entity: string, project: string, id: string, fromLine: number, limit = 1000) =>
    request<ConsolePage>(runPath(entity, project, id) + '/console' + query({ from_line: fromLine, limit })),

  importance: (entity: string, project: string, body: { metric: string; filter?: object | null; keys?: string[] }) =>
    request<ImportanceResult>(`/runs/${enc(entity)}/${enc(project)}/importance`, { method: 'POST', body: JSON.stringify(body) }),

  /** Every matching run grouped by one field, counted and summarised by the server. */
  runGroups: (entity: string, project: string,
    body: { group_by: string; filter?: object | null; metrics?: string[]; limit?: number }) =>
    request<GroupsResult>(`/runs/${enc(entity)}/${enc(project)}/groups`, { method: 'POST', body: JSON.stringify(body) }),

  sweeps: (entity: string, project: string) =>
    request<{ sweeps: Sweep[] }>(`/sweeps/${enc(entity)}/${enc(project)}`).then((r) => r.sweeps),

  sweep: (entity: string, project: string, id: string) => request<Sweep>(`/sweeps/${enc(entity)}/${enc(project)}/${enc(id)}`),

  sweepAction: (entity: string, project: string, id: string, action: 'pause' | 'resume' | 'stop' | 'cancel') =>
    request<Sweep>(`/sweeps/${enc(entity)}/${enc(project)}/${enc(id)}/${action}`, { method: 'POST' }),

  /** Creates a sweep from the sweep file's text; a 400 names the key path that is wrong. */
  createSweep: (entity: string, project: string, configText: string) =>
    request<Sweep>(`/sweeps/${enc(entity)}/${enc(project)}`, { method: 'POST', body: JSON.stringify({ config_text: configText }) }),

  /** Deletes a sweep; its runs stay, or go to the trash with deleteRuns. A 409 says why not (trials running). */
  deleteSweep: (entity: string, project: string, id: string, options: { deleteRuns: boolean; force?: boolean }) =>
    request<SweepDeleted>(`/sweeps/${enc(entity)}/${enc(project)}/${enc(id)}`
      + query({ delete_runs: String(options.deleteRuns), force: String(options.force ?? false) }), { method: 'DELETE' }),

  patchSweep: (entity: string, project: string, id: string, patch: { notes: string }) =>
    request<Sweep>(`/sweeps/${enc(entity)}/${enc(project)}/${enc(id)}`, { method: 'PATCH', body: JSON.stringify(patch) }),
};

/** The address a run has in sampled-history queries: `entity/project/id`. */
/** The download address of a run's file; each segment of `path` is encoded, the slashes kept. */
export const runFileUrl = (entity: string, project: string, id: string, path: string) =>
  `${API}${runPath(entity, project, id)}/files/${path.split('/').map(enc).join('/')}`;

export const runRef = (run: Pick<Run, 'entity' | 'project' | 'id'>) => `${run.entity}/${run.project}/${run.id}`;
