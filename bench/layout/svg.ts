// Draws an auto-layout as a plain SVG, to look at the layout without the app:
//   npx tsx bench/layout/svg.ts FILE.spof.json [TB|LR] > layout.svg
//   npx tsx bench/layout/svg.ts template:multi-region > layout.svg
// Boxes are the layout's absolute rectangles; edges are straight lines between them
// (the canvas draws its own), replication links dashed.
import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { containerTree, layoutTopology, type Direction } from '../../src/layout';
import { formatProblem, linkType, parseTopology, type Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { absoluteRects } from '../../test/layout/geometry';

function load(source: string): Topology {
  if (source.startsWith('template:')) {
    const template = TEMPLATES.find((t) => t.id === source.slice('template:'.length));
    if (!template) throw new Error(`no template ${source}; known: ${TEMPLATES.map((t) => t.id).join(', ')}`);
    return { ...template.topology, view: undefined };
  }
  const parsed = parseTopology(readFileSync(source, 'utf8'));
  if (!parsed.ok) throw new Error(`${source}: ${parsed.errors.map(formatProblem).join('; ')}`);
  return parsed.topology;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const [source, direction = 'TB'] = process.argv.slice(2);
if (!source) throw new Error('usage: svg.ts FILE.spof.json|template:<id> [TB|LR]');
const t = load(source);
const result = await layoutTopology(t, { elk: new ELK(), direction: direction as Direction });
const rects = absoluteRects(t, result);
const tree = containerTree(t);
const depth = (id: string) => {
  let d = 0;
  for (let c = tree.parentOf.get(id); c !== undefined; c = tree.parentOf.get(c)) d++;
  return d;
};
const width = Math.max(...[...rects.values()].map((r) => r.x + r.width)) + 24;
const height = Math.max(...[...rects.values()].map((r) => r.y + r.height)) + 24;
const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`];
for (const d of [...t.domains].sort((a, b) => depth(a.id) - depth(b.id))) {
  const r = rects.get(d.id)!;
  out.push(`<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="rgba(90,140,255,0.08)" stroke="#48c"/>`);
  out.push(`<text x="${r.x + 8}" y="${r.y + 18}" fill="#236">${escape(d.label ?? d.id)} (${d.kind})</text>`);
}
for (const l of t.links) {
  const [a, b] = [rects.get(l.from)!, rects.get(l.to)!];
  const [x1, y1, x2, y2] = direction === 'LR' ? [a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2] : [a.x + a.width / 2, a.y + a.height, b.x + b.width / 2, b.y];
  const style = linkType(l) === 'replication' ? 'stroke="orange" stroke-dasharray="5 4"' : 'stroke="#555"';
  out.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" ${style}/>`);
}
for (const c of t.components) {
  const r = rects.get(c.id)!;
  out.push(`<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" rx="6" fill="#fffbe8" stroke="#333"/>`);
  out.push(`<text x="${r.x + 8}" y="${r.y + 24}">${escape(c.label ?? c.id)} [${c.kind}]</text>`);
}
out.push('</svg>');
console.log(out.join('\n'));
