// Zones that are columns (src/layout/shelves.ts): the whole estate at the limits holds 4,470
// zones of about four components spread over 20 tiers, so nearly every zone spans the middle
// tiers, and wrapping tiers into rows only makes each one taller: the drawing was a 13:1 to
// 32:1 strip. Such a drawing is cut into shelves stacked down the page, each with its tiers.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { containerTree, layoutTopology, type Direction } from '../../src/layout';
import { seededRandom } from '../../src/engine/random';
import { linkType, parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { SCREEN_ASPECT } from '../../src/layout/wrap';
import { expectTidy } from './invariants';
import { bounds } from './geometry';

const elk = new ELK();

/** The estate's shape at a unit test's size: `zones` zones of one region, four services each at random tiers. */
function columns(zones: number, tiers = 20): Topology {
  const random = seededRandom(5);
  const domains: NonNullable<TopologyInput['domains']> = [{ id: 'r', kind: 'region' }];
  const components: TopologyInput['components'] = [];
  const links: NonNullable<TopologyInput['links']> = [];
  const byTier: string[][] = Array.from({ length: tiers }, () => []);
  for (let z = 0; z < zones; z++) {
    domains.push({ id: `z${z}`, kind: 'zone', parent: 'r' });
    for (let k = 0; k < 4; k++) {
      const tier = Math.floor(random() * tiers);
      const id = `z${z}s${k}`;
      components.push({ id, kind: 'service', domain: `z${z}` });
      byTier[tier].push(id);
    }
  }
  for (let c = 0; c < 10; c++) {
    components.push({ id: `u${c}`, kind: 'client' });
    for (let k = 0; k < 3; k++) links.push({ from: `u${c}`, to: byTier[0][(c * 3 + k) % byTier[0].length] });
  }
  // Each service needs two of the next tier, as the estate's do.
  for (let t = 0; t + 1 < tiers; t++) {
    for (const from of byTier[t]) for (let k = 0; k < 2; k++) links.push({ from, to: byTier[t + 1][Math.floor(random() * byTier[t + 1].length)] });
  }
  const seen = new Set<string>();
  const p = parseTopology({ format: 'spof-topology', version: 2, domains, components, links: links.filter((l) => !seen.has(`${l.from}>${l.to}`) && seen.add(`${l.from}>${l.to}`)) });
  if (!p.ok) throw new Error('the design must be valid');
  return p.topology;
}

describe('zones that are columns, side by side', () => {
  // TB only: left to right the same zones wrap into a 2:1 drawing, no strip, and are not cut.
  it.each(['TB'] as Direction[])('are stacked in shelves: screen-like, tidy, each zone in tier order (%s)', async (direction) => {
    const t = columns(150);
    const rects = expectTidy(t, await layoutTopology(t, { elk, direction }));
    const { width, height } = bounds(rects);
    // In one row of zones (TB): 43,000 x 4,000 px.
    if (direction === 'TB') expect(width / height).toBeLessThanOrEqual(SCREEN_ASPECT);
    else expect(height / width).toBeLessThanOrEqual(1);
    expect(Math.max(width / height, height / width)).toBeLessThan(4);
    // Inside a zone the tiers hold: each link between two of its services points down (right).
    const tree = containerTree(t);
    let inZone = 0;
    for (const l of t.links) {
      if (linkType(l) !== 'dependency' || tree.parentOf.get(l.from) !== tree.parentOf.get(l.to) || tree.parentOf.get(l.from) === undefined) continue;
      const [from, to] = [rects.get(l.from)!, rects.get(l.to)!];
      if (direction === 'TB') expect(to.y, `${l.from} -> ${l.to}`).toBeGreaterThan(from.y + from.height);
      else expect(to.x, `${l.from} -> ${l.to}`).toBeGreaterThan(from.x + from.width);
      inZone++;
    }
    expect(inZone).toBeGreaterThan(0);
  }, 120_000);
});
