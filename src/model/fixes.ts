// One-click fixes of modelling warnings, as data: the validator names the change (it runs
// in the worker and the CLI, so a fix must be plain JSON), `applyFix` makes it. The app
// applies a fix as one undoable step; the CLI prints its label.
import { linkType } from './derive';
import { keyedCopy } from './keyed';
import type { Component, Link, Topology } from './schema';

export type Fix =
  /** Sets fields of a component and removes others (`role: 'replica'` drops `standby`). */
  | { kind: 'set-component'; label: string; component: string; set: Partial<Pick<Component, 'role' | 'minHealthy' | 'replicas'>>; unset?: ('standby' | 'failoverSeconds' | 'role')[] }
  /** Adds an async replication link `from` -> `to`. */
  | { kind: 'add-replication'; label: string; from: string; to: string }
  /** Sets the `min` of one group in a component's `requires`, or removes the entry (min undefined). */
  | { kind: 'set-requires'; label: string; component: string; group: string; min?: number }
  /** Turns the replication link `from` -> `to` into a dependency link. */
  | { kind: 'make-dependency'; label: string; from: string; to: string };

/** The document with the fix applied; the same document when the fix no longer applies. */
export function applyFix(t: Topology, fix: Fix): Topology {
  switch (fix.kind) {
    case 'set-component':
      return editComponent(t, fix.component, (c) => {
        const out: Record<string, unknown> = { ...c, ...fix.set };
        for (const key of fix.unset ?? []) delete out[key];
        return out as Component;
      });
    case 'set-requires':
      return editComponent(t, fix.component, (c) => {
        const entries = Object.entries(c.requires ?? {}).filter(([g]) => g !== fix.group);
        if (fix.min !== undefined) entries.push([fix.group, { min: fix.min }]);
        const out = { ...c };
        if (entries.length) out.requires = keyedCopy(entries);
        else delete out.requires;
        return out;
      });
    case 'add-replication': {
      const ids = new Set(t.components.map((c) => c.id));
      const exists = t.links.some((l) => linkType(l) === 'replication' && l.from === fix.from && l.to === fix.to);
      if (!ids.has(fix.from) || !ids.has(fix.to) || fix.from === fix.to || exists) return t;
      const link: Link = { from: fix.from, to: fix.to, type: 'replication', mode: 'async' };
      return { ...t, links: [...t.links, link] };
    }
    case 'make-dependency': {
      const clash = t.links.some((l) => linkType(l) === 'dependency' && l.from === fix.from && l.to === fix.to);
      const at = t.links.findIndex((l) => linkType(l) === 'replication' && l.from === fix.from && l.to === fix.to);
      if (at < 0 || clash) return t;
      const { id, label, from, to } = t.links[at];
      const link: Link = { ...(id !== undefined ? { id } : {}), from, to, ...(label !== undefined ? { label } : {}) };
      return { ...t, links: t.links.map((l, i) => (i === at ? link : l)) };
    }
  }
}

function editComponent(t: Topology, id: string, edit: (c: Component) => Component): Topology {
  if (!t.components.some((c) => c.id === id)) return t;
  return { ...t, components: t.components.map((c) => (c.id === id ? edit(c) : c)) };
}
