// The words a hand-drawn architecture diagram uses, by what they mean for the model. Data,
// not logic: each table was written against real diagrams from public READMEs (see
// test/io/fixtures/mermaid/README.md) and is tested word by word in test/io/mermaidWords.test.ts.

/** Words on a link that mean a copy of data, whatever the two ends are. */
export const REPLICATION_WORDS = /\b(replicat\w*|repl|mirror\w*|cdc|change data capture|wal|binlog|log shipping|geo[- ]?replicat\w*|crr|cross[- ]region(?! traffic))\b/i;

/** Words on a link that mean a copy of data when both ends hold data (`sync`, `backup`); between an app and a queue, `async` is a call. */
export const DATA_COPY_WORDS = /\b(sync\w*|async\w*|backups?|snapshots?|copy|copies|dump|streaming|archiv\w*|ship\w*|pitr|point[- ]in[- ]time)\b/i;

/** The replication mode words: sync before async (`async` contains `sync`). */
export const BACKUP_WORDS = /\b(backups?|snapshots?|dump|archiv\w*|pitr|point[- ]in[- ]time)\b/i;
export const ASYNC_WORDS = /\basync\w*\b|\bstreaming\b|\blag\b/i;
export const SYNC_WORDS = /\bsync(hronous)?\b/i;

/** Words on a link that make it optional: its failure degrades, never fails, the caller. */
export const OPTIONAL_WORDS = /\b(optional|soft|best[- ]effort|degrad\w*|fall[- ]?back|non[- ]critical|if available|nice to have)\b/i;

/** Words on a link that make it the path used after a failure: an alternative, not an option. */
export const FAILOVER_WORDS = /\b(fail[- ]?over|failback|dr|disaster recovery|if (the )?(target|primary|region)?\s*(is )?(unhealthy|down))\b/i;

/** Words on a link by which one end watches the other: off the users' path. */
export const MONITOR_LINK_WORDS = /\b(monitor\w*|health[- ]?checks?|scrap\w*|watch\w*|alert\w*|probes?|heartbeats?|metrics|telemetry|logs|logging|traces|tracing)\b/i;

/** Words on a link that follow data out of a queue to its consumers, not a call. */
export const CONSUME_LINK_WORDS = /\b(consum\w*|subscrib\w*|pull\w*|poll\w*|deliver\w*|process(es|ing)?|dequeue\w*)\b/i;

/**
 * Words of a node's label (before any word of a kind: "EC2: Django, Prometheus" is an EC2,
 * "Prometheus (metrics)" a monitor) or of the subgraph it sits in that put it off the users'
 * serving path:
 * monitoring, logs, tracing, analytics, backups, CI/CD, certificates, admin tools. A link to
 * such a node (App -> Logs) or from it (Prometheus -> App) is optional, unless the node
 * stands between the users and the rest (a health check on the DNS path).
 */
export const OFF_PATH_WORDS = new RegExp(
  '\\b(' +
    [
      'monitor\\w*', 'observability', 'prometheus', 'grafana', 'alert ?manager', 'alerts?', 'alerting', 'datadog', 'new ?relic', 'sentry',
      'cloud ?watch', 'app(lication)? insights', 'log analytics', 'loki', 'tempo', 'jaeger', 'zipkin', 'kibana', 'logstash', 'fluent ?(d|bit)',
      'splunk', 'node exporter', 'exporters?', 'logs?', 'logging', 'metrics', 'tracing', 'telemetry', 'analytics', 'bi', 'power ?bi',
      'tableau', 'looker', 'dashboards?', 'reporting', 'data ?warehouse', 'data ?lake', 'etl', 'audit', 'backups?', 'archiv\\w*',
      'glacier', 'ci ?/ ?cd', 'ci', 'cd', 'pipelines?', 'github( actions)?', 'gitlab', 'git push', 'jenkins', 'argo ?cd', 'devops',
      'container registry', 'image registry', 'docker registry', 'ecr', 'acr', 'docker hub', 'cert[- ]?manager', 'certificates?', 'acm', "let'?s encrypt",
      'kafka ui', 'pgadmin', 'portainer', 'bastion', 'jump ?(box|host)', 'admin (ui|console)', 'kubectl',
    ].join('|') +
    ')\\b',
  'i',
);

/** Words that put a node off the path wherever they stand in its label ("S3: backups"). */
export const BACKUP_TARGET_WORDS = /\b(backups?|archiv\w*|glacier|cold storage|dr copy)\b/i;

/**
 * Network boundaries drawn as nodes (an internet gateway, a VPC, a subnet, an endpoint): they
 * carry traffic but are no machine that fails on its own. Imported with availability 1 (an
 * assumption, said so), so they are never a SPOF.
 */
export const NETWORK_CONSTRUCT = /^\W*(internet gateway|igw|nat( gw| gateway)?( \(?[a-z0-9]\)?)?|vpc( link)?|vpc \S+|(public|private|db|database|app) subnets?( [a-z0-9])?|subnets?|security groups?|route tables?|transit gateway|vpc endpoints?|(s3 |gateway |interface )?endpoints?|.*\binterface endpoints\b.*|s3 gateway endpoint|vnet|virtual network|private (link|endpoints?)|vpn gateway)\W*$/i;

/** Words of a label that are decoration, not name: copies of one thing differ only by them. */
export const COPY_MARKS = /\b(primary|secondary|main|backup|standby|active|passive|replica|master|slave|leader|follower|blue|green|canary|hot|warm|cold|nodes?|instances?|copy|servers?|site|regions?|zones?|az|dc|cell|(us|eu|ap|sa|ca|me|af)(-[a-z]+)*(-\d+[a-z]?)?|east|west|north|south|central|europe|asia|americas?|\d+[a-z]?|[a-z])\b/gi;

/** Words that say a data store is split, each part holding its own data: each is required. */
export const SHARD_WORDS = /\b(shards?|partitions?|tenant)\b/i;
