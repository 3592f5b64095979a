// A popover (a menu, the share link) closes on Escape and on a press anywhere outside it.
// The press is caught in the capture phase: the canvas's pan and zoom (d3-zoom) stop the
// mousedown from bubbling, so a window listener in the bubble phase never heard a click on
// the canvas and the menu stayed open.
import { useEffect, useRef, type RefObject } from 'react';

export function useDismiss(open: boolean, ref: RefObject<HTMLElement | null>, dismiss: () => void): void {
  const latest = useRef(dismiss);
  latest.current = dismiss;
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) latest.current();
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Focus goes back to the button that opened it, not to the page's start.
      const focusInside = ref.current?.contains(document.activeElement);
      latest.current();
      if (focusInside) ref.current?.querySelector<HTMLElement>('button')?.focus();
    };
    window.addEventListener('pointerdown', outside, true);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('keydown', escape);
    };
  }, [open, ref]);
}
