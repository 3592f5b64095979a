// A reduced ordered binary decision diagram (Bryant 1986) in typed arrays: a unique
// table for hash-consing and a lossy computed table for AND / OR. Variables are levels
// (0 is the top). Apply is iterative (an explicit stack) because designs with
// thousands of elements make BDDs deeper than the JavaScript call stack.

export const FALSE = 0;
export const TRUE = 1;
const TERMINAL_LEVEL = 0x7fffffff;
const OP_AND = 0;
const OP_OR = 1;

export class BddBudgetExceeded extends Error {
  constructor(readonly budget: number) {
    super(`the exact method needs more than ${budget} BDD nodes`);
  }
}

export class Bdd {
  level: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  size = 2;
  /** Apply steps taken (a machine-independent measure of work, for benchmarks). */
  steps = 0;
  private table: Int32Array;
  private tableMask: number;
  private cacheA: Int32Array;
  private cacheB: Int32Array;
  private cacheR: Int32Array;
  private cacheMask: number;
  // Explicit stacks of apply: tasks (kind, a, b, level) and results.
  private tasks: Int32Array<ArrayBuffer> = new Int32Array(4096);
  private values: Int32Array<ArrayBuffer> = new Int32Array(1024);

  /** `expectedNodes` sizes the tables up front (growing rehashes everything). */
  constructor(readonly budget = 2_000_000, expectedNodes = 1 << 12) {
    let capacity = 1 << 12;
    while (capacity < expectedNodes && capacity < 1 << 24) capacity *= 2;
    this.level = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.level[0] = this.level[1] = TERMINAL_LEVEL;
    this.table = new Int32Array(capacity * 2);
    this.tableMask = capacity * 2 - 1;
    this.cacheMask = Math.min(capacity, 1 << 22) - 1;
    this.cacheA = new Int32Array(this.cacheMask + 1).fill(-1);
    this.cacheB = new Int32Array(this.cacheMask + 1);
    this.cacheR = new Int32Array(this.cacheMask + 1);
  }

  /** The node (level ? hi : lo), reduced and shared. */
  mk(level: number, lo: number, hi: number): number {
    if (lo === hi) return lo;
    let h = (Math.imul(level, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b) ^ Math.imul(hi, 0xc2b2ae35)) >>> 0;
    h = (h ^ (h >>> 15)) & this.tableMask;
    for (;;) {
      const n = this.table[h];
      if (n === 0) break;
      if (this.level[n] === level && this.lo[n] === lo && this.hi[n] === hi) return n;
      h = (h + 1) & this.tableMask;
    }
    if (this.size >= this.budget) throw new BddBudgetExceeded(this.budget);
    if (this.size === this.level.length) {
      this.grow();
      return this.mk(level, lo, hi);
    }
    const n = this.size++;
    this.level[n] = level;
    this.lo[n] = lo;
    this.hi[n] = hi;
    this.table[h] = n;
    return n;
  }

  variable(level: number): number {
    return this.mk(level, FALSE, TRUE);
  }

  and(a: number, b: number): number {
    return this.apply(OP_AND, a, b);
  }

  or(a: number, b: number): number {
    return this.apply(OP_OR, a, b);
  }

  /** AND of a list, combined pairwise so that intermediate results stay balanced. */
  andAll(fs: number[]): number {
    return this.reduceBalanced(fs, OP_AND, TRUE);
  }

  orAll(fs: number[]): number {
    return this.reduceBalanced(fs, OP_OR, FALSE);
  }

  /** At least k of fs are true: the usual dynamic programme over (item, count). */
  atLeast(k: number, fs: number[]): number {
    if (k <= 0) return TRUE;
    if (k > fs.length) return FALSE;
    if (k === 1) return this.orAll(fs);
    if (k === fs.length) return this.andAll(fs);
    // cur[j]: at least j of the items seen so far. Only the counts that can still reach k
    // with the items left matter (and none above the items seen): a band of n - k + 1 counts,
    // so O(n min(k, n - k)) applies instead of O(n k). And the items are taken deepest first
    // (the function is symmetric): each new one then sits above what is built so far, and an
    // apply with it stops near the top instead of walking down the whole diagram (999 of
    // 1,000 instances took seconds).
    const n = fs.length;
    const items = [...fs].sort((a, b) => this.level[b] - this.level[a]);
    const cur = new Array<number>(k + 1).fill(FALSE);
    cur[0] = TRUE;
    for (let i = 0; i < n; i++) {
      const lowest = Math.max(1, k - (n - i - 1));
      for (let j = Math.min(k, i + 1); j >= lowest; j--) cur[j] = this.or(cur[j], this.and(items[i], cur[j - 1]));
    }
    return cur[k];
  }

  private reduceBalanced(fs: number[], op: number, unit: number): number {
    if (fs.length === 0) return unit;
    let layer = fs.slice();
    while (layer.length > 1) {
      const next: number[] = [];
      for (let i = 0; i + 1 < layer.length; i += 2) next.push(this.apply(op, layer[i], layer[i + 1]));
      if (layer.length % 2 === 1) next.push(layer[layer.length - 1]);
      layer = next;
    }
    return layer[0];
  }

