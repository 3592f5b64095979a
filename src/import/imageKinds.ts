// What a container is, from its image (or build) name: the one table every importer uses
// (DESIGN section 7). Each row is data and is tested on its own (test/import/imageKinds.test.ts).
import type { ComponentKind } from '../model';

export interface ImageKindRow {
  /** Words of an image's name that mean this kind: `postgres` in `postgres:16`, `bitnami/postgresql`, `cp-postgres-x`. */
  names: string[];
  kind: ComponentKind;
  /** A proxy: a load balancer when it forwards to other imported components, a web server otherwise. */
  proxy?: boolean;
  /** A consensus system: a majority of its members must be up (minHealthy = n / 2 + 1). */
  quorum?: boolean | 'kraft';
  /** A primary/replica database: one writable primary, the other members replicas. */
  primaryReplica?: boolean;
}

export const IMAGE_KINDS: readonly ImageKindRow[] = [
  { names: ['postgres', 'postgresql', 'postgis', 'timescaledb'], kind: 'database', primaryReplica: true },
  { names: ['mysql', 'percona'], kind: 'database', primaryReplica: true },
  { names: ['mariadb'], kind: 'database', primaryReplica: true },
  { names: ['mongo', 'mongodb'], kind: 'database' },
  { names: ['cockroach', 'cockroachdb'], kind: 'database', quorum: true },
  { names: ['cassandra', 'scylla', 'scylladb'], kind: 'database' },
  { names: ['etcd'], kind: 'database', quorum: true },
  { names: ['elasticsearch', 'opensearch'], kind: 'database' },
  { names: ['redis', 'memcached', 'valkey', 'keydb', 'dragonfly'], kind: 'cache' },
  { names: ['rabbitmq', 'nats', 'activemq', 'artemis', 'redpanda', 'pulsar'], kind: 'queue' },
  { names: ['kafka'], kind: 'queue', quorum: 'kraft' },
  { names: ['zookeeper'], kind: 'service', quorum: true },
  { names: ['consul'], kind: 'service', quorum: true },
  { names: ['minio', 'seaweedfs'], kind: 'storage' },
  { names: ['nginx', 'haproxy', 'traefik', 'envoy', 'caddy'], kind: 'loadbalancer', proxy: true },
];

/**
 * Words that make an image a tool around the system rather than the system itself:
 * `mongo-express`, `redis-exporter`, `kafka-ui`, `nginx-ingress-controller` stay services.
 */
const TOOL_WORDS = new Set([
  'exporter', 'ui', 'commander', 'express', 'admin', 'operator', 'client', 'cli', 'insight', 'dashboard',
  'console', 'manager', 'backup', 'init', 'sentinel', 'controller', 'webhook', 'metrics', 'proxy', 'connect',
  'schema', 'registry', 'rest', 'agent', 'bridge', 'migrate', 'migrations', 'loadgenerator',
]);

export interface ImageKind {
  kind: ComponentKind;
  row?: ImageKindRow;
  /** The word of the name that decided, for the note. */
  word?: string;
}

/** The kind of a container from its image or build name; `service` when nothing in the table matches. */
export function kindFromImage(image: string): ImageKind {
  // The last segment only: `traefik/whoami` is a demo web service, not Traefik.
  const [name] = imageSegments(image);
  const words = (name ?? '').split(/[-_.]+/).filter(Boolean);
  if (words.some((w) => TOOL_WORDS.has(w))) return { kind: 'service' };
  for (const word of words) {
    const row = IMAGE_KINDS.find((r) => r.names.includes(word));
    if (row) return { kind: row.kind, row, word };
  }
  return { kind: 'service' };
}

/**
 * The name's path segments, last first, lower case, without registry, tag or digest:
 * `registry.example.com:5000/team/postgres:16@sha256:...` -> ['postgres', 'team'].
 */
export function imageSegments(image: string): string[] {
  const noDigest = image.trim().toLowerCase().replace(/@.*$/, '');
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const noTag = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const parts = noTag.split('/').filter((p) => p && p !== '.' && p !== '..');
  // A first segment with a dot or a port is a registry host, not a name.
  if (parts.length > 1 && /[.:]/.test(parts[0])) parts.shift();
  return parts.reverse();
}
