// Docker Compose import (DESIGN section 7) on fixtures modelled on public compose files.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { fixture, imported, inline } from './helpers';

describe('compose: the voting app stack (deploy.replicas, placement constraints)', () => {
  it('makes one component per service with replicas from deploy.replicas, naming the line', async () => {
    const r = await imported(fixture('compose/voting-stack.yaml'));
    expect(r.t.components.filter((c) => c.kind !== 'client').map((c) => c.id)).toEqual(['redis', 'db', 'vote', 'result', 'worker']);
    expect(r.component('vote').replicas).toBe(2);
    expect(r.component('redis').replicas).toBeUndefined();
    expect(r.lines).toContain('compose/voting-stack.yaml:36 vote: replicas 2 from deploy.replicas');
    expect(r.component('db').kind).toBe('database');
    expect(r.component('redis').kind).toBe('cache');
  });

  it('puts a client in front of each service that publishes ports, dependencies from depends_on', async () => {
    const r = await imported(fixture('compose/voting-stack.yaml'));
    const clients = r.t.components.filter((c) => c.kind === 'client').map((c) => c.id);
    expect(clients).toEqual(['users-vote', 'users-result']);
    expect(r.deps('users-vote')).toEqual(['vote']);
    expect(r.deps('vote')).toEqual(['redis']);
    expect(r.deps('worker')).toEqual(['db', 'redis']);
    // The worker publishes nothing and nothing calls it: listed, never dropped.
    expect(r.component('worker')).toBeDefined();
    expect(r.lines).toContain('worker: warning: unreached: no entry leads to it (its callers may live outside the files, or in code the files do not show)');
  });

  it('pins a service to the host its placement constraint names; the swarm places the others', async () => {
    const r = await imported(fixture('compose/voting-stack.yaml'));
    expect(r.component('db').domain).toBe('host:db-node');
    expect(r.t.domains).toEqual([{ id: 'host:db-node', kind: 'host', label: 'db-node' }]);
    expect(r.component('vote').domain).toBeUndefined();
    expect(r.lines.some((l) => /voting-stack\.yaml:\d+ vote: assumed: placed by the swarm/.test(l))).toBe(true);
  });

  it('names the elements first in the availabilities assumed from the presets, with each preset\'s source', async () => {
    const r = await imported(fixture('compose/voting-stack.yaml'));
    expect(r.lines).toEqual(expect.arrayContaining([
      'redis: assumed: availability 99.5% per instance, from the cache preset (ElastiCache single-AZ SLA 99.5%)',
      'assumed: vote, result and worker: availability 99.5% per instance each, from the service preset (EC2 single-instance SLA 99.5%)',
      'host:db-node: assumed: availability 99.5%, from the host preset (assumption: one machine (a Docker host, a Kubernetes node, a VM) at 99.5%, 1 h to replace)',
    ]));
    // A note about one element is about that element: the app names it and shows it on the canvas.
    expect(r.notes.find((n) => n.message.includes('cache preset'))?.subject).toBe('redis');
  });

  it('reports that the db keeps its data in a volume and the cache has none', async () => {
    const r = await imported(fixture('compose/voting-stack.yaml'));
    expect(r.lines.some((l) => /db: keeps its data across restarts in db-data:\/var\/lib\/postgresql\/data/.test(l))).toBe(true);
    expect(r.lines.some((l) => /redis: warning: a cache without a volume/.test(l))).toBe(true);
  });

  it('analyses: the single redis and db are SPOFs of the vote and result journeys', async () => {
    const r = await imported(fixture('compose/voting-stack.yaml'));
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).toContain('redis');
    expect(spofs).toContain('db');
    expect(spofs).toContain('host:db-node');
    expect(spofs).not.toContain('vote#1');
  });
});

