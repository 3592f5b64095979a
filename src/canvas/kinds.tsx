// One icon and one accent colour per kind (lucide icons), shared by the palette and nodes.
import {
  AppWindow, Boxes, Building2, Cloud, Cpu, Database, Globe, Group, HardDrive, Inbox, Map as MapIcon,
  Plug, Server, Split, Users, Warehouse, Zap, type LucideIcon,
} from 'lucide-react';
import type { ComponentKind, DomainKind } from '../model';

export const COMPONENT_ICONS: Record<ComponentKind, LucideIcon> = {
  client: Users,
  dns: Globe,
  cdn: Cloud,
  loadbalancer: Split,
  web: AppWindow,
  app: Cpu,
  service: Boxes,
  database: Database,
  cache: Zap,
  storage: HardDrive,
  queue: Inbox,
  external: Plug,
};

export const DOMAIN_ICONS: Record<DomainKind, LucideIcon> = {
  provider: Cloud,
  region: MapIcon,
  zone: Building2,
  datacenter: Warehouse,
  rack: Server,
  host: HardDrive,
  group: Group,
};

/** Accent per layer: shared with the drawn SVG. */
export { COMPONENT_ACCENTS } from '../io/svg/theme';
