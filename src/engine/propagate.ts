// Failure propagation: the least fixed point of failure (the greatest fixed point of
// "working", DESIGN section 2). Start from everything working, fail the given elements,
// and fail, round after round, whatever has lost what it needs. Counters per pool and
// per group make each step O(1), so one propagation costs O(what goes down); a journal
// undoes it, so thousands of single-failure queries (SPOFs) cost their blast radii only.
import type { Structure } from './structure';

export class Propagator {
  readonly elementDown: Uint8Array;
  readonly componentDown: Uint8Array;
  private readonly downReasons: Int32Array;
  private readonly aliveInstances: Int32Array;
  private readonly slotDead: Uint8Array;
  private readonly groupAlive: Int32Array;
  private readonly queue: number[] = [];
  private fallen: number[] = [];
  // The journal (typed, so long propagations make no garbage): which array, which index, the old value.
  private jArray = new Int8Array(1024);
  private jIndex = new Int32Array(1024);
  private jOld = new Int32Array(1024);
  private jLength = 0;
  private readonly arrays: (Uint8Array | Int32Array)[];
  private readonly minHealthy: Int32Array;
  private readonly failsMore: Uint8Array;
  // The groups and slots read on every step, flat: reading them from the structure's objects
  // (100,000 slots, 50,000 groups) was most of a step on a 20,000-service web.
  private readonly slotGroup: Int32Array;
  private readonly groupMin: Int32Array;
  private readonly groupSource: Int32Array;

  constructor(private readonly s: Structure) {
    this.elementDown = new Uint8Array(s.elements.length);
    this.componentDown = new Uint8Array(s.components.length);
    this.downReasons = new Int32Array(s.instanceComponent.length);
    this.aliveInstances = Int32Array.from(s.components, (c) => c.instances.length);
    this.slotDead = new Uint8Array(s.slots.length);
    this.groupAlive = Int32Array.from(s.groups, (g) => g.slots.length);
    this.arrays = [this.elementDown, this.componentDown, this.downReasons, this.aliveInstances, this.slotDead, this.groupAlive];
    this.minHealthy = Int32Array.from(s.components, (c) => c.minHealthy);
    this.slotGroup = Int32Array.from(s.slots, (slot) => slot.group);
    this.groupMin = Int32Array.from(s.groups, (g) => g.min);
    this.groupSource = Int32Array.from(s.groups, (g) => g.source);
    // Links and failover events fail more than instances: flagged, so the common failure (an instance, a domain) looks nothing up.
    this.failsMore = Uint8Array.from(s.elements, (_, e) => (s.linkSlotsOf.has(e) || s.failoverGroupsOf.has(e) || s.failoverPoolsOf.has(e) ? 1 : 0));
    this.baseDown = this.settleBase();
  }

  /**
   * Components down with nothing failed (DESIGN section 2's stated meanings: minHealthy above
   * replicas, or a `requires` above its group's targets, never works), in the order they fell.
   * They are the starting state: a later undo never brings them back, and no blast radius
   * counts them.
   */
  readonly baseDown: number[];

  private settleBase(): number[] {
    this.fallen = [];
    const s = this.s;
    s.components.forEach((c, i) => {
      if (!c.isClient && c.instances.length < c.minHealthy) this.kill(i);
    });
    s.groups.forEach((g) => {
      if (g.slots.length < g.min) this.kill(g.source);
    });
    this.drain();
    this.jLength = 0;
    const base = this.fallen;
    this.fallen = [];
    return base;
  }

  /** A point to undo to. */
  mark(): number {
    return this.jLength;
  }

  undo(mark: number): void {
    for (let k = this.jLength - 1; k >= mark; k--) this.arrays[this.jArray[k]][this.jIndex[k]] = this.jOld[k];
    this.jLength = mark;
  }

  /** Fails elements, components and (perfect) links' slots, propagates, and returns the components that newly went down. */
  fail(elements: Iterable<number>, components: Iterable<number> = [], slots: Iterable<number> = []): number[] {
    this.fallen = [];
    for (const e of elements) this.failElement(e);
    for (const c of components) this.kill(c);
    for (const slot of slots) this.killSlot(slot);
    this.drain();
    return this.fallen;
  }

  /**
   * fail([e]), unless its fall takes more than `limit` changes of state: then the propagation
   * stops half way and gives undefined (undo to a mark taken before the call).
   */
  failWithin(e: number, limit: number): number[] | undefined {
    this.fallen = [];
    const end = this.jLength + limit;
    this.failElement(e);
    const { start, items } = this.s.targetOf;
    while (this.queue.length > 0) {
      if (this.jLength > end) {
        this.queue.length = 0;
        return undefined;
      }
      const c = this.queue.pop()!;
      for (let j = start[c]; j < start[c + 1]; j++) this.killSlot(items[j]);
    }
    return this.fallen;
  }

