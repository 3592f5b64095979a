// The find box's matching (no React): components and containers whose label or id holds
// the query, case-insensitive; an exact match first, then the ones that start with it,
// then the rest, each in the document's order.
import type { Topology } from '../model';

export interface FoundElement {
  id: string;
  label: string;
  type: 'component' | 'container';
}

export function findElements(doc: Pick<Topology, 'components' | 'domains'>, query: string, limit = 8): FoundElement[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const ranked: { found: FoundElement; rank: number; order: number }[] = [];
  const consider = (id: string, label: string | undefined, type: FoundElement['type'], order: number) => {
    const texts = [id.toLowerCase(), (label ?? '').toLowerCase()];
    const rank = texts.some((t) => t === q) ? 0 : texts.some((t) => t.startsWith(q)) ? 1 : texts.some((t) => t.includes(q)) ? 2 : -1;
    if (rank >= 0) ranked.push({ found: { id, label: label ?? id, type }, rank, order });
  };
  doc.components.forEach((c, i) => consider(c.id, c.label, 'component', i));
  doc.domains.forEach((d, i) => consider(d.id, d.label, 'container', doc.components.length + i));
  return ranked
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((r) => r.found);
}
