import type { Topology } from '../model';
import { own } from '../model/keyed';

/**
 * True when some component or domain has no stored position: a Mermaid import, an
 * applied plan or a hand-written file. The document store lays such a design out
 * when it opens it.
 */
export function needsLayout(t: Pick<Topology, 'components' | 'domains' | 'view'>): boolean {
  const positions = t.view?.positions ?? {};
  return [...t.components, ...t.domains].some((node) => own(positions, node.id) === undefined);
}