  private terminalCase(op: number, a: number, b: number): number {
    if (a === b) return a;
    if (op === OP_AND) {
      if (a === FALSE || b === FALSE) return FALSE;
      if (a === TRUE) return b;
      if (b === TRUE) return a;
    } else {
      if (a === TRUE || b === TRUE) return TRUE;
      if (a === FALSE) return b;
      if (b === FALSE) return a;
    }
    return -1;
  }

  private apply(op: number, a0: number, b0: number): number {
    const quick = this.terminalCase(op, a0, b0);
    if (quick >= 0) return quick;
    let tasks = this.tasks;
    let values = this.values;
    let tp = 0;
    let vp = 0;
    // Task kinds: 0 = compute (a, b); 1 = build node at level from the two results on the value stack.
    tasks[tp++] = 0; tasks[tp++] = a0; tasks[tp++] = b0; tasks[tp++] = 0;
    while (tp > 0) {
      this.steps++;
      const lvl = tasks[--tp];
      const b = tasks[--tp];
      const a = tasks[--tp];
      const kind = tasks[--tp];
      if (kind === 1) {
        const h = values[--vp];
        const l = values[vp - 1];
        const r = this.mk(lvl, l, h);
        values[vp - 1] = r;
        const x = a < b ? a : b;
        const y = (a < b ? b : a) * 2 + op;
        const slot = this.cacheSlot(x, y);
        this.cacheA[slot] = x;
        this.cacheB[slot] = y;
        this.cacheR[slot] = r;
        continue;
      }
      let r = this.terminalCase(op, a, b);
      if (r < 0) {
        const x = a < b ? a : b;
        const y = (a < b ? b : a) * 2 + op;
        const slot = this.cacheSlot(x, y);
        if (this.cacheA[slot] === x && this.cacheB[slot] === y) r = this.cacheR[slot];
      }
      if (r >= 0) {
        if (vp === values.length) this.values = values = grow(values);
        values[vp++] = r;
        continue;
      }
      const la = this.level[a];
      const lb = this.level[b];
      const top = la < lb ? la : lb;
      const aLo = la === top ? this.lo[a] : a;
      const aHi = la === top ? this.hi[a] : a;
      const bLo = lb === top ? this.lo[b] : b;
      const bHi = lb === top ? this.hi[b] : b;
      if (tp + 12 > tasks.length) this.tasks = tasks = grow(tasks);
      tasks[tp++] = 1; tasks[tp++] = a; tasks[tp++] = b; tasks[tp++] = top;
      tasks[tp++] = 0; tasks[tp++] = aHi; tasks[tp++] = bHi; tasks[tp++] = 0;
      tasks[tp++] = 0; tasks[tp++] = aLo; tasks[tp++] = bLo; tasks[tp++] = 0;
    }
    return values[0];
  }

  // Keys: both operators are commutative, so the smaller operand comes first (x) and the
  // operator rides in the low bit of the other (y = larger * 2 + op).
  private cacheSlot(x: number, y: number): number {
    const h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca6b)) >>> 0;
    return (h ^ (h >>> 16)) & this.cacheMask;
  }

  /**
   * Empties the diagram for another function, keeping its tables: clearing memory already
   * touched is far cheaper than fresh memory, whose every page faults on first use.
   */
  reset(): void {
    if (this.size === 2) return;
    this.table.fill(0);
    this.cacheA.fill(-1);
    this.size = 2;
    this.steps = 0;
  }

  private grow(): void {
    const capacity = this.level.length * 2;
    const level = new Int32Array(capacity);
    level.set(this.level);
    const lo = new Int32Array(capacity);
    lo.set(this.lo);
    const hi = new Int32Array(capacity);
    hi.set(this.hi);
    this.level = level;
    this.lo = lo;
    this.hi = hi;
    this.table = new Int32Array(capacity * 2);
    this.tableMask = capacity * 2 - 1;
    for (let n = 2; n < this.size; n++) {
      let h = (Math.imul(level[n], 0x9e3779b1) ^ Math.imul(lo[n], 0x85ebca6b) ^ Math.imul(hi[n], 0xc2b2ae35)) >>> 0;
      h = (h ^ (h >>> 15)) & this.tableMask;
      while (this.table[h] !== 0) h = (h + 1) & this.tableMask;
      this.table[h] = n;
    }
    // The computed table grows with the diagram (up to 4M entries) and starts empty.
    const cacheSize = Math.min(capacity, 1 << 22);
    if (cacheSize > this.cacheMask + 1) {
      this.cacheMask = cacheSize - 1;
      this.cacheA = new Int32Array(cacheSize).fill(-1);
      this.cacheB = new Int32Array(cacheSize);
      this.cacheR = new Int32Array(cacheSize);
    }
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
