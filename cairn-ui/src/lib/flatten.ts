import type { Json, JsonObject } from '../api/types';

/** `{"opt":{"lr":0.1}}` → `{"opt.lr":0.1}`; arrays stay values. */
export function flatten(obj: JsonObject | null | undefined, prefix = ''): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      Object.assign(out, flatten(v, key));
    } else {
      out[key] = v;
    }
  }
  return out;
}
