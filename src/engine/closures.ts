// Blast radii as bit sets built from each other. One propagation per SPOF costs its blast
// radius, and a long dependency chain's n blast radii hold n(n+1)/2 components (a 20,000-long
// chain: 200 million steps). But a component that cannot lose a slot of one of its groups
// (a plain required dependency) falls with what it needs: the closure of a component's fall
// is itself with the closures of those that strictly need it, a union of bit words
// (n/32 per component). The union is exact unless a group that survives one loss (k of n,
// k < n) sees two or more: that is checked, and there one propagation gives the closure.
// The check reads only what the union adds to its largest part, itself closed: in a random
// web whose closures hold most of its 20,000 components, checking each whole was 10 s.
import { csr, type Csr } from './csr';
import type { Propagator } from './propagate';
import { stronglyConnected } from './scc';
import type { Structure } from './structure';

export class Closures {
  /** Words of one bit set (one bit per component, in document order). */
  readonly words: number;
  /** For each component, the sources of the groups that fail when it does (one loss is too many). */
  private readonly strictParents: Csr;
  /** For each component, its live slots in groups that survive one loss. */
  private readonly laxSlots: Csr;
  /** Components that are the target of a lax slot, as a bit set. */
  private readonly laxTargets: Int32Array;
  private readonly sccOf: Int32Array;
  private readonly sccs: number[][];
  private readonly sccClosure: (Int32Array | undefined)[];
  /** The words of a bit set that hold clients, and which of their bits are clients. */
  private readonly clientWords: number[];
  private readonly clientMasks: number[];
  /** Per group, slots counted dead while a union is checked (reset after each check). */
  private readonly deadCount: Int32Array;
  /** Per strongly connected set: its parents were asked for (a closure is built once, so never reset). */
  private readonly opened: Uint8Array;
  /** Per strongly connected set: how many components its closure holds, once built. */
  private readonly sccCount: Int32Array;
  /** Slots counted by the check: alive, in a group that survives one loss. */
  private readonly laxSlot: Uint8Array;

  /** The propagator's state now (what-if failures included) is the state every closure starts from. */
  constructor(private readonly s: Structure, private readonly prop: Propagator) {
    const nc = s.components.length;
    this.words = (nc + 31) >>> 5;
    const down = prop.componentDown;
    const parentRows: number[] = [];
    const parentItems: number[] = [];
    const laxRows: number[] = [];
    const laxItems: number[] = [];
    this.laxTargets = new Int32Array(this.words);
    this.laxSlot = new Uint8Array(s.slots.length);
    s.slots.forEach((slot, i) => {
      const g = s.groups[slot.group];
      if (down[g.source] || prop.isSlotDead(i) || g.min <= 0) return;
      if (prop.groupSlack(slot.group) === 0) {
        parentRows.push(slot.target);
        parentItems.push(g.source);
      } else {
        laxRows.push(slot.target);
        laxItems.push(i);
        this.laxSlot[i] = 1;
        addBit(this.laxTargets, slot.target);
      }
    });
    this.strictParents = csr(nc, parentRows, parentItems);
    this.laxSlots = csr(nc, laxRows, laxItems);
    // Cycles of strict need fall together: one closure per strongly connected set, parents first.
    this.sccs = stronglyConnected(nc, this.strictParents, Array.from({ length: nc }, (_, c) => c));
    this.sccOf = new Int32Array(nc);
    this.sccs.forEach((members, k) => {
      for (const c of members) this.sccOf[c] = k;
    });
    this.sccClosure = new Array(this.sccs.length);
    this.opened = new Uint8Array(this.sccs.length);
    this.sccCount = new Int32Array(this.sccs.length);
    const clientBits = new Int32Array(this.words);
    s.components.forEach((c, i) => {
      if (c.isClient) addBit(clientBits, i);
    });
    this.clientWords = [];
    this.clientMasks = [];
    clientBits.forEach((mask, w) => {
      if (mask === 0) return;
      this.clientWords.push(w);
      this.clientMasks.push(mask);
    });
    this.deadCount = new Int32Array(s.groups.length);
  }

