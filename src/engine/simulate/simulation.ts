// The discrete-event simulation of DESIGN section 3 ("Simulation"): every element alternates
// exponential up and down times (failure rate 1 / MTBF, repair time MTTR; a failover event
// is an element like the others, down for its switchover time), and the engine's own
// failure propagation decides which clients are cut off.
//
// The event queue holds each down element's repair; failures come from the superposed
// stream of all failure rates, each given to an element in proportion to its rate (an
// alias table); a failure that falls on an element already down is thrown away (thinning),
// which is exact because an up element's failures form a Poisson stream of its own rate.
// So the heap holds only what is down and a failure costs a few array reads.
//
// Deciding who is cut off: each element's failure alone is worked out once (blastTables.ts:
// the clients it cuts off, the thresholds it weakens and by how much). While no pool or
// group is loaded past its slack by the elements down together (most of the time in most
// designs), the clients down are exactly those some down element cuts off alone: a count
// per client says so, with no propagation at all. And an element that cuts off no client
// alone needs no repair event then: it is down until its repair time, read when a later
// failure loads one of its thresholds (the load is summed over the threshold's
// contributors still down). Only the elements that cut off a client alone have their
// repairs queued, to bring the client back on time.
//
// When a failure overloads a threshold, every element down is queued and failed into the
// live state (liveState.ts: counts per gate, kept exact event by event), which decides from
// then on: each later failure or repair costs what it changes, however many elements are
// down. When no threshold is overloaded any more, the elements still down are taken out of
// the live state and the counts decide again.
//
// Time runs in hours; a year is 8766 h and a month a twelfth of it. Years are played in
// chunks of CHUNK_YEARS: each chunk starts in the steady state (each element down with its
// unavailability, its remaining repair exponential: every simulated year has the same
// distribution) on random numbers of its own, drawn from the seed and the chunk's index,
// so a chunk plays the same whoever plays it and in whatever slices.
import { HOURS_PER_YEAR } from '../outages';
import { Propagator } from '../propagate';
import { LiveState } from './liveState';
import type { Structure } from '../structure';
import { buildBlastTables, type BlastTables } from './blastTables';
import { EventQueue, UP } from './eventQueue';
import { BATCH, ExponentialStream, UniformStream } from './randomStream';

export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;
/** Years played on one seed of random numbers before the next chunk starts afresh. */
export const CHUNK_YEARS = 1000;

/** Years played elsewhere (another thread), from the start of a chunk: what each client went through, and the failures played. */
export interface PlayedYears {
  years: number;
  failures: number;
  histories: ClientHistory[];
}

/** What one client went through, year by year and month by month (hours; counts). */
export interface ClientHistory {
  downPerYear: Float64Array;
  downPerMonth: Float64Array;
  outagesPerYear: Int32Array;
}

export interface SimulationOptions {
  /** Elements left out because no client's state can depend on them: their failures change nothing. */
  skip?: (element: number) => boolean;
  /** Years to make room for at once. */
  expectedYears?: number;
  /** Propagate every state instead of reading the blast tables where they decide (slower; to check the tables). */
  alwaysPropagate?: boolean;
  /**
   * How states are decided: 'tables' (the blast tables while no threshold is overloaded, the
   * live state when one is) or 'live' (the live state always, no tables built); by default
   * chosen from the design (liveOnly). Both give the same figures to the last bit.
   */
  mode?: 'tables' | 'live';
  /** The chunk of years the simulation's first year starts (another thread plays the chunks before it). */
  firstChunk?: number;
  /** What decides the state while propagating (default: the live state); tests pass a slower one to check it. */
  state?: (s: Structure, never: number[]) => SimulationState;
}

/** The state of the design under failures and repairs (LiveState, or a check of it). */
export interface SimulationState {
  fail(e: number): void;
  repair(e: number): void;
  /** Back to the starting state. */
  reset(): void;
  /** Clients (component indices) whose state flipped during the last fail or repair. */
  readonly flipped: number[];
  /** Work done so far (a count, not a clock). */
  readonly work: number;
}

