// A long dependency chain with optional shortcuts (issue 14): every shortcut is in fact
// required and takes thousands down. The lists past the budget keep their first names and
// the count, the messages and the human sections stay short, and the findings still say the
// source goes down when the cut list no longer shows it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
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
});
