// Seeded random designs for the layout tests and the benchmark: a provider with
// regions and zones, tiers from clients down to data stores, placed at the root,
// in one zone, in a region, or as pools spread over the zones of a region. The
// dependency links only go from an earlier tier to a later one, so the design is
// acyclic; databases come in primary/standby pairs joined by replication links.
import type { Component, FailureDomain, Link, Topology } from '../../src/model';
import { seededRandom } from '../../src/engine/random';

const TIERS = ['client', 'dns', 'cdn', 'loadbalancer', 'web', 'app', 'service', 'queue', 'cache', 'database', 'storage'] as const;

export interface DesignShape {
  components: number;
  regions: number;
  zonesPerRegion: number;
  /** Domains with nothing inside, to test the empty-container path. */
  emptyDomains?: number;
}

export function generateDesign(seed: number, shape: DesignShape): Topology {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const domains: FailureDomain[] = [{ id: 'cloud', kind: 'provider', label: 'Cloud' }];
  const zonesOf: string[][] = [];
  for (let r = 0; r < shape.regions; r++) {
    domains.push({ id: `r${r}`, kind: 'region', label: `Region ${r}`, parent: 'cloud' });
    const zones: string[] = [];
    for (let z = 0; z < shape.zonesPerRegion; z++) {
      domains.push({ id: `r${r}z${z}`, kind: 'zone', label: `Zone ${r}${'abcdefgh'[z % 8]}`, parent: `r${r}` });
      zones.push(`r${r}z${z}`);
    }
    zonesOf.push(zones);
  }
  for (let e = 0; e < (shape.emptyDomains ?? 0); e++) {
    domains.push({ id: `empty${e}`, kind: 'group', label: `Empty ${e}`, parent: random() < 0.5 ? pick(domains).id : undefined });
  }

  const components: Component[] = [];
  const tierOf = new Map<string, number>();
  for (let i = 0; i < shape.components; i++) {
    // The first components are the clients, so every design has an entry point.
    const tier = i < Math.max(1, Math.floor(shape.components / 50)) ? 0 : 1 + Math.floor(random() * (TIERS.length - 1));
    const id = `${TIERS[tier]}${i}`;
    const c: Component = { id, kind: TIERS[tier] };
    const region = Math.floor(random() * shape.regions);
    const where = tier === 0 ? 0 : random();
    if (shape.regions > 0 && where > 0.75) c.domains = zonesOf[region].slice(0, 2);
    else if (shape.regions > 0 && where > 0.65) c.domain = `r${region}`;
    else if (shape.regions > 0 && where > 0.25) c.domain = pick(zonesOf[region]);
    if (c.domains) c.replicas = c.domains.length;
    components.push(c);
    tierOf.set(id, tier);
  }

  const links: Link[] = [];
  const seen = new Set<string>();
  const byTier = TIERS.map((_, tier) => components.filter((c) => tierOf.get(c.id) === tier).map((c) => c.id));
  for (const c of components) {
    const tier = tierOf.get(c.id)!;
    const later = byTier.slice(tier + 1).flat();
    if (later.length === 0) continue;
    const count = 1 + Math.floor(random() * 2);
    for (let k = 0; k < count; k++) {
      const to = pick(byTier.slice(tier + 1, tier + 3).flat().length > 0 && random() < 0.8 ? byTier.slice(tier + 1, tier + 3).flat() : later);
      if (seen.has(`${c.id}->${to}`)) continue;
      seen.add(`${c.id}->${to}`);
      links.push({ from: c.id, to });
    }
  }
  const databases = byTier[TIERS.indexOf('database')];
  for (let i = 0; i + 1 < databases.length; i += 2) {
    links.push({ id: `repl${i}`, from: databases[i], to: databases[i + 1], type: 'replication', mode: 'async' });
  }
  return { format: 'spof-topology', version: 2, name: `Generated ${seed}`, domains, components, links };
}
