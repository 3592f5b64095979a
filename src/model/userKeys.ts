// zod builds records on plain objects and skips a key named "__proto__" (assigning it would
// replace the prototype), silently: `requires: {"__proto__": {"min": 2}}` vanished and the
// SPOF it implied with it. After the schema, the records whose keys a person names are made
// again without a prototype, with every entry of the input, "__proto__" checked by the same
// value schema as the others (see keyed.ts).
import type * as z from 'zod/mini';
import { keyedCopy, setOwn } from './keyed';
import type { Problem } from './issues';
import { PointSchema, RequirementSchema, SizeSchema, type Topology } from './schema';

export type SchemaProblems = (issues: z.core.$ZodIssue[], doc: unknown) => Problem[];

/**
 * The record the schema checked (`checked`, read from `from`) again, prototype-free and with
 * the input's "__proto__" entry when it passes `schema`; its problems otherwise.
 */
export function rebuildUserKeyed<T>(
  from: unknown, checked: Record<string, T>, schema: z.ZodMiniType<T>,
  at: { path: (string | number)[]; doc: unknown; problems: Problem[]; schemaProblems: SchemaProblems },
): Record<string, T> {
  if (from === null || typeof from !== 'object' || !Object.hasOwn(from, '__proto__')) return keyedCopy(checked);
  const r = schema.safeParse((from as Record<string, unknown>)['__proto__']);
  if (!r.success) {
    const path = [...at.path, '__proto__'];
    at.problems.push(...at.schemaProblems(r.error.issues.map((i) => ({ ...i, path: [...path, ...i.path] })), at.doc));
    return keyedCopy(checked);
  }
  // In the input's order, "__proto__" where it was.
  const out = keyedCopy<T>();
  for (const key of Object.keys(from)) {
    if (key === '__proto__') setOwn(out, key, r.data);
    else if (Object.hasOwn(checked, key)) setOwn(out, key, checked[key]);
  }
  return out;
}

/** `parsed` with prototype-free user-keyed records; problems of entries the schema did not see. */
export function withUserKeys(input: unknown, parsed: Topology, schemaProblems: SchemaProblems): { topology: Topology; problems: Problem[] } {
  const problems: Problem[] = [];
  const raw = input as { components?: { requires?: unknown }[]; view?: { positions?: unknown; sizes?: unknown } };
  const at = (path: (string | number)[]) => ({ path, doc: input, problems, schemaProblems });
  const components = parsed.components.map((c, i) => (c.requires === undefined ? c : {
    ...c, requires: rebuildUserKeyed(raw.components?.[i]?.requires, c.requires, RequirementSchema, at(['components', i, 'requires'])),
  }));
  let view = parsed.view;
  if (view) {
    view = { ...view };
    if (view.positions) view.positions = rebuildUserKeyed(raw.view?.positions, view.positions, PointSchema, at(['view', 'positions']));
    if (view.sizes) view.sizes = rebuildUserKeyed(raw.view?.sizes, view.sizes, SizeSchema, at(['view', 'sizes']));
  }
  return { topology: { ...parsed, components, ...(view ? { view } : {}) }, problems };
}

/**
 * A parsed topology that crossed a structured clone (from the worker that parsed it): the
 * clone keeps every own entry, "__proto__" included, but on plain objects again, where
 * `positions.constructor` reads Object's constructor. Its user-keyed records are made
 * prototype-free again, as the parse left them.
 */
export function rekeyedAfterClone(t: Topology): Topology {
  const components = t.components.map((c) => (c.requires === undefined ? c : { ...c, requires: keyedCopy(c.requires) }));
  if (!t.view) return { ...t, components };
  const view = { ...t.view };
  if (view.positions) view.positions = keyedCopy(view.positions);
  if (view.sizes) view.sizes = keyedCopy(view.sizes);
  return { ...t, components, view };
}