  /** The components that fall when component c is failed (c included), as a bit set; empty when c is down already. */
  ofComponent(c: number): Int32Array {
    if (this.prop.componentDown[c]) return new Int32Array(this.words);
    return this.ofScc(this.sccOf[c]);
  }

  /** The components that fall when element e fails, all else as now, as a bit set. */
  ofElement(e: number): Int32Array {
    return this.ofFailures([e]);
  }

  /** The components that fall when these elements, components and slots fail together, as a bit set. */
  ofFailures(elements: Iterable<number>, components: Iterable<number> = [], slots: Iterable<number> = []): Int32Array {
    const es = [...elements];
    const cs = [...components];
    const ss = [...slots];
    const mark = this.prop.mark();
    const killed = this.prop.failDirect(es, cs, ss).slice();
    // A slot lost without failing its group may add to other losses: propagate.
    const lost = [...ss, ...es.flatMap((e) => this.s.linkSlotsOf.get(e) ?? [])];
    const weakened = lost.some((slot) => !this.prop.componentDown[this.s.groups[this.s.slots[slot].group].source]);
    this.prop.undo(mark);
    if (!weakened) {
      if (killed.length === 1) return this.ofComponent(killed[0]);
      const union = new Int32Array(this.words);
      for (const c of killed) orInto(union, this.ofComponent(c));
      if (this.isClosed(union)) return union;
    }
    return this.propagated(() => this.prop.fail(es, cs, ss));
  }

  /** How many components the set holds. */
  count(bits: Int32Array): number {
    let n = 0;
    for (let w = 0; w < bits.length; w++) n += popcount(bits[w]);
    return n;
  }

