// The plan against the architecture rules on random designs richer than a chain: tiers
// that fan out, data stores with a standby already, a region of one to three zones and
// maybe a second region already in use (with the calls into it that the design has),
// a DNS or a CDN in front or none, a second journey, optional links. Whatever the plan
// does: the planned document is valid and warns of nothing new; no dependency crosses
// regions that did not before; a second region appears only where a region blocks the
// target, and then neither it nor its copy is a SPOF and each alone serves every client;
// nothing stands beside a managed service; every move says what it fixes; new labels are
// readable (one place in parentheses at most).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyMoveFully, plan } from '../../src/engine/insight';
import { blockingRegions } from '../../src/engine/insight/moveContext';
import { isManagedService } from '../../src/engine/insight/moveKinds/managed';
import { secondRegionFor } from '../../src/engine/insight/regionCopy';
import { alternativesOf } from '../../src/engine/insight/structure';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { mustParse } from './helpers';
import { crossRegionCalls } from './regions';

const KINDS = ['loadbalancer', 'web', 'app', 'service', 'database', 'cache', 'storage', 'queue', 'external'] as const;
type Kind = (typeof KINDS)[number];

const tier = fc.record({
  kind: fc.constantFrom<Kind>(...KINDS),
  replicas: fc.constantFrom(1, 1, 1, 2, 3),
  /** 0-2: a zone of the first region; 3: the first region itself; 4: spread over its zones; 5: the second region; 6: nowhere. */
  place: fc.constantFrom(0, 0, 1, 2, 3, 4, 5, 6),
  availability: fc.constantFrom(undefined, 0.99, 0.999, 0.9999),
  /** Callers among the earlier tiers (indices modulo how many there are). */
  callers: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
  optional: fc.boolean(),
  standby: fc.constantFrom(undefined, undefined, 'hot', 'warm'),
});

const design = fc.record({
  zones: fc.integer({ min: 1, max: 3 }),
  secondRegion: fc.boolean(),
  provider: fc.boolean(),
  front: fc.constantFrom('none', 'dns', 'cdn'),
  tiers: fc.array(tier, { minLength: 2, maxLength: 6 }),
  journey: fc.option(fc.nat(), { nil: undefined }),
  target: fc.constantFrom(0.999, 0.9995, 0.9999, 0.99995, 0.99999),
  priced: fc.boolean(),
}).map((r) => {
  const zones = ['a', 'b', 'c'].slice(0, r.zones).map((z) => `use1${z}`);
  const domains: TopologyInput['domains'] = [
    ...(r.provider ? [{ id: 'aws', kind: 'provider' as const, label: 'AWS' }] : []),
    { id: 'use1', kind: 'region', label: 'us-east-1', ...(r.provider ? { parent: 'aws' } : {}) },
    ...zones.map((z) => ({ id: z, kind: 'zone' as const, label: `us-east-1${z.slice(-1)}`, parent: 'use1' })),
    ...(r.secondRegion ? [
      { id: 'euw1', kind: 'region' as const, label: 'eu-west-1', ...(r.provider ? { parent: 'aws' } : {}) },
      { id: 'euw1a', kind: 'zone' as const, label: 'eu-west-1a', parent: 'euw1' },
    ] : []),
  ];
  const components: TopologyInput['components'] = [{ id: 'users', kind: 'client', label: 'Users' }];
  const links: NonNullable<TopologyInput['links']> = [];
  let entry = 'users';
  if (r.front !== 'none') {
    components.push({ id: 'front', kind: r.front as 'dns' | 'cdn', label: r.front === 'dns' ? 'DNS' : 'CDN' });
    links.push({ from: 'users', to: 'front' });
    entry = 'front';
  }
  const ids: string[] = [];
  r.tiers.forEach((t, i) => {
    const id = `t${i + 1}`;
    const place = t.place <= 2 ? { domain: zones[t.place % zones.length] }
      : t.place === 3 ? { domain: 'use1' }
        : t.place === 4 ? (zones.length > 1 ? { domains: zones } : { domain: zones[0] })
          : t.place === 5 ? { domain: r.secondRegion ? 'euw1a' : 'use1' }
            : {};
    const replicas = t.kind === 'external' ? 1 : t.replicas;
    components.push({
      id, kind: t.kind, label: `Tier ${i + 1}`, ...place, ...(replicas > 1 ? { replicas } : {}),
      ...(t.availability !== undefined ? { availability: t.availability } : {}), ...(r.priced ? { costPerMonth: 10 * (i + 1) } : {}),
    });
    const callers = i === 0 ? [entry] : [...new Set(t.callers.map((c) => ids[c % ids.length]))];
    // The first tier is what the users reach; a later one may be a soft dependency of one caller.
    callers.forEach((from, k) => links.push({ from, to: id, ...(i > 0 && k === 0 && t.optional && callers.length > 1 ? { optional: true } : {}) }));
    if (t.standby && ['database', 'cache', 'storage', 'queue'].includes(t.kind) && replicas === 1) {
      components.push({ id: `${id}-sb`, kind: t.kind, label: `Tier ${i + 1} standby`, role: 'standby', standby: t.standby as 'hot' | 'warm', ...place });
      for (const from of callers) links.push({ from, to: `${id}-sb` });
      links.push({ from: id, to: `${id}-sb`, type: 'replication', mode: 'async', lagSeconds: 1 });
    }
    ids.push(id);
  });
  if (r.journey !== undefined) {
    components.push({ id: 'jobs', kind: 'client', label: 'Jobs' });
    links.push({ from: 'jobs', to: ids[r.journey % ids.length] });
  }
  return { t: mustParse({ format: 'spof-topology', version: 2, name: 'random design', domains, components, links }), target: r.target };
});