export class Simulation {
  private readonly prop: Propagator;
  private readonly live: SimulationState;
  private readonly tables: BlastTables;
  private readonly alwaysPropagate: boolean;
  /** How states are decided (SimulationOptions.mode). */
  readonly mode: 'tables' | 'live';
  private readonly queue = new EventQueue();
  /** Failure rate per hour of each element while up (0: it never changes state). */
  private readonly rate: Float64Array;
  private readonly mttr: Float64Array;
  private readonly failing: Int32Array;
  // Alias table (Walker, Vose's construction) over the failing elements, by rate.
  private readonly aliasElement: Int32Array;
  private readonly aliasOther: Int32Array;
  private readonly aliasCut: Float64Array;
  private readonly meanGap: number;
  private uniform!: UniformStream;
  private exponential!: ExponentialStream;
  /** The time of the event being played, then of the next failure (typed, so that they are never boxed). */
  private readonly clock = new Float64Array(2);
  /** Whether a client falling now is an outage of its own (not one under way as a chunk starts). */
  private counting = true;
  /** The element of the next candidate failure (picked ahead, see playUntil). */
  private nextPick = -1;
  /** Per element: the end of its current or last repair; it is down while that lies ahead. */
  private readonly repairAt: Float64Array;
  /** Per element: its repair is in the queue. */
  private readonly queued: Uint8Array;
  /** The failures since the list was last pruned, with their repair times (an entry is live while its time lies ahead). */
  private recentElement = new Int32Array(64);
  private recentUntil = new Float64Array(64);
  private recentLength = 0;
  // While propagating: the elements down in the live state, and each one's place in the list.
  private readonly stackElement: Int32Array;
  private readonly stackPosition: Int32Array;
  private depth = 0;
  private propagating = false;
  /** While propagating, per threshold: what the elements down take from it together (0 otherwise). */
  private readonly load: Int32Array;
  /** Per threshold: the latest repair time of its contributors' failures (some contributor is down while it lies ahead). */
  private readonly busyUntil: Float64Array;
  /** While propagating: how many thresholds are loaded past their slack. */
  private overloaded = 0;
  /** Per element: the one threshold it weakens when it cuts off no client alone (else −1): its failure is played inline. */
  private readonly loneThreshold: Int32Array;
  /** Per client: how many elements down cut it off alone. */
  private readonly soloCount: Int32Array;
  /** Per client (index into s.clients): down now, since when. */
  private readonly clientIndex: Int32Array;
  private readonly clientDown: Uint8Array;
  private readonly downSince: Float64Array;
  private readonly downClients: number[] = [];
  /** Clients down whatever happens (cut off by what never works): down all the time, never an outage. */
  private readonly alwaysDown: number[] = [];
  private histories: ClientHistory[];
  private capacity: number;
  /** Whether the next year played starts a chunk (and so the steady state afresh). */
  private chunkStarts = true;
  /** The first year of the chunk under way: the clock counts hours from its start. */
  private chunkYear = 0;
  private readonly firstChunk: number;
  /** Part of a chunk was taken from elsewhere: the rest of it cannot be played here. */
  private sealed = false;
  /** Years played so far; the clock (hours) is at yearsPlayed × 8766 between batches. */
  yearsPlayed = 0;
  /** Failures played (each with its repair), for benchmarks. */
  failures = 0;
  /** How many times a state needed propagation (a threshold overloaded), for benchmarks and tests. */
  propagationsStarted = 0;

