// Kubernetes manifests -> the intermediate list (DESIGN section 7): a component per workload,
// Services and Ingresses connecting them, LoadBalancer Services and Ingresses as the load
// balancers clients enter by, zones and nodes from the pod specs.
import type { ImportNote } from '../notes';
import { hostsIn, isAddressKey } from '../references';
import type { ImportedComponent, ImportedDomain, ImportedLink, ImportedSystem } from '../types';
import { count, dict, isDict, list, quotedCount, shownValue, str, type Dict } from '../values';
import { dependencyMentions } from './environment';
import { KUBERNETES_REFUSES_STRINGS, objectsOf, podTemplate, sourceOf, WORKLOAD_KINDS, type K8sObject, type ManifestFile } from './objects';
import { operatorComponents } from './operators';
import { placementOf } from './placement';
import { labelSelector, serviceSelector, type Labels } from './selectors';
import { workloadComponents } from './workloads';

export type { ManifestFile } from './objects';

interface ServiceInfo {
  o: K8sObject;
  /** Component ids of the workloads it selects (or the operator cluster behind it). */
  targets: string[];
}

export function importKubernetes(files: ManifestFile[]): ImportedSystem {
  const notes: ImportNote[] = [];
  const objects = objectsOf(files, notes);
  const workloads = objects.filter((o) => WORKLOAD_KINDS.has(o.kind) && !isOwned(o, notes));
  const taken = new Set<string>();
  const idOf = new Map<K8sObject, string>();
  const nameCount = new Map<string, number>();
  for (const w of workloads) nameCount.set(w.name, (nameCount.get(w.name) ?? 0) + 1);
  for (const w of workloads) {
    const id = (nameCount.get(w.name) ?? 0) > 1 ? `${w.namespace}/${w.name}` : w.name;
    idOf.set(w, id);
    taken.add(id);
  }
  const freeId = (name: string, suffix: string) => {
    let id = taken.has(name) ? `${name}-${suffix}` : name;
    while (taken.has(id)) id = `${id}-${suffix}`;
    taken.add(id);
    return id;
  };

  // Each workload's pod template, and the workloads of each namespace, read once.
  const templates = new Map(workloads.map((w) => [w, podTemplate(w)]));
  const inNamespace = new Map<string, K8sObject[]>();
  for (const w of workloads) {
    const list = inNamespace.get(w.namespace);
    if (list) list.push(w);
    else inNamespace.set(w.namespace, [w]);
  }
  const podLabels = new Map<string, Labels[]>([...inNamespace].map(([ns, ws]) => [ns, ws.map((w) => templates.get(w)!.labels)]));

  const components: ImportedComponent[] = [];
  const links: ImportedLink[] = [];
  const domains: ImportedDomain[] = [];

  // Services: which workloads each selects (the API server's equality-based selector).
  const services = new Map<string, ServiceInfo>();
  const operators = operatorComponents(objects, freeId, notes);
  components.push(...operators.components);
  links.push(...operators.links);
  for (const [name, target] of operators.serviceNames) services.set(name, { o: target.o, targets: [target.id] });
  for (const s of objects.filter((o) => o.kind === 'Service')) {
    const spec = dict(s.obj.spec);
    if (str(spec.type) === 'ExternalName') {
      const id = freeId(s.name, 'external');
      components.push({ id, kind: 'external', label: str(spec.externalName) ?? s.name, source: sourceOf(s) });
      notes.push({ kind: 'inferred', subject: id, source: sourceOf(s, spec, 'externalName'), message: `an external service (ExternalName ${str(spec.externalName) ?? ''})` });
      services.set(`${s.namespace}/${s.name}`, { o: s, targets: [id] });
      continue;
    }
    const selects = serviceSelector(spec.selector);
    const targets = (inNamespace.get(s.namespace) ?? []).filter((w) => selects(templates.get(w)!.labels)).map((w) => idOf.get(w)!);
    if (!services.has(`${s.namespace}/${s.name}`)) services.set(`${s.namespace}/${s.name}`, { o: s, targets });
    if (targets.length === 0 && isDict(spec.selector) && Object.keys(spec.selector).length) {
      notes.push({ kind: 'warning', subject: s.name, source: sourceOf(s, spec, 'selector'), message: `Service ${s.name} selects no pod in the files` });
    } else if (targets.length) {
      notes.push({ kind: 'inferred', subject: s.name, source: sourceOf(s, spec, 'selector'), message: `Service ${s.name} selects ${targets.join(', ')}` });
    }
  }
  const resolve = (host: string, namespace: string): ServiceInfo | undefined => {
    const labels = host.split('.');
    // <service>, <service>.<namespace>[.svc[.cluster.local]], then a StatefulSet pod's own
    // name through its headless Service: <pod>.<service>[.<namespace>[.svc...]].
    const tries: [string, string][] = [[labels[0], labels.length >= 2 ? labels[1] : namespace]];
    if (labels.length >= 2) tries.push([labels[1], labels.length >= 3 && labels[2] !== 'svc' ? labels[2] : namespace]);
    for (const [svc, ns] of tries) {
      const s = services.get(`${ns}/${svc}`);
      if (s) return s;
    }
    return undefined;
  };

  // Dependencies from what each workload's containers are told to reach.
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [`${o.namespace}/${o.name}`, o]));
  for (const w of workloads) {
    const id = idOf.get(w)!;
    for (const m of dependencyMentions(w, templates.get(w)!.spec, configMaps)) {
      for (const h of hostsIn(m.value)) {
        const s = resolve(h.host, w.namespace);
        if (s) {
          if (m.replicaOf) for (const t of s.targets) links.push({ from: t, to: id, type: 'replication', mode: 'async', source: m.source, reason: m.label });
          else for (const t of s.targets) links.push({ from: id, to: t, source: m.source, reason: m.label });
          if (s.targets.length === 0) notes.push({ kind: 'warning', subject: id, source: m.source, message: `${m.label} names Service ${s.o.name}, which selects no pod in the files: left out` });
        } else if (h.address || (m.key !== undefined && isAddressKey(m.key))) {
          notes.push({ kind: 'warning', subject: id, source: m.source, message: `${m.label} names ${h.host}, which is not in the files: left out (an external service?)` });
        }
      }
    }
  }

  // HorizontalPodAutoscalers: the floor of replicas is minReplicas.
  const hpa = new Map<string, { replicas: number; note: ImportNote }>();
  for (const h of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const spec = dict(h.obj.spec);
    const ref = dict(spec.scaleTargetRef);
    const read = count(spec.minReplicas);
    const min = read ?? 1;
    const target = workloads.find((w) => w.namespace === h.namespace && w.kind === str(ref.kind) && w.name === str(ref.name));
    if (!target) {
      notes.push({ kind: 'warning', subject: h.name, source: sourceOf(h, spec, 'scaleTargetRef'), message: `HorizontalPodAutoscaler ${h.name} targets ${str(ref.kind) ?? '?'} ${str(ref.name) ?? '?'}, which is not in the files` });
      continue;
    }
    const id = idOf.get(target)!;
    const source = sourceOf(h, spec, 'minReplicas');
    const given = spec.minReplicas !== undefined && spec.minReplicas !== null;
    // `2.5`, `"many"`: one pod is a guess, said as one; `"3"` is read as 3, and said.
    const quoted = quotedCount(spec.minReplicas, KUBERNETES_REFUSES_STRINGS);
    const note: ImportNote = given && read === undefined
      ? { kind: 'assumed', subject: id, source, message: `replicas 1: HorizontalPodAutoscaler ${h.name} minReplicas is ${shownValue(spec.minReplicas)}, not a count of pods` }
      : { kind: quoted ? 'warning' : 'inferred', subject: id, source, message: `replicas ${min} from HorizontalPodAutoscaler ${h.name} minReplicas${given ? '' : ' (not set: the default)'}${min === 0 ? ' (0: counted as 1)' : ''}${quoted}` };
    hpa.set(id, { replicas: Math.max(1, min), note });
  }

  const forwards = new Set(links.filter((l) => (l.type ?? 'dependency') === 'dependency').map((l) => l.from));
  const unspread: string[] = [];
  for (const w of workloads) {
    const id = idOf.get(w)!;
    const made = workloadComponents(w, id, forwards.has(id), hpa.get(id), notes);
    const { spec, labels } = templates.get(w)!;
    const placement = placementOf(w, id, spec, labels, made.main.replicas ?? 1, podLabels.get(w.namespace) ?? [], notes);
    for (const d of placement.newDomains) if (!domains.some((x) => x.id === d.id)) domains.push(d);
    if (placement.domains) made.main.domains = placement.domains;
    else if ((made.main.replicas ?? 1) > 1) unspread.push(id);
    components.push(made.main);
    if (made.replicas) components.push(made.replicas);
    links.push(...made.links);
  }
  if (unspread.length) {
    notes.push({ kind: 'assumed', message: `no required zone or node spread for ${unspread.length <= 6 ? unspread.join(', ') : `${unspread.slice(0, 5).join(', ')} and ${unspread.length - 5} more`}: their replicas may share a node; no failure domain assumed for them` });
  }

  entries(objects, services, components, links, freeId, notes);
  disruptionBudgets(objects, podLabels, notes);
  return { components, links, domains, notes };
}

