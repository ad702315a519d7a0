// Run colours. A run's colour is a function of its id alone (`runColor`), so the workspace's table, its
// charts and bar chart, the compare page and the run page all show a run in the same colour, and sorting or
// filtering the table never repaints a run. The price: two of ten runs may share a colour (the names in the
// legends tell them apart). Groups, which are not runs, take the palette in their order (`colorAt`).
const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#edc948', '#17becf', '#ff9da7', '#9c755f', '#76b7b2',
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#7f7f7f', '#ff7f0e', '#393b79',
];

/** The colour of the run with this id (or of a group with this name): the same on every page. */
export function runColor(id: string): string {
  // FNV-1a over the UTF-16 code units: cheap, and well spread for short random ids
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

/** The palette by position: the groups of a grouped workspace, largest first. */
export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** The colour with an alpha, for the min/max band under a line. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
