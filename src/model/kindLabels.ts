// Human names of the kinds: default labels, the palette, the inspector, the canvas and the
// drawn SVG (pure, so the CLI's pictures name kinds as the app does).
import type { ComponentKind, DomainKind } from './schema';

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
