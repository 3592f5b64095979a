// Random webs of services as the limits' red team builds them (a few clients entering at
// random, services calling each other at random, cycles everywhere), small enough for one
// propagation per pair: most targets are `app`s, so a caller's links to apps are one group
// of alternatives that several failures hit at once, and cycles run through those groups.
import { seededRandom } from '../../src/engine/random';
import type { TopologyInput } from '../../src/model';

export interface WebShape {
  /** Components besides the clients. */
  n: number;
  /** Links among them (the clients' come on top). */
  links: number;
  /** 1 in `appShare` is a `service` (required), the rest `app`s (alternatives); 1: all required, 0: all apps. */
  appShare?: number;
  /** Every caller requires this many of its apps. */
  minApps?: number;
  /** Instances of a component now and then (`replicas` 2 or 3, some needing 2). */
  pools?: boolean;
}

export function randomWeb(seed: number, shape: WebShape): TopologyInput {
  const rnd = seededRandom(seed);
  const pick = (k: number) => Math.floor(rnd() * k);
  const { n, appShare = 3, minApps } = shape;
  const components: TopologyInput['components'] = [];
  const nClients = 1 + pick(3);
  for (let c = 0; c < nClients; c++) components.push({ id: `u${c}`, kind: 'client' });
  for (let i = 0; i < n; i++) {
    const kind = appShare === 0 || (appShare > 1 && i % appShare !== 0) ? 'app' : 'service';
    const c: TopologyInput['components'][number] = { id: `s${i}`, kind, availability: [0.9, 0.95, 0.99][pick(3)] };
    if (shape.pools && pick(4) === 0) Object.assign(c, { replicas: 2 + pick(2), minHealthy: 1 + pick(2) });
    if (minApps !== undefined) c.requires = { app: { min: minApps } };
    components.push(c);
  }
  const links: NonNullable<TopologyInput['links']> = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    if (from === to || seen.has(`${from}>${to}`)) return;
    seen.add(`${from}>${to}`);
    links.push({ from, to });
  };
  // Each client enters at one to three places.
  for (let c = 0; c < nClients; c++) for (let k = 1 + pick(3); k > 0; k--) add(`u${c}`, `s${pick(n)}`);
  for (let tries = 0; links.length < shape.links + nClients && tries < shape.links * 10; tries++) add(`s${pick(n)}`, `s${pick(n)}`);
  return { format: 'spof-topology', version: 2, components, links };
}
