// Human names of the kinds, used for default labels, the palette and the inspector.
import type { ComponentKind, DomainKind } from '../model';

export const COMPONENT_KIND_LABELS: Record<ComponentKind, string> = {
  client: 'Client',
  dns: 'DNS',
  cdn: 'CDN',
  loadbalancer: 'Load balancer',
  web: 'Web server',
  app: 'App server',
  service: 'Service',
  database: 'Database',
  cache: 'Cache',
  storage: 'Object storage',
  queue: 'Queue',
  external: 'External API',
};

export const DOMAIN_KIND_LABELS: Record<DomainKind, string> = {
  provider: 'Provider',
  region: 'Region',
  zone: 'Zone',
  datacenter: 'Data centre',
  rack: 'Rack',
  host: 'Host',
  group: 'Group',
};

/** Short id stems for new elements (`lb`, `db`, `zone`...). */
export const ID_STEMS: Record<string, string> = {
  client: 'users', dns: 'dns', cdn: 'cdn', loadbalancer: 'lb', web: 'web', app: 'app', service: 'svc',
  database: 'db', cache: 'cache', storage: 'storage', queue: 'queue', external: 'ext',
  provider: 'provider', region: 'region', zone: 'zone', datacenter: 'dc', rack: 'rack', host: 'host', group: 'group',
};

/** Data stores: where replication links make sense. */
export const DATA_KINDS: ReadonlySet<ComponentKind> = new Set(['database', 'cache', 'storage', 'queue']);