  constructor(private readonly s: Structure, private readonly seed: number, opts: SimulationOptions = {}) {
    this.prop = new Propagator(s);
    const n = s.elements.length;
    this.rate = new Float64Array(n);
    this.mttr = new Float64Array(n);
    this.repairAt = new Float64Array(n);
    this.queued = new Uint8Array(n);
    this.stackElement = new Int32Array(n);
    this.stackPosition = new Int32Array(n).fill(-1);
    const failing: number[] = [];
    const never: number[] = [];
    let total = 0;
    s.elements.forEach((e, i) => {
      const a = e.availability;
      this.mttr[i] = e.mttrHours;
      if (a <= 0) never.push(i);
      else if (a < 1 && !(opts.skip?.(i) ?? false)) {
        this.rate[i] = (1 - a) / (a * e.mttrHours);
        total += this.rate[i];
        failing.push(i);
      }
    });
    this.failing = Int32Array.from(failing);
    this.meanGap = total > 0 ? 1 / total : Infinity;
    const alias = aliasTable(failing, failing.map((i) => this.rate[i]));
    this.aliasElement = alias.element;
    this.aliasOther = alias.other;
    this.aliasCut = alias.cut;

    const nc = s.clients.length;
    this.clientIndex = new Int32Array(s.components.length).fill(-1);
    s.clients.forEach((c, i) => (this.clientIndex[c] = i));
    this.clientDown = new Uint8Array(nc);
    this.downSince = new Float64Array(nc);
    this.soloCount = new Int32Array(nc);
    this.capacity = Math.max(1, opts.expectedYears ?? CHUNK_YEARS);
    this.histories = s.clients.map(() => newHistory(this.capacity));

    // The starting state: what never works (DESIGN's stated meanings) and the elements down
    // for good (availability 0), never repaired. The tables and every propagation build on it.
    const fallen = [...this.prop.baseDown, ...this.prop.fail(never)];
    this.live = opts.state?.(s, never) ?? new LiveState(s, never);
    for (const c of fallen) {
      const k = this.clientIndex[c];
      if (k >= 0 && !this.clientDown[k]) {
        this.clientDown[k] = 1;
        this.alwaysDown.push(k);
      }
    }
    const live = opts.alwaysPropagate || (opts.mode ?? (liveOnly(s, failing) ? 'live' : 'tables')) === 'live';
    this.alwaysPropagate = live;
    this.mode = live ? 'live' : 'tables';
    this.firstChunk = opts.firstChunk ?? 0;
    this.tables = live ? noTables(n, s.components.length + s.groups.length) : buildBlastTables(s, this.prop, failing, this.clientIndex);
    this.load = new Int32Array(this.tables.slack.length);
    const tb = this.tables;
    this.loneThreshold = new Int32Array(n).fill(-1);
    for (let e = 0; e < n; e++) {
      if (!this.alwaysPropagate && tb.soloStart[e] === tb.soloStart[e + 1] && tb.weakStart[e + 1] - tb.weakStart[e] === 1) this.loneThreshold[e] = tb.weakThreshold[tb.weakStart[e]];
    }
    this.busyUntil = new Float64Array(this.tables.slack.length);
  }

  /** The history of client k (index into s.clients), trimmed to the years played. */
  history(k: number): ClientHistory {
    const h = this.histories[k];
    const y = this.yearsPlayed;
    return { downPerYear: h.downPerYear.subarray(0, y), downPerMonth: h.downPerMonth.subarray(0, 12 * y), outagesPerYear: h.outagesPerYear.subarray(0, y) };
  }

  /** Expected failures a year (the sum of the failure rates), to judge what a run will cost. */
  get failuresPerYear(): number {
    return HOURS_PER_YEAR / this.meanGap;
  }

  /** Work done so far: failures played and changes of state propagated (a count, not a clock: the same for the same seed). */
  get work(): number {
    return this.failures + this.live.work;
  }

