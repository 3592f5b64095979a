// Modelling warnings (DESIGN section 2, "Validation, versions"): states a person reaches while
// drawing load, are warned about with their path and stated meaning, and carry one-click fixes
// that resolve them.
import { describe, expect, it } from 'vitest';
import { applyFix, parseTopology, type Problem, type Topology } from '../../src/model';
import { baseDoc, type Doc } from './helpers';

function loaded(input: unknown): { topology: Topology; warnings: Problem[] } {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(`expected the document to load, got ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r;
}

function withDoc(edit: (d: Doc) => void): Doc {
  const d = baseDoc();
  edit(d);
  return d;
}

/** Each fix of the warning `code`, applied alone, leaves a document without that warning. */
function expectFixesResolve(t: Topology, code: string): string[] {
  const warning = loaded(t).warnings.find((w) => w.code === code)!;
  expect(warning.fixes?.length).toBeGreaterThan(0);
  for (const fix of warning.fixes!) {
    const fixed = applyFix(t, fix);
    expect(fixed).not.toBe(t);
    expect(loaded(fixed).warnings.filter((w) => w.code === code && w.path === warning.path), fix.label).toEqual([]);
  }
  return warning.fixes!.map((f) => f.label);
}

describe('modelling problems load as warnings with a path and fixes', () => {
  it('a standby drawn before its replication link (the issue\'s sequence): fixes link the primary to it, or make it a replica', () => {
    const doc = {
      format: 'spof-topology', version: 2, name: 'Standby first',
      components: [
        { id: 'users', kind: 'client' }, { id: 'dns', kind: 'dns' }, { id: 'lb', kind: 'loadbalancer' },
        { id: 'app', kind: 'app' }, { id: 'app-2', kind: 'app' },
        { id: 'db', kind: 'database' }, { id: 'db-2', kind: 'database', role: 'standby', standby: 'warm' },
      ],
      links: [
        { from: 'users', to: 'dns' }, { from: 'dns', to: 'lb' }, { from: 'lb', to: 'app' }, { from: 'lb', to: 'app-2' },
        { from: 'app', to: 'db' }, { from: 'app', to: 'db-2' }, { from: 'app-2', to: 'db' }, { from: 'app-2', to: 'db-2' },
      ],
    };
    const { topology, warnings } = loaded(doc);
    expect(warnings).toEqual([expect.objectContaining({ code: 'standby-alone', path: 'components[6].role' })]);
    expect(warnings[0].message).toMatch(/takes over for nothing/);
    expect(expectFixesResolve(topology, 'standby-alone')).toEqual(['link db to db-2 by replication', 'make db-2 a replica']);
    const replicated = applyFix(topology, warnings[0].fixes![0]);
    expect(replicated.links.at(-1)).toEqual({ from: 'db', to: 'db-2', type: 'replication', mode: 'async' });
    expect(applyFix(topology, warnings[0].fixes![1]).components[6]).toEqual({ id: 'db-2', kind: 'database', role: 'replica' });
  });

  it('a standby whose callers call many databases: the fixes offer the first three active ones of its kind, by id, over all its callers', () => {
    const doc = {
      format: 'spof-topology', version: 2, name: 'Many partners',
      components: [
        { id: 'users', kind: 'client' }, { id: 'a1', kind: 'app' }, { id: 'a2', kind: 'app' },
        { id: 'd5', kind: 'database' }, { id: 'd3', kind: 'database' }, { id: 'd4', kind: 'database' }, { id: 'd1', kind: 'database' },
        { id: 'b0', kind: 'cache' }, { id: 'd0', kind: 'database', role: 'standby', standby: 'hot' },
        { id: 's', kind: 'database', role: 'standby', standby: 'warm' },
      ],
      links: [
        { from: 'users', to: 'a1' }, { from: 'users', to: 'a2' },
        { from: 'a1', to: 'd5' }, { from: 'a1', to: 'd3' }, { from: 'a1', to: 'b0' }, { from: 'a1', to: 's' },
        { from: 'a2', to: 'd4' }, { from: 'a2', to: 'd1' }, { from: 'a2', to: 'd0' }, { from: 'a2', to: 's' },
        // An optional link is no partner.
        { from: 'a2', to: 'd5', optional: true },
      ],
    };
    const s = loaded(doc).warnings.find((w) => w.code === 'standby-alone' && w.path === 'components[9].role')!;
    expect(s.fixes!.map((f) => f.label)).toEqual([
      'link d1 to s by replication', 'link d3 to s by replication', 'link d4 to s by replication', 'make s a replica',
    ]);
  });

  it('minHealthy above replicas: the component never works; fixes lower it or add replicas', () => {
    const { topology, warnings } = loaded(withDoc((d) => { d.components[2].minHealthy = 4; }));
    expect(warnings).toEqual([expect.objectContaining({ code: 'min-healthy-range', path: 'components[2].minHealthy' })]);
    expect(warnings[0].message).toMatch(/never works/);
    expect(expectFixesResolve(topology, 'min-healthy-range')).toEqual(['require 3 of 3 instances of app', 'give app 4 replicas']);
  });

  it('requires naming a group the component has no link in: ignored; the fix removes it', () => {
    const { topology, warnings } = loaded(withDoc((d) => { d.components[2].requires = { cache: { min: 1 } }; }));
    expect(warnings[0]).toMatchObject({ code: 'requires-unknown-group', path: 'components[2].requires.cache' });
    expect(warnings[0].message).toContain('replicas:db');
    expect(warnings[0].message).toMatch(/ignored/);
    expectFixesResolve(topology, 'requires-unknown-group');
    expect(applyFix(topology, warnings[0].fixes![0]).components[2].requires).toBeUndefined();
  });

  it('requires a minimum larger than its group: never works; fixes lower it to the group size or remove it', () => {
    const { topology, warnings } = loaded(withDoc((d) => { d.components[2].requires = { 'replicas:db': { min: 3 } }; }));
    expect(warnings[0]).toMatchObject({ code: 'requires-too-many', path: 'components[2].requires["replicas:db"].min' });
    expect(expectFixesResolve(topology, 'requires-too-many')).toEqual(['require 2 of replicas:db for app', 'remove the requirement on replicas:db from app']);
  });

  it('a replication link between different kinds: the fix makes it a dependency', () => {
    const { topology, warnings } = loaded(withDoc((d) => { d.links.push({ from: 'lb', to: 'db', type: 'replication', mode: 'sync' }); }));
    const w = warnings.find((x) => x.code === 'replication-kinds')!;
    expect(w.path).toBe('links[5]');
    expectFixesResolve(topology, 'replication-kinds');
  });

  it('a fix that no longer applies changes nothing', () => {
    const t = loaded(baseDoc()).topology;
    expect(applyFix(t, { kind: 'add-replication', label: '', from: 'db', to: 'nowhere' })).toBe(t);
    expect(applyFix(t, { kind: 'make-dependency', label: '', from: 'lb', to: 'app' })).toBe(t);
    expect(applyFix(t, { kind: 'set-component', label: '', component: 'gone', set: { minHealthy: 1 } })).toBe(t);
  });
});

describe('ids that would be two things', () => {
  it('an id `X#k` beside a pool X is refused: it is the name of an instance', () => {
    const r = parseTopology(withDoc((d) => { d.components.push({ id: 'app#1', kind: 'service' }); }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ code: 'ambiguous-id', path: 'components[5].id' })]);
    // Beside a single component, or when the prefix names nothing, the id is free.
    expect(parseTopology(withDoc((d) => { d.components.push({ id: 'db#1', kind: 'service' }); })).ok).toBe(true);
  });
});
