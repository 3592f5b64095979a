// The structure of a topology as DESIGN section 2 defines it, compiled to plain
// indexed data: the basic events (elements), each component's instances and their
// failure-domain chains, and each component's dependency groups of alternatives.
// Every later phase (propagation, BDD, Monte Carlo) reads only this.
import {
  componentAvailability, componentMtbfHours, componentMttrHours, domainAncestors, domainAvailability, domainMttrHours,
  failoverSecondsOf, groupResolver, instanceDomain, instanceId, isActivePassivePool, isStandby, linkAvailability,
  labelOf, linkElementId, linkType, LINK_MTTR_HOURS, minHealthyOf, own, replicasOf, switchoverUnavailability, type Topology,
} from '../model';
import { csr, type Csr } from './csr';
import { analysisScope, implicitClientId, type AnalysisScope } from './scope';
import type { ElementType } from './types';

export type { Csr } from './csr';

export interface Element {
  id: string;
  type: ElementType;
  label: string;
  availability: number;
  /** Mean time to repair, hours (DESIGN section 3, "Outages over time"): a failover event's is its switchover time. */
  mttrHours: number;
  componentId?: string;
}

export interface Instance {
  /** The instance's own element. */
  element: number;
  /** Elements of the failure domains it sits in, its own domain and every ancestor (groups excluded). */
  domains: number[];
}

/** One dependency group of a component: at least `min` of its slots must be alive. */
export interface Group {
  source: number;
  name: string;
  min: number;
  /** The failover event that fails this group, or -1. */
  failover: number;
  /** Indices into Structure.slots. */
  slots: number[];
}

/** One alternative of a group: the target component, reached over a link element (or -1 when the link is perfect). */
export interface Slot {
  group: number;
  target: number;
  link: number;
  /** The link's element id (its id or from->to), even when the link is perfect: what-if may fail it. */
  linkId: string;
}

export interface ComponentNode {
  id: string;
  label: string;
  isClient: boolean;
  instances: Instance[];
  /** k of k-out-of-n; 0 for clients (they never fail on their own). */
  minHealthy: number;
  /** The failover event of an active-passive pool, or -1. */
  poolFailover: number;
  groups: number[];
}

export interface Structure {
  elements: Element[];
  elementIndex: Map<string, number>;
  components: ComponentNode[];
  componentIndex: Map<string, number>;
  groups: Group[];
  slots: Slot[];
  /** Component indices of the clients analysed: the document's that call something, in document order, or the implicit ones in front of the entry points. */
  clients: number[];
  /** What the figures cover: the basis, the entry points and what nothing analysed reaches. */
  scope: AnalysisScope;
  /** Flat instance numbering: component c's instances are instanceStart[c] .. instanceStart[c + 1] − 1. */
  instanceStart: Int32Array;
  instanceComponent: Int32Array;
  /** Compressed lists (start offsets, then items), for propagation without allocation. */
  /** For each component, the slots in which it is a target. */
  targetOf: Csr;
  /** For each component, the components its groups point to. */
  targetsOfComponent: Csr;
  /** For each element, the flat instances it takes down (an instance: itself; a domain: every instance below it). */
  instancesOf: Csr;
  /** Link elements: the slots whose link they are. */
  linkSlotsOf: Map<number, number[]>;
  /** Failover elements: the groups they fail and the pools they fail. */
  failoverGroupsOf: Map<number, number[]>;
  failoverPoolsOf: Map<number, number[]>;
}

const SECONDS_PER_HOUR = 3600;

// analyze() and then the findings (degradations) read the structure of one document: it is
// built once for both (a second build was a second of the estate's analysis). One slot, so that
// a plan's many candidate designs keep none alive.
let last: { t: Topology; s: Structure } | undefined;

/** buildStructure(t), or the one built for the same document by the last caller (documents are values: never changed in place). */
export function structureOf(t: Topology): Structure {
  if (last?.t !== t) last = { t, s: buildStructure(t) };
  return last.s;
}

