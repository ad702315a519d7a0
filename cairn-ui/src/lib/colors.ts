// Each run keeps one colour everywhere (table dot, chart line), derived from its id so it is stable
// across pages, reloads and people.
const PALETTE = [
  '#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d',
  '#ff9da6', '#5f9ed1', '#c85200', '#2ca02c', '#8c564b', '#17becf', '#bcbd22', '#7f7f7f',
];

export function runColor(runId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < runId.length; i++) {
    hash ^= runId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

/** The colour with an alpha, for the min/max band under a line. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
