// What some resource types say about redundancy beyond instances and zones: a Multi-AZ
// database's standby, a read replica, an Aurora cluster's instances, a cache's replicas
// and automatic failover, bucket replication, DNS failover routing.
import type { ImportNote } from '../notes';
import type { ImportedComponent, ImportedDomain, ImportedLink } from '../types';
import { srcOf, type Node } from './interpret';
import { describeValue, type TfResource, type Value } from './model';
import { terraformNumber } from './evaluate';
import { quotedCount, shownValue } from '../values';

export interface Context {
  nodes: Node[];
  nodeOf: Map<string, Node>;
  byAddress: Map<string, TfResource>;
  resources: TfResource[];
  links: ImportedLink[];
  /** Components the features add (standbys, replicas). */
  extra: ImportedComponent[];
  notes: ImportNote[];
  knownZones: Map<string, string[]>;
  zone(name: string, region: string | undefined): string;
  addDomain(d: ImportedDomain): string;
  /** Components merged into another (a secondary failover record): left out. */
  dropped: Set<string>;
}

export function applyFeature(n: Node, ctx: Context): void {
  switch (n.row.feature) {
    case 'rds-instance': return rdsInstance(n, ctx);
    case 'rds-cluster': return rdsCluster(n, ctx);
    case 'elasticache-group': return cacheGroup(n, ctx);
    case 's3-bucket': return bucketReplication(n, ctx);
    case 'route53-record': return failoverRecord(n, ctx);
    case 'cloudsql': return cloudSql(n, ctx);
    case 'memorystore': return memorystore(n, ctx);
    case 'azure-flexible-db': return azureFlexible(n, ctx);
    default:
  }
}

const flag = (v: Value) => v.known && (v.value === true || v.value === 'true');
const at = (n: Node, attr: string) => ({ ...srcOf(n.res), line: n.res.lineOf(attr) ?? srcOf(n.res).line });

/**
 * An attribute that decides a copy (multi_az, a tier, a mode): one the files cannot evaluate
 * (`multi_az = var.ha`, the variable without a value) is said at its line, with what is assumed
 * in its place, instead of being read as "not set".
 */
function decisive(n: Node, ctx: Context, attr: string, assumed: string): Value {
  const v = n.res.attr(attr);
  if (!v.known) ctx.notes.push({ kind: 'warning', subject: n.id, source: { ...srcOf(n.res), line: v.line ?? n.res.lineOf(attr) ?? srcOf(n.res).line }, message: `${attr} cannot be evaluated (${v.reason}): ${assumed}` });
  return v;
}

/** A standby (or replicas) of `n` in another zone than the primary's, with the replication between them. */
function addCopy(n: Node, ctx: Context, o: { suffix: string; role: 'standby' | 'replica'; standby?: 'hot' | 'warm'; replicas?: number; mode: 'sync' | 'async'; why: string; attr: string; alternative: boolean }): void {
  const id = `${n.id}-${o.suffix}`;
  const zones = zonesFor(n, ctx, 1 + (o.replicas ?? 1));
  if (zones.length > 1) {
    n.component.domains = [zones[0]];
  }
  const c: ImportedComponent = {
    id, kind: n.component.kind, role: o.role, source: at(n, o.attr),
    ...(o.standby ? { standby: o.standby } : {}),
    ...((o.replicas ?? 1) > 1 ? { replicas: o.replicas } : {}),
    ...(o.alternative ? { alternativeTo: n.id } : {}),
    ...(zones.length > 1 ? { domains: zones.slice(1) } : n.component.domains ? { domains: n.component.domains } : {}),
    ...(n.component.availability ? { availability: n.component.availability } : {}),
  };
  ctx.extra.push(c);
  ctx.links.push({ from: n.id, to: id, type: 'replication', mode: o.mode, source: at(n, o.attr), reason: o.why });
  ctx.notes.push({ kind: 'inferred', subject: n.id, source: at(n, o.attr), message: `${o.why}: ${id} (${o.role}${o.standby ? `, ${o.standby}` : ''}${zones.length > 1 ? ` in ${zones.slice(1).join(', ')}` : ''})` });
}

/** Zones for a primary and its copies: those the region is known to have, else assumed ones (said so). */
function zonesFor(n: Node, ctx: Context, count: number): string[] {
  const own = n.component.domains?.filter((d) => d !== n.region) ?? [];
  const region = n.region;
  if (!region) return [];
  let zones = ctx.knownZones.get(region) ?? [];
  if (zones.length < 2) {
    zones = [...zones, ...Array.from({ length: Math.max(2, Math.min(count, 3)) - zones.length }, (_, i) => ctx.zone(`${region}-az${i + 1 + zones.length}`, region))];
    ctx.knownZones.set(region, zones);
    ctx.notes.push({ kind: 'assumed', subject: n.id, source: srcOf(n.res), message: `the zones of ${region} are not in the files: ${zones.join(', ')} assumed` });
  }
  const first = own[0] && zones.includes(own[0]) ? own[0] : zones[0];
  const rest = zones.filter((z) => z !== first);
  return [first, ...Array.from({ length: Math.max(1, count - 1) }, (_, i) => rest[i % rest.length])];
}

