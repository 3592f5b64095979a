// The simulator's live state (counts per gate, changed event by event) is exact: after any
// sequence of failures and repairs it is the state that propagating the elements down from
// scratch gives, cycles of dependency included; and the simulation played with it gives,
// draw for draw, the histories of one that propagates every state from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Propagator } from '../../src/engine/propagate';
import { stronglyConnected } from '../../src/engine/scc';
import { buildStructure, type Structure } from '../../src/engine/structure';
import { LiveState } from '../../src/engine/simulate/liveState';
import { Simulation, type SimulationState } from '../../src/engine/simulate/simulation';
import { parseTopology } from '../../src/model';
import { smallTopology } from './arbitraries';
import { topology } from './helpers';
import { histories } from './simulationHistories';

/** The state of the elements down, propagated from scratch at every change: slow and plainly right. */
class ScratchState implements SimulationState {
  readonly flipped: number[] = [];
  readonly work = 0;
  private readonly prop: Propagator;
  private readonly base: number;
  private down: number[] = [];
  private readonly clientDown: Uint8Array;

  constructor(private readonly s: Structure, never: number[]) {
    this.prop = new Propagator(s);
    this.prop.fail(never);
    this.base = this.prop.mark();
    this.clientDown = Uint8Array.from(s.clients, (c) => this.prop.componentDown[c]);
  }

  fail(e: number): void {
    this.down.push(e);
    this.settle();
  }

  repair(e: number): void {
    this.down = this.down.filter((x) => x !== e);
    this.settle();
  }

  reset(): void {
    this.down = [];
    this.settle();
    this.flipped.length = 0;
  }

  private settle(): void {
    this.prop.undo(this.base);
    this.prop.fail(this.down);
    this.flipped.length = 0;
    this.s.clients.forEach((c, k) => {
      if (this.prop.componentDown[c] !== this.clientDown[k]) {
        this.clientDown[k] = this.prop.componentDown[c];
        this.flipped.push(c);
      }
    });
  }
}

const hasCycle = (s: Structure) => stronglyConnected(s.components.length, s.targetsOfComponent, s.components.map((_, c) => c)).some((m) => m.length > 1);

describe('the live state of the simulation', () => {
  it('random designs, random failures and repairs: after each, every component as propagation from scratch has it', () => {
    let cyclic = 0;
    let cameBackInCycle = 0;
    fc.assert(
      fc.property(smallTopology, fc.array(fc.nat(1 << 16), { minLength: 1, maxLength: 60 }), (input, steps) => {
        const parsed = parseTopology(input);
        if (!parsed.ok) return;
        const s = buildStructure(parsed.topology);
        if (s.elements.length === 0) return;
        const never = s.elements.flatMap((e, i) => (e.availability <= 0 ? [i] : []));
        const live = new LiveState(s, never);
        const prop = new Propagator(s);
        prop.fail(never);
        const base = prop.mark();
        const down = new Set(never);
        const cycle = hasCycle(s);
        if (cycle) cyclic++;
        for (const step of steps) {
          const e = step % s.elements.length;
          if (never.includes(e)) continue;
          const before = cycle ? Array.from(live.componentDown) : [];
          if (down.has(e)) {
            down.delete(e);
            live.repair(e);
          } else {
            down.add(e);
            live.fail(e);
          }
          prop.undo(base);
          prop.fail(down);
          expect(Array.from(live.componentDown)).toEqual(Array.from(prop.componentDown));
          if (cycle && before.some((d, c) => d && !live.componentDown[c])) cameBackInCycle++;
        }
        // Back to the start, by reset and by repairing what is down.
        for (const e of down) if (!never.includes(e)) live.repair(e);
        prop.undo(base);
        expect(Array.from(live.componentDown)).toEqual(Array.from(prop.componentDown));
        live.reset();
        expect(Array.from(live.componentDown)).toEqual(Array.from(prop.componentDown));
      }),
      { numRuns: 300, seed: 4242 },
    );
    // Cycles were met and repairs brought parts of them back (where counts alone would not).
    expect(cyclic).toBeGreaterThan(20);
    expect(cameBackInCycle).toBeGreaterThan(20);
  });

  it('a cycle kept down only by itself comes back when what failed it is repaired', () => {
    // a and b need each other; a also needs x. x fails: both fall; x repaired: both work again,
    // though each still has the other down as a reason when the repair reaches it.
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app' }, { id: 'b', kind: 'service' }, { id: 'x', kind: 'database' }],
      links: [{ from: 'u', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'a' }, { from: 'a', to: 'x' }],
    });
    const s = buildStructure(t);
    const live = new LiveState(s);
    const x = s.elementIndex.get('x')!;
    const u = s.componentIndex.get('u')!;
    live.fail(x);
    expect(live.flipped).toEqual([u]);
    expect(['a', 'b', 'u'].every((id) => live.componentDown[s.componentIndex.get(id)!])).toBe(true);
    live.repair(x);
    expect(live.flipped).toEqual([u]);
    expect(Array.from(live.componentDown).every((d) => d === 0)).toBe(true);
  });

  it('random designs: the simulation, with the blast tables or with the live state alone, plays the very histories of one propagating every state from scratch', () => {
    let busy = 0;
    let propagated = 0;
    fc.assert(
      fc.property(smallTopology, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const parsed = parseTopology(input);
        if (!parsed.ok) return;
        const s = buildStructure(parsed.topology);
        const fast = new Simulation(s, seed, { mode: 'tables' });
        const live = new Simulation(s, seed, { mode: 'live' });
        const slow = new Simulation(s, seed, { alwaysPropagate: true, state: (st, never) => new ScratchState(st, never) });
        fast.play(20);
        live.play(20);
        slow.play(20);
        expect(fast.failures).toBe(slow.failures);
        expect(live.failures).toBe(slow.failures);
        expect(histories(fast, s.clients.length)).toEqual(histories(slow, s.clients.length));
        expect(histories(live, s.clients.length)).toEqual(histories(slow, s.clients.length));
        if (histories(fast, s.clients.length).some((h) => h.outages.some((n) => n > 0))) busy++;
        if (fast.propagationsStarted > 0) propagated++;
      }),
      { numRuns: 40, seed: 2727 },
    );
    expect(busy).toBeGreaterThan(20);
    expect(propagated).toBeGreaterThan(8);
    // 8 s alone; the from-scratch replay is the slow part, and at load 21 it passed 60 s.
  }, 300_000);
});
