// What a component's card on the canvas says and how big it is: shared by the canvas (its
// CSS sizes follow CARD), the layout (room for every card) and the drawn SVG, so the three
// agree. A card grows with its label up to CARD.maxWidth; a longer label takes two lines,
// and past those it ends in an ellipsis (the full text is the card's tooltip).
import { componentAvailability, failoverSecondsOf, minHealthyOf, replicasOf } from './derive';
import type { Size } from './geometry';
import { COMPONENT_KIND_LABELS } from './kindLabels';
import { formatPercent } from './percent';
import type { Component } from './schema';
import { textWidth, wrapText } from './textMetrics';

export const CARD = {
  labelFont: 13,
  labelLine: 16,
  metaFont: 11,
  /** Left accent border, padding, icon box, gap, padding, right border. */
  chrome: 4 + 12 + 34 + 10 + 12 + 1,
  /** Text measured by a table can still be a little narrower than a font draws it. */
  slack: 4,
  minWidth: 184,
  maxWidth: 280,
  height: 64,
  maxLines: 2,
} as const;

/** Where the badge sits on the card's border, clear of the handles in the middle of each side. */
export type BadgeTone = 'pool' | 'standby' | 'replica' | 'spread';

export interface CardBadge {
  tone: BadgeTone;
  text: string;
  title: string;
}

export interface ComponentCard {
  label: string;
  /** The label as drawn: one or two lines, the last cut with an ellipsis if need be. */
  lines: string[];
  /** The small line under the label: the kind, and the availability (an SLO for a client). */
  kind: string;
  figure?: string;
  badges: CardBadge[];
  size: Size;
}

const cards = new WeakMap<Component, ComponentCard>();

/** A card's text and size; components are immutable, so each is computed once. */
export function componentCard(c: Component): ComponentCard {
  let card = cards.get(c);
  if (!card) {
    card = buildCard(c);
    cards.set(c, card);
  }
  return card;
}

export function componentSize(c: Component): Size {
  return componentCard(c).size;
}

function buildCard(c: Component): ComponentCard {
  const label = c.label ?? c.id;
  const kind = COMPONENT_KIND_LABELS[c.kind];
  const figure = c.kind !== 'client' ? formatPercent(componentAvailability(c)) : c.slo !== undefined ? `SLO ${formatPercent(c.slo)}` : undefined;
  const metaWidth = textWidth(kind, CARD.metaFont) + (figure ? 6 + textWidth(figure, CARD.metaFont) : 0);
  const labelWidth = textWidth(label, CARD.labelFont, true);
  const widest = CARD.maxWidth - CARD.chrome - CARD.slack;
  const lines = wrapText(label, widest, CARD.labelFont, true, CARD.maxLines);
  const textWidthNeeded = lines.length > 1 ? widest : Math.max(labelWidth, metaWidth);
  const width = Math.min(CARD.maxWidth, Math.max(CARD.minWidth, Math.ceil((textWidthNeeded + CARD.chrome + CARD.slack) / 8) * 8));
  const height = CARD.height + (Math.max(1, lines.length) - 1) * CARD.labelLine;
  return { label, lines, kind, figure, badges: componentBadges(c), size: { width, height } };
}

/** The label's lines on a card of `size`: as many as its height holds (two from 80 px), cut to its width. */
export function cardLines(label: string, size: Size): string[] {
  const lines = Math.max(1, Math.min(CARD.maxLines, 1 + Math.floor((size.height - CARD.height) / CARD.labelLine)));
  return wrapText(label, size.width - CARD.chrome - CARD.slack, CARD.labelFont, true, lines);
}

/** Pool, standby or replica, and spread: what the card's border badges say. */
export function componentBadges(c: Component): CardBadge[] {
  const badges: CardBadge[] = [];
  const replicas = replicasOf(c);
  const min = minHealthyOf(c);
  if (replicas > 1) {
    badges.push(min > 1
      ? { text: `${min} of ${replicas}`, tone: 'pool', title: `${replicas} instances, ${min} must work` }
      : { text: `×${replicas}`, tone: 'pool', title: `${replicas} instances, any one is enough` });
  }
  if (c.role === 'standby' || (replicas > 1 && c.standby)) {
    const pool = c.role !== 'standby';
    badges.push({
      text: `${c.standby ?? 'warm'} standby`,
      tone: 'standby',
      title: pool ? `active-passive pool: one instance serves, the others take over after ${failoverSecondsOf(c)} s` : `takes over after ${failoverSecondsOf(c)} s`,
    });
  } else if (c.role === 'replica') {
    badges.push({ text: 'replica', tone: 'replica', title: 'a replica of the data' });
  }
  if (c.domains && c.domains.length > 1) {
    badges.push({ text: c.domains.join(', '), tone: 'spread', title: `instances spread round-robin over ${c.domains.join(', ')}` });
  }
  return badges;
}
