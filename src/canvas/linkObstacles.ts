// The cards links must go around, indexed once per arrangement of the design: keyed by the
// document's positions object, which every move replaces and nothing else does, so an
// availability or label edit re-routes no link (and re-renders none).
import { absoluteRects } from '../model/geometry';
import { obstacleIndex, type Obstacles } from '../model/linkRoute';
import type { Topology } from '../model';
import { useDocument } from '../store/document';

const NO_POSITIONS = {};
const cache = new WeakMap<object, Obstacles>();

function obstaclesOf(doc: Topology): Obstacles {
  const key = doc.view?.positions ?? NO_POSITIONS;
  let index = cache.get(key);
  if (!index) {
    const rects = absoluteRects(doc);
    index = obstacleIndex(doc.components.map((c) => [c.id, rects.get(c.id)!]));
    cache.set(key, index);
  }
  return index;
}

/** The current obstacles; a link re-renders when the design's arrangement changes. */
export function useLinkObstacles(): Obstacles {
  useDocument((s) => s.doc.view?.positions);
  return obstaclesOf(useDocument.getState().doc);
}
