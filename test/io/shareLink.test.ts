// Share links: the encoding is locked by a snapshot; damaged and hostile links give clear errors.
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash, fromBase64Url, toBase64Url, type ShareDecodeResult } from '../../src/io';
import { validTopology } from '../model/arbitraries';
import { example, hostile, topology } from './fixtures';

const hashOf = (bytes: Uint8Array) => `#topology=deflate:${toBase64Url(bytes)}`;
const deflated = (text: string) => deflateSync(new TextEncoder().encode(text));

function errorOf(r: ShareDecodeResult) {
  if (r.ok) throw new Error('decoded what should fail');
  return r.errors[0];
}

describe('share links', () => {
  it('locks the encoding of a fixed document', () => {
    const t = topology({
      format: 'spof-topology', version: 2, name: 'Snapshot',
      components: [{ id: 'users', kind: 'client' }, { id: 'app', kind: 'app', replicas: 2 }],
      links: [{ from: 'users', to: 'app' }],
      view: { positions: { app: { x: 10, y: 20 } } },
    });
    expect(encodeShareHash(t)).toMatchInlineSnapshot(`"#topology=deflate:TY5BDsIgEEXvMmtMapdcw6VxQVqqk8LMBLDakN7dwTZRNuTn_f8yFSZO0RWwkIWnU2HhwPcVDCw-ZWQC2xsgF71WLuQkP7goHTk6pAz2ejMwcBQmT6XlCjhq95l1r8UZqcUhoHLYzIGdyA_uIXkJODh19JtKA9K8-6bE8c9Y-Ji01oL-BbaCcMai5-qifqF-b7DnzsCqwm7T9wE"`);
  });

  it('round-trips the whole design, view included', () => {
    for (const t of [example(), hostile()]) {
      const hash = encodeShareHash(t);
      expect(hash).toMatch(/^#topology=deflate:[A-Za-z0-9_-]+$/);
      expect(decodeShareHash(hash)).toEqual({ ok: true, topology: t, warnings: expect.any(Array) });
    }
  });

  it('round-trips random designs (property)', () => {
    fc.assert(
      fc.property(validTopology, (input) => {
        const t = topology(input);
        const r = decodeShareHash(encodeShareHash(t));
        expect(r.ok && r.topology).toEqual(t);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the hash with or without "#" and among other parameters', () => {
    const hash = encodeShareHash(example());
    expect(decodeShareHash(hash.slice(1)).ok).toBe(true);
    expect(decodeShareHash(`#x=1&${hash.slice(1)}&y=2`).ok).toBe(true);
    expect(decodeShareHash(hash.replace('deflate:', 'deflate%3A')).ok).toBe(true);
  });

  it('rejects links without a design, without a codec or with an unknown one', () => {
    expect(errorOf(decodeShareHash(''))).toMatchObject({ code: 'not-share-link' });
    expect(errorOf(decodeShareHash('#view=1'))).toMatchObject({ code: 'not-share-link' });
    expect(errorOf(decodeShareHash('#topology=abc'))).toMatchObject({ code: 'unknown-codec', message: expect.stringContaining('names no codec') });
    expect(errorOf(decodeShareHash('#topology=pako:abc'))).toMatchObject({ code: 'unknown-codec', message: expect.stringContaining('"pako"') });
  });

  it('rejects damaged data: foreign characters, impossible length, cut or corrupted compression', () => {
    const good = encodeShareHash(example());
    expect(errorOf(decodeShareHash('#topology=deflate:'))).toMatchObject({ code: 'bad-encoding' });
    expect(errorOf(decodeShareHash(`${good.slice(0, 40)}+/=${good.slice(43)}`))).toMatchObject({ code: 'bad-encoding', message: expect.stringContaining('outside base64url') });
    expect(errorOf(decodeShareHash(`${good}A`.slice(0, good.length - (good.length - 18) % 4 + 1)))).toMatchObject({ code: expect.stringMatching(/bad-encoding|bad-compression/) });
    expect(errorOf(decodeShareHash(good.slice(0, good.length - 12)))).toMatchObject({ code: 'bad-compression' });
    expect(errorOf(decodeShareHash(hashOf(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))))).toMatchObject({ code: 'bad-compression' });
    // Flip bits all through a real link: never a throw, never a wrong design taken silently.
    for (let i = 18; i < good.length; i += 7) {
      const damaged = `${good.slice(0, i)}${good[i] === 'A' ? 'B' : 'A'}${good.slice(i + 1)}`;
      const r = decodeShareHash(damaged);
      if (r.ok) expect(r.topology).toBeDefined();
      else expect(r.errors[0].message).not.toBe('');
    }
  });

  it('refuses a decompression bomb, naming the cap', () => {
    // How fast it is refused is a matter for a benchmark, not a timed test (it failed under load).
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(errorOf(decodeShareHash(hashOf(bomb)))).toMatchObject({ code: 'bad-compression', message: expect.stringContaining('more than 5 MB') });
  });

  it('refuses a link of absurd length', () => {
    expect(errorOf(decodeShareHash(`#topology=deflate:${'A'.repeat(5 * 1024 * 1024)}`))).toMatchObject({ code: 'too-large' });
  });

  it('sends what decompresses through the one schema: non-UTF-8, non-JSON, non-topology, hostile keys', () => {
    expect(errorOf(decodeShareHash(hashOf(deflateSync(new Uint8Array([0xc3, 0x28])))))).toMatchObject({ code: 'bad-encoding' });
    expect(errorOf(decodeShareHash(hashOf(deflated('not json'))))).toMatchObject({ code: 'not-json' });
    expect(errorOf(decodeShareHash(hashOf(deflated('[1,2]'))))).toMatchObject({ code: 'not-object' });
    expect(errorOf(decodeShareHash(hashOf(deflated('{"format":"spof-topology","version":1,"components":[{"id":"a","kind":"server"}]}'))))).toMatchObject({ path: 'components[0].kind' });
    const proto = decodeShareHash(hashOf(deflated('{"format":"spof-topology","version":1,"components":[],"__proto__":{"polluted":true}}')));
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(decodeShareHash(hashOf(deflated('{"format":"spof-topology","version":99,"components":[]}'))))).toMatchObject({ code: 'newer-version' });
  });

  it('base64url round-trips any bytes and rejects padding (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        if (bytes.length > 0) expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
    expect(typeof fromBase64Url('QQ==')).toBe('string');
  });
});
