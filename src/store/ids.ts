// Naming things in a document: fresh ids, and the key a link is known by on the canvas.
import { linkKey, type Link, type Topology } from '../model';

/** Every id in use: components, domains and links share one namespace. */
export function usedIds(doc: Pick<Topology, 'components' | 'domains' | 'links'>): Set<string> {
  const out = new Set<string>();
  for (const c of doc.components) out.add(c.id);
  for (const d of doc.domains) out.add(d.id);
  for (const l of doc.links) if (l.id) out.add(l.id);
  return out;
}

/** `base`, or `base-2`, `base-3`... : the first that is free. */
export function freshId(taken: Set<string>, base: string): string {
  const stem = base.replace(/-\d+$/, '') || 'node';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export { linkKey };

export function findLink(doc: Pick<Topology, 'links'>, key: string): Link | undefined {
  return doc.links.find((l) => linkKey(l) === key);
}
