// The state of a design under failures and repairs, kept up to date event by event: the
// least fixed point of failure (DESIGN section 2) for the elements down now, changed by one
// failure or one repair at a cost of what that event changes, never by replaying the
// elements down.
//
// Counts per gate: per instance the elements down under it (itself, its domains); per pool
// its instances alive; per slot of a group whether its link or its target is down; per group
// its slots alive; per component its reasons to be down (its pool below minHealthy, each group
// below its minimum, each failover event down that fails it). A component is down while it
// has a reason. A failure adds reasons forward along the dependents (monotone: the result is
// the least fixed point); a repair takes them away, and what has none left comes back.
//
// Cycles of dependency are the one place counts are not enough: two components of a cycle can
// keep each other down after what failed them is repaired (each still has a reason: the other).
// So when a repair reaches a member of a cycle that stays down, the cycle (its strongly
// connected component) is worked out again from everything up, with its inputs from outside
// as they are now: the least fixed point within it, whose members that come back are brought
// up like any other.
import { stronglyConnected } from '../scc';
import type { Structure } from '../structure';

export class LiveState {
  readonly elementDown: Uint8Array;
  readonly componentDown: Uint8Array;
  /** Work done so far: counts changed and states flipped (a measure of cost that does not depend on the clock). */
  work = 0;
  /** Clients (component indices) whose state flipped during the last fail or repair. */
  readonly flipped: number[] = [];

  private readonly s: Structure;
  private readonly instanceReasons: Int32Array;
  private readonly aliveInstances: Int32Array;
  private readonly minHealthy: Int32Array;
  private readonly slotDead: Uint8Array;
  private readonly groupAlive: Int32Array;
  private readonly groupMin: Int32Array;
  private readonly groupSource: Int32Array;
  private readonly slotGroup: Int32Array;
  private readonly slotTarget: Int32Array;
  private readonly slotLink: Int32Array;
  private readonly reasons: Int32Array;
  /** Per component: failover events down that fail it (a part of its reasons). */
  private readonly failoverDown: Int32Array;
  private readonly isClient: Uint8Array;
  /** Per element: the slots whose link it is, the components its failure fails (failover events). */
  private readonly linkSlotStart: Int32Array;
  private readonly linkSlots: Int32Array;
  private readonly killStart: Int32Array;
  private readonly kills: Int32Array;
  /** Per component: its cycle (index of a strongly connected component of two or more), or −1. */
  private readonly cycleOf: Int32Array;
  private readonly cycleStart: Int32Array;
  private readonly cycleMembers: Int32Array;
  private readonly cyclePending: Uint8Array;
  private readonly pendingCycles: number[] = [];
  /** The cycle being brought up after working it out again (its own members do not queue it again). */
  private settlingCycle = -1;
  private readonly stack: number[] = [];
  // Scratch of a cycle worked out again.
  private readonly trialReasons: Int32Array;
  private readonly trialAlive: Int32Array;
  private readonly trialDown: Uint8Array;
  /** The starting state (what never works, the elements down for good), restored by reset(). */
  private readonly base: { arrays: (Uint8Array | Int32Array)[]; copies: (Uint8Array | Int32Array)[] };

