// Links as the canvas draws them: a dependency is a solid line with an arrow head at what
// it needs, a replication link is dashed teal with its mode as caption, an optional
// dependency dotted grey. Routed around the cards (src/model/linkRoute.ts).
import type { Rect, XY } from '../../model/geometry';
import { linkCaption } from '../../model/linkCaption';
import { boxFree, linkSides, pointAlong, routeLink, sidePoint, type Obstacles } from '../../model/linkRoute';
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
/** Room kept around a caption: a card's badges stand 9 px above its top and 7 below its bottom. */
const CAPTION_ROOM = 10;
/** Where along its line a caption may go, nearest half-way first. */
const CAPTION_SHARES = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85];

const NO_ENDS: ReadonlySet<string> = new Set();
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The caption's box: half-way along the line, or the point nearest half-way whose box keeps
 * clear of every card with its badges and of the captions already placed (`placed`, which
 * it joins); failing that, clear of every card but the link's own ends (two cards closer
 * than the caption is wide); failing that, half-way.
 */
function captionBox(points: readonly XY[], width: number, obstacles: Obstacles, placed: Rect[], ends: ReadonlySet<string>): Rect {
  const boxes = CAPTION_SHARES.map((share): Rect => {
    const p = pointAlong(points, share);
    return { x: p.x - width / 2, y: p.y - CAPTION.height / 2, width, height: CAPTION.height };
  });
  const clear = (skip: ReadonlySet<string>) => (b: Rect) => {
    const room = { x: b.x - CAPTION_ROOM, y: b.y - CAPTION_ROOM, width: b.width + 2 * CAPTION_ROOM, height: b.height + 2 * CAPTION_ROOM };
    return boxFree(obstacles, room, skip) && !placed.some((p) => overlaps(p, b));
  };
  const box = boxes.find(clear(NO_ENDS)) ?? boxes.find(clear(ends)) ?? boxes[0];
  placed.push(box);
  return box;
}

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

/** `placed`: the captions drawn so far, which this link's caption keeps clear of (and joins). */
export function drawLink(l: Link, rects: Map<string, Rect>, obstacles: Obstacles, marks: { spof: boolean; failed: boolean }, placed: Rect[] = []): DrawnLink | undefined {
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
    const at = captionBox(route.points, pillWidth(text, style), obstacles, placed, new Set([l.from, l.to]));
    caption = `<g${attrs({ 'data-caption-of': linkKey(l) })}>${pill(text, at.x, at.y, style)}</g>`;
  }
  return { line, caption };
}
