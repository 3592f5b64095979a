// What the far layer says about an element (its name, its kind, its marks) and what it does
// with one chosen by a click or by Enter: select it and zoom in on it, and after a key give the
// focus to its card once the canvas draws it (the far layer that had the focus is gone then).
import type { ReactFlowInstance } from '@xyflow/react';
import type { Topology } from '../model';
import type { Rect } from '../model/geometry';
import { useSelection } from '../store/selection';
import { revealNodes } from './flowBridge';
import type { WhatIfState } from './farWhatIf';
import { focusDirectly } from './useTabOrder';

/** The zoom a click on a far component shows it at. */
const CLOSE_ZOOM = 0.9;

export interface FarAbout {
  name(id: string): string;
  kind(id: string): string | undefined;
  isContainer(id: string): boolean;
}

/** Names and kinds of a design's elements, made when first asked (25,000 names each time an answer came were work nobody had asked for). */
export function farAbout(doc: Pick<Topology, 'components' | 'domains'>): FarAbout {
  let known: Map<string, { name: string; kind: string; container: boolean }> | null = null;
  const of = (id: string) => {
    if (!known) {
      known = new Map();
      for (const c of doc.components) known.set(c.id, { name: c.label ?? c.id, kind: c.kind, container: false });
      for (const d of doc.domains) known.set(d.id, { name: d.label ?? d.id, kind: d.kind, container: true });
    }
    return known.get(id);
  };
  return { name: (id) => of(id)?.name ?? id, kind: (id) => of(id)?.kind, isContainer: (id) => of(id)?.container ?? false };
}

/** The tooltip's words for an element's what-if state. */
export const WHAT_IF_WORDS: Record<WhatIfState, string> = { failed: 'failed in what-if', down: 'down in what-if', holds: 'something inside failed or down' };

export interface TipText {
  id: string;
  container: boolean;
  name: string;
  spof: boolean;
  whatIf?: WhatIfState;
}

/** The tooltip's words in one line, for screen readers: "us-east-1a, zone, collapsed, single point of failure". */
export function spokenTip(tip: TipText, kind: string | undefined, collapsed: boolean): string {
  return [tip.name, kind, collapsed && 'collapsed', tip.spof && 'single point of failure', tip.whatIf && WHAT_IF_WORDS[tip.whatIf]].filter(Boolean).join(', ');
}

export interface FarHit {
  id: string;
  rect: Rect;
  container: boolean;
}

/** Selects and zooms in on an element far out; `keyboard`: the element that had the focus, whose card takes it once drawn. */
export function zoomInOn(flow: Pick<ReactFlowInstance, 'setCenter'>, hit: FarHit, keyboard?: HTMLElement | null): void {
  useSelection.getState().select([hit.id], []);
  const root = keyboard?.closest<HTMLElement>('.react-flow');
  if (root) focusWhenDrawn(root, hit.id);
  if (hit.container) revealNodes([hit.id]);
  else void flow.setCenter(hit.rect.x + hit.rect.width / 2, hit.rect.y + hit.rect.height / 2, { zoom: CLOSE_ZOOM, duration: 250 });
}

/** How long a card is waited for: a zoom that ends still far out (a large container fitted) draws none. */
const WAIT_MS = 10_000;

/**
 * Focuses the card of `id` when React Flow has drawn it and made it visible (it is hidden until
 * measured), if the focus was lost meanwhile (the far layer that held it is gone): a person who
 * has moved on keeps their place.
 */
function focusWhenDrawn(root: HTMLElement, id: string): void {
  const selector = `.react-flow__node[data-id="${CSS.escape(id)}"]`;
  const observer = new MutationObserver(() => {
    const node = root.querySelector<HTMLElement>(selector);
    if (!node || !node.checkVisibility()) return;
    stop();
    if (document.activeElement === null || document.activeElement === document.body) focusDirectly(node);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const timer = setTimeout(stop, WAIT_MS);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
}