describe('compose: dependencies only in environment values', () => {
  it('finds them in URLs, host:port and bare host names, and names the line of each', async () => {
    const r = await imported(fixture('compose/env-only/compose.yaml'));
    expect(r.deps('web')).toEqual(['api']);
    expect(r.deps('api')).toEqual(['cache', 'db']);
    expect(r.deps('worker')).toEqual(['cache', 'db']);
    expect(r.lines).toContain('compose/env-only/compose.yaml:12 web: depends on api: API_URL=http://api:8000/v1');
    expect(r.lines).toContain('compose/env-only/compose.yaml:17 api: depends on db: DATABASE_URL=postgresql://app:secret@db:5432/app');
    expect(r.lines).toContain('compose/env-only/compose.yaml:18 api: depends on cache: REDIS_ADDR=cache:6379');
  });

  it('reports addresses of things not in the files and leaves them out', async () => {
    const r = await imported(fixture('compose/env-only/compose.yaml'));
    expect(r.lines).toContain('compose/env-only/compose.yaml:19 api: warning: SMTP_HOST=mail.example.com names mail.example.com, which is not in the files: left out (an external service?)');
    expect(r.lines.some((l) => l.includes('names payments.example.com'))).toBe(true);
    expect(r.t.links.every((l) => r.t.components.some((c) => c.id === l.to))).toBe(true);
  });

  it('kind from the image (valkey is a cache); the long ports syntax publishes; the two api builds differ in command', async () => {
    const r = await imported(fixture('compose/env-only/compose.yaml'));
    expect(r.component('cache').kind).toBe('cache');
    expect(r.deps('users')).toEqual(['web']);
    expect(r.lines.some((l) => l.includes('copies of one another'))).toBe(false);
    expect(r.lines).toContain('compose/env-only/compose.yaml:8 web: entry (publishes port 8080:3000): client users in front of it');
    expect(r.lines.some((l) => /db: warning: a database without a volume: its data is lost/.test(l))).toBe(true);
  });

  it('all services share one Docker host, a SPOF stated as an assumption', async () => {
    const r = await imported(fixture('compose/env-only/compose.yaml'));
    expect(r.t.domains).toEqual([{ id: 'docker-host', kind: 'host', label: 'Docker host' }]);
    expect(r.t.components.filter((c) => c.kind !== 'client').every((c) => c.domain === 'docker-host')).toBe(true);
    expect(analyze(r.t).spofs.map((s) => s.id)).toContain('docker-host');
  });
});

