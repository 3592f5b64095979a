// Kubernetes objects out of YAML documents: multi-document files, `List` objects (what
// `kubectl get -o yaml` prints), folders; each object remembers its file for its lines.
import { at } from '../build';
import type { ImportNote, ImportSource } from '../notes';
import { dict, isDict, list, str, type Dict } from '../values';
import type { YamlFile } from '../yaml';
import { labelsOf, type Labels } from './selectors';

export interface ManifestFile {
  file: string;
  yaml: YamlFile;
}

export interface K8sObject {
  kind: string;
  apiVersion: string;
  name: string;
  namespace: string;
  obj: Dict;
  file: string;
  yaml: YamlFile;
}

/** Why a quoted count (`replicas: "3"`) is worth a warning: the cluster would not take the file as it is. */
export const KUBERNETES_REFUSES_STRINGS = 'the API server refuses a string there: kubectl apply fails';

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod']);

/** The objects of the files; one without a name is left out with a warning in `notes`. */
export function objectsOf(files: ManifestFile[], notes: ImportNote[] = []): K8sObject[] {
  const out: K8sObject[] = [];
  const add = (v: unknown, f: ManifestFile) => {
    if (!isDict(v) || typeof v.kind !== 'string' || typeof v.apiVersion !== 'string') return;
    if (v.kind === 'List' || v.kind.endsWith('List')) {
      for (const item of list(v.items)) add(item, f);
      return;
    }
    const meta = dict(v.metadata);
    const name = str(meta.name) ?? str(meta.generateName);
    if (!name) {
      // Left out silently, a Helm chart's `name: {{ .Values.name }}` (YAML reads it as a map)
      // made a design without its Deployment. The API server refuses such an object too.
      const template = isDict(meta.name) ? ' (`{{ ... }}` left from a template reads as a map: render it first, with `helm template`)' : '';
      notes.push({ kind: 'warning', source: at(f.file, f.yaml.lineOf(meta, 'name') ?? f.yaml.lineOf(v)), message: `${v.kind} skipped: its metadata.name is not a text${template}` });
      return;
    }
    // kubectl refuses a key that is a list or a map (`? [a, b]:`, a template's `{{ ... }}` left as a key): so does the import, object by object.
    const complex = complexKeyIn(v, f.yaml);
    if (complex) {
      const template = complex.what === 'map' ? ' (`{{ ... }}` left from a template? render it first, with `helm template`)' : '';
      notes.push({ kind: 'warning', source: at(f.file, complex.line), message: `${v.kind} ${name} skipped: a key that is a ${complex.what} (\`? [a, b]:\`), which kubectl refuses${template}` });
      return;
    }
    out.push({ kind: v.kind, apiVersion: v.apiVersion, name, namespace: str(meta.namespace) ?? 'default', obj: v, file: f.file, yaml: f.yaml });
  };
  for (const f of files) {
    // Kubernetes reads no YAML tags of its own (`!!binary` is base64 text to it, as it is here).
    for (const t of f.yaml.tags) {
      if (t.tag !== '!!binary') notes.push({ kind: 'warning', source: at(f.file, t.line), message: `the tag ${t.tag} is not one Kubernetes reads: ${t.key === undefined ? 'ignored' : `${String(t.key)} read as if untagged`}` });
    }
    for (const d of f.yaml.docs) add(d.value, f);
  }
  return out;
}

/** The first key in `root` that is a list or a map, found only in a file that has one. */
function complexKeyIn(root: unknown, yaml: YamlFile): YamlFile['complexKeys'][number] | undefined {
  if (yaml.complexKeys.length === 0) return undefined;
  const byParent = new Map(yaml.complexKeys.map((k) => [k.parent, k]));
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const hit = byParent.get(v);
    if (hit) return hit;
    stack.push(...Object.values(v));
  }
  return undefined;
}

/** Where an object's value sits: `file:line` of `key` in `container` (the object's name line without one). */
export function sourceOf(o: K8sObject, container?: unknown, key?: string | number): ImportSource {
  if (container === undefined) return at(o.file, o.yaml.lineOf(dict(o.obj.metadata), 'name') ?? o.yaml.lineOf(o.obj));
  return at(o.file, o.yaml.lineOf(container, key));
}

/** A workload's pod template: its labels and pod spec (a bare Pod is its own template). */
export function podTemplate(o: K8sObject): { labels: Labels; spec: Dict } {
  if (o.kind === 'Pod') return { labels: labelsOf(dict(o.obj.metadata).labels), spec: dict(o.obj.spec) };
  const template = dict(dict(o.obj.spec).template);
  return { labels: labelsOf(dict(template.metadata).labels), spec: dict(template.spec) };
}

export function containersOf(spec: Dict): Dict[] {
  return list(spec.containers).filter(isDict);
}
