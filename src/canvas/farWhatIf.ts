// What-if far out (no React): what the person failed and what went down with it, drawn over
// the far layer's shapes. A component far out is a pixel or less, so a failed one inside a
// zone would go unseen: every drawn container that holds something failed or down is marked
// too, and a collapsed one stands for all it hides. Drawn as paths of their own, so failing
// one element does not write the whole design's paths again.
import type { Topology } from '../model';
import { ancestorsOf, containerOf, type Rect } from '../model/geometry';
import { linkKey } from '../store/ids';
import { drawnAs, type CollapsedView } from './collapse';
import { linkPath, rectPath } from './farDrawing';

export interface FarWhatIfPaths {
  /** Components failed by hand, and those down because of it. */
  failedComponents: string;
  downComponents: string;
  /** Containers failed by hand (a zone, a region), open or collapsed. */
  failedContainers: string;
  /** Drawn containers that hold something failed or down, open and collapsed. */
  affectedContainers: string;
  affectedCollapsed: string;
  /** Links failed by hand, and links from or to something down: they carry nothing. */
  cutLinks: string;
}

export const NO_WHAT_IF_PATHS: FarWhatIfPaths = { failedComponents: '', downComponents: '', failedContainers: '', affectedContainers: '', affectedCollapsed: '', cutLinks: '' };

/** What an element is in what-if mode far out, for its tooltip. */
export type WhatIfState = 'failed' | 'down' | 'holds';

/**
 * Each drawn element's what-if state: failed by hand, down, or (a container) holding
 * something failed or down. `failed` holds element ids as the what-if mode keeps them:
 * components, containers, pool instances (`pool#2`) and link keys.
 */
export function whatIfStates(doc: Pick<Topology, 'components' | 'domains'>, view: CollapsedView, failed: ReadonlySet<string>, down: ReadonlySet<string>): Map<string, WhatIfState> {
  const states = new Map<string, WhatIfState>();
  if (failed.size === 0 && down.size === 0) return states;
  const holders = (own: string | undefined) => {
    for (const c of own === undefined ? [] : ancestorsOf(doc, own)) if (!view.hiddenBy.has(c) && !states.has(c)) states.set(c, 'holds');
  };
  const domains = new Set(doc.domains.map((d) => d.id));
  const components = new Set(doc.components.map((c) => c.id));
  for (const id of failed) {
    // One failed instance leaves its pool up, but something in its container failed.
    const pool = /^(.*)#\d+$/.exec(id)?.[1];
    if (pool !== undefined && components.has(pool)) holders(containerOf(doc, pool));
    else if (components.has(id)) {
      states.set(id, 'failed');
      holders(containerOf(doc, id));
    } else if (domains.has(id)) {
      states.set(id, 'failed');
      holders(containerOf(doc, id));
    }
  }
  for (const id of down) {
    if (!components.has(id)) continue;
    if (!states.has(id)) states.set(id, 'down');
    holders(containerOf(doc, id));
  }
  // What a collapsed container hides is not drawn: the container (among the holders above) stands for it.
  for (const id of [...states.keys()]) if (view.hiddenBy.has(id)) states.delete(id);
  return states;
}

/** `states`: whatIfStates of the same sets. */
export function farWhatIfPaths(
  doc: Topology, view: CollapsedView, rects: ReadonlyMap<string, Rect>, states: ReadonlyMap<string, WhatIfState>, failed: ReadonlySet<string>, down: ReadonlySet<string>,
): FarWhatIfPaths {
  if (failed.size === 0 && down.size === 0) return NO_WHAT_IF_PATHS;
  const out = { failedComponents: '', downComponents: '', failedContainers: '', affectedContainers: '', affectedCollapsed: '', cutLinks: '' };
  const domains = new Set(doc.domains.map((d) => d.id));
  for (const [id, state] of states) {
    const r = rects.get(id);
    if (!r) continue;
    if (!domains.has(id)) out[state === 'failed' ? 'failedComponents' : 'downComponents'] += rectPath(r);
    else if (state === 'failed') out.failedContainers += rectPath(r);
    else out[view.summaries.has(id) ? 'affectedCollapsed' : 'affectedContainers'] += rectPath(r);
  }
  const cut: string[] = [];
  for (const link of doc.links) {
    if (!failed.has(linkKey(link)) && !down.has(link.from) && !down.has(link.to)) continue;
    const [from, to] = [rects.get(drawnAs(view, link.from)), rects.get(drawnAs(view, link.to))];
    if (!from || !to || from === to) continue;
    cut.push(linkPath(from, to));
  }
  out.cutLinks = cut.join('');
  return out;
}
