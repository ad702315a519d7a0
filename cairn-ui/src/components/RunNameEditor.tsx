import { useState } from 'react';

/** The run's name as the page heading: click it to edit, Enter saves (PATCH name), Escape cancels. */
export function RunNameEditor({ name, onSave }: { name: string; onSave: (name: string) => Promise<unknown> }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const save = async (next: string) => {
    if (next === name) { setDraft(null); return; }
    if (next === '') { setError('not renamed: a run needs a name'); return; }
    try {
      await onSave(next);
      setDraft(null);
      setError('');
    } catch (e) {
      setError(`not renamed: ${(e as Error).message}`);
    }
  };
  if (draft === null) {
    return (
      <h1 className="run-name" title="click to rename" onClick={() => { setDraft(name); setError(''); }}>{name}</h1>
    );
  }
  return (
    <span className="run-name-editor">
      <input aria-label="run name" autoFocus value={draft} size={Math.max(12, draft.length + 2)}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save(draft.trim());
          if (e.key === 'Escape') { setDraft(null); setError(''); }
        }} />
      {error && <span className="error" role="alert">{error}</span>}
    </span>
  );
}
