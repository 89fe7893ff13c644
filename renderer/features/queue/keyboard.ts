// The desk's keyboard: one key per frequent action, shown on its button. Keys chosen so they do not
// clash with what staff need from the browser or the OS (F5 reload, F6 address bar, F11 full
// screen, Ctrl+C/V, Alt+F4): F2 call next, F3 recall (its find-next default is taken over on the
// desk only), F4 start/finish the step, Ctrl+S save the case.
import { createElement, useEffect, useRef } from 'react';
import { t } from '../../i18n/id';

export type Shortcut = keyof typeof t.shortcuts;

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
const MATCH: Record<Shortcut, (e: KeyboardEvent) => boolean> = {
  callNext: (e) => e.key === 'F2' && plain(e),
  recall: (e) => e.key === 'F3' && plain(e),
  step: (e) => e.key === 'F4' && plain(e),
  save: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's',
};

/** Runs `handler` on the shortcut's key anywhere on the page while mounted and `enabled`. */
export function useShortcut(name: Shortcut, handler: () => void, options: { enabled: boolean } = { enabled: true }): void {
  const ref = useRef(handler);
  ref.current = handler;
  const { enabled } = options;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!MATCH[name](e) || e.repeat) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [name, enabled]);
}

/** The key of a shortcut as shown on its button. */
export function Kbd({ name }: { name: Shortcut }) {
  return createElement('kbd', { className: 'kbd', 'aria-hidden': true }, t.shortcuts[name]);
}

/**
 * Moves focus to the element with `id` once it is rendered and enabled: an action's answer arrives
 * before React has re-rendered the button it disabled, so this waits a few frames for it.
 */
export function focusById(id: string, framesLeft = 20): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else if (framesLeft > 0) focusById(id, framesLeft - 1);
  });
}