describe('compose: copies and proxies', () => {
  it('services built from one context with the same settings are alternatives behind the proxy', async () => {
    const r = await imported(fixture('compose/web-copies.yaml'));
    expect(r.component('proxy').kind).toBe('loadbalancer');
    expect(r.component('docs').kind).toBe('web');
    const toWeb = r.t.links.filter((l) => l.from === 'proxy');
    expect(toWeb.map((l) => [l.to, l.group])).toEqual([['web1', 'copies:build web'], ['web2', 'copies:build web']]);
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).not.toContain('web1');
    expect(spofs).toContain('cache');
  });

  it('reads depends_on in its map form and links with aliases', async () => {
    const r = await imported(inline('compose.yaml', 'services:\n  app:\n    image: app\n    ports: ["80"]\n    depends_on:\n      db:\n        condition: service_healthy\n    links: ["db:database"]\n  db:\n    image: mariadb:11\n    volumes: [data:/var/lib/mysql]\n'));
    expect(r.deps('app')).toEqual(['db']);
    expect(r.lines).toContain('compose.yaml:6 app: depends on db: depends_on');
  });

  it('replicas that are no count (.inf, 2.5, a word) count as one instance, said at their line', async () => {
    const r = await imported(inline('compose.yaml', 'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: .inf\n  api:\n    image: app\n    scale: 2.5\n  worker:\n    image: app\n    deploy:\n      replicas: "many"\n'));
    for (const id of ['web', 'api', 'worker']) expect(r.component(id).replicas).toBeUndefined();
    expect(r.lines).toContain('compose.yaml:5 web: assumed: replicas 1: deploy.replicas is Infinity, not a count of instances');
    expect(r.lines).toContain('compose.yaml:8 api: assumed: replicas 1: scale is 2.5, not a count of instances');
    expect(r.lines).toContain('compose.yaml:12 worker: assumed: replicas 1: deploy.replicas is "many", not a count of instances');
  });

  it('a quoted count (`replicas: "3"`, what `${REPLICAS}` becomes) is read as its number, as compose does, and said so', async () => {
    const r = await imported(inline('compose.yaml', 'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: "3"\n  api:\n    image: app\n    scale: "2"\n'));
    expect(r.component('web').replicas).toBe(3);
    expect(r.component('api').replicas).toBe(2);
    expect(r.lines).toContain('compose.yaml:5 web: replicas 3 from deploy.replicas, written as the string "3" (compose reads it as a number): read as 3');
    expect(r.lines).toContain('compose.yaml:8 api: replicas 2 from scale, written as the string "2" (compose reads it as a number): read as 2');
  });

  it('a key given twice in one map: the last value is read, and a warning at its line says which and where the other is', async () => {
    const r = await imported(inline('compose.yaml', 'services:\n  web:\n    image: postgres\n    ports: ["80:80"]\n    image: nginx\n  api:\n    image: app\n    scale: 1\n    scale: 2\n    scale: 3\n'));
    expect(r.component('web').kind).toBe('web');
    expect(r.component('api').replicas).toBe(3);
    expect(r.lines).toContain('compose.yaml:5 warning: services.web.image is given twice in one map (lines 3 and 5): the last value (line 5) is read, the other is ignored');
    expect(r.lines).toContain('compose.yaml:10 warning: services.api.scale is given 3 times in one map (lines 8, 9 and 10): the last value (line 10) is read, the others are ignored');
  });

  it('a dependency on a service not in the files is reported, not a dangling link', async () => {
    const r = await imported(inline('compose.yaml', 'services:\n  app:\n    image: app\n    depends_on: [ghost]\n'));
    expect(r.t.links.filter((l) => l.to === 'ghost')).toEqual([]);
    expect(r.lines).toContain('compose.yaml:4 app: warning: depends_on names ghost, which is not in the files: left out');
  });

  it('scale and an override file: the later file wins key by key', async () => {
    const r = await imported([
      { path: 'compose.yaml', text: 'services:\n  api:\n    image: api\n    scale: 2\n' },
      { path: 'compose.override.yaml', text: 'services:\n  api:\n    scale: 4\n' },
    ]);
    expect(r.component('api').replicas).toBe(4);
    expect(r.lines).toContain('compose.override.yaml:3 api: replicas 4 from scale');
  });

  it('swarm global mode and extends are said, not guessed at', async () => {
    const r = await imported(inline('stack.yaml', 'services:\n  agent:\n    image: example/agent\n    deploy:\n      mode: global\n  web:\n    extends: {service: agent}\n    ports: ["80:80"]\n'));
    expect(r.lines).toContain('stack.yaml:4 agent: assumed: deploy.mode global runs one instance per swarm node; the nodes are not in the files: counted as one instance');
    expect(r.lines.some((l) => l.includes('`extends` is not followed'))).toBe(true);
  });
});


