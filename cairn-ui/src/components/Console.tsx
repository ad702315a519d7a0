// A run's console output, virtualised: a 200,000-line log keeps only the visible lines in the DOM.
import { useCallback } from 'react';
import type { ConsoleLine } from '../api/types';
import { VirtualList } from './VirtualList';

export function Console({ lines }: { lines: ConsoleLine[] }) {
  const renderRow = useCallback((i: number) => {
    const line = lines[i];
    return (
      <div key={i} className={`console-line ${line.stream}`} role="row">
        <span className="console-number" aria-hidden="true">{line.line + 1}</span>
        <span className="console-text">{line.text}</span>
      </div>
    );
  }, [lines]);
  if (lines.length === 0) return <p className="empty">No console output.</p>;
  return <VirtualList className="console" label="console output" count={lines.length} rowHeight={20}
    renderRow={renderRow} followEnd />;
}
