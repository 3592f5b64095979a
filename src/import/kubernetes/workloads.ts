// One workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, bare
// Pod) -> its component: kind from its images, replicas, quorum, primary and replicas,
// and whether its data survives the pod.
import { kindFromImage, type ImageKindRow } from '../imageKinds';
import type { ImportNote } from '../notes';
import type { ImportedComponent, ImportedLink } from '../types';
import { count, dict, isDict, list, quotedCount, shownValue, str, type Dict } from '../values';
import { containersOf, KUBERNETES_REFUSES_STRINGS, podTemplate, sourceOf, type K8sObject } from './objects';

/** Nodes a DaemonSet runs on are not in the manifests: this many are assumed. */
export const ASSUMED_DAEMONSET_NODES = 3;
const DATA_KINDS = new Set(['database', 'cache', 'storage', 'queue']);

export interface WorkloadComponents {
  main: ImportedComponent;
  /** A primary/replica database's replicas, as a component of their own. */
  replicas?: ImportedComponent;
  links: ImportedLink[];
}

/** The kind of a pod from its containers: a data store or proxy among them decides, else the first. */
export function podKind(spec: Dict): { kind: ImportedComponent['kind']; row?: ImageKindRow; image?: string } {
  const images = containersOf(spec).map((c) => str(c.image)).filter((i): i is string => !!i);
  for (const image of images) {
    const k = kindFromImage(image);
    if (k.row && k.kind !== 'loadbalancer') return { kind: k.kind, row: k.row, image };
  }
  const first = images[0];
  const k = first ? kindFromImage(first) : { kind: 'service' as const };
  return { kind: k.kind, row: k.row, image: first };
}

export function workloadComponents(o: K8sObject, id: string, forwards: boolean, hpaMin: { replicas: number; note: ImportNote } | undefined, notes: ImportNote[]): WorkloadComponents {
  const { spec } = podTemplate(o);
  const source = sourceOf(o);
  const k = podKind(spec);
  const kind = k.row?.proxy && !forwards ? 'web' : k.kind;
  notes.push({
    kind: 'inferred', subject: id, source: imageSource(o, spec, k.image) ?? source,
    message: k.row ? `kind ${kind} from image ${k.image}${k.row.proxy ? (forwards ? ' (it forwards to other workloads)' : ' (it forwards to no other workload)') : ''}` : `kind service (${k.image ? `image ${k.image} names no known kind` : 'no image'})`,
  });
  const main: ImportedComponent = { id, kind, source, label: o.name !== id ? o.name : undefined };
  const links: ImportedLink[] = [];

  const ownSpec = dict(o.obj.spec);
  let replicas = 1;
  if (hpaMin) {
    replicas = hpaMin.replicas;
    notes.push(hpaMin.note);
  } else if (o.kind === 'DaemonSet') {
    replicas = ASSUMED_DAEMONSET_NODES;
    notes.push({ kind: 'assumed', subject: id, source, message: `a DaemonSet runs one pod per node; the nodes are not in the files: ${ASSUMED_DAEMONSET_NODES} assumed` });
  } else if (o.kind !== 'Pod') {
    const r = count(ownSpec.replicas);
    if (r !== undefined) {
      replicas = Math.max(1, r);
      // A quoted count is refused by the API server: read as its number, and said as a warning.
      const quoted = quotedCount(ownSpec.replicas, KUBERNETES_REFUSES_STRINGS);
      notes.push({ kind: quoted ? 'warning' : 'inferred', subject: id, source: sourceOf(o, ownSpec, 'replicas'), message: `replicas ${r} from spec.replicas${r === 0 ? ' (0 means scaled down: counted as 1)' : ''}${quoted}` });
    } else if (ownSpec.replicas !== undefined && ownSpec.replicas !== null) {
      // `.inf`, `2.5`, `"many"`: the API server refuses these; one pod is a guess, said as one.
      notes.push({ kind: 'assumed', subject: id, source: sourceOf(o, ownSpec, 'replicas'), message: `replicas 1: spec.replicas is ${shownValue(ownSpec.replicas)}, not a count of pods` });
    } else notes.push({ kind: 'inferred', subject: id, source, message: 'replicas 1 (spec.replicas not set: the default)' });
  }
  main.replicas = replicas;

  if (o.kind === 'StatefulSet' && replicas > 1 && k.row) {
    if (k.row.quorum === true || (k.row.quorum === 'kraft' && isKraft(spec))) {
      main.minHealthy = Math.floor(replicas / 2) + 1;
      notes.push({ kind: 'inferred', subject: id, source, message: `a quorum of ${main.minHealthy} of ${replicas} must be up (${k.row.names[0]}${k.row.quorum === 'kraft' ? ' with KRaft' : ''} is a consensus system)` });
    } else if (k.row.primaryReplica) {
      const replicaId = `${id}-replica`;
      main.replicas = 1;
      const r: ImportedComponent = { id: replicaId, kind: k.kind, role: 'replica', replicas: replicas - 1, source, label: `${o.name} replicas` };
      links.push({ from: id, to: replicaId, type: 'replication', mode: 'async', source, reason: `${k.row.names[0]} StatefulSet of ${replicas}: one primary, asynchronous replicas` });
      notes.push({ kind: 'assumed', subject: id, source, message: `a primary and ${replicas - 1} asynchronous replica${replicas === 2 ? '' : 's'} (${replicaId}); no operator in the files, so no automatic failover: the primary stays a SPOF` });
      dataLoss(o, id, kind, spec, notes);
      return { main, replicas: r, links };
    }
  }
  dataLoss(o, id, kind, spec, notes);
  return { main, links };
}

