// The discrete-event simulation of DESIGN section 3 ("Simulation"): every element alternates
// exponential up and down times (failure rate 1 / MTBF, repair time MTTR; a failover event
// is an element like the others, down for its switchover time), and the engine's own
// failure propagation decides, event by event, which clients are cut off.
//
// The event queue holds (time, element, up or down): each down element's repair, and the
// next failure of the superposed failure stream. Rather than one pending failure per
// element (a heap of every element), failures are drawn from the sum of all failure rates
// and given to an element in proportion to its rate (an alias table); a failure that falls
// on an element already down is thrown away (thinning), which is exact because an up
// element's failures form a Poisson stream of its own rate. So the heap holds only what
// is down (a handful of events) and a failure costs two random draws and a table look-up.
//
// Propagation is incremental: each failure is propagated on top of the current state and
// its journal mark is kept on a stack; a repair undoes to the mark of the repaired element
// and propagates again the failures that came after it (few: repairs come in about the
// order failures did). Time runs in hours; a year is 8766 h and a month a twelfth of it.
// The run starts in the steady state (each element down with its unavailability, its
// remaining repair exponential), so every simulated year has the same distribution.
import { HOURS_PER_YEAR } from '../outages';
import { Propagator } from '../propagate';
import { seededRandom128 } from '../random';
import type { Structure } from '../structure';
import { EventQueue, UP } from './eventQueue';

export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;

/** What one client went through, year by year and month by month (hours; counts). */
export interface ClientHistory {
  downPerYear: Float64Array;
  downPerMonth: Float64Array;
  outagesPerYear: Int32Array;
}

export class Simulation {
  private readonly random: () => number;
  private readonly prop: Propagator;
  private readonly queue = new EventQueue();
  /** Failure rate per hour of each element while up (0: it never changes state). */
  private readonly rate: Float64Array;
  private readonly mttr: Float64Array;
  // Alias table (Walker, Vose's construction) over the failing elements, by rate.
  private readonly aliasElement: Int32Array;
  private readonly aliasOther: Int32Array;
  private readonly aliasCut: Float64Array;
  private readonly totalRate: number;
  private nextFailure = Infinity;
  // The stack of down elements in the order their failures were propagated, with marks.
  private readonly stackElement: Int32Array;
  private readonly stackMark: Int32Array;
  private readonly stackPosition: Int32Array;
  private depth = 0;
  /** Per client (index into s.clients): down now, since when. */
  private readonly clientIndex: Int32Array;
  private readonly clientDown: Uint8Array;
  private readonly downSince: Float64Array;
  private readonly downClients: number[] = [];
  private histories: ClientHistory[];
  private capacity: number;
  /** Years played so far; the clock (hours) is at yearsPlayed × 8766 between batches. */
  yearsPlayed = 0;
  /** Events processed (failures and repairs), for benchmarks. */
  events = 0;

  /**
   * `skip`: elements left out because no client's state can depend on them (Birnbaum 0 for
   * every client, from the exact analysis): their failures change nothing.
   */
  constructor(private readonly s: Structure, seed: number, skip?: (element: number) => boolean, expectedYears = 1000) {
    this.random = seededRandom128(seed);
    this.prop = new Propagator(s);
    const n = s.elements.length;
    this.rate = new Float64Array(n);
    this.mttr = new Float64Array(n);
    this.stackElement = new Int32Array(n);
    this.stackMark = new Int32Array(n);
    this.stackPosition = new Int32Array(n).fill(-1);
    const failing: number[] = [];
    let total = 0;
    s.elements.forEach((e, i) => {
      const a = e.availability;
      this.mttr[i] = e.mttrHours;
      if (a > 0 && a < 1 && !(skip?.(i) ?? false)) {
        this.rate[i] = (1 - a) / (a * e.mttrHours);
        total += this.rate[i];
        failing.push(i);
      }
    });
    this.totalRate = total;
    const alias = aliasTable(failing, failing.map((i) => this.rate[i]));
    this.aliasElement = alias.element;
    this.aliasOther = alias.other;
    this.aliasCut = alias.cut;

    const nc = s.clients.length;
    this.clientIndex = new Int32Array(s.components.length).fill(-1);
    s.clients.forEach((c, i) => (this.clientIndex[c] = i));
    this.clientDown = new Uint8Array(nc);
    this.downSince = new Float64Array(nc);
    this.capacity = Math.max(1, expectedYears);
    this.histories = s.clients.map(() => newHistory(this.capacity));

    // Clients cut off from the start (by what never works) stay down throughout.
    for (const c of this.prop.baseDown) this.clientFell(c, 0, false);
    // Elements down for good (availability 0) fail first and are never repaired.
    s.elements.forEach((e, i) => {
      if (e.availability <= 0) this.fail(i, 0, false);
    });
    // The steady state: each element down with its unavailability, with an exponential
    // remaining repair (memoryless); such outages under way at time 0 are not counted as
    // outages of year 1 (they started before it), only their downtime is.
    for (const i of failing) {
      if (this.random() < 1 - s.elements[i].availability) {
        this.fail(i, 0, false);
        this.queue.push(this.exponential() * this.mttr[i], i, UP);
      }
    }
    this.nextFailure = this.totalRate > 0 ? this.exponential() / this.totalRate : Infinity;
  }

