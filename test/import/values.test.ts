import { describe, expect, it } from 'vitest';
import { plural } from '../../src/import/values';

describe('plural', () => {
  // The import summary over the canvas read "9999 guesses to check" after a 9,999-node diagram.
  it('counts in words with thousands separated, as every other count the user reads', () => {
    expect(plural(1, 'guess', 'guesses')).toBe('1 guess');
    expect(plural(12, 'guess', 'guesses')).toBe('12 guesses');
    expect(plural(9999, 'guess', 'guesses')).toBe('9,999 guesses');
    expect(plural(1_200_000, 'component')).toBe('1,200,000 components');
  });
});
