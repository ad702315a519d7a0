import type { RunState } from '../api/types';

const ICONS: Record<RunState, string> = {
  running: '●', finished: '✓', failed: '✕', crashed: '⚠', killed: '■',
};

/** A run's state as colour, icon and word (the word keeps it readable without colour). */
export function StateBadge({ state }: { state: RunState }) {
  return (
    <span className={`state state-${state}`}>
      <span aria-hidden="true">{ICONS[state] ?? '?'}</span> {state}
    </span>
  );
}