  /**
   * Plays `years` more years, or stops part way once `work` reaches `workLimit` (returns
   * false): calling play again goes on from there, as if it had not stopped; cut() ends there.
   */
  play(years: number, workLimit = Infinity): boolean {
    if (this.sealed) throw new Error('simulation: a chunk taken in part from elsewhere, or cut, cannot be played on');
    const to = this.yearsPlayed + years;
    // A play stopped part way goes on only to the end it had (the clock is past the years before it).
    if (this.resumeTo >= 0 && to !== this.resumeTo) throw new Error(`simulation: a play stopped part way goes on to year ${this.resumeTo}, not ${to}`);
    this.resumeTo = -1;
    this.ensureCapacity(to);
    while (this.yearsPlayed < to) {
      if (this.chunkStarts) {
        this.startChunk();
        this.chunkStarts = false;
      }
      const chunkEnd = (Math.floor(this.yearsPlayed / CHUNK_YEARS) + 1) * CHUNK_YEARS;
      const stop = Math.min(to, chunkEnd);
      const from = (this.yearsPlayed - this.chunkYear) * HOURS_PER_YEAR;
      const end = (stop - this.chunkYear) * HOURS_PER_YEAR;
      if (!this.playUntil(end, workLimit)) {
        this.resumeTo = to;
        return false;
      }
      // Downtime under way at the end of the batch counts up to the end (the outage goes on
      // into the next batch without being counted again).
      for (const k of this.downClients) {
        this.addDowntime(k, this.downSince[k], end);
        this.downSince[k] = end;
      }
      for (const k of this.alwaysDown) this.addDowntime(k, from, end);
      this.yearsPlayed = stop;
      this.chunkStarts = stop === chunkEnd;
    }
    return true;
  }

  /** A play stopped part way (play returned false) and not yet gone on or cut. */
  get partWay(): boolean {
    return this.resumeTo >= 0;
  }

  /** The end (in years) of a play stopped part way, or −1. */
  private resumeTo = -1;
  /** Events until the work is looked at again (playUntil). */
  private look = 1024;
  /** Hours of the year after the whole years that the figures cover too (cut with keepPart). */
  partHours = 0;

  /**
   * Ends a play stopped part way (play returned false) where it stands: the whole years
   * played count; the year under way is kept as a part of a year (partHours; the whole months
   * in it count as months) or dropped. Nothing more can be played.
   */
  cut(keepPart: boolean): void {
    const at = this.clock[0];
    const whole = Math.floor(at / HOURS_PER_YEAR);
    const until = keepPart ? at : whole * HOURS_PER_YEAR;
    const from = (this.yearsPlayed - this.chunkYear) * HOURS_PER_YEAR;
    // Downtime under way counts up to the end kept (an outage that began after it, not at all).
    for (const k of this.downClients) if (this.downSince[k] < until) this.addDowntime(k, this.downSince[k], until);
    for (const k of this.alwaysDown) this.addDowntime(k, from, until);
    this.yearsPlayed = this.chunkYear + whole;
    this.partHours = keepPart ? at - whole * HOURS_PER_YEAR : 0;
    this.sealed = true;
    this.resumeTo = -1;
  }

  /** What client k went through in the part of a year kept by cut(): downtime, its whole months, outages. */
  partYear(k: number): { downHours: number; downPerMonth: Float64Array; outages: number } {
    const h = this.histories[k];
    const y = this.yearsPlayed;
    if (this.partHours === 0) return { downHours: 0, downPerMonth: new Float64Array(0), outages: 0 };
    return { downHours: h.downPerYear[y], downPerMonth: h.downPerMonth.subarray(12 * y, 12 * y + Math.floor(this.partHours / HOURS_PER_MONTH)), outages: h.outagesPerYear[y] };
  }

