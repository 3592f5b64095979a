// Docker Compose (the Compose Specification; swarm stack files too) -> the intermediate list.
// One component per service, id = the service name (DESIGN section 7).
import { at } from '../build';
import { IMAGE_KINDS, kindFromImage } from '../imageKinds';
import type { ImportNote } from '../notes';
import { hostsIn, isAddressKey } from '../references';
import type { ImportedComponent, ImportedDomain, ImportedLink, ImportedSystem } from '../types';
import { dict, isDict, quotedCount, str, wordList, type Dict } from '../values';
import type { YamlFile } from '../yaml';
import {
  buildContext, configurationKey, dependsOnOf, environmentOf, linksOf, otherNames, persistentMounts,
  notACount, placementOf, publishedPorts, replicasOf, type ComposeService, type Origin,
} from './service';
import { routerOf } from './routing';
import { readComposeTags, type Resets } from './tags';

export interface ComposeDocument {
  file: string;
  yaml: YamlFile;
  doc: Dict;
}

/** A YAML document is a compose file when its `services` is a map of service definitions. */
export function isComposeDocument(doc: unknown): doc is Dict {
  return isDict(doc) && isDict(doc.services) && !('apiVersion' in doc) && Object.values(doc.services).every((s) => s === null || isDict(s));
}

const DOCKER_HOST = 'docker-host';
const PROXY_ROW = IMAGE_KINDS.find((r) => r.proxy);
// The engine's data stores (src/engine/insight/structure.ts): what loses data without a volume.
const DATA_KINDS = new Set(['database', 'cache', 'storage', 'queue']);

