// A copied fragment as text on the system clipboard, so a copy in one tab (or window, or
// browser) pastes in another. Clipboard text is untrusted: it is read as a document is (size
// and nesting first, then the schemas, then references: a link to a missing id, a self link,
// a domain cycle are refused with their paths), never cast.
import * as z from 'zod/mini';
import {
  ComponentSchema, CURRENT_VERSION, DomainSchema, FORMAT, formatProblem, LinkSchema, MAX_COMPONENTS, MAX_DOMAINS, MAX_LINKS,
  numberText, parseTopology, PointSchema, readJsonText, RequirementSchema, schemaProblems, SizeSchema, type Problem,
} from '../model';
import { rebuildUserKeyed } from '../model/userKeys';
import type { Fragment } from './clipboard';

const FRAGMENT_FORMAT = 'spof-fragment';

const FragmentText = z.strictObject({
  format: z.literal(FRAGMENT_FORMAT),
  version: z.literal(1),
  components: z.array(ComponentSchema).check(z.maxLength(MAX_COMPONENTS, `at most ${numberText(MAX_COMPONENTS)} components`)),
  domains: z.array(DomainSchema).check(z.maxLength(MAX_DOMAINS, `at most ${numberText(MAX_DOMAINS)} domains`)),
  links: z.array(LinkSchema).check(z.maxLength(MAX_LINKS, `at most ${numberText(MAX_LINKS)} links`)),
  absolute: z.record(z.string(), PointSchema),
  sizes: z.record(z.string(), SizeSchema),
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
  // Cheap first: text that does not say it is a fragment is someone else's.
  if (!text.includes(FRAGMENT_FORMAT)) return { kind: 'other' };
  const json = readJsonText(text, { what: 'the clipboard text' });
  if (!json.ok) return json.problem.code === 'not-json' ? { kind: 'other' } : { kind: 'broken', problems: [formatProblem(json.problem)] };
  const value = json.value;
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== FRAGMENT_FORMAT) return { kind: 'other' };
  const parsed = FragmentText.safeParse(value);
  if (!parsed.success) return { kind: 'broken', problems: schemaProblems(parsed.error.issues, value).map(formatProblem) };
  const { format: _format, version: _version, ...data } = parsed.data;
  const problems: Problem[] = [];
  const raw = value as { absolute?: unknown; sizes?: unknown; components?: { requires?: unknown }[] };
  const at = (path: (string | number)[]) => ({ path, doc: value, problems, schemaProblems });
  const fragment: Fragment = {
    ...data,
    components: data.components.map((c, i) => (c.requires ? { ...c, requires: rebuildUserKeyed(raw.components?.[i]?.requires, c.requires, RequirementSchema, at(['components', i, 'requires'])) } : c)),
    absolute: rebuildUserKeyed(raw.absolute, data.absolute, PointSchema, at(['absolute'])),
    sizes: rebuildUserKeyed(raw.sizes, data.sizes, SizeSchema, at(['sizes'])),
  };
  problems.push(...referenceProblems(fragment));
  return problems.length ? { kind: 'broken', problems: problems.map(formatProblem) } : { kind: 'fragment', fragment };
}

/**
 * The fragment's own references, checked as a document's are. A placement in a domain that is
 * not in the fragment is allowed (a paste keeps it when the design has that domain, as a copy
 * within one design does), so those are left out of the check.
 */
function referenceProblems(f: Fragment): Problem[] {
  const ids = new Set(f.domains.map((d) => d.id));
  const inside = (id: string | undefined) => id !== undefined && ids.has(id);
  const doc = {
    format: FORMAT, version: CURRENT_VERSION,
    domains: f.domains.map(({ parent, ...d }) => (inside(parent) ? { ...d, parent } : d)),
    components: f.components.map(({ domain, domains, ...c }) => {
      const kept = domains?.filter(inside);
      return { ...c, ...(inside(domain) ? { domain } : {}), ...(kept?.length ? { domains: kept } : {}) };
    }),
    links: f.links,
  };
  const r = parseTopology(doc);
  return r.ok ? [] : r.errors;
}
