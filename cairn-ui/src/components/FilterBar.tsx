// The workspace's filter: name contains, state, and conditions such as `config.lr > 0.001, tags = base`.
// Applied on Enter (or when the state changes); the page keeps the applied filter in the URL.
import { useEffect, useState } from 'react';
import { compileFilter, type FilterInput } from '../lib/filter';

const STATES = ['', 'running', 'finished', 'failed', 'crashed', 'killed'];

interface Props {
  value: FilterInput;
  onApply: (value: FilterInput) => void;
  error?: string | null;
}

export function FilterBar({ value, onApply, error }: Props) {
  const [draft, setDraft] = useState(value);
  // follow the applied filter when it changes from outside (back button, a shared link)
  useEffect(() => setDraft(value), [value.name, value.state, value.where]); // eslint-disable-line react-hooks/exhaustive-deps
  const local = compileFilter(draft).error;

  const apply = (next: FilterInput) => {
    if (!compileFilter(next).error) onApply(next);
  };

  return (
    <form className="filter-bar" role="search" onSubmit={(e) => { e.preventDefault(); apply(draft); }}>
      <input type="search" placeholder="name contains…" aria-label="name contains" value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      <select aria-label="state" value={draft.state}
        onChange={(e) => { const next = { ...draft, state: e.target.value }; setDraft(next); apply(next); }}>
        {STATES.map((s) => <option key={s} value={s}>{s || 'any state'}</option>)}
      </select>
      <input className="where" placeholder="config.lr > 0.001, summary.acc >= 0.9, tags = baseline"
        aria-label="conditions" value={draft.where}
        onChange={(e) => setDraft({ ...draft, where: e.target.value })} />
      <button type="submit">Filter</button>
      {(local || error) && <span className="error" role="alert">{local ?? error}</span>}
    </form>
  );
}