/** Builds the structure of a validated topology (DESIGN section 2, "Failover cost" included). */
export function buildStructure(t: Topology): Structure {
  const elements: Element[] = [];
  const elementIndex = new Map<string, number>();
  const addElement = (e: Element): number => {
    elementIndex.set(e.id, elements.length);
    elements.push(e);
    return elements.length - 1;
  };
  const byId = new Map(t.components.map((c) => [c.id, c]));
  // Labels by the one naming rule (an empty label names nothing: the id stands in).
  const label = (id: string) => labelOf(t, id);

  // Domains: every domain that can fail is an element; `group` domains are labels only.
  const domainElement = new Map<string, number>();
  // Instances first so that element order follows the document's components.
  const components: ComponentNode[] = [];
  const componentIndex = new Map<string, number>();
  const pendingChains: { node: ComponentNode; i: number; domain: string | undefined }[] = [];
  for (const c of t.components) {
    const node: ComponentNode = {
      id: c.id, label: label(c.id), isClient: c.kind === 'client', instances: [],
      minHealthy: 0, poolFailover: -1, groups: [],
    };
    componentIndex.set(c.id, components.length);
    components.push(node);
    // Decision: a client never fails, so its own placement and replicas are ignored;
    // it goes down only by losing what it needs.
    if (node.isClient) continue;
    const n = replicasOf(c);
    node.minHealthy = minHealthyOf(c);
    const a = componentAvailability(c);
    const mttrHours = componentMttrHours(c);
    for (let i = 1; i <= n; i++) {
      const element = n === 1
        ? addElement({ id: c.id, type: 'component', label: node.label, availability: a, mttrHours, componentId: c.id })
        : addElement({ id: instanceId(c.id, i), type: 'instance', label: `${node.label} #${i}`, availability: a, mttrHours, componentId: c.id });
      node.instances.push({ element, domains: [] });
      pendingChains.push({ node, i, domain: instanceDomain(c, i) });
    }
  }
  for (const d of t.domains) {
    if (d.kind === 'group') continue;
    const e = addElement({ id: d.id, type: 'domain', label: label(d.id), availability: domainAvailability(d), mttrHours: domainMttrHours(d) });
    domainElement.set(d.id, e);
  }
  const chainCache = new Map<string, number[]>();
  const chainOf = (domain: string): number[] => {
    let chain = chainCache.get(domain);
    if (!chain) {
      chain = domainAncestors(t, domain).filter((id) => domainElement.has(id)).map((id) => domainElement.get(id)!);
      chainCache.set(domain, chain);
    }
    return chain;
  };
  for (const { node, i, domain } of pendingChains) {
    if (domain !== undefined) node.instances[i - 1].domains = chainOf(domain);
  }

  // Dependency groups: non-optional dependency links only (optional ones degrade, never fail).
  const groupOf = groupResolver(t);
  const groups: Group[] = [];
  const slots: Slot[] = [];
  const groupByKey = new Map<string, number>();
  for (const l of t.links) {
    if (linkType(l) !== 'dependency' || l.optional) continue;
    const source = componentIndex.get(l.from)!;
    const name = groupOf(l);
    const key = `${source}\u0000${name}`;
    let g = groupByKey.get(key);
    if (g === undefined) {
      const min = own(byId.get(l.from)!.requires, name)?.min ?? 1;
      g = groups.length;
      groups.push({ source, name, min, failover: -1, slots: [] });
      groupByKey.set(key, g);
      components[source].groups.push(g);
    }
    let link = -1;
    const la = linkAvailability(l);
    if (la < 1) {
      const id = linkElementId(l);
      link = addElement({ id, type: 'link', label: l.label || `${label(l.from)} → ${label(l.to)}`, availability: la, mttrHours: LINK_MTTR_HOURS });
    }
    groups[g].slots.push(slots.length);
    slots.push({ group: g, target: componentIndex.get(l.to)!, link, linkId: linkElementId(l) });
  }

  // Implicit clients (DESIGN section 2, "Entry points when there is no client"): each
  // needs its entry point and nothing else; they come after the document's components.
  const scope = analysisScope(t);
  const implicitClients: number[] = [];
  for (const entry of scope.entryPoints) {
    const target = componentIndex.get(entry)!;
    const id = implicitClientId(entry);
    const c = components.length;
    const g = groups.length;
    components.push({ id, label: `Users of ${components[target].label}`, isClient: true, instances: [], minHealthy: 0, poolFailover: -1, groups: [g] });
    // A document component may carry this id already: the name then stays the document's.
    if (!componentIndex.has(id)) componentIndex.set(id, c);
    groups.push({ source: c, name: 'entry', min: 1, failover: -1, slots: [slots.length] });
    slots.push({ group: g, target, link: -1, linkId: `${id}->${entry}` });
    implicitClients.push(c);
  }
  const clients = scope.basis === 'entry-points' ? implicitClients : scope.clients.map((id) => componentIndex.get(id)!);

  // Failover events (DESIGN section 2, "Failover cost"). A group holding active members
  // and standbys switches to its fastest standby s; lambda sums the failure rates of the
  // distinct active members of every group whose fastest standby is s (decision: a member
  // shared by several such groups is counted once, as one failure causes one switchover;
  // a pool member counts with the rate of one instance, 1 / MTBF).
  const failoverGroups = new Map<string, { groups: number[]; actives: Set<string> }>();
  for (let g = 0; g < groups.length; g++) {
    // A group of one target has no standby behind an active member (most groups: skip them cheaply).
    if (groups[g].slots.length < 2) continue;
    const members = groups[g].slots.map((s) => t.components[slots[s].target]);
    const standbys = members.filter((c) => isStandby(c));
    const actives = members.filter((c) => !isStandby(c));
    if (standbys.length === 0 || actives.length === 0) continue;
    let fastest = standbys[0];
    for (const s of standbys) {
      const fs = failoverSecondsOf(s);
      const ff = failoverSecondsOf(fastest);
      if (fs < ff || (fs === ff && s.id < fastest.id)) fastest = s;
    }
    let entry = failoverGroups.get(fastest.id);
    if (!entry) failoverGroups.set(fastest.id, (entry = { groups: [], actives: new Set() }));
    entry.groups.push(g);
    for (const a of actives) entry.actives.add(a.id);
  }
  const failoverGroupsOf = new Map<number, number[]>();
  const failoverPoolsOf = new Map<number, number[]>();
  // Sorted by standby id so element order does not depend on link order.
  for (const standbyId of [...failoverGroups.keys()].sort()) {
    const entry = failoverGroups.get(standbyId)!;
    let lambda = 0;
    for (const id of entry.actives) lambda += 1 / (componentMtbfHours(byId.get(id)!) * SECONDS_PER_HOUR);
    const seconds = failoverSecondsOf(byId.get(standbyId)!);
    const q = switchoverUnavailability(lambda, seconds);
    const e = addElement({ id: `failover:${standbyId}`, type: 'failover', label: `failover to ${label(standbyId)}`, availability: 1 - q, mttrHours: seconds / SECONDS_PER_HOUR, componentId: standbyId });
    for (const g of entry.groups) groups[g].failover = e;
    failoverGroupsOf.set(e, entry.groups);
  }
  // An active-passive pool: one event with lambda of one instance and T of the pool.
  t.components.forEach((c, ci) => {
    if (c.kind === 'client' || !isActivePassivePool(c)) return;
    const lambda = 1 / (componentMtbfHours(c) * SECONDS_PER_HOUR);
    const seconds = failoverSecondsOf(c);
    const q = switchoverUnavailability(lambda, seconds);
    const e = addElement({ id: `failover:${c.id}`, type: 'failover', label: `failover within ${components[ci].label}`, availability: 1 - q, mttrHours: seconds / SECONDS_PER_HOUR, componentId: c.id });
    components[ci].poolFailover = e;
    failoverPoolsOf.set(e, [ci]);
  });

  // Reverse indexes for propagation, as compressed rows (no per-element arrays).
  const nc = components.length;
  const instanceStart = new Int32Array(nc + 1);
  components.forEach((node, ci) => (instanceStart[ci + 1] = instanceStart[ci] + node.instances.length));
  const instanceComponent = new Int32Array(instanceStart[nc]);
  components.forEach((_, ci) => instanceComponent.fill(ci, instanceStart[ci], instanceStart[ci + 1]));
  const instancesOf = instancesByElement(elements.length, components, instanceStart);
  const slotIndex = slots.map((_, i) => i);
  const targetOf = csr(nc, slots.map((sl) => sl.target), slotIndex);
  const targetsOfComponent = csr(nc, slots.map((sl) => groups[sl.group].source), slots.map((sl) => sl.target));
  const linkSlotsOf = new Map<number, number[]>();
  slots.forEach((sl, i) => {
    if (sl.link < 0) return;
    if (!linkSlotsOf.has(sl.link)) linkSlotsOf.set(sl.link, []);
    linkSlotsOf.get(sl.link)!.push(i);
  });

  return {
    elements, elementIndex, components, componentIndex, groups, slots,
    clients, scope,
    instanceStart, instanceComponent, targetOf, targetsOfComponent, instancesOf, linkSlotsOf, failoverGroupsOf, failoverPoolsOf,
  };
}

/**
 * For each element, the flat instances it takes down (its own, or every one below a domain),
 * counted first and then filled in place: 100,000 instances under domains 32 deep make
 * millions of entries, too many for lists that grow.
 */
function instancesByElement(elements: number, components: ComponentNode[], instanceStart: Int32Array): Csr {
  const start = new Int32Array(elements + 1);
  for (const node of components) {
    for (const inst of node.instances) {
      start[inst.element + 1]++;
      for (const d of inst.domains) start[d + 1]++;
    }
  }
  for (let e = 0; e < elements; e++) start[e + 1] += start[e];
  const fill = start.slice(0, elements);
  const items = new Int32Array(start[elements]);
  components.forEach((node, ci) => node.instances.forEach((inst, ii) => {
    const flat = instanceStart[ci] + ii;
    items[fill[inst.element]++] = flat;
    for (const d of inst.domains) items[fill[d]++] = flat;
  }));
  return { start, items };
}
