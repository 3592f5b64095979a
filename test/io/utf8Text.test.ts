// Bytes to text, shared by the app's file reading and the CLI: UTF-8 only, strictly, with the
// place of the first bad byte, and UTF-16 named as such (with or without a byte order mark).
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/io/utf8Text';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const reasonOf = (b: Uint8Array) => {
  const r = decodeUtf8(b, 'a topology');
  if (r.ok) throw new Error(`read as text: ${JSON.stringify(r.text)}`);
  return r.reason;
};

describe('decodeUtf8', () => {
  it('reads UTF-8 as it is, non-ASCII names included, and drops a byte order mark', () => {
    expect(decodeUtf8(bytes('{"name":"Café – 東京 🚀"}'), 'a topology')).toEqual({ ok: true, text: '{"name":"Café – 東京 🚀"}' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '{}'), 'a topology')).toEqual({ ok: true, text: '{}' });
    expect(decodeUtf8(new Uint8Array(0), 'a topology')).toEqual({ ok: true, text: '' });
  });

  it('refuses a byte that is not UTF-8 with its line, its column in characters and its value, never as U+FFFD', () => {
    // Latin-1 "é" on line 2, after a two-byte and a three-byte character.
    expect(reasonOf(bytes('{\n  "name": "ü€caf', [0xe9], '"\n}'))).toBe(
      'line 2, column 17: not UTF-8 text (byte 0xe9): a binary file, or text saved in another encoding; a topology is read as UTF-8',
    );
    expect(reasonOf(bytes([0x89], 'PNG\r\n'))).toMatch(/^line 1, column 1: not UTF-8 text \(byte 0x89\): a binary file/);
  });

  it('names the first byte of a sequence cut short, in the middle or at the end', () => {
    expect(reasonOf(bytes('ab', [0xe2, 0x82], 'c'))).toMatch(/^line 1, column 3: not UTF-8 text \(byte 0xe2\)/);
    expect(reasonOf(bytes('ab', [0xf0, 0x9f, 0x9a]))).toMatch(/^line 1, column 3: not UTF-8 text \(byte 0xf0\)/);
  });

  it('names UTF-16 text, with a byte order mark or without one, in either byte order', () => {
    const text = '{"format":"spof-topology","version":2}';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const b of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      expect(reasonOf(b)).toBe('UTF-16 text; a topology is read as UTF-8: save it as UTF-8');
    }
    for (const b of [le, be]) expect(reasonOf(b)).toBe('UTF-16 text (no byte order mark); a topology is read as UTF-8: save it as UTF-8');
  });

  it('names UTF-32 text as UTF-32 (its little-endian byte order mark starts as UTF-16\'s)', () => {
    const le = Buffer.alloc(8);
    le.writeUInt32LE(0xfeff, 0);
    le.writeUInt32LE(0x7b, 4);
    const be = Buffer.alloc(8);
    be.writeUInt32BE(0xfeff, 0);
    be.writeUInt32BE(0x7b, 4);
    for (const b of [le, be]) expect(reasonOf(b)).toBe('UTF-32 text; a topology is read as UTF-8: save it as UTF-8');
  });

  it('does not take a text with an odd NUL for UTF-16', () => {
    expect(decodeUtf8(bytes('{"a":', [0], '1}'), 'a topology')).toEqual({ ok: true, text: '{"a":\u00001}' });
  });
});
