// Documents at every limit of src/model/limits.ts at once (issue 14): the largest documents
// the loader accepts, each in a shape that loads one part of the analysis the most. Built
// here, never committed (several MB each). `npm run bench -- limits` runs every command on them.
import type { TopologyInput } from '../../src/model';
import {
  MAX_CLIENTS, MAX_COMPONENTS, MAX_DOMAIN_DEPTH, MAX_DOMAINS, MAX_INSTANCES, MAX_LINKS, MAX_REPLICAS,
} from '../../src/model';
import { seededRandom } from '../../src/engine/random';

type Comp = TopologyInput['components'][number];
type Link = NonNullable<TopologyInput['links']>[number];
type Domain = NonNullable<TopologyInput['domains']>[number];

const doc = (name: string, domains: Domain[], components: Comp[], links: Link[]): TopologyInput =>
  ({ format: 'spof-topology', version: 2, name, domains, components, links });

/**
 * MAX_DOMAINS domains: provider, region, racks below racks, and a tenth of the rest below the
 * deepest rack, MAX_DOMAIN_DEPTH levels in all; the others are zones of the region. Returns them and the leaves to place instances in.
 */
function domainsAtLimit(): { domains: Domain[]; leaves: string[] } {
  const domains: Domain[] = [{ id: 'p', kind: 'provider' }, { id: 'r', kind: 'region', parent: 'p' }];
  for (let d = 2; d < MAX_DOMAIN_DEPTH - 1; d++) domains.push({ id: `k${d}`, kind: 'rack', parent: d === 2 ? 'r' : `k${d - 1}` });
  const leaves: string[] = [];
  for (let i = 0; domains.length < MAX_DOMAINS; i++) {
    const id = `z${i}`;
    // Zones hang from the region; every tenth one below the deepest rack, so depth is used, not only allowed.
    domains.push(i % 10 === 0 ? { id, kind: 'rack', parent: `k${MAX_DOMAIN_DEPTH - 2}` } : { id, kind: 'zone', parent: 'r' });
    leaves.push(id);
  }
  return { domains, leaves };
}

/**
 * A layered estate at every limit: MAX_CLIENTS clients, MAX_COMPONENTS components, MAX_LINKS
 * links, MAX_INSTANCES instances (pools of MAX_REPLICAS and single instances), MAX_DOMAINS
 * domains MAX_DOMAIN_DEPTH deep. Layers alternate interchangeable kinds (app: alternatives)
 * and required ones (service, database with standbys and replication), so the analysis meets
 * SPOFs, pairs, pools, failovers and domains all at once.
 */
export function estateAtLimits(seed = 1, scale = 1): TopologyInput {
  const rnd = seededRandom(seed);
  const [clients, components, instances, linkCount] = [MAX_CLIENTS, MAX_COMPONENTS, MAX_INSTANCES, MAX_LINKS].map((x) => Math.round(x * scale));
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const { domains, leaves } = domainsAtLimit();
  const comps: Comp[] = [];
  const links: Link[] = [];
  for (let c = 0; c < clients; c++) comps.push({ id: `u${c}`, kind: 'client' });
  const servers = components - clients;
  // Pools of MAX_REPLICAS take what single instances leave of MAX_INSTANCES.
  const pools = Math.floor((instances - servers) / (MAX_REPLICAS - 1));
  const layers = 20;
  const perLayer = Math.ceil(servers / layers);
  const layerIds: string[][] = Array.from({ length: layers }, () => []);
  for (let i = 0; i < servers; i++) {
    const layer = Math.min(layers - 1, Math.floor(i / perLayer));
    const id = `s${i}`;
    layerIds[layer].push(id);
    const zone = pick(leaves);
    if (i < pools) {
      comps.push({ id, kind: 'app', replicas: MAX_REPLICAS, minHealthy: MAX_REPLICAS - 1 - (i % 3), domains: [zone, pick(leaves), pick(leaves)] });
    } else if (layer === layers - 1) {
      const standby = i % 2 === 1;
      comps.push({ id, kind: 'database', domain: zone, ...(standby ? { role: 'standby', standby: pick(['hot', 'warm', 'cold'] as const) } : {}) });
      if (standby) links.push({ id: `repl${i}`, from: `s${i - 1}`, to: id, type: 'replication', mode: 'async', lagSeconds: 1 });
    } else {
      comps.push({ id, kind: layer % 2 === 0 ? 'app' : 'service', domain: zone, ...(rnd() < 0.1 ? { mtbfHours: 1 + rnd() * 1e5, mttrHours: 0.1 + rnd() * 24 } : {}) });
    }
  }
  // Each client needs a few of the first layer; each server a few of the next layer, until MAX_LINKS.
  for (let c = 0; c < clients; c++) for (let k = 0; k < 3; k++) links.push({ from: `u${c}`, to: layerIds[0][(c * 3 + k * 7) % layerIds[0].length] });
  const seen = new Set(links.map(linkKey));
  for (let i = 0; links.length < linkCount; i++) {
    const layer = i % (layers - 1);
    const link: Link = { from: pick(layerIds[layer]), to: pick(layerIds[layer + 1]), ...(rnd() < 0.01 ? { availability: 0.9999, optional: rnd() < 0.3 } : {}) };
    if (seen.has(linkKey(link))) continue;
    seen.add(linkKey(link));
    links.push(link);
  }
  return doc('Every limit at once: a layered estate', domains, comps, links);
}

