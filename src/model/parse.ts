// parseTopology: untrusted text or value in, a typed result out; never throws on bad input.
// Steps (tldraw's file parsing is the model): JSON, envelope, version and migration,
// the zod schema, then cross-references.
import type * as z from 'zod/mini';
import { ERROR_CODES, describeValue, formatPath, type Problem } from './issues';
import { numbersAsWritten, readJsonText } from './jsonText';
import { numberText } from './limits';
import { migrate } from './migrations';
import { CURRENT_VERSION, FORMAT, TopologySchema, type Topology } from './schema';
import { withUserKeys } from './userKeys';
import { validateReferences } from './validate';

export type ParseResult =
  | { ok: true; topology: Topology; warnings: Problem[]; migratedFrom?: number }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

const fail = (errors: Problem[]): ParseResult => ({ ok: false, errors, warnings: [] });

export function parseTopology(input: unknown): ParseResult {
  let doc: unknown = input;
  // A number is said as it was written where that differs from what it reads as (1e-400 reads as 0).
  const written = typeof input === 'string' ? numbersAsWritten(input) : undefined;
  if (typeof input === 'string') {
    const json = readJsonText(input);
    if (!json.ok) return fail([json.problem]);
    doc = json.value;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fail([{ code: ERROR_CODES.notObject, path: '', message: `the document must be a JSON object (got ${describeValue(doc)})` }]);
  }
  const raw = doc as Record<string, unknown>;
  if (!('format' in raw)) {
    return fail([{ code: ERROR_CODES.missingFormat, path: 'format', message: `missing: a SPOF Studio topology has "format": "${FORMAT}"` }]);
  }
  if (raw.format !== FORMAT) {
    return fail([{ code: ERROR_CODES.wrongFormat, path: 'format', message: `must be "${FORMAT}" (got ${describeValue(raw.format)})` }]);
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail([{ code: ERROR_CODES.badVersion, path: 'version', message: `must be a positive integer (got ${describeWritten(version, typeof version === 'number' ? written?.(['version']) : undefined)})` }]);
  }
  const migrated = migrate(raw, version);
  if (!migrated.ok) {
    const message = migrated.reason === 'newer'
      ? `${version} was made by a newer SPOF Studio; this one reads format versions up to ${CURRENT_VERSION}`
      : `no migration from version ${migrated.version}`;
    return fail([{ code: migrated.reason === 'newer' ? ERROR_CODES.newerVersion : ERROR_CODES.badVersion, path: 'version', message }]);
  }
  const problemsOf = (issues: z.core.$ZodIssue[], checked: unknown) => schemaProblems(issues, checked, written);
  const parsed = TopologySchema.safeParse(migrated.doc);
  if (!parsed.success) return fail(dedupe(problemsOf(parsed.error.issues, migrated.doc)));
  const keyed = withUserKeys(migrated.doc, parsed.data, problemsOf);
  if (keyed.problems.length > 0) return fail(keyed.problems);
  const { errors, warnings } = validateReferences(keyed.topology);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, topology: keyed.topology, warnings, ...(migrated.applied.length ? { migratedFrom: version } : {}) };
}

/** Pretty JSON with a trailing newline: the form written to `.spof.json` files. */
export function serializeTopology(t: Topology): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}

