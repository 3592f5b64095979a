import { beforeEach, describe, expect, it } from 'vitest';
import { absolutePosition } from '../../src/store/geometry';
import { templateById } from '../../src/templates';
import { doc, expectValid, freshStore, history } from './helpers';

describe('document store actions', () => {
  beforeEach(() => {
    freshStore();
  });

  it('adds components with fresh ids, default labels and snapped positions', () => {
    const s = freshStore().getState();
    const a = s.addComponent('loadbalancer', { x: 101, y: 50 });
    const b = s.addComponent('loadbalancer', { x: 300, y: 50 });
    expect([a, b]).toEqual(['lb', 'lb-2']);
    // Two nodes never share a default label.
    expect(doc().components.map((c) => c.label)).toEqual(['Load balancer', 'Load balancer 2']);
    expect(doc().view?.positions?.lb).toEqual({ x: 96, y: 48 });
    expectValid(doc());
  });

  it('adds a client for the entry points in one undo step, above the design and outside every container', () => {
    const s = freshStore().getState();
    const zone = s.addDomain('zone', { x: 0, y: 200 }, { width: 600, height: 300 });
    const lb = s.addComponent('loadbalancer', { x: 64, y: 240 });
    const api = s.addComponent('app', { x: 320, y: 240 });
    s.addComponent('client', { x: 800, y: 0 });
    const before = doc();
    const users = s.addClientFor([lb, api]);
    const c = doc().components.find((x) => x.id === users)!;
    expect(c).toMatchObject({ kind: 'client', label: 'Users' });
    expect(c.domain).toBeUndefined();
    expect(doc().links.filter((l) => l.from === users).map((l) => l.to)).toEqual([lb, api]);
    expect(doc().view!.positions![users].y).toBeLessThan(0);
    expect(doc().components.find((x) => x.id === lb)!.domain).toBe(zone);
    expectValid(doc());
    history().undo();
    expect(doc()).toBe(before);
  });

  it('a component added inside a zone gets that domain and a position relative to it', () => {
    const s = freshStore().getState();
    const zone = s.addDomain('zone', { x: 0, y: 0 }, { width: 400, height: 300 });
    const web = s.addComponent('web', { x: 64, y: 80 });
    const c = doc().components.find((x) => x.id === web)!;
    expect(c.domain).toBe(zone);
    expect(doc().view?.positions?.[web]).toEqual({ x: 64, y: 80 });
    expect(absolutePosition(doc(), web)).toEqual({ x: 64, y: 80 });
  });

  it('connects components once, never to themselves or to containers', () => {
    const s = freshStore().getState();
    const u = s.addComponent('client', { x: 0, y: 0 });
    const w = s.addComponent('web', { x: 0, y: 200 });
    const z = s.addDomain('zone', { x: 600, y: 0 });
    expect(s.connect(u, w).key).toBe(`${u}->${w}`);
    expect(s.connect(u, w).key).toBeUndefined();
    expect(s.connect(u, u).key).toBeUndefined();
    expect(s.connect(u, z).key).toBeUndefined();
    expect(doc().links).toEqual([{ from: u, to: w }]);
  });

  it('draws a replication link as dashed data: type replication, mode async', () => {
    const s = freshStore().getState();
    s.addComponent('database', { x: 0, y: 0 });
    s.addComponent('database', { x: 300, y: 0 });
    expect(s.connect('db', 'db-2', 'replication').key).toBe('db=>db-2');
    expect(doc().links).toEqual([{ from: 'db', to: 'db-2', type: 'replication', mode: 'async' }]);
  });

  it('moving a component into a zone sets its domain; out of it clears it; one undo step each', () => {
    const s = freshStore().getState();
    s.addDomain('zone', { x: 400, y: 0 }, { width: 400, height: 300 });
    s.addComponent('app', { x: 0, y: 0 });
    const before = history().pastStates.length;
    s.moveNodes([{ id: 'app', absolute: { x: 480, y: 96 } }]);
    expect(doc().components[0].domain).toBe('zone');
    expect(doc().view?.positions?.app).toEqual({ x: 80, y: 96 });
    expect(history().pastStates.length).toBe(before + 1);
    s.moveNodes([{ id: 'app', absolute: { x: 0, y: 500 } }]);
    expect(doc().components[0].domain).toBeUndefined();
    expect(doc().view?.positions?.app).toEqual({ x: 0, y: 500 });
    history().undo();
    expect(doc().components[0].domain).toBe('zone');
    history().undo();
    expect(doc().components[0].domain).toBeUndefined();
    expect(doc().view?.positions?.app).toEqual({ x: 0, y: 0 });
  });

  it('moving a container keeps its contents inside (their relative positions are unchanged)', () => {
    const s = freshStore().getState();
    s.addDomain('zone', { x: 0, y: 0 }, { width: 400, height: 300 });
    s.addComponent('app', { x: 48, y: 64 });
    s.moveNodes([{ id: 'zone', absolute: { x: 800, y: 400 } }, { id: 'app', absolute: { x: 848, y: 464 } }]);
    expect(doc().components[0].domain).toBe('zone');
    expect(absolutePosition(doc(), 'app')).toEqual({ x: 848, y: 464 });
  });

  it('a zone dropped into a region becomes its child', () => {
    const s = freshStore().getState();
    s.addDomain('region', { x: 0, y: 0 }, { width: 800, height: 500 });
    s.addDomain('zone', { x: 1000, y: 0 }, { width: 300, height: 200 });
    s.moveNodes([{ id: 'zone', absolute: { x: 40, y: 60 } }]);
    expect(doc().domains.find((d) => d.id === 'zone')?.parent).toBe('region');
    expect(doc().view?.positions?.zone).toEqual({ x: 40, y: 60 });
  });

  it('deleting a component deletes its links; deleting a zone moves its contents up and keeps them in place', () => {
    const s = freshStore(structuredClone(templateById('stage6')!.topology)).getState();
    const dbAt = absolutePosition(doc(), 'db');
    s.deleteElements(['web1']);
    expect(doc().components.some((c) => c.id === 'web1')).toBe(false);
    expect(doc().links.some((l) => l.from === 'web1' || l.to === 'web1')).toBe(false);
    s.deleteElements(['use1a']);
    const db = doc().components.find((c) => c.id === 'db')!;
    expect(db.domain).toBe('use1');
    expect(absolutePosition(doc(), 'db')).toEqual(dbAt);
    expect(doc().view?.positions?.use1a).toBeUndefined();
    expectValid(doc());
  });

  it('deletes links by key', () => {
    const s = freshStore(structuredClone(templateById('stage4')!.topology)).getState();
    s.deleteElements([], ['db-repl', 'lb->web1']);
    expect(doc().links.some((l) => l.id === 'db-repl')).toBe(false);
    expect(doc().links.some((l) => l.from === 'lb' && l.to === 'web1')).toBe(false);
    expect(doc().links.length).toBe(templateById('stage4')!.topology.links.length - 2);
  });

  it('a typed value is one undo step; undo and redo restore exactly', () => {
    const s = freshStore(structuredClone(templateById('stage3')!.topology)).getState();
    const original = doc();
    s.updateComponent('web1', { availability: 0.999 });
    expect(doc().components.find((c) => c.id === 'web1')?.availability).toBe(0.999);
    expect(history().pastStates.length).toBe(1);
    history().undo();
    expect(doc()).toBe(original);
    history().redo();
    expect(doc().components.find((c) => c.id === 'web1')?.availability).toBe(0.999);
  });

  it('an update with undefined removes the key', () => {
    const s = freshStore(structuredClone(templateById('stage3')!.topology)).getState();
    s.updateComponent('lb', { availability: undefined });
    expect('availability' in doc().components.find((c) => c.id === 'lb')!).toBe(false);
  });

  it('an edit that changes nothing leaves no undo step', () => {
    const s = freshStore().getState();
    s.updateComponent('nope', { label: 'x' });
    s.deleteElements([]);
    expect(history().pastStates.length).toBe(0);
  });

  it('loading a document and applying a topology are one undo step each', () => {
    const s = freshStore().getState();
    s.loadDocument(structuredClone(templateById('stage1')!.topology));
    const next = { ...doc(), name: 'after plan' };
    s.applyTopology(next, 'Apply plan');
    expect(history().pastStates.length).toBe(2);
    history().undo();
    expect(doc().name).toBe('Stage 1: a single server');
    history().undo();
    expect(doc().components).toEqual([]);
  });

  it('renames an element and every reference to it', () => {
    const s = freshStore(structuredClone(templateById('stage6')!.topology)).getState();
    s.renameElement('use1a', 'zone-a');
    s.renameElement('db', 'orders');
    const t = expectValid(doc());
    expect(t.components.find((c) => c.id === 'orders')?.domain).toBe('zone-a');
    expect(t.links.filter((l) => l.to === 'orders').length).toBe(2);
    expect(t.view?.positions?.['zone-a']).toBeDefined();
    s.renameElement('orders', 'db2');
    expect(doc().components.some((c) => c.id === 'orders')).toBe(true);
  });

  it('switching a link to replication drops dependency-only fields', () => {
    const s = freshStore(structuredClone(templateById('transactional')!.topology)).getState();
    s.setLinkType('app1->events', 'replication');
    const l = doc().links.find((x) => x.from === 'app1' && x.to === 'events')!;
    expect(l).toEqual({ from: 'app1', to: 'events', type: 'replication', mode: 'async' });
  });

  it('setDomain keeps the node where it is on screen', () => {
    const s = freshStore(structuredClone(templateById('stage6')!.topology)).getState();
    const at = absolutePosition(doc(), 'web2');
    s.setDomain('web2', 'use1a');
    expect(doc().components.find((c) => c.id === 'web2')?.domain).toBe('use1a');
    expect(absolutePosition(doc(), 'web2')).toEqual(at);
  });
});

