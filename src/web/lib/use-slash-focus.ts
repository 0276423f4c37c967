import { useLayoutEffect, type RefObject } from 'react';

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

type Focusable = { focus: () => void; select?: () => void; input?: HTMLElement | null; nativeElement?: HTMLElement | null };

/**
 * Keyboard-first desks: `/` anywhere (outside a text field) focuses and selects the given input. In that
 * input itself `/` selects what is there instead of typing a "/" (nothing searched for contains one).
 * The listener is attached in the commit that mounts the page (a layout effect), the same commit that gives an
 * autofocused input its focus; a passive effect may run after the browser has already handled a key (ADR 0021).
 */
export function useSlashFocus(ref: RefObject<Focusable | null>): void {
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const own = ref.current?.input ?? null;
      if (own && e.target === own) {
        e.preventDefault();
        ref.current?.select?.();
        return;
      }
      if (isTyping(e.target)) return;
      // Inside an open dialog or drawer, `/` belongs to it.
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select?.();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ref]);
}
