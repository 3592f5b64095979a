// What an import note lets the person correct in one step, and the edit that does it.
// Notes come from any importer (src/import/notes.ts); the subject names a component, a
// domain or a link (`from->to`), the field says what was decided. Pure: each correction
// maps the document to a new one, applied by the store as one undo step.
import type { ImportNote } from '../import/notes';
import { COMPONENT_KINDS, DOMAIN_KINDS, linkElementId, linkType, ROLES, type Component, type ComponentKind, type DomainKind, type FailureDomain, type Link, type Role, type Topology } from '../model';
import { patchObject } from './edits';

export type Correction =
  | { type: 'component-kind'; id: string; value: ComponentKind; options: readonly ComponentKind[] }
  | { type: 'domain-kind'; id: string; value: DomainKind; options: readonly DomainKind[] }
  | { type: 'role'; id: string; value: Role; options: readonly Role[] }
  | { type: 'action'; label: string; apply: (doc: Topology) => Topology };

/** The element a note is about, as it is in the document now. */
export type NoteSubject =
  | { type: 'component'; id: string; label: string }
  | { type: 'domain'; id: string; label: string }
  | { type: 'link'; link: Link; label: string };

export function subjectOf(doc: Topology, subject: string | undefined): NoteSubject | undefined {
  if (subject === undefined) return undefined;
  const c = doc.components.find((x) => x.id === subject);
  if (c) return { type: 'component', id: c.id, label: c.label ?? c.id };
  const d = doc.domains.find((x) => x.id === subject);
  if (d) return { type: 'domain', id: d.id, label: d.label ?? d.id };
  const link = doc.links.find((l) => linkElementId(l) === subject);
  if (!link) return undefined;
  const name = (id: string) => {
    const n = doc.components.find((x) => x.id === id);
    return n?.label ?? id;
  };
  return { type: 'link', link, label: `${name(link.from)} → ${name(link.to)}` };
}

/**
 * The names of a note's subject when it is no element of the document now: a drawn arrow
 * the import did not make a link (an answer drawn back) is named by its ends, `A → B`.
 */
export function subjectName(doc: Topology, subject: string | undefined): string | undefined {
  const s = subjectOf(doc, subject);
  if (s) return s.label;
  const ends = subject?.split('->');
  if (!ends || ends.length !== 2) return subject;
  const names = ends.map((id) => doc.components.find((c) => c.id === id)).map((c) => c && (c.label ?? c.id));
  return names[0] !== undefined && names[1] !== undefined ? `${names[0]} → ${names[1]}` : subject;
}

/** The one-step correction a note offers, or undefined when it offers none (a warning, a note about nothing that is still there). */
export function correctionOf(doc: Topology, note: ImportNote): Correction | undefined {
  const s = subjectOf(doc, note.subject);
  if (!s || !note.field) return undefined;
  if (s.type === 'domain') {
    const d = doc.domains.find((x) => x.id === s.id)!;
    return note.field === 'kind' ? { type: 'domain-kind', id: s.id, value: d.kind, options: DOMAIN_KINDS } : undefined;
  }
  if (s.type === 'component') {
    const c = doc.components.find((x) => x.id === s.id)!;
    switch (note.field) {
      case 'kind':
        return { type: 'component-kind', id: c.id, value: c.kind, options: COMPONENT_KINDS };
      case 'role':
        return { type: 'role', id: c.id, value: c.role ?? 'primary', options: ROLES };
      case 'replicas':
        return (c.replicas ?? 1) > 1 ? { type: 'action', label: 'One instance', apply: (t) => patchComponent(t, c.id, { replicas: undefined, minHealthy: undefined }) } : undefined;
      case 'availability':
        return c.availability === 1 ? { type: 'action', label: 'Can fail', apply: (t) => patchComponent(t, c.id, { availability: undefined }) } : undefined;
      default:
        return undefined;
    }
  }
  const l = s.link;
  switch (note.field) {
    case 'optional':
      return linkType(l) === 'dependency'
        ? { type: 'action', label: l.optional ? 'Make required' : 'Make optional', apply: (t) => patchLink(t, l, { optional: l.optional ? undefined : true }) }
        : undefined;
    case 'type':
      return linkType(l) === 'replication'
        ? { type: 'action', label: 'Make it a dependency', apply: (t) => replaceLink(t, l, { from: l.from, to: l.to }) }
        : { type: 'action', label: 'Make it replication', apply: (t) => replaceLink(t, l, { from: l.from, to: l.to, type: 'replication', mode: 'async' }) };
    case 'direction':
      return linkType(l) === 'dependency' && !dependencyIds(doc).has(`${l.to}->${l.from}`)
        ? { type: 'action', label: 'Reverse', apply: (doc2) => replaceLink(doc2, l, { ...l, from: l.to, to: l.from }) }
        : undefined;
    case 'group':
      if (linkType(l) !== 'dependency') return undefined;
      if (l.group?.startsWith('copies:') || l.group?.startsWith('failover:')) return { type: 'action', label: 'Each required', apply: (doc2) => patchLink(doc2, l, { group: `component:${l.to}` }) };
      return l.group !== undefined
        ? { type: 'action', label: 'Make alternatives', apply: (doc2) => patchLink(doc2, l, { group: undefined }) }
        : { type: 'action', label: 'Own group', apply: (doc2) => patchLink(doc2, l, { group: `component:${l.to}` }) };
    default:
      return undefined;
  }
}

/** The element ids of the document's dependency links. */
function dependencyIds(doc: Topology): Set<string> {
  return new Set(doc.links.filter((l) => linkType(l) === 'dependency').map(linkElementId));
}

export function patchComponent(doc: Topology, id: string, patch: Partial<Component>): Topology {
  return { ...doc, components: doc.components.map((c) => (c.id === id ? patchObject(c, patch) : c)) };
}

export function patchDomain(doc: Topology, id: string, patch: Partial<FailureDomain>): Topology {
  return { ...doc, domains: doc.domains.map((d) => (d.id === id ? patchObject(d, patch) : d)) };
}

/** Sets a component's role; a standby gets a temperature (warm) and loses it when it stops being one. */
export function setRole(doc: Topology, id: string, role: Role): Topology {
  const c = doc.components.find((x) => x.id === id);
  if (!c) return doc;
  return patchComponent(doc, id, role === 'standby' ? { role, standby: c.standby ?? 'warm' } : { role: role === 'primary' ? undefined : role, standby: undefined, failoverSeconds: undefined });
}

function patchLink(doc: Topology, link: Link, patch: Partial<Link>): Topology {
  return { ...doc, links: doc.links.map((l) => (l === link ? patchObject(l, patch) : l)) };
}

function replaceLink(doc: Topology, link: Link, next: Link): Topology {
  return { ...doc, links: doc.links.map((l) => (l === link ? next : l)) };
}