  /** Plays events up to `end` (hours from the chunk's start); false when it stopped first, at `workLimit`. */
  private playUntil(end: number, workLimit: number): boolean {
    const queue = this.queue;
    const repairAt = this.repairAt;
    const mttr = this.mttr;
    const clock = this.clock;
    const meanGap = this.meanGap;
    // The streams' batches read here directly, their positions kept in locals (given back at
    // the end): the same draws as next(), with nothing read or written through `this` per draw.
    const exponential = this.exponential;
    const expBatch = exponential.buffer;
    let exp = exponential.position;
    const uniform = this.uniform;
    const uniBatch = uniform.buffer;
    let uni = uniform.position;
    const aliasElement = this.aliasElement;
    const aliasOther = this.aliasOther;
    const aliasCut = this.aliasCut;
    const slots = aliasElement.length;
    const loneThreshold = this.loneThreshold;
    const busyUntil = this.busyUntil;
    let failures = 0;
    let next = this.nextPick;
    let whole = true;
    // The work is looked at every 1,024 events (kept across calls): a cheap check, at the same
    // events for the same seed however the play is sliced.
    let look = this.look;
    for (;;) {
      if (--look === 0) {
        look = 1024;
        if (this.failures + failures + this.live.work >= workLimit) {
          whole = false;
          break;
        }
      }
      const queuedAt = queue.nextTime;
      if (clock[1] <= queuedAt) {
        const t = clock[1];
        if (t >= end) break;
        if (exp === BATCH) {
          exponential.refill();
          exp = 0;
        }
        clock[1] = t + expBatch[exp++] * meanGap;
        const e = next;
        // The element of the next candidate failure, by its rate (the alias table), picked
        // now so that its chain of reads overlaps the work on this one (the same draws).
        if (uni === BATCH) {
          uniform.refill();
          uni = 0;
        }
        const u = uniBatch[uni++] * slots;
        // u lies in [0, slots): truncation is the floor.
        const slot = u | 0;
        // u − slot < cut picks the slot's element, else its alias: without a branch (which
        // the processor would guess wrong about as often as right), as a mask of −1 or 0
        // (the difference lies in [−1, 1) and is negative exactly when u − slot < cut).
        const other = aliasOther[slot];
        next = other ^ ((aliasElement[slot] ^ other) & Math.floor(u - slot - aliasCut[slot]));
        // Thinning: a failure that falls on an element already down did not happen.
        if (repairAt[e] > t) continue;
        failures++;
        if (exp === BATCH) {
          exponential.refill();
          exp = 0;
        }
        const until = t + expBatch[exp++] * mttr[e];
        repairAt[e] = until;
        clock[0] = t;
        const h = loneThreshold[e];
        if (h < 0 || this.propagating) this.fail(e);
        else {
          // fail(e) for the usual element (98% of the failures of the benchmark's estate): one
          // threshold weakened, no client cut off alone, no propagation under way.
          this.remember(e);
          const busy = busyUntil[h];
          if (busy < until) busyUntil[h] = until;
          if (busy > t && this.overloads(h, t)) this.startPropagating();
        }
      } else {
        if (queuedAt >= end) break;
        const e = queue.nextElement;
        queue.pop();
        this.queued[e] = 0;
        clock[0] = queuedAt;
        this.repair(e);
      }
    }
    exponential.position = exp;
    uniform.position = uni;
    this.nextPick = next;
    this.failures += failures;
    this.look = look;
    return whole;
  }

