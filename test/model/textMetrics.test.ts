// Label widths and wrapping without a DOM.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, textWidth, truncateText, wrapText } from '../../src/model/textMetrics';

describe('text metrics', () => {
  it('measures wider text as wider, bold as wider than regular, nothing as zero', () => {
    expect(textWidth('', 13)).toBe(0);
    expect(textWidth('WWW', 13)).toBeGreaterThan(textWidth('iii', 13));
    expect(textWidth('Orders DB', 13, true)).toBeGreaterThan(textWidth('Orders DB', 13));
    expect(textWidth('abc', 26)).toBeCloseTo(2 * textWidth('abc', 13));
    // A wide character takes a full em; a combining accent nothing.
    expect(textWidth('漢', 10)).toBe(10);
    expect(textWidth('e\u0301', 10)).toBe(textWidth('e', 10));
  });

  it('escapes what XML cannot carry, visibly, and turns line breaks into spaces', () => {
    expect(printable('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('a\u2400b\u2407c\u241bd\u2421e\ufffdf');
    expect(printable('one\ntwo\tthree\r\n')).toBe('one two three  ');
    expect(printable('x\ud800y\udc00z\ufffe')).toBe('x\ufffdy\ufffdz\ufffd');
    expect(printable('😀 ok')).toBe('😀 ok');
  });

  it('wraps at spaces into at most the lines asked for, each within the width, losing nothing but what the ellipsis stands for', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 40, max: 300 }), fc.integer({ min: 1, max: 3 }), (text, width, maxLines) => {
      const lines = wrapText(text, width, 13, true, maxLines);
      expect(lines.length).toBeLessThanOrEqual(maxLines);
      for (const line of lines) {
        // A single character wider than the line is the only thing that may overflow.
        if ([...line].length > 1) expect(textWidth(line, 13, true)).toBeLessThanOrEqual(width + 1e-9);
      }
      const words = printable(text).split(' ').filter(Boolean).join('');
      const shown = lines.join('').replace(/ /g, '');
      if (shown.endsWith('…')) expect(words.startsWith(shown.slice(0, -1))).toBe(true);
      else expect(shown).toBe(words);
    }), { numRuns: 300 });
  });

  it('cuts a long label with an ellipsis and leaves a short one alone', () => {
    expect(truncateText('US East (N. Virginia)', 1000, 12, true)).toBe('US East (N. Virginia)');
    const cut = truncateText('US East (N. Virginia)', 80, 12, true);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12, true)).toBeLessThanOrEqual(80);
    expect(wrapText('Orders DB (sync standby)', 120, 13, true, 2)).toEqual(['Orders DB (sync', 'standby)']);
  });
});
