// Thirty-five diagrams written for this repository, each modelled on a real architecture diagram
// from a public repository's README or docs (its structure and its quirks: shapes, edge
// styles, labels, subgraph use and mistakes; the names and the text are our own), and what a
// reviewer expects of each: the nodes that are single points of failure, and the nodes that
// are clearly not. test/io/mermaidDiagrams.test.ts imports and analyses each.
//
// Sources are named `owner/repo path`; four were found by the code search without their
// repository's name, and are named by the search index's file id. The last five (36-40) were
// written after the rules, as a check on diagrams the rules had not seen: on first import one
// of five read as a reviewer does (people drawn by an emoji, answers drawn back along the
// calls and failover between two regions were missed); the rules for those came after.

export interface DiagramExpectation {
  file: string;
  source: string;
  /** What the original does that an importer must read the way its author meant. */
  quirks: string;
  /** Node ids a reviewer calls single points of failure. */
  spofs: string[];
  /** Node ids a reviewer says are clearly not single points of failure. */
  notSpofs: string[];
}

export const DIAGRAMS: DiagramExpectation[] = [
  {
    file: '01-balancer-two-apps-three-sql.mmd',
    source: 'rjsalicco/documentation Topology.md',
    quirks: 'no client drawn; numbered copies in plain boxes; every app to every database server; click lines',
    spofs: ['LB'],
    notSpofs: ['App1', 'App2', 'Sql1', 'Sql2', 'Sql3'],
  },
  {
    file: '02-tiers-as-subgraphs-two-headed.mmd',
    source: 'amr-khalil/iban-checker docs/uml/system-design.md',
    quirks: 'front matter; one subgraph per tier; every edge two-headed and drawn between subgraphs (A & B & C); @{ shape: procs }; observability on the same edges',
    spofs: ['Vue', 'Traefik', 'Memcached'],
    notSpofs: ['Api1', 'Api2', 'Api3', 'My1', 'My2', 'My3', 'Prom', 'Graf', 'Logs'],
  },
  {
    file: '03-emoji-basic-web.mmd',
    source: 'shay-ff/systemdesign-docs assets/diagrams/templates/basic-web-app.md',
    quirks: 'emoji in every label; style lines',
    spofs: ['LB', 'K', 'D'],
    notSpofs: ['W1', 'W2'],
  },
  {
    file: '04-aws-two-headed-multi-az.mmd',
    source: 'ericdaniel6166/200lab system_design_interview/aws.md',
    quirks: 'every edge two-headed (<-->); literal \\n in labels; "+ Multi AZ" in labels; a lowercase singular "customer" id as the client',
    spofs: ['dns', 'cdn', 'cache'],
    notSpofs: ['lb', 'api', 'db'],
  },
  {
    file: '05-rds-primary-standby-zones.mmd',
    source: 'search index file 34323690499 (a README "Diagram" section, repository not named)',
    quirks: 'tabs; nested aws > VPC > AZ subgraphs; a solid unlabelled edge from "RDS - Master" to "RDS - Standby"; no client',
    spofs: ['G', 'H'],
    notSpofs: ['I', 'J'],
  },
  {
    file: '07-k8s-postgres-subgraph-two-headed.mmd',
    source: 'leonidSpiri/osUtility mermaid.md',
    quirks: 'a two-headed edge to a subgraph (APP <---> DB); undirected lines to monitoring and logging; primary and standby with no replication drawn; an edge from a subgraph to its own member (DB --> WAL)',
    spofs: ['VIP', 'IC', 'S'],
    notSpofs: ['P1', 'P2', 'Mon', 'Log', 'Arch'],
  },
  {
    file: '08-network-constructs-as-nodes.mmd',
    source: 'aaron-mathew007/Cloud-Native-multi-tier-app docs/architecture.md',
    quirks: 'Internet as the client; VPC and subnets drawn as nodes on the path; one EC2 whose label lists its monitoring tools; a backup bucket',
    spofs: ['F', 'G'],
    notSpofs: ['C', 'D', 'E', 'I'],
  },
  {
    file: '09-primary-to-replica-solid.mmd',
    source: 'Shaweeen/architecture-docs architecture-overview.md',
    quirks: 'quoted subgraph titles without ids; emoji; a solid unlabelled edge from the primary database to its read replica',
    spofs: ['LB', 'Redis', 'DB'],
    notSpofs: ['A1', 'A2', 'A3', 'DBR'],
  },
  {
    file: '12-kafka-two-headed-text-edge-ids.mmd',
    source: 'F11uff/Kafka README.md',
    quirks: 'edge ids (L_x@) on two-headed arrows with text inside (<-- text -->); @{ animation } lines; consumers named "(API Consumer)"; no client',
    spofs: ['Bus'],
    notSpofs: ['Stats'],
  },
  {
    file: '13-gateway-discovery-topics.mmd',
    source: 'agarciaro/bootcamp-Desarrollo-Profesional-Backend-Spring kafka/ARCHITECTURE_DIAGRAM.md',
    quirks: '%% comments; <br/> and ports in labels; topics drawn as nodes; arrows out of topics to consumers; a Kafka UI; classDef and class lines',
    spofs: ['Gw', 'Discovery', 'Settings', 'Account', 'Billing', 'AccountDB', 'BillingDB'],
    notSpofs: ['KafkaUI', 'Mailer', 'MailerDB', 'InsightAlerts'],
  },
  {
    file: '14-subgraph-to-node-publish-subscribe.mmd',
    source: 'Scanly-io/qr-backend REQUEST_FLOW_DIAGRAM.md',
    quirks: 'edges from a subgraph to a node (Producers --> Kafka) and from a node to a subgraph (Kafka --> Consumers); two client nodes in a row; A & B & C --> Redis',
    spofs: ['Nginx', 'Auth', 'AuthDB', 'Public', 'Kafka', 'Redis'],
    notSpofs: ['Stats', 'Recs', 'Mail', 'StatsDB', 'MailDB'],
  },
  {
    file: '15-frontend-api-consumer-no-client.mmd',
    source: 'NopksForge/go-next-clean-arch readme.md',
    quirks: 'no client: the frontend is where requests start; a consumer after the message bus',
    spofs: ['Core', 'PG', 'KV', 'Bus'],
    notSpofs: ['Worker'],
  },
  {
    file: '18-solid-replication-monitors-no-client.mmd',
    source: 'ConnectBest/EntSystemsHackaton docs/failover.md',
    quirks: 'replication drawn solid with words ("streaming replication", "replication"); dotted "monitors" edges from a failover controller and a Sentinel; no client',
    spofs: [],
    notSpofs: ['Kv2', 'Ctl', 'Sen'],
  },
  {
    file: '19-dns-subgraph-three-regions.mmd',
    source: 'rahulladumor/terraform-multi-region-dr-case-study ARCHITECTURE_DIAGRAM.md',
    quirks: 'the users point at a subgraph (Route 53) that then points at its own member; weighted edges to three regional load balancers; "Replication<1s" (a < in a label); two-headed dotted global replication; VPC nodes linked to nothing',
    spofs: ['Probe', 'Policy'],
    notSpofs: ['Lb1', 'Lb2', 'Lb3', 'Db1', 'Db2', 'Db3'],
  },
  {
    file: '20-failover-dotted-region-pair.mmd',
    source: 'samueljackson-collab/Portfolio-Project projects/p10-multi-region/README.md',
    quirks: 'a dotted "Failover" edge to the second region; chains (A --> B --> C); "CRR"; a standby auto-scaling group',
    spofs: ['Dns'],
    notSpofs: ['Alb1', 'Alb2', 'App1', 'App2', 'Db1', 'Db2'],
  },
  {
    file: '21-text-in-arrow-no-spaces.mmd',
    source: 'proche-c/transcendence mermaid.md',
    quirks: 'text inside arrows with no spaces (--HTTPS/443-->); WWW as the users; an id with a slash; one node per subgraph',
    spofs: ['Nginx', 'Front', 'back/api'],
    notSpofs: [],
  },
  {
    file: '22-cdn-and-cluster-ci-to-subgraph.mmd',
    source: 'CheshireMinded/template docs/diagrams.md',
    quirks: 'nodes placed in subgraphs by bare id after they were drawn; a CI pipeline that points at the cluster subgraph',
    spofs: ['dns', 'ing', 'edge', 'web', 'api'],
    notSpofs: ['webPods', 'apiPods', 'gh', 'ci', 'reg', 'dev'],
  },
  {
    file: '23-invalid-parens-k3s-single-host.mmd',
    source: 'APerlinx/svg-saas-server docs/SYSTEM_ARCHITECTURE.md',
    quirks: 'invalid Mermaid: unquoted ( ) in node labels, an edge label and subgraph titles; literal \\n; <sha> in a label; a dotted cert-manager edge; a CI/CD subgraph',
    spofs: ['DNS', 'VM', 'Ingress', 'ApiSvc', 'Postgres', 'Redis', 'Web'],
    notSpofs: ['Cert', 'GH', 'Build', 'ECR', 'Runner', 'Worker'],
  },
  {
    file: '24-k8s-services-dotted-cache.mmd',
    source: 'harshm413/rest-api-microservices-redis-rabbitmq ARCHITECTURE.md',
    quirks: 'URLs and ip:port as edge labels; dotted edges to the cache and the queue that are calls',
    spofs: ['Ingress', 'Gateway', 'Auth', 'Profile', 'Cart', 'MySQL', 'Postgres', 'Mongo'],
    notSpofs: [],
  },
  {
    file: '25-bold-emoji-target-groups.mmd',
    source: 'MAHALAKSHMImahalakshmi/roboshop-infra-dev README.md',
    quirks: '**bold** and emoji in labels and titles; host names in labels; a service named "user"; subgraphs nested by bare id; text in arrows with emoji and quotes',
    spofs: ['FeAlb', 'BeAlb', 'Web', 'Catalog', 'Account', 'Basket', 'Ship', 'Pay', 'Mongo', 'Redis', 'MySQL', 'Rabbit'],
    notSpofs: ['FeTg', 'Jump', 'Vpn', 'Nat'],
  },
  {
    file: '26-invalid-parens-two-zones.mmd',
    source: 'procloudkim/test README.md',
    quirks: 'invalid Mermaid: ALB (a), NAT GW (a) unquoted; a comment before the header; AZ-a / AZ-c subgraphs; an undirected line between the two load balancers; endpoints and gateways as nodes',
    spofs: [],
    notSpofs: ['IGW', 'LBa', 'LBc', 'WebA', 'WebC', 'RDSa', 'RDSc', 'S3EP', 'SSMEP', 'NATa', 'NATc'],
  },
  {
    file: '27-three-balanced-tiers.mmd',
    source: 'zhu-weijie/zhu-weijie.github.io (post "Load Balancer", 2025-09-07)',
    quirks: '%%{init}%% directive; edges written inside tier subgraphs; three copies with the same label per tier; database servers behind a balancer',
    spofs: ['LB1', 'LB2', 'LB3'],
    notSpofs: ['WS1', 'WS2', 'WS3', 'AS1', 'AS2', 'AS3', 'DB1', 'DB2', 'DB3'],
  },
  {
    file: '28-azure-everything-in-one.mmd',
    source: 'calvinlee999/react_next_java_journey docs/architecture/azure-cloud-architecture.md',
    quirks: 'users, developers and administrators; identity services drawn pointing at the apps; monitoring chains; a DevOps pipeline pointing at the runtime',
    spofs: ['Door', 'Edge', 'Waf', 'Env', 'Site', 'Gate', 'Core', 'Aks', 'Sql', 'Cache', 'Accounts', 'Payments', 'Sockets', 'Cosmos'],
    notSpofs: ['Mon', 'Insights', 'LogA', 'Graf', 'Actions', 'Build', 'Acr', 'Pipelines'],
  },
  {
    file: '29-pooler-replicas-failover-standby.mmd',
    source: 'search index file 54567890061 (a "Database Design" document, repository not named)',
    quirks: 'a standby that nothing links to, joined to the primary by a solid "Streaming replication" edge; read replicas behind a pooler; no client',
    spofs: ['Pool'],
    notSpofs: ['Main', 'Rep1', 'Rep2', 'Spare'],
  },
  {
    file: '30-warm-standby-site-no-app-links.mmd',
    source: 'search index file 2311407545 (a DR design document, repository not named)',
    quirks: 'CJK subgraph titles with full-width parentheses; a dotted "Failover" edge to a standby load balancer; load balancers linked to nothing behind them; no client',
    spofs: ['DNS'],
    notSpofs: ['LB1', 'LB2'],
  },
  {
    file: '31-region-ids-with-underscores.mmd',
    source: 'search index file 40325766579 (a solutions-architecture study note, repository not named)',
    quirks: 'subgraph ids as titles (Region_A_Primary, Global_Edge); quoted labels; a dotted async replication between regions; no client',
    spofs: ['GCDN'],
    notSpofs: ['LBA', 'LBB', 'SVCA', 'SVCB', 'DBA', 'DBB'],
  },
  {
    file: '32-clients-subgraph-queue-consumers.mmd',
    source: 'search index file 61453552145 (a container architecture document, repository not named)',
    quirks: 'web and admin apps in a "Clients" subgraph; <i> tags in labels; a queue in Redis with dotted enqueue / consume / schedule edges; the API writes the primary and reads its read replica; solid replication',
    spofs: ['Edge', 'Api', 'Pg', 'Kv', 'Files', 'Llm'],
    notSpofs: ['PgRo', 'Jobs', 'Beat', 'Tel'],
  },
  {
    file: '33-sentinel-text-in-dotted-arrow.mmd',
    source: 'search index file 22444071080 (a platform architecture document, repository not named)',
    quirks: 'text inside dotted arrows (-.monitors.->); edges written inside subgraphs; Prometheus drawn pointing at the API; no client',
    spofs: ['API', 'PGP'],
    notSpofs: ['SEN', 'PROM', 'GRAF', 'RR', 'PGR'],
  },
  {
    file: '34-operator-cluster-apps-subgraph.mmd',
    source: 'search index file 24730815065 (a CloudNativePG project page, repository not named)',
    quirks: 'an applications subgraph pointing at each database node; replicas with no failover word; archive and ship edges; a cluster subgraph pointing at storage; no client',
    spofs: [],
    notSpofs: ['F1', 'F2', 'Wal', 'Bucket'],
  },
  {
    file: '35-undirected-to-quorum-cluster.mmd',
    source: 'search index file 69574283558 (a point-of-sale design document, repository not named)',
    quirks: 'undirected lines from servers to a "cluster · quorum" database; region_a ids with "Region A" titles; tills with no kind word; no client',
    spofs: [],
    notSpofs: ['Store'],
  },
  {
    file: '36-monitors-and-guards-point-at-hosts.mmd',
    source: 'HarshitaDua07/architecture-diagrams 02-cloud-aws-architecture.md',
    quirks: 'the users named only by a people emoji and words that are no kind; emoji and (parentheses) in quoted <br/> labels; region > zone subgraphs with the load balancer loose in the region; monitoring, orchestration, IAM, KMS and secrets drawn pointing at the hosts they serve; backup and cross-region replication as nodes; style lines',
    spofs: ['Entry', 'Waf', 'Shield', 'Sql', 'Mem'],
    notSpofs: ['AlbOne', 'AlbTwo', 'HostOne', 'HostTwo', 'FnOne', 'FnTwo', 'Watch', 'Logs', 'Xray', 'Topic', 'Fargate', 'Flow', 'Backup', 'Crr'],
  },
  {
    file: '37-k3s-namespaces-prod-and-staging.mmd',
    source: 'viktorrobin/bluerobin-blog src/content/diagrams/kubernetes-deployment.md',
    quirks: 'the user drawn as a cylinder with a person emoji inside an "Internet" subgraph; webhooks as a second entry; "replicas: 2" and "3 instances" in labels; prod and staging namespaces with the same labels; CI/CD edges to whole subgraphs; a dotted key-server edge; direction lines inside subgraphs',
    spofs: ['Ingress', 'Idp', 'Pool', 'Vec', 'Objects', 'Llm'],
    notSpofs: ['UiProd', 'ApiProd', 'Pg', 'Nats', 'Certs', 'UiStage', 'ApiStage', 'JobsStage', 'Argo', 'Runner', 'Obs', 'JobsProd', 'Ocr'],
  },
  {
    file: '38-replicate-edges-instance-per-node.mmd',
    source: 'dan-tt/demo-go docs/SCALABLE_ARCHITECTURE.md (the simplified view)',
    quirks: 'the clients labelled "Callers Web/Mobile/..." behind a people emoji; quoted subgraph titles without ids; each API instance reading from a different cache and database node (dotted reads); solid "Replicate" edges; writes from every instance to the cache master; classDef lines',
    spofs: ['BAL', 'KV_W'],
    notSpofs: ['SVC1', 'SVC2', 'SVC3', 'KV_R1', 'KV_R2', 'DB_S1', 'DB_S2'],
  },
  {
    file: '39-response-arrows-back-to-the-user.mmd',
    source: 'ReginaGyimesi/user-journey-tracker docs/architecture_diagram.md',
    quirks: 'every call drawn again backwards for its answer ("Returns items", "Sends JSON back", "Shown to the visitor"), up to the visitor; quoted edge labels; classDef and class lines; monitoring on a solid edge',
    spofs: ['CDN', 'SPA', 'APIGW', 'FN', 'STORE'],
    notSpofs: ['MON', 'V'],
  },
  {
    file: '40-origin-failover-to-standby-region.mmd',
    source: 'pomo-studio/terraform-aws-serverless-ssr docs/diagram.md',
    quirks: 'CloudFront origin groups with a solid "Primary" edge and a dotted "Failover on 5xx" edge to a function and a bucket in a second region; the same labels in both regions; a two-headed dotted sync between tables; an IAM role both regions assume; numbered edge labels',
    spofs: ['Dns', 'Dist'],
    notSpofs: ['UrlA', 'FnA', 'CodeA', 'AssetsA', 'TableA', 'UrlB', 'FnB', 'CodeB', 'AssetsB', 'TableB'],
  },
];
