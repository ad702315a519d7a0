// "Columns": show or hide, move and pin the runs table's columns; saved per project (columnPrefs.ts). Esc closes it.
import { useEffect, useState } from 'react';
import { type ColumnPrefs, orderColumns } from '../lib/columnPrefs';
import { type Column, columnId } from './RunsTable';

interface Props {
  columns: Column[];
  prefs: ColumnPrefs;
  onChange: (prefs: ColumnPrefs) => void;
}

export function ColumnsMenu({ columns, prefs, onChange }: Props) {
  const [open, setOpen] = useState(false);
  useEffect(() => { // Esc closes the list (before the workspace's Esc, which clears the ticked runs)
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  const ordered = orderColumns(columns, prefs);
  const ids = ordered.map(columnId);
  const flip = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const move = (index: number, by: number) => {
    const to = index + by;
    if (to < 0 || to >= ids.length) return;
    const order = [...ids];
    [order[index], order[to]] = [order[to], order[index]];
    onChange({ ...prefs, order });
  };
  return (
    <div className="columns-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>Columns</button>
      {open && (
        <div className="columns-panel" role="dialog" aria-label="columns">
          <ul>
            {ordered.map((c, i) => {
              const id = columnId(c);
              return (
                <li key={id} data-column={id}>
                  <label>
                    <input type="checkbox" aria-label={`show ${id}`} checked={!prefs.hidden.includes(id)}
                      onChange={() => onChange({ ...prefs, hidden: flip(prefs.hidden, id) })} /> {id}
                  </label>
                  <span className="column-actions">
                    <button type="button" aria-label={`move ${id} up`} onClick={() => move(i, -1)} disabled={i === 0}>↑</button>
                    <button type="button" aria-label={`move ${id} down`} onClick={() => move(i, 1)} disabled={i === ids.length - 1}>↓</button>
                    <button type="button" aria-label={`pin ${id}`} aria-pressed={prefs.pinned.includes(id)}
                      onClick={() => onChange({ ...prefs, pinned: flip(prefs.pinned, id), order: ids })}>📌</button>
                  </span>
                </li>
              );
            })}
          </ul>
          <button type="button" onClick={() => onChange({ order: [], hidden: [], pinned: [] })}>Reset</button>
        </div>
      )}
    </div>
  );
}