/** LoadBalancer Services and Ingresses are load balancers clients enter by; NodePort Services make their pods entries. */
function entries(objects: K8sObject[], services: Map<string, ServiceInfo>, components: ImportedComponent[], links: ImportedLink[], freeId: (n: string, s: string) => string, notes: ImportNote[]): void {
  const byId = new Map(components.map((c) => [c.id, c]));
  for (const s of objects.filter((o) => o.kind === 'Service')) {
    const spec = dict(s.obj.spec);
    const type = str(spec.type);
    const info = services.get(`${s.namespace}/${s.name}`);
    if (!info || info.o !== s) continue;
    if (type === 'LoadBalancer') {
      const id = freeId(s.name, 'lb');
      const source = sourceOf(s, spec, 'type');
      components.push({ id, kind: 'loadbalancer', label: s.name, source: sourceOf(s), entry: { source, reason: 'Service of type LoadBalancer' } });
      for (const t of info.targets) links.push({ from: id, to: t, source: sourceOf(s, spec, 'selector'), reason: `Service ${s.name} selects it` });
      notes.push({ kind: 'assumed', subject: id, source, message: "the cloud's load balancer for Service type LoadBalancer: one element, at the load balancer preset" });
    } else if (type === 'NodePort') {
      for (const t of info.targets) {
        const c = byId.get(t);
        if (c && !c.entry) c.entry = { source: sourceOf(s, spec, 'type'), reason: `Service ${s.name} of type NodePort` };
      }
    }
  }
  for (const ing of objects.filter((o) => o.kind === 'Ingress')) {
    const spec = dict(ing.obj.spec);
    const id = freeId(ing.name, 'ingress');
    components.push({ id, kind: 'loadbalancer', label: ing.name, source: sourceOf(ing), entry: { source: sourceOf(ing), reason: 'Ingress' } });
    notes.push({ kind: 'assumed', subject: id, source: sourceOf(ing), message: 'the Ingress controller (not in the files) as one load balancer' });
    for (const b of ingressBackends(spec)) {
      const s = services.get(`${ing.namespace}/${b.name}`);
      const source = sourceOf(ing, b.holder, b.key);
      if (!s) {
        notes.push({ kind: 'warning', subject: id, source, message: `Ingress backend ${b.name} is not a Service in the files: left out` });
        continue;
      }
      for (const t of s.targets) links.push({ from: id, to: t, source, reason: `Ingress backend ${b.name}` });
    }
  }
}

