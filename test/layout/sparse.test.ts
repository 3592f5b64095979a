// Zones spread thinly over the tiers (the estate at a tenth: 5,000 zones for 2,000 components).
// A container whose children are so spread is packed on its own (src/layout/packing.ts
// packSparse): in the document's order, each zone whose components sit tiers apart pushed
// every band it spans past it and the zones after it went further still, so the estate at a
// tenth's one-component zones of a tier ended up 1,300 px apart, not 290. And a zone around
// one component wraps with its siblings (src/layout/wrap.ts): as a container of its own, it
// stayed in its tier's first row, however wide that row was.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { containerTree, layoutTopology } from '../../src/layout';
import { SCREEN_ASPECT } from '../../src/layout/wrap';
import { seededRandom } from '../../src/engine/random';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { expectFlow, expectTidy } from './invariants';
import { bounds } from './geometry';

const elk = new ELK();
const GAP = 40;

/** A spine s0 -> ... -> s`tiers` that holds the tiers, and a region `r` with the zones `zones` adds. */
function design(tiers: number, zones: (inZone: (zone: string, tiers: number[]) => void) => void): Topology {
  const domains: NonNullable<TopologyInput['domains']> = [{ id: 'r', kind: 'region' }];
  const components: TopologyInput['components'] = [{ id: 's0', kind: 'client' }];
  const links: NonNullable<TopologyInput['links']> = [];
  for (let t = 1; t <= tiers + 1; t++) {
    components.push({ id: `s${t}`, kind: 'service' });
    links.push({ from: `s${t - 1}`, to: `s${t}` });
  }
  zones((zone, at) => {
    domains.push({ id: zone, kind: 'zone', parent: 'r' });
    // Each service held at its tier: needed by the spine's tier above, needing the one below.
    for (const t of at) {
      components.push({ id: `${zone}-${t}`, kind: 'service', domain: zone });
      links.push({ from: `s${t - 1}`, to: `${zone}-${t}` }, { from: `${zone}-${t}`, to: `s${t + 1}` });
    }
  });
  const p = parseTopology({ format: 'spof-topology', version: 2, domains, components, links });
  if (!p.ok) throw new Error('the design must be valid');
  return p.topology;
}

describe('zones spread thinly over the tiers', () => {
  it('are packed as close as their busiest band allows, tidy and flowing down', async () => {
    // As in the estate: most zones hold one service, some hold two at any two tiers, in no order.
    const random = seededRandom(3);
    const tier = () => 1 + Math.floor(random() * 12);
    const t = design(12, (inZone) => {
      for (let i = 0; i < 60; i++) {
        const [a, b] = [tier(), tier()];
        inZone(`z${i}`, i % 2 === 0 || a === b ? [a] : [a, b]);
      }
    });
    const result = await layoutTopology(t, { elk });
    const rects = expectTidy(t, result);
    expectFlow(t, rects, 'TB');
    // The region's busiest band: the most width its zones take at any one height.
    const zones = containerTree(t).childrenOf.get('r')!.map((id) => rects.get(id)!);
    let busiest = 0;
    for (const at of zones.map((z) => z.y)) {
      const across = zones.filter((z) => z.y <= at && at < z.y + z.height);
      busiest = Math.max(busiest, across.reduce((sum, z) => sum + z.width + GAP, 0));
    }
    // In the document's order the region was 1.7 times its busiest band.
    expect(rects.get('r')!.width).toBeLessThan(1.15 * busiest);
    const { width, height } = bounds(rects);
    expect(width / height).toBeLessThanOrEqual(SCREEN_ASPECT);
  }, 60_000);

  it('around one component each, wrap into rows: a tier of 60 is screen-shaped, not a strip', async () => {
    const t = design(9, (inZone) => {
      for (let i = 0; i < 60; i++) inZone(`one${i}`, [5]);
    });
    const result = await layoutTopology(t, { elk });
    const rects = expectTidy(t, result);
    expectFlow(t, rects, 'TB');
    const { width, height } = bounds(rects);
    // One row: 60 zones of 288 px, 17,000 x 2,000 px.
    expect(width / height).toBeLessThanOrEqual(SCREEN_ASPECT);
    const rows = new Set(Array.from({ length: 60 }, (_, i) => rects.get(`one${i}`)!.y));
    expect(rows.size).toBeGreaterThan(1);
  }, 60_000);
});
