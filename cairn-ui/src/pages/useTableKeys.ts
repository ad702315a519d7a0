// The runs table's selection and keyboard: Shift-click ticks a range in table order, j / k move a row
// focus, x ticks the focused run, Enter opens it, Esc clears the ticks (then the focus), / goes to the
// filter. Keys never fire while typing (lib/keys.ts).
import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Run } from '../api/types';
import { useKeys } from '../lib/keys';

interface Options {
  entity: string;
  project: string;
  /** The table's rows, in table order. */
  runs: Run[];
  selected: Set<string>;
  select: (next: Set<string>) => void;
  /** A grouped table has no row focus. */
  isGrouped: boolean;
}

export function useTableKeys({ entity, project, runs, selected, select, isGrouped }: Options) {
  // Shift-click ticks (or unticks) every run between the last clicked checkbox and this one, in table order
  const anchor = useRef<string | null>(null);
  const onToggle = useCallback((id: string, isRange: boolean) => {
    const next = new Set(selected);
    const tick = !selected.has(id);
    const from = anchor.current === null ? -1 : runs.findIndex((r) => r.id === anchor.current);
    const to = runs.findIndex((r) => r.id === id);
    if (isRange && from >= 0 && to >= 0) {
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        if (tick) next.add(runs[i].id);
        else next.delete(runs[i].id);
      }
    } else if (tick) {
      next.add(id);
    } else {
      next.delete(id);
    }
    anchor.current = id;
    select(next);
  }, [selected, runs, select]);

  // the keyboard: j / k move a row focus, x ticks it, Enter opens it, Esc clears, / goes to the filter
  const navigate = useNavigate();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = focusedId === null ? -1 : runs.findIndex((r) => r.id === focusedId);
  const moveFocus = (by: number) => {
    if (isGrouped || runs.length === 0) return false;
    const at = focusedIndex < 0 ? (by > 0 ? 0 : runs.length - 1) : Math.min(runs.length - 1, Math.max(0, focusedIndex + by));
    setFocusedId(runs[at].id);
  };
  const focusedRun = !isGrouped && focusedIndex >= 0 ? runs[focusedIndex] : undefined;
  useKeys({
    j: () => moveFocus(1),
    k: () => moveFocus(-1),
    x: () => {
      if (!focusedRun) return false;
      onToggle(focusedRun.id, false);
    },
    Enter: (e) => {
      // Enter on a focused button or link is that control's own
      if (!focusedRun || (e.target instanceof HTMLElement && e.target !== document.body)) return false;
      navigate(`/${entity}/${project}/runs/${focusedRun.id}`);
    },
    Escape: () => {
      if (selected.size > 0) select(new Set());
      else if (focusedId !== null) setFocusedId(null);
      else return false;
    },
    '/': () => {
      document.querySelector<HTMLInputElement>('.filter-bar input[type=search]')?.focus();
    },
  });
  return { onToggle, focusedIndex };
}
