// Moving nodes on the canvas: a node dropped inside a container joins it (its `domain`,
// or a domain's `parent`, follows), dropped outside every container it leaves.
import type { Topology } from '../model';
import { keyedCopy } from '../model/keyed';
import { absolutePosition, containerAt, containerOf, descendantDomains, domainDepth, sizeOf, type XY } from './geometry';
import { patchObject } from './edits';

export interface NodeMove {
  id: string;
  /** The node's new top-left corner, in canvas coordinates. */
  absolute: XY;
}

export function moveNodes(doc: Topology, moves: readonly NodeMove[]): Topology {
  // A node released where it was (a click, a zero-length drag) changes nothing: no undo step.
  moves = moves.filter((m) => {
    const now = absolutePosition(doc, m.id);
    return now.x !== m.absolute.x || now.y !== m.absolute.y;
  });
  if (moves.length === 0) return doc;
  const moving = new Set(moves.map((m) => m.id));
  const isDomain = new Set(doc.domains.map((d) => d.id));
  // Parents first, so a child placed later sees where its container now is.
  const ordered = [...moves].sort((a, b) => rank(doc, a.id, isDomain) - rank(doc, b.id, isDomain));
  let next = doc;
  for (const move of ordered) {
    const container = containerOf(next, move.id);
    // Dragged together with its container: it rides along, nothing to change.
    if (container !== undefined && moving.has(container)) continue;
    next = isDomain.has(move.id) ? moveDomain(next, move) : moveComponent(next, move);
  }
  return next;
}

function rank(doc: Topology, id: string, isDomain: Set<string>): number {
  return isDomain.has(id) ? domainDepth(doc, id) : 1000;
}

function centre(doc: Topology, id: string, at: XY): XY {
  const s = sizeOf(doc, id);
  return { x: at.x + s.width / 2, y: at.y + s.height / 2 };
}

function place(doc: Topology, id: string, container: string | undefined, absolute: XY): Topology {
  const origin = container === undefined ? { x: 0, y: 0 } : absolutePosition(doc, container);
  const positions = keyedCopy(doc.view?.positions);
  positions[id] = { x: absolute.x - origin.x, y: absolute.y - origin.y };
  return { ...doc, view: { ...doc.view, positions } };
}

function moveComponent(doc: Topology, move: NodeMove): Topology {
  const c = doc.components.find((x) => x.id === move.id);
  if (!c) return doc;
  const target = containerAt(doc, centre(doc, move.id, move.absolute));
  const current = containerOf(doc, move.id);
  if (target === current) return place(doc, move.id, current, move.absolute);
  // A new container: the component now sits in exactly that one (a spread pool collapses into it).
  const updated = patchObject(c, { domain: target, domains: undefined });
  const next = { ...doc, components: doc.components.map((x) => (x === c ? updated : x)) };
  return place(next, move.id, target, move.absolute);
}

function moveDomain(doc: Topology, move: NodeMove): Topology {
  const d = doc.domains.find((x) => x.id === move.id);
  if (!d) return doc;
  const exclude = new Set([d.id, ...descendantDomains(doc, d.id)]);
  const target = containerAt(doc, centre(doc, move.id, move.absolute), exclude);
  if (target === d.parent) return place(doc, move.id, d.parent, move.absolute);
  const updated = patchObject(d, { parent: target });
  const next = { ...doc, domains: doc.domains.map((x) => (x === d ? updated : x)) };
  return place(next, move.id, target, move.absolute);
}
