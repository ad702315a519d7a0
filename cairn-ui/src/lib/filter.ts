// The filter bar's words compiled to the API's MongoDB-style `filter` (docs/api.md, "Listing runs").
//
//   name contains "res", state "running", expression "config.lr > 0.001, summary.acc >= 0.9, tags = base"
//   → {"$and":[{"name":{"$regex":"[rR][eE][sS]"}},{"state":"running"},
//              {"config.lr":{"$gt":0.001}},{"summary.acc":{"$gte":0.9}},{"tags":{"$in":["base"]}}]}

export interface FilterInput {
  name: string;
  state: string;
  where: string;
}

export type Compiled = { filter: object | null; error: null } | { filter: null; error: string };

const OPERATORS: Record<string, string> = {
  '>=': '$gte', '<=': '$lte', '!=': '$ne', '==': '$eq', '>': '$gt', '<': '$lt', '=': '$eq', '~': '$regex',
};
const CONDITION = /^\s*([A-Za-z_][\w.\-/]*)\s*(>=|<=|!=|==|>|<|=|~)\s*(.+?)\s*$/;
const FIELD = /^(name|state|group|job_type|tags|created_at|(config|summary)\.[^.].*)$/;

export function compileFilter(input: FilterInput): Compiled {
  const parts: object[] = [];
  if (input.name.trim()) parts.push({ name: { $regex: caseInsensitive(input.name.trim()) } });
  if (input.state) parts.push({ state: input.state });
  for (const text of splitConditions(input.where)) {
    const m = CONDITION.exec(text);
    if (!m) return { filter: null, error: `cannot read "${text}": write field op value, e.g. config.lr > 0.01` };
    const [, field, op, rawValue] = m;
    if (!FIELD.test(field)) {
      return { filter: null, error: `unknown field "${field}": use name, state, group, job_type, tags, created_at, config.<key> or summary.<key>` };
    }
    const value = parseValue(rawValue);
    if (field === 'tags' && (op === '=' || op === '==')) parts.push({ tags: { $in: [String(value)] } });
    else if (field === 'tags' && op === '!=') parts.push({ tags: { $nin: [String(value)] } });
    else if (op === '=' || op === '==') parts.push({ [field]: value });
    else parts.push({ [field]: { [OPERATORS[op]]: value } });
  }
  if (parts.length === 0) return { filter: null, error: null };
  return { filter: parts.length === 1 ? parts[0] : { $and: parts }, error: null };
}

/** Conditions are separated by commas or the word "and". */
function splitConditions(where: string): string[] {
  return where.split(/,|\s+and\s+/i).map((s) => s.trim()).filter(Boolean);
}

function parseValue(raw: string): string | number | boolean | null {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(raw);
  if (quoted) return quoted[1] ?? quoted[2];
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  const n = Number(raw);
  return raw !== '' && Number.isFinite(n) ? n : raw;
}

/** A regex matching the text literally, any letter case, written so any regex dialect reads it. */
export function caseInsensitive(text: string): string {
  return Array.from(text).map((c) => {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (lower !== upper) return `[${lower}${upper}]`;
    return /[\\^$.*+?()[\]{}|\-/]/.test(c) ? `\\${c}` : c;
  }).join('');
}
