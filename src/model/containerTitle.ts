// What a container's title bar says at a given width, shared by the canvas (DomainNode)
// and the drawn SVG so the two agree. The label wins: the kind word goes first, then the
// availability, and only a label longer than the whole bar is cut (its full text is the
// title's tooltip). The SPOF or failed mark always stays: it is the analysis.
import { domainAvailability } from './derive';
import { DOMAIN_KIND_LABELS } from './kindLabels';
import { formatPercent } from './percent';
import type { FailureDomain } from './schema';
import type { Rect } from './geometry';
import { printable, textWidth, truncateText } from './textMetrics';

export const CONTAINER_TITLE = {
  labelFont: 12,
  kindFont: 10,
  /** The kind is drawn in capitals with letter spacing: a little wider than its measure. */
  kindSpacing: 1.08,
  figureFont: 11,
  /** Between the label, the kind and the availability. */
  gap: 6,
  /** Text measured by a table can still be a little narrower than a font draws it. */
  slack: 4,
} as const;

export interface ContainerTitle {
  /** The label as drawn: whole, or cut with an ellipsis when even alone it does not fit. */
  label: string;
  /** The kind word in capitals, when there is room for it beside the whole label. */
  kind?: string;
  /** The availability, when there is room for it beside the whole label. */
  figure?: string;
  /** Everything the bar would say with room enough: label, kind and availability. */
  tooltip: string;
}

/** The title for a bar whose text (label, kind, availability and the gaps between) has `room` px. */
export function containerTitle(d: FailureDomain, room: number): ContainerTitle {
  const T = CONTAINER_TITLE;
  const label = printable(d.label ?? d.id);
  const kindWord = DOMAIN_KIND_LABELS[d.kind];
  const kind = kindWord.toUpperCase();
  const figure = d.kind !== 'group' ? formatPercent(domainAvailability(d)) : undefined;
  const tooltip = [label, kindWord.toLowerCase(), figure].filter(Boolean).join(' · ');
  const fits = room - T.slack;
  const labelWidth = textWidth(label, T.labelFont, true);
  const kindWidth = T.gap + textWidth(kind, T.kindFont) * T.kindSpacing;
  const figureWidth = figure ? T.gap + textWidth(figure, T.figureFont) : 0;
  if (labelWidth + kindWidth + figureWidth <= fits) return { label, kind, figure, tooltip };
  if (labelWidth + figureWidth <= fits) return { label, figure, tooltip };
  if (labelWidth <= fits) return { label, tooltip };
  return { label: truncateText(label, Math.max(fits, 12), T.labelFont, true), tooltip };
}

/** What the canvas's bar holds before the label: padding, the collapse toggle, the icon and their gaps (DomainNode). */
const LEFT_CHROME = 52;
/** The canvas's room for the bar's text: the width less that chrome and the right padding. */
const TEXT_CHROME = 65;
/** A SPOF or failed mark at the bar's right end, with its gap and padding (the wider, "failed"). */
const MARK_ROOM = 52;

/**
 * Where a container's title bar has words, as rectangles links and their captions keep clear
 * of (src/model/linkRoute.ts): from the icon to the kind word, and at the right end the
 * availability with room for a mark. A link may cross the bar between them, never its text.
 * Measured as the canvas draws the bar, whose toggle makes the left run the longer.
 */
export function titleTextRects(d: FailureDomain, r: Rect): Rect[] {
  const T = CONTAINER_TITLE;
  const title = containerTitle(d, r.width - TEXT_CHROME);
  const left = LEFT_CHROME + textWidth(title.label, T.labelFont, true) + (title.kind ? T.gap + textWidth(title.kind, T.kindFont) * T.kindSpacing : 0);
  const right = (title.figure ? textWidth(title.figure, T.figureFont) + T.gap : 0) + MARK_ROOM;
  return [
    { x: r.x + 8, y: r.y + 8, width: Math.max(0, Math.min(left, r.width) - 8), height: 14 },
    { x: r.x + r.width - 10 - right, y: r.y + 8, width: right, height: 14 },
  ];
}

/** The title words of these containers as obstacles for the link router, ids `title:<id>:<n>`. */
export function titleObstacles(domains: Iterable<FailureDomain>, rects: ReadonlyMap<string, Rect>): [string, Rect][] {
  const out: [string, Rect][] = [];
  for (const d of domains) {
    const r = rects.get(d.id);
    if (r) titleTextRects(d, r).forEach((t, i) => out.push([`title:${d.id}:${i}`, t]));
  }
  return out;
}
