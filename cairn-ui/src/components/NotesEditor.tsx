import { useEffect, useState } from 'react';
import { Markdown } from '../lib/markdown';

const RUN_PROMPT = 'What is this run about? What did you learn?';

/** Run or sweep notes in markdown: edit, then Save (or Ctrl/Cmd+Enter) stores them with PATCH; saved notes show rendered below. */
export function NotesEditor({ notes, onSave, placeholder = RUN_PROMPT }: {
  notes: string; onSave: (notes: string) => Promise<void>; placeholder?: string;
}) {
  const [draft, setDraft] = useState(notes);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | string>('idle');
  useEffect(() => setDraft(notes), [notes]);
  const dirty = draft !== notes;
  const save = async () => {
    setStatus('saving');
    try {
      await onSave(draft);
      setStatus('saved');
    } catch (e) {
      setStatus(`not saved: ${(e as Error).message}`);
    }
  };
  return (
    <div className="notes">
      <textarea aria-label="notes" placeholder={placeholder} value={draft}
        rows={3} onChange={(e) => { setDraft(e.target.value); setStatus('idle'); }}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && dirty) void save(); }} />
      <div className="notes-actions">
        <button type="button" onClick={save} disabled={!dirty || status === 'saving'}>Save notes</button>
        <span className="muted" role="status">{status === 'idle' ? (dirty ? 'unsaved changes' : '') : status}</span>
      </div>
      {notes.trim() !== '' && <section aria-label="markdown preview"><Markdown text={notes} /></section>}
    </div>
  );
}