  /** The history of client k (index into s.clients), trimmed to the years played. */
  history(k: number): ClientHistory {
    const h = this.histories[k];
    const y = this.yearsPlayed;
    return { downPerYear: h.downPerYear.subarray(0, y), downPerMonth: h.downPerMonth.subarray(0, 12 * y), outagesPerYear: h.outagesPerYear.subarray(0, y) };
  }

  /** Plays `years` more years. */
  play(years: number): void {
    const from = this.yearsPlayed;
    const to = from + years;
    this.ensureCapacity(to);
    const end = to * HOURS_PER_YEAR;
    const queue = this.queue;
    for (;;) {
      const repairAt = queue.nextTime;
      if (this.nextFailure <= repairAt) {
        const t = this.nextFailure;
        if (t >= end) break;
        this.nextFailure = t + this.exponential() / this.totalRate;
        const e = this.pickFailing();
        // Thinning: a failure that falls on an element already down did not happen.
        if (this.stackPosition[e] >= 0) continue;
        this.events++;
        this.fail(e, t, true);
        queue.push(t + this.exponential() * this.mttr[e], e, UP);
      } else {
        if (repairAt >= end) break;
        const e = queue.nextElement;
        queue.pop();
        this.events++;
        this.repair(e, repairAt);
      }
    }
    // Downtime under way at the end of the batch counts up to the end (the outage goes on
    // into the next batch without being counted again).
    for (const k of this.downClients) {
      this.addDowntime(k, this.downSince[k], end);
      this.downSince[k] = end;
    }
    this.yearsPlayed = to;
  }

  private fail(e: number, t: number, counted: boolean): void {
    const d = this.depth++;
    this.stackElement[d] = e;
    this.stackMark[d] = this.prop.mark();
    this.stackPosition[e] = d;
    const from = this.prop.failOne(e);
    const fallen = this.prop.fallenOnce;
    for (let j = from; j < fallen.length; j++) this.clientFell(fallen[j], t, counted);
  }

  private repair(e: number, t: number): void {
    const prop = this.prop;
    const k = this.stackPosition[e];
    prop.undo(this.stackMark[k]);
    this.stackPosition[e] = -1;
    // The failures propagated after e's, again, one place lower on the stack.
    for (let j = k + 1; j < this.depth; j++) {
      const x = this.stackElement[j];
      this.stackElement[j - 1] = x;
      this.stackMark[j - 1] = prop.mark();
      this.stackPosition[x] = j - 1;
      prop.failOne(x);
    }
    this.depth--;
    // A repair can only bring clients back (failure is monotone).
    const down = this.downClients;
    for (let j = down.length - 1; j >= 0; j--) {
      const k2 = down[j];
      if (!prop.componentDown[this.s.clients[k2]]) {
        down[j] = down[down.length - 1];
        down.pop();
        this.clientDown[k2] = 0;
        this.addDowntime(k2, this.downSince[k2], t);
      }
    }
  }

  private clientFell(component: number, t: number, counted: boolean): void {
    const k = this.clientIndex[component];
    if (k < 0 || this.clientDown[k]) return;
    this.clientDown[k] = 1;
    this.downSince[k] = t;
    this.downClients.push(k);
    if (counted) this.histories[k].outagesPerYear[Math.floor(t / HOURS_PER_YEAR)]++;
  }

  /** Adds the downtime [from, to) of client k, split over the months (and so years) it spans. */
  private addDowntime(k: number, from: number, to: number): void {
    const h = this.histories[k];
    let month = Math.floor(from / HOURS_PER_MONTH);
    let t = from;
    while (t < to) {
      const monthEnd = (month + 1) * HOURS_PER_MONTH;
      const until = monthEnd < to ? monthEnd : to;
      h.downPerMonth[month] += until - t;
      h.downPerYear[Math.floor(month / 12)] += until - t;
      t = until;
      month++;
    }
  }

  private exponential(): number {
    // 1 − u is in (0, 1]: its logarithm is finite.
    return -Math.log(1 - this.random());
  }

  private pickFailing(): number {
    const u = this.random() * this.aliasElement.length;
    const i = Math.floor(u);
    return u - i < this.aliasCut[i] ? this.aliasElement[i] : this.aliasOther[i];
  }

  private ensureCapacity(years: number): void {
    if (years <= this.capacity) return;
    const capacity = Math.max(years, 2 * this.capacity);
    this.histories = this.histories.map((h) => {
      const n = newHistory(capacity);
      n.downPerYear.set(h.downPerYear);
      n.downPerMonth.set(h.downPerMonth);
      n.outagesPerYear.set(h.outagesPerYear);
      return n;
    });
    this.capacity = capacity;
  }
}

function newHistory(years: number): ClientHistory {
  return { downPerYear: new Float64Array(years), downPerMonth: new Float64Array(12 * years), outagesPerYear: new Int32Array(years) };
}

/** Walker's alias table by Vose's method: pick slot i uniformly, then element[i] below cut[i], else other[i]. */
function aliasTable(items: number[], weights: number[]): { element: Int32Array; other: Int32Array; cut: Float64Array } {
  const n = items.length;
  const element = Int32Array.from(items);
  const other = Int32Array.from(items);
  const cut = new Float64Array(n).fill(1);
  if (n === 0) return { element, other, cut };
  const total = weights.reduce((a, b) => a + b, 0);
  const scaled = weights.map((w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    cut[s] = scaled[s];
    other[s] = items[l];
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  // What is left has probability 1 up to rounding.
  for (const i of [...small, ...large]) cut[i] = 1;
  return { element, other, cut };
}