  /**
   * One element's failure, propagated: the simulator's hot path (no iterators, no new list).
   * The components that newly went down are `fallenOnce[from ..]`, `from` returned; the
   * list is reused (and emptied now and then) by later calls.
   */
  failOne(e: number): number {
    const list = this.fallenOnce;
    if (list.length > 4096) list.length = 0;
    const from = list.length;
    this.fallen = list;
    this.failElement(e);
    this.drain();
    return from;
  }

  readonly fallenOnce: number[] = [];

  /**
   * Failures and nothing that follows from them: the components they fail themselves (an
   * instance's pool, a failover's groups, a link's group); undo to `mark` after. The blast radii
   * (closures.ts) are built from these and the components' own closures.
   */
  failDirect(elements: Iterable<number>, components: Iterable<number> = [], slots: Iterable<number> = []): number[] {
    this.fallen = [];
    for (const e of elements) this.failElement(e);
    for (const c of components) this.kill(c);
    for (const slot of slots) this.killSlot(slot);
    this.queue.length = 0;
    return this.fallen;
  }

  /** How many more of group g's slots can die before the group fails (negative: it has failed). */
  groupSlack(g: number): number {
    return this.groupAlive[g] - this.groupMin[g];
  }

  isSlotDead(slot: number): boolean {
    return this.slotDead[slot] === 1;
  }

  /**
   * Thresholds weakened since `mark` but still holding, with how much: pools keyed by
   * component index c, groups by −(g + 1). Used to find pairs without trying them all.
   */
  weakenedSince(mark: number): { key: number; decrement: number; slack: number }[] {
    const first = new Map<number, number>();
    for (let k = mark; k < this.jLength; k++) {
      const a = this.jArray[k];
      if (a !== 3 && a !== 5) continue;
      const key = a === 3 ? this.jIndex[k] : -(this.jIndex[k] + 1);
      if (!first.has(key)) first.set(key, this.jOld[k]);
    }
    const out: { key: number; decrement: number; slack: number }[] = [];
    for (const [key, before] of first) {
      const owner = key >= 0 ? key : this.s.groups[-key - 1].source;
      if (this.componentDown[owner]) continue;
      const now = key >= 0 ? this.aliveInstances[key] : this.groupAlive[-key - 1];
      const min = key >= 0 ? this.s.components[key].minHealthy : this.s.groups[-key - 1].min;
      out.push({ key, decrement: before - now, slack: before - min });
    }
    return out;
  }

  private set(array: number, index: number, value: number): void {
    const a = this.arrays[array];
    if (this.jLength === this.jIndex.length) this.growJournal();
    const k = this.jLength++;
    this.jArray[k] = array;
    this.jIndex[k] = index;
    this.jOld[k] = a[index];
    a[index] = value;
  }

  private growJournal(): void {
    const n = this.jIndex.length * 2;
    const jArray = new Int8Array(n);
    jArray.set(this.jArray);
    const jIndex = new Int32Array(n);
    jIndex.set(this.jIndex);
    const jOld = new Int32Array(n);
    jOld.set(this.jOld);
    this.jArray = jArray;
    this.jIndex = jIndex;
    this.jOld = jOld;
  }

  private failElement(e: number): void {
    if (this.elementDown[e]) return;
    this.set(0, e, 1);
    const s = this.s;
    const { start, items } = s.instancesOf;
    for (let j = start[e]; j < start[e + 1]; j++) {
      const k = items[j];
      const component = s.instanceComponent[k];
      this.set(2, k, this.downReasons[k] + 1);
      if (this.downReasons[k] !== 1) continue;
      this.set(3, component, this.aliveInstances[component] - 1);
      if (this.aliveInstances[component] < this.minHealthy[component]) this.kill(component);
    }
    if (!this.failsMore[e]) return;
    for (const slot of s.linkSlotsOf.get(e) ?? []) this.killSlot(slot);
    for (const g of s.failoverGroupsOf.get(e) ?? []) this.kill(s.groups[g].source);
    for (const c of s.failoverPoolsOf.get(e) ?? []) this.kill(c);
  }

  private killSlot(slot: number): void {
    if (this.slotDead[slot]) return;
    this.log(4, slot, 0);
    this.slotDead[slot] = 1;
    const g = this.slotGroup[slot];
    const alive = this.groupAlive[g] - 1;
    this.log(5, g, alive + 1);
    this.groupAlive[g] = alive;
    if (alive < this.groupMin[g]) this.kill(this.groupSource[g]);
  }

  private kill(c: number): void {
    if (this.componentDown[c]) return;
    this.log(1, c, 0);
    this.componentDown[c] = 1;
    this.fallen.push(c);
    this.queue.push(c);
  }

  /** set() for a caller that writes the value itself, into an array it names (one shape per access, not a lookup). */
  private log(array: number, index: number, old: number): void {
    if (this.jLength === this.jIndex.length) this.growJournal();
    const k = this.jLength++;
    this.jArray[k] = array;
    this.jIndex[k] = index;
    this.jOld[k] = old;
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const c = this.queue.pop()!;
      const { start, items } = this.s.targetOf;
      for (let j = start[c]; j < start[c + 1]; j++) this.killSlot(items[j]);
    }
  }
}
