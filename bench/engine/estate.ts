// A seeded generator of synthetic estates (issue 3), shared by the engine and UI benchmarks:
// three regions of three zones as active-active alternatives behind a CDN and a DNS pair;
// per region a load balancer pair (the second a hot standby) routing to every front
// service; layered microservices as pools of 2-4 replicas spread over the region's zones,
// each needed by one or two services of the layer above; a primary/standby database pair
// (joined by replication) and a cache cluster per region; a few single instances; and one
// cross-region dependency. `components` counts the document's components (clients included).
import type { TopologyInput } from '../../src/model';
import { seededRandom } from '../../src/engine/random';

type Comp = TopologyInput['components'][number];
type Link = NonNullable<TopologyInput['links']>[number];

const REGIONS = 3;
// users, dns1, dns2, cdn; per region two LBs, a database pair and a cache.
const FIXED = 4 + REGIONS * 5;

export function syntheticEstate(components: number, seed = 1): TopologyInput {
  if (components < FIXED + REGIONS * 2) throw new Error(`an estate needs at least ${FIXED + REGIONS * 2} components`);
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const domains: NonNullable<TopologyInput['domains']> = [{ id: 'cloud', kind: 'provider', label: 'Cloud' }];
  const comps: Comp[] = [
    { id: 'users', kind: 'client', label: 'Users' },
    { id: 'dns1', kind: 'dns', label: 'DNS A' },
    { id: 'dns2', kind: 'dns', label: 'DNS B' },
    { id: 'cdn', kind: 'cdn', label: 'CDN' },
  ];
  const links: Link[] = [
    { from: 'users', to: 'dns1' }, { from: 'users', to: 'dns2' }, { from: 'users', to: 'cdn' },
  ];
  const services = components - FIXED;
  const firstLayer: string[][] = [];
  for (let r = 1; r <= REGIONS; r++) {
    const region = `r${r}`;
    const zones = ['a', 'b', 'c'].map((z) => `${region}${z}`);
    domains.push({ id: region, kind: 'region', parent: 'cloud', label: `Region ${r}` });
    for (const z of zones) domains.push({ id: z, kind: 'zone', parent: region, label: `Zone ${z}` });
    // Services of this region, split into layers; the last region takes the remainder.
    const count = r < REGIONS ? Math.floor(services / REGIONS) : services - Math.floor(services / REGIONS) * (REGIONS - 1);
    const layerCount = Math.min(10, Math.max(2, Math.round(Math.sqrt(count) / 4)));
    const layers: string[][] = Array.from({ length: layerCount }, () => []);
    // A few single instances (three per region); the rest pools of 2-4 spread over the zones.
    const singles = new Set([int(1, count - 1), int(1, count - 1), int(1, count - 1)]);
    for (let i = 0; i < count; i++) {
      const id = `${region}-s${i}`;
      const layer = Math.min(layerCount - 1, Math.floor((i * layerCount) / count));
      layers[layer].push(id);
      if (singles.has(i)) {
        comps.push({ id, kind: 'service', label: `Service ${i}`, domain: zones[int(0, 2)] });
      } else {
        const replicas = int(2, 4);
        // Round-robin from a random zone, so two-replica pools land in two different zones.
        const start = int(0, 2);
        comps.push({
          id, kind: 'service', label: `Service ${i}`, replicas, minHealthy: int(1, replicas - 1),
          domains: [0, 1, 2].map((k) => zones[(start + k) % 3]),
        });
      }
    }
    firstLayer.push(layers[0]);
    comps.push(
      { id: `${region}-lb1`, kind: 'loadbalancer', label: `LB ${r}`, domain: zones[0] },
      { id: `${region}-lb2`, kind: 'loadbalancer', label: `LB ${r} standby`, domain: zones[1], role: 'standby', standby: 'hot' },
      { id: `${region}-db`, kind: 'database', label: `DB ${r}`, domain: zones[0], availability: 0.9995 },
      { id: `${region}-db2`, kind: 'database', label: `DB ${r} standby`, domain: zones[1], role: 'standby', standby: 'warm', availability: 0.9995 },
      { id: `${region}-cache`, kind: 'cache', label: `Cache ${r}`, replicas: 3, minHealthy: 2, domains: zones },
    );
    links.push({ from: 'cdn', to: `${region}-lb1` }, { from: 'cdn', to: `${region}-lb2` });
    for (const lb of ['lb1', 'lb2']) for (const s of layers[0]) links.push({ from: `${region}-${lb}`, to: s });
    // Each service below the first layer is needed by one or two services of the layer above.
    for (let k = 1; k < layerCount; k++) {
      for (const s of layers[k]) {
        const above = layers[k - 1];
        const first = above[int(0, above.length - 1)];
        links.push({ from: first, to: s });
        if (rnd() < 0.5 && above.length > 1) {
          let second = above[int(0, above.length - 1)];
          if (second === first) second = above[(above.indexOf(first) + 1) % above.length];
          links.push({ from: second, to: s });
        }
      }
    }
    for (const s of layers[layerCount - 1]) {
      links.push({ from: s, to: `${region}-db` }, { from: s, to: `${region}-db2` }, { from: s, to: `${region}-cache` });
    }
    links.push({ id: `${region}-repl`, from: `${region}-db`, to: `${region}-db2`, type: 'replication', mode: 'async', lagSeconds: 1 });
  }
  // One cross-region dependency: a front service of region 1 also needs one of region 2.
  links.push({ id: 'cross-region', from: firstLayer[0][0], to: firstLayer[1][0], availability: 0.9999 });
  return { format: 'spof-topology', version: 2, name: `Synthetic estate (${components} components, seed ${seed})`, domains, components: comps, links };
}
