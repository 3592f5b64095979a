// A long dependency chain with optional shortcuts (issue 14): every shortcut is in fact
// required and takes thousands down. The lists past the budget keep their first names and
// the count, the messages and the human sections stay short, and the findings still say the
// source goes down when the cut list no longer shows it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { humanReport } from '../../src/cli/analyze';
import { analyze } from '../../src/engine';
import { requiredPath } from '../../src/engine/insight/structure';
import { linkType, parseTopology, type Topology } from '../../src/model';
import { topologyWith } from '../engine/arbitraries';
import { BLAST_RADIUS_BUDGET, BLAST_RADIUS_KEPT } from '../../src/engine/analyze';
import { degradations, insight } from '../../src/engine/insight';
import { humanInsight, ROWS } from '../../src/cli/insightText';
import { doc } from './helpers';

describe('a long chain with optional shortcuts', () => {
  // n links a step ahead, and shortcuts 2 to 4 ahead: each shortcut's target takes down the chain above it.
  const n = 1500;
  const clients = 12;
  const t = doc({
    components: [
      ...Array.from({ length: clients }, (_, i) => ({ id: `u${i}`, kind: 'client' as const })),
      ...Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'service' as const })),
    ],
    links: [
      ...Array.from({ length: clients }, (_, i) => ({ from: `u${i}`, to: 'c0' })),
      ...Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` })),
      ...Array.from({ length: 3 * (n - 4) }, (_, k) => ({ from: `c${Math.floor(k / 3)}`, to: `c${Math.floor(k / 3) + 2 + (k % 3)}`, optional: true })),
    ],
  });

  it('every shortcut is in fact required; its down list is whole until the budget, then its first names and the count', () => {
    const ds = degradations(t);
    expect(ds).toHaveLength(3 * (n - 4));
    let whole = 0;
    for (const d of ds) {
      const to = Number(d.to.slice(1));
      expect(d.inFactRequired).toBe(true);
      expect(d.degrades).toEqual([]);
      expect(d.clients).toEqual([]); // the clients still served: none
      const all = Array.from({ length: to + 1 }, (_, i) => `c${i}`);
      if (d.downCount === undefined) {
        expect(d.down).toEqual(all);
        whole += all.length;
      } else {
        expect(d.downCount).toBe(to + 1);
        expect(d.down).toEqual(all.slice(0, BLAST_RADIUS_KEPT));
      }
      // 12 clients: five named, then how many more.
      expect(d.message).toBe(`If "c${to}" fails, it is not a mere degradation: "${d.from}" goes down and takes down "u0", "u1", "u2", "u3", "u4" and 7 more.`);
    }
    expect(whole).toBeLessThanOrEqual(BLAST_RADIUS_BUDGET);
    expect(ds.some((d) => d.downCount !== undefined)).toBe(true);
  });

  it('the finding says the source goes down even where the cut list does not show it', () => {
    const advice = insight(t, analyze(t));
    const last = advice.findings.filter((f) => f.code === 'optional-required').at(-1)!;
    expect(last.message).toBe(`"c${n - 1}" is marked optional for "c${n - 5}", but c${n - 5} → c${n - 4} → c${n - 3} → c${n - 2} → c${n - 1} needs it: its failure takes "c${n - 5}" down.`);
    const text = humanInsight(advice);
    expect(text).toContain(`  ... and ${(advice.findings.length - ROWS).toLocaleString('en-US')} more (all in --json)`);
    expect(text).toContain(`  ... and ${(advice.degradations.length - ROWS).toLocaleString('en-US')} more (all in --json)`);
    expect(text.split('\n').length).toBeLessThan(4 * ROWS);
  });

  it('a SPOF finding names five clients and counts the rest; the human report lists the first SPOFs and counts the rest', () => {
    const report = analyze(t);
    const advice = insight(t, report);
    const c0 = advice.findings.find((f) => f.code === 'spof-service' && f.ids[0] === 'c0')!;
    expect(c0.message).toBe('Service "c0" is a single point of failure: its failure alone cuts off "u0", "u1", "u2", "u3", "u4" and 7 more.');
    const text = humanReport(t, report);
    expect(text).toContain(`Single points of failure (${n})\n  c0 (component) cuts off u0, u1, u2, u3, u4 and 7 more (all in --json)\n`);
    expect(text).toContain(`\n  c${ROWS - 1} (component) cuts off`);
    expect(text).not.toContain(`\n  c${ROWS} (component) cuts off`);
    expect(text).toContain(`  ... and ${(n - ROWS).toLocaleString('en-US')} more (all in --json)`);
  });
});

/** The path a breadth-first search over the required links finds, written plainly (the search it replaced). */
function plainRequiredPath(t: Topology, from: string, to: string): string[] | undefined {
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length && queue[head] !== to; head++) {
    for (const l of t.links) {
      if (l.from !== queue[head] || linkType(l) !== 'dependency' || l.optional || prev.has(l.to)) continue;
      prev.set(l.to, queue[head]);
      queue.push(l.to);
    }
  }
  if (!prev.has(to)) return undefined;
  const path = [to];
  while (path[0] !== from) path.unshift(prev.get(path[0])!);
  return path;
}

describe('the required path a finding shows', () => {
  it('is the path a plain breadth-first search finds, for every pair of components of random designs', () => {
    fc.assert(fc.property(topologyWith({ min: 1, max: 2 }, { min: 2, max: 8 }), (input) => {
      const r = parseTopology(input);
      if (!r.ok) return;
      const ids = r.topology.components.map((c) => c.id);
      for (const from of ids) for (const to of ids) expect(requiredPath(r.topology, from, to)).toEqual(plainRequiredPath(r.topology, from, to));
    }), { numRuns: 150, seed: 14 });
  });
});

