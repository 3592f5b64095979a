import { describe, expect, it } from 'vitest';
import { copyFragment, pasteBeside, pasteFragment } from '../../src/store/clipboard';
import { absolutePosition, containerOf, sizeOf } from '../../src/store/geometry';
import { templateById } from '../../src/templates';
import { expectValid } from './helpers';

const stage6 = () => structuredClone(templateById('stage6')!.topology);

describe('copy and paste', () => {
  it('copies components with the links among them, under fresh ids, offset', () => {
    const doc = stage6();
    const fragment = copyFragment(doc, ['web1', 'db', 'db2'])!;
    expect(fragment.links.map((l) => `${l.from}>${l.to}`).sort()).toEqual(['db>db2', 'web1>db', 'web1>db2']);
    const { doc: next, ids } = pasteFragment(doc, fragment, { x: 32, y: 32 });
    expect(ids.sort()).toEqual(['db-2', 'db2-2', 'web1-2']);
    const t = expectValid(next);
    expect(t.links.filter((l) => ids.includes(l.from)).length).toBe(3);
    // The replication link's id is fresh too, and the copy stays in the same zones.
    expect(t.links.some((l) => l.id === 'db-repl-2' && l.from === 'db-2' && l.to === 'db2-2')).toBe(true);
    expect(t.components.find((c) => c.id === 'db2-2')?.domain).toBe('use1b');
    const at = absolutePosition(doc, 'db');
    expect(absolutePosition(next, 'db-2')).toEqual({ x: at.x + 32, y: at.y + 32 });
  });

  it('copying a container copies what is inside it, nested containers included', () => {
    const doc = stage6();
    const fragment = copyFragment(doc, ['use1'])!;
    expect(fragment.domains.map((d) => d.id).sort()).toEqual(['use1', 'use1a', 'use1b']);
    expect(fragment.components.map((c) => c.id).sort()).toEqual(['db', 'db2', 'lb1', 'lb2', 'web1', 'web2']);
    const { doc: next } = pasteFragment(doc, fragment, { x: 900, y: 0 });
    // Only links among the copied elements come along (DNS -> LB links stay with the original).
    expect(next.links.filter((l) => l.from === 'dns').length).toBe(doc.links.filter((l) => l.from === 'dns').length);
    const t = next;
    expect(t.domains.find((d) => d.id === 'use1a-2')?.parent).toBe('use1-2');
    expect(t.components.find((c) => c.id === 'web1-2')?.domain).toBe('use1a-2');
    // Relative positions inside the copied containers are kept.
    expect(t.view?.positions?.['web1-2']).toEqual(doc.view?.positions?.web1);
    expect(absolutePosition(next, 'web1-2').x).toBe(absolutePosition(doc, 'web1').x + 900);
    expect(t.view?.sizes?.['use1-2']).toEqual(doc.view?.sizes?.use1);
  });

  it('renames requires groups that point at copied components', () => {
    const doc = stage6();
    doc.components = doc.components.map((c) => (c.id === 'web1' ? { ...c, requires: { 'replicas:db': { min: 2 } } } : c));
    expectValid(doc);
    const { doc: next } = pasteFragment(doc, copyFragment(doc, ['web1', 'db', 'db2'])!, { x: 0, y: 300 });
    expect(next.components.find((c) => c.id === 'web1-2')?.requires).toEqual({ 'replicas:db-2': { min: 2 } });
    expectValid(next);
  });

  it('pastes beside the originals, on their row, in their zone, the zone grown to hold them; the originals stay', () => {
    let doc = stage6();
    const before = structuredClone(doc);
    const fragment = copyFragment(doc, ['web1', 'db'])!;
    const overlaps = (t: typeof doc, a: string, b: string) => {
      const pa = absolutePosition(t, a), pb = absolutePosition(t, b), sa = sizeOf(t, a), sb = sizeOf(t, b);
      return pa.x < pb.x + sb.width && pb.x < pa.x + sa.width && pa.y < pb.y + sb.height && pb.y < pa.y + sa.height;
    };
    for (const round of [2, 3]) {
      doc = pasteBeside(doc, fragment, { x: 32, y: 32 }).doc;
      for (const original of ['web1', 'db']) {
        const copy = `${original}-${round}`;
        expect(containerOf(doc, copy)).toBe(containerOf(doc, original));
        expect(absolutePosition(doc, copy).y).toBe(absolutePosition(doc, original).y);
        expect(absolutePosition(doc, copy).x).toBeGreaterThan(absolutePosition(doc, original).x);
        // Inside its zone, and over nothing.
        const zone = containerOf(doc, copy)!;
        const z = absolutePosition(doc, zone), zs = sizeOf(doc, zone), c = absolutePosition(doc, copy);
        expect(c.x + sizeOf(doc, copy).width).toBeLessThanOrEqual(z.x + zs.width);
        expect(c.y + sizeOf(doc, copy).height).toBeLessThanOrEqual(z.y + zs.height);
        for (const other of doc.components) if (other.id !== copy) expect(overlaps(doc, copy, other.id), `${copy} over ${other.id}`).toBe(false);
      }
    }
    // What shared the originals' zone stays put (a zone beside a grown one moves over, as in a plan).
    const zones = new Set(['web1', 'db'].map((id) => containerOf(before, id)));
    for (const c of before.components.filter((x) => zones.has(containerOf(before, x.id)))) {
      expect(absolutePosition(doc, c.id), c.id).toEqual(absolutePosition(before, c.id));
    }
    expectValid(doc);
  });

  it('pastes a cut (its originals gone) back where it was copied, offset', () => {
    const doc = stage6();
    const fragment = copyFragment(doc, ['db'])!;
    const without = { ...doc, components: doc.components.filter((c) => c.id !== 'db'), links: doc.links.filter((l) => l.from !== 'db' && l.to !== 'db') };
    const { doc: next, ids } = pasteBeside(without, fragment, { x: 0, y: 0 });
    expect(absolutePosition(next, ids[0])).toEqual(absolutePosition(doc, 'db'));
  });

  it('nothing to copy gives null', () => {
    expect(copyFragment(stage6(), [])).toBeNull();
  });
});
