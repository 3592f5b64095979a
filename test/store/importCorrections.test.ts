// The one-click corrections an import note offers, for notes of any importer.
import { describe, expect, it } from 'vitest';
import type { ImportNote } from '../../src/import/notes';
import type { Topology } from '../../src/model';
import { correctionOf, setRole, subjectName, subjectOf } from '../../src/store/importCorrections';

const doc: Topology = {
  format: 'spof-topology',
  version: 2,
  name: 'x',
  domains: [{ id: 'z', kind: 'group', label: 'Zone A' }],
  components: [
    { id: 'u', kind: 'client', label: 'Users' },
    { id: 'app', kind: 'app', replicas: 2 },
    { id: 'db', kind: 'database', label: 'Orders DB', role: 'primary' },
    { id: 'sb', kind: 'database', role: 'standby', standby: 'warm' },
    { id: 'igw', kind: 'service', availability: 1 },
  ],
  links: [
    { from: 'u', to: 'app' },
    { from: 'app', to: 'db', optional: true },
    { from: 'db', to: 'sb', type: 'replication', mode: 'async' },
    { from: 'app', to: 'igw', group: 'copies:igw' },
  ],
};
const note = (subject: string, field: ImportNote['field']): ImportNote => ({ kind: 'inferred', subject, field, message: '' });
const act = (n: ImportNote) => {
  const c = correctionOf(doc, n);
  if (c?.type !== 'action') throw new Error(`no action for ${n.subject}`);
  return { label: c.label, after: c.apply(doc) };
};

describe('import note corrections', () => {
  it('name the subject as it is now: a component, a domain, a link by its ends', () => {
    expect(subjectOf(doc, 'db')).toEqual({ type: 'component', id: 'db', label: 'Orders DB' });
    expect(subjectOf(doc, 'z')).toEqual({ type: 'domain', id: 'z', label: 'Zone A' });
    expect(subjectOf(doc, 'app->db')).toMatchObject({ type: 'link', label: 'app → Orders DB' });
    expect(subjectOf(doc, 'gone')).toBeUndefined();
  });

  it('name an arrow that became no link by its ends, and anything else as written', () => {
    expect(subjectName(doc, 'db->app')).toBe('Orders DB → app');
    expect(subjectName(doc, 'app->db')).toBe('app → Orders DB');
    expect(subjectName(doc, 'db->gone')).toBe('db->gone');
    expect(subjectName(doc, 'gone')).toBe('gone');
    expect(subjectName(doc, undefined)).toBeUndefined();
  });

  it('offer the kind, the domain kind and the role as a choice of the current value', () => {
    expect(correctionOf(doc, note('db', 'kind'))).toMatchObject({ type: 'component-kind', id: 'db', value: 'database' });
    expect(correctionOf(doc, note('z', 'kind'))).toMatchObject({ type: 'domain-kind', id: 'z', value: 'group' });
    expect(correctionOf(doc, note('sb', 'role'))).toMatchObject({ type: 'role', value: 'standby' });
    expect(setRole(doc, 'sb', 'replica').components.find((c) => c.id === 'sb')).toEqual({ id: 'sb', kind: 'database', role: 'replica' });
    expect(setRole(doc, 'db', 'standby').components.find((c) => c.id === 'db')).toEqual({ id: 'db', kind: 'database', label: 'Orders DB', role: 'standby', standby: 'warm' });
  });

  it('turn the other guesses back in one step', () => {
    expect(act(note('app->db', 'optional'))).toMatchObject({ label: 'Make required', after: { links: expect.arrayContaining([{ from: 'app', to: 'db' }]) } });
    expect(act(note('db->sb', 'type')).after.links).toContainEqual({ from: 'db', to: 'sb' });
    expect(act(note('u->app', 'type')).after.links).toContainEqual({ from: 'u', to: 'app', type: 'replication', mode: 'async' });
    expect(act(note('u->app', 'direction')).after.links).toContainEqual({ from: 'app', to: 'u' });
    expect(act(note('app->igw', 'group'))).toMatchObject({ label: 'Each required', after: { links: expect.arrayContaining([{ from: 'app', to: 'igw', group: 'component:igw' }]) } });
    const failover: Topology = { ...doc, links: [...doc.links, { from: 'u', to: 'sb', group: 'failover:app', label: 'Failover' }] };
    const c = correctionOf(failover, note('u->sb', 'group'));
    expect(c).toMatchObject({ type: 'action', label: 'Each required' });
    expect(c?.type === 'action' && c.apply(failover).links).toContainEqual({ from: 'u', to: 'sb', group: 'component:sb', label: 'Failover' });
    expect(act(note('app', 'replicas')).after.components.find((c) => c.id === 'app')).toEqual({ id: 'app', kind: 'app' });
    expect(act(note('igw', 'availability')).after.components.find((c) => c.id === 'igw')).toEqual({ id: 'igw', kind: 'service' });
  });

  it('offer nothing for a warning without a field, or a subject that is gone', () => {
    expect(correctionOf(doc, { kind: 'warning', message: 'x' })).toBeUndefined();
    expect(correctionOf(doc, note('gone', 'kind'))).toBeUndefined();
    expect(correctionOf(doc, note('u', 'replicas'))).toBeUndefined();
  });
});
