// Untrusted JSON text in, a value or one problem out; never throws. The size and the nesting
// are checked first, in one iterative pass, so no reader after it (JSON.parse, the locator of
// syntax errors, the schema) can be driven into deep recursion or unbounded work: 8,000
// unclosed `[` used to overflow the stack of the error locator.
import { findNodeAtLocation, parse as parseJsonc, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { ERROR_CODES, type Problem } from './issues';
import { MAX_DOCUMENT_CHARS, MAX_JSON_DEPTH } from './limits';

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: Problem };

export interface JsonReadOptions {
  /** Longest text read (characters). */
  maxChars?: number;
  /** What the text is, for the size message: "the document", "the fragment". */
  what?: string;
}

export function readJsonText(input: string, { maxChars = MAX_DOCUMENT_CHARS, what = 'the document' }: JsonReadOptions = {}): JsonRead {
  if (input.length > maxChars) {
    return { ok: false, problem: { code: ERROR_CODES.tooLarge, path: '', message: `${what} is ${sizeText(input.length)} long; at most ${sizeText(maxChars)} are read` } };
  }
  // A byte order mark, as some editors save UTF-8, is not part of the JSON.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const deep = firstTooDeep(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    return { ok: false, problem: { code: ERROR_CODES.tooDeep, path: `line ${line}, column ${column}`, message: `nested more than ${MAX_JSON_DEPTH} levels deep: not a topology` } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // JSON.parse names no line; jsonc-parser (strict options) finds where it broke.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const offset = errors.length > 0 ? errors[0].offset : text.length;
    const { line, column } = lineColumn(text, offset);
    const reason = text.trim() === '' ? 'the file is empty' : (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
    return { ok: false, problem: { code: ERROR_CODES.notJson, path: `line ${line}, column ${column}`, message: `not valid JSON: ${reason}` } };
  }
  // JSON.parse keeps a repeated key's last value without a word: a second `components` list
  // replaced the first, and every link to the first's components read as a broken reference.
  const repeated = value !== null && typeof value === 'object' && !Array.isArray(value) ? firstRepeatedTopKey(text) : undefined;
  if (repeated) {
    const [first, again] = [lineColumn(text, repeated.first), lineColumn(text, repeated.again)];
    return { ok: false, problem: { code: ERROR_CODES.repeatedKey, path: repeated.key, message: `${JSON.stringify(repeated.key)} is written twice (line ${first.line}, column ${first.column} and line ${again.line}, column ${again.column}): JSON keeps only the last, and the first would be lost; give it once` } };
  }
  return { ok: true, value };
}

/**
 * The text of the number written at a path of JSON text (`1e-400`, which reads as 0), for the
 * messages about it; the syntax tree is made once, on the first question, as only a refused
 * document asks.
 */
export function numbersAsWritten(input: string): (path: ReadonlyArray<PropertyKey>) => string | undefined {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let root: Node | undefined | null = null;
  return (path) => {
    if (root === null) root = parseTree(text);
    if (!root || path.some((k) => typeof k === 'symbol')) return undefined;
    const node = findNodeAtLocation(root, path as (string | number)[]);
    return node?.type === 'number' ? text.slice(node.offset, node.offset + node.length) : undefined;
  };
}

/** The first key written twice in the top-level object of valid JSON text, with both offsets. */
export function firstRepeatedTopKey(text: string): { key: string; first: number; again: number } | undefined {
  const seen = new Map<string, number>();
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      if (depth !== 1) continue;
      // A string at the top level is a key when a colon follows it (text after JSON.parse: valid).
      let j = i + 1;
      while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x0a || text.charCodeAt(j) === 0x0d || text.charCodeAt(j) === 0x09)) j++;
      if (text.charCodeAt(j) !== 0x3a) continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      const before = seen.get(key);
      if (before !== undefined) return { key, first: before, again: start };
      seen.set(key, start);
    } else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** The offset of the first `[` or `{` that opens level `max + 1` (outside strings), or -1. */
export function firstTooDeep(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function sizeText(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : chars >= 1024 ? `${Math.round(chars / 1024)} KB` : `${chars} characters`;
}