  /**
   * A chunk starts in the steady state: each element down with its unavailability, with an
   * exponential remaining repair (memoryless); outages under way at its start are not
   * counted as outages of its first year (they started before it), only their downtime is.
   */
  private startChunk(): void {
    this.chunkYear = this.yearsPlayed;
    const chunk = this.firstChunk + Math.floor(this.yearsPlayed / CHUNK_YEARS);
    this.uniform = new UniformStream(this.seed, chunk, 0);
    this.exponential = new ExponentialStream(this.seed, chunk, 1);
    if (this.propagating) this.live.reset();
    this.propagating = false;
    for (let j = 0; j < this.depth; j++) this.stackPosition[this.stackElement[j]] = -1;
    this.depth = 0;
    this.overloaded = 0;
    this.load.fill(0);
    this.busyUntil.fill(0);
    this.soloCount.fill(0);
    this.repairAt.fill(0);
    this.queued.fill(0);
    this.queue.clear();
    this.recentLength = 0;
    for (const k of this.downClients) this.clientDown[k] = 0;
    this.downClients.length = 0;
    // Hours from the chunk's start: a chunk plays the same, to the last bit, whoever plays it.
    const t = 0;
    this.clock[0] = t;
    this.counting = false;
    for (const i of this.failing) {
      if (this.uniform.next() < 1 - this.s.elements[i].availability) {
        this.repairAt[i] = t + this.exponential.next() * this.mttr[i];
        this.fail(i);
      }
    }
    this.counting = true;
    this.clock[1] = t + this.exponential.next() * this.meanGap;
    this.nextPick = this.failing.length > 0 ? this.pickFailing() : -1;
  }

  /** An element picked by its rate (the alias table). */
  private pickFailing(): number {
    const u = this.uniform.next() * this.aliasElement.length;
    const i = Math.floor(u);
    return u - i < this.aliasCut[i] ? this.aliasElement[i] : this.aliasOther[i];
  }

  /** Element e has just failed (its repair time set). */
  private fail(e: number): void {
    const t = this.clock[0];
    const until = this.repairAt[e];
    this.remember(e);
    const tb = this.tables;
    const cutsAlone = tb.soloStart[e] < tb.soloStart[e + 1];
    if (cutsAlone || this.propagating) this.enqueue(e);
    let overload = this.alwaysPropagate;
    for (let j = tb.weakStart[e]; j < tb.weakStart[e + 1]; j++) {
      const h = tb.weakThreshold[j];
      // Alone, e cannot overload a threshold (it weakens without crossing): only with other
      // contributors down, then the load is summed over those still down.
      const othersDown = this.busyUntil[h] > t;
      if (this.busyUntil[h] < until) this.busyUntil[h] = until;
      if (!othersDown || overload || this.propagating) continue;
      overload = this.overloads(h, t);
    }
    if (this.propagating) {
      this.push(e);
      this.addLoad(e, 1);
      for (let j = tb.soloStart[e]; j < tb.soloStart[e + 1]; j++) this.soloCount[tb.soloItems[j]]++;
      this.failLive(e);
      return;
    }
    for (let j = tb.soloStart[e]; j < tb.soloStart[e + 1]; j++) {
      const k = tb.soloItems[j];
      if (this.soloCount[k]++ === 0 && !overload) this.clientFell(k);
    }
    if (overload) this.startPropagating();
  }

  /** Whether threshold h's contributors down at t take from it more than its slack. */
  private overloads(h: number, t: number): boolean {
    const tb = this.tables;
    let load = 0;
    for (let i = tb.contributorStart[h]; i < tb.contributorStart[h + 1]; i++) if (this.repairAt[tb.contributor[i]] > t) load += tb.contributorBy[i];
    return load > tb.slack[h];
  }

  /** Every element down is queued, loaded and propagated, in the order they failed. */
  private startPropagating(): void {
    const t = this.clock[0];
    this.prune(t);
    this.propagationsStarted++;
    this.propagating = true;
    this.overloaded = 0;
    for (let i = 0; i < this.recentLength; i++) {
      const e = this.recentElement[i];
      this.enqueue(e);
      this.push(e);
      this.addLoad(e, 1);
      this.failLive(e);
    }
  }

  /** Queues e's repair (once). */
  private enqueue(e: number): void {
    if (this.queued[e]) return;
    this.queued[e] = 1;
    this.queue.push(this.repairAt[e], e, UP);
  }

  private push(e: number): void {
    const d = this.depth++;
    this.stackElement[d] = e;
    this.stackPosition[e] = d;
  }

