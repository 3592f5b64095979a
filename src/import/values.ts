// Reading untrusted values out of parsed files: nothing is cast, everything is checked.
import { numberText } from '../model/limits';

export type Dict = Record<string, unknown>;

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function dict(v: unknown): Dict {
  return isDict(v) ? v : {};
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** A non-negative integer, from a number or a numeric string (`"3"` in a quoted YAML value). */
export function count(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * What a note adds when a count was read out of a string (`replicas: "3"`): the words of the
 * tool that reads the file about it, e.g. `the API server refuses a string there`; nothing
 * for a number. The note says the string was read as its number, so nothing is guessed silently.
 */
export function quotedCount(v: unknown, tool: string): string {
  return typeof v === 'string' ? `, written as the string ${shownValue(v)} (${tool}): read as ${v.trim()}` : '';
}

/** A value as a note shows it: short, on one line. */
export function shownValue(v: unknown): string {
  const text = typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : Array.isArray(v) ? 'a list' : 'a mapping';
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** `a`, `a and b`, `a, b and c`: for notes. */
export function wordList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${numberText(n)} ${n === 1 ? word : many}`;
}
