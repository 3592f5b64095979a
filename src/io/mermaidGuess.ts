// Guesses for hand-written diagrams: a node's kind from its label (then its shape), its role
// from the words primary / replica / standby, how many copies it stands for, and a
// subgraph's domain kind from its title. What a link means is read in mermaidLinkMeaning.ts.
import type { ComponentKind, DomainKind, Role, StandbyTemperature } from '../model';
import { COPY_MARKS } from './mermaidWords';

interface Rule<T> {
  value: T;
  pattern: RegExp;
}

// First match wins, so specific technology words come before generic ones ("Users DB" is a
// database, "User service" a service, "Web app" a web tier). Client phrases that cannot be
// anything else ("Mobile app", "Browser", "Internet") win over every other word; words for
// people ("Customer", "Data analyst", "Users") count only when no infrastructure word matched.
const KIND_RULES: Rule<ComponentKind>[] = [
  {
    value: 'client',
    pattern: /\b(end[- ]?users?|browsers?|mobile (apps?|clients?|devices?)|web clients?|desktop (apps?|clients?)|ios|android|internet(?![- ](facing|gateway))|public internet|www(?!\.)|user requests?)\b/i,
  },
  { value: 'dns', pattern: /\b(dns|route ?53|name ?servers?|ns1|ns2|bind9?|coredns|traffic manager|registrar)\b/i },
  { value: 'cdn', pattern: /\b(cdn|cloud ?front|akamai|fastly|cloudflare|edge (cache|caching|network)|front ?door)\b/i },
  { value: 'loadbalancer', pattern: /\b(load[- ]?balanc\w*|lb\d*|alb|elb|nlb|glb|haproxy|nginx|envoy|traefik|ingress|f5|api gateway|gateway|reverse proxy|proxy|keepalived|floating ip|vip|pgbouncer|waf|firewall|application gateway)\b/i },
  // What takes work off a queue is named for the queue as often as not ("Worker (BullMQ)").
  { value: 'service', pattern: /\b(workers?|consumers?|processors?|schedulers?|beat)\b/i },
  { value: 'cache', pattern: /\b(redis|memcached?|cache|caching|elasticache|valkey|varnish|hazelcast)\b/i },
  { value: 'queue', pattern: /\b(queues?|kafka|redpanda|sqs|sns|rabbit ?mq|amqp|nats|kinesis|pub ?sub|event ?bus|event ?hubs?|events|topics?|message (broker|bus)|broker|mq|activemq|pulsar|bull ?mq|celery broker|mqtt)\b/i },
  { value: 'storage', pattern: /\b(s3|buckets?|storage|blob|gcs|object ?store|efs|nfs|disk|volumes?|pvcs?|ebs|file ?store|minio|backups?|longhorn)\b/i },
  { value: 'database', pattern: /\b(databases?|db\d*|rdbms|postgres(ql)?(db)?|pg\d*|mysql|mariadb|aurora|rds|mongo(db)?|dynamo(db)?|cassandra|sql|mssql|oracle|cockroach(db)?|elasticsearch|opensearch|spanner|firestore|datastore|etcd|zookeeper|couchdb|neo4j|clickhouse|bigquery|snowflake|warehouse|cosmos|h2|sqlite|supabase|neon|qdrant|pinecone|vector (db|store))\b/i },
  { value: 'external', pattern: /\b(external|third[- ]party|3rd[- ]party|stripe|paypal|twilio|sendgrid|saas|partner|vendor|payment provider|auth0|okta|smtp|openai|llm api|pagerduty|slack)\b/i },
  { value: 'web', pattern: /\b(web|www|website|frontend|front[- ]end|web ?servers?|apache|httpd|iis|static site|spa|next\.?js|react|vue|angular|ssr|ui)\b/i },
  { value: 'app', pattern: /\b(apps?|application|app ?servers?|backend|back[- ]end|apis?|rest|graphql|monolith|servers?|instances?|vms?|ec2|hosts?|nodes?|pods?|containers?|ecs|fargate|app service|aks|eks|gke|kubernetes|k8s|k3s)\b/i },
  { value: 'service', pattern: /\b(services?|microservices?|svc|workers?|lambda|functions?|jobs?|cron|daemon|auth|search|payments?|orders?|inventory|notifications?|recommendations?|processors?|consumers?|producers?|schedulers?|orchestrators?|beat)\b/i },
  {
    value: 'client',
    pattern: /\b(users?|clients?|people|person|mobile|desktop|devices?|customers?|visitors?|(data )?analysts?|shoppers?|players?|riders?|passengers?|administrators|admins|developers|employees|staff|subscribers)\b/i,
  },
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

/** Host names and URLs in a label (`Users www.example.com`) name no kind: the words beside them do. */
export function withoutAddresses(label: string): string {
  return label
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\b[\w-]+(\.[\w-]+)+\.(com|org|net|io|dev|app|shop|co|uk|de|fr|local|internal|cloud|ai|svc|cluster)\b(:\d+)?\S*/gi, ' ')
    .replace(/\bport:?\s*\d+\b|:\d{2,5}\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A label that only names a protocol (`HTTPS`, `SSH :22`, `HTTP/HTTPS`) stands for the traffic that comes in: a client. */
const PROTOCOL_ONLY = /^\W*(https?|ssh|tcp|udp|tls|wss?|grpc|sftp|ftp)([\s/:,+&-]*(https?|ssh|tcp|udp|tls|wss?|grpc|sftp|ftp|\d+))*\W*$/i;

/**
 * A label that opens with a person (`👤 User`, `👥 Clients Web/Mobile`, `🧑‍💻 Developers`) draws
 * the people who use the system: a client, whatever its shape or the words after it. A node
 * that other nodes call is no client all the same (`👤 Account Service`, mermaidComponents.ts).
 */
const PERSON_FIRST = /^[^\p{L}\p{N}\p{Extended_Pictographic}]*(\u{1F464}|\u{1F465}|\u{1F9D1}|\u{1F468}|\u{1F469}|\u{1F466}|\u{1F467}|\u{1F9D2}|\u{1F64B}|\u{1F9CD}|\u{1F46A}|\u{1FAC2})/u;

export function guessKind(label: string, shape: string | undefined, exclude: ComponentKind[] = []): KindGuess | undefined {
  const text = withoutAddresses(label);
  if (!exclude.includes('client') && PROTOCOL_ONLY.test(text)) return { kind: 'client', reason: `the protocol "${text.trim()}": incoming traffic` };
  const person = exclude.includes('client') ? null : PERSON_FIRST.exec(text);
  if (person) return { kind: 'client', reason: `the person ${person[1]} it opens with` };
  // Ids used as labels run words together (`web1`, `orders_db`, `authService`): split them too.
  for (const candidate of [text, wordsOf(text)]) {
    for (const rule of KIND_RULES) {
      if (exclude.includes(rule.value)) continue;
      const m = rule.pattern.exec(candidate);
      if (m) return { kind: rule.value, reason: `the word "${m[0]}"` };
    }
  }
  if (shape && SHAPE_KINDS[shape] && !exclude.includes(SHAPE_KINDS[shape])) return { kind: SHAPE_KINDS[shape], reason: `its ${shape.replace(/_/g, ' ')} shape` };
  return undefined;
}

/** `authService` -> `auth Service`, `web1` -> `web 1`, `orders_db` -> `orders db`. */
export function wordsOf(text: string): string {
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
  // `failover` alone names a router or a controller as often as a standby ("Failover policy"):
  // only `failover replica`, `failover node`... make one.
  const standby = /\b(hot|warm|cold)?[- ]?(standby|stand[- ]by|passive|dr|failover (replica|db|database|node|instance|server|site|copy|cluster))\b/i.exec(label);
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

const CLUSTERED_KINDS = new Set<ComponentKind>(['database', 'cache', 'storage', 'queue']);

export interface ReplicaGuess {
  replicas: number;
  minHealthy?: number;
  reason: string;
  /** No number was written: the count is an assumption. */
  assumed: boolean;
}

/** `×3`, `x3` (apart from the word before it: `web-x3` is a name), `3 instances`. */
const COUNT_MARK = /(?:×|(?<![\p{L}\p{N}_-])x)\s?(\d{1,3})\b|\b(\d{1,3})\s*(?:replicas|instances|nodes|servers|pods|copies|hosts|workers|brokers)\b/iu;

/**
 * Replicas from `×3`, `x3` beside a name, `3 replicas`, `3 instances`, `3 nodes`; and, assumed, from words
 * that say there is more than one: a plural fleet (`App Pods`, `Pod(s)`, `Web servers`),
 * `Multi-AZ`, `Auto Scaling`, a `cluster` (three, two of which keep a quorum).
 */
export function guessReplicas(label: string, kind?: ComponentKind): ReplicaGuess | undefined {
  const m = COUNT_MARK.exec(label);
  // `x123`, `x3` alone is a name ending in digits, not a count: a mark counts beside a name (`Web x3`).
  if (m && m[1] !== undefined && !/\p{L}/u.test(label.slice(0, m.index) + label.slice(m.index + m[0].length))) return undefined;
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  if (n >= 2) return { replicas: n, reason: `"${m![0]}"`, assumed: false };
  if (m) return undefined;
  const text = wordsOf(label);
  // A data store's cluster; "Cluster services" or "ClusterIP" of an app say nothing of copies.
  const cluster = kind !== undefined && CLUSTERED_KINDS.has(kind) ? /\b(cluster|replica set|quorum)\b/i.exec(text) : null;
  if (cluster && !/\bsingle[- ]node\b/i.test(text)) return { replicas: 3, minHealthy: 2, reason: `the word "${cluster[0]}": three nodes, two of which keep a quorum, assumed`, assumed: true };
  const spread = /\b(multi[- ]?az|multi[- ]zone|auto ?scal\w*|autoscal\w*|scale set|managed instance group|replicated)\b/i.exec(text);
  if (spread) return { replicas: 2, reason: `"${spread[0]}": two instances assumed`, assumed: true };
  const fleet = /\b(pods|pod\(s\)|servers|instances|workers|nodes|replicas|containers|tasks|vms)\b/i.exec(label);
  if (fleet) return { replicas: 2, reason: `the plural "${fleet[0]}": two instances assumed`, assumed: true };
  return undefined;
}

/** What remains of a label once copy marks are gone: `App server 2` and `App server (us-west-2)` both give `app`. */
export function copyBase(label: string): string {
  return wordsOf(label.replace(/[()[\]{}:·•,/|]+/g, ' '))
    .toLowerCase()
    .replace(COPY_MARKS, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface DomainGuess {
  kind: DomainKind;
  reason: string;
}

// AWS (us-east-1a), GCP (us-central1-a) and Azure-style zone and region names.
const ZONE_NAME = /\b[a-z]{2}(?:-[a-z]+)+-\d+[a-z]\b|\b[a-z]{2}-[a-z]+\d+-[a-z]\b/i;
const REGION_NAME = /\b[a-z]{2}(?:-[a-z]+)+-\d+\b(?!-)|\b[a-z]{2}-[a-z]+\d+\b(?!-)/i;
/** Zones that are groupings, not failure domains: a landing zone, the zones of a data lake, a DNS hosted zone. */
const GROUPING_ZONE = /\b(landing|gold|silver|bronze|raw|trusted|curated|processed|staging|hosted|private hosted|public hosted|time|demilitari[sz]ed|security|trust)[- ]zones?\b|\bdmz\b/i;

const DOMAIN_RULES: [DomainKind, RegExp][] = [
  ['group', GROUPING_ZONE],
  ['zone', ZONE_NAME],
  ['zone', /\b(az ?\d*|az ?[a-z]|zones?( ?[a-z0-9])?|availability zones?)\b/i],
  ['region', REGION_NAME],
  ['region', /\b(regions?|geo)\b/i],
  ['rack', /\bracks?\b/i],
  ['datacenter', /\b(data ?cent(er|re)s?|dc\d*|colo(cation)?|on[- ]prem(ises)?|server room)\b/i],
  ['host', /\b(host machine|docker host|single (host|server|node|vm)|bare[- ]metal|droplet|vps)\b/i],
  ['provider', /\b(aws|amazon web services|gcp|google cloud|azure|cloud provider|provider|ovh|hetzner|digitalocean|oracle cloud|ibm cloud|cloudflare|vercel)\b/i],
];

/**
 * A subgraph's domain kind from its title, then from its id (`Region_A`, `zoneA`, `AZ-1`).
 * VPCs, clusters, namespaces, subnets, tiers and layers are groups: they never fail as one.
 */
export function guessDomainKind(title: string, id?: string): DomainGuess {
  const texts = [title, wordsOf(title), ...(id !== undefined && id !== title ? [wordsOf(id)] : [])];
  for (const text of texts) {
    for (const [kind, pattern] of DOMAIN_RULES) {
      const m = pattern.exec(text);
      if (m) return { kind, reason: kind === 'group' ? `"${m[0]}" is a grouping, not a failure domain` : `"${m[0].trim()}"` };
    }
  }
  return { kind: 'group', reason: 'no zone, region, datacenter or provider word' };
}

/** Where the first word of any kind stands in a label (Infinity when none does). */
export function kindWordIndex(label: string): number {
  let at = Infinity;
  for (const rule of KIND_RULES) {
    const m = rule.pattern.exec(label);
    if (m) at = Math.min(at, m.index);
  }
  return at;
}
