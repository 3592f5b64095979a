// Where a workload's pods run: zones and nodes, from what the pod spec requires
// (topologySpreadConstraints with DoNotSchedule, required podAntiAffinity), zone names
// from nodeAffinity or nodeSelector. A constraint whose selector selects no pod protects
// nothing: a finding.
import type { ImportNote } from '../notes';
import type { ImportedDomain } from '../types';
import { dict, isDict, list, str, type Dict } from '../values';
import { sourceOf, type K8sObject } from './objects';
import { labelSelector, type Labels } from './selectors';

const ZONE_KEYS = new Set(['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);
const NODE_KEY = 'kubernetes.io/hostname';
/** How many zones a spread over unnamed zones assumes (the usual region has three). */
export const ASSUMED_ZONES = 3;

export interface Placement {
  domains?: string[];
  newDomains: ImportedDomain[];
}

interface Spread {
  zone: boolean;
  node: boolean;
  /** Every pod in its own zone (required anti-affinity on the zone key). */
  zonePerPod: boolean;
}

/**
 * `podsInNamespace`: the labels of every pod template in the workload's namespace, for
 * "selects no pod" findings; `own`: this workload's pod labels.
 */
export function placementOf(o: K8sObject, id: string, spec: Dict, own: Labels, replicas: number, podsInNamespace: Labels[], notes: ImportNote[]): Placement {
  const spread: Spread = { zone: false, node: false, zonePerPod: false };
  const check = (selector: unknown, holder: Dict, what: string): boolean => {
    const selects = labelSelector(selector);
    if (selects(own)) return true;
    if (!podsInNamespace.some(selects)) {
      notes.push({ kind: 'warning', subject: id, source: sourceOf(o, holder, 'labelSelector'), message: `${what} selects no pod: it protects nothing` });
    }
    return false;
  };
  for (const c of list(spec.topologySpreadConstraints).filter(isDict)) {
    const key = str(c.topologyKey) ?? '';
    if (!check(c.labelSelector, c, `topologySpreadConstraint on ${key}`)) continue;
    if (str(c.whenUnsatisfiable) !== 'DoNotSchedule') {
      notes.push({ kind: 'inferred', subject: id, source: sourceOf(o, c, 'whenUnsatisfiable'), message: `spread on ${key} is only preferred (ScheduleAnyway): not counted` });
      continue;
    }
    if (ZONE_KEYS.has(key)) spread.zone = true;
    if (key === NODE_KEY) spread.node = true;
    if (ZONE_KEYS.has(key) || key === NODE_KEY) notes.push({ kind: 'inferred', subject: id, source: sourceOf(o, c, 'topologyKey'), message: `replicas spread over ${key === NODE_KEY ? 'nodes' : 'zones'} (topologySpreadConstraints, DoNotSchedule)` });
  }
  const anti = dict(dict(spec.affinity).podAntiAffinity);
  for (const t of list(anti.requiredDuringSchedulingIgnoredDuringExecution).filter(isDict)) {
    const key = str(t.topologyKey) ?? '';
    if (!check(t.labelSelector, t, `required podAntiAffinity on ${key}`)) continue;
    if (ZONE_KEYS.has(key)) {
      spread.zone = true;
      spread.zonePerPod = true;
    }
    if (key === NODE_KEY) spread.node = true;
    if (ZONE_KEYS.has(key) || key === NODE_KEY) notes.push({ kind: 'inferred', subject: id, source: sourceOf(o, t, 'topologyKey'), message: `no two replicas in one ${key === NODE_KEY ? 'node' : 'zone'} (required podAntiAffinity)` });
  }

  const named = zoneNames(spec);
  const newDomains: ImportedDomain[] = [];
  const zone = (name: string): string => {
    if (!newDomains.some((d) => d.id === name)) newDomains.push({ id: name, kind: 'zone' });
    return name;
  };
  if (named.pinned) {
    notes.push({ kind: 'inferred', subject: id, source: sourceOf(o, named.holder, named.key), message: `runs in zone ${named.pinned} (nodeSelector)` });
    return { domains: [zone(named.pinned)], newDomains };
  }
  if (!spread.zone && !spread.node) return { newDomains };

  let zones: string[] = [];
  if (spread.zone) {
    if (named.names.length) {
      zones = named.names.map(zone);
      notes.push({ kind: 'inferred', subject: id, source: sourceOf(o, named.holder, named.key), message: `zones ${zones.join(', ')} from nodeAffinity` });
    } else {
      const n = spread.zonePerPod ? replicas : Math.min(replicas, ASSUMED_ZONES);
      zones = Array.from({ length: n }, (_, i) => zone(`zone-${i + 1}`));
      notes.push({ kind: 'assumed', subject: id, source: sourceOf(o), message: `zone names are not in the files: ${zones.join(', ')} assumed` });
    }
  }
  if (!spread.node) return { domains: zones, newDomains };
  // Nodes are named within their zone, so that every workload places node k of a zone alike.
  const nodes: string[] = [];
  for (let i = 0; i < replicas; i++) {
    const z = zones.length ? zones[i % zones.length] : undefined;
    const k = zones.length ? Math.floor(i / zones.length) + 1 : i + 1;
    const nodeId = z ? `${z}/node-${k}` : `node-${k}`;
    if (!newDomains.some((d) => d.id === nodeId)) newDomains.push({ id: nodeId, kind: 'host', parent: z });
    nodes.push(nodeId);
  }
  notes.push({ kind: 'assumed', subject: id, source: sourceOf(o), message: `node names are not in the files: each replica on a node of its own (${nodes.length <= 4 ? nodes.join(', ') : `${nodes[0]} ... ${nodes[nodes.length - 1]}`})` });
  return { domains: nodes, newDomains };
}

/** Zone names a pod is held to: `nodeAffinity` (required, `In`) or a `nodeSelector` on the zone label. */
function zoneNames(spec: Dict): { names: string[]; pinned?: string; holder?: Dict; key?: string } {
  const selector = dict(spec.nodeSelector);
  for (const key of ZONE_KEYS) {
    const z = str(selector[key]);
    if (z) return { names: [z], pinned: z, holder: selector, key };
  }
  const required = dict(dict(dict(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  for (const term of list(required.nodeSelectorTerms).filter(isDict)) {
    for (const e of list(term.matchExpressions).filter(isDict)) {
      if (ZONE_KEYS.has(str(e.key) ?? '') && str(e.operator) === 'In') {
        const names = list(e.values).map(str).filter((v): v is string => !!v);
        if (names.length === 1) return { names, pinned: names[0], holder: e, key: 'values' };
        return { names, holder: e, key: 'values' };
      }
    }
  }
  return { names: [] };
}
