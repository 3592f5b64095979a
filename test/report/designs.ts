// Pairs of designs for the review tests: the example and variants of it that a pull request
// might make (a load balancer removed, every label renamed, a client added).
import { readFileSync } from 'node:fs';
import { parseTopology, type Topology } from '../../src/model';

export const EXAMPLE = 'examples/three-tier.spof.json';

export function parsed(input: unknown): Topology {
  const r = parseTopology(input as Topology);
  if (!r.ok) throw new Error(`fixture does not parse: ${JSON.stringify(r.errors)}`);
  return r.topology;
}

export function example(): Topology {
  return parsed(readFileSync(EXAMPLE, 'utf8'));
}

/** The example without its standby load balancer: lb1 becomes a SPOF. */
export function withoutStandbyLb(): Topology {
  const t = example();
  return parsed({
    ...t,
    components: t.components.filter((c) => c.id !== 'lb2'),
    links: t.links.filter((l) => l.from !== 'lb2' && l.to !== 'lb2'),
  });
}

/** The example with every label (and the name) changed, nothing else. */
export function renamed(): Topology {
  const t = example();
  return parsed({
    ...t,
    name: 'Three-tier web app, renamed',
    domains: t.domains.map((d) => ({ ...d, label: `${d.label ?? d.id} (renamed)` })),
    components: t.components.map((c) => ({ ...c, label: `Renamed ${c.label ?? c.id}` })),
    links: t.links.map((l) => ({ ...l, label: 'renamed link' })),
  });
}

/** The example with one more client, `ops`, that calls `target` directly. */
export function withClient(target: string): Topology {
  const t = example();
  return parsed({
    ...t,
    components: [...t.components, { id: 'ops', kind: 'client', label: 'Operations' }],
    links: [...t.links, { from: 'ops', to: target }],
  });
}