  /** The state with `never` (elements down for good) failed, and what never works down. */
  constructor(s: Structure, never: Iterable<number> = []) {
    this.s = s;
    const nc = s.components.length;
    const ng = s.groups.length;
    this.elementDown = new Uint8Array(s.elements.length);
    this.componentDown = new Uint8Array(nc);
    this.instanceReasons = new Int32Array(s.instanceComponent.length);
    this.aliveInstances = Int32Array.from(s.components, (c) => c.instances.length);
    this.minHealthy = Int32Array.from(s.components, (c) => c.minHealthy);
    this.slotDead = new Uint8Array(s.slots.length);
    this.groupAlive = Int32Array.from(s.groups, (g) => g.slots.length);
    this.groupMin = Int32Array.from(s.groups, (g) => g.min);
    this.groupSource = Int32Array.from(s.groups, (g) => g.source);
    this.slotGroup = Int32Array.from(s.slots, (x) => x.group);
    this.slotTarget = Int32Array.from(s.slots, (x) => x.target);
    this.slotLink = Int32Array.from(s.slots, (x) => x.link);
    this.reasons = new Int32Array(nc);
    this.failoverDown = new Int32Array(nc);
    this.isClient = new Uint8Array(nc);
    for (const c of s.clients) this.isClient[c] = 1;
    const n = s.elements.length;
    ({ start: this.linkSlotStart, items: this.linkSlots } = rows(n, s.linkSlotsOf));
    const killed = new Map<number, number[]>();
    for (const [e, groups] of s.failoverGroupsOf) killed.set(e, groups.map((g) => s.groups[g].source));
    for (const [e, pools] of s.failoverPoolsOf) killed.set(e, [...(killed.get(e) ?? []), ...pools]);
    ({ start: this.killStart, items: this.kills } = rows(n, killed));

    this.cycleOf = new Int32Array(nc).fill(-1);
    const cycles = stronglyConnected(nc, s.targetsOfComponent, Array.from({ length: nc }, (_, c) => c)).filter((m) => m.length > 1);
    cycles.forEach((members, k) => members.forEach((c) => (this.cycleOf[c] = k)));
    this.cycleStart = new Int32Array(cycles.length + 1);
    cycles.forEach((m, k) => (this.cycleStart[k + 1] = this.cycleStart[k] + m.length));
    this.cycleMembers = Int32Array.from(cycles.flat());
    this.cyclePending = new Uint8Array(cycles.length);
    this.trialReasons = new Int32Array(cycles.length > 0 ? nc : 0);
    this.trialAlive = new Int32Array(cycles.length > 0 ? ng : 0);
    this.trialDown = new Uint8Array(cycles.length > 0 ? nc : 0);

    // What never works (a pool that cannot reach minHealthy, a group short of its minimum).
    for (let c = 0; c < nc; c++) {
      if (this.aliveInstances[c] < this.minHealthy[c]) this.reasons[c]++;
    }
    for (let g = 0; g < ng; g++) if (this.groupAlive[g] < this.groupMin[g]) this.reasons[this.groupSource[g]]++;
    for (let c = 0; c < nc; c++) {
      if (this.reasons[c] > 0) {
        this.componentDown[c] = 1;
        this.stack.push(c);
      }
    }
    this.spreadDown();
    for (const e of never) this.fail(e);
    if (this.flipped.length !== 0) this.flipped.length = 0;
    this.work = 0;
    const arrays = [this.elementDown, this.componentDown, this.instanceReasons, this.aliveInstances, this.slotDead, this.groupAlive, this.reasons, this.failoverDown];
    this.base = { arrays, copies: arrays.map((a) => a.slice()) };
  }

  /** Back to the starting state. */
  reset(): void {
    this.base.arrays.forEach((a, i) => a.set(this.base.copies[i]));
    if (this.flipped.length !== 0) this.flipped.length = 0;
  }

  /** Element e fails (it was up): what depends on it falls as far as it must. */
  fail(e: number): void {
    if (this.flipped.length !== 0) this.flipped.length = 0;
    if (this.elementDown[e]) return;
    this.elementDown[e] = 1;
    const s = this.s;
    const { start, items } = s.instancesOf;
    let work = 0;
    for (let j = start[e]; j < start[e + 1]; j++) {
      const k = items[j];
      work++;
      if (this.instanceReasons[k]++ !== 0) continue;
      const c = s.instanceComponent[k];
      if (this.aliveInstances[c]-- === this.minHealthy[c]) this.addReason(c);
    }
    for (let j = this.linkSlotStart[e]; j < this.linkSlotStart[e + 1]; j++) this.slotFalls(this.linkSlots[j]);
    for (let j = this.killStart[e]; j < this.killStart[e + 1]; j++) {
      const c = this.kills[j];
      this.failoverDown[c]++;
      this.addReason(c);
    }
    this.work += work;
    this.spreadDown();
  }

  /** Element e is repaired (it was down): what it alone kept down comes back. */
  repair(e: number): void {
    if (this.flipped.length !== 0) this.flipped.length = 0;
    if (!this.elementDown[e]) return;
    this.elementDown[e] = 0;
    const s = this.s;
    const { start, items } = s.instancesOf;
    let work = 0;
    for (let j = start[e]; j < start[e + 1]; j++) {
      const k = items[j];
      work++;
      if (--this.instanceReasons[k] !== 0) continue;
      const c = s.instanceComponent[k];
      if (++this.aliveInstances[c] === this.minHealthy[c]) this.takeReason(c);
      else this.stillDown(c);
    }
    for (let j = this.linkSlotStart[e]; j < this.linkSlotStart[e + 1]; j++) this.slotRises(this.linkSlots[j]);
    for (let j = this.killStart[e]; j < this.killStart[e + 1]; j++) {
      const c = this.kills[j];
      this.failoverDown[c]--;
      this.takeReason(c);
    }
    this.work += work;
    this.spreadUp();
  }

  private addReason(c: number): void {
    if (this.reasons[c]++ !== 0) return;
    this.componentDown[c] = 1;
    this.work++;
    if (this.isClient[c]) this.flipped.push(c);
    this.stack.push(c);
  }

  private takeReason(c: number): void {
    if (--this.reasons[c] !== 0) {
      this.stillDown(c);
      return;
    }
    // A member of a cycle brought up with its cycle is up already.
    if (!this.componentDown[c]) return;
    this.componentDown[c] = 0;
    this.work++;
    if (this.isClient[c]) this.flipped.push(c);
    this.stack.push(c);
  }

