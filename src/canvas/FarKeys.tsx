// Far out by keyboard, and a container's collapse button there. React Flow mounts nothing far
// out (FarLayer.tsx), so nothing on the canvas took focus: a keyboard user could reach no
// region, zone or component, and no container could be collapsed. One focusable element walks
// the stops (farStops.ts) with Tab and Shift+Tab, a ring drawn round the one it is on (by the
// far layer), its name in the tooltip and said to screen readers; Enter zooms in on it as a
// click does. A container is followed by its collapse button, as near (useTabOrder.ts): one
// button, placed on the container that has the ring, or else on the selected container.
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import type { Topology } from '../model';
import type { Rect } from '../model/geometry';
import { useCollapsed } from '../store/collapsed';
import { useSelection } from '../store/selection';
import type { CollapsedView } from './collapse';
import { spokenTip, WHAT_IF_WORDS, zoomInOn, type FarAbout, type TipText } from './farAbout';
import { farStops } from './farStops';

/** The tooltip's id, for the focusable element's description. */
export const FAR_TIP_ID = 'far-tip';

const transformOf = (s: ReactFlowState) => s.transform;

/** The one tooltip far out, at (x, y) in the canvas: the element under the pointer, or the one with the ring. */
export function FarTip({ tip }: { tip: TipText & { x: number; y: number } }) {
  return (
    <div className="far-tip" id={FAR_TIP_ID} role="tooltip" data-testid="far-tip" data-id={tip.id} data-kind={tip.container ? 'container' : 'component'} style={{ left: tip.x, top: tip.y }}>
      {tip.name}
      {tip.spof && <span className="far-tip-spof">single point of failure</span>}
      {tip.whatIf && <span className="far-tip-what-if">{WHAT_IF_WORDS[tip.whatIf]}</span>}
    </div>
  );
}

interface Props {
  doc: Topology;
  view: CollapsedView;
  rects: ReadonlyMap<string, Rect>;
  spof: ReadonlySet<string>;
  about: FarAbout;
  tipOf: (id: string) => TipText;
  /** The stop with the ring; null while focus is elsewhere. */
  focused: string | null;
  setFocused: (id: string | null) => void;
}