describe('compose: proxies that find their backends by labels or environment (Traefik, nginx-proxy)', () => {
  it('Traefik depends on the services whose labels ask it to route to them, and is a load balancer', async () => {
    const r = await imported(fixture('compose/traefik-shop/compose.yaml'));
    expect(r.component('traefik').kind).toBe('loadbalancer');
    expect(r.deps('users')).toEqual(['traefik']);
    expect(r.deps('traefik')).toEqual(['web']);
    expect(r.lines).toContain('compose/traefik-shop/compose.yaml:36 traefik: depends on web: web asks traefik to route to it: label traefik.http.routers.web.rule=Host(`shop.example.com`)');
    // web, worker and beat share the anchor's settings but run different commands: three services.
    expect(r.deps('worker')).toEqual(['minio', 'postgres', 'redis']);
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).toEqual(expect.arrayContaining(['traefik', 'postgres', 'redis', 'minio', 'docker-host']));
    expect(spofs).not.toContain('web');
  });

  it('nginx-proxy depends on the services with a VIRTUAL_HOST; traefik.enable=false opts out', async () => {
    const r = await imported(inline('compose.yaml', `services:
  proxy:
    image: nginxproxy/nginx-proxy:1.6
    ports: ["80:80"]
  app:
    image: example/app
    environment:
      VIRTUAL_HOST: app.example.com
  admin:
    image: example/admin
    labels:
      traefik.enable: "false"
`));
    expect(r.component('proxy').kind).toBe('loadbalancer');
    expect(r.deps('proxy')).toEqual(['app']);
    const t = await imported(inline('compose.yaml', `services:
  edge:
    image: traefik:v3.1
    ports: ["443:443"]
  app:
    image: example/app
    labels: ["traefik.enable=true"]
  admin:
    image: example/admin
    labels:
      traefik.enable: "false"
      traefik.http.routers.admin.rule: Host(\`admin.local\`)
`));
    expect(t.deps('edge')).toEqual(['app']);
  });
});

describe('compose: YAML tags and keys as compose reads them', () => {
  it('!reset removes (a service, a setting, across an override file), !override is as written, !!binary is the text it encodes; an unknown tag is named at its line', async () => {
    const r = await imported([
      { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    depends_on: [db]\n  db:\n    image: postgres\n  old:\n    image: redis\n' },
      { path: 'compose.override.yaml', text: 'services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: b\n    command: !custom run\n  old: !reset\n  cache:\n    image: !!binary cmVkaXM=\n' },
    ]);
    // Before: `old: !reset` (read as "") made the override file "not a compose file", and the import stopped.
    expect(r.t.components.map((c) => c.id).sort()).toEqual(['cache', 'db', 'web']);
    expect(r.lines).toContain('compose.override.yaml:7 !reset: old removed, as compose reads it');
    // The ports of the first file are reset by the second: no published port, so no client in front of web.
    expect(r.lines).toContain('compose.override.yaml:3 !reset: ports removed, as compose reads it');
    expect(r.lines.some((l) => /publishes port/.test(l))).toBe(false);
    expect(r.lines).toContain('compose.override.yaml:9 cache: kind cache from image redis');
    expect(r.lines).toContain('compose.override.yaml:6 warning: the tag !custom is not one compose reads (it reads !reset and !override): command read as if untagged');
    expect(r.deps('web')).toEqual(['db']);
  });

  it('!reset on an item of a list or an entry of a map removes only it', async () => {
    const r = await imported(inline('compose.yaml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80", !reset "443:443"]\n    depends_on:\n      db: !reset\n      cache: {condition: service_started}\n  db:\n    image: postgres\n  cache:\n    image: redis\n'));
    expect(r.lines).toContain('compose.yaml:4 !reset: the item "443:443" removed, as compose reads it');
    expect(r.lines).toContain('compose.yaml:4 web: entry (publishes port 80:80): client users in front of it');
    expect(r.lines).toContain('compose.yaml:6 !reset: db removed, as compose reads it');
    expect(r.deps('web')).toEqual(['cache']);
  });

  it('a service named by a list (`? [a, b]`) is skipped at its line, the rest imported', async () => {
    const r = await imported(inline('compose.yaml', 'services:\n  ? [a, b]\n  : image: nginx\n  web:\n    image: nginx\n    depends_on: [db]\n  db:\n    image: postgres\n    environment:\n      ? {x: 1}\n      : y\n'));
    // Before: a service "a,b", without a word.
    expect(r.t.components.map((c) => c.id).sort()).toEqual(['db', 'web']);
    expect(r.lines).toContain('compose.yaml:2 warning: a service named by a list (`? [a, b]:`): compose refuses a name that is not text; skipped');
    expect(r.lines).toContain('compose.yaml:10 warning: a key that is a map (`? [a, b]:`): compose refuses a key that is not text; its entry is left out');
  });
});
