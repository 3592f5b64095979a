// Guesses for hand-written diagrams: a node's kind from its label (then its shape), its role
// from the words primary / replica / standby, a subgraph's domain kind from its title, and
// what a link label says (replication and its mode, optional).
import type { ComponentKind, DomainKind, ReplicationMode, Role, StandbyTemperature } from '../model';

interface Rule<T> {
  value: T;
  pattern: RegExp;
}

// First match wins, so specific technology words come before generic ones ("Users DB" is a
// database, "User service" a service, "Web app" a web tier). Client words count only when
// no infrastructure word matched, except for the unambiguous ones in the first rule.
const KIND_RULES: Rule<ComponentKind>[] = [
  { value: 'client', pattern: /\b(end[- ]?users?|browsers?|mobile (apps?|clients?)|web clients?|ios|android|visitors|customers)\b/i },
  { value: 'dns', pattern: /\b(dns|route ?53|name ?servers?|ns1|ns2|bind9?|coredns)\b/i },
  { value: 'cdn', pattern: /\b(cdn|cloud ?front|akamai|fastly|cloudflare|edge (cache|network))\b/i },
  { value: 'loadbalancer', pattern: /\b(load[- ]?balanc\w*|lb\d*|alb|elb|nlb|glb|haproxy|nginx|envoy|traefik|ingress|f5|api gateway|gateway|reverse proxy|proxy|keepalived|floating ip)\b/i },
  { value: 'cache', pattern: /\b(redis|memcached?|cache|caching|elasticache|valkey|varnish|hazelcast)\b/i },
  { value: 'queue', pattern: /\b(queues?|kafka|sqs|sns|rabbit ?mq|amqp|nats|kinesis|pub ?sub|event ?bus|message (broker|bus)|broker|mq|activemq|pulsar|stream)\b/i },
  { value: 'storage', pattern: /\b(s3|buckets?|storage|blob|gcs|object ?store|efs|nfs|disk|volume|ebs|file ?store|minio|backups?)\b/i },
  { value: 'database', pattern: /\b(databases?|db\d*|rdbms|postgres(ql)?|pg|mysql|mariadb|aurora|rds|mongo(db)?|dynamo(db)?|cassandra|sql|mssql|oracle|cockroach(db)?|elasticsearch|opensearch|spanner|firestore|datastore|etcd|zookeeper|couchdb|neo4j|clickhouse|bigquery|snowflake|warehouse)\b/i },
  { value: 'external', pattern: /\b(external|third[- ]party|3rd[- ]party|stripe|paypal|twilio|sendgrid|saas|partner|vendor|payment provider|auth0|okta|smtp)\b/i },
  { value: 'web', pattern: /\b(web|www|website|frontend|front[- ]end|web ?servers?|apache|httpd|iis|static site|spa)\b/i },
  { value: 'app', pattern: /\b(apps?|application|app ?servers?|backend|back[- ]end|apis?|rest|graphql|monolith|servers?|instances?|vms?|ec2|hosts?|nodes?|pods?|containers?)\b/i },
  { value: 'service', pattern: /\b(services?|microservices?|svc|workers?|lambda|functions?|jobs?|cron|daemon|auth|search|payments?|orders?|inventory|notifications?|recommendations?)\b/i },
  { value: 'client', pattern: /\b(users?|clients?|people|mobile|desktop|devices?)\b/i },
  // Replication words alone mean a copy of data.
  { value: 'database', pattern: /\b(primary|replicas?|standby|master|slave|leader|follower|secondary)\b/i },
];

/** Mermaid shape names (classic and Mermaid 11 `@{ shape: ... }`) and the kind each suggests. */
const SHAPE_KINDS: Record<string, ComponentKind> = {
  stadium: 'client', terminal: 'client', pill: 'client',
  hexagon: 'dns', hex: 'dns', prepare: 'dns',
  circle: 'cdn', circ: 'cdn', doublecircle: 'cdn', 'dbl-circ': 'cdn', cloud: 'cdn',
  diamond: 'loadbalancer', diam: 'loadbalancer', decision: 'loadbalancer', question: 'loadbalancer',
  round: 'web', rounded: 'web', event: 'web',
  subroutine: 'service', subproc: 'service', 'fr-rect': 'service', 'framed-rectangle': 'service',
  cylinder: 'database', cyl: 'database', db: 'database', database: 'database', 'lin-cyl': 'storage', 'disk': 'storage',
  'h-cyl': 'storage', 'das': 'storage', 'horizontal-cylinder': 'storage', 'lined-cylinder': 'storage',
  lean_right: 'queue', lean_left: 'queue', 'lean-r': 'queue', 'lean-l': 'queue', 'in-out': 'queue', 'out-in': 'queue',
  odd: 'external', flag: 'external', 'paper-tape': 'external',
};

export interface KindGuess {
  kind: ComponentKind;
  /** Why, for the report: `the word "Postgres"`, `its cylinder shape`. */
  reason: string;
}