const warningCodes = (t: Topology) => {
  const r = parseTopology(JSON.parse(JSON.stringify(t)));
  if (!r.ok) throw new Error(`invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return new Set(r.warnings.map((w) => w.code));
};

describe('plan architecture on random designs', () => {
  // Sixty plans, each exact: more time than the default allows on a loaded machine.
  it('keeps to the rules an architect holds a plan to', () => {
    const seen = { plans: 0, secondRegion: 0, met: 0 };
    fc.assert(
      fc.property(design, ({ t, target }) => {
        const p = plan(t, { target });
        const before = warningCodes(t);
        for (const code of warningCodes(p.topology)) expect(before.has(code), `new warning ${code}`).toBe(true);
        expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability);
        const crossing = crossRegionCalls(t);
        for (const c of crossRegionCalls(p.topology)) expect(crossing.has(c), `a new call ${c} across regions`).toBe(true);
        const old = new Set([...t.components, ...t.domains].map((x) => x.id));
        for (const x of [...p.topology.components, ...p.topology.domains]) {
          if (old.has(x.id)) continue;
          expect(x.label!.match(/\(/g)?.length ?? 0, `${x.label}: one place at most`).toBeLessThanOrEqual(1);
        }
        if (p.steps.length > 0) seen.plans++;
        if (p.met) seen.met++;
        let doc = t;
        for (const s of p.steps) {
          expect(s.fixes.spofs.length + s.fixes.pairs.length + s.fixes.lessens.length, `${s.description} fixes something`).toBeGreaterThan(0);
          const applied = applyMoveFully(doc, s.move);
          // Nothing drawn beside a managed service in its region (its provider runs its standby), nor a managed service made of one that has a standby.
          for (const c of s.move.type === 'second-region' ? [] : doc.components.filter(isManagedService)) {
            expect([...alternativesOf(applied.doc, c.id)], `${s.description}: ${c.id} is managed`).toEqual([...alternativesOf(doc, c.id)]);
          }
          if (s.move.type === 'managed-preset') expect(alternativesOf(doc, s.move.component).size, s.description).toBe(0);
          if (s.move.type === 'second-region') {
            seen.secondRegion++;
            const region = s.move.region;
            expect(blockingRegions(doc, 1 - target).has(region), `${region} blocks the target`).toBe(true);
            const copy = applied.added.find((a) => a.twin === region)?.id ?? secondRegionFor(doc, region).existing?.id;
            expect(copy, 'the copy has a region').toBeDefined();
            const after = analyze(p.topology);
            for (const r of [region, copy!]) {
              expect(after.spofs.map((x) => x.id), `${r} is no SPOF`).not.toContain(r);
              expect(analyze(p.topology, { failed: [r] }).whatIf!.clientsDown, `the others serve with ${r} down`).toEqual([]);
            }
          }
          doc = applied.doc;
        }
      }),
      { numRuns: 60, seed: 1919 },
    );
    // The runs did exercise plans, met targets and second regions.
    expect(seen.plans).toBeGreaterThanOrEqual(30);
    expect(seen.met).toBeGreaterThanOrEqual(15);
    expect(seen.secondRegion).toBeGreaterThanOrEqual(5);
  }, 240_000);
});
