import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { ConsoleLine } from '../api/types';

const PAGE = 1000;
const MAX_LINES = 200_000;

/**
 * A run's console lines: all pages on first load, then on each tick only the lines after the last
 * one seen (`from_line`). A line rewritten later (a progress bar) is replaced in place.
 */
export function useConsole(entity: string, project: string, runId: string, tick: number): ConsoleLine[] {
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const next = useRef(0);
  useEffect(() => {
    next.current = 0;
    setLines([]);
  }, [entity, project, runId]);
  useEffect(() => {
    let current = true;
    (async () => {
      const fresh: ConsoleLine[] = [];
      // re-read from the last known line: it may have been rewritten (carriage-return progress bars)
      let from = Math.max(0, next.current - 1);
      for (let pages = 0; pages < MAX_LINES / PAGE; pages++) {
        const page = await api.console(entity, project, runId, from, PAGE);
        fresh.push(...page.lines);
        if (page.lines.length < PAGE || page.next_line <= from) break;
        from = page.next_line;
      }
      if (!current || fresh.length === 0) return;
      next.current = fresh[fresh.length - 1].line + 1;
      setLines((old) => merge(old, fresh));
    })().catch(() => { /* shown by the connection banner; kept lines stay */ });
    return () => {
      current = false;
    };
  }, [entity, project, runId, tick]);
  return lines;
}

function merge(old: ConsoleLine[], fresh: ConsoleLine[]): ConsoleLine[] {
  const firstNew = fresh[0].line;
  const kept = old.filter((l) => l.line < firstNew);
  return [...kept, ...fresh];
}
