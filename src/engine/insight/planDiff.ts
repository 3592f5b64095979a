// What a move changed, read off the document it made and the one before, without a map
// of either: a move keeps every element it does not touch (the same object, at the same
// place) and appends what it adds, so a comparison of references from the first
// difference on finds the change. The plan weighs thousands of candidate moves on a
// design of thousands of components; a map of the components, or a pass reading each,
// per move made a round quadratic (issue 14: a 10,000-long chain took minutes).
import type { Component, FailureDomain, Link, Topology } from '../../model';

/** One list's change: elements replaced in place (by index), and elements appended. */
export interface ListChange<T> {
  replaced: Map<number, T>;
  appended: T[];
}

/** The change from `before` to `after`, or undefined when `after` is not `before` with elements replaced in place and appended. */
export function listChange<T>(before: readonly T[], after: readonly T[]): ListChange<T> | undefined {
  const replaced = new Map<number, T>();
  if (before === after) return { replaced, appended: [] };
  if (after.length < before.length) return undefined;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) replaced.set(i, after[i]);
  return { replaced, appended: after.slice(before.length) };
}

/** What left the list (`was`) and what came in (`now`). */
export function changedElements<T>(before: readonly T[], c: ListChange<T>): { was: T[]; now: T[] } {
  return { was: [...c.replaced.keys()].map((i) => before[i]), now: [...c.replaced.values(), ...c.appended] };
}

export interface DocChange {
  components: ListChange<Component>;
  domains: ListChange<FailureDomain>;
  links: ListChange<Link>;
}

/** The change from `before` to `after`; undefined when it is not of that shape, or touches the document's own fields. */
export function docChange(before: Topology, after: Topology): DocChange | undefined {
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'components' || k === 'domains' || k === 'links') continue;
    if ((before as unknown as Record<string, unknown>)[k] !== (after as unknown as Record<string, unknown>)[k]) return undefined;
  }
  const components = listChange(before.components, after.components);
  const domains = listChange(before.domains, after.domains);
  const links = listChange(before.links, after.links);
  return components && domains && links ? { components, domains, links } : undefined;
}
