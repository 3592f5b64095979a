// Cross-reference rules the schema cannot express: unique ids, references that
// resolve, no parent cycles, sensible pools, requires and standbys.
import { isStandby, linkType, replicasOf, minHealthyOf } from './derive';
import { groupResolver } from './groups';
import { ERROR_CODES, WARNING_CODES, type Problem } from './issues';
import type { Topology } from './schema';

export function validateReferences(t: Topology): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err = (code: Problem['code'], path: string, message: string) => errors.push({ code, path, message });

  // Ids are unique across components, domains and links.
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) err(ERROR_CODES.duplicateId, path, `duplicate id "${id}" (also ${first})`);
    else seen.set(id, path);
  };
  t.domains.forEach((d, i) => claim(d.id, `domains[${i}].id`));
  t.components.forEach((c, i) => claim(c.id, `components[${i}].id`));
  t.links.forEach((l, i) => l.id !== undefined && claim(l.id, `links[${i}].id`));

  const components = new Map(t.components.map((c) => [c.id, c]));
  const domains = new Map(t.domains.map((d) => [d.id, d]));

  t.domains.forEach((d, i) => {
    if (d.parent !== undefined && !domains.has(d.parent)) {
      err(ERROR_CODES.danglingReference, `domains[${i}].parent`, `no domain "${d.parent}"`);
    }
    reliabilityConflicts(d, `domains[${i}]`, err);
  });
  reportDomainCycles(t, err);

  t.components.forEach((c, i) => {
    const at = `components[${i}]`;
    if (c.domain !== undefined && !domains.has(c.domain)) err(ERROR_CODES.danglingReference, `${at}.domain`, `no domain "${c.domain}"`);
    c.domains?.forEach((d, j) => {
      if (!domains.has(d)) err(ERROR_CODES.danglingReference, `${at}.domains[${j}]`, `no domain "${d}"`);
    });
    if (c.domain !== undefined && c.domains !== undefined) {
      err(ERROR_CODES.reliabilityConflict, `${at}.domains`, 'give either domain or domains, not both');
    }
    if (minHealthyOf(c) > replicasOf(c)) {
      err(ERROR_CODES.minHealthyRange, `${at}.minHealthy`, `must be between 1 and replicas (${replicasOf(c)}) (got ${c.minHealthy})`);
    }
    reliabilityConflicts(c, at, err);
  });

  const pairs = new Map<string, number>();
  t.links.forEach((l, i) => {
    const at = `links[${i}]`;
    if (!components.has(l.from)) err(ERROR_CODES.danglingReference, `${at}.from`, `no component "${l.from}"`);
    if (!components.has(l.to)) err(ERROR_CODES.danglingReference, `${at}.to`, `no component "${l.to}"`);
    if (l.from === l.to) err(ERROR_CODES.selfLink, `${at}.to`, `a link from "${l.from}" to itself`);
    const key = `${linkType(l)}\u0000${l.from}\u0000${l.to}`;
    const first = pairs.get(key);
    if (first !== undefined) err(ERROR_CODES.duplicateLink, at, `repeats links[${first}] (${l.from} -> ${l.to})`);
    else pairs.set(key, i);
    if (linkType(l) === 'replication') {
      for (const field of ['optional', 'group', 'availability'] as const) {
        if (l[field] !== undefined) err(ERROR_CODES.replicationField, `${at}.${field}`, 'replication links carry no dependency: remove it or make the link a dependency');
      }
    } else {
      for (const field of ['mode', 'lagSeconds', 'intervalSeconds'] as const) {
        if (l[field] !== undefined) err(ERROR_CODES.dependencyField, `${at}.${field}`, 'only replication links have it: set "type": "replication" or remove it');
      }
    }
  });
  if (errors.length > 0) return { errors, warnings };

  checkGroups(t, err);
  collectWarnings(t, warnings);
  return { errors, warnings };
}

type Report = (code: Problem['code'], path: string, message: string) => void;

function reliabilityConflicts(
  x: { availability?: number; mtbfHours?: number; mttrHours?: number },
  at: string,
  err: Report,
): void {
  if (x.availability !== undefined && x.mtbfHours !== undefined) {
    err(ERROR_CODES.reliabilityConflict, `${at}.mtbfHours`, 'give either availability or mtbfHours with mttrHours, not both');
  } else if (x.mtbfHours !== undefined && x.mttrHours === undefined) {
    err(ERROR_CODES.reliabilityConflict, `${at}.mttrHours`, 'missing: mtbfHours needs mttrHours');
  }
}

