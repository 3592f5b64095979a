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

/** Accent per layer: edge (blue), compute (violet), data (teal), outside (slate). */
export const COMPONENT_ACCENTS: Record<ComponentKind, string> = {
  client: '#475569',
  dns: '#2563eb',
  cdn: '#2563eb',
  loadbalancer: '#0891b2',
  web: '#7c3aed',
  app: '#7c3aed',
  service: '#7c3aed',
  database: '#0d9488',
  cache: '#d97706',
  storage: '#0d9488',
  queue: '#0d9488',
  external: '#64748b',
};

