// Config, summary or metadata as an expandable tree with a search box: typing keeps only the keys
// (or values) that contain the text, with their parents. A level with more than FIRST_ENTRIES keys shows
// that many until asked for all: a run with 1,000 metrics has 1,000 summary keys, and laying them all out
// would make its page open slower than a run with 20.
import { useState } from 'react';
import type { Json } from '../api/types';
import { formatValue } from '../lib/format';

const FIRST_ENTRIES = 100;

export function JsonTree({ value, label }: { value: Json; label: string }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const isEmpty = value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  return (
    <section className="json-tree" aria-label={label}>
      <input type="search" placeholder={`search ${label}…`} aria-label={`search ${label}`} value={query}
        onChange={(e) => setQuery(e.target.value)} />
      {isEmpty ? <p className="empty">empty</p> : <Node value={value} query={q} depth={0} />}
    </section>
  );
}

function matches(key: string, value: Json, query: string): boolean {
  if (!query) return true;
  if (key.toLowerCase().includes(query)) return true;
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => matches(k, v, query));
  }
  return String(value).toLowerCase().includes(query);
}

function Node({ value, query, depth }: { value: Json; query: string; depth: number }) {
  const [showsAll, setShowsAll] = useState(false);
  if (value === null || typeof value !== 'object') return <span className="json-value">{formatValue(value)}</span>;
  const entries = Object.entries(value).filter(([k, v]) => matches(k, v, query));
  const shown = showsAll || query ? entries : entries.slice(0, FIRST_ENTRIES);
  return (
    <ul className="json-node">
      {shown.map(([k, v]) => (
        <li key={k}>
          {v !== null && typeof v === 'object' && Object.keys(v).length > 0 ? (
            <details open={depth < 1 || Boolean(query)}>
              <summary><span className="json-key">{k}</span></summary>
              <Node value={v} query={query.length && k.toLowerCase().includes(query) ? '' : query} depth={depth + 1} />
            </details>
          ) : (
            <span className="json-leaf">
              <span className="json-key">{k}</span>
              <span className="json-value" title={JSON.stringify(v)}>{Array.isArray(v) ? JSON.stringify(v) : formatValue(v)}</span>
            </span>
          )}
        </li>
      ))}
      {shown.length < entries.length && (
        <li><button type="button" onClick={() => setShowsAll(true)}>
          show all {entries.length} keys</button></li>
      )}
    </ul>
  );
}