  /** Something c needs came back while c stays down: in a cycle, its members may keep each other down for nothing. */
  private stillDown(c: number): void {
    const k = this.cycleOf[c];
    if (k < 0 || k === this.settlingCycle || this.cyclePending[k] || !this.componentDown[c]) return;
    this.cyclePending[k] = 1;
    this.pendingCycles.push(k);
  }

  private slotFalls(slot: number): void {
    this.work++;
    if (this.slotDead[slot]++ !== 0) return;
    const g = this.slotGroup[slot];
    if (this.groupAlive[g]-- === this.groupMin[g]) this.addReason(this.groupSource[g]);
  }

  private slotRises(slot: number): void {
    this.work++;
    const g = this.slotGroup[slot];
    // Still dead (by its target) or the group still short: in a cycle, the source may be down for nothing.
    if (--this.slotDead[slot] !== 0 || ++this.groupAlive[g] !== this.groupMin[g]) this.stillDown(this.groupSource[g]);
    else this.takeReason(this.groupSource[g]);
  }

  /** The components on the stack have just fallen: every slot they are the target of falls. */
  private spreadDown(): void {
    const { start, items } = this.s.targetOf;
    const stack = this.stack;
    while (stack.length > 0) {
      const c = stack.pop()!;
      for (let j = start[c]; j < start[c + 1]; j++) this.slotFalls(items[j]);
    }
  }

  /** The components on the stack have just come back: every slot they are the target of rises; then the cycles reached are worked out again. */
  private spreadUp(): void {
    const { start, items } = this.s.targetOf;
    const stack = this.stack;
    for (;;) {
      while (stack.length > 0) {
        const c = stack.pop()!;
        for (let j = start[c]; j < start[c + 1]; j++) this.slotRises(items[j]);
      }
      this.settlingCycle = -1;
      const k = this.pendingCycles.pop();
      if (k === undefined) return;
      this.cyclePending[k] = 0;
      this.settleCycle(k);
    }
  }

  /**
   * Cycle k's least fixed point of failure given what lies outside it as it is now: from every
   * member up, fail those that have a reason, round after round; the members down now that
   * it leaves up come back (their slots rise on the stack).
   */
  private settleCycle(k: number): void {
    const s = this.s;
    const members = this.cycleMembers.subarray(this.cycleStart[k], this.cycleStart[k + 1]);
    const { trialReasons, trialAlive, trialDown, stack } = this;
    for (const c of members) {
      let r = (this.aliveInstances[c] < this.minHealthy[c] ? 1 : 0) + this.failoverDown[c];
      for (const g of s.components[c].groups) {
        let alive = this.groupAlive[g];
        // Slots dead only because a member of the cycle is down would be alive with it up.
        for (const slot of s.groups[g].slots) {
          const t = this.slotTarget[slot];
          const link = this.slotLink[slot];
          if (this.cycleOf[t] === k && this.componentDown[t] && (link < 0 || !this.elementDown[link])) alive++;
        }
        trialAlive[g] = alive;
        if (alive < this.groupMin[g]) r++;
      }
      this.work += 1 + s.components[c].groups.length;
      trialReasons[c] = r;
      trialDown[c] = r > 0 ? 1 : 0;
      if (r > 0) stack.push(c);
    }
    const { start, items } = s.targetOf;
    while (stack.length > 0) {
      const c = stack.pop()!;
      for (let j = start[c]; j < start[c + 1]; j++) {
        const slot = items[j];
        const g = this.slotGroup[slot];
        const source = this.groupSource[g];
        const link = this.slotLink[slot];
        this.work++;
        if (this.cycleOf[source] !== k || (link >= 0 && this.elementDown[link])) continue;
        if (trialAlive[g]-- !== this.groupMin[g]) continue;
        if (trialReasons[source]++ === 0) {
          trialDown[source] = 1;
          stack.push(source);
        }
      }
    }
    // Up first, all of them, then their slots: a member's reasons (the others) go as they rise.
    this.settlingCycle = k;
    for (const c of members) {
      if (this.componentDown[c] && !trialDown[c]) {
        this.componentDown[c] = 0;
        this.work++;
        if (this.isClient[c]) this.flipped.push(c);
        stack.push(c);
      }
    }
  }
}

/** A map from rows to lists, as compressed rows. */
function rows(n: number, map: Map<number, number[]>): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const [r, list] of map) start[r + 1] = list.length;
  for (let r = 0; r < n; r++) start[r + 1] += start[r];
  const items = new Int32Array(start[n]);
  for (const [r, list] of map) items.set(list, start[r]);
  return { start, items };
}
