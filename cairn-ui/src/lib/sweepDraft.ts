// A sweep file drafted from runs the user ticked: each config key that varies across them becomes a
// search range (numbers) or a choice (anything else), each key they share stays a constant, and the
// program comes from the runs' metadata when the SDK recorded it (Python: `program`, `args`).
//
//   draftSweep(runs, {metric: 'val_loss', goal: 'minimize', method: 'bayes'})
//   → {method: 'bayes', metric: {...}, program: 'train.py', parameters: {lr: {distribution: 'uniform', min: 0.001, max: 0.01}, ...}}
import type { Json, JsonObject, Run } from '../api/types';

export type Method = 'bayes' | 'random' | 'grid';
export type Goal = 'minimize' | 'maximize';

export interface DraftChoices {
  metric: string;
  goal: Goal;
  method: Method;
}

/** Values spanning more than this factor (two decades) get a log-uniform range. */
const LOG_SPAN = 100;
const NAMED_RUNS = 10;

/** The sweep file as a JSON object, keys in the order a person reads them. */
export function draftSweep(runs: Run[], choices: DraftChoices): JsonObject {
  const draft: JsonObject = {};
  draft.description = describe(runs);
  const origin = programOf(runs);
  if (origin.program) draft.program = origin.program;
  draft.method = choices.method;
  if (choices.metric) draft.metric = { name: choices.metric, goal: choices.goal };
  draft.parameters = parametersOf(runs.map((r) => r.config ?? {}), choices.method === 'grid');
  if (origin.program && origin.command) draft.command = origin.command;
  return draft;
}

/** What the draft could not fill in, said as YAML comments above it (the program to run, mostly). */
export function draftComments(runs: Run[]): string[] {
  const origin = programOf(runs);
  if (origin.program) return [];
  const lines = ['# program: fill in the script the agent should run (the runs\' metadata does not say which)'];
  if (origin.startedWith) lines.push(`# the first run was started with: ${origin.startedWith}`);
  return lines;
}

function describe(runs: Run[]): string {
  const names = runs.slice(0, NAMED_RUNS).map((r) => r.name).join(', ');
  return `from ${runs.length} runs: ${names}${runs.length > NAMED_RUNS ? ', ...' : ''}`;
}

/** One parameters block over the configs: nested objects become nested blocks. */
function parametersOf(configs: JsonObject[], forGrid: boolean): JsonObject {
  const keys: string[] = [];
  for (const c of configs) for (const k of Object.keys(c)) if (!keys.includes(k) && !k.startsWith('_')) keys.push(k);
  const block: JsonObject = {};
  for (const key of keys) {
    const values = configs.map((c) => c[key]).filter((v): v is Json => v !== undefined);
    if (values.length > 0 && values.every(isObject)) {
      block[key] = { parameters: parametersOf(values as JsonObject[], forGrid) };
    } else {
      block[key] = parameterOf(values, forGrid);
    }
  }
  return block;
}

/** One parameter from the values the runs had (missing ones left out). */
export function parameterOf(values: Json[], forGrid = false): JsonObject {
  const distinct = distinctValues(values.filter((v) => v !== null));
  if (distinct.length === 0) return { value: null };
  if (distinct.length === 1) return { value: distinct[0] };
  const numbers = distinct.every((v) => typeof v === 'number' && Number.isFinite(v)) ? distinct as number[] : null;
  if (!numbers || forGrid) return { values: sortValues(distinct) };
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  if (numbers.every(Number.isInteger)) return { distribution: 'int_uniform', min, max };
  if (min > 0 && max / min > LOG_SPAN) return { distribution: 'log_uniform_values', min, max };
  return { distribution: 'uniform', min, max };
}

function distinctValues(values: Json[]): Json[] {
  const seen = new Map<string, Json>();
  for (const v of values) {
    const id = JSON.stringify(v);
    if (!seen.has(id)) seen.set(id, v);
  }
  return Array.from(seen.values());
}

function sortValues(values: Json[]): Json[] {
  return [...values].sort((a, b) => (typeof a === 'number' && typeof b === 'number'
    ? a - b : JSON.stringify(a).localeCompare(JSON.stringify(b))));
}

/**
 * The program the runs share (Python SDK: `metadata.program`), and a command when their arguments were
 * written `key=value` (Hydra style) rather than `--key=value`, which the default command already writes.
 */
function programOf(runs: Run[]): { program: string | null; command: string[] | null; startedWith: string | null } {
  const programs = new Set(runs.map((r) => r.metadata?.program).filter((p): p is string => typeof p === 'string' && p !== ''));
  const first = runs[0]?.metadata ?? {};
  const started = first.command_line ?? first.command;
  const startedWith = typeof started === 'string' ? started : null;
  if (programs.size !== 1) return { program: null, command: null, startedWith };
  const args = runs.flatMap((r) => (Array.isArray(r.metadata?.args) ? r.metadata.args : []))
    .filter((a): a is string => typeof a === 'string');
  const hydraStyle = args.length > 0 && args.every((a) => /^[\w.+~-]+=/.test(a) && !a.startsWith('-'));
  return {
    program: Array.from(programs)[0],
    command: hydraStyle ? ['${env}', '${interpreter}', '${program}', '${args_no_hyphens}'] : null,
    startedWith,
  };
}

function isObject(v: Json): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
