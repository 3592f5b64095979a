// The layout worker loads elkjs only when a layout uses it (src/layout/lazyElk.ts): a design
// above the 500-component threshold is layered without ELK and never pays for loading it.
import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it, vi } from 'vitest';
import { layoutTopology } from '../../src/layout';
import { lazyElk } from '../../src/layout/lazyElk';
import { LARGE_DESIGN } from '../../src/layout/quickLayering';
import { parseTopology, type Topology } from '../../src/model';
import { syntheticEstate } from '../../bench/engine/estate';

function parsed(text: string): Topology {
  const p = parseTopology(text);
  if (!p.ok) throw new Error('the design must be valid');
  return p.topology;
}

const threeTier = () => parsed(readFileSync('examples/three-tier.spof.json', 'utf8'));

describe('lazyElk', () => {
  it('never loads ELK for a design above the threshold', async () => {
    const load = vi.fn(async () => ({ default: ELK }));
    const t = parsed(JSON.stringify(syntheticEstate(LARGE_DESIGN + 100, 1)));
    const { positions } = await layoutTopology(t, { elk: lazyElk(load) });
    expect(load).not.toHaveBeenCalled();
    for (const c of t.components) expect(positions[c.id], c.id).toBeDefined();
  });

  it('loads ELK once, on the first small design, and lays out as a loaded ELK does', async () => {
    const load = vi.fn(async () => ({ default: ELK }));
    const elk = lazyElk(load);
    const lazy = await layoutTopology(threeTier(), { elk });
    await layoutTopology(threeTier(), { elk, direction: 'LR' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(lazy).toEqual(await layoutTopology(threeTier(), { elk: new ELK() }));
  });

  it('fails the layout when ELK cannot be loaded, and tries again on the next one', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module')).mockResolvedValue({ default: ELK });
    const elk = lazyElk(load);
    await expect(layoutTopology(threeTier(), { elk })).rejects.toThrow('Failed to fetch dynamically imported module');
    const { positions } = await layoutTopology(threeTier(), { elk });
    expect(positions.app).toBeDefined();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
