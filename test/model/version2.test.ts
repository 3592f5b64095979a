import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { CURRENT_VERSION, migrate, parseTopology, serializeTopology, type Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { hostile } from '../io/fixtures';

function parsed(input: unknown): Topology {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.topology;
}

/** The document as a version 1 writer would have written it: none of version 2's fields; null when it needs one (a host domain). */
function asVersion1(doc: Record<string, unknown>): Record<string, unknown> | null {
  const { currency: _c, downtimeCostPerHour: _d, ...rest } = doc;
  const strip = (items: unknown) => (items as Record<string, unknown>[] | undefined)?.map(({ costPerMonth: _m, downtimeCostPerHour: _h, ...kept }) => kept);
  const domains = strip(rest.domains);
  if (domains?.some((d) => d.kind === 'host')) return null;
  return { ...rest, ...(domains ? { domains } : {}), components: strip(rest.components) };
}

describe('format version 2', () => {
  it('a version 1 document migrates unchanged but for its version, and is written as version 2', () => {
    const v1 = JSON.parse(readFileSync('examples/three-tier.spof.json', 'utf8'));
    const r = parseTopology({ ...v1, version: 1 });
    expect(r.ok && r.migratedFrom).toBe(1);
    const t = parsed({ ...v1, version: 1 });
    expect(t).toEqual(parsed({ ...v1, version: 2 }));
    expect(JSON.parse(serializeTopology(t)).version).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).toBe(2);
  });

  it('every template, example and test fixture, written as version 1, migrates, analyses to the same report and is written as version 2', () => {
    const designs: [string, unknown][] = [
      ...TEMPLATES.map((t): [string, unknown] => [`template ${t.id}`, t.topology]),
      ...readdirSync('examples').filter((f) => f.endsWith('.spof.json')).map((f): [string, unknown] => [`examples/${f}`, JSON.parse(readFileSync(`examples/${f}`, 'utf8'))]),
      ['the hostile fixture', JSON.parse(serializeTopology(hostile()))],
    ];
    let checked = 0;
    for (const [name, doc] of designs) {
      const v1 = asVersion1(JSON.parse(serializeTopology(parsed(doc))));
      if (v1 === null) continue;
      const current = parsed({ ...v1, version: 2 });
      const r = parseTopology({ ...v1, version: 1 });
      expect(r.ok && r.migratedFrom, name).toBe(1);
      const old = parsed({ ...v1, version: 1 });
      expect(old, name).toEqual(current);
      // The whole report: availabilities, SPOFs, pairs, importance, outages, warnings.
      expect(analyze(old), name).toEqual(analyze(current));
      expect(JSON.parse(serializeTopology(old)).version, name).toBe(CURRENT_VERSION);
      checked++;
    }
    expect(checked).toBeGreaterThan(TEMPLATES.length + 1);
  });

  it('a build that reads only version 1 refuses a version 2 document as made by a newer SPOF Studio', () => {
    expect(migrate({ version: 2 }, 2, 1)).toEqual({ ok: false, reason: 'newer', version: 2 });
  });

  it('reads currency, costs and the host domain kind; refuses bad values with their path', () => {
    const t = parsed({
      format: 'spof-topology', version: 2, currency: 'EUR', downtimeCostPerHour: 500,
      domains: [{ id: 'h1', kind: 'host', costPerMonth: 40 }],
      components: [
        { id: 'u', kind: 'client', downtimeCostPerHour: 2000 },
        { id: 'app', kind: 'app', domain: 'h1', costPerMonth: 0 },
      ],
      links: [{ from: 'u', to: 'app' }],
    });
    expect(t.currency).toBe('EUR');
    expect(t.domains[0]).toMatchObject({ kind: 'host', costPerMonth: 40 });
    const bad = parseTopology({
      format: 'spof-topology', version: 2, currency: 'euro',
      components: [{ id: 'a', kind: 'app', costPerMonth: -1 }],
    });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['currency', 'components[0].costPerMonth']));
  });
});
