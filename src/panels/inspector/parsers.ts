// Parsers for inspector inputs: text in, a value or a reason out. Empty means "unset"
// where the field is optional. The bounds are those of the schema (DESIGN section 2).
import type { Parsed } from './fields';

/**
 * The number typed, or why it is none. "1e999" reads as Infinity, which no file holds (JSON
 * writes it as null): an MTBF typed so was kept, and the autosave, the saved file and the
 * share link then no longer opened.
 */
const num = (text: string): number | string => {
  const t = text.trim().replace(/%$/, '').trim();
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return `not a number: "${text.trim()}"`;
  const n = Number(t);
  return Number.isFinite(n) ? n : `too large a number: "${text.trim()}"`;
};

/** An availability typed as a percent (99.95) or a fraction (0.9995); stored as a fraction. */
export function parseAvailability(text: string, { open = false } = {}): Parsed<number> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const n = num(text);
  if (typeof n === 'string') return { ok: false, error: n };
  const fraction = text.includes('%') || n > 1 ? n / 100 : n;
  if (!(fraction > 0) || fraction > 1 || (open && fraction >= 1)) {
    return { ok: false, error: open ? 'must be above 0% and below 100%' : 'must be above 0% and at most 100%' };
  }
  return { ok: true, value: Number(fraction.toPrecision(12)) };
}

/** Shows a stored fraction as the percent the person typed. */
export function availabilityText(a: number | undefined): string {
  return a === undefined ? '' : String(Number((a * 100).toPrecision(12)));
}

export function parsePositive(text: string, unit: string): Parsed<number> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const n = num(text);
  if (typeof n === 'string') return { ok: false, error: n };
  if (!(n > 0)) return { ok: false, error: `must be > 0 ${unit}` };
  return { ok: true, value: n };
}

export function parseNonNegative(text: string, unit: string): Parsed<number> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const n = num(text);
  if (typeof n === 'string') return { ok: false, error: n };
  if (n < 0) return { ok: false, error: `must be >= 0 ${unit}` };
  return { ok: true, value: n };
}

export function parsePositiveInteger(text: string, { max }: { max?: number } = {}): Parsed<number> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const n = num(text);
  if (typeof n === 'string') return { ok: false, error: n };
  if (!Number.isInteger(n) || n < 1) return { ok: false, error: 'must be a whole number >= 1' };
  if (max !== undefined && n > max) return { ok: false, error: `must be at most ${max}` };
  return { ok: true, value: n };
}

export function parseText(text: string): Parsed<string> {
  return { ok: true, value: text === '' ? undefined : text };
}

/** A new id: not empty, no spaces, not taken by another element. */
export function parseId(text: string, taken: ReadonlySet<string>, current: string): Parsed<string> {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'an id cannot be empty' };
  if (/\s/.test(t)) return { ok: false, error: 'an id cannot contain spaces' };
  if (t !== current && taken.has(t)) return { ok: false, error: `"${t}" is already used` };
  if (/#|->|=>/.test(t)) return { ok: false, error: 'an id cannot contain "#", "->" or "=>" (they name instances and links)' };
  return { ok: true, value: t };
}
