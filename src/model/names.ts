// How an element is named in words, one rule for the engine's findings, the CLI and the
// app: its label, then its id in parentheses when they differ, and a kind word only when
// the name does not already say it (`zone "us-east-1a" (use1a)`, but `"DNS" (dns)`, never
// `DNS "DNS" (dns)`). Pure: the app, the worker and the CLI share it.
import type { Component, FailureDomain, Topology } from './schema';

/** The prefix of an implicit client's id (DESIGN section 2, "Entry points when there is no client"). */
export const ENTRY_PREFIX = 'entry:';

/** The entry point behind an implicit client id `entry:<id>`, or undefined. */
export function implicitClientTarget(id: string): string | undefined {
  return id.startsWith(ENTRY_PREFIX) ? id.slice(ENTRY_PREFIX.length) : undefined;
}

interface Index { components: Map<string, Component>; domains: Map<string, FailureDomain> }

// Documents are immutable: one index per document (a 1,000-component report names
// thousands of elements; scanning the arrays for each took hundreds of milliseconds).
const indexes = new WeakMap<Topology, Index>();

function indexOf(t: Topology): Index {
  let index = indexes.get(t);
  if (!index) {
    const first = <T extends { id: string }>(list: readonly T[]) => {
      const m = new Map<string, T>();
      for (const x of list) if (!m.has(x.id)) m.set(x.id, x);
      return m;
    };
    index = { components: first(t.components), domains: first(t.domains) };
    indexes.set(t, index);
  }
  return index;
}

/**
 * The name a person gave a component or domain: its label, or its id when the label is
 * absent or empty (an empty label names nothing). The implicit client in front of an entry
 * point is "Users of <entry point>", as the engine labels it; any other id comes back as it is.
 */
export function labelOf(t: Topology, id: string): string {
  const { components, domains } = indexOf(t);
  const x = components.get(id) ?? domains.get(id);
  if (x) return x.label || x.id;
  const entry = implicitClientTarget(id);
  return entry !== undefined && components.has(entry) ? `Users of ${labelOf(t, entry)}` : id;
}

/**
 * `"Primary DB" (db)`: the label quoted, then the id when it differs (`"db"` when they are
 * the same). `kind` ("Zone", "load balancer") goes first only when it adds information,
 * that is when neither the label nor the id already says it: `Zone "us-east-1a" (use1a)`,
 * `"Managed load balancer" (lb)`, `"DNS" (dns)`.
 */
export function named(t: Topology, id: string, kind?: string): string {
  const label = labelOf(t, id);
  const name = label === id ? `"${id}"` : `"${label}" (${id})`;
  return kind === undefined || says(label, kind) || says(id, kind) ? name : `${kind} ${name}`;
}

/** Short forms a label uses for a kind word: "LB" says load balancer, "DB" database. */
const SHORT_FORMS: Record<string, readonly string[]> = {
  'load balancer': ['lb', 'alb', 'elb', 'nlb', 'loadbalancer'],
  database: ['db'],
  'data centre': ['data center', 'datacenter', 'datacentre', 'dc'],
  zone: ['az', 'availability zone'],
};

const words = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** Whether a name already says the kind: the kind word (or a short form of it) as whole words. */
function says(name: string, kind: string): boolean {
  const text = words(name);
  const k = words(kind).trim();
  return [k, ...(SHORT_FORMS[k] ?? [])].some((form) => text.includes(` ${form} `));
}
