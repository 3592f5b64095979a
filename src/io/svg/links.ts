// Links as the canvas draws them: a dependency is a solid line with an arrow head at what
// it needs, a replication link is dashed teal with its mode as caption, an optional
// dependency dotted grey. Routed around the cards (src/model/linkRoute.ts).
import type { Rect, XY } from '../../model/geometry';
import { linkCaption } from '../../model/linkCaption';
import { linkSides, routeLink, sidePoint, type Obstacles } from '../../model/linkRoute';
import { linkKey, type Link } from '../../model';
import { pill, pillWidth } from './pill';
import { INK } from './theme';
import { attrs, num } from './xml';

export interface DrawnLink {
  /** The line and its arrow head. */
  line: string;
  /** Its caption, drawn above the cards. */
  caption: string;
}

const CAPTION = { fontSize: 10, bold: true, height: 16 };

/** A filled arrow head whose tip is `tip`, pointing from `from`. */
function arrowHead(from: XY, tip: XY, colour: string): string {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const back = { x: tip.x - ux * 9, y: tip.y - uy * 9 };
  const a = { x: back.x - uy * 4.5, y: back.y + ux * 4.5 };
  const b = { x: back.x + uy * 4.5, y: back.y - ux * 4.5 };
  return `<path${attrs({ d: `M${num(tip.x)} ${num(tip.y)}L${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}Z`, fill: colour })}/>`;
}

export function drawLink(l: Link, rects: Map<string, Rect>, obstacles: Obstacles, marks: { spof: boolean; failed: boolean }): DrawnLink | undefined {
  const a = rects.get(l.from);
  const b = rects.get(l.to);
  if (!a || !b) return undefined;
  const sides = linkSides(a, b);
  const route = routeLink(sidePoint(a, sides.source), sides.source, sidePoint(b, sides.target), obstacles, new Set([l.from, l.to]));
  const replication = l.type === 'replication';
  const failed = marks.failed && !replication;
  const colour = failed ? INK.failed : marks.spof ? INK.spof : replication ? INK.replication : l.optional ? INK.optional : INK.link;
  const dash = failed ? '3 4' : replication ? '7 5' : l.optional ? '2 4' : undefined;
  let line = `<g${attrs({ 'data-id': linkKey(l), 'data-type': replication ? 'replication' : 'dependency' })}>`;
  line += `<path${attrs({ d: route.path, fill: 'none', stroke: colour, 'stroke-width': marks.spof || failed ? 2.4 : replication ? 1.8 : 1.6, 'stroke-dasharray': dash, 'stroke-linecap': l.optional ? 'round' : undefined })}/>`;
  const pts = route.points;
  if (!replication && pts.length >= 2) line += arrowHead(pts[pts.length - 2], pts[pts.length - 1], colour);
  line += '</g>';
  const text = [failed ? 'failed' : undefined, linkCaption(l)].filter(Boolean).join(' · ');
  let caption = '';
  if (text) {
    const style = replication
      ? { ...CAPTION, fill: '#f0fdfa', stroke: '#5eead4', text: '#0f766e' }
      : failed ? { ...CAPTION, fill: INK.failed, stroke: INK.failed, text: '#ffffff' } : { ...CAPTION, fill: '#ffffff', stroke: '#cbd5e1', text: INK.muted };
    const w = pillWidth(text, style);
    caption = pill(text, route.label.x - w / 2, route.label.y - CAPTION.height / 2, style);
  }
  return { line, caption };
}
