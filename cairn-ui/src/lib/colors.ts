// Run colours. In a workspace the runs take the palette in table order, so the first twenty runs on
// screen never share a colour, and the table's dot and the chart's line always agree. A lone run (the
// run page) takes the first.
const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#edc948', '#17becf', '#ff9da7', '#9c755f', '#76b7b2',
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#7f7f7f', '#ff7f0e', '#393b79',
];

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** The colour with an alpha, for the min/max band under a line. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