function rdsInstance(n: Node, ctx: Context): void {
  if (flag(decisive(n, ctx, 'multi_az', 'no Multi-AZ standby assumed'))) {
    addCopy(n, ctx, { suffix: 'standby', role: 'standby', standby: 'warm', mode: 'sync', why: 'multi_az = true: a synchronous standby in another zone, promoted by RDS in 60-120 s', attr: 'multi_az', alternative: true });
  }
  readReplica(n, ctx, 'replicate_source_db');
}

/** `replicate_source_db`, `master_instance_name`: a read replica, fed asynchronously by its source. */
function readReplica(n: Node, ctx: Context, attr: string): void {
  const source = n.res.refs.find((r) => r.from === attr);
  if (!source) return;
  n.component.role = 'replica';
  ctx.links.push({ from: source.address, to: n.id, type: 'replication', mode: 'async', source: at(n, attr), reason: `${attr} = ${source.address}` });
}

function rdsCluster(n: Node, ctx: Context): void {
  // aws_rds_cluster_instance resources name their cluster; the Aurora module counts its `instances`.
  let members = ctx.resources.filter((r) => r.type === 'aws_rds_cluster_instance' && r.refs.some((x) => x.from === 'cluster_identifier' && x.address === n.id)).reduce((s, r) => s + r.instances, 0);
  let attr = 'aws_rds_cluster_instance';
  if (!members) {
    const inst = n.res.attr('instances');
    if (inst.known && inst.value && typeof inst.value === 'object') {
      members = Array.isArray(inst.value) ? inst.value.length : Object.keys(inst.value).length;
      attr = 'instances';
    }
  }
  if (!members) {
    ctx.notes.push({ kind: 'assumed', subject: n.id, source: srcOf(n.res), message: 'no cluster instance in the files: one writer assumed' });
    return;
  }
  ctx.notes.push({ kind: 'inferred', subject: n.id, source: srcOf(n.res), message: `${members} cluster instance${members === 1 ? '' : 's'} (${attr})` });
  if (members > 1) {
    addCopy(n, ctx, { suffix: 'readers', role: 'standby', standby: 'hot', replicas: members - 1, mode: 'sync', why: `${members - 1} reader${members === 2 ? '' : 's'} on the cluster's shared storage; Aurora promotes one when the writer fails`, attr: n.res.lineOf('instances') ? 'instances' : 'engine', alternative: true });
  }
}

/**
 * The nodes of a cache group: its count, or replicas per shard + 1, else 1. `"3"` is 3 as
 * Terraform converts it; a count the files cannot evaluate, or that is no whole number, is one
 * node, said at its line (it was one node without a word).
 */
function cacheNodes(n: Node, ctx: Context): number {
  for (const attr of ['num_cache_clusters', 'number_cache_clusters', 'num_cache_nodes', 'replicas_per_node_group']) {
    const v = decisive(n, ctx, attr, '1 node assumed');
    if (!v.known) return 1;
    if (v.value === undefined || v.value === null) continue;
    const x = terraformNumber(v.value);
    const perShard = attr === 'replicas_per_node_group';
    if (x === undefined || !Number.isInteger(x) || x < (perShard ? 0 : 1)) {
      ctx.notes.push({ kind: 'warning', subject: n.id, source: at(n, attr), message: `${attr} is ${shownValue(v.value)}, not a whole number (Terraform refuses it): 1 node assumed` });
      return 1;
    }
    const quoted = quotedCount(v.value, 'Terraform converts it to a number');
    if (quoted) ctx.notes.push({ kind: 'inferred', subject: n.id, source: at(n, attr), message: `${attr} ${x}${quoted}` });
    return perShard ? x + 1 : x;
  }
  return 1;
}

function cacheGroup(n: Node, ctx: Context): void {
  const nodes = cacheNodes(n, ctx);
  const failover = flag(decisive(n, ctx, 'automatic_failover_enabled', 'no automatic failover assumed'));
  const multiAz = flag(decisive(n, ctx, 'multi_az_enabled', 'no Multi-AZ assumed'));
  ctx.notes.push({ kind: 'inferred', subject: n.id, source: srcOf(n.res), message: `${nodes} node${nodes === 1 ? '' : 's'}; automatic_failover_enabled ${failover}; multi_az_enabled ${multiAz}` });
  if (nodes < 2) return;
  const keep = n.component.domains;
  addCopy(n, ctx, {
    suffix: 'replicas', role: failover ? 'standby' : 'replica', standby: failover ? 'hot' : undefined, replicas: nodes - 1, mode: 'async',
    why: failover ? 'replicas promoted automatically (automatic_failover_enabled)' : 'read replicas without automatic failover: the primary stays a SPOF',
    attr: failover ? 'automatic_failover_enabled' : 'num_cache_clusters', alternative: failover,
  });
  if (!multiAz) {
    // Without Multi-AZ the replicas may share the primary's zone: keep them where the primary is.
    n.component.domains = keep;
    const copy = ctx.extra[ctx.extra.length - 1];
    copy.domains = keep;
  }
}