  /** Adds (sign 1) or takes away (−1) e's losses from the thresholds' loads, counting those past their slack. */
  private addLoad(e: number, sign: number): void {
    const tb = this.tables;
    for (let j = tb.weakStart[e]; j < tb.weakStart[e + 1]; j++) {
      const h = tb.weakThreshold[j];
      const before = this.load[h];
      const after = before + sign * tb.weakBy[j];
      this.load[h] = after;
      const slack = tb.slack[h];
      if (before <= slack && after > slack) this.overloaded++;
      else if (before > slack && after <= slack) this.overloaded--;
    }
  }

  /** Fails e in the live state, and takes down the clients it cuts off. */
  private failLive(e: number): void {
    const live = this.live;
    live.fail(e);
    const flipped = live.flipped;
    for (let j = 0; j < flipped.length; j++) this.clientFell(this.clientIndex[flipped[j]]);
  }

  /** A queued repair of e is due. */
  private repair(e: number): void {
    const tb = this.tables;
    let freed = false;
    for (let j = tb.soloStart[e]; j < tb.soloStart[e + 1]; j++) if (--this.soloCount[tb.soloItems[j]] === 0) freed = true;
    const down = this.downClients;
    if (!this.propagating) {
      // The counts decide: a client comes back when no element down cuts it off alone.
      if (freed) for (let j = down.length - 1; j >= 0; j--) if (this.soloCount[down[j]] === 0) this.clientRose(j);
      return;
    }
    // Out of the list (its order does not matter): the last one takes its place.
    const k = this.stackPosition[e];
    this.stackPosition[e] = -1;
    const last = this.stackElement[--this.depth];
    if (k < this.depth) {
      this.stackElement[k] = last;
      this.stackPosition[last] = k;
    }
    this.addLoad(e, -1);
    const live = this.live;
    live.repair(e);
    if (this.overloaded > 0 || (this.alwaysPropagate && this.depth > 0)) {
      // A repair can only bring clients back (failure is monotone).
      const flipped = live.flipped;
      for (let j = 0; j < flipped.length; j++) this.clientRose(down.indexOf(this.clientIndex[flipped[j]]));
      return;
    }
    // No threshold overloaded any more: the counts decide again (the live state back to its start).
    for (let j = 0; j < this.depth; j++) live.repair(this.stackElement[j]);
    this.propagating = false;
    // Loads are kept only while propagating: all back to 0 (the elements still down are
    // loaded afresh if propagation starts again).
    for (let j = 0; j < this.depth; j++) {
      const x = this.stackElement[j];
      this.stackPosition[x] = -1;
      for (let i = tb.weakStart[x]; i < tb.weakStart[x + 1]; i++) this.load[tb.weakThreshold[i]] = 0;
    }
    this.depth = 0;
    for (let j = down.length - 1; j >= 0; j--) if (this.soloCount[down[j]] === 0) this.clientRose(j);
  }

  /** Notes a failure in the list of recent ones, pruning the list of repaired ones when it is full. */
  private remember(e: number): void {
    if (this.recentLength === this.recentElement.length) {
      this.prune(this.clock[0]);
      if (2 * this.recentLength > this.recentElement.length) {
        const element = new Int32Array(2 * this.recentElement.length);
        element.set(this.recentElement);
        const time = new Float64Array(2 * this.recentUntil.length);
        time.set(this.recentUntil);
        this.recentElement = element;
        this.recentUntil = time;
      }
    }
    this.recentElement[this.recentLength] = e;
    this.recentUntil[this.recentLength++] = this.repairAt[e];
  }

  /** Keeps in the list of recent failures only those still down at t, in their order. */
  private prune(t: number): void {
    let kept = 0;
    for (let i = 0; i < this.recentLength; i++) {
      if (this.recentUntil[i] > t) {
        this.recentElement[kept] = this.recentElement[i];
        this.recentUntil[kept++] = this.recentUntil[i];
      }
    }
    this.recentLength = kept;
  }

