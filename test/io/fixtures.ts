// Designs for the io tests: the example, and hostile ones built to break escaping and ids.
import { readFileSync } from 'node:fs';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';

export function topology(input: TopologyInput | string): Topology {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(`fixture does not parse: ${JSON.stringify(r.errors)}`);
  return r.topology;
}

export function example(): Topology {
  return topology(readFileSync('examples/three-tier.spof.json', 'utf8'));
}

/** Ids that are Mermaid keywords or hold punctuation, labels holding markup, entities and syntax. */
export function hostile(): Topology {
  return topology({
    format: 'spof-topology',
    version: 2,
    name: 'Hostile "names" <script>alert(1)</script>',
    slo: 0.999,
    domains: [
      { id: 'end', kind: 'region', label: 'subgraph end; style x' },
      { id: 'us-east-1a', kind: 'zone', label: '<img src=x onerror=alert(1)>', parent: 'end' },
      { id: 'graph', kind: 'group', label: '%%{init: {"securityLevel": "loose"}}%%' },
    ],
    components: [
      { id: 'class', kind: 'client', label: 'Users "quoted" | piped #1; [x] {y} (z)' },
      { id: 'a b', kind: 'dns', label: 'line one\nline two\r\nthree' },
      { id: 'click', kind: 'loadbalancer', label: '<img src=x onerror=alert(1)>', domain: 'us-east-1a' },
      { id: 'e_x', kind: 'app', label: '#quot; &amp; &lt;b&gt; ﬂ°quot¶ß', replicas: 2, domains: ['us-east-1a', 'end'] },
      { id: 'db.primary', kind: 'database', label: '  spaces around  ', domain: 'us-east-1a' },
      { id: 'db/standby', kind: 'database', label: 'emoji 🚀 and ümlaut, 中文, \u200b zero-width', role: 'standby', standby: 'hot', domain: 'end' },
      { id: 'style', kind: 'queue', label: 'style: fill:#f00; $$x^2$$ `md` *b*', domain: 'graph' },
      { id: 'o-x', kind: 'external', label: 'fa:fa-car -->|x| B' },
      { id: 'subgraph', kind: 'cdn' },
      { id: 'x_1', kind: 'storage', label: 'tab\there' },
      { id: 'svc:1', kind: 'service', label: 'end' },
      { id: 'cache', kind: 'cache', label: 'a;b' },
      { id: 'web-1', kind: 'web', label: '--> ==> -.->' },
    ],
    links: [
      { from: 'class', to: 'a b', label: 'HTTPS | "443"' },
      { from: 'a b', to: 'click' },
      { from: 'click', to: 'e_x' },
      { from: 'e_x', to: 'db.primary' },
      { from: 'e_x', to: 'db/standby' },
      { id: 'end-repl', from: 'db.primary', to: 'db/standby', type: 'replication', mode: 'sync' },
      { from: 'e_x', to: 'style', optional: true, label: 'backup <b>' },
      { from: 'e_x', to: 'o-x', availability: 0.999 },
      { from: 'class', to: 'subgraph' },
      { from: 'db.primary', to: 'x_1', type: 'replication', mode: 'backup', intervalSeconds: 3600 },
      { from: 'e_x', to: 'svc:1' },
      { from: 'e_x', to: 'cache', group: 'cache' },
      { from: 'subgraph', to: 'web-1' },
    ],
  });
}