describe('resizing a container', () => {
  it('from the right keeps the contents; from the left shifts them back so they stay put on screen', () => {
    const s = freshStore(structuredClone(templateById('stage6')!.topology)).getState();
    const web = absolutePosition(doc(), 'web1');
    const zone = doc().view!.positions!.use1a;
    const size = doc().view!.sizes!.use1a;
    s.resizeDomain('use1a', { ...zone, width: size.width + 100, height: size.height });
    expect(absolutePosition(doc(), 'web1')).toEqual(web);
    s.resizeDomain('use1a', { x: zone.x - 40, y: zone.y - 16, width: size.width + 140, height: size.height + 16 });
    expect(doc().view!.sizes!.use1a).toEqual({ width: size.width + 140, height: size.height + 16 });
    expect(absolutePosition(doc(), 'web1')).toEqual(web);
    expect(history().pastStates.length).toBe(2);
  });
});

describe('moves that change nothing', () => {
  it('leave no undo step', () => {
    const s = freshStore(structuredClone(templateById('stage6')!.topology)).getState();
    s.moveNodes([{ id: 'web1', absolute: absolutePosition(doc(), 'web1') }, { id: 'use1a', absolute: absolutePosition(doc(), 'use1a') }]);
    expect(history().pastStates.length).toBe(0);
  });
});
