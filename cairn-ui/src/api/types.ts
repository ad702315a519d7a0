// The shapes of docs/api.md, as the UI reads them.

export type RunState = 'running' | 'finished' | 'failed' | 'crashed' | 'killed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Project {
  entity: string;
  name: string;
  run_count: number;
  created_at: string;
  last_activity_at: string | null;
}

export interface Run {
  entity: string;
  project: string;
  id: string;
  name: string;
  state: RunState;
  notes: string;
  tags: string[];
  group: string | null;
  job_type: string | null;
  config: JsonObject;
  summary: JsonObject;
  metadata: JsonObject;
  created_at: string;
  updated_at: string;
  heartbeat_at: string | null;
  finished_at: string | null;
  runtime_s: number | null;
  exit_code: number | null;
  last_seq: number;
  /** The sweep that created the run, or null (absent on servers without sweeps). */
  sweep?: string | null;
  deleted?: boolean;
}

export interface RunPage {
  runs: Run[];
  next_cursor: string | null;
  total: number;
}

export type Namespace = 'history' | 'system';

export interface MetricKey {
  key: string;
  count: number;
  first_step: number | null;
  last_step: number | null;
  last_value: number | string | null;
}

/** One downsampled bucket; values may be the strings "NaN"/"Infinity" or null. */
export interface Bucket {
  x: number;
  x_end: number;
  count: number;
  min: number | string | null;
  max: number | string | null;
  mean: number | string | null;
  last: number | string | null;
}

export interface Series {
  run: string; // entity/project/id
  key: string;
  buckets: Bucket[];
}

export interface SampledQuery {
  runs: string[];
  keys: string[];
  namespace: Namespace;
  /** `step`, `time` or another metric key. */
  x: string;
  buckets: number;
  min_x?: number | null;
  max_x?: number | null;
}

export interface ConsoleLine {
  line: number;
  stream: 'stdout' | 'stderr';
  time: number;
  text: string;
}

export interface ConsolePage {
  lines: ConsoleLine[];
  next_line: number;
}

/** A file attached to a run (GET /runs/{entity}/{project}/{run}/files). */
export interface RunFile {
  path: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface RunPatch {
  name?: string;
  notes?: string;
  tags?: string[];
  group?: string | null;
}

/** One config key's share in explaining a metric (POST /runs/{entity}/{project}/importance). */
export interface KeyImportance {
  key: string;
  importance: number;
  correlation: number | null;
  kind: 'number' | 'category';
}

export interface ImportanceResult {
  metric: string;
  runs: number;
  importance: KeyImportance[];
}

/** One key over a group's runs (docs/api.md, "Groups"). */
export interface GroupFieldStats {
  count: number;
  /** Present when every run of the group has this same value. */
  value?: Json;
  numbers: number;
  min: number | null;
  mean: number | null;
  max: number | null;
}

/** One group of `POST /runs/{entity}/{project}/groups`. */
export interface ServerGroup {
  value: Json;
  count: number;
  filter: { [field: string]: Json };
  metrics: { [field: string]: GroupFieldStats };
}

export interface GroupsResult {
  group_by: string;
  runs: number;
  group_count: number;
  groups: ServerGroup[];
}

export type SweepState = 'running' | 'paused' | 'finished' | 'stopped' | 'canceled';

/** A sweep (docs/api.md, "Sweeps"). */
export interface Sweep {
  entity: string;
  project: string;
  id: string;
  name: string | null;
  state: SweepState;
  method: string;
  config: JsonObject;
  notes: string;
  retries: number;
  created_at: string;
  updated_at: string;
  counts: Record<string, number>;
  best: { run: string; metric: number; params?: JsonObject } | null;
  /** Runs that came back after their grid point went to a later run: told to stop (absent on older servers). */
  superseded?: string[];
}

/** What deleting a sweep did: how many of its runs it had, and how many went to the trash. */
export interface SweepDeleted {
  id: string;
  deleted: boolean;
  runs: number;
  runs_deleted: number;
}
