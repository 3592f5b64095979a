// Modelling warnings (DESIGN section 2, "Validation, versions"): states a person reaches while
// drawing. The document loads and is analysed with the meaning each message states; where
// one change resolves it, the warning carries it as a one-click fix (fixes.ts).
import { isStandby, linkType, minHealthyOf, replicasOf } from './derive';
import type { Fix } from './fixes';
import { groupResolver } from './groups';
import { formatPath, WARNING_CODES, type Problem } from './issues';
import { lookalikeIdWarnings } from './lookalikes';
import type { Component, Topology } from './schema';

export function modellingWarnings(t: Topology): Problem[] {
  const warnings: Problem[] = [];
  t.components.forEach((c, i) => {
    if (c.kind === 'client' || minHealthyOf(c) <= replicasOf(c)) return;
    const n = replicasOf(c);
    warnings.push({
      code: WARNING_CODES.minHealthyRange,
      path: `components[${i}].minHealthy`,
      message: `${c.minHealthy} of ${n} instance${n === 1 ? '' : 's'} must work: it never works until minHealthy is at most replicas`,
      neverWorks: c.id,
      fixes: [
        { kind: 'set-component', label: `require ${n} of ${n} instance${n === 1 ? '' : 's'} of ${c.id}`, component: c.id, set: { minHealthy: n } },
        { kind: 'set-component', label: `give ${c.id} ${c.minHealthy} replicas`, component: c.id, set: { replicas: c.minHealthy } },
      ],
    });
  });
  t.components.forEach((c, i) => {
    if (c.kind === 'client' || c.downtimeCostPerHour === undefined) return;
    warnings.push({
      code: WARNING_CODES.downtimeCostNotClient,
      path: `components[${i}].downtimeCostPerHour`,
      message: `only a client's outage has a cost: it is ignored on a ${c.kind}; set it on the clients whose outage it is, or on the design for all of them`,
    });
  });
  groupWarnings(t, warnings);
  reachWarnings(t, warnings);
  lookalikeIdWarnings(t, warnings);
  return warnings;
}

/** The components that never work, even with nothing failed (DESIGN section 2's stated meanings). */
export function neverWorking(t: Topology): string[] {
  return [...new Set(modellingWarnings(t).flatMap((w) => (w.neverWorks === undefined ? [] : [w.neverWorks])))];
}

/** `requires` entries that do not fit their groups, and standbys that stand behind nothing. */
function groupWarnings(t: Topology, warnings: Problem[]): void {
  const groupOf = groupResolver(t);
  const components = new Map(t.components.map((c) => [c.id, c]));
  // source id -> group -> required (non-optional) targets; and every group with any dependency link.
  const required = new Map<string, Map<string, string[]>>();
  const anyLinkGroups = new Map<string, Set<string>>();
  const callers = new Map<string, string[]>();
  // Each source's required targets (links in any group), for the standbys' fixes.
  const calls = new Map<string, string[]>();
  for (const l of t.links) {
    if (linkType(l) !== 'dependency') continue;
    const g = groupOf(l);
    if (!anyLinkGroups.has(l.from)) anyLinkGroups.set(l.from, new Set());
    anyLinkGroups.get(l.from)!.add(g);
    if (l.optional) continue;
    if (!required.has(l.from)) required.set(l.from, new Map());
    const byGroup = required.get(l.from)!;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(l.to);
    if (!callers.has(l.to)) callers.set(l.to, []);
    callers.get(l.to)!.push(l.from);
    if (!calls.has(l.from)) calls.set(l.from, []);
    calls.get(l.from)!.push(l.to);
  }

  t.components.forEach((c, i) => {
    for (const [group, req] of Object.entries(c.requires ?? {})) {
      const at = `components[${i}].${formatPath(['requires', group])}`;
      const remove: Fix = { kind: 'set-requires', label: `remove the requirement on ${group} from ${c.id}`, component: c.id, group };
      if (!anyLinkGroups.get(c.id)?.has(group)) {
        const known = [...(anyLinkGroups.get(c.id) ?? [])];
        warnings.push({
          code: WARNING_CODES.requiresUnknownGroup,
          path: at,
          message: `no dependency link in group "${group}"${known.length ? ` (its groups: ${known.join(', ')})` : ' (it has no dependency links)'}: the requirement is ignored`,
          fixes: [remove],
        });
        continue;
      }
      const size = required.get(c.id)?.get(group)?.length ?? 0;
      if (req.min <= size) continue;
      warnings.push({
        code: WARNING_CODES.requiresTooMany,
        path: `${at}.min`,
        message: size === 0
          ? `group "${group}" has no required target (its links are optional): the requirement of ${req.min} is ignored`
          : `group "${group}" has ${size} required target${size === 1 ? '' : 's'} but ${req.min} must work: it never works until min is at most ${size}`,
        ...(size === 0 ? {} : { neverWorks: c.id }),
        fixes: size === 0 ? [remove] : [{ kind: 'set-requires', label: `require ${size} of ${group} for ${c.id}`, component: c.id, group, min: size }, remove],
      });
    }
  });

  // A standby stands behind an active member of a group it is in; otherwise it takes over for nothing.
  const backed = new Set<string>();
  for (const byGroup of required.values()) {
    for (const targets of byGroup.values()) {
      if (targets.some((id) => !isStandby(components.get(id)!))) for (const id of targets) backed.add(id);
    }
  }
  const firstActive = firstActiveOf(calls, components);
  t.components.forEach((c, i) => {
    if (!isStandby(c) || backed.has(c.id)) return;
    warnings.push({
      code: WARNING_CODES.standbyAlone,
      path: `components[${i}].role`,
      message: 'this standby stands behind nothing: it takes over for nothing (no failover), and what links to it needs it like any other component',
      fixes: standbyFixes(c, callers, firstActive),
    });
  });
}