function valueAt(doc: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = doc;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

/**
 * zod's issues as problems with our codes and messages; `doc` is the value that was checked,
 * `written` the text of a number at a path when the document was read from text.
 */
export function schemaProblems(issues: z.core.$ZodIssue[], doc: unknown, written?: (path: ReadonlyArray<PropertyKey>) => string | undefined): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const value = valueAt(doc, issue.path);
    const path = formatPath(issue.path);
    const got = () => describeWritten(value, typeof value === 'number' ? written?.(issue.path) : undefined);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ code: ERROR_CODES.unknownKey, path: formatPath([...issue.path, key]), message: 'unknown key' });
        }
        break;
      case 'invalid_type':
        // 1e999 in JSON reads as Infinity: a number, but none that a figure can be.
        if (typeof value === 'number' && !Number.isFinite(value)) {
          out.push({ code: ERROR_CODES.invalidValue, path, message: `must be a finite number (got ${got()}: too large for a number)` });
          break;
        }
        // zod reports `.int()` as a type error; a number there broke our own rule, so say it.
        if (typeof value === 'number' && issue.expected === 'int') {
          out.push({ code: ERROR_CODES.invalidValue, path, message: `${issue.message} (got ${got()})` });
          break;
        }
        out.push(value === undefined
          ? { code: ERROR_CODES.missingField, path, message: `missing (expected ${issue.expected})` }
          : { code: ERROR_CODES.invalidType, path, message: `expected ${issue.expected} (got ${gotWhat(value)})` });
        break;
      case 'invalid_value': {
        const isKind = issue.path[issue.path.length - 1] === 'kind';
        const allowed = issue.values.map((v) => String(v)).join(', ');
        if (value === undefined) {
          out.push({ code: ERROR_CODES.missingField, path, message: `missing (expected one of ${allowed})` });
          break;
        }
        out.push({
          code: isKind ? ERROR_CODES.unknownKind : ERROR_CODES.invalidValue,
          path,
          message: `${isKind ? 'unknown kind' : 'invalid value'} ${describeValue(value)} (expected one of ${allowed})`,
        });
        break;
      }
      case 'invalid_key':
        // The path already ends in the key; the value under it is not what was wrong.
        out.push({ code: ERROR_CODES.invalidValue, path, message: `invalid key: ${issue.issues.map((i) => i.message).join('; ')}` });
        break;
      case 'too_big':
        // zod's integers are the safe ones, and past 2^53 it reports the integer's own message
        // ("must be a positive integer" for 1e20, a whole number). The field's bound, where it
        // has one, says what is wrong ("must be at most 1,000"); else the safe range does.
        if (issue.origin === 'int' && issue.maximum === Number.MAX_SAFE_INTEGER) {
          if (!issues.some((other) => other !== issue && formatPath(other.path) === path)) {
            out.push({ code: ERROR_CODES.invalidValue, path, message: `must be at most ${numberText(Number.MAX_SAFE_INTEGER)} (got ${got()})` });
          }
          break;
        }
        if (Array.isArray(value)) {
          out.push({ code: ERROR_CODES.tooLarge, path, message: `${issue.message} (got ${numberText(value.length)})` });
          break;
        }
        out.push({ code: ERROR_CODES.invalidValue, path, message: `${issue.message} (got ${got()})` });
        break;
      default:
        out.push({ code: ERROR_CODES.invalidValue, path, message: `${issue.message} (got ${got()})` });
    }
  }
  return out;
}

/** One value can break two checks with the same message (-1.5 as replicas): say it once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A value as the message shows it; a number read from text whose digits a number cannot hold
 * (`1e-400` is 0, `0.99999999999999999` is 1) is said as written, with what it reads as.
 */
function describeWritten(value: unknown, written: string | undefined): string {
  if (typeof value !== 'number' || written === undefined || sameDecimal(written, String(value))) return describeValue(value);
  const shown = written.length > 40 ? `${written.slice(0, 37)}...` : written;
  if (!Number.isFinite(value)) return shown;
  if (value === 0) return `${shown}, too small for a number: it reads as 0`;
  return `${shown}, which reads as ${numberText(value)}: more digits than a number holds`;
}

/** Two decimal numerals for the same number (`1e2` and `100.0`), compared as digits and exponent. */
function sameDecimal(a: string, b: string): boolean {
  return normalDecimal(a) === normalDecimal(b);
}

function normalDecimal(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? '');
  const significant = digits.replace(/^0+/, '');
  const trimmed = significant.replace(/0+$/, '');
  if (trimmed === '') return '0';
  // value = 0.<trimmed> x 10^exponent
  const exponent = BigInt(m[4] ?? '0') + BigInt(m[2].length - (digits.length - significant.length));
  return `${m[1]}0.${trimmed}e${exponent}`;
}

/** `string "abc"`, `boolean true`; null, an array and an object say themselves ("null null" read as a defect). */
function gotWhat(v: unknown): string {
  return v === null || typeof v === 'object' ? describeValue(v) : `${typeName(v)} ${describeValue(v)}`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
