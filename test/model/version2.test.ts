import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { CURRENT_VERSION, migrate, parseTopology, serializeTopology, type Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';

function parsed(input: unknown): Topology {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.topology;
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

  it('every template, written as version 1, migrates and analyses to the same numbers', () => {
    for (const template of TEMPLATES) {
      const current = parsed(template.topology);
      const old = parsed({ ...JSON.parse(serializeTopology(current)), version: 1 });
      expect(old.version).toBe(2);
      expect(analyze(old).system.availability).toBe(analyze(current).system.availability);
    }
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
