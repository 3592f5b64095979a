// What one Compose service says, read field by field (the Compose Specification's
// `services` top-level element): short and long forms alike, each with its line.
import { count, dict, isDict, list, shownValue, str, type Dict } from '../values';

/** Where a key of a service came from: the file and the map that holds it (for lines). */
export interface Origin {
  file: string;
  map: Dict;
}

export interface ComposeService {
  name: string;
  /** The merged service (override files replace keys of earlier files). */
  def: Dict;
  origin: Map<string, Origin>;
  /** File and line of the service's name. */
  file: string;
  line: number | undefined;
}

/** `environment` as a map or a `KEY=value` list, in order. */
export function environmentOf(def: Dict): [string, string][] {
  return keyValuesOf(def.environment);
}

/** `environment` or `labels` in either form: a list of `KEY=value` or a map. */
export function keyValuesOf(v: unknown): [string, string][] {
  if (Array.isArray(v)) {
    return v.flatMap((e) => {
      const s = str(e);
      if (s === undefined) return [];
      const eq = s.indexOf('=');
      return eq < 0 ? [] : [[s.slice(0, eq), s.slice(eq + 1)] as [string, string]];
    });
  }
  return Object.entries(dict(v)).flatMap(([k, x]) => {
    const s = str(x);
    return s === undefined ? [] : [[k, s] as [string, string]];
  });
}

/** `depends_on` in its list form (`[db]`) or its map form (`{db: {condition: ...}}`). */
export function dependsOnOf(def: Dict): string[] {
  const d = def.depends_on;
  if (Array.isArray(d)) return d.map(str).filter((s): s is string => !!s);
  return Object.keys(dict(d));
}

/** `links: [db, "db:database"]`: the service named before the colon. */
export function linksOf(def: Dict): { service: string; alias?: string }[] {
  return list(def.links).flatMap((l) => {
    const s = str(l);
    if (!s) return [];
    const [service, alias] = s.split(':');
    return [{ service, alias }];
  });
}

/** Published ports (`ports`, short or long syntax); `expose` publishes nothing. */
export function publishedPorts(def: Dict): string[] {
  return list(def.ports).flatMap((p) => {
    if (isDict(p)) {
      const target = str(p.target);
      const published = str(p.published);
      return target ? [published ? `${published}:${target}` : target] : [];
    }
    const s = str(p);
    return s ? [s] : [];
  });
}

/** Mounts that keep data across a restart: named volumes and bind mounts (not tmpfs). */
export function persistentMounts(def: Dict): string[] {
  return list(def.volumes).flatMap((v) => {
    if (isDict(v)) {
      if (str(v.type) === 'tmpfs') return [];
      return str(v.target) ? [`${str(v.source) ?? '(anonymous)'}:${str(v.target)}`] : [];
    }
    const s = str(v);
    return s ? [s] : [];
  });
}

/** Network aliases, `hostname` and `container_name`: other names the service answers to. */
export function otherNames(def: Dict): string[] {
  const names = [str(def.hostname), str(def.container_name)];
  for (const net of Object.values(dict(def.networks))) for (const a of list(dict(net).aliases)) names.push(str(a));
  return names.filter((n): n is string => !!n).map((n) => n.toLowerCase());
}

/** `build: ./web` or `build: { context: ./web }`, normalised (`web`, `./web/` and `web/.` alike). */
export function buildContext(def: Dict): string | undefined {
  const b = def.build;
  const context = isDict(b) ? str(b.context) ?? '.' : str(b);
  if (context === undefined) return undefined;
  const dockerfile = isDict(b) ? str(b.dockerfile) : undefined;
  const norm = context.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+\.?$/, '') || '.';
  return dockerfile ? `${norm} (${dockerfile})` : norm;
}

/** `deploy.replicas` or the legacy `scale`, with the key that said it. */
export function replicasOf(def: Dict): { replicas: number; key: 'deploy.replicas' | 'scale'; holder: Dict; field: string } | undefined {
  const deploy = dict(def.deploy);
  const r = count(deploy.replicas);
  if (r !== undefined) return { replicas: r, key: 'deploy.replicas', holder: deploy, field: 'replicas' };
  const s = count(def.scale);
  if (s !== undefined) return { replicas: s, key: 'scale', holder: def, field: 'scale' };
  return undefined;
}

/** `deploy.replicas` or `scale` given but not a count of instances (`.inf`, `2.5`, `"many"`), shown as written. */
export function notACount(def: Dict): { key: 'deploy.replicas' | 'scale'; shown: string; holder: Dict } | undefined {
  const deploy = dict(def.deploy);
  if (deploy.replicas !== undefined && deploy.replicas !== null && count(deploy.replicas) === undefined) return { key: 'deploy.replicas', shown: shownValue(deploy.replicas), holder: deploy };
  if (def.scale !== undefined && def.scale !== null && count(def.scale) === undefined) return { key: 'scale', shown: shownValue(def.scale), holder: def };
  return undefined;
}

/** Swarm placement constraints: `node.hostname == x` pins a service to one machine. */
export function placementOf(def: Dict): { hostname?: string; constraints: string[]; holder: Dict } {
  const placement = dict(dict(def.deploy).placement);
  const constraints = list(placement.constraints).map(str).filter((c): c is string => !!c);
  let hostname: string | undefined;
  for (const c of constraints) {
    const m = /^\s*node\.hostname\s*==\s*(\S+)\s*$/.exec(c);
    if (m) hostname = m[1];
  }
  return { hostname, constraints, holder: placement };
}

/** What makes two services copies of one another beyond their image: the same command and settings. */
export function configurationKey(def: Dict): string {
  return JSON.stringify([def.command ?? null, def.entrypoint ?? null, environmentOf(def)]);
}
