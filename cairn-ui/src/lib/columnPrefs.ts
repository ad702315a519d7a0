// The runs table's column layout per project, kept in this browser (localStorage
// `cairn.columns.<entity>/<project>`): the order the user gave, hidden columns and pinned columns.
// Columns the layout does not mention (a config key logged later) keep their place after the others.
import { useCallback, useState } from 'react';
import { type Column, columnId } from '../components/RunsTable';

export interface ColumnPrefs {
  order: string[];
  hidden: string[];
  pinned: string[];
}

const EMPTY: ColumnPrefs = { order: [], hidden: [], pinned: [] };
const storageKey = (entity: string, project: string) => `cairn.columns.${entity}/${project}`;

function load(entity: string, project: string): ColumnPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(entity, project)) ?? 'null');
    return saved ? { ...EMPTY, ...saved } : EMPTY;
  } catch {
    return EMPTY;
  }
}

export function useColumnPrefs(entity: string, project: string): [ColumnPrefs, (prefs: ColumnPrefs) => void] {
  const [state, setState] = useState(() => ({ key: `${entity}/${project}`, prefs: load(entity, project) }));
  const current = state.key === `${entity}/${project}` ? state.prefs : load(entity, project);
  const save = useCallback((prefs: ColumnPrefs) => {
    localStorage.setItem(storageKey(entity, project), JSON.stringify(prefs));
    setState({ key: `${entity}/${project}`, prefs });
  }, [entity, project]);
  return [current, save];
}

/** Every column in the user's order: pinned first, then the saved order, then columns not yet placed. */
export function orderColumns(columns: Column[], prefs: ColumnPrefs): Column[] {
  const rank = new Map(prefs.order.map((id, i) => [id, i]));
  const placed = columns.map((c, i) => ({ c, i, r: rank.get(columnId(c)) }));
  placed.sort((a, b) => {
    const pa = prefs.pinned.includes(columnId(a.c)) ? 0 : 1;
    const pb = prefs.pinned.includes(columnId(b.c)) ? 0 : 1;
    if (pa !== pb) return pa - pb;
    if (a.r !== undefined && b.r !== undefined) return a.r - b.r;
    if (a.r !== undefined) return -1;
    if (b.r !== undefined) return 1;
    return a.i - b.i;
  });
  return placed.map((p) => p.c);
}

/** The columns the table shows: ordered, hidden ones left out, pinned ones marked with their offset. */
export function visibleColumns(columns: Column[], prefs: ColumnPrefs): Column[] {
  let left = 0;
  return orderColumns(columns, prefs).filter((c) => !prefs.hidden.includes(columnId(c))).map((c) => {
    if (!prefs.pinned.includes(columnId(c))) return c;
    const pinned = { ...c, pinnedLeft: left };
    left += c.width;
    return pinned;
  });
}