  private clientFell(k: number): void {
    if (this.clientDown[k]) return;
    const t = this.clock[0];
    this.clientDown[k] = 1;
    this.downSince[k] = t;
    this.downClients.push(k);
    if (this.counting) this.histories[k].outagesPerYear[this.chunkYear + Math.floor(t / HOURS_PER_YEAR)]++;
  }

  /** The client at position j of downClients is served again from now on. */
  private clientRose(j: number): void {
    const down = this.downClients;
    const k = down[j];
    down[j] = down[down.length - 1];
    down.pop();
    this.clientDown[k] = 0;
    this.addDowntime(k, this.downSince[k], this.clock[0]);
  }

  /** Adds the downtime [from, to) of client k (hours from the chunk's start), split over the months (and so years) it spans. */
  private addDowntime(k: number, from: number, to: number): void {
    const h = this.histories[k];
    const firstMonth = 12 * this.chunkYear;
    let month = Math.floor(from / HOURS_PER_MONTH);
    let t = from;
    while (t < to) {
      const monthEnd = (month + 1) * HOURS_PER_MONTH;
      const until = monthEnd < to ? monthEnd : to;
      h.downPerMonth[firstMonth + month] += until - t;
      h.downPerYear[this.chunkYear + Math.floor(month / 12)] += until - t;
      t = until;
      month++;
    }
  }

  /**
   * Takes years played elsewhere (from the start of the chunk this one would play next) as
   * if played here: the same figures, since a chunk plays the same whoever plays it.
   */
  adopt(part: PlayedYears): void {
    if (this.sealed || !this.chunkStarts || this.yearsPlayed % CHUNK_YEARS !== 0) throw new Error('simulation: years from elsewhere must start a chunk');
    const at = this.yearsPlayed;
    this.ensureCapacity(at + part.years);
    part.histories.forEach((p, k) => {
      const h = this.histories[k];
      h.downPerYear.set(p.downPerYear.subarray(0, part.years), at);
      h.downPerMonth.set(p.downPerMonth.subarray(0, 12 * part.years), 12 * at);
      h.outagesPerYear.set(p.outagesPerYear.subarray(0, part.years), at);
    });
    this.yearsPlayed = at + part.years;
    this.failures += part.failures;
    this.sealed = part.years % CHUNK_YEARS !== 0;
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

/**
 * Whether the live state alone plays this design faster than the blast tables: when dozens of
 * elements are down at any moment (the tables would hand over to the live state nearly all the
 * time, after building one propagation per element), or when a pool or group is wide (each
 * failure in it sums the load of every member: 400 of a mesh's app servers per failure).
 * Otherwise the tables are faster: 71 against 263 ns a failure on the 100-component estate,
 * 101 against 348 at 1,000 components (about 15 elements down at once; load 12).
 */
function liveOnly(s: Structure, failing: number[]): boolean {
  let expectedDown = 0;
  for (const e of failing) expectedDown += 1 - s.elements[e].availability;
  if (expectedDown >= LIVE_EXPECTED_DOWN) return true;
  return s.groups.some((g) => g.slots.length >= LIVE_WIDTH) || s.components.some((c) => c.instances.length >= LIVE_WIDTH);
}

/** Elements down at once, on average, from which the live state alone decides. */
const LIVE_EXPECTED_DOWN = 32;
/** Members of a pool or group from which the live state alone decides. */
const LIVE_WIDTH = 64;

/** Blast tables with nothing in them: every state is the live state's. */
function noTables(elements: number, thresholds: number): BlastTables {
  const none = new Int32Array(0);
  return {
    soloStart: new Int32Array(elements + 1), soloItems: none,
    weakStart: new Int32Array(elements + 1), weakThreshold: none, weakBy: none,
    slack: new Int32Array(thresholds),
    contributorStart: new Int32Array(thresholds + 1), contributor: none, contributorBy: none,
  };
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
