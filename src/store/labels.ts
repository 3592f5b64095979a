// Human names of the kinds, used for default labels, the palette and the inspector.
import type { ComponentKind } from '../model';

export { COMPONENT_KIND_LABELS, DOMAIN_KIND_LABELS } from '../model/kindLabels';

/** Short id stems for new elements (`lb`, `db`, `zone`...). */
export const ID_STEMS: Record<string, string> = {
  client: 'users', dns: 'dns', cdn: 'cdn', loadbalancer: 'lb', web: 'web', app: 'app', service: 'svc',
  database: 'db', cache: 'cache', storage: 'storage', queue: 'queue', external: 'ext',
  provider: 'provider', region: 'region', zone: 'zone', datacenter: 'dc', rack: 'rack', host: 'host', group: 'group',
};

/** Data stores: where replication links make sense. */
export const DATA_KINDS: ReadonlySet<ComponentKind> = new Set(['database', 'cache', 'storage', 'queue']);
