// The `?` overlay: the keyboard shortcuts, on every page. Esc or `?` again closes it.
import { useState } from 'react';
import { SHORTCUTS, useKeys } from '../lib/keys';

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useKeys({
    '?': () => setOpen((o) => !o),
    Escape: () => {
      if (!open) return false;
      setOpen(false);
    },
  });
  if (!open) return null;
  return (
    <div className="shortcuts-backdrop" onClick={() => setOpen(false)}>
      <div className="shortcuts" role="dialog" aria-label="keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row"><kbd>{s.keys}</kbd></th>
                <td>{s.what}</td>
                <td className="muted">{s.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => setOpen(false)}>Close</button>
      </div>
    </div>
  );
}
