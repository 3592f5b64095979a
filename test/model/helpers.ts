import type { TopologyInput } from '../../src/model';

/** A document input whose lists are present, so tests can edit them directly. */
export type Doc = TopologyInput & Required<Pick<TopologyInput, 'domains' | 'links'>>;

/** A small valid document to mutate in tests. */
export function baseDoc(): Doc {
  return {
    format: 'spof-topology',
    version: 2,
    name: 'Test',
    domains: [
      { id: 'r1', kind: 'region' },
      { id: 'z1', kind: 'zone', parent: 'r1' },
      { id: 'z2', kind: 'zone', parent: 'r1' },
    ],
    components: [
      { id: 'users', kind: 'client' },
      { id: 'lb', kind: 'loadbalancer', domain: 'z1' },
      { id: 'app', kind: 'app', replicas: 3, minHealthy: 2, domains: ['z1', 'z2'] },
      { id: 'db', kind: 'database', domain: 'z1' },
      { id: 'db2', kind: 'database', domain: 'z2', role: 'standby', standby: 'warm' },
    ],
    links: [
      { from: 'users', to: 'lb' },
      { from: 'lb', to: 'app' },
      { from: 'app', to: 'db' },
      { from: 'app', to: 'db2' },
      { id: 'repl', from: 'db', to: 'db2', type: 'replication', mode: 'async', lagSeconds: 2 },
    ],
  };
}
