// Databases run by an operator: the operator's resource says how many instances and that
// failover is automatic (DESIGN section 7: "unless an operator's resource says otherwise").
// The Services the operator creates are not in the files; their names are known.
import type { ImportNote, ImportSource } from '../notes';
import type { ImportedComponent, ImportedLink } from '../types';
import { bool, count, dict, quotedCount, shownValue, type Dict } from '../values';
import { KUBERNETES_REFUSES_STRINGS, sourceOf, type K8sObject } from './objects';

interface OperatorKind {
  match: (o: K8sObject) => boolean;
  label: string;
  instances: (spec: Record<string, unknown>) => { n: number | undefined; key: string };
  /** Services the operator makes for a cluster named `name`. */
  services: (name: string) => string[];
  /**
   * Where synchronous replication (no data lost on failover) is set, the first one given read;
   * `on` says whether a value sets it (undefined: not a value that setting takes). None: always synchronous.
   */
  sync: SyncSetting[];
}

interface SyncSetting {
  /** As the note names it: `minSyncReplicas`, `patroni.synchronous_mode`. */
  path: string;
  holder: (spec: Dict) => Dict;
  key: string;
  on: (v: unknown) => boolean | undefined;
  /** The setting takes a number or a boolean: a string is refused by the API server, so warned of. */
  quotedAs: (v: string) => boolean;
}

const countAbove0 = (v: unknown) => {
  const n = count(v);
  return n === undefined ? undefined : n > 0;
};
const isCountText = (v: string) => count(v) !== undefined;

export const OPERATOR_KINDS: OperatorKind[] = [
  {
    match: (o) => o.kind === 'Cluster' && o.apiVersion.startsWith('postgresql.cnpg.io/'),
    label: 'CloudNativePG Cluster',
    instances: (spec) => ({ n: count(spec.instances), key: 'instances' }),
    services: (name) => [`${name}-rw`, `${name}-ro`, `${name}-r`],
    sync: [
      { path: 'minSyncReplicas', holder: (spec) => spec, key: 'minSyncReplicas', on: countAbove0, quotedAs: isCountText },
      // CloudNativePG 1.24 on: `postgresql.synchronous.number` standbys confirm each commit.
      { path: 'postgresql.synchronous.number', holder: (spec) => dict(dict(spec.postgresql).synchronous), key: 'number', on: countAbove0, quotedAs: isCountText },
    ],
  },
  {
    match: (o) => o.kind === 'postgresql' && o.apiVersion.startsWith('acid.zalan.do/'),
    label: 'Zalando postgres-operator postgresql',
    instances: (spec) => ({ n: count(spec.numberOfInstances), key: 'numberOfInstances' }),
    services: (name) => [name, `${name}-repl`],
    sync: [{ path: 'patroni.synchronous_mode', holder: (spec) => dict(spec.patroni), key: 'synchronous_mode', on: (v) => bool(v), quotedAs: (v) => bool(v) !== undefined }],
  },
  {
    match: (o) => o.kind === 'InnoDBCluster' && o.apiVersion.startsWith('mysql.oracle.com/'),
    label: 'MySQL InnoDBCluster',
    instances: (spec) => ({ n: count(spec.instances), key: 'instances' }),
    services: (name) => [name, `${name}-instances`],
    sync: [],
  },
];

export function operatorComponents(objects: K8sObject[], freeId: (name: string, suffix: string) => string, notes: ImportNote[]) {
  const components: ImportedComponent[] = [];
  const links: ImportedLink[] = [];
  const serviceNames = new Map<string, { o: K8sObject; id: string }>();
  for (const o of objects) {
    const op = OPERATOR_KINDS.find((k) => k.match(o));
    if (!op) continue;
    const spec = dict(o.obj.spec);
    const { n, key } = op.instances(spec);
    const instances = Math.max(1, n ?? 1);
    const id = freeId(o.name, 'db');
    const source = sourceOf(o);
    components.push({ id, kind: 'database', source, label: o.name });
    const given = spec[key];
    const quoted = quotedCount(given, KUBERNETES_REFUSES_STRINGS);
    // Not set, not a count (`2.5`, `"many"`), or quoted: each said as what it is.
    const why = given === undefined || given === null ? ' (not set: 1 assumed)' : n === undefined ? ` (${key} is ${shownValue(given)}, not a count: 1 assumed)` : n === 0 ? ` (${key} 0: counted as 1)` : '';
    notes.push({ kind: quoted ? 'warning' : n === undefined ? 'assumed' : 'inferred', subject: id, source: sourceOf(o, spec, key), message: `${op.label}: ${instances} instance${instances === 1 ? '' : 's'}${why}${quoted}` });
    if (instances > 1) {
      const standby = freeId(`${o.name}-standby`, 'db');
      const mode = replicationMode(o, spec, op, notes, id);
      components.push({ id: standby, kind: 'database', role: 'standby', standby: 'hot', replicas: instances - 1, source, label: `${o.name} standbys`, alternativeTo: id });
      links.push({ from: id, to: standby, type: 'replication', mode: mode.sync ? 'sync' : 'async', source: mode.source ?? source, reason: `${op.label} replicates to its standbys${mode.why}` });
      notes.push({ kind: 'inferred', subject: standby, source, message: `the operator promotes a standby when the primary fails (automatic failover, hot standby)` });
    }
    for (const s of op.services(o.name)) serviceNames.set(`${o.namespace}/${s}`, { o, id });
  }
  return { components, links, serviceNames };
}

/**
 * Synchronous or not, from the first sync setting the resource gives, and why in words for the
 * replication link's note; a quoted value and a value the setting does not take are notes of their own.
 */
function replicationMode(o: K8sObject, spec: Dict, op: OperatorKind, notes: ImportNote[], subject: string): { sync: boolean; why: string; source?: ImportSource } {
  if (op.sync.length === 0) return { sync: true, why: '' };
  for (const setting of op.sync) {
    const holder = setting.holder(spec);
    const given = holder[setting.key];
    if (given === undefined || given === null) continue;
    const source = sourceOf(o, holder, setting.key);
    const on = setting.on(given);
    if (on === undefined) {
      notes.push({ kind: 'assumed', subject, source, message: `${setting.path} is ${shownValue(given)}, not a value it takes: asynchronous replication assumed` });
      return { sync: false, why: ` (${setting.path} ${shownValue(given)} not read)`, source };
    }
    if (typeof given === 'string' && setting.quotedAs(given)) {
      notes.push({ kind: 'warning', subject, source, message: `${setting.path} ${given.trim()}${quotedCount(given, KUBERNETES_REFUSES_STRINGS)}` });
    }
    const shown = typeof given === 'string' ? given.trim() : String(given);
    return { sync: on, why: ` (${setting.path} ${shown})`, source };
  }
  return { sync: false, why: ` (${wordListOr(op.sync.map((s) => s.path))} not set)` };
}

function wordListOr(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
