// Cross-reference rules the schema cannot express: unique and unambiguous ids, references
// that resolve, no parent cycles, fields that belong together. These are errors: a document
// that breaks them cannot be read. What a person reaches while drawing (a standby behind
// nothing yet, minHealthy above replicas, ...) is a warning: modelling.ts.
import { instanceCount, linkType, replicasOf } from './derive';
import { ERROR_CODES, type Problem } from './issues';
import { MAX_CLIENTS, MAX_COMPONENTS, MAX_DOMAIN_DEPTH, MAX_DOMAINS, MAX_INSTANCES, MAX_LINKS, MAX_REPLICAS, numberText } from './limits';
import { modellingWarnings } from './modelling';
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
  reportInstanceLookalikes(t, seen, err);

  const components = new Map(t.components.map((c) => [c.id, c]));
  const domains = new Map(t.domains.map((d) => [d.id, d]));

  t.domains.forEach((d, i) => {
    if (d.parent !== undefined && !domains.has(d.parent)) {
      err(ERROR_CODES.danglingReference, `domains[${i}].parent`, `no domain "${d.parent}"`);
    }
    reliabilityConflicts(d, `domains[${i}]`, err);
  });
  reportDomainNesting(t, err);
  reportSizes(t, err);

  t.components.forEach((c, i) => {
    const at = `components[${i}]`;
    if (c.domain !== undefined && !domains.has(c.domain)) err(ERROR_CODES.danglingReference, `${at}.domain`, `no domain "${c.domain}"`);
    c.domains?.forEach((d, j) => {
      if (!domains.has(d)) err(ERROR_CODES.danglingReference, `${at}.domains[${j}]`, `no domain "${d}"`);
    });
    if (c.domain !== undefined && c.domains !== undefined) {
      err(ERROR_CODES.reliabilityConflict, `${at}.domains`, 'give either domain or domains, not both');
    }
    reliabilityConflicts(c, at, err);
  });

  reportRepeatedLinks(t, err);
  t.links.forEach((l, i) => {
    const at = `links[${i}]`;
    if (!components.has(l.from)) err(ERROR_CODES.danglingReference, `${at}.from`, `no component "${l.from}"`);
    if (!components.has(l.to)) err(ERROR_CODES.danglingReference, `${at}.to`, `no component "${l.to}"`);
    if (l.from === l.to) err(ERROR_CODES.selfLink, `${at}.to`, `a link from "${l.from}" to itself`);
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

  // Not push(...): a spread's arguments go on the stack, and a `requires` of 500,000 groups
  // with no link gives as many warnings (a stack overflow, exit 70).
  for (const w of modellingWarnings(t)) warnings.push(w);
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

/**
 * Parent cycles and nesting deeper than MAX_DOMAIN_DEPTH, in one pass over the domains: each
 * chain is walked up to a domain already settled, so the work is linear in the domains
 * (walking every chain to its root was quadratic: 10,000 nested domains took seconds).
 */
function reportDomainNesting(t: Topology, err: Report): void {
  const index = new Map(t.domains.map((d, i) => [d.id, i]));
  /** Depth of each settled domain (1 at a root); -1 on a cycle; undefined while unsettled. */
  const depth: (number | undefined)[] = new Array(t.domains.length);
  let tooDeep = false;
  t.domains.forEach((_, start) => {
    const chain: number[] = [];
    const onChain = new Map<number, number>();
    let cur: number | undefined = start;
    while (cur !== undefined && depth[cur] === undefined && !onChain.has(cur)) {
      onChain.set(cur, chain.length);
      chain.push(cur);
      const parent: string | undefined = t.domains[cur].parent;
      cur = parent === undefined ? undefined : index.get(parent);
    }
    let below: number;
    if (cur !== undefined && onChain.has(cur)) {
      const cycle = chain.slice(onChain.get(cur)!);
      const ids = cycle.map((i) => t.domains[i].id);
      err(ERROR_CODES.domainCycle, `domains[${cur}].parent`, `parent cycle: ${[...ids, ids[0]].join(' -> ')}`);
      for (const i of cycle) depth[i] = -1;
      chain.length = onChain.get(cur)!;
      below = -1;
    } else {
      below = cur === undefined ? 0 : depth[cur]!;
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      below = below < 0 ? -1 : below + 1;
      depth[chain[k]] = below;
      if (below > MAX_DOMAIN_DEPTH && !tooDeep) {
        tooDeep = true;
        err(ERROR_CODES.tooDeep, `domains[${chain[k]}].parent`, `"${t.domains[chain[k]].id}" is nested ${numberText(below)} domains deep; at most ${numberText(MAX_DOMAIN_DEPTH)} levels are read`);
      }
    }
  });
}

/**
 * The rules of a readable document that an edit of a readable document can break, and only
 * those: an id that a pool's instance would take (raising replicas, a rename), sizes (pasting
 * clients, raising replicas), nesting depth (dragging containers into containers). Linear, so
 * the editor checks every edit with it (a whole parse costs tens of ms at 1,000 components);
 * an edit that breaks one changes nothing and says why, so every state the editor reaches
 * reopens from the autosave, a file and a share link.
 */
export function editBreaks(t: Topology): Problem[] {
  const errors: Problem[] = [];
  const err = (code: Problem['code'], path: string, message: string) => errors.push({ code, path, message });
  const idPaths = new Map<string, string>();
  t.domains.forEach((d, i) => idPaths.set(d.id, `domains[${i}].id`));
  t.components.forEach((c, i) => idPaths.set(c.id, `components[${i}].id`));
  t.links.forEach((l, i) => l.id !== undefined && idPaths.set(l.id, `links[${i}].id`));
  reportInstanceLookalikes(t, idPaths, err);
  reportRepeatedLinks(t, err);
  reportDomainNesting(t, err);
  reportSizes(t, err);
  const counts: [unknown[], number, string][] = [[t.components, MAX_COMPONENTS, 'components'], [t.domains, MAX_DOMAINS, 'domains'], [t.links, MAX_LINKS, 'links']];
  for (const [list, max, path] of counts) {
    if (list.length > max) err(ERROR_CODES.tooLarge, path, `${numberText(list.length)} ${path}; at most ${numberText(max)} are read`);
  }
  t.components.forEach((c, i) => {
    if ((c.replicas ?? 1) > MAX_REPLICAS) err(ERROR_CODES.tooLarge, `components[${i}].replicas`, `must be at most ${numberText(MAX_REPLICAS)}`);
  });
  return errors;
}

/** Two links of one type between the same ends: turning a link's type can make one (the editor checks it). */
function reportRepeatedLinks(t: Topology, err: Report): void {
  const pairs = new Map<string, number>();
  t.links.forEach((l, i) => {
    const key = `${linkType(l)}\u0000${l.from}\u0000${l.to}`;
    const first = pairs.get(key);
    if (first !== undefined) err(ERROR_CODES.duplicateLink, `links[${i}]`, `repeats links[${first}] (${l.from} -> ${l.to})`);
    else pairs.set(key, i);
  });
}

/** Clients and instances within their limits: the analysis keeps figures per client and per instance. */
function reportSizes(t: Topology, err: Report): void {
  let clients = 0;
  for (const c of t.components) if (c.kind === 'client') clients++;
  const instances = instanceCount(t.components);
  if (clients > MAX_CLIENTS) err(ERROR_CODES.tooLarge, 'components', `${numberText(clients)} clients; at most ${numberText(MAX_CLIENTS)} are analysed`);
  if (instances > MAX_INSTANCES) err(ERROR_CODES.tooLarge, 'components', `${numberText(instances)} instances (replicas summed); at most ${numberText(MAX_INSTANCES)} are analysed`);
}

/**
 * Instance i of a pool `app` is the element `app#i`: another element with such an id
 * would be two things under one name (`--fail app#1`, what-if, the report).
 */
function reportInstanceLookalikes(t: Topology, idPaths: Map<string, string>, err: Report): void {
  const pools = new Set(t.components.filter((c) => replicasOf(c) > 1).map((c) => c.id));
  if (pools.size === 0) return;
  for (const [id, path] of idPaths) {
    const m = /^(.*)#(\d+)$/s.exec(id);
    if (m && pools.has(m[1])) err(ERROR_CODES.ambiguousId, path, `"${id}" is the name of an instance of the pool "${m[1]}": choose another id`);
  }
}
