// Finding rules for single points of failure: one per layer (what to add depends on
// what the element is), one per kind of failure domain, one for network links.
import { minHealthyOf, replicasOf, type Component, type ComponentKind, type DomainKind } from '../../model';
import type { FindingContext, FindingRule } from './findings';
import type { Report } from './report';
import { componentOfElement, domainMap, named, namesOf } from './structure';
import type { Finding, Severity } from './types';
import type { SpofReport } from '../types';
import { othersDownCount } from '../spofOthers';

type Spof = Report['spofs'][number];

/** `help` is the rule's general advice; `suggestion` words it for one component when it can say more. */
function componentSpofRule(code: string, kinds: ComponentKind[], layer: string, help: string, suggestion: (c: Component) => string = () => help): FindingRule {
  return {
    code,
    severity: 'high',
    title: `a ${layer} is a single point of failure`,
    description: `A ${layer} (or one instance of it) whose failure alone, with everything else working, takes down a client: no alternative, standby or spare instance serves in its place, so every minute it is down is a minute of outage.`,
    help,
    check({ t, report }) {
      // One finding per component: its own SPOF and the SPOFs of its instances together.
      const byComponent = new Map<string, { c: Component; spofs: Spof[] }>();
      for (const s of report.spofs) {
        if (s.type !== 'component' && s.type !== 'instance') continue;
        const c = componentOfElement(t, s.id);
        if (!c || !kinds.includes(c.kind)) continue;
        if (!byComponent.has(c.id)) byComponent.set(c.id, { c, spofs: [] });
        byComponent.get(c.id)!.spofs.push(s);
      }
      return [...byComponent.values()].map(({ c, spofs }): Finding => {
        // The SPOFs of one component usually share one list of clients (analyze keeps one per chain).
        const clients = spofs.every((s) => s.clients === spofs[0].clients) ? spofs[0].clients : [...new Set(spofs.flatMap((s) => s.clients))];
        const pool = replicasOf(c) > 1;
        const what = pool
          ? `Each instance of ${named(t, c.id)} is a single point of failure (${minHealthyOf(c)} of ${replicasOf(c)} must work)`
          : `${named(t, c.id, capital(layer))} is a single point of failure`;
        return {
          code,
          severity: 'high',
          message: `${what}: its failure alone cuts off ${namesOf(t, clients)}.`,
          suggestion: pool ? `Add instances beyond the ${minHealthyOf(c)} that must work (replicas > minHealthy).` : suggestion(c),
          ids: spofs.map((s) => s.id),
        };
      });
    },
  };
}

function domainSpofRule(code: string, kinds: DomainKind[], severity: Severity, what: string, suggestion: string): FindingRule {
  return {
    code,
    severity,
    title: `a ${what} is a single point of failure`,
    description: `A ${what} whose outage takes down a client: everything placed in it fails at once (a common-cause failure), and nothing outside it serves in its place.`,
    help: suggestion,
    check({ t, report }) {
      const domains = domainMap(t);
      return report.spofs
        .filter((s) => s.type === 'domain' && kinds.includes(domains.get(s.id)?.kind as DomainKind))
        .map((s) => ({
          code,
          severity,
          message: `${named(t, s.id, capital(DOMAIN_WORDS[domains.get(s.id)!.kind]))} is a single point of failure: its outage cuts off ${namesOf(t, s.clients)}${othersWords(s)}.`,
          suggestion,
          ids: [s.id],
        }));
    },
  };
}

const linkSpofRule: FindingRule = {
  code: 'spof-link',
  severity: 'high',
  title: 'a network link is a single point of failure',
  description: 'A network path (a dependency link with an availability of its own) whose failure alone takes down a client: no other path reaches an alternative target.',
  help: 'Add a second, independent network path (another link to an alternative target).',
  check({ t, report }: FindingContext) {
    return report.spofs.filter((s) => s.type === 'link').map((s) => ({
      code: 'spof-link',
      severity: 'high' as const,
      message: `The network path "${s.id}" is a single point of failure: its failure cuts off ${namesOf(t, s.clients)}.`,
      suggestion: 'Add a second, independent network path (another link to an alternative target).',
      ids: [s.id],
    }));
  },
};

export const spofRules: FindingRule[] = [
  componentSpofRule('spof-dns', ['dns'], 'DNS', 'Add a second DNS provider, or DNS failover with health checks.'),
  componentSpofRule('spof-cdn', ['cdn'], 'CDN', 'Add a second CDN, or let DNS fail over to the origin.'),
  componentSpofRule('spof-loadbalancer', ['loadbalancer'], 'load balancer', 'Add a second load balancer in active-passive with a floating IP (or use a managed, multi-zone load balancer).'),
  componentSpofRule('spof-compute', ['web', 'app'], 'server', 'Run two or more instances behind the load balancer (replicas: 2 or more).', (c) => `Run two or more ${c.kind} instances behind the load balancer (replicas: 2 or more).`),
  componentSpofRule('spof-service', ['service'], 'service', 'Run more instances of the service, or let its callers degrade without it (an optional dependency).'),
  componentSpofRule('spof-database', ['database'], 'database', 'Add a standby with automatic failover (joined by replication), and read replicas.'),
  componentSpofRule('spof-cache', ['cache'], 'cache', 'Run the cache with Redis Sentinel or Cluster: a replica with automatic failover.'),
  componentSpofRule('spof-storage', ['storage', 'queue'], 'data service', 'Use a replicated, managed service (multi-zone), or a replica joined by replication.', (c) => `Use a replicated, managed ${c.kind} service (multi-zone), or a replica joined by replication.`),
  componentSpofRule('spof-external', ['external'], 'third-party service', 'Add a second provider, or make the dependency optional with a fallback.'),
  domainSpofRule('spof-zone', ['zone', 'datacenter', 'rack'], 'high', 'zone', 'Spread every layer across two or more zones, with a standby or instances in each.'),
  domainSpofRule('spof-host', ['host'], 'high', 'host', 'Run every service on two or more machines (Swarm or Kubernetes nodes), with instances on each.'),
  domainSpofRule('spof-region', ['region'], 'medium', 'region', 'Replicate the system into a second region, with failover between regions.'),
  domainSpofRule('spof-provider', ['provider'], 'low', 'provider', 'If the SLO demands it, run a copy of the critical path with a second provider.'),
  linkSpofRule,
];

const DOMAIN_WORDS: Record<DomainKind, string> = {
  zone: 'zone', datacenter: 'data centre', rack: 'rack', host: 'host', region: 'region', provider: 'provider', group: 'group',
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "; 6 components in it or needing it stop serving": the clients are not counted again. */
function othersWords(s: SpofReport): string {
  const others = othersDownCount(s);
  if (others <= 0) return '';
  return `; ${others.toLocaleString('en-US')} component${others === 1 ? '' : 's'} in it or needing it stop${others === 1 ? 's' : ''} serving`;
}
