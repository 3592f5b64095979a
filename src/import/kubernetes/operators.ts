// Databases run by an operator: the operator's resource says how many instances and that
// failover is automatic (DESIGN section 7: "unless an operator's resource says otherwise").
// The Services the operator creates are not in the files; their names are known.
import type { ImportNote } from '../notes';
import type { ImportedComponent, ImportedLink } from '../types';
import { count, dict, quotedCount, shownValue, str } from '../values';
import { KUBERNETES_REFUSES_STRINGS, sourceOf, type K8sObject } from './objects';

interface OperatorKind {
  match: (o: K8sObject) => boolean;
  label: string;
  instances: (spec: Record<string, unknown>) => { n: number | undefined; key: string };
  /** Services the operator makes for a cluster named `name`. */
  services: (name: string) => string[];
  /** Synchronous replicas configured: no data lost on failover. */
  sync: (spec: Record<string, unknown>) => boolean;
}

export const OPERATOR_KINDS: OperatorKind[] = [
  {
    match: (o) => o.kind === 'Cluster' && o.apiVersion.startsWith('postgresql.cnpg.io/'),
    label: 'CloudNativePG Cluster',
    instances: (spec) => ({ n: count(spec.instances), key: 'instances' }),
    services: (name) => [`${name}-rw`, `${name}-ro`, `${name}-r`],
    sync: (spec) => (count(spec.minSyncReplicas) ?? 0) > 0,
  },
  {
    match: (o) => o.kind === 'postgresql' && o.apiVersion.startsWith('acid.zalan.do/'),
    label: 'Zalando postgres-operator postgresql',
    instances: (spec) => ({ n: count(spec.numberOfInstances), key: 'numberOfInstances' }),
    services: (name) => [name, `${name}-repl`],
    sync: (spec) => str(dict(spec.patroni).synchronous_mode) === 'true' || dict(spec.patroni).synchronous_mode === true,
  },
  {
    match: (o) => o.kind === 'InnoDBCluster' && o.apiVersion.startsWith('mysql.oracle.com/'),
    label: 'MySQL InnoDBCluster',
    instances: (spec) => ({ n: count(spec.instances), key: 'instances' }),
    services: (name) => [name, `${name}-instances`],
    sync: () => true,
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
      const sync = op.sync(spec);
      components.push({ id: standby, kind: 'database', role: 'standby', standby: 'hot', replicas: instances - 1, source, label: `${o.name} standbys`, alternativeTo: id });
      links.push({ from: id, to: standby, type: 'replication', mode: sync ? 'sync' : 'async', source, reason: `${op.label} replicates to its standbys` });
      notes.push({ kind: 'inferred', subject: standby, source, message: `the operator promotes a standby when the primary fails (automatic failover, hot standby)` });
    }
    for (const s of op.services(o.name)) serviceNames.set(`${o.namespace}/${s}`, { o, id });
  }
  return { components, links, serviceNames };
}
