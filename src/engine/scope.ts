// What the figures cover (DESIGN section 2, "Entry points when there is no client"):
// the clients the analysis starts from, the entry points that stand in for missing
// clients, and the components that nothing analysed reaches. Decided here once so the
// worker, the CLI and the tests agree.
import { ENTRY_PREFIX, linkType, type Topology } from '../model';
import { csr } from './csr';
import { stronglyConnected } from './scc';

/**
 * - `clients`: the document's clients that call something;
 * - `entry-points`: no client calls anything, so implicit clients `entry:<id>` stand in
 *   front of the entry points;
 * - `unconnected`: no dependency link at all (or no component): there is no figure.
 */
export type AnalysisBasis = 'clients' | 'entry-points' | 'unconnected';

export interface AnalysisScope {
  basis: AnalysisBasis;
  /** Document clients analysed (those with a dependency link of their own), in document order. */
  clients: string[];
  /** The components implicit clients stand in front of (basis `entry-points`), in document order. */
  entryPoints: string[];
  /** Components that no analysed client or entry point reaches along dependency and replication links (idle clients included), in document order. */
  unreached: string[];
}

export { ENTRY_PREFIX };

/** The id of the implicit client in front of an entry point. */
export function implicitClientId(entryPoint: string): string {
  return `${ENTRY_PREFIX}${entryPoint}`;
}

/**
 * Decision beyond DESIGN's text: a client with no dependency link of its own ("Users",
 * dropped on the canvas and not linked yet) serves nothing and is not analysed (its
 * 100% would read as a guarantee); when no client calls anything the design is analysed
 * from its entry points as if it had no client.
 */
export function analysisScope(t: Topology): AnalysisScope {
  const n = t.components.length;
  const index = new Map<string, number>();
  t.components.forEach((c, i) => index.set(c.id, i));
  const isClient = t.components.map((c) => c.kind === 'client');
  const calls = new Uint8Array(n);
  const rows: number[] = [];
  const items: number[] = [];
  // Required dependencies of each non-client component on another non-client (for "qualifies").
  const required = new Uint8Array(n);
  const inner: [number, number][] = [];
  // Copies of data (replication, either way) are reached with the store they copy.
  const copyRows: number[] = [];
  const copyItems: number[] = [];
  for (const l of t.links) {
    const from = index.get(l.from);
    const to = index.get(l.to);
    if (from === undefined || to === undefined) continue;
    if (linkType(l) !== 'dependency') {
      copyRows.push(from, to);
      copyItems.push(to, from);
      continue;
    }
    calls[from] = 1;
    rows.push(from);
    items.push(to);
    if (!isClient[from] && !isClient[to]) {
      inner.push([from, to]);
      if (!l.optional) required[from] = 1;
    }
  }
  const dependencyLinks = rows.length;
  const next = csr(n, [...rows, ...copyRows], [...items, ...copyItems]);
  const inDocumentOrder = (set: Uint8Array) => t.components.flatMap((c, i) => (set[i] ? [c.id] : []));
  if (dependencyLinks === 0) {
    return { basis: 'unconnected', clients: [], entryPoints: [], unreached: t.components.map((c) => c.id) };
  }
  const clients = t.components.flatMap((_, i) => (isClient[i] && calls[i] ? [i] : []));
  let starts = clients;
  let entryPoints: number[] = [];
  if (clients.length === 0) {
    entryPoints = entryPointsOf(t, isClient, inner, required);
    starts = entryPoints;
  }
  // Reached: along dependency links (optional ones too: a degradation is on a user's path)
  // and replication links both ways, as validation's "unreachable" reads it.
  const reached = new Uint8Array(n);
  const stack = [...starts];
  for (const c of stack) reached[c] = 1;
  while (stack.length > 0) {
    const c = stack.pop()!;
    for (let j = next.start[c]; j < next.start[c + 1]; j++) {
      const d = next.items[j];
      if (!reached[d]) {
        reached[d] = 1;
        stack.push(d);
      }
    }
  }
  const unreachedSet = Uint8Array.from(reached, (r) => 1 - r);
  const entrySet = new Uint8Array(n);
  for (const e of entryPoints) entrySet[e] = 1;
  return {
    basis: clients.length > 0 ? 'clients' : 'entry-points',
    clients: clients.map((i) => t.components[i].id),
    entryPoints: inDocumentOrder(entrySet),
    unreached: inDocumentOrder(unreachedSet),
  };
}

/**
 * DESIGN section 2: in the dependency graph of the non-client components, a source is a
 * strongly connected set that no link from outside points to; it is an entry point when
 * a member has a required dependency of its own, and its member with the smallest id
 * stands for it. When no source qualifies, every source is an entry point.
 */
function entryPointsOf(t: Topology, isClient: boolean[], inner: [number, number][], required: Uint8Array): number[] {
  const n = t.components.length;
  const graph = csr(n, inner.map(([a]) => a), inner.map(([, b]) => b));
  const members = t.components.flatMap((_, i) => (isClient[i] ? [] : [i]));
  const sccs = stronglyConnected(n, graph, members);
  const sccOf = new Int32Array(n).fill(-1);
  sccs.forEach((scc, k) => scc.forEach((c) => (sccOf[c] = k)));
  const pointedTo = new Uint8Array(sccs.length);
  for (const [a, b] of inner) if (sccOf[a] !== sccOf[b]) pointedTo[sccOf[b]] = 1;
  const representative = (scc: number[]) => scc.reduce((best, c) => (t.components[c].id < t.components[best].id ? c : best));
  const sources = sccs.filter((_, k) => !pointedTo[k]);
  const qualifying = sources.filter((scc) => scc.some((c) => required[c]));
  return (qualifying.length > 0 ? qualifying : sources).map(representative);
}
