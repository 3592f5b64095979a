// The catalogue of validation problems, with stable codes other tools may rely on.

export const ERROR_CODES = {
  notJson: 'not-json',
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
  minHealthyRange: 'min-healthy-range',
  requiresUnknownGroup: 'requires-unknown-group',
  requiresTooMany: 'requires-too-many',
  standbyAlone: 'standby-alone',
  reliabilityConflict: 'reliability-conflict',
  replicationField: 'replication-field',
  dependencyField: 'dependency-field',
} as const;

export const WARNING_CODES = {
  noClient: 'no-client',
  orphan: 'orphan',
  unreachable: 'unreachable',
  replicationKinds: 'replication-kinds',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
export type WarningCode = (typeof WARNING_CODES)[keyof typeof WARNING_CODES];

export interface Problem {
  code: ErrorCode | WarningCode;
  /** Where in the document: `components[3].availability`, or '' for the whole document. */
  path: string;
  message: string;
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
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return 'an array';
  return 'an object';
}
