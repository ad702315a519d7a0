// Console text as programs write it to a terminal: SGR escape codes (colours 30-37 and 90-97, bold,
// reset) become styled segments; every other escape sequence (cursor moves, erase line) is dropped.
//   parseAnsi('\x1b[31mred\x1b[0m ok') → [{text:'red', color:'#cd3131', bold:false}, {text:' ok', bold:false}]

export interface AnsiSegment {
  text: string;
  color?: string;
  bold: boolean;
}

// the standard 8 colours, then their bright versions (VS Code's terminal palette, readable on light and dark)
const PALETTE = [
  '#000000', '#cd3131', '#0dbc79', '#b58900', '#2472c8', '#bc3fbc', '#11a8cd', '#808080',
  '#666666', '#f14c4c', '#23d18b', '#d7ba7d', '#3b8eea', '#d670d6', '#29b8db', '#a5a5a5',
];

// CSI sequences (ESC [ params letter) and the lone ESC of anything else
const ESCAPE = /\x1b\[([0-9;?]*)([A-Za-z])|\x1b/g; // eslint-disable-line no-control-regex

export function parseAnsi(line: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let color: string | undefined;
  let bold = false;
  let last = 0;
  const push = (text: string) => { if (text) segments.push({ text, color, bold }); };
  for (const match of line.matchAll(ESCAPE)) {
    push(line.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[2] !== 'm') continue;
    for (const part of (match[1] || '0').split(';')) {
      const code = Number(part || '0');
      if (code === 0) { color = undefined; bold = false; }
      else if (code === 1) bold = true;
      else if (code === 22) bold = false;
      else if (code === 39) color = undefined;
      else if (code >= 30 && code <= 37) color = PALETTE[code - 30];
      else if (code >= 90 && code <= 97) color = PALETTE[code - 90 + 8];
    }
  }
  push(line.slice(last));
  return segments;
}

/** The text without any escape sequences, what search matches against. */
export function stripAnsi(line: string): string {
  return line.replace(ESCAPE, '');
}
