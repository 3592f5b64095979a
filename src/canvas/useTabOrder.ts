// Tab on the canvas walks the components and containers first, then the links. React Flow
// renders the links' layer before the nodes' (a link would otherwise be drawn over the
// cards), so the browser's order put every link before any node: forty Tabs through lines
// before the first card. Within the canvas this keeps its own order; leaving it, the
// elements are taken out of the browser's order for one task so Tab goes to what lies
// beyond them (the zoom buttons, the overview map, or back to the palette).
import { useEffect, type RefObject } from 'react';

const ITEMS = '.react-flow__node[tabindex="0"], .react-flow__edge[tabindex="0"]';

/** Controls inside a node (a container's collapse button) follow their node. */
const INNER = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex="0"]';

const shown = (el: HTMLElement) => typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true, opacityProperty: false } as CheckVisibilityOptions);

function ordered(root: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const node of root.querySelectorAll<HTMLElement>('.react-flow__node[tabindex="0"]')) {
    out.push(node);
    for (const inner of node.querySelectorAll<HTMLElement>(INNER)) if (shown(inner)) out.push(inner);
  }
  out.push(...root.querySelectorAll<HTMLElement>('.react-flow__edge[tabindex="0"]'));
  return out;
}

/**
 * Lets the browser's Tab pass over every element of the canvas once. They come back into the
 * order as soon as focus has landed beyond them: a timer alone raced the next key, since the
 * browser runs input before timers (a Shift+Tab right after skipped the whole canvas under load).
 */
function stepOut(items: HTMLElement[]): void {
  const was = items.map((el) => el.getAttribute('tabindex'));
  for (const el of items) el.tabIndex = -1;
  const restore = () => {
    document.removeEventListener('focusin', restore, true);
    clearTimeout(timer);
    items.forEach((el, i) => {
      if (!el.isConnected || el.tabIndex !== -1) return;
      if (was[i] === null) el.removeAttribute('tabindex');
      else el.setAttribute('tabindex', was[i]!);
    });
  };
  document.addEventListener('focusin', restore, true);
  // Nothing focusable beyond the canvas: focus does not move, so no focusin comes.
  const timer = setTimeout(restore, 0);
}

/** Set while focus is given on purpose (focusDirectly): not a Tab coming in, so not redirected. */
let direct = false;

/** Focuses an element of the canvas where Tab coming in would be sent to the first one (the card a far-out Enter zoomed in on). */
export function focusDirectly(el: HTMLElement): void {
  direct = true;
  try {
    el.focus({ preventScroll: true });
  } finally {
    direct = false;
  }
}

export function useTabOrder(wrapper: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
      const items = ordered(root);
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (at < 0) return;
      const next = at + (e.shiftKey ? -1 : 1);
      if (next >= 0 && next < items.length) {
        e.preventDefault();
        items[next].focus();
      } else {
        stepOut(items);
      }
    };
    // Tabbing in from before lands on the first link (first in the page): the first node is
    // the way in. Shift+Tab in from after lands on the last node: the last link is.
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      if (direct || !target.matches?.(ITEMS) || !target.matches(':focus-visible')) return;
      const from = e.relatedTarget as HTMLElement | null;
      if (from && from.matches?.(ITEMS) && root.contains(from)) return;
      const items = ordered(root);
      if (items.length === 0) return;
      const fromAfter = from !== null && (root.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !root.contains(from);
      const fromInsideAfter = from !== null && root.contains(from) && (target.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const entry = fromAfter || fromInsideAfter ? items[items.length - 1] : items[0];
      if (entry !== target) entry.focus();
    };
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
    };
  }, [wrapper]);
}
