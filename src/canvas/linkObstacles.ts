// The cards links must go around, indexed once per arrangement of the design: keyed by the
// document's positions object, which every move replaces and nothing else does, so an
// availability or label edit re-routes no link (and re-renders none). A collapsed container
// is one card; what it hides is no obstacle. The words of an open container's title bar are
// obstacles too (a link crosses the bar beside them): its domains object is in the key.
import { titleObstacles } from '../model/containerTitle';
import { absoluteRects } from '../model/geometry';
import { obstacleIndex, type Obstacles } from '../model/linkRoute';
import type { Rect } from '../model/geometry';
import type { Topology } from '../model';
import { useCollapsed } from '../store/collapsed';
import { useDocument } from '../store/document';
import { collapsedView, COLLAPSED_SIZE } from './collapse';

const NO_POSITIONS = {};
const cache = new WeakMap<object, { collapsed: ReadonlySet<string>; domains: Topology['domains']; sizes: unknown; index: Obstacles }>();
const NO_SPOFS: ReadonlySet<string> = new Set();

function obstaclesOf(doc: Topology, collapsedIds: ReadonlySet<string>): Obstacles {
  const key = doc.view?.positions ?? NO_POSITIONS;
  const hit = cache.get(key);
  if (hit && hit.collapsed === collapsedIds && hit.domains === doc.domains && hit.sizes === doc.view?.sizes) return hit.index;
  const rects = absoluteRects(doc);
  const view = collapsedView(doc, collapsedIds, NO_SPOFS);
  const cards = doc.components.filter((c) => !view.hiddenBy.has(c.id)).map((c): [string, Rect] => [c.id, rects.get(c.id)!]);
  const boxes = [...view.summaries.keys()].filter((id) => !view.hiddenBy.has(id) && rects.has(id))
    .map((id): [string, Rect] => [id, { ...rects.get(id)!, ...COLLAPSED_SIZE }]);
  const titles = titleObstacles(doc.domains.filter((d) => !view.hiddenBy.has(d.id) && !view.summaries.has(d.id)), rects);
  const index = obstacleIndex([...cards, ...boxes, ...titles]);
  cache.set(key, { collapsed: collapsedIds, domains: doc.domains, sizes: doc.view?.sizes, index });
  return index;
}

/** The current obstacles; a link re-renders when the design's arrangement, its containers or what is collapsed changes. */
export function useLinkObstacles(): Obstacles {
  useDocument((s) => s.doc.view?.positions);
  useDocument((s) => s.doc.view?.sizes);
  useDocument((s) => s.doc.domains);
  const collapsed = useCollapsed((s) => s.ids);
  return obstaclesOf(useDocument.getState().doc, collapsed);
}
