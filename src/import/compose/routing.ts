// Reverse proxies that find their backends themselves, from the other containers' labels or
// environment, instead of a configuration file: Traefik's Docker (and Swarm) provider reads
// `traefik.*` labels, caddy-docker-proxy reads `caddy*` labels, nginx-proxy reads
// `VIRTUAL_HOST`. Such a proxy depends on every service that asks to be routed.
import { dict, type Dict } from '../values';
import { keyValuesOf } from './service';

/** What asks a proxy to route to a service: the map or list that holds it, and the entry. */
export interface RouteRequest {
  holder: unknown;
  /** Which of the service's settings holds it, for the note's file (`labels`, `deploy`, `environment`). */
  setting: 'labels' | 'deploy' | 'environment';
  key: string;
  value: string;
  /** The entry's key in a map, its index in a list: what its line is looked up by. */
  at: string | number;
}

interface Router {
  /** The proxy's image, as a repository name (`traefik`, `lucaslorentz/caddy-docker-proxy`). */
  image: RegExp;
  routed(def: Dict): RouteRequest | undefined;
}

const ROUTERS: readonly Router[] = [
  {
    image: /(^|\/)traefik(:|@|$)/,
    routed: (def) => {
      const labels = labelsOf(def);
      if (labels.some((l) => l.key === 'traefik.enable' && l.value === 'false')) return undefined;
      return labels.find((l) => /^traefik\.(http|tcp|udp)\.(routers|services)\./.test(l.key)) ?? labels.find((l) => l.key === 'traefik.enable' && l.value === 'true');
    },
  },
  {
    image: /(^|\/)caddy-docker-proxy(:|@|$)/,
    routed: (def) => labelsOf(def).find((l) => /^caddy(_\d+)?(\.|$)/.test(l.key)),
  },
  {
    image: /(^|\/)nginx-proxy(:|@|$)/,
    routed: (def) => entriesOf(def.environment, 'environment').find((e) => e.key === 'VIRTUAL_HOST'),
  },
];

/** The router a proxy's image names, if it is one of those that read the other containers. */
export function routerOf(image: string | undefined): Router | undefined {
  const repo = image?.toLowerCase();
  return repo ? ROUTERS.find((r) => r.image.test(repo)) : undefined;
}

/** A service's labels, its own and (in a swarm stack) its deploy labels, list or map form. */
function labelsOf(def: Dict): RouteRequest[] {
  return [...entriesOf(def.labels, 'labels'), ...entriesOf(dict(def.deploy).labels, 'deploy')];
}

function entriesOf(holder: unknown, setting: RouteRequest['setting']): RouteRequest[] {
  const pairs = keyValuesOf(holder);
  if (!Array.isArray(holder)) return pairs.map(([key, value]) => ({ holder, setting, key, value, at: key }));
  // A list keeps its items without `=`: find each pair's index among them.
  return pairs.map(([key, value]) => ({ holder, setting, key, value, at: holder.findIndex((x) => typeof x === 'string' && x.startsWith(`${key}=`)) }));
}
