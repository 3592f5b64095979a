// A component card as the canvas draws it: white card with the kind's accent on the left,
// the icon in a tinted box, the label (one or two lines), the kind and availability, the
// pool/standby/spread badges on the border, and the analysis marks.
import type { Rect } from '../../model/geometry';
import { BADGE_COLOURS, COMPONENT_ACCENTS, INK, tint } from './theme';
import { componentIconPath } from './icons';
import { pill, pillWidth } from './pill';
import { attrs, num, xmlText } from './xml';
import { CARD, cardLines, componentCard, type BadgeTone } from '../../model/nodeCard';
import { textWidth } from '../../model/textMetrics';
import type { Component } from '../../model';

export interface CardMarks {
  spof: boolean;
  pair: boolean;
  failed: boolean;
  down: boolean;
}

const BADGE = { fontSize: 9.5, bold: true, height: 16 };
/** A badge may take the card's width less room for the one beside it (the pool count, the mark), as on the canvas. */
const BADGE_ROOM = 64;
const MARK_PILL = { fontSize: 10, bold: true, height: 16, text: '#ffffff' };

/** Where each badge sits: top-left, top-right, bottom-left (the bottom-right is the SPOF mark's). */
function badgeAt(tone: BadgeTone, r: Rect, width: number): { x: number; y: number } {
  switch (tone) {
    case 'pool': return { x: r.x + 6, y: r.y - 9 };
    case 'standby':
    case 'replica': return { x: r.x + r.width - 4 - width, y: r.y - 9 };
    case 'spread': return { x: r.x + 4, y: r.y + r.height - 7 };
  }
}

export function drawCard(c: Component, r: Rect, marks: CardMarks): string {
  const card = componentCard(c);
  const accent = COMPONENT_ACCENTS[c.kind];
  const { x, y, width: w, height: h } = r;
  const border = marks.spof ? INK.spof : marks.pair ? INK.pair : INK.cardBorder;
  let out = `<g${attrs({ 'data-id': c.id, 'data-kind': c.kind, opacity: marks.down && !marks.failed ? 0.45 : marks.failed ? 0.7 : undefined })}>`;
  out += `<title>${xmlText(`${card.label} (${card.kind})`)}</title>`;
  if (marks.spof || marks.pair) {
    out += `<rect${attrs({ x: x - 3, y: y - 3, width: w + 6, height: h + 6, rx: 11, fill: 'none', stroke: border, 'stroke-opacity': 0.35, 'stroke-width': 3 })}/>`;
  }
  out += `<rect${attrs({ x, y, width: w, height: h, rx: 8, fill: marks.failed ? '#e2e8f0' : INK.card, stroke: border, 'stroke-width': marks.spof ? 1.5 : 1 })}/>`;
  out += `<path${attrs({ d: `M${num(x + 4)} ${num(y)}H${num(x + 8)}A8 8 0 0 0 ${num(x)} ${num(y + 8)}V${num(y + h - 8)}A8 8 0 0 0 ${num(x + 8)} ${num(y + h)}H${num(x + 4)}Z`, fill: marks.failed ? INK.failed : accent })}/>`;
  const iconTop = y + (h - 34) / 2;
  out += `<rect${attrs({ x: x + 16, y: iconTop, width: 34, height: 34, rx: 8, fill: tint(accent, 0.12) })}/>`;
  out += `<path${attrs({ d: componentIconPath(c.kind), transform: `translate(${num(x + 24)} ${num(iconTop + 8)}) scale(0.75)`, fill: 'none', stroke: accent, 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`;
  const wrapped = cardLines(card.label, r);
  const lines = wrapped.length > 0 ? wrapped : [''];
  const textX = x + CARD.chrome - 13;
  const top = y + (h - (CARD.labelLine * lines.length + 16)) / 2;
  lines.forEach((line, i) => {
    const baseline = top + CARD.labelLine * i + 12.5;
    out += `<text${attrs({ x: textX, y: baseline, 'font-size': CARD.labelFont, 'font-weight': 600, fill: INK.text })}>${xmlText(line)}</text>`;
    if (marks.failed) out += `<path${attrs({ d: `M${num(textX)} ${num(baseline - 4)}h${num(textWidth(line, CARD.labelFont, true))}`, stroke: INK.text, 'stroke-width': 1.5 })}/>`;
  });
  const metaY = top + CARD.labelLine * lines.length + 13;
  out += `<text${attrs({ x: textX, y: metaY, 'font-size': CARD.metaFont, fill: INK.faint })}>${xmlText(card.kind)}`;
  if (card.figure) out += `<tspan${attrs({ dx: 6, fill: INK.muted })}>${xmlText(card.figure)}</tspan>`;
  out += '</text>';
  for (const b of card.badges) {
    const colours = BADGE_COLOURS[b.tone];
    const style = { ...BADGE, maxWidth: w - BADGE_ROOM, fill: colours.fill, stroke: colours.stroke, text: colours.text };
    const at = badgeAt(b.tone, r, pillWidth(b.text, style));
    out += pill(b.text, at.x, at.y, style);
  }
  out += markPill(marks, r);
  return `${out}</g>`;
}

/** SPOF (red), pair (amber) or failed (slate), on the card's bottom-right border. */
function markPill(marks: CardMarks, r: Rect): string {
  const text = marks.failed ? 'failed' : marks.spof ? 'SPOF' : marks.pair ? 'pair' : undefined;
  if (!text) return '';
  const style = { ...MARK_PILL, fill: marks.failed ? INK.failed : marks.spof ? INK.spof : INK.pairBadge };
  return pill(text, r.x + r.width - 8 - pillWidth(text, style), r.y + r.height - 7, style);
}
