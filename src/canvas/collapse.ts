// What a collapsed container hides and what it says instead (no React): every node inside
// a collapsed container is left out of the canvas, the container is drawn as one small
// node with its counts and the number of single points of failure inside, and a link that
// ends inside is drawn to that node (one line per pair of drawn ends).
import type { Topology } from '../model';
import { ancestorsOf, containerOf } from '../model/geometry';

/** A collapsed container's size on the canvas. */
export const COLLAPSED_SIZE = { width: 264, height: 88 } as const;

export interface ContainerSummary {
  components: number;
  containers: number;
  /** Components and containers inside that are single points of failure. */
  spofs: number;
}

export interface CollapsedView {
  /** The outermost collapsed container above a hidden node. */
  hiddenBy: ReadonlyMap<string, string>;
  summaries: ReadonlyMap<string, ContainerSummary>;
}

export const NOTHING_COLLAPSED: CollapsedView = { hiddenBy: new Map(), summaries: new Map() };

type Doc = Pick<Topology, 'components' | 'domains' | 'view'>;

export function collapsedView(doc: Doc, collapsed: ReadonlySet<string>, spof: ReadonlySet<string>): CollapsedView {
  const domainIds = new Set(doc.domains.map((d) => d.id));
  const live = [...collapsed].filter((id) => domainIds.has(id));
  if (live.length === 0) return NOTHING_COLLAPSED;
  const hiddenBy = new Map<string, string>();
  const summaries = new Map<string, ContainerSummary>(live.map((id) => [id, { components: 0, containers: 0, spofs: 0 }]));
  const visit = (id: string, containers: string[], isComponent: boolean) => {
    // Outermost first: a collapsed region hides a collapsed zone inside it too.
    const outer = [...containers].reverse().find((c) => collapsed.has(c));
    if (outer !== undefined) hiddenBy.set(id, outer);
    for (const c of containers) {
      const s = summaries.get(c);
      if (!s) continue;
      if (isComponent) s.components++;
      else s.containers++;
      if (spof.has(id)) s.spofs++;
    }
  };
  for (const d of doc.domains) visit(d.id, d.parent === undefined ? [] : ancestorsOf(doc, d.parent), false);
  for (const c of doc.components) {
    const holder = containerOf(doc, c.id);
    visit(c.id, holder === undefined ? [] : ancestorsOf(doc, holder), true);
  }
  return { hiddenBy, summaries };
}

/** The node an element is drawn as: itself, or the collapsed container that hides it. */
export function drawnAs(view: CollapsedView, id: string): string {
  return view.hiddenBy.get(id) ?? id;
}

/** The summary's words, as the collapsed node shows them. */
export function summaryText(s: ContainerSummary): string {
  const parts = [`${s.components} component${s.components === 1 ? '' : 's'}`];
  if (s.containers > 0) parts.push(`${s.containers} container${s.containers === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
