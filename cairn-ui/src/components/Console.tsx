// A run's console output, virtualised: a 200,000-line log keeps only the visible lines in the DOM.
// ANSI colours are shown as colours; the search box keeps only the lines containing its text.
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { ConsoleLine } from '../api/types';
import { parseAnsi, stripAnsi } from '../lib/ansi';
import { VirtualList } from './VirtualList';

function highlight(text: string, needle: string, key: string): ReactNode[] {
  if (!needle) return [text];
  const out: ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    if (at > from) out.push(text.slice(from, at));
    out.push(<mark key={`${key}-${at}`}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

export function Console({ lines }: { lines: ConsoleLine[] }) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = useMemo(
    () => (needle ? lines.filter((l) => stripAnsi(l.text).toLowerCase().includes(needle)) : lines),
    [lines, needle],
  );
  const renderRow = useCallback((i: number) => {
    const line = shown[i];
    return (
      <div key={line.line} className={`console-line ${line.stream}`} role="row">
        <span className="console-number" aria-hidden="true">{line.line + 1}</span>
        <span className="console-text">
          {parseAnsi(line.text).map((s, j) => (
            <span key={j} style={s.color || s.bold ? { color: s.color, fontWeight: s.bold ? 700 : undefined } : undefined}>
              {highlight(s.text, needle, String(j))}
            </span>
          ))}
        </span>
      </div>
    );
  }, [shown, needle]);
  if (lines.length === 0) return <p className="empty">No console output.</p>;
  return (
    <div className="console-panel">
      <div className="console-toolbar">
        <input type="search" aria-label="search console" placeholder="search console" value={query}
          onChange={(e) => setQuery(e.target.value)} />
        {needle && <span className="muted" role="status">{shown.length} of {lines.length} lines</span>}
      </div>
      <VirtualList className="console" label="console output" count={shown.length} rowHeight={20}
        renderRow={renderRow} followEnd={!needle} />
    </div>
  );
}
