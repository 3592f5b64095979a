// Kubernetes import (DESIGN section 7) on manifests modelled on public projects.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { fixture, imported, inline } from './helpers';

describe('kubernetes: Online Boutique (every Deployment a single replica)', () => {
  it('one component per Deployment, replicas 1 by default, dependencies from *_SERVICE_ADDR env values', async () => {
    const r = await imported(fixture('kubernetes/online-boutique'));
    const workloads = r.t.components.filter((c) => c.kind !== 'client' && c.kind !== 'loadbalancer');
    expect(workloads).toHaveLength(12);
    expect(workloads.every((c) => c.replicas === undefined)).toBe(true);
    expect(r.deps('frontend')).toEqual(['adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'productcatalogservice', 'recommendationservice', 'shippingservice']);
    expect(r.deps('cartservice')).toEqual(['redis-cart']);
    expect(r.lines).toContain('kubernetes/online-boutique/cartservice.yaml:27 cartservice: depends on redis-cart: REDIS_ADDR=redis-cart:6379');
    expect(r.lines).toContain('kubernetes/online-boutique/frontend.yaml:6 frontend: replicas 1 (spec.replicas not set: the default)');
  });

  it('the LoadBalancer Service is the load balancer clients enter by; the load generator is listed unreached', async () => {
    const r = await imported(fixture('kubernetes/online-boutique'));
    expect(r.component('frontend-external').kind).toBe('loadbalancer');
    expect(r.deps('users')).toEqual(['frontend-external']);
    expect(r.deps('frontend-external')).toEqual(['frontend']);
    expect(r.deps('loadgenerator')).toEqual(['frontend']);
    expect(r.lines).toContain('loadgenerator: warning: unreached: no entry leads to it (its callers may live outside the files, or in code the files do not show)');
  });

  it('each service on the shopping path is a SPOF; redis-cart on an emptyDir is a data-loss finding', async () => {
    const r = await imported(fixture('kubernetes/online-boutique'));
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    for (const id of ['frontend-external', 'frontend', 'checkoutservice', 'cartservice', 'redis-cart', 'paymentservice', 'productcatalogservice', 'currencyservice', 'emailservice', 'shippingservice', 'adservice', 'recommendationservice']) {
      expect(spofs).toContain(id);
    }
    expect(r.lines).toContain('kubernetes/online-boutique/redis.yaml:33 redis-cart: warning: a cache on an emptyDir volume (redis-data): it starts empty whenever its pod is recreated');
  });
});

describe('kubernetes: the guestbook', () => {
  it('frontend x3 is not a SPOF; the single Redis leader is', async () => {
    const r = await imported(fixture('kubernetes/guestbook.yaml'));
    expect(r.component('frontend').replicas).toBe(3);
    expect(r.deps('frontend')).toEqual(['redis-follower', 'redis-leader']);
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).toContain('redis-leader');
    expect(spofs.some((s) => s.startsWith('frontend#'))).toBe(false);
    expect(spofs).not.toContain('frontend');
  });

  it('the Service named like its Deployment gets a load balancer of its own id; followers replicate from the leader', async () => {
    const r = await imported(fixture('kubernetes/guestbook.yaml'));
    expect(r.component('frontend-lb').kind).toBe('loadbalancer');
    expect(r.t.links).toContainEqual({ from: 'redis-leader', to: 'redis-follower', type: 'replication', mode: 'async' });
    expect(r.lines).toContain('kubernetes/guestbook.yaml:49 redis-leader: replicates to redis-follower (async): --replicaof redis-leader');
  });

  it('Services select exactly: role: leader is not the followers', async () => {
    const r = await imported(fixture('kubernetes/guestbook.yaml'));
    expect(r.lines).toContain('kubernetes/guestbook.yaml:32 redis-leader: Service redis-leader selects redis-leader');
  });

  it('the original guestbook (Redis hosts only in its code): the Redis tier is listed unreached, not linked by a guess', async () => {
    const original = fixture('kubernetes/guestbook.yaml')[0].text.replace(/ {8}- name: REDIS_(LEADER|FOLLOWER)_HOST\n {10}value: "[^"]+"\n/g, '');
    const r = await imported(inline('guestbook.yaml', original));
    expect(r.deps('frontend')).toEqual([]);
    expect(r.lines.filter((l) => /^redis-(leader|follower): warning: unreached/.test(l))).toHaveLength(2);
  });
});

describe('kubernetes: StatefulSet quorums, zones and nodes', () => {
  it('etcd: a majority must be up, one member per named zone; its headless Service reached by cluster DNS', async () => {
    const r = await imported(fixture('kubernetes/etcd-statefulset.yaml'));
    expect(r.component('etcd')).toMatchObject({ kind: 'database', replicas: 3, minHealthy: 2, domains: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] });
    expect(r.deps('scheduler')).toEqual(['etcd']);
    expect(analyze(r.t).spofs.map((s) => s.id)).not.toContain('eu-west-1a');
  });

  it('node spread: replicas on nodes of their own (host domains); a NodePort Service makes its pods an entry', async () => {
    const r = await imported(fixture('kubernetes/etcd-statefulset.yaml'));
    expect(r.component('scheduler').domains).toEqual(['node-1', 'node-2']);
    expect(r.t.domains.filter((d) => d.kind === 'host').map((d) => d.id)).toEqual(['node-1', 'node-2']);
    expect(r.deps('users')).toEqual(['scheduler']);
  });

  it('kafka with KRaft is a quorum; zones zone-1..3 assumed and said; a PDB that selects nothing is a finding', async () => {
    const r = await imported(fixture('kubernetes/kafka-kraft.yaml'));
    expect(r.component('kafka')).toMatchObject({ kind: 'queue', replicas: 3, minHealthy: 2, domains: ['zone-1', 'zone-2', 'zone-3'] });
    expect(r.lines).toContain('kubernetes/kafka-kraft.yaml:6 kafka: assumed: zone names are not in the files: zone-1, zone-2, zone-3 assumed');
    expect(r.lines).toContain('kubernetes/kafka-kraft.yaml:64 kafka: warning: PodDisruptionBudget kafka selects no pod: it protects nothing');
  });

  it('replicas from the HPA minReplicas; an Ingress routes to its backends, a missing one is reported', async () => {
    const r = await imported(fixture('kubernetes/kafka-kraft.yaml'));
    expect(r.component('orders').replicas).toBe(3);
    expect(r.lines).toContain('kubernetes/kafka-kraft.yaml:96 orders: replicas 3 from HorizontalPodAutoscaler orders minReplicas');
    expect(r.deps('public')).toEqual(['orders']);
    expect(r.deps('users')).toEqual(['public']);
    expect(r.deps('orders')).toEqual(['kafka']);
    expect(r.lines).toContain('kubernetes/kafka-kraft.yaml:119 public: warning: Ingress backend legacy is not a Service in the files: left out');
  });

  it('spec.replicas that is no count (.inf, 2.5) is one pod, said at its line, not called the default', async () => {
    const r = await imported(inline('web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: .inf\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n'));
    expect(r.component('web').replicas).toBeUndefined();
    expect(r.lines).toContain('web.yaml:6 web: assumed: replicas 1: spec.replicas is Infinity, not a count of pods');
  });

  it('a key given twice in one map (in the second document of a file, in a list): the last value is read, with a warning at its line', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          image: redis\n  replicas: 1\n';
    const r = await imported(inline('web.yaml', text));
    expect(r.component('web').replicas).toBeUndefined();
    expect(r.lines).toContain('web.yaml:19 warning: spec.replicas is given twice in one map (lines 10 and 19): the last value (line 19) is read, the other is ignored');
    expect(r.lines).toContain('web.yaml:18 warning: spec.template.spec.containers[0].image is given twice in one map (lines 17 and 18): the last value (line 18) is read, the other is ignored');
  });

  it('a quoted count (`replicas: "3"`, which the API server refuses) is read as its number, with a warning at its line; an HPA\'s and an operator\'s the same', async () => {
    const r = await imported(inline('web.yaml', `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: "3"
  template:
    spec:
      containers: [{name: web, image: nginx}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers: [{name: api, image: app}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2.5
  maxReplicas: 10
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: pg}
spec:
  instances: "3"
`));
    expect(r.component('web').replicas).toBe(3);
    expect(r.lines).toContain('web.yaml:5 web: warning: replicas 3 from spec.replicas, written as the string "3" (the API server refuses a string there: kubectl apply fails): read as 3');
    expect(r.component('api').replicas).toBeUndefined();
    expect(r.lines).toContain('web.yaml:23 api: assumed: replicas 1: HorizontalPodAutoscaler api minReplicas is 2.5, not a count of pods');
    expect(r.lines).toContain('web.yaml:30 pg: warning: CloudNativePG Cluster: 3 instances, written as the string "3" (the API server refuses a string there: kubectl apply fails): read as 3');
  });

  it('a postgres StatefulSet without an operator: a primary and async replicas, the primary still a SPOF', async () => {
    const r = await imported(inline('pg.yaml', `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: pg}
spec:
  replicas: 3
  selector: {matchLabels: {app: pg}}
  template:
    metadata: {labels: {app: pg}}
    spec:
      containers: [{name: pg, image: "postgres:16"}]
  volumeClaimTemplates: [{metadata: {name: data}}]
`));
    expect(r.component('pg')).toMatchObject({ kind: 'database' });
    expect(r.component('pg').replicas).toBeUndefined();
    expect(r.component('pg-replica')).toMatchObject({ role: 'replica', replicas: 2 });
    expect(r.t.links).toContainEqual({ from: 'pg', to: 'pg-replica', type: 'replication', mode: 'async' });
  });

  it("an operator's resource says otherwise: a CloudNativePG cluster fails over to a hot standby", async () => {
    const r = await imported(inline('cnpg.yaml', `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: orders-db}
spec:
  instances: 3
  minSyncReplicas: 1
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: example/api
        env: [{name: DATABASE_URL, value: "postgres://orders-db-rw:5432/orders"}]
`));
    expect(r.deps('api')).toEqual(['orders-db', 'orders-db-standby']);
    expect(r.component('orders-db-standby')).toMatchObject({ role: 'standby', standby: 'hot', replicas: 2 });
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).not.toContain('orders-db');
  });

  it('whether an operator replicates synchronously is said with the setting and its line; a quoted one warns as a quoted count does', async () => {
    const cluster = (name: string, spec: string) => `apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: ${name}}\nspec:\n  instances: 2\n${spec}`;
    const text = [
      cluster('quoted', '  minSyncReplicas: "1"\n'),
      cluster('stanza', '  postgresql:\n    synchronous: {method: any, number: 1}\n'),
      cluster('plain', ''),
      cluster('word', '  minSyncReplicas: many\n'),
      'apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata: {name: zalando}\nspec:\n  numberOfInstances: 2\n  patroni:\n    synchronous_mode: "true"\n',
    ].join('---\n');
    const r = await imported(inline('db.yaml', text));
    const mode = (id: string) => r.t.links.find((l) => l.from === id && l.type === 'replication')?.mode;
    expect(['quoted', 'stanza', 'plain', 'word', 'zalando'].map(mode)).toEqual(['sync', 'sync', 'async', 'async', 'sync']);
    expect(r.lines).toContain('db.yaml:6 quoted: warning: minSyncReplicas 1, written as the string "1" (the API server refuses a string there: kubectl apply fails): read as 1');
    expect(r.lines).toContain('db.yaml:6 quoted: replicates to quoted-standby (sync): CloudNativePG Cluster replicates to its standbys (minSyncReplicas 1)');
    expect(r.lines).toContain('db.yaml:14 stanza: replicates to stanza-standby (sync): CloudNativePG Cluster replicates to its standbys (postgresql.synchronous.number 1)');
    expect(r.lines).toContain('db.yaml:18 plain: replicates to plain-standby (async): CloudNativePG Cluster replicates to its standbys (minSyncReplicas or postgresql.synchronous.number not set)');
    expect(r.lines).toContain('db.yaml:27 word: assumed: minSyncReplicas is "many", not a value it takes: asynchronous replication assumed');
    expect(r.lines).toContain('db.yaml:35 zalando: warning: patroni.synchronous_mode true, written as the string "true" (the API server refuses a string there: kubectl apply fails): read as true');
  });

  it('ids are ns/name only when two workloads share a name; a ConfigMap value names a Service', async () => {
    const r = await imported(inline('two.yaml', ['a', 'b'].map((ns) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: example/web, envFrom: [{configMapRef: {name: cfg}}]}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: ${ns}}
data:
  CACHE_ADDR: "cache.shared:6379"
`).join('---\n') + `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache, namespace: shared}
spec:
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      containers: [{name: c, image: "memcached:1.6"}]
---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: shared}
spec:
  selector: {app: cache}
`));
    expect(r.t.components.map((c) => c.id).sort()).toEqual(['a/web', 'b/web', 'cache']);
    expect(r.deps('a/web')).toEqual(['cache']);
    expect(r.lines).toContain('two.yaml:15 a/web: depends on cache: CACHE_ADDR=cache.shared:6379 (ConfigMap cfg)');
  });
});

describe('kubernetes: YAML tags and keys', () => {
  it('an object with a key that is a list is skipped at its line, the rest imported; a tag is named at its line and its value read as untagged', async () => {
    const r = await imported(inline('app.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    ? [a, b]\n    : x\nspec:\n  replicas: 2\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: !custom 3\n'));
    // Before: web was imported with a label "a,b", and replicas: !custom 3 was the string "3".
    expect(r.t.components.map((c) => c.id)).toEqual(['api']);
    expect(r.lines).toContain('app.yaml:6 warning: Deployment web skipped: a key that is a list (`? [a, b]:`), which kubectl refuses');
    expect(r.lines).toContain('app.yaml:16 warning: the tag !custom is not one Kubernetes reads: replicas read as if untagged');
    expect(r.component('api').replicas).toBe(3);
  });
});
