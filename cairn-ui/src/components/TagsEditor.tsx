import { useEffect, useState } from 'react';

/** Tags as chips: × removes one, typing a name and Enter adds one; each change is saved at once. */
export function TagsEditor({ tags: saved, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  // edits show at once and build on each other even before the server has answered the previous one
  const [tags, setTags] = useState(saved);
  useEffect(() => setTags(saved), [saved.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps
  const change = (next: string[]) => {
    setTags(next);
    onChange(next);
  };
  return (
    <div className="tags-editor" aria-label="tags">
      {tags.map((t) => (
        <span key={t} className="tag">{t}
          <button type="button" aria-label={`remove tag ${t}`} onClick={() => change(tags.filter((x) => x !== t))}>×</button>
        </span>
      ))}
      <input aria-label="add tag" placeholder="+ tag" value={draft} size={8}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          const tag = draft.trim();
          if (e.key === 'Enter' && tag) {
            if (!tags.includes(tag)) change([...tags, tag]);
            setDraft('');
          }
        }} />
    </div>
  );
}