/** Kafka runs without ZooKeeper (its own Raft quorum) when the pod says so in its environment. */
function isKraft(spec: Dict): boolean {
  for (const c of containersOf(spec)) {
    for (const e of list(c.env)) {
      const name = str(dict(e).name) ?? '';
      const value = str(dict(e).value) ?? '';
      if (/^KAFKA_(CFG_)?PROCESS_ROLES$/.test(name) && /controller/.test(value)) return true;
      if (/^KAFKA_(CFG_)?CONTROLLER_QUORUM_VOTERS$/.test(name) || /^KAFKA_KRAFT_CLUSTER_ID$/.test(name)) return true;
    }
  }
  return false;
}

/** A data store whose data lives in an `emptyDir` (or in no volume at all) loses it with the pod. */
function dataLoss(o: K8sObject, id: string, kind: string, spec: Dict, notes: ImportNote[]): void {
  if (!DATA_KINDS.has(kind)) return;
  const claims = list(dict(o.obj.spec).volumeClaimTemplates).length > 0;
  const volumes = list(spec.volumes).filter(isDict);
  const persistent = volumes.filter((v) => isDict(v.persistentVolumeClaim) || isDict(v.hostPath) || isDict(v.ephemeral) || isDict(v.csi) || isDict(v.nfs) || isDict(v.awsElasticBlockStore) || isDict(v.gcePersistentDisk) || isDict(v.azureDisk));
  if (claims || persistent.length) {
    notes.push({ kind: 'inferred', subject: id, source: sourceOf(o), message: `keeps its data in ${claims ? 'volumeClaimTemplates' : `volume ${str(persistent[0].name) ?? ''}`.trim()}` });
    return;
  }
  const empty = volumes.find((v) => 'emptyDir' in v);
  const what = kind === 'cache' ? 'starts empty whenever its pod is recreated' : 'loses its data whenever its pod is recreated or moved';
  notes.push({
    kind: 'warning', subject: id,
    source: empty ? sourceOf(o, empty, 'emptyDir') : sourceOf(o),
    message: empty ? `a ${kind} on an emptyDir volume (${str(empty.name) ?? ''}): it ${what}` : `a ${kind} with no persistent volume: it ${what}`,
  });
}

function imageSource(o: K8sObject, spec: Dict, image: string | undefined) {
  const c = containersOf(spec).find((x) => str(x.image) === image);
  return c ? sourceOf(o, c, 'image') : undefined;
}