function reportDomainCycles(t: Topology, err: Report): void {
  const index = new Map(t.domains.map((d, i) => [d.id, i]));
  const reported = new Set<string>();
  t.domains.forEach((start) => {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let cur: string | undefined = start.id;
    while (cur !== undefined && index.has(cur) && !onChain.has(cur)) {
      chain.push(cur);
      onChain.add(cur);
      cur = t.domains[index.get(cur)!].parent;
    }
    if (cur === undefined || !onChain.has(cur)) return;
    const cycle = chain.slice(chain.indexOf(cur));
    const key = [...cycle].sort().join('\u0000');
    if (reported.has(key)) return;
    reported.add(key);
    err(ERROR_CODES.domainCycle, `domains[${index.get(cur)!}].parent`, `parent cycle: ${[...cycle, cur].join(' -> ')}`);
  });
}

function checkGroups(t: Topology, err: Report): void {
  const groupOf = groupResolver(t);
  const components = new Map(t.components.map((c) => [c.id, c]));
  // source id -> group -> non-optional targets
  const groups = new Map<string, Map<string, string[]>>();
  const anyLinkGroups = new Map<string, Set<string>>();
  for (const l of t.links) {
    if (linkType(l) !== 'dependency') continue;
    const g = groupOf(l);
    if (!anyLinkGroups.has(l.from)) anyLinkGroups.set(l.from, new Set());
    anyLinkGroups.get(l.from)!.add(g);
    if (l.optional) continue;
    if (!groups.has(l.from)) groups.set(l.from, new Map());
    const byGroup = groups.get(l.from)!;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(l.to);
  }

  t.components.forEach((c, i) => {
    for (const [group, req] of Object.entries(c.requires ?? {})) {
      const at = `components[${i}].requires${/^[A-Za-z_$][\w$]*$/.test(group) ? `.${group}` : `[${JSON.stringify(group)}]`}`;
      if (!anyLinkGroups.get(c.id)?.has(group)) {
        const known = [...(anyLinkGroups.get(c.id) ?? [])];
        err(ERROR_CODES.requiresUnknownGroup, at, `"${c.id}" has no dependency link in group "${group}"${known.length ? ` (its groups: ${known.join(', ')})` : ' (it has no dependency links)'}`);
        continue;
      }
      const size = groups.get(c.id)?.get(group)?.length ?? 0;
      if (req.min > size) {
        err(ERROR_CODES.requiresTooMany, `${at}.min`, `group "${group}" has ${size} required target${size === 1 ? '' : 's'} (got min ${req.min})`);
      }
    }
  });

  // A standby must share a dependency group with an active member it stands behind.
  const backed = new Set<string>();
  for (const byGroup of groups.values()) {
    for (const targets of byGroup.values()) {
      if (targets.some((id) => !isStandby(components.get(id)!))) {
        for (const id of targets) backed.add(id);
      }
    }
  }
  t.components.forEach((c, i) => {
    if (isStandby(c) && !backed.has(c.id)) {
      err(ERROR_CODES.standbyAlone, `components[${i}].role`, `standby "${c.id}" stands behind nothing: link what needs it to it and to an active component in the same group`);
    }
  });
}

function collectWarnings(t: Topology, warnings: Problem[]): void {
  const clients = t.components.filter((c) => c.kind === 'client');
  if (clients.length === 0) {
    warnings.push({ code: WARNING_CODES.noClient, path: 'components', message: 'no client component: add one (kind "client") for the users or each user journey; nothing is analysed without one' });
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
      warnings.push({ code: WARNING_CODES.orphan, path: `components[${i}]`, message: `"${c.id}" has no links` });
    } else if (clients.length > 0 && !reached.has(c.id)) {
      warnings.push({ code: WARNING_CODES.unreachable, path: `components[${i}]`, message: `no client reaches "${c.id}"` });
    }
  });
  t.links.forEach((l, i) => {
    if (linkType(l) === 'replication' && kinds.get(l.from) !== kinds.get(l.to)) {
      warnings.push({ code: WARNING_CODES.replicationKinds, path: `links[${i}]`, message: `replication between different kinds (${kinds.get(l.from)} -> ${kinds.get(l.to)})` });
    }
  });
}
