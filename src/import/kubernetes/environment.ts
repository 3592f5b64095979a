// What a workload's containers are told to reach: env values (literal, or from a
// ConfigMap in the files), and addresses in their command and args (`--replicaof
// redis-leader 6379`). Each mention keeps its file and line.
import type { ImportSource } from '../notes';
import { dict, isDict, list, str, type Dict } from '../values';
import { containersOf, sourceOf, type K8sObject } from './objects';

export interface Mention {
  value: string;
  /** `FRONTEND_ADDR=frontend:80`, for the note. */
  label: string;
  key?: string;
  source: ImportSource;
  /** `--replicaof host port` / `--slaveof`: this pod replicates from that host (Redis). */
  replicaOf?: boolean;
}

export function dependencyMentions(w: K8sObject, spec: Dict, configMaps: Map<string, K8sObject>): Mention[] {
  const out: Mention[] = [];
  const fromConfigMap = (name: string, key: string | undefined, envName: string | undefined) => {
    const cm = configMaps.get(`${w.namespace}/${name}`);
    if (!cm) return;
    const data = dict(cm.obj.data);
    for (const [k, v] of Object.entries(data)) {
      if (key !== undefined && k !== key) continue;
      const value = str(v);
      // A whole config file in one key is not an address list.
      if (value === undefined || value.includes('\n')) continue;
      out.push({ value, key: envName ?? k, label: `${envName ?? k}=${value} (ConfigMap ${name})`, source: sourceOf(cm, data, k) });
    }
  };
  for (const c of [...containersOf(spec), ...list(spec.initContainers).filter(isDict)]) {
    for (const e of list(c.env).filter(isDict)) {
      const name = str(e.name) ?? '';
      const value = str(e.value);
      if (value !== undefined) out.push({ value, key: name, label: `${name}=${value}`, source: sourceOf(w, e, 'value') });
      const ref = dict(dict(e.valueFrom).configMapKeyRef);
      if (str(ref.name)) fromConfigMap(str(ref.name)!, str(ref.key), name);
    }
    for (const f of list(c.envFrom).filter(isDict)) {
      const name = str(dict(f.configMapRef).name);
      if (name) fromConfigMap(name, undefined, undefined);
    }
    const argv = [...list(c.command), ...list(c.args)].map(str).filter((a): a is string => a !== undefined);
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      const holder = list(c.args).includes(arg) ? c.args : c.command;
      const source = sourceOf(w, holder, list(holder).indexOf(arg));
      if (/^--?(replicaof|slaveof)$/i.test(arg) && argv[i + 1]) {
        out.push({ value: argv[i + 1], label: `${arg} ${argv[i + 1]}`, source, replicaOf: true });
        i++;
        continue;
      }
      // Addresses only (URLs, host:port): a bare word in a command line is too often not a host.
      if (/:\/\/|:\d/.test(arg)) out.push({ value: arg.replace(/^--?[\w-]+=/, ''), label: `argument ${arg}`, source });
    }
  }
  return out;
}
