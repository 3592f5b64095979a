// @vitest-environment happy-dom
// An imported diagram is laid out the way it was drawn: in its own direction, users first and
// data last, and its subgraphs in the order they were written.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { fromMermaid } from '../../src/io';
import { layoutTopology } from '../../src/layout/layoutTopology';
import type { Topology } from '../../src/model';

const elk = new ELK();

async function laidOut(text: string) {
  const r = await fromMermaid(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const t: Topology = r.topology;
  const { positions } = await layoutTopology(t, { elk });
  // Absolute positions: add the containers' offsets.
  const parentOf = new Map<string, string | undefined>([...t.components.map((c) => [c.id, c.domain] as const), ...t.domains.map((d) => [d.id, d.parent] as const)]);
  const at = (id: string): { x: number; y: number } => {
    const p = positions[id];
    const parent = parentOf.get(id);
    if (parent === undefined) return p;
    const q = at(parent);
    return { x: p.x + q.x, y: p.y + q.y };
  };
  return { t, at };
}

const TWO_SIDES = (dir: string) => `flowchart ${dir}
  subgraph east[East]
    lb1[LB east] --> app1[App server]
  end
  subgraph west[West]
    lb2[LB west] --> app2[App server]
  end
  db[(Postgres primary)] --- app1
  u[Users] --> dns[Route 53]
  dns --> lb1 & lb2
  app2 --> db`;

describe('the layout of an imported diagram', () => {
  it('runs left to right for an LR diagram: users, DNS, balancers, apps, data; the first subgraph first', async () => {
    const { t, at } = await laidOut(TWO_SIDES('LR'));
    expect(t.view?.direction).toBe('LR');
    const x = (id: string) => at(id).x;
    expect(x('u')).toBeLessThan(x('dns'));
    expect(x('dns')).toBeLessThan(x('lb1'));
    expect(x('lb1')).toBeLessThan(x('app1'));
    expect(x('app1')).toBeLessThan(x('db'));
    expect(at('east').y).toBeLessThan(at('west').y);
  });

  it('runs top to bottom for a TD diagram, the first subgraph on the left', async () => {
    const { t, at } = await laidOut(TWO_SIDES('TD'));
    expect(t.view).toBeUndefined();
    const y = (id: string) => at(id).y;
    expect(y('u')).toBeLessThan(y('dns'));
    expect(y('dns')).toBeLessThan(y('lb2'));
    expect(y('app2')).toBeLessThan(y('db'));
    expect(at('east').x).toBeLessThan(at('west').x);
  });

  it('keeps the written order when the diagram swaps the subgraphs', async () => {
    const swapped = TWO_SIDES('LR').replace(/subgraph east\[East\]\n(.*\n)  end\n  subgraph west\[West\]\n(.*\n)  end/, 'subgraph west[West]\n$2  end\n  subgraph east[East]\n$1  end');
    expect(swapped).not.toBe(TWO_SIDES('LR'));
    const { at } = await laidOut(swapped);
    expect(at('west').y).toBeLessThan(at('east').y);
  });
});