export function importCompose(documents: ComposeDocument[]): ImportedSystem {
  const notes: ImportNote[] = [];
  const resets: Resets = new Map();
  for (const d of new Map(documents.map((x) => [x.yaml, x])).values()) readComposeTags(d.file, d.yaml, resets, notes);
  const services = mergeServices(documents, notes, resets);
  const lineOf = (s: ComposeService, key: string): number | undefined => {
    const o = s.origin.get(key);
    return o ? yamlOf(documents, o.file)?.lineOf(o.map, key) ?? s.line : s.line;
  };
  const fileOf = (s: ComposeService, key: string) => s.origin.get(key)?.file ?? s.file;

  // Every name a service answers to: its own, its aliases, its hostname, link aliases.
  const nameToService = new Map<string, string>();
  for (const s of services) nameToService.set(s.name.toLowerCase(), s.name);
  for (const s of services) for (const n of otherNames(s.def)) if (!nameToService.has(n)) nameToService.set(n, s.name);
  for (const s of services) for (const l of linksOf(s.def)) if (l.alias && !nameToService.has(l.alias.toLowerCase())) nameToService.set(l.alias.toLowerCase(), l.service);

  const links: ImportedLink[] = [];
  for (const s of services) {
    const dependsOn = s.def.depends_on;
    for (const [i, target] of dependsOnOf(s.def).entries()) {
      const line = yamlOf(documents, fileOf(s, 'depends_on'))?.lineOf(dependsOn, isDict(dependsOn) ? target : i) ?? lineOf(s, 'depends_on');
      links.push({ from: s.name, to: target, source: at(fileOf(s, 'depends_on'), line), reason: 'depends_on' });
    }
    for (const [i, l] of linksOf(s.def).entries()) {
      links.push({ from: s.name, to: l.service, source: at(fileOf(s, 'links'), yamlOf(documents, fileOf(s, 'links'))?.lineOf(s.def.links, i) ?? lineOf(s, 'links')), reason: 'links' });
    }
    const env = s.def.environment;
    for (const [key, value] of environmentOf(s.def)) {
      const line = yamlOf(documents, fileOf(s, 'environment'))?.lineOf(env, isDict(env) ? key : environmentOf(s.def).findIndex(([k]) => k === key)) ?? lineOf(s, 'environment');
      for (const m of hostsIn(value)) {
        const target = nameToService.get(m.host) ?? nameToService.get(m.host.split('.')[0]);
        if (target) links.push({ from: s.name, to: target, source: at(fileOf(s, 'environment'), line), reason: `${key}=${value}` });
        else if (m.address || isAddressKey(key)) {
          notes.push({ kind: 'warning', subject: s.name, source: at(fileOf(s, 'environment'), line), message: `${key}=${value} names ${m.host}, which is not in the files: left out (an external service?)` });
        }
      }
    }
  }

  // Proxies that route to the containers asking for it (labels, VIRTUAL_HOST): they depend on them.
  for (const proxy of services) {
    const router = routerOf(str(proxy.def.image));
    if (!router) continue;
    for (const s of services) {
      const asks = s.name === proxy.name ? undefined : router.routed(s.def);
      if (!asks) continue;
      const file = fileOf(s, asks.setting);
      const line = yamlOf(documents, file)?.lineOf(asks.holder, asks.at) ?? lineOf(s, asks.setting);
      const what = asks.setting === 'environment' ? `${asks.key}=${asks.value}` : `label ${asks.key}=${asks.value}`;
      links.push({ from: proxy.name, to: s.name, source: at(file, line), reason: `${s.name} asks ${proxy.name} to route to it: ${what}` });
    }
  }

  const callsOthers = new Set(links.filter((l) => l.from !== l.to && services.some((s) => s.name === l.to)).map((l) => l.from));
  const swarm = services.some((s) => placementOf(s.def).constraints.length > 0 || str(dict(s.def.deploy).mode) === 'global');
  const domains: ImportedDomain[] = [];
  const addHost = (id: string, label: string, source?: { file: string; line?: number }) => {
    if (!domains.some((d) => d.id === id)) domains.push({ id, kind: 'host', label, source });
  };
  const copies = copySets(services);
  const components: ImportedComponent[] = services.map((s) => {
    const source = at(s.file, s.line);
    const image = str(s.def.image);
    const build = buildContext(s.def);
    const named = image ? kindFromImage(image) : undefined;
    const fromBuild = !named?.row && build ? kindFromImage(build.replace(/ \(.*$/, '')) : undefined;
    // A proxy that reads the other containers (nginx-proxy, caddy-docker-proxy) is a proxy whatever its name's other words.
    const k = routerOf(image) ? { kind: 'loadbalancer' as const, row: PROXY_ROW } : named?.row ? named : fromBuild?.row ? fromBuild : { kind: 'service' as const };
    let kind = k.kind;
    if (k.row?.proxy && !callsOthers.has(s.name)) kind = 'web';
    const what = named?.row ? `image ${image}` : fromBuild?.row ? `build ${build}` : image ? `image ${image}` : build ? `build ${build}` : 'no image';
    notes.push({
      kind: 'inferred', subject: s.name, source: at(fileOf(s, image ? 'image' : 'build'), lineOf(s, image ? 'image' : 'build')),
      message: k.row ? `kind ${kind} from ${what}${k.row.proxy ? (kind === 'web' ? ' (it forwards to no other service)' : ' (it forwards to other services)') : ''}` : `kind service (${what} names no known kind)`,
    });
    const c: ImportedComponent = { id: s.name, kind, source };

    const r = replicasOf(s.def);
    if (r) {
      c.replicas = Math.max(1, r.replicas);
      const file = fileOf(s, r.key === 'scale' ? 'scale' : 'deploy');
      const line = r.key === 'scale' ? lineOf(s, 'scale') : yamlOf(documents, file)?.lineOf(r.holder, r.field);
      // Compose casts a quoted count (what `${REPLICAS}` becomes) to a number: so does the import, and says so.
      const quoted = quotedCount(r.holder[r.field], 'compose reads it as a number');
      notes.push({ kind: 'inferred', subject: s.name, source: at(file, line), message: `replicas ${r.replicas} from ${r.key}${r.replicas === 0 ? ' (0 means stopped: counted as 1)' : ''}${quoted}` });
    } else {
      // `replicas: .inf`, `2.5`, `"many"`: Compose itself refuses these; one instance is a guess, said as one.
      const bad = notACount(s.def);
      if (bad) {
        const file = fileOf(s, bad.key === 'scale' ? 'scale' : 'deploy');
        const line = bad.key === 'scale' ? lineOf(s, 'scale') : yamlOf(documents, file)?.lineOf(bad.holder, 'replicas');
        notes.push({ kind: 'assumed', subject: s.name, source: at(file, line), message: `replicas 1: ${bad.key} is ${bad.shown}, not a count of instances` });
      }
    }
    if (str(dict(s.def.deploy).mode) === 'global') {
      notes.push({ kind: 'assumed', subject: s.name, source: at(fileOf(s, 'deploy'), lineOf(s, 'deploy')), message: 'deploy.mode global runs one instance per swarm node; the nodes are not in the files: counted as one instance' });
    }

    const placement = placementOf(s.def);
    if (placement.hostname) {
      const host = `host:${placement.hostname}`;
      addHost(host, placement.hostname);
      c.domains = [host];
      notes.push({ kind: 'inferred', subject: s.name, source: at(fileOf(s, 'deploy'), yamlOf(documents, fileOf(s, 'deploy'))?.lineOf(placement.holder, 'constraints')), message: `runs on host ${placement.hostname} (placement constraint node.hostname == ${placement.hostname})` });
    } else if (!swarm) {
      addHost(DOCKER_HOST, 'Docker host', source);
      c.domains = [DOCKER_HOST];
    } else {
      notes.push({ kind: 'assumed', subject: s.name, source, message: 'placed by the swarm on any of its nodes (not in the files): no host domain' });
    }

    const ports = publishedPorts(s.def);
    if (ports.length) c.entry = { source: at(fileOf(s, 'ports'), lineOf(s, 'ports')), reason: `publishes port${ports.length === 1 ? '' : 's'} ${wordList(ports)}` };
    if (DATA_KINDS.has(kind)) {
      const mounts = persistentMounts(s.def);
      if (mounts.length) notes.push({ kind: 'inferred', subject: s.name, source: at(fileOf(s, 'volumes'), lineOf(s, 'volumes')), message: `keeps its data across restarts in ${wordList(mounts)}` });
      else notes.push({ kind: 'warning', subject: s.name, source, message: dataLossMessage(kind) });
    }
    const set = copies.get(s.name);
    if (set) c.copiesOf = set;
    return c;
  });

  for (const d of domains) {
    if (d.id === DOCKER_HOST) notes.push({ kind: 'assumed', subject: DOCKER_HOST, source: d.source, message: 'every service of a compose file runs on one Docker host: when it fails, they all do' });
  }
  const project = documents.map((d) => str(d.doc.name)).find(Boolean);
  return { name: project, components, links, domains, notes };
}

/** Services defined in several files (an override file) merge key by key; later files win. */
function mergeServices(documents: ComposeDocument[], notes: ImportNote[], resets: Resets): ComposeService[] {
  const byName = new Map<string, ComposeService>();
  for (const d of documents) {
    const services = dict(d.doc.services);
    for (const [name, raw] of Object.entries(services)) {
      // `web: !reset`: no service web, whatever an earlier file said of it.
      if (resets.get(services)?.has(name)) {
        byName.delete(name);
        continue;
      }
      const def = dict(raw);
      const line = d.yaml.lineOf(services, name);
      const known = byName.get(name);
      const reset = resets.get(def);
      if (!known) {
        const kept = Object.fromEntries(Object.entries(def).filter(([k]) => !reset?.has(k)));
        const origin = new Map<string, Origin>(Object.keys(kept).map((k) => [k, { file: d.file, map: def }]));
        byName.set(name, { name, def: kept, origin, file: d.file, line });
        continue;
      }
      for (const [k, v] of Object.entries(def)) {
        if (reset?.has(k)) {
          delete known.def[k];
          known.origin.delete(k);
          continue;
        }
        known.def[k] = v;
        known.origin.set(k, { file: d.file, map: def });
      }
      notes.push({ kind: 'inferred', subject: name, source: at(d.file, line), message: `settings of ${name} from ${known.file} overridden by ${d.file}` });
    }
    if (Object.values(services).some((s) => 'extends' in dict(s))) {
      notes.push({ kind: 'warning', source: at(d.file, d.yaml.lineOf(d.doc, 'services')), message: '`extends` is not followed: a service that extends another is read from its own keys only' });
    }
  }
  return [...byName.values()];
}

/**
 * Services built from one build context, or run from one image, with the same command and
 * settings are copies of one another (`web1`, `web2` from `./web`): a set named after them.
 */
function copySets(services: ComposeService[]): Map<string, string> {
  const byKey = new Map<string, string[]>();
  for (const s of services) {
    const build = buildContext(s.def);
    const image = str(s.def.image);
    const what = build !== undefined ? `build ${build}` : image ? `image ${image}` : undefined;
    if (!what) continue;
    const key = `${what}\u0000${configurationKey(s.def)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s.name]);
  }
  const out = new Map<string, string>();
  for (const [key, names] of byKey) if (names.length > 1) for (const n of names) out.set(n, key.split('\u0000')[0]);
  return out;
}

function yamlOf(documents: ComposeDocument[], file: string): YamlFile | undefined {
  return documents.find((d) => d.file === file)?.yaml;
}

export function dataLossMessage(kind: string): string {
  return kind === 'cache'
    ? 'a cache without a volume: it starts empty whenever its container is recreated'
    : `a ${kind} without a volume: its data is lost when the container is recreated; mount a named volume`;
}