export function guessKind(label: string, shape: string | undefined): KindGuess | undefined {
  // Ids used as labels run words together (`web1`, `orders_db`, `authService`): split them too.
  for (const text of [label, wordsOf(label)]) {
    for (const rule of KIND_RULES) {
      const m = rule.pattern.exec(text);
      if (m) return { kind: rule.value, reason: `the word "${m[0]}"` };
    }
  }
  if (shape && SHAPE_KINDS[shape]) return { kind: SHAPE_KINDS[shape], reason: `its ${shape.replace(/_/g, ' ')} shape` };
  return undefined;
}

function wordsOf(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ');
}

export interface RoleGuess {
  role: Role;
  standby?: StandbyTemperature;
  reason: string;
}

export function guessRole(text: string): RoleGuess | undefined {
  const label = wordsOf(text);
  const standby = /\b(hot|warm|cold)?[- ]?(standby|stand[- ]by|failover|passive|dr)\b/i.exec(label);
  if (standby) {
    const temp = standby[1]?.toLowerCase() as StandbyTemperature | undefined;
    return { role: 'standby', ...(temp ? { standby: temp } : {}), reason: `the word "${standby[0].trim()}"` };
  }
  const replica = /\b(read[- ]?replicas?|replicas?|secondary|follower|slave|read[- ]only)\b/i.exec(label);
  if (replica) return { role: 'replica', reason: `the word "${replica[0]}"` };
  const primary = /\b(primary|master|leader|writer|main)\b/i.exec(label);
  if (primary) return { role: 'primary', reason: `the word "${primary[0]}"` };
  return undefined;
}

/** Replicas from `×3`, `x3`, `3 replicas`, `3 instances`, `3 nodes`. */
export function guessReplicas(label: string): { replicas: number; reason: string } | undefined {
  const m = /(?:×|\bx)\s?(\d{1,3})\b|\b(\d{1,3})\s*(?:replicas|instances|nodes|servers|pods|copies)\b/i.exec(label);
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  return n >= 2 ? { replicas: n, reason: `"${m![0]}"` } : undefined;
}

export interface DomainGuess {
  kind: DomainKind;
  reason: string;
}

// AWS (us-east-1a), GCP (us-central1-a) and Azure-style zone and region names.
const ZONE_NAME = /\b[a-z]{2}(?:-[a-z]+)+-\d+[a-z]\b|\b[a-z]{2}-[a-z]+\d+-[a-z]\b/i;
const REGION_NAME = /\b[a-z]{2}(?:-[a-z]+)+-\d+\b(?!-)|\b[a-z]{2}-[a-z]+\d+\b(?!-)/i;

export function guessDomainKind(title: string, _id?: string): DomainGuess {
  const rules: [DomainKind, RegExp][] = [
    ['zone', ZONE_NAME],
    ['zone', /\b(az\d*|zones?|availability zones?)\b/i],
    ['region', REGION_NAME],
    ['region', /\bregions?\b/i],
    ['rack', /\bracks?\b/i],
    ['datacenter', /\b(data ?cent(er|re)s?|dc\d*|colo(cation)?|on[- ]prem(ises)?)\b/i],
    ['provider', /\b(aws|amazon web services|gcp|google cloud|azure|cloud provider|provider|ovh|hetzner|digitalocean|oracle cloud|ibm cloud)\b/i],
  ];
  for (const [kind, pattern] of rules) {
    const m = pattern.exec(title);
    if (m) return { kind, reason: `"${m[0]}"` };
  }
  return { kind: 'group', reason: 'no zone, region, datacenter or provider word' };
}

export interface EdgeMeaning {
  replication?: { mode: ReplicationMode; modeGuessed: boolean };
  optional: boolean;
}

/** A dotted edge whose label speaks of replication, sync, async or backup is replication; other dotted edges are optional. */
export function edgeMeaning(label: string, stroke: string): EdgeMeaning {
  const dotted = stroke === 'dotted';
  const replicationWord = /\b(replicat\w*|repl|sync\w*|async\w*|backups?|snapshots?|mirror\w*|copy|copies|dump|wal|binlog|log shipping|streaming)\b/i;
  if (dotted && replicationWord.test(label) && !/^\s*optional\b/i.test(label)) {
    if (/\basync/i.test(label)) return { replication: { mode: 'async', modeGuessed: false }, optional: false };
    if (/\bsync/i.test(label)) return { replication: { mode: 'sync', modeGuessed: false }, optional: false };
    if (/\b(backups?|snapshots?|dump)\b/i.test(label)) return { replication: { mode: 'backup', modeGuessed: false }, optional: false };
    return { replication: { mode: 'async', modeGuessed: true }, optional: false };
  }
  const optionalWord = /\b(optional|soft|best[- ]effort|degrad\w*|fallback|non[- ]critical)\b/i;
  return { optional: dotted || optionalWord.test(label) };
}
