import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyMove, applyMoveFully, candidateMoves, describeMove } from '../../src/engine/insight';
import { REGION_NAMES, namingFor, shortCode } from '../../src/engine/insight/regionNames';
import { own, parseTopology, serializeTopology, type Topology } from '../../src/model';
import { templateById } from '../../src/templates';
import { doc, mustParse, users } from './helpers';
import { crossRegionCalls } from './regions';

const shop = mustParse(JSON.parse(readFileSync('examples/shop.spof.json', 'utf8')));

function valid(t: Topology): Topology {
  const r = parseTopology(JSON.parse(JSON.stringify(t)));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  expect(r.warnings).toEqual([]);
  return r.topology;
}

describe('a second region', () => {
  it('copies the whole serving path of the shop zone for zone, labels readable, data fed by async replication', () => {
    const applied = applyMoveFully(shop, { type: 'second-region', region: 'euw1' });
    const after = valid(applied.doc);
    expect(after.domains.slice(shop.domains.length)).toEqual([
      { id: 'euc1', kind: 'region', label: 'eu-central-1', parent: 'aws' },
      { id: 'euc1a', kind: 'zone', label: 'eu-central-1a', parent: 'euc1' },
      { id: 'euc1b', kind: 'zone', label: 'eu-central-1b', parent: 'euc1' },
    ]);
    const copies = after.components.slice(shop.components.length);
    expect(copies.map((c) => [c.id, c.label])).toEqual([
      ['alb-euc1', 'ALB (eu-central-1)'], ['storefront-euc1', 'Storefront (eu-central-1)'], ['orders-api-euc1', 'Orders API (eu-central-1)'],
      ['orders-db-euc1', 'Orders DB (eu-central-1)'], ['cache-euc1', 'Session cache (eu-central-1)'], ['queue-euc1', 'Order queue (eu-central-1)'],
      ['worker-euc1', 'Fulfilment worker (eu-central-1)'], ['images-euc1', 'Product images (eu-central-1)'],
    ]);
    expect(copies.find((c) => c.id === 'storefront-euc1')).toMatchObject({ replicas: 2, domains: ['euc1a', 'euc1b'], costPerMonth: 70 });
    expect(copies.find((c) => c.id === 'orders-db-euc1')).toMatchObject({ role: 'replica', domain: 'euc1a' });
    expect(after.links).toContainEqual({ from: 'orders-db', to: 'orders-db-euc1', type: 'replication', mode: 'async' });
    // The entry routes to both; the journey's client reaches both workers.
    expect(after.links).toEqual(expect.arrayContaining([{ from: 'dns', to: 'alb-euc1' }, { from: 'fulfilment', to: 'worker-euc1', group: 'component:worker' }]));
    expect(applied.added[0]).toEqual({ id: 'euc1', twin: 'euw1' });
    expect(describeMove(shop, { type: 'second-region', region: 'euw1' })).toBe(
      'copy the serving path of "eu-west-1" (euw1) (8 components) into a new region eu-central-1, data stores fed by asynchronous replication, the entry routing to both');
  });

  it('adds no call from one region into another, no region is a SPOF, and each region alone serves every client', () => {
    const after = applyMove(shop, { type: 'second-region', region: 'euw1' });
    expect(crossRegionCalls(after)).toEqual(new Set());
    const spofs = analyze(after).spofs.map((s) => s.id);
    expect(spofs).not.toContain('euw1');
    expect(spofs).not.toContain('euc1');
    for (const region of ['euw1', 'euc1']) {
      expect(analyze(after, { failed: [region] }).whatIf!.clientsDown, `${region} down`).toEqual([]);
    }
  });

  it('is offered only when the region blocks the target: its unavailability alone takes the whole budget', () => {
    const offered = (budget: number) => candidateMoves(shop, { budget }).filter((m) => m.type === 'second-region');
    // eu-west-1 at the preset 99.995%: it blocks 99.995% and beyond, not 99.99%.
    expect(offered(1 - 0.9999)).toEqual([]);
    expect(offered(1 - 0.99995)).toEqual([{ type: 'second-region', region: 'euw1' }]);
    expect(offered(1 - 0.99999)).toEqual([{ type: 'second-region', region: 'euw1' }]);
    expect(candidateMoves(shop).some((m) => m.type === 'second-region')).toBe(false);
  });

  it('puts a global DNS in front of a load balancer the users reached directly', () => {
    const t = doc({
      domains: [{ id: 'r1', kind: 'region', label: 'us-east-1' }],
      components: [users, { id: 'lb', kind: 'loadbalancer', domain: 'r1' }, { id: 'app', kind: 'app', domain: 'r1' }],
      links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'app' }],
    });
    const after = valid(applyMove(t, { type: 'second-region', region: 'r1' }));
    expect(after.components.find((c) => c.id === 'global-dns')).toEqual({ id: 'global-dns', kind: 'dns', label: 'Global DNS' });
    expect(after.links.filter((l) => l.from === 'users' || l.from === 'global-dns')).toEqual([
      { from: 'users', to: 'global-dns' }, { from: 'global-dns', to: 'lb' }, { from: 'global-dns', to: 'lb-usw2' },
    ]);
    expect(describeMove(t, { type: 'second-region', region: 'r1' })).toMatch(/behind a new "Global DNS" routing to both$/);
  });

  it('is not offered when the region calls a third region (the copy would add a cross-region call)', () => {
    const t = doc({
      domains: [{ id: 'r1', kind: 'region' }, { id: 'r3', kind: 'region' }],
      components: [users, { id: 'app', kind: 'app', domain: 'r1' }, { id: 'billing', kind: 'service', domain: 'r3' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'billing' }],
    });
    // Nor for the third region: its callers live in the first.
    expect(candidateMoves(t, { budget: 1e-9 }).filter((m) => m.type === 'second-region')).toEqual([]);
  });

  it('uses the paired region when the design has it and it holds only copies of this region\'s data', () => {
    const t = templateById('transactional')!.topology;
    const applied = applyMoveFully(t, { type: 'second-region', region: 'use1' });
    const after = valid(applied.doc);
    expect(after.domains.filter((d) => d.kind === 'region').map((d) => d.id)).toEqual(['use1', 'usw2']);
    expect(after.components.find((c) => c.id === 'app1-usw2')).toMatchObject({ label: 'Checkout app 1 (us-west-2)', domain: expect.stringMatching(/^usw2/) });
    expect(crossRegionCalls(after)).toEqual(crossRegionCalls(t));
  });

  it('takes the replica a store already has in the second region as its copy, never a second one beside it', () => {
    const t = templateById('transactional')!.topology;
    const m = { type: 'second-region', region: 'use1' } as const;
    const applied = applyMoveFully(t, m);
    const after = valid(applied.doc);
    // The object storage's cross-region replica serves the copied apps; no bucket is added beside it.
    const storage = after.components.filter((c) => c.kind === 'storage');
    expect(storage.map((c) => c.id)).toEqual(['media', 'media-west']);
    expect(applied.added.map((a) => a.twin)).not.toContain('media');
    for (const app of ['app1-usw2', 'app2-usw2']) {
      expect(after.links.filter((l) => l.from === app && after.components.find((c) => c.id === l.to)!.kind === 'storage')).toEqual([{ from: app, to: 'media-west' }]);
    }
    // Its own links and its one feed are as drawn.
    expect(after.links.filter((l) => l.from === 'media-west' || l.to === 'media-west').length).toBe(t.links.filter((l) => l.from === 'media-west' || l.to === 'media-west').length + 2);
    // Stores with no replica there still get one, fed from the original.
    expect(after.links).toContainEqual({ from: 'orders-db', to: 'orders-db-usw2', type: 'replication', mode: 'async' });
    expect(describeMove(t, m)).toBe('copy the serving path of "US East (N. Virginia)" (use1) (7 components) into the region US West (Oregon), data stores fed by asynchronous replication'
      + ' (the copy of "Object storage" (media) is "Object storage replica" (media-west), already there), the entry routing to both');
    // Losing either region still leaves the shoppers served.
    for (const region of ['use1', 'usw2']) expect(analyze(after, { failed: [region] }).whatIf!.clientsDown, region).toEqual([]);
  });

  it('labels each copy for what it is: a primary store\'s copy says replica where the label says a role, standbys and replicas stay what they are', () => {
    const store = (id: string, label: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'database' as const, label, domain: 'r1', ...extra });
    const t = doc({
      domains: [{ id: 'r1', kind: 'region', label: 'us-east-1' }],
      components: [users, { id: 'app', kind: 'app', label: 'Main app', domain: 'r1' },
        store('a', 'Orders DB (primary)'), store('b', 'Primary DB'), store('c', 'Users DB leader'), store('d', 'MASTER db (us-east-1)'),
        store('e', 'Main store'), store('f', 'Ledger'), store('g', 'Orders DB (standby)', { role: 'standby' }), store('h', 'Read replica', { role: 'replica' })],
      links: [{ from: 'users', to: 'app' }, ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((to) => ({ from: 'app', to })),
        { from: 'a', to: 'g', type: 'replication' as const, mode: 'sync' as const }],
    });
    const after = valid(applyMove(t, { type: 'second-region', region: 'r1' }));
    const copies = after.components.filter((c) => c.id.endsWith('-usw2')).map((c) => [c.label, c.role ?? 'primary']);
    expect(copies).toEqual([
      // Not a data store: it keeps its role and its words.
      ['Main app (us-west-2)', 'primary'],
      ['Orders DB (replica, us-west-2)', 'replica'], ['Replica DB (us-west-2)', 'replica'], ['Users DB replica (us-west-2)', 'replica'],
      ['REPLICA db (us-west-2)', 'replica'], ['Replica store (us-west-2)', 'replica'], ['Ledger (us-west-2)', 'replica'],
      ['Orders DB (standby, us-west-2)', 'standby'], ['Read replica (us-west-2)', 'replica'],
    ]);
  });

  it('leaves the copies\' requirements naming their own groups', () => {
    const t = doc({
      domains: [{ id: 'r1', kind: 'region' }],
      components: [users, { id: 'app', kind: 'app', domain: 'r1', requires: { 'component:db': { min: 1 } } }, { id: 'db', kind: 'database', domain: 'r1' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }],
    });
    const after = valid(applyMove(t, { type: 'second-region', region: 'r1' }));
    expect(after.components.find((c) => c.id === 'app')!.requires).toEqual({ 'replicas:db': { min: 1 } });
    expect(after.components.find((c) => c.id === 'app-r2')!.requires).toEqual({ 'replicas:db': { min: 1 } });
  });

  it('keeps a requirement on a group a person named "__proto__" beside one that is renamed (issue 14: no name is special)', () => {
    const t = doc({
      domains: [{ id: 'r1', kind: 'region' }],
      components: [users, { id: 'app', kind: 'app', domain: 'r1', requires: JSON.parse('{"__proto__":{"min":2},"component:db":{"min":1}}') },
        { id: 'db', kind: 'database', domain: 'r1' }, { id: 'b', kind: 'service', domain: 'r1' }, { id: 'c', kind: 'service', domain: 'r1' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }, { from: 'app', to: 'b', group: '__proto__' }, { from: 'app', to: 'c', group: '__proto__' }],
    });
    const after = valid(applyMove(t, { type: 'second-region', region: 'r1' }));
    for (const id of ['app', 'app-r2']) {
      const requires = after.components.find((c) => c.id === id)!.requires!;
      expect(Object.keys(requires), id).toEqual(['__proto__', 'replicas:db']);
      expect(own(requires, '__proto__'), id).toEqual({ min: 2 });
    }
    // Written back as it was read.
    expect(JSON.parse(serializeTopology(after)).components[1].requires).toEqual(JSON.parse('{"__proto__":{"min":2},"replicas:db":{"min":1}}'));
  });
});

