// A failure domain as the canvas draws it: a rounded box, dashed for zones, with a title
// bar holding the kind's icon, the label and the kind on the left, the availability and the
// SPOF mark on the right
// (what fits beside the whole label: src/model/containerTitle.ts, as on the canvas).
import type { FailureDomain } from '../../model';
import { CONTAINER_TITLE, containerTitle } from '../../model/containerTitle';
import type { Rect } from '../../model/geometry';
import { DOMAIN_KIND_LABELS } from '../../model/kindLabels';
import { domainIconPath } from './icons';
import { pill, pillWidth } from './pill';
import { DOMAIN_STYLES, INK } from './theme';
import { attrs, num, xmlText } from './xml';

const MARK = { fontSize: 10, bold: true, height: 16, text: '#ffffff' };

export function drawContainer(d: FailureDomain, r: Rect, marks: { spof: boolean; failed: boolean }): string {
  const style = DOMAIN_STYLES[d.kind];
  const label = d.label ?? d.id;
  const stroke = marks.spof ? INK.spof : marks.failed ? INK.failed : style.stroke;
  let out = `<g${attrs({ 'data-id': d.id, 'data-kind': d.kind })}><title>${xmlText(`${label} (${DOMAIN_KIND_LABELS[d.kind]})`)}</title>`;
  if (marks.spof) out += `<rect${attrs({ x: r.x - 3, y: r.y - 3, width: r.width + 6, height: r.height + 6, rx: 14, fill: 'none', stroke: INK.spof, 'stroke-opacity': 0.25, 'stroke-width': 3 })}/>`;
  out += `<rect${attrs({ x: r.x, y: r.y, width: r.width, height: r.height, rx: 12, fill: marks.failed ? '#e2e8f0' : style.fill, 'fill-opacity': marks.failed ? 0.6 : style.fillOpacity, stroke, 'stroke-width': 1.5, 'stroke-dasharray': style.dash })}/>`;
  out += `<path${attrs({ d: domainIconPath(d.kind), transform: `translate(${num(r.x + 10)} ${num(r.y + 8)}) scale(0.5833)`, fill: 'none', stroke: style.title, 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`;
  const baseline = r.y + 19;
  const mark = marks.failed ? 'failed' : marks.spof ? 'SPOF' : undefined;
  const markStyle = { ...MARK, fill: marks.failed ? INK.failed : INK.spof };
  const markWidth = mark ? pillWidth(mark, markStyle) + 6 : 0;
  // The text runs from the icon to the bar's end, less the mark and the availability's wider gap.
  const title = containerTitle(d, r.width - 30 - 10 - 6 - markWidth);
  const T = CONTAINER_TITLE;
  // The kind follows the label in the same text, so it sits right after it in whatever font draws it.
  out += `<text${attrs({ x: r.x + 30, y: baseline, 'font-size': T.labelFont, 'font-weight': 700, fill: style.title })}>`
    + `<tspan${attrs({ 'text-decoration': marks.failed ? 'line-through' : undefined })}>${xmlText(title.label)}</tspan>`
    + (title.kind ? `<tspan${attrs({ dx: T.gap, 'font-size': T.kindFont, 'font-weight': 400, 'letter-spacing': 0.6, fill: INK.faint })}>${xmlText(title.kind)}</tspan>` : '')
    + '</text>';
  // The mark at the bar's right end and the availability before it, where the canvas puts them.
  const right = r.x + r.width - 10;
  if (mark) out += pill(mark, right - pillWidth(mark, markStyle), r.y + 7, markStyle);
  if (title.figure) out += `<text${attrs({ x: right - markWidth, y: baseline, 'font-size': T.figureFont, 'text-anchor': 'end', fill: INK.muted })}>${xmlText(title.figure)}</text>`;
  return `${out}</g>`;
}
