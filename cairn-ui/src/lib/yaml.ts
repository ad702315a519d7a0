// A small YAML writer for the sweep files the dashboard drafts: block mappings, flow lists of scalars,
// block lists of anything else, and scalars quoted whenever a plain one could be read back as something
// else. Enough for JSON-shaped data; it never writes anchors, tags or multi-line strings.
//
//   toYaml({method: 'bayes', parameters: {opt: {values: ['adam', 'sgd']}}})
//   → "method: bayes\nparameters:\n  opt:\n    values: [adam, sgd]\n"
import type { Json } from '../api/types';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~|\.nan|\.inf)$/i;

/** The YAML text of a JSON value (an object at the top, usually). */
export function toYaml(value: Json): string {
  return isObject(value) ? mapping(value, 0) : `${scalarOrFlow(value)}\n`;
}

function mapping(obj: { [key: string]: Json }, indent: number): string {
  const pad = ' '.repeat(indent);
  const entries = Object.entries(obj);
  if (entries.length === 0) return `${pad}{}\n`;
  return entries.map(([key, v]) => {
    const k = `${pad}${scalar(key)}:`;
    if (isObject(v)) return Object.keys(v).length === 0 ? `${k} {}\n` : `${k}\n${mapping(v, indent + 2)}`;
    if (Array.isArray(v) && !v.every(isScalar)) return `${k}\n${blockList(v, indent + 2)}`;
    return `${k} ${scalarOrFlow(v)}\n`;
  }).join('');
}

function blockList(items: Json[], indent: number): string {
  const pad = ' '.repeat(indent);
  return items.map((item) => {
    if (isObject(item) && Object.keys(item).length > 0) {
      // the first key goes on the dash's line, the rest line up under it
      const body = mapping(item, indent + 2);
      return `${pad}- ${body.slice(indent + 2)}`;
    }
    if (Array.isArray(item) && !item.every(isScalar)) return `${pad}-\n${blockList(item, indent + 2)}`;
    return `${pad}- ${scalarOrFlow(item)}\n`;
  }).join('');
}

function scalarOrFlow(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(scalarOrFlow).join(', ')}]`;
  if (isObject(v)) return '{}';
  return scalar(v);
}

/** One scalar: numbers and booleans as they are, text plain when that reads back as the same text. */
export function scalar(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  if (typeof v === 'string') return PLAIN.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: Json): boolean {
  return v === null || typeof v !== 'object';
}