function bucketReplication(n: Node, ctx: Context): void {
  const configs = ctx.resources.filter((r) => r.type === 'aws_s3_bucket_replication_configuration' && r.refs.some((x) => x.from === 'bucket' && x.address === n.id));
  for (const c of configs) {
    for (const dest of c.refs.filter((x) => x.from.endsWith('destination.bucket') && ctx.nodeOf.has(x.address))) {
      ctx.links.push({ from: n.id, to: dest.address, type: 'replication', mode: 'async', source: { ...c.source, line: c.lineOf('rule.destination.bucket') ?? c.source.line }, reason: `${c.address} replicates it to ${dest.address}` });
    }
  }
  for (const dest of n.res.refs.filter((x) => x.from.startsWith('replication_configuration') && x.from.endsWith('bucket') && ctx.nodeOf.has(x.address))) {
    ctx.links.push({ from: n.id, to: dest.address, type: 'replication', mode: 'async', source: at(n, 'replication_configuration'), reason: `replication_configuration to ${dest.address}` });
  }
}

/** Route 53 failover routing: the SECONDARY record answers when the PRIMARY's health check fails; one DNS name. */
function failoverRecord(n: Node, ctx: Context): void {
  const policy = n.res.attr('failover_routing_policy.type');
  if (!policy.known || policy.value !== 'PRIMARY') return;
  const name = n.res.attr('name');
  if (!name.known) return;
  const secondaries = ctx.nodes.filter((x) => x !== n && x.row.feature === 'route53-record' && valueEquals(x.res.attr('name'), name) && valueEquals(x.res.attr('failover_routing_policy.type'), { known: true, value: 'SECONDARY' }));
  for (const s of secondaries) {
    ctx.dropped.add(s.id);
    for (const l of ctx.links.filter((x) => x.from === s.id)) ctx.links.push({ ...l, from: n.id, reason: `${s.id} (SECONDARY) answers for ${describeValue(name.value)} when the primary fails` });
    ctx.notes.push({ kind: 'inferred', subject: n.id, source: at(n, 'failover_routing_policy'), message: `failover routing for ${describeValue(name.value)}: ${s.id} is its SECONDARY record (one DNS name, its targets alternatives)` });
  }
  const check = n.res.attr('health_check_id');
  if (check.known && (check.value === undefined || check.value === null)) {
    ctx.notes.push({ kind: 'warning', subject: n.id, source: at(n, 'failover_routing_policy'), message: 'a PRIMARY failover record without a health check: Route 53 never fails over from it' });
  }
}

function cloudSql(n: Node, ctx: Context): void {
  const type = decisive(n, ctx, 'settings.availability_type', 'ZONAL assumed (no standby)');
  if (type.known && type.value === 'REGIONAL') {
    addCopy(n, ctx, { suffix: 'standby', role: 'standby', standby: 'warm', mode: 'sync', why: 'availability_type = REGIONAL: a standby in another zone of the region', attr: 'settings', alternative: true });
  }
  readReplica(n, ctx, 'master_instance_name');
}

function memorystore(n: Node, ctx: Context): void {
  const tier = decisive(n, ctx, 'tier', 'BASIC assumed (no replica)');
  if (tier.known && tier.value === 'STANDARD_HA') {
    addCopy(n, ctx, { suffix: 'replica', role: 'standby', standby: 'hot', mode: 'async', why: 'tier = STANDARD_HA: a replica in another zone, promoted automatically', attr: 'tier', alternative: true });
  }
}

function azureFlexible(n: Node, ctx: Context): void {
  const mode = decisive(n, ctx, 'high_availability.mode', 'no high availability assumed (no standby)');
  if (mode.known && (mode.value === 'ZoneRedundant' || mode.value === 'SameZone')) {
    addCopy(n, ctx, { suffix: 'standby', role: 'standby', standby: 'warm', mode: 'sync', why: `high_availability mode ${mode.value}: a synchronous standby`, attr: 'high_availability', alternative: true });
  }
}

function valueEquals(a: Value, b: Value): boolean {
  return a.known && b.known && JSON.stringify(a.value) === JSON.stringify(b.value);
}
