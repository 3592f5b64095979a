// The catalogue of validation problems, with stable codes other tools may rely on.
// Errors are for documents that cannot be read (DESIGN section 2, "Validation, versions");
// what a person reaches while drawing is a warning, analysed with a stated meaning.
import type { Fix } from './fixes';
import { numberText } from './limits';

export const ERROR_CODES = {
  notJson: 'not-json',
  /** A document's own field (`components`, `links`, ...) written twice: JSON.parse keeps the last, silently. */
  repeatedKey: 'repeated-key',
  /** Past a size limit (src/model/limits.ts): the text, a list, a pool, the instances. */
  tooLarge: 'too-large',
  /** JSON nested, or domains nested, past their limits. */
  tooDeep: 'too-deep',
  notObject: 'not-object',
  missingFormat: 'missing-format',
  wrongFormat: 'wrong-format',
  badVersion: 'bad-version',
  newerVersion: 'newer-version',
  invalidType: 'invalid-type',
  invalidValue: 'invalid-value',
  unknownKind: 'unknown-kind',
  unknownKey: 'unknown-key',
  missingField: 'missing-field',
  duplicateId: 'duplicate-id',
  danglingReference: 'dangling-reference',
  domainCycle: 'domain-cycle',
  selfLink: 'self-link',
  duplicateLink: 'duplicate-link',
  /** `app#2` beside a pool `app`: the id of an instance, so what-if and the report could not tell them apart. */
  ambiguousId: 'ambiguous-id',
  reliabilityConflict: 'reliability-conflict',
  replicationField: 'replication-field',
  dependencyField: 'dependency-field',
} as const;

export const WARNING_CODES = {
  noClient: 'no-client',
  orphan: 'orphan',
  unreachable: 'unreachable',
  replicationKinds: 'replication-kinds',
  /** minHealthy above replicas: the component never works. */
  minHealthyRange: 'min-healthy-range',
  /** `requires` names a group with no required link: ignored. */
  requiresUnknownGroup: 'requires-unknown-group',
  /** `requires.min` above the group's required targets: the component never works (none: ignored). */
  requiresTooMany: 'requires-too-many',
  /** A standby in no group with an active member: it takes over for nothing. */
  standbyAlone: 'standby-alone',
  /** downtimeCostPerHour on a component that is no client: only a client's outage has a cost; ignored. */
  downtimeCostNotClient: 'downtime-cost-not-client',
  /** Two ids that print the same (`café` in two normalisations, `d\u200bb` and `db`). */
  lookalikeId: 'lookalike-id',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
export type WarningCode = (typeof WARNING_CODES)[keyof typeof WARNING_CODES];

export interface Problem {
  code: ErrorCode | WarningCode;
  /** Where in the document: `components[3].availability`, or '' for the whole document. */
  path: string;
  message: string;
  /** One-click changes that resolve a warning, best first (none when there is no obvious one). */
  fixes?: Fix[];
  /** The component this warning says never works, even with nothing failed (the report names it). */
  neverWorks?: string;
}

/** `components[3].availability: must be > 0 and <= 1 (got 1.5)` */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** A short, safe rendering of an offending value for a message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return 'an array';
  return 'an object';
}
