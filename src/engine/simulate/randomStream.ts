// The simulator's random numbers, drawn in batches into typed arrays: a draw is then an
// array read, with no call through a closure and no boxed number (the simulator takes
// hundreds of millions of them). The generator is xoshiro128** (Blackman and Vigna, public
// domain), its 128-bit state seeded by splitmix32 from the run's seed, the chunk of years
// and the stream, so that each chunk of years plays on numbers of its own whichever
// thread plays it. Exponential variates come from Marsaglia and Tsang's ziggurat ("The
// Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000): exact, and
// most draws cost a table look-up and a product instead of a logarithm.

export const BATCH = 2048;
const TWO_32 = 4294967296;

/** xoshiro128**: 32-bit words, its state in an Int32Array. */
function nextWord(st: Int32Array): number {
  const a = st[0];
  const b = st[1];
  const c = st[2] ^ a;
  const d = st[3] ^ b;
  let r = Math.imul(b, 5);
  r = Math.imul((r << 7) | (r >>> 25), 9);
  st[1] = b ^ c;
  st[0] = a ^ d;
  st[2] = c ^ (b << 9);
  st[3] = (d << 11) | (d >>> 21);
  return r >>> 0;
}

/** Variates drawn a batch at a time from a stream of its own; `fill` draws one batch. */
abstract class BatchStream {
  /**
   * The batch drawn last, and the position of the next draw in it (BATCH: none left). A hot
   * loop may read the batch itself, keeping the position in a local variable (and calling
   * refill at BATCH), then hand the position back: the same draws as `next`, without a
   * property read and write per draw.
   */
  readonly buffer = new Float64Array(BATCH);
  position = BATCH;
  protected readonly state: Int32Array;

  constructor(seed: number, chunk = 0, stream = 0) {
    this.state = seedState(seed, chunk, stream);
  }

  next(): number {
    if (this.position === BATCH) this.refill();
    return this.buffer[this.position++];
  }

  /** Draws the next batch into `buffer`; the position goes back to 0. */
  refill(): void {
    this.fill(this.buffer);
    this.position = 0;
  }

  protected abstract fill(out: Float64Array): void;
}

/** Uniform floats in [0, 1), a batch at a time. */
export class UniformStream extends BatchStream {
  protected fill(out: Float64Array): void {
    const st = this.state;
    // nextWord's steps with the state in locals (registers) for the batch: the same words.
    let a = st[0];
    let b = st[1];
    let c = st[2];
    let d = st[3];
    for (let i = 0; i < BATCH; i++) {
      let r = Math.imul(b, 5);
      r = Math.imul((r << 7) | (r >>> 25), 9);
      const shifted = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= shifted;
      d = (d << 11) | (d >>> 21);
      out[i] = (r >>> 0) / TWO_32;
    }
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
  }
}

// The ziggurat of the exponential density with 256 layers: layer i covers x below
// WE[i] × 2^32; a 32-bit draw j below KE[i] lands inside the layer's rectangle (x = j ×
// WE[i], accepted at once), else a wedge or the tail is sampled exactly.
const ZIG_R = 7.697117470131487;
const ZIG_V = 3.949659822581572e-3;
const KE = new Float64Array(256);
const WE = new Float64Array(256);
const FE = new Float64Array(256);
{
  let de = ZIG_R;
  let te = de;
  const q = Math.exp(-de);
  KE[0] = (de / ZIG_V) * q * TWO_32;
  KE[1] = 0;
  WE[0] = ZIG_V / q / TWO_32;
  WE[255] = de / TWO_32;
  FE[0] = 1;
  FE[255] = q;
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(ZIG_V / de + Math.exp(-de));
    KE[i + 1] = (de / te) * TWO_32;
    te = de;
    FE[i] = Math.exp(-de);
    WE[i] = de / TWO_32;
  }
}

/** Exponential variates of mean 1, a batch at a time. */
export class ExponentialStream extends BatchStream {
  protected fill(out: Float64Array): void {
    const st = this.state;
    // nextWord's steps with the state in locals (registers), as in UniformStream; the rare
    // slow case takes the state from the array and gives it back.
    let a = st[0];
    let b = st[1];
    let c = st[2];
    let d = st[3];
    let layers = 0;
    for (let i = 0; i < BATCH; i++) {
      // The layer from a word of its own, a byte at a time; the abscissa from a full word.
      if ((i & 3) === 0) {
        let r = Math.imul(b, 5);
        r = Math.imul((r << 7) | (r >>> 25), 9);
        const shifted = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= shifted;
        d = (d << 11) | (d >>> 21);
        layers = r >>> 0;
      }
      const layer = (layers >>> ((i & 3) << 3)) & 255;
      let r = Math.imul(b, 5);
      r = Math.imul((r << 7) | (r >>> 25), 9);
      const shifted = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= shifted;
      d = (d << 11) | (d >>> 21);
      const j = r >>> 0;
      if (j < KE[layer]) out[i] = j * WE[layer];
      else {
        st[0] = a;
        st[1] = b;
        st[2] = c;
        st[3] = d;
        out[i] = slowExponential(st, layer, j);
        a = st[0];
        b = st[1];
        c = st[2];
        d = st[3];
      }
    }
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
  }
}

/** The ziggurat's rare case: the base layer's tail, or a wedge by rejection; else draw again. */
function slowExponential(st: Int32Array, layer: number, j: number): number {
  for (;;) {
    // Beyond R the exponential is R plus an exponential (memoryless).
    if (layer === 0) return ZIG_R - Math.log(1 - nextWord(st) / TWO_32);
    const x = j * WE[layer];
    if (FE[layer] + (nextWord(st) / TWO_32) * (FE[layer - 1] - FE[layer]) < Math.exp(-x)) return x;
    layer = nextWord(st) & 255;
    j = nextWord(st);
    if (j < KE[layer]) return j * WE[layer];
  }
}

/** splitmix32's finaliser: a bijection of 32-bit words that mixes every bit. */
function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Four words of state from (seed, chunk, stream), never all zero. */
function seedState(seed: number, chunk: number, stream: number): Int32Array {
  let x = mix32(mix32(mix32(seed) ^ Math.imul(chunk + 1, 0x9e3779b9)) ^ Math.imul(stream + 1, 0x632be5ab));
  const word = () => {
    x = (x + 0x9e3779b9) >>> 0;
    return mix32(x) | 0;
  };
  const st = Int32Array.of(word(), word(), word(), word());
  if ((st[0] | st[1] | st[2] | st[3]) === 0) st[0] = 1;
  return st;
}
