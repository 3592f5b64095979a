// A failure domain as the canvas draws it: a rounded box, dashed for zones, with a title
// bar holding the kind's icon, the label, the kind, the availability and the SPOF mark.
import { domainAvailability, type FailureDomain } from '../../model';
import type { Rect } from '../../model/geometry';
import { DOMAIN_KIND_LABELS } from '../../model/kindLabels';
import { formatPercent } from '../../model/percent';
import { textWidth, truncateText } from '../../model/textMetrics';
import { domainIconPath } from './icons';
import { pill, pillWidth } from './pill';
import { DOMAIN_STYLES, INK } from './theme';
import { attrs, num, xmlText } from './xml';

const TITLE = { font: 12, kindFont: 10, figureFont: 11 };
const MARK = { fontSize: 10, bold: true, height: 16, text: '#ffffff' };

export function drawContainer(d: FailureDomain, r: Rect, marks: { spof: boolean; failed: boolean }): string {
  const style = DOMAIN_STYLES[d.kind];
  const label = d.label ?? d.id;
  const kind = DOMAIN_KIND_LABELS[d.kind].toUpperCase();
  const figure = d.kind !== 'group' ? formatPercent(domainAvailability(d)) : undefined;
  const stroke = marks.spof ? INK.spof : marks.failed ? INK.failed : style.stroke;
  let out = `<g${attrs({ 'data-id': d.id, 'data-kind': d.kind })}><title>${xmlText(`${label} (${DOMAIN_KIND_LABELS[d.kind]})`)}</title>`;
  if (marks.spof) out += `<rect${attrs({ x: r.x - 3, y: r.y - 3, width: r.width + 6, height: r.height + 6, rx: 14, fill: 'none', stroke: INK.spof, 'stroke-opacity': 0.25, 'stroke-width': 3 })}/>`;
  out += `<rect${attrs({ x: r.x, y: r.y, width: r.width, height: r.height, rx: 12, fill: marks.failed ? '#e2e8f0' : style.fill, 'fill-opacity': marks.failed ? 0.6 : style.fillOpacity, stroke, 'stroke-width': 1.5, 'stroke-dasharray': style.dash })}/>`;
  out += `<path${attrs({ d: domainIconPath(d.kind), transform: `translate(${num(r.x + 10)} ${num(r.y + 8)}) scale(0.5833)`, fill: 'none', stroke: style.title, 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`;
  const baseline = r.y + 19;
  const figureWidth = figure ? textWidth(figure, TITLE.figureFont) : 0;
  const mark = marks.failed ? 'failed' : marks.spof ? 'SPOF' : undefined;
  const markStyle = { ...MARK, fill: marks.failed ? INK.failed : INK.spof };
  const markWidth = mark ? pillWidth(mark, markStyle) + 6 : 0;
  const kindWidth = textWidth(kind, TITLE.kindFont) * 1.06;
  // The label gets what the kind, the mark and the availability leave of the title bar.
  const room = Math.max(24, r.width - 30 - 10 - 6 - kindWidth - markWidth - (figure ? figureWidth + 12 : 0));
  const shown = truncateText(label, room, TITLE.font, true);
  const labelWidth = textWidth(shown, TITLE.font, true);
  // The kind follows the label in the same text, so it sits right after it in whatever font draws it.
  out += `<text${attrs({ x: r.x + 30, y: baseline, 'font-size': TITLE.font, 'font-weight': 700, fill: style.title })}>`
    + `<tspan${attrs({ 'text-decoration': marks.failed ? 'line-through' : undefined })}>${xmlText(shown)}</tspan>`
    + `<tspan${attrs({ dx: 6, 'font-size': TITLE.kindFont, 'font-weight': 400, 'letter-spacing': 0.6, fill: INK.faint })}>${xmlText(kind)}</tspan></text>`;
  const kindX = r.x + 30 + labelWidth + 6;
  if (mark) out += pill(mark, kindX + kindWidth + 6, r.y + 7, markStyle);
  if (figure) out += `<text${attrs({ x: r.x + r.width - 10, y: baseline, 'font-size': TITLE.figureFont, 'text-anchor': 'end', fill: INK.muted })}>${xmlText(figure)}</text>`;
  return `${out}</g>`;
}