export function FarKeys({ doc, view, rects, spof, about, tipOf, focused, setFocused }: Props) {
  const flow = useReactFlow();
  const [tx, ty, zoom] = useStore(transformOf);
  const self = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // Made on the first key, once per drawing and set of marks: the estate's 5,000 containers sorted on every render would be waste.
  const cache = useRef<{ inputs: unknown[]; stops: string[] } | null>(null);
  const stops = () => {
    const inputs = [doc, view, rects, spof];
    if (!cache.current || cache.current.inputs.some((x, i) => x !== inputs[i])) cache.current = { inputs, stops: farStops(doc, view, rects, spof) };
    return cache.current.stops;
  };
  // Shift+Tab onto a container goes to its button, which is drawn once the ring is on it.
  const toToggle = useRef(false);
  useEffect(() => {
    if (!toToggle.current) return;
    toToggle.current = false;
    toggle.current?.focus({ preventScroll: true });
  });

  const selected = useSelection((s) => (s.nodeIds.length === 1 && s.edgeIds.length === 0 ? s.nodeIds[0] : null));
  const isDrawnContainer = (id: string | null): id is string => id !== null && about.isContainer(id) && rects.has(id) && !view.hiddenBy.has(id);
  // The button: the container with the ring; with focus elsewhere, the selected container (for the pointer).
  const holder = focused !== null ? (isDrawnContainer(focused) ? focused : null) : isDrawnContainer(selected) ? selected : null;
  const collapsed = useCollapsed((s) => holder !== null && s.ids.has(holder));

  // A stop off the screen is brought into view, at the same zoom.
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    const r = focused === null ? undefined : rects.get(focused);
    if (!r) return;
    const { x, y, zoom: z } = flow.getViewport();
    const [left, top] = [x + r.x * z, y + r.y * z];
    if (left + r.width * z < 0 || top + r.height * z < 0 || left > width || top > height) void flow.setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom: z });
  }, [focused, rects, flow, width, height]);

  const go = (id: string | undefined, e: KeyboardEvent) => {
    if (id === undefined) return false;
    e.preventDefault();
    setFocused(id);
    return true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = stops();
    const at = focused === null ? -1 : list.indexOf(focused);
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      if (!e.shiftKey && holder !== null && toggle.current) {
        e.preventDefault();
        toggle.current.focus({ preventScroll: true });
      } else if (!e.shiftKey) go(list[at + 1], e);
      else if (at > 0 && go(list[at - 1], e)) toToggle.current = isDrawnContainer(list[at - 1]);
    } else if ((e.key === 'Enter' || e.key === ' ') && focused !== null && rects.has(focused)) {
      e.preventDefault();
      zoomInOn(flow, { id: focused, rect: rects.get(focused)!, container: about.isContainer(focused) }, self.current);
    }
  };
  const onToggleKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'Tab' || focused === null || e.ctrlKey || e.altKey || e.metaKey) return;
    const list = stops();
    if (e.shiftKey) {
      e.preventDefault();
      self.current?.focus({ preventScroll: true });
    } else if (go(list[list.indexOf(focused) + 1], e)) self.current?.focus({ preventScroll: true });
  };
  // Coming in: from before, the first stop; from after (Shift+Tab), the last (its button, if a container).
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const from = e.relatedTarget as Node | null;
    if (focused !== null || from === toggle.current) return;
    const list = stops();
    const fromAfter = from !== null && self.current !== null && (self.current.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const id = fromAfter ? list.at(-1) : list[0];
    setFocused(id ?? null);
    if (fromAfter && id !== undefined) toToggle.current = isDrawnContainer(id);
  };
  const onBlur = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to === self.current || to === toggle.current) return;
    // The window losing focus keeps the place, as the browser keeps the focused element.
    if (to === null && !document.hasFocus()) return;
    setFocused(null);
  };

  const r = focused === null ? undefined : rects.get(focused);
  const tip = focused !== null && r ? { ...tipOf(focused), x: tx + (r.x + r.width) * zoom, y: ty + (r.y + r.height) * zoom } : null;
  const spoken = tip ? `${spokenTip(tip, about.kind(tip.id), view.summaries.has(tip.id))}; ${stops().indexOf(tip.id) + 1} of ${stops().length}` : '';
  const box = holder === null ? undefined : rects.get(holder);
  const label = holder === null ? '' : about.name(holder);
  const Chevron = collapsed ? ChevronRight : ChevronDown;
  return (
    <>
      <div
        ref={self}
        className="far-focus"
        data-testid="far-focus"
        tabIndex={0}
        role="application"
        aria-roledescription="design, zoomed out"
        aria-label="The whole design, zoomed out. Tab and Shift+Tab move between containers and single points of failure; Enter zooms in on one"
        aria-describedby={focused !== null ? FAR_TIP_ID : undefined}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      />
      {box && (
        <button
          ref={toggle}
          type="button"
          className="domain-toggle far-toggle"
          data-testid="collapse-toggle"
          data-id={holder}
          // In the Tab order only after its container's stop; for the pointer otherwise.
          tabIndex={focused !== null ? 0 : -1}
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${label}`}
          title={collapsed ? 'Expand: show what is inside' : 'Collapse to one node'}
          style={{ left: tx + box.x * zoom + 4, top: ty + box.y * zoom + 4 }}
          onKeyDown={onToggleKeyDown}
          onBlur={onBlur}
          onClick={() => useCollapsed.getState().toggle(holder!)}
        >
          <Chevron size={14} aria-hidden />
        </button>
      )}
      {tip && <FarTip tip={tip} />}
      <div className="visually-hidden" role="status" data-testid="far-announce">{spoken}</div>
    </>
  );
}
