// TfConfig -> the intermediate list: components from the resource table, placed in the
// provider's region and the zones their attributes name; dependencies from references,
// load balancers to their targets through listeners and target groups; entries in front.
import { MANAGED_PRESETS, MAX_REPLICAS } from '../../model';
import type { ImportNote } from '../notes';
import type { ImportedComponent, ImportedDomain, ImportedLink, ImportedSystem } from '../types';
import { applyFeature, type Context } from './features';
import { terraformNumber } from './evaluate';
import { quotedCount, shownValue } from '../values';
import { describeValue, type TfModuleCall, type TfRef, type TfResource, type Value } from './model';
import { BINDING_TYPES, CONNECTOR_TYPES, rowOfModule, rowOfType, VPC_MODULE, type ResourceRow } from './resources';

export interface Node {
  id: string;
  row: ResourceRow;
  res: TfResource | TfModuleCall;
  component: ImportedComponent;
  region?: string;
}

const PROVIDER_LABELS: Record<string, string> = { aws: 'AWS', google: 'Google Cloud', azurerm: 'Azure' };

export function interpret(config: { resources: TfResource[]; modules: TfModuleCall[]; providers: { key: string; name: string; region: Value; source?: { file: string; line?: number } }[]; notes: ImportNote[] }): ImportedSystem {
  const notes: ImportNote[] = [...config.notes];
  const components: ImportedComponent[] = [];
  const links: ImportedLink[] = [];
  const domains: ImportedDomain[] = [];
  const byAddress = new Map<string, TfResource>(config.resources.map((r) => [r.address, r]));
  const vpcs = new Map(config.modules.filter((m) => VPC_MODULE.test(m.source)).map((m) => [m.address, m]));
  const addDomain = (d: ImportedDomain) => {
    if (!domains.some((x) => x.id === d.id)) domains.push(d);
    return d.id;
  };

  // Regions: the provider block's region (an Azure resource's own location).
  const regionNoted = new Set<string>();
  const regionOf = (res: TfResource | TfModuleCall): string | undefined => {
    const name = res.provider.split('.')[0] || ('type' in res ? res.type.split('_')[0] : 'aws');
    const location = 'type' in res && name === 'azurerm' ? res.attr('location') : undefined;
    let region: Value | undefined = location?.known && typeof location.value === 'string' ? location : undefined;
    let source = region ? srcOf(res) : undefined;
    if (!region) {
      const p = config.providers.find((x) => x.key === res.provider) ?? config.providers.find((x) => x.key === name);
      if (!p) return undefined;
      region = p.region;
      source = p.source;
      if (!region.known || typeof region.value !== 'string') {
        const id = `${name}-region`;
        if (!regionNoted.has(id)) {
          regionNoted.add(id);
          notes.push({ kind: 'warning', source: source && { ...source, line: region.known ? source.line : region.line ?? source.line }, message: `the ${name} region cannot be evaluated (${region.known ? 'not a string' : region.reason}): one region "${id}" assumed` });
        }
        addDomain({ id: name, kind: 'provider', label: PROVIDER_LABELS[name] ?? name });
        return addDomain({ id, kind: 'region', label: `${PROVIDER_LABELS[name] ?? name} region`, parent: name });
      }
    }
    const id = String((region as { value: unknown }).value);
    addDomain({ id: name, kind: 'provider', label: PROVIDER_LABELS[name] ?? name });
    if (!regionNoted.has(id)) {
      regionNoted.add(id);
      notes.push({ kind: 'inferred', subject: id, source, message: `region ${id} from the ${location ? 'location' : 'provider block'}` });
    }
    return addDomain({ id, kind: 'region', parent: name, source });
  };
  const zone = (name: string, region: string | undefined): string => {
    const full = /^[a-z]$/.test(name) && region ? `${region}${name}` : /^\d$/.test(name) && region ? `${region}-${name}` : name;
    return addDomain({ id: full, kind: 'zone', parent: region });
  };

  // Components: resources and registry modules of the table.
  const nodes: Node[] = [];
  const skipped = new Map<string, number>();
  for (const res of config.resources) {
    const row = rowOfType(res.type);
    // `count = var.enabled ? 1 : 0` and the like: not created (said where count is read).
    if (res.instances === 0) continue;
    if (!row) {
      if (!CONNECTOR_TYPES.has(res.type) && !BINDING_TYPES[res.type]) skipped.set(res.type, (skipped.get(res.type) ?? 0) + 1);
      continue;
    }
    nodes.push({ id: res.address, row, res, component: { id: res.address, kind: row.kind, source: res.source } });
  }
  for (const m of config.modules) {
    if (m.instances === 0) continue;
    const row = rowOfModule(m.source);
    if (row) nodes.push({ id: m.address, row, res: m, component: { id: m.address, kind: row.kind, source: m.src } });
    else if (!VPC_MODULE.test(m.source)) notes.push({ kind: 'warning', subject: m.address, source: m.src, message: `module source ${m.source || '(none)'} is not in the files and is not a known community module: left out` });
  }
  if (skipped.size) {
    const kinds = [...skipped].map(([t, n]) => (n > 1 ? `${t} x${n}` : t));
    notes.push({ kind: 'inferred', message: `not components (they neither serve nor store): ${kinds.length > 8 ? `${kinds.slice(0, 8).join(', ')} and ${kinds.length - 8} more types` : kinds.join(', ')}` });
  }
  const nodeOf = new Map(nodes.map((n) => [n.id, n]));

  // Zones: named by the resource, or those of the subnets it is placed in.
  const subnetZone = (ref: TfRef): string[] | undefined => {
    const vpc = vpcs.get(ref.address);
    if (vpc) {
      const azs = vpc.attr('azs');
      if (azs.known && Array.isArray(azs.value)) return azs.value.map(String);
      notes.push({ kind: 'warning', subject: vpc.address, source: { ...vpc.src, line: vpc.lineOf('azs') ?? vpc.src.line }, message: `azs cannot be evaluated (${azs.known ? 'not a list' : azs.reason}): the zones of its subnets are unknown` });
      return undefined;
    }
    const subnet = byAddress.get(ref.address);
    const az = subnet?.attr('availability_zone');
    return az?.known && typeof az.value === 'string' ? [az.value] : undefined;
  };
  const subnetIds = new Map<string, string>();
  for (const r of config.resources.filter((x) => x.type === 'aws_subnet')) {
    const id = r.attr('id');
    const az = r.attr('availability_zone');
    if (id.known && typeof id.value === 'string' && az.known && typeof az.value === 'string') subnetIds.set(id.value, az.value);
  }
  const zonesOf = (n: Node): { zones: string[]; line?: number; from?: string } => {
    // The first attribute that names zones but cannot be evaluated (`[for s in var.subnet_ids : s]`,
    // the variable without a value): said if no other attribute gives the zones.
    let unknownAttr: { attr: string; reason: string; line?: number } | undefined;
    const seen = (attr: string, v: Value) => {
      if (!v.known) unknownAttr ??= { attr, reason: v.reason, line: v.line ?? n.res.lineOf(attr) };
    };
    for (const attr of n.row.zones ?? []) {
      const v = n.res.attr(attr);
      if (v.known && v.value !== undefined && v.value !== null && !(Array.isArray(v.value) && v.value.length === 0)) {
        const names = (Array.isArray(v.value) ? v.value : [v.value]).map(String);
        return { zones: names, line: n.res.lineOf(attr), from: attr };
      }
      seen(attr, v);
    }
    for (const attr of n.row.subnets ?? []) {
      const found: string[] = [];
      for (const ref of n.res.refs.filter((r) => r.from === attr)) found.push(...(subnetZone(ref) ?? []));
      const v = n.res.attr(attr);
      if (v.known && v.value) for (const id of (Array.isArray(v.value) ? v.value : [v.value]).map(String)) if (subnetIds.has(id)) found.push(subnetIds.get(id)!);
      if (found.length) return { zones: [...new Set(found)], line: n.res.lineOf(attr), from: `${attr} (its subnets)` };
      // Subnets named by reference (`aws_subnet.a.id`, known only after apply) are followed above; only what names none is unknown here.
      if (!n.res.refs.some((r) => r.from === attr)) seen(attr, v);
    }
    if (unknownAttr) {
      const { attr, reason, line } = unknownAttr;
      notes.push({ kind: 'warning', subject: n.id, source: { ...srcOf(n.res), line }, message: `${attr} cannot be evaluated (${reason}): its zones are unknown; no zone assumed${n.region ? ` (in region ${n.region} only)` : ''}` });
    }
    return { zones: [] };
  };

  const knownZones = new Map<string, string[]>();
  for (const n of nodes) {
    const c = n.component;
    n.region = regionOf(n.res);
    let size = 'instances' in n.res ? n.res.instances : 1;
    for (const attr of n.row.size ?? []) {
      const v = n.res.attr(attr);
      if (!v.known) {
        notes.push({ kind: 'warning', subject: n.id, source: { ...srcOf(n.res), line: v.line ?? n.res.lineOf(attr) }, message: `${attr} cannot be evaluated (${v.reason}): 1 assumed` });
        break;
      }
      // Not set (null is Terraform's "omitted"): the next attribute that can say the size.
      if (v.value === undefined || v.value === null) continue;
      const where = { ...srcOf(n.res), line: n.res.lineOf(attr) };
      // `desired_count = "3"` is 3 to Terraform; `true`, `"many"`, -1 or 2.5 it refuses: one, said as a guess.
      const x = terraformNumber(v.value);
      if (Array.isArray(v.value)) {
        notes.push({ kind: 'warning', subject: n.id, source: where, message: `${attr} differs from one instance to the next (${v.value.map((e) => shownValue(e)).join(', ').slice(0, 60)}): 1 assumed` });
        break;
      }
      // Past the limit of a pool it is refused with its line (src/import/limits.ts).
      if (x === undefined || (x <= MAX_REPLICAS && (!Number.isInteger(x) || x < 0))) {
        notes.push({ kind: 'warning', subject: n.id, source: where, message: `${attr} is ${shownValue(v.value)}, not a whole number (Terraform refuses it): 1 assumed` });
        break;
      }
      size = x * size;
      notes.push({ kind: 'inferred', subject: n.id, source: where, message: `replicas ${x} from ${attr}${quotedCount(v.value, 'Terraform converts it to a number')}` });
      break;
    }
    c.replicas = Math.max(1, size);
    const z = zonesOf(n);
    if (z.zones.length) {
      const ids = z.zones.map((name) => zone(name, n.region));
      if (n.region) knownZones.set(n.region, [...new Set([...(knownZones.get(n.region) ?? []), ...ids])]);
      if (!n.row.managed && (c.replicas > 1 || ids.length === 1)) {
        c.domains = c.replicas > 1 ? ids : [ids[0]];
        notes.push({ kind: 'inferred', subject: n.id, source: { ...srcOf(n.res), line: z.line }, message: `in ${ids.length === 1 ? 'zone' : 'zones'} ${ids.join(', ')} from ${z.from}` });
      } else if (n.region) c.domains = [n.region];
    } else if (n.region) c.domains = [n.region];
    if (n.row.managed) {
      const preset = MANAGED_PRESETS.find((p) => p.id === n.row.managed);
      if (preset) c.availability = { value: preset.availability, source: preset.source };
    }
  }
  for (const r of config.resources) {
    // Zones of subnets and vpc modules the components did not name still count for standbys.
    const az = r.type === 'aws_subnet' ? r.attr('availability_zone') : undefined;
    const region = r.type === 'aws_subnet' ? regionOf(r) : undefined;
    if (az?.known && typeof az.value === 'string' && region) knownZones.set(region, [...new Set([...(knownZones.get(region) ?? []), zone(az.value, region)])]);
  }
  for (const vpc of vpcs.values()) {
    const azs = vpc.attr('azs');
    const region = regionOf(vpc);
    if (azs.known && Array.isArray(azs.value) && region) knownZones.set(region, [...new Set([...(knownZones.get(region) ?? []), ...azs.value.map((a) => zone(String(a), region))])]);
  }

  // Dependencies: references between components; load balancers to their targets.
  const adjacency = new Map<string, Set<string>>();
  const connect = (a: string, b: string) => {
    adjacency.set(a, (adjacency.get(a) ?? new Set()).add(b));
    adjacency.set(b, (adjacency.get(b) ?? new Set()).add(a));
  };
  const allRefs: { from: TfResource | TfModuleCall; ref: TfRef }[] = [];
  for (const r of [...config.resources, ...config.modules]) for (const ref of r.refs) {
    allRefs.push({ from: r, ref });
    if (ref.address !== r.address) connect(r.address, ref.address);
  }
  const isConnector = (address: string) => CONNECTOR_TYPES.has(byAddress.get(address)?.type ?? '');
  /** Components reached from `start` through connectors only. */
  const through = (start: string, exclude: string): { id: string; path: string[] }[] => {
    const out: { id: string; path: string[] }[] = [];
    const seen = new Set([start, exclude]);
    const queue: { at: string; path: string[] }[] = [{ at: start, path: [start] }];
    while (queue.length) {
      const { at, path } = queue.shift()!;
      for (const next of adjacency.get(at) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        if (nodeOf.has(next)) out.push({ id: next, path });
        else if (isConnector(next)) queue.push({ at: next, path: [...path, next] });
      }
    }
    return out;
  };
  const special = new Set(['replicate_source_db', 'cluster_identifier', 'replication_group_id', 'master_instance_name']);
  for (const { from, ref } of allRefs) {
    const source = nodeOf.get(from.address);
    if (!source || ref.address === from.address || special.has(ref.from)) continue;
    const line = ref.line ?? from.lineOf(ref.from);
    const targetOf = source.row.targetOf?.some((a) => ref.from === a || ref.from.startsWith(`${a}.`));
    if (targetOf) {
      const fronts = nodeOf.has(ref.address) ? [{ id: ref.address, path: [] as string[] }] : isConnector(ref.address) ? through(ref.address, from.address).filter((x) => x.id !== from.address) : [];
      for (const f of fronts) links.push({ from: f.id, to: source.id, source: { ...srcOf(source.res), line }, reason: `${ref.from} makes it a target of ${f.id}` });
      continue;
    }
    if (nodeOf.has(ref.address)) links.push({ from: source.id, to: ref.address, source: { ...srcOf(source.res), line }, reason: `${ref.from} refers to ${ref.address}${ref.attribute ? `.${ref.attribute}` : ''}` });
  }
  // Bindings (an event source mapping, a topic subscription): the consumer depends on its source.
  for (const b of config.resources) {
    const binding = BINDING_TYPES[b.type];
    if (!binding) continue;
    const consumers = b.refs.filter((r) => r.from === binding.consumer && nodeOf.has(r.address));
    const sources = b.refs.filter((r) => r.from === binding.source && nodeOf.has(r.address));
    for (const c of consumers) for (const src of sources) {
      links.push({ from: c.address, to: src.address, source: { ...b.source, line: src.line ?? b.source.line }, reason: `${b.address} feeds it from ${src.address} (${binding.source})` });
    }
  }
  // Parts of a component (a launch template, a task definition, an instance profile) are
  // neither components nor connectors: what they refer to, the component refers to.
  for (const n of nodes) {
    for (const ref of n.res.refs) {
      const part = byAddress.get(ref.address);
      if (!part || nodeOf.has(part.address) || isConnector(part.address) || n.row.targetOf?.some((a) => ref.from === a || ref.from.startsWith(`${a}.`))) continue;
      for (const inner of part.refs) {
        if (!nodeOf.has(inner.address) || inner.address === n.id) continue;
        links.push({ from: n.id, to: inner.address, source: { ...part.source, line: inner.line ?? part.source.line }, reason: `${part.address} (its ${ref.from}) refers to ${inner.address}${inner.attribute ? `.${inner.attribute}` : ''} in ${inner.from}` });
      }
    }
  }
  for (const n of nodes.filter((x) => x.row.front || x.row.kind === 'loadbalancer')) {
    for (const neighbour of adjacency.get(n.id) ?? []) {
      if (!isConnector(neighbour)) continue;
      for (const t of through(neighbour, n.id)) {
        const target = nodeOf.get(t.id)!;
        // A listener refers to its load balancer: walking back to another front is not a dependency.
        if (target.row.front && target.row.kind === n.row.kind) continue;
        links.push({ from: n.id, to: t.id, source: { ...srcOf(n.res), line: byAddress.get(neighbour)?.source.line }, reason: `through ${t.path.join(' -> ')}` });
      }
    }
  }

  const ctx: Context = { nodes, nodeOf, byAddress, resources: config.resources, links, extra: components, notes, knownZones, zone, addDomain, dropped: new Set() };
  for (const n of nodes) applyFeature(n, ctx);
  for (const n of nodes) if (n.row.front && !ctx.dropped.has(n.id)) entryOf(n, notes);
  return {
    components: [...nodes.filter((n) => !ctx.dropped.has(n.id)).map((n) => n.component), ...components],
    links: links.filter((l) => !ctx.dropped.has(l.from) && !ctx.dropped.has(l.to)),
    domains,
    notes,
  };
}

export function srcOf(res: TfResource | TfModuleCall) {
  return 'src' in res ? res.src : res.source;
}

/** A front door is an entry unless the files say it is internal. */
function entryOf(n: Node, notes: ImportNote[]): void {
  const f = n.row.front!;
  if (f.internal) {
    const v = n.res.attr(f.internal);
    if (!v.known) {
      notes.push({ kind: 'assumed', subject: n.id, source: { ...srcOf(n.res), line: v.line ?? n.res.lineOf(f.internal) }, message: `${f.internal} cannot be evaluated (${v.reason}): internet-facing assumed` });
    } else if (f.internalValues ? f.internalValues.includes(String(v.value)) : v.value === true) {
      notes.push({ kind: 'inferred', subject: n.id, source: { ...srcOf(n.res), line: n.res.lineOf(f.internal) }, message: `internal (${f.internal} = ${describeValue(v.value)}): no client in front of it` });
      return;
    }
  }
  n.component.entry = { source: srcOf(n.res), reason: n.row.kind === 'loadbalancer' ? 'an internet-facing load balancer' : `a public ${n.row.kind === 'dns' ? 'DNS record' : 'CDN distribution'}` };
}
