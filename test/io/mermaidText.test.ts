// The escaping rules on their own (no mermaid): cheap properties over many inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMermaidText, encodeMermaidText, isSafeMermaidId, mermaidIdOf, topologyIdOf } from '../../src/io';

/** What mermaid does to a quoted label before we see it: entity codes become its placeholders. */
function asMermaidHoldsIt(encoded: string): string {
  return encoded.replace(/#\w+;/g, (s) => {
    const inner = s.slice(1, -1);
    return /^\+?\d+$/.test(inner) ? `\uFB02\u00B0\u00B0${inner}\u00B6\u00DF` : `\uFB02\u00B0${inner}\u00B6\u00DF`;
  });
}

describe('encodeMermaidText', () => {
  it('leaves plain words alone and encodes syntax', () => {
    expect(encodeMermaidText('Primary DB')).toBe('Primary DB');
    expect(encodeMermaidText('a "b" #c; <d>')).toBe('a #quot;b#quot; #35;c#59; #lt;d#gt;');
    expect(encodeMermaidText('one\ntwo')).toBe('one<br>two');
    expect(encodeMermaidText(' x ')).toBe('#32;x#32;');
    expect(encodeMermaidText('direction TB')).toBe('direction#32;TB');
    expect(encodeMermaidText('100%')).toBe('100#37;');
    expect(encodeMermaidText('🚀 ü')).toBe('🚀 ü');
    // Patterns mermaid looks for after decoding entities are broken by an empty span.
    expect(encodeMermaidText('$$x$$')).toBe('#36;<span></span>#36;x#36;<span></span>#36;');
    expect(encodeMermaidText('fa:fa-car')).toBe('fa<span></span>#58;fa-car');
  });

  it('never leaves a quote, a directive, a raw tag or a line break, and decodes back (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'"#;%<>&|\n\r $:abcf-'.split(''), 'ﬂ', '°', '¶', 'ß') })), (text) => {
        const encoded = encodeMermaidText(text);
        expect(encoded.replace(/<span><\/span>/g, '')).not.toMatch(/["%\r\n$:]|<(?!br>)/);
        expect(decodeMermaidText(asMermaidHoldsIt(encoded))).toBe(text);
      }),
      { numRuns: 800 },
    );
  });
});

describe('decodeMermaidText', () => {
  it('reads hand-written labels: <br> variants, inline tags, HTML entities', () => {
    expect(decodeMermaidText('a<br/>b<BR >c')).toBe('a\nb\nc');
    expect(decodeMermaidText('<b>bold</b> &amp; &quot;x&quot; &#35; &#x41;')).toBe('bold & "x" # A');
    expect(decodeMermaidText('&unknown;')).toBe('&unknown;');
  });
});

describe('mermaid ids', () => {
  it('keeps safe ids, encodes keywords and punctuation reversibly', () => {
    expect(mermaidIdOf('web-1')).toBe('web-1');
    expect(mermaidIdOf('db_primary')).toBe('db_primary');
    expect(mermaidIdOf('end')).toBe('e_end');
    expect(mermaidIdOf('end-1')).toBe('e_end_2d_1');
    expect(mermaidIdOf('a b')).toBe('e_a_20_b');
    expect(mermaidIdOf('e_x')).toBe('e_e__x');
    expect(mermaidIdOf('1a')).toBe('e_1a');
    expect(topologyIdOf('e_end_2d_1')).toBe('end-1');
    // A hand-written id that merely looks encoded stays as written.
    expect(topologyIdOf('e_foo')).toBe('e_foo');
    expect(topologyIdOf('e_a_zz_b')).toBe('e_a_zz_b');
  });

  it('round-trips any id to a safe id (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (id) => {
        const m = mermaidIdOf(id);
        expect(m).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
        expect(isSafeMermaidId(m) || m.startsWith('e_')).toBe(true);
        expect(topologyIdOf(m)).toBe(id);
      }),
      { numRuns: 800 },
    );
  });
});
