// Where new instances and copies go: the zones of a region, another zone beside a
// component's own (a new one when those of its region are taken: real regions have
// three), and unique ids for what the plan adds.
import { instanceDomain, type Component, type FailureDomain, type Topology } from '../../model';
import { ZONE_KINDS, labelOf, memo, regionOf, zoneOf } from './structure';

/** The zone-level domains of a region (or, with no region, the zones outside any region). */
export function zonesOfRegion(t: Topology, region: string | undefined): FailureDomain[] {
  // Grouped once per document: the planner asks for every candidate move, and a scan of
  // 5,000 domains each time was most of a plan on the estate at every limit.
  const byRegion = memo(t, 'zonesByRegion', () => {
    const out = new Map<string | undefined, FailureDomain[]>();
    for (const d of t.domains) {
      if (!ZONE_KINDS.has(d.kind)) continue;
      const r = regionOf(t, d.id);
      if (!out.has(r)) out.set(r, []);
      out.get(r)!.push(d);
    }
    return out;
  });
  return byRegion.get(region) ?? [];
}

/** The zones a component's instances use, in instance order, without repeats. */
export function zonesUsed(t: Topology, c: Component): string[] {
  const out: string[] = [];
  for (let i = 1; i <= (c.replicas ?? 1); i++) {
    const z = zoneOf(t, instanceDomain(c, i));
    if (z !== undefined && !out.includes(z)) out.push(z);
  }
  return out;
}

export function regions(t: Topology): FailureDomain[] {
  return t.domains.filter((d) => d.kind === 'region');
}

/** A unique id from `base`: base, base-2, base-3, ... against every id in the document. */
export function uniqueId(t: Topology, base: string): string {
  const taken = new Set<string>([...t.components.map((c) => c.id), ...t.domains.map((d) => d.id), ...t.links.flatMap((l) => (l.id ? [l.id] : []))]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The most zones a move creates in a region: real cloud regions have three. */
export const ZONES_PER_REGION = 3;

export interface ZonePick {
  doc: Topology;
  zone: string;
  /** The zone did not exist: the move added it to the region. */
  created: boolean;
}

/**
 * A zone of the component's region other than the ones its instances (and `alsoUsed`:
 * its standbys') use: the first existing one, or a new zone when every zone is in use and
 * the region has fewer than three. Undefined when the component sits in no zone, or it
 * (with its standbys) uses three zones or more.
 */
export function zoneBeside(t: Topology, c: Component, alsoUsed: readonly string[] = []): ZonePick | undefined {
  const own = zonesUsed(t, c);
  if (own.length === 0) return undefined;
  const used = [...own, ...alsoUsed.filter((z) => !own.includes(z))];
  const region = regionOf(t, used[0]);
  const zones = zonesOfRegion(t, region);
  const free = zones.find((z) => !used.includes(z.id));
  if (free) return { doc: t, zone: free.id, created: false };
  if (region === undefined || zones.length >= ZONES_PER_REGION) return undefined;
  return addZone(t, region);
}

/** Zones of the component's region to spread it over (its own first), adding zones to the region up to three. */
export function zonesToSpreadOver(t: Topology, c: Component, want: number): { doc: Topology; zones: string[]; created: string[] } | undefined {
  const used = zonesUsed(t, c);
  if (used.length === 0) return undefined;
  const region = regionOf(t, used[0]);
  let doc = t;
  const created: string[] = [];
  const existing = zonesOfRegion(t, region).map((z) => z.id);
  if (region !== undefined) {
    while (existing.length + created.length < Math.min(want, ZONES_PER_REGION)) {
      const added = addZone(doc, region);
      doc = added.doc;
      created.push(added.zone);
    }
  }
  const all = [...existing, ...created];
  const zones = [...used.filter((z) => all.includes(z)), ...all.filter((z) => !used.includes(z))];
  return { doc, zones, created };
}

/** Adds a zone to a region, named after its siblings: us-east-1a, us-east-1b -> us-east-1c. */
export function addZone(t: Topology, region: string): ZonePick {
  const siblings = zonesOfRegion(t, region);
  const model = siblings.at(-1);
  const letters = new Set(siblings.flatMap((z) => lastLetter(z.label ?? z.id) ?? lastLetter(z.id) ?? []));
  // The first free letter; with no lettered siblings, the letter of the next zone (the second is b).
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  const letter = letters.size === 0 ? alphabet[Math.min(siblings.length, 25)] : [...alphabet].find((l) => !letters.has(l)) ?? 'z';
  const kind = model?.kind ?? 'zone';
  const base = model && lastLetter(model.id) !== undefined ? model.id.slice(0, -1) + letter : `${region}-${letter}`;
  const id = uniqueId(t, base);
  const modelLabel = model?.label ?? model?.id;
  const label = modelLabel !== undefined && lastLetter(modelLabel) !== undefined
    ? withLastLetter(modelLabel, letter)
    : `${labelOf(t, region)} zone ${letter}`;
  const zone: FailureDomain = { id, kind, label, parent: region };
  return { doc: { ...t, domains: [...t.domains, zone] }, zone: id, created: true };
}

/** The zone letter a name ends with ("us-east-1a" -> "a", "Zone B" -> "b"), if it does. */
function lastLetter(name: string): string | undefined {
  const m = /(?:^|[\d\s_-])([a-zA-Z])$/.exec(name);
  return m ? m[1].toLowerCase() : undefined;
}

function withLastLetter(name: string, letter: string): string {
  const last = name.at(-1)!;
  return name.slice(0, -1) + (last === last.toUpperCase() ? letter.toUpperCase() : letter);
}
