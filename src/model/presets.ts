// Default reliability figures: the one table the engine, the inspector and the
// report use. Every figure carries its source: a public SLA or a stated assumption.
import type { ComponentKind, DomainKind, StandbyTemperature } from './schema';

export interface Preset {
  /** Availability of one instance (0 < a <= 1). */
  availability: number;
  /** Mean time to repair, hours: turns an availability into a failure rate. */
  mttrHours: number;
  source: string;
}

const INSTANCE_MTTR = 'assumption: 1 h to replace an instance';
const DATABASE_MTTR = 'assumption: 2 h to restore a database';

export const KIND_PRESETS: Record<ComponentKind, Preset> = {
  client: { availability: 1, mttrHours: 1, source: 'clients are entry points and never fail' },
  dns: { availability: 0.9999, mttrHours: 1, source: "assumption: Route 53's SLA says 100%; we assume 99.99%" },
  cdn: { availability: 0.999, mttrHours: 1, source: 'CloudFront SLA 99.9%' },
  loadbalancer: { availability: 0.995, mttrHours: 1, source: 'EC2 single-instance SLA 99.5%' },
  web: { availability: 0.995, mttrHours: 1, source: 'EC2 single-instance SLA 99.5%' },
  app: { availability: 0.995, mttrHours: 1, source: 'EC2 single-instance SLA 99.5%' },
  service: { availability: 0.995, mttrHours: 1, source: 'EC2 single-instance SLA 99.5%' },
  database: { availability: 0.995, mttrHours: 2, source: 'RDS single-AZ SLA 99.5%' },
  cache: { availability: 0.995, mttrHours: 1, source: 'ElastiCache single-AZ SLA 99.5%' },
  storage: { availability: 0.999, mttrHours: 1, source: 'S3 Standard SLA 99.9% (designed for 99.99%)' },
  queue: { availability: 0.999, mttrHours: 1, source: 'assumption: a managed queue at 99.9%' },
  external: { availability: 0.999, mttrHours: 1, source: 'assumption: a third-party API at 99.9%' },
};

/** Where each MTTR figure comes from (shown next to the kind's preset). */
export const MTTR_SOURCES: Record<ComponentKind, string> = Object.fromEntries(
  Object.keys(KIND_PRESETS).map((k) => [k, k === 'database' ? DATABASE_MTTR : INSTANCE_MTTR]),
) as Record<ComponentKind, string>;

export const DOMAIN_PRESETS: Record<DomainKind, Preset> = {
  zone: { availability: 0.9999, mttrHours: 4, source: 'assumption: an availability zone at 99.99%, 4 h to recover' },
  datacenter: { availability: 0.9998, mttrHours: 4, source: 'assumption: a Tier III data centre at 99.98%, 4 h to recover' },
  rack: { availability: 0.9999, mttrHours: 2, source: 'assumption: a rack (power, top-of-rack switch) at 99.99%, 2 h to recover' },
  host: { availability: 0.995, mttrHours: 1, source: 'assumption: one machine (a Docker host, a Kubernetes node, a VM) at 99.5%, 1 h to replace' },
  region: { availability: 0.99995, mttrHours: 8, source: 'assumption: a cloud region at 99.995%, 8 h to recover' },
  provider: { availability: 0.99999, mttrHours: 8, source: 'assumption: a whole provider at 99.999%, 8 h to recover' },
  group: { availability: 1, mttrHours: 1, source: 'a group is a label only and never fails' },
};

/** A dependency link with availability < 1 (a network path) is repaired in this time (DESIGN section 3, "Outages over time"). */
export const LINK_MTTR_HOURS = 1;
export const LINK_MTTR_SOURCE = 'assumption: a network path is repaired in 1 h';

export const FAILOVER_SECONDS: Record<StandbyTemperature, number> = { hot: 10, warm: 120, cold: 3600 };

export const FAILOVER_SOURCES: Record<StandbyTemperature, string> = {
  hot: 'assumption: a hot standby takes over in 10 s (Redis Sentinel detects after 30 s by default)',
  warm: 'assumption: 120 s (RDS Multi-AZ failover is typically 60-120 s)',
  cold: 'assumption: 1 h to bring up a cold standby from backups',
};

export interface ManagedPreset {
  id: string;
  label: string;
  kinds: ComponentKind[];
  availability: number;
  source: string;
}

/** Named managed services the inspector offers; choosing one sets `availability`. */
export const MANAGED_PRESETS: ManagedPreset[] = [
  { id: 'aws-elb', label: 'AWS ELB', kinds: ['loadbalancer'], availability: 0.9999, source: 'Elastic Load Balancing SLA 99.99%' },
  { id: 'aws-ec2-multi-az', label: 'EC2 across 2+ AZs', kinds: ['web', 'app', 'service'], availability: 0.9999, source: 'EC2 region-level SLA 99.99% (instances in two or more AZs)' },
  { id: 'aws-rds-multi-az', label: 'RDS Multi-AZ', kinds: ['database'], availability: 0.9995, source: 'RDS Multi-AZ SLA 99.95%' },
  { id: 'aws-elasticache-multi-az', label: 'ElastiCache Multi-AZ', kinds: ['cache'], availability: 0.9999, source: 'ElastiCache Multi-AZ SLA 99.99%' },
  { id: 'aws-dynamodb', label: 'DynamoDB', kinds: ['database'], availability: 0.9999, source: 'DynamoDB SLA 99.99%' },
  { id: 'aws-dynamodb-global', label: 'DynamoDB global tables', kinds: ['database'], availability: 0.99999, source: 'DynamoDB global tables SLA 99.999%' },
  { id: 'aws-memorydb', label: 'MemoryDB multi-AZ', kinds: ['cache', 'database'], availability: 0.9999, source: 'MemoryDB multi-AZ SLA 99.99%' },
  { id: 'gcp-gce', label: 'GCE single instance', kinds: ['web', 'app', 'service'], availability: 0.999, source: 'Compute Engine single-instance SLA 99.9%' },
  { id: 'gcp-cloud-sql-ha', label: 'Cloud SQL HA', kinds: ['database'], availability: 0.9995, source: 'Cloud SQL HA SLA 99.95%' },
  { id: 'gcp-cloud-lb', label: 'Cloud Load Balancing', kinds: ['loadbalancer'], availability: 0.9999, source: 'Cloud Load Balancing SLA 99.99%' },
  { id: 'azure-lb', label: 'Azure Load Balancer', kinds: ['loadbalancer'], availability: 0.9999, source: 'Azure Load Balancer (Standard SKU) SLA 99.99%' },
  { id: 'azure-app-gateway', label: 'Azure Application Gateway', kinds: ['loadbalancer'], availability: 0.9995, source: 'Azure Application Gateway v2 SLA 99.95%' },
  { id: 'azure-vm', label: 'Azure VM single instance', kinds: ['web', 'app', 'service'], availability: 0.999, source: 'Azure single-instance VM SLA 99.9% (premium SSD)' },
];