describe('region names', () => {
  it('every region pairs with a region of the table, and codes are unique', () => {
    const codes = new Set(REGION_NAMES.map((r) => r.code));
    expect(codes.size).toBe(REGION_NAMES.length);
    for (const r of REGION_NAMES) {
      expect(codes.has(r.pair), `${r.code} pairs with ${r.pair}`).toBe(true);
      expect(r.pair).not.toBe(r.code);
    }
    expect(shortCode('us-east-1')).toBe('use1');
    expect(shortCode('ap-southeast-2')).toBe('apse2');
    expect(shortCode('europe-west1')).toBeUndefined();
  });

  it.each([
    ['use1', 'US East (N. Virginia)', 'US West (Oregon)', 'usw2', 'us-east-1a', 'us-west-2a'],
    ['use1', 'US-East-1', 'US-West-2', 'usw2', 'use1b', 'usw2b'],
    ['euw1', 'eu-west-1', 'eu-central-1', 'euc1', 'eu-west-1c', 'eu-central-1c'],
    ['weu', 'westeurope', 'northeurope', 'northeurope', 'westeurope zone 2', 'northeurope zone 2'],
    ['r1', 'Region 1', 'Region 2', 'r2', 'Region 1 zone a', 'Region 2 zone a'],
    ['main', 'Main', 'Second region', 'main-second', 'Main a', 'Second region a'],
  ])('%s "%s" pairs with "%s" (%s); "%s" becomes "%s"', (id, label, newLabel, newId, zone, newZone) => {
    const n = namingFor(id, label, new Set());
    expect(n.label).toBe(newLabel);
    expect(n.id).toBe(newId);
    expect(n.rename(zone)).toBe(newZone);
  });

  it('a name already taken is not given again', () => {
    expect(namingFor('use1', 'us-east-1', new Set(['us-west-2'])).label).toBe('us-east-2');
    expect(namingFor('main', 'Main', new Set(['Second region'])).label).toBe('Third region');
    expect(namingFor('r1', 'Region 1', new Set(['Region 2'])).label).toBe('Region 3');
  });
});
