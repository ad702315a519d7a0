// Keyboard shortcuts: one window listener per page that wants keys, never firing while the person types
// in a field, while a modal dialog is open, or with Ctrl / Cmd / Alt held (those belong to the browser).
import { useEffect, useRef } from 'react';

/** True when the key goes to a text field (or a select), where letters must stay letters. */
export function isTyping(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  // a checkbox or button that has focus does not take letters
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes((target as HTMLInputElement).type);
}

/**
 * Calls `handlers[e.key]` for keys pressed outside text fields and dialogs. A handler that returns false
 * leaves the key to the browser; otherwise its default action is prevented.
 */
export function useKeys(handlers: Record<string, (e: KeyboardEvent) => boolean | void>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
      if (document.querySelector('dialog[open]')) return; // a modal dialog has the keys (Esc closes it)
      const handler = current.current[e.key];
      if (handler && handler(e) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** What the `?` overlay lists: where each key works and what it does. */
export const SHORTCUTS: { keys: string; where: string; what: string }[] = [
  { keys: '/', where: 'home, workspace', what: 'focus the search / filter box' },
  { keys: 'j / k', where: 'workspace', what: 'move the row focus down / up in the runs table' },
  { keys: 'x', where: 'workspace', what: 'tick or untick the focused run' },
  { keys: 'Shift + click', where: 'workspace', what: 'tick every run between the last ticked one and this one' },
  { keys: 'Enter', where: 'workspace', what: 'open the focused run' },
  { keys: 'Esc', where: 'everywhere', what: 'close this overlay, a menu or a dialog; else clear the ticked runs' },
  { keys: '?', where: 'everywhere', what: 'show or hide this list' },
];