/**
 * A dependency chain of MAX_COMPONENTS - MAX_CLIENTS services, every client at its top: each
 * link a SPOF whose blast radius is everything above it (quadratic in the chain's length),
 * and the rest of MAX_LINKS as links that skip ahead as optional shortcuts.
 */
export function chainAtLimits(): TopologyInput {
  const n = MAX_COMPONENTS - MAX_CLIENTS;
  const comps: Comp[] = [];
  const links: Link[] = [];
  for (let c = 0; c < MAX_CLIENTS; c++) {
    comps.push({ id: `u${c}`, kind: 'client' });
    links.push({ from: `u${c}`, to: 'c0' });
  }
  for (let i = 0; i < n; i++) comps.push({ id: `c${i}`, kind: 'service' });
  for (let i = 0; i + 1 < n; i++) links.push({ from: `c${i}`, to: `c${i + 1}` });
  for (let i = 0; links.length < MAX_LINKS; i++) {
    const from = i % n;
    const to = (from + 2 + (i % 97)) % n;
    if (to > from + 1) links.push({ from: `c${from}`, to: `c${to}`, optional: true });
  }
  return doc('Every limit at once: a chain', [], comps, links);
}

/**
 * MAX_INSTANCES instances in pools of MAX_REPLICAS that each need all but one: every two
 * instances of a pool are a pair (50 million pairs), behind MAX_CLIENTS clients.
 */
export function poolsAtLimits(): TopologyInput {
  const pools = Math.floor(MAX_INSTANCES / MAX_REPLICAS);
  const comps: Comp[] = [];
  const links: Link[] = [];
  for (let c = 0; c < MAX_CLIENTS; c++) comps.push({ id: `u${c}`, kind: 'client' });
  for (let p = 0; p < pools; p++) {
    comps.push({ id: `pool${p}`, kind: 'service', replicas: MAX_REPLICAS, minHealthy: MAX_REPLICAS - 1 });
  }
  for (let c = 0; c < MAX_CLIENTS; c++) for (let p = 0; p < pools; p++) links.push({ from: `u${c}`, to: `pool${p}` });
  return doc('Every limit at once: pools that each need all but one', [], comps, links);
}

/**
 * A dense mesh of alternatives: MAX_CLIENTS clients each able to use any of 500 app servers,
 * each of those needing one of 100 databases that replicate into each other (one group of
 * copies): the MAX_LINKS links in few, wide groups.
 */
export function meshAtLimits(): TopologyInput {
  const apps = 400;
  const dbs = 50;
  const comps: Comp[] = [];
  const links: Link[] = [];
  for (let c = 0; c < MAX_CLIENTS; c++) comps.push({ id: `u${c}`, kind: 'client' });
  for (let a = 0; a < apps; a++) comps.push({ id: `a${a}`, kind: 'app' });
  for (let d = 0; d < dbs; d++) comps.push({ id: `d${d}`, kind: 'database', ...(d > 0 ? { role: 'replica' } : {}) });
  for (let d = 1; d < dbs; d++) links.push({ from: 'd0', to: `d${d}`, type: 'replication', mode: 'sync' });
  for (let c = 0; c < MAX_CLIENTS; c++) for (let a = 0; a < apps; a++) if (links.length < MAX_LINKS - apps * dbs) links.push({ from: `u${c}`, to: `a${a}` });
  for (let a = 0; a < apps; a++) for (let d = 0; d < dbs; d++) links.push({ from: `a${a}`, to: `d${d}` });
  return doc('Every limit at once: a mesh of alternatives', [], comps, links);
}

const linkKey = (l: Link) => `${l.from}\u0000${l.to}\u0000${l.type ?? ''}`;

export const LIMIT_DOCUMENTS: Record<string, () => TopologyInput> = {
  estate: estateAtLimits,
  chain: chainAtLimits,
  pools: poolsAtLimits,
  mesh: meshAtLimits,
};