/** networking.k8s.io/v1 (`backend.service.name`) and v1beta1 (`backend.serviceName`), rules and the default backend. */
function ingressBackends(spec: Dict): { name: string; holder: Dict; key: string }[] {
  const out: { name: string; holder: Dict; key: string }[] = [];
  const add = (backend: unknown) => {
    const b = dict(backend);
    const svc = dict(b.service);
    const name = str(svc.name) ?? str(b.serviceName);
    if (name && !out.some((x) => x.name === name)) out.push({ name, holder: isDict(b.service) ? svc : b, key: isDict(b.service) ? 'name' : 'serviceName' });
  };
  add(spec.defaultBackend);
  add(spec.backend);
  for (const r of list(spec.rules)) for (const p of list(dict(dict(r).http).paths)) add(dict(p).backend);
  return out;
}

/** A PodDisruptionBudget whose selector selects no pod protects nothing: a finding. */
function disruptionBudgets(objects: K8sObject[], podLabels: Map<string, Labels[]>, notes: ImportNote[]): void {
  for (const p of objects.filter((o) => o.kind === 'PodDisruptionBudget')) {
    const spec = dict(p.obj.spec);
    const pods = podLabels.get(p.namespace) ?? [];
    if (!pods.some(labelSelector(spec.selector))) {
      notes.push({ kind: 'warning', subject: p.name, source: sourceOf(p, spec, 'selector'), message: `PodDisruptionBudget ${p.name} selects no pod: it protects nothing` });
    }
  }
}

/** ReplicaSets of a Deployment, Pods of a ReplicaSet (a `kubectl get -o yaml` dump): their owner stands for them. */
function isOwned(o: K8sObject, notes: ImportNote[]): boolean {
  const owners = list(dict(o.obj.metadata).ownerReferences);
  if (owners.length === 0) return false;
  notes.push({ kind: 'inferred', subject: o.name, source: sourceOf(o), message: `${o.kind} owned by ${str(dict(owners[0]).kind) ?? 'another object'} ${str(dict(owners[0]).name) ?? ''}: its owner stands for it`.trim() });
  return true;
}