  /** The set's clients, in document order. */
  clients(bits: Int32Array): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.clientWords.length; k++) {
      const w = this.clientWords[k];
      let x = bits[w] & this.clientMasks[k];
      while (x !== 0) {
        const low = x & -x;
        out.push((w << 5) + 31 - Math.clz32(low));
        x ^= low;
      }
    }
    return out;
  }

  /** Does the set hold a client? (200 clients read one by one for each of 20,000 elements was half a second.) */
  hasClient(bits: Int32Array): boolean {
    for (let k = 0; k < this.clientWords.length; k++) if ((bits[this.clientWords[k]] & this.clientMasks[k]) !== 0) return true;
    return false;
  }

  /** Each component of the set, in document order. */
  each(bits: Int32Array, visit: (c: number) => void): void {
    for (let w = 0; w < bits.length; w++) {
      let x = bits[w];
      while (x !== 0) {
        const low = x & -x;
        visit((w << 5) + 31 - Math.clz32(low));
        x ^= low;
      }
    }
  }

  /** The set's first `limit` components, in document order. */
  list(bits: Int32Array, limit = Infinity): number[] {
    const out: number[] = [];
    for (let w = 0; w < bits.length && out.length < limit; w++) {
      let x = bits[w];
      while (x !== 0 && out.length < limit) {
        const low = x & -x;
        out.push((w << 5) + 31 - Math.clz32(low));
        x ^= low;
      }
    }
    return out;
  }

  private ofScc(k: number): Int32Array {
    const known = this.sccClosure[k];
    if (known) return known;
    // Parents first, without recursion (a 20,000-long chain is 20,000 levels deep).
    const { start, items } = this.strictParents;
    const stack = [k];
    const opened = this.opened;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (this.sccClosure[top]) {
        stack.pop();
        continue;
      }
      if (!opened[top]) {
        opened[top] = 1;
        for (const c of this.sccs[top]) {
          for (let j = start[c]; j < start[c + 1]; j++) {
            const p = this.sccOf[items[j]];
            if (p !== top && !this.sccClosure[p]) stack.push(p);
          }
        }
        continue;
      }
      stack.pop();
      this.sccClosure[top] = this.build(top);
    }
    return this.sccClosure[k]!;
  }

  private build(k: number): Int32Array {
    const { start, items } = this.strictParents;
    // The largest parent closure first: the others and the members are what the check reads.
    let base = -1;
    for (const c of this.sccs[k]) {
      for (let j = start[c]; j < start[c + 1]; j++) {
        const p = this.sccOf[items[j]];
        if (p !== k && (base < 0 || this.sccCount[p] > this.sccCount[base])) base = p;
      }
    }
    const bits = base < 0 ? new Int32Array(this.words) : this.sccClosure[base]!.slice();
    for (const c of this.sccs[k]) {
      addBit(bits, c);
      for (let j = start[c]; j < start[c + 1]; j++) {
        const p = this.sccOf[items[j]];
        if (p !== k && p !== base) orInto(bits, this.sccClosure[p]!);
      }
    }
    const closed = base < 0 ? this.isClosed(bits) : this.isClosedBeyond(bits, this.sccClosure[base]!);
    const closure = closed ? bits : this.propagated(() => this.prop.fail([], [this.sccs[k][0]]));
    this.sccCount[k] = this.count(closure);
    return closure;
  }

  /**
   * isClosed(bits) for a set that holds `base`, a closure (closed itself): only a group
   * with a target among what the set adds can fail from losses inside it, and it fails
   * when its lost slots there and in `base` together pass its slack.
   */
  private isClosedBeyond(bits: Int32Array, base: Int32Array): boolean {
    const { start, items } = this.laxSlots;
    const touched: number[] = [];
    let closed = true;
    for (let w = 0; w < bits.length; w++) {
      let x = bits[w] & ~base[w] & this.laxTargets[w];
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const target = (w << 5) + 31 - Math.clz32(low);
        for (let j = start[target]; j < start[target + 1]; j++) {
          const g = this.s.slots[items[j]].group;
          if (this.deadCount[g] === 0 && !has(bits, this.s.groups[g].source)) {
            this.deadCount[g] = 1;
            touched.push(g);
          }
        }
      }
    }
    for (const g of touched) {
      this.deadCount[g] = 0;
      if (!closed) continue;
      let dead = 0;
      for (const slot of this.s.groups[g].slots) if (this.laxSlot[slot] && has(bits, this.s.slots[slot].target)) dead++;
      if (dead > this.prop.groupSlack(g)) closed = false;
    }
    return closed;
  }

  /** Does no group outside the set fail from the losses inside it? (Strict groups' sources are in it by construction.) */
  private isClosed(bits: Int32Array): boolean {
    const { start, items } = this.laxSlots;
    const touched: number[] = [];
    let closed = true;
    for (let w = 0; w < bits.length && closed; w++) {
      let x = bits[w] & this.laxTargets[w];
      while (x !== 0 && closed) {
        const low = x & -x;
        x ^= low;
        const target = (w << 5) + 31 - Math.clz32(low);
        for (let j = start[target]; j < start[target + 1]; j++) {
          const g = this.s.slots[items[j]].group;
          if (has(bits, this.s.groups[g].source)) continue;
          if (this.deadCount[g] === 0) touched.push(g);
          if (++this.deadCount[g] > this.prop.groupSlack(g)) {
            closed = false;
            break;
          }
        }
      }
    }
    for (const g of touched) this.deadCount[g] = 0;
    return closed;
  }

  private propagated(fail: () => number[]): Int32Array {
    const mark = this.prop.mark();
    const bits = new Int32Array(this.words);
    for (const c of fail()) addBit(bits, c);
    this.prop.undo(mark);
    return bits;
  }
}

export function has(bits: Int32Array, c: number): boolean {
  return (bits[c >>> 5] & (1 << (c & 31))) !== 0;
}

export function addBit(bits: Int32Array, c: number): void {
  bits[c >>> 5] |= 1 << (c & 31);
}

export function orInto(into: Int32Array, from: Int32Array): Int32Array {
  for (let w = 0; w < into.length; w++) into[w] |= from[w];
  return into;
}

/** a AND b, written into `into`. */
export function andInto(into: Int32Array, a: Int32Array, b: Int32Array): Int32Array {
  for (let w = 0; w < a.length; w++) into[w] = a[w] & b[w];
  return into;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
