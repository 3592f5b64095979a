// The simulator's event queue: a binary min-heap of (time, element, up or down) in typed
// arrays, so that millions of events a second make no garbage.

export const DOWN = 0;
export const UP = 1;

export class EventQueue {
  private times: Float64Array;
  private elements: Int32Array;
  private kinds: Uint8Array;
  size = 0;

  constructor(capacity = 64) {
    this.times = new Float64Array(capacity);
    this.elements = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  /** The earliest event's time (Infinity when empty). */
  get nextTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  get nextElement(): number {
    return this.elements[0];
  }

  get nextKind(): number {
    return this.kinds[0];
  }

  push(time: number, element: number, kind: number): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent] <= time) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, time, element, kind);
  }

  /** Removes the earliest event (read it first with nextTime / nextElement / nextKind). */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const time = this.times[last];
    const element = this.elements[last];
    const kind = this.kinds[last];
    let i = 0;
    // Sift down the last event from the root.
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.times[child + 1] < this.times[child]) child++;
      if (this.times[child] >= time) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, time, element, kind);
  }

  clear(): void {
    this.size = 0;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.elements[to] = this.elements[from];
    this.kinds[to] = this.kinds[from];
  }

  private set(i: number, time: number, element: number, kind: number): void {
    this.times[i] = time;
    this.elements[i] = element;
    this.kinds[i] = kind;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    times.set(this.times);
    const elements = new Int32Array(n);
    elements.set(this.elements);
    const kinds = new Uint8Array(n);
    kinds.set(this.kinds);
    this.times = times;
    this.elements = elements;
    this.kinds = kinds;
  }
}
