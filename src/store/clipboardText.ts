// A copied fragment as text on the system clipboard, so a copy in one tab (or window, or
// browser) pastes in another. Clipboard text is untrusted: it is read through the same
// schemas as a document, and a broken fragment is refused with its paths and reasons.
import * as z from 'zod/mini';
import { ComponentSchema, DomainSchema, formatProblem, LinkSchema, schemaProblems } from '../model';
import type { Fragment } from './clipboard';

const FRAGMENT_FORMAT = 'spof-fragment';

const point = z.strictObject({ x: z.number(), y: z.number() });
const size = z.strictObject({ width: z.number().check(z.positive('must be > 0')), height: z.number().check(z.positive('must be > 0')) });
const FragmentText = z.strictObject({
  format: z.literal(FRAGMENT_FORMAT),
  version: z.literal(1),
  components: z.array(ComponentSchema),
  domains: z.array(DomainSchema),
  links: z.array(LinkSchema),
  absolute: z.record(z.string(), point),
  sizes: z.record(z.string(), size),
});

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify({ format: FRAGMENT_FORMAT, version: 1, ...fragment });
}

export type FragmentRead =
  | { kind: 'fragment'; fragment: Fragment }
  | { kind: 'broken'; problems: string[] }
  /** Any other text: not ours to paste. */
  | { kind: 'other' };

export function fragmentFromText(text: string): FragmentRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'other' };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== FRAGMENT_FORMAT) return { kind: 'other' };
  const parsed = FragmentText.safeParse(value);
  if (!parsed.success) {
    return { kind: 'broken', problems: schemaProblems(parsed.error.issues, value).map(formatProblem) };
  }
  const { format: _format, version: _version, ...fragment } = parsed.data;
  return { kind: 'fragment', fragment };
}
