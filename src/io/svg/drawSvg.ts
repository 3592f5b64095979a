// The drawn SVG of a design: its containers, links and cards as shapes and text, from the
// document and its view (positions and sizes), with the analysis marks when given. No
// foreignObject and no stylesheet to resolve: presentation attributes only, so Inkscape,
// Figma, Visio, browsers and wiki renderers all draw it the same. Pure: the app's SVG
// and PNG export and the CLI's reports use this one function.
//
// A design without positions (a hand-written file, an import) must be laid out first
// (src/layout layoutTopology); unplaced nodes would all sit at the origin.
import { titleObstacles } from '../../model/containerTitle';
import type { Topology } from '../../model';
import { absoluteRects, domainDepth, type Rect } from '../../model/geometry';
import { obstacleIndex } from '../../model/linkRoute';
import { linkKey } from '../../model';
import { drawCard } from './cards';
import { drawContainer } from './containers';
import { drawLink } from './links';
import { resolveMarks, type SvgMarks } from './marks';
import { FONT_FAMILY, INK } from './theme';
import { attrs, xmlText } from './xml';

export type { SvgMarks } from './marks';

export interface SvgOptions {
  /** Analysis marks, by the report's element ids or the canvas's keys. */
  marks?: SvgMarks;
  /** The page colour; null leaves it transparent. Default: the canvas's. */
  background?: string | null;
  /** Room around the drawing, px. Default 24. */
  margin?: number;
}

export interface DrawnSvg {
  svg: string;
  width: number;
  height: number;
}

/** Badges and rings reach this far outside a node. */
const OVERHANG = 12;

function bounds(rects: Rect[]): Rect {
  if (rects.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0 - OVERHANG, y: y0 - OVERHANG, width: x1 - x0 + 2 * OVERHANG, height: y1 - y0 + 2 * OVERHANG };
}

/** The design as an SVG document (a string), with its size in px. */
export function drawTopologySvg(doc: Topology, options: SvgOptions = {}): DrawnSvg {
  const rects = absoluteRects(doc);
  const marks = resolveMarks(doc, options.marks);
  const margin = options.margin ?? 24;
  const box = bounds([...rects.values()]);
  const width = Math.ceil(box.width + 2 * margin);
  const height = Math.ceil(box.height + 2 * margin);
  const x0 = Math.floor(box.x - margin);
  const y0 = Math.floor(box.y - margin);

  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  parts.push(`<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `${x0} ${y0} ${width} ${height}`, 'font-family': FONT_FAMILY, role: 'img' })}>\n`);
  parts.push(`<title>${xmlText(doc.name ?? 'Design')}</title>\n`);
  parts.push(`<desc>${xmlText(`Drawn by SPOF Studio: ${doc.components.length} components, ${doc.domains.length} failure domains, ${doc.links.length} links`)}</desc>\n`);
  const background = options.background === undefined ? INK.background : options.background;
  if (background) parts.push(`<rect${attrs({ x: x0, y: y0, width, height, fill: background })}/>\n`);

  // Containers, outer ones first; links above them; cards above the links; captions on top.
  parts.push('<g data-layer="domains">\n');
  const domains = doc.domains.map((d, order) => ({ d, order, depth: domainDepth(doc, d.id) })).sort((a, b) => a.depth - b.depth || a.order - b.order);
  for (const { d } of domains) parts.push(drawContainer(d, rects.get(d.id)!, { spof: marks.spof.has(d.id), failed: marks.failed.has(d.id) }), '\n');
  parts.push('</g>\n<g data-layer="links">\n');
  const componentRects = doc.components.map((c) => [c.id, rects.get(c.id)!] as [string, Rect]);
  // Links and captions go around the cards and the words of the containers' title bars.
  const obstacles = obstacleIndex([...componentRects, ...titleObstacles(doc.domains, rects)]);
  const captions: string[] = [];
  const placed: Rect[] = [];
  for (const l of doc.links) {
    const key = linkKey(l);
    const drawn = drawLink(l, rects, obstacles, { spof: marks.spof.has(key), failed: marks.failed.has(key) }, placed);
    if (!drawn) continue;
    parts.push(drawn.line, '\n');
    if (drawn.caption) captions.push(drawn.caption);
  }
  parts.push('</g>\n<g data-layer="components">\n');
  for (const c of doc.components) {
    const r = rects.get(c.id)!;
    parts.push(drawCard(c, r, { spof: marks.spof.has(c.id), pair: marks.pair.has(c.id), failed: marks.failed.has(c.id), down: marks.down.has(c.id) }), '\n');
  }
  parts.push('</g>\n<g data-layer="captions">\n', captions.join('\n'), '\n</g>\n</svg>\n');
  return { svg: parts.join(''), width, height };
}
