import { afterEach, describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/model';
import { useDocument } from '../../src/store/document';
import { CORRUPT_PREFIX, DRAFT_KEY, readDraft, restoreDraft, startAutosave, writeDraft } from '../../src/store/persistence';
import { templateById } from '../../src/templates';
import { MemoryStorage, freshStore } from './helpers';

describe('autosave', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
  });

  it('restores exactly what was saved', () => {
    const storage = new MemoryStorage();
    const t = templateById('multi-region')!.topology;
    writeDraft(t, storage);
    const r = readDraft(storage);
    expect(r.kind).toBe('restored');
    if (r.kind === 'restored') expect(r.doc).toEqual(t);
  });

  it('a corrupt draft is kept aside, never overwritten, and the app starts empty', () => {
    const storage = new MemoryStorage();
    const bad = '{"format":"spof-topology","version":1,"components":[{"id":"a","kind":"web","availability":1.5}]}';
    storage.setItem(DRAFT_KEY, bad);
    const r = restoreDraft(storage);
    expect(r.kind).toBe('corrupt');
    if (r.kind !== 'corrupt') return;
    expect(r.keptAs.startsWith(CORRUPT_PREFIX)).toBe(true);
    expect(storage.getItem(r.keptAs)).toBe(bad);
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    expect(r.problems.join('\n')).toContain('components[0].availability');
    expect(useDocument.getState().doc.components).toEqual([]);
  });

  it('text that is not JSON is kept aside too', () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, '{oops');
    const r = readDraft(storage);
    expect(r.kind).toBe('corrupt');
    expect(storage.keys().filter((k) => k.startsWith(CORRUPT_PREFIX))).toHaveLength(1);
  });

  it('writes after a change, debounced, and on stop', async () => {
    const storage = new MemoryStorage();
    freshStore();
    stop = startAutosave(storage);
    const s = useDocument.getState();
    s.addComponent('web', { x: 0, y: 0 });
    s.addComponent('database', { x: 0, y: 200 });
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(storage.getItem(DRAFT_KEY)).toBe(serializeTopology(useDocument.getState().doc));
    s.addComponent('cache', { x: 0, y: 400 });
    stop();
    stop = null;
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!).components).toHaveLength(3);
  });
});