/**
 * The active components of the standby's kind that its callers also call: replication from
 * one of them puts both in one group (copies of the same data), which is the usual intent.
 * Three are offered, the first by id: each caller's first three are worked out once per kind
 * (a standby is never active, so it is never among them), not each link once per standby
 * (500 standbys in an estate of 100,000 links took 4 s to load).
 */
function standbyFixes(standby: Component, callers: Map<string, string[]>, firstActive: (source: string, kind: string) => string[]): Fix[] {
  const partners = new Set<string>();
  for (const source of callers.get(standby.id) ?? []) for (const p of firstActive(source, standby.kind)) partners.add(p);
  const fixes: Fix[] = [...partners].sort().slice(0, 3).map((p) => ({ kind: 'add-replication', label: `link ${p} to ${standby.id} by replication`, from: p, to: standby.id }));
  fixes.push({ kind: 'set-component', label: `make ${standby.id} a replica`, component: standby.id, set: { role: 'replica' }, unset: ['standby', 'failoverSeconds'] });
  return fixes;
}

/** The first three active components of a kind that a source requires, by id; once per source and kind. */
function firstActiveOf(calls: Map<string, string[]>, components: Map<string, Component>): (source: string, kind: string) => string[] {
  const memo = new Map<string, string[]>();
  return (source, kind) => {
    const key = `${kind}\u0000${source}`;
    let first = memo.get(key);
    if (!first) {
      const ids = new Set((calls.get(source) ?? []).filter((id) => components.get(id)!.kind === kind && !isStandby(components.get(id)!)));
      memo.set(key, (first = [...ids].sort().slice(0, 3)));
    }
    return first;
  };
}

/** No client; components with no links; components no client reaches; replication between kinds. */
function reachWarnings(t: Topology, warnings: Problem[]): void {
  const clients = t.components.filter((c) => c.kind === 'client');
  if (clients.length === 0) {
    warnings.push({ code: WARNING_CODES.noClient, path: 'components', message: 'no client component: the analysis starts from the entry points (the components nothing calls); add a client (kind "client") for the users or each user journey' });
  }
  const linked = new Set<string>();
  const next = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    if (!next.has(a)) next.set(a, []);
    next.get(a)!.push(b);
  };
  for (const l of t.links) {
    linked.add(l.from);
    linked.add(l.to);
    add(l.from, l.to);
    // Replication reaches both ways: a backup target is part of the design.
    if (linkType(l) === 'replication') add(l.to, l.from);
  }
  const reached = new Set<string>(clients.map((c) => c.id));
  const stack = clients.map((c) => c.id);
  while (stack.length) {
    for (const n of next.get(stack.pop()!) ?? []) {
      if (!reached.has(n)) {
        reached.add(n);
        stack.push(n);
      }
    }
  }
  const kinds = new Map(t.components.map((c) => [c.id, c.kind]));
  t.components.forEach((c, i) => {
    if (c.kind === 'client') return;
    if (!linked.has(c.id)) {
      warnings.push({ code: WARNING_CODES.orphan, path: `components[${i}]`, message: 'has no links' });
    } else if (clients.length > 0 && !reached.has(c.id)) {
      warnings.push({ code: WARNING_CODES.unreachable, path: `components[${i}]`, message: 'no client reaches it' });
    }
  });
  const dependencies = new Set(t.links.filter((l) => linkType(l) === 'dependency').map((l) => `${l.from}\u0000${l.to}`));
  t.links.forEach((l, i) => {
    if (linkType(l) !== 'replication' || kinds.get(l.from) === kinds.get(l.to)) return;
    const canConvert = !dependencies.has(`${l.from}\u0000${l.to}`);
    warnings.push({
      code: WARNING_CODES.replicationKinds,
      path: `links[${i}]`,
      message: `replication between different kinds (${kinds.get(l.from)} -> ${kinds.get(l.to)}): the two are still taken as copies of the same data`,
      ...(canConvert ? { fixes: [{ kind: 'make-dependency', label: `make ${l.from} -> ${l.to} a dependency link`, from: l.from, to: l.to } satisfies Fix] } : {}),
    });
  });
}
