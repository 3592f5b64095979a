// A rounded badge with text: SPOF and pair marks, a card's pool/standby badges, link captions.
import { textWidth, truncateText } from '../../model/textMetrics';
import { attrs, xmlText } from './xml';

export interface PillStyle {
  fill: string;
  stroke?: string;
  text: string;
  fontSize: number;
  bold?: boolean;
  height: number;
  maxWidth?: number;
}

/** The pill's width for `text`, as drawn. */
export function pillWidth(text: string, style: PillStyle): number {
  const inner = style.maxWidth !== undefined ? Math.min(textWidth(text, style.fontSize, style.bold), style.maxWidth - 10) : textWidth(text, style.fontSize, style.bold);
  return Math.ceil(inner + 10);
}

/** A pill whose left edge is at `x` and top at `y`. */
export function pill(text: string, x: number, y: number, style: PillStyle): string {
  const width = pillWidth(text, style);
  const shown = style.maxWidth !== undefined ? truncateText(text, style.maxWidth - 10, style.fontSize, style.bold) : text;
  const h = style.height;
  return `<rect${attrs({ x, y, width, height: h, rx: h / 2, fill: style.fill, stroke: style.stroke, 'stroke-width': style.stroke ? 1 : undefined })}/>`
    + `<text${attrs({ x: x + width / 2, y: y + h / 2 + style.fontSize * 0.36, 'text-anchor': 'middle', 'font-size': style.fontSize, 'font-weight': style.bold ? 700 : undefined, fill: style.text })}>${xmlText(shown)}</text>`;
}
