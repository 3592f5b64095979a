// Autosave into IndexedDB (fake-indexeddb in Node: the same code as in the browser), kept-aside
// drafts, the local history of versions, and every failure said, never a silent loss.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeTopology, type Topology } from '../../src/model';
import { useDocument } from '../../src/store/document';
import { LIMITS, openDraftStorage, type DraftStorage } from '../../src/store/draftDb';
import {
  beginNewDesign, CHECKPOINT_MS, detachStorage, LEGACY_CORRUPT_PREFIX, LEGACY_DRAFT_KEY, recordVersion, restoreDraft, retryAutosave,
  startAutosave, useDrafts, writeDraftNow,
} from '../../src/store/persistence';
import { templateById } from '../../src/templates';
import { MemoryStorage, freshStore } from './helpers';

let db: DraftStorage;
let dbCount = 0;
beforeEach(async () => {
  detachStorage();
  freshStore();
  db = await openDraftStorage(`test-${dbCount++}`);
});
afterEach(() => db.close());

const t = () => templateById('multi-region')!.topology;
const draftOf = (doc: Topology) => ({ text: serializeTopology(doc), savedAt: 1, designKey: 'k1' });
const UNREADABLE = '{"format":"spof-topology","version":1,"components":[{"id":"a","kind":"web","availability":1.5}]}';

/** A storage whose chosen operations fail as a full disk does. */
function failing(base: DraftStorage, ops: Partial<Record<keyof DraftStorage, boolean>>): DraftStorage & { ops: typeof ops } {
  const quota = () => Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
  const wrapped = { ops } as DraftStorage & { ops: typeof ops };
  for (const key of ['readDraft', 'writeDraft', 'keepAside', 'listAside', 'deleteAside', 'addVersion', 'listVersions', 'close'] as const) {
    (wrapped as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
      if (wrapped.ops[key]) return key === 'close' ? undefined : Promise.reject(quota());
      return (base[key] as (...a: unknown[]) => unknown).apply(base, args);
    };
  }
  return wrapped;
}

describe('autosave and restore', () => {
  it('restores exactly what was saved, and which design it is', async () => {
    await db.writeDraft(draftOf(t()));
    const r = await restoreDraft(db);
    expect(r.kind).toBe('restored');
    expect(useDocument.getState().doc).toEqual(t());
    expect(useDrafts.getState().designKey).toBe('k1');
  });

  it('reads the draft with the reader it is given (the app reads it in a worker), and on the page when that one cannot answer', async () => {
    await db.writeDraft(draftOf(t()));
    const other = templateById('stage6')!.topology;
    const texts: string[] = [];
    const r = await restoreDraft(db, async (text) => {
      texts.push(text);
      return { ok: true, topology: other };
    });
    expect(texts).toEqual([serializeTopology(t())]);
    expect(r.kind).toBe('restored');
    expect(useDocument.getState().doc).toBe(other);
    detachStorage();
    expect((await restoreDraft(db, async () => null)).kind).toBe('restored');
    expect(useDocument.getState().doc).toEqual(t());
    detachStorage();
    const kept = await restoreDraft(db, async () => ({ ok: false, errors: ['"a", components[0].availability: too high'] }));
    expect(kept).toMatchObject({ kind: 'corrupt', problems: ['"a", components[0].availability: too high'] });
    expect(await db.readDraft()).toBeUndefined();
  });

  it('writes after a change, debounced, and on stop', async () => {
    await restoreDraft(db);
    const stop = startAutosave();
    const s = useDocument.getState();
    s.addComponent('web', { x: 0, y: 0 });
    s.addComponent('database', { x: 0, y: 200 });
    expect(await db.readDraft()).toBeUndefined();
    await expect.poll(async () => (await db.readDraft())?.text).toBe(serializeTopology(useDocument.getState().doc));
    s.addComponent('cache', { x: 0, y: 400 });
    await stop();
    expect(JSON.parse((await db.readDraft())!.text).components).toHaveLength(3);
  });

  it('a failed write is said at once and stays said until a write works again', async () => {
    const flaky = failing(db, { writeDraft: true });
    await restoreDraft(flaky);
    freshStore(t());
    expect(await writeDraftNow(t())).toBe(false);
    expect(useDrafts.getState()).toMatchObject({ status: 'failed', error: expect.stringContaining("the browser's storage is full") });
    flaky.ops.writeDraft = false;
    expect(await writeDraftNow(t())).toBe(true);
    expect(useDrafts.getState()).toMatchObject({ status: 'ok', error: null });
  });

  it('no storage at all: nothing restored, autosave off and said', async () => {
    const r = await restoreDraft(new Error('IndexedDB is disabled'));
    expect(r.kind).toBe('unavailable');
    expect(useDrafts.getState()).toMatchObject({ status: 'off', error: expect.stringContaining('IndexedDB is disabled') });
    expect(await writeDraftNow(t())).toBe(false);
  });
});

describe('unreadable drafts', () => {
  it('are kept aside whole, listed, and the app starts empty', async () => {
    await db.writeDraft({ text: UNREADABLE, savedAt: 1, designKey: 'k' });
    const r = await restoreDraft(db);
    expect(r).toMatchObject({ kind: 'corrupt', dropped: 0 });
    if (r.kind !== 'corrupt') return;
    expect(r.problems.join('\n')).toContain('components[0].availability');
    expect(await db.readDraft()).toBeUndefined();
    expect(useDrafts.getState().aside).toEqual([expect.objectContaining({ text: UNREADABLE, problems: r.problems })]);
    expect(useDocument.getState().doc.components).toEqual([]);
  });

  it('a draft of 3 million characters that cannot be moved aside is never overwritten: autosave is off until it is', async () => {
    const huge = `{"format":"spof-topology","version":2,"name":"${'x'.repeat(3_000_000)}","components":[{"id":"a","kind":"router"}]}`;
    await db.writeDraft({ text: huge, savedAt: 1, designKey: 'k' });
    const full = failing(db, { keepAside: true });
    const r = await restoreDraft(full);
    expect(r.kind).toBe('blocked');
    expect(useDrafts.getState()).toMatchObject({ status: 'off', blockedText: huge });
    // The first edits do not touch it.
    const stop = startAutosave();
    useDocument.getState().addComponent('web', { x: 0, y: 0 });
    await stop();
    expect((await db.readDraft())!.text).toBe(huge);
    // Space again: trying again moves it aside, then saves the design.
    full.ops.keepAside = false;
    expect(await retryAutosave()).toBe(true);
    expect(useDrafts.getState().aside.map((a) => a.text)).toEqual([huge]);
    expect(JSON.parse((await db.readDraft())!.text).components).toHaveLength(1);
  });

  it('at most 10 are kept; the oldest are dropped, and the restore says how many', async () => {
    for (let i = 0; i < LIMITS.aside + 2; i++) await db.keepAside({ text: `old ${i}`, keptAt: i, problems: [] }, false);
    await db.writeDraft({ text: '{oops', savedAt: 1, designKey: 'k' });
    const r = await restoreDraft(db);
    expect(r).toMatchObject({ kind: 'corrupt', dropped: 1 });
    const texts = useDrafts.getState().aside.map((a) => a.text);
    expect(texts).toHaveLength(LIMITS.aside);
    expect(texts.at(-1)).toBe('{oops');
    expect(texts[0]).toBe('old 3');
  });

  it('drafts of the localStorage era move to IndexedDB, the unreadable ones aside', async () => {
    const legacy = new MemoryStorage();
    legacy.setItem(LEGACY_DRAFT_KEY, serializeTopology(t()));
    legacy.setItem(`${LEGACY_CORRUPT_PREFIX}2026-01-02T03:04:05.000Z`, '{broken');
    (globalThis as { localStorage?: Storage }).localStorage = legacy;
    try {
      expect((await restoreDraft(db)).kind).toBe('restored');
      expect(useDocument.getState().doc).toEqual(t());
      expect(useDrafts.getState().aside.map((a) => a.text)).toEqual(['{broken']);
      expect(legacy.keys()).toEqual([]);
    } finally {
      delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });
});

describe('the local history of versions', () => {
  it('keeps the design another replaces, and a Save, under the design they belong to', async () => {
    await restoreDraft(db);
    const key = useDrafts.getState().designKey;
    await recordVersion(t(), 'saved');
    beginNewDesign(t());
    await expect.poll(() => useDrafts.getState().versions.length).toBe(2);
    expect(useDrafts.getState().versions.map((v) => [v.designKey, v.reason])).toEqual([[key, 'saved'], [key, 'replaced']]);
    expect(useDrafts.getState().designKey).not.toBe(key);
  });

  it('keeps a version after every 10 minutes of editing, not more often', async () => {
    await restoreDraft(db);
    useDrafts.setState({ designStartedAt: Date.now() - CHECKPOINT_MS - 1 });
    await writeDraftNow(t());
    await writeDraftNow(t());
    expect(useDrafts.getState().versions.map((v) => v.reason)).toEqual(['checkpoint']);
  });

  it('is bounded: 20 versions per design, oldest out', async () => {
    for (let i = 0; i < LIMITS.versionsPerDesign + 5; i++) {
      await db.addVersion({ designKey: 'd', name: `v${i}`, text: '{}', savedAt: i, reason: 'checkpoint', components: 0 });
    }
    const names = (await db.listVersions()).map((v) => v.name);
    expect(names).toHaveLength(LIMITS.versionsPerDesign);
    expect(names[0]).toBe('v5');
  });

  it('is bounded in designs: the designs edited longest ago go first', async () => {
    for (let d = 0; d < LIMITS.designs + 3; d++) await db.addVersion({ designKey: `d${d}`, name: `d${d}`, text: '{}', savedAt: d, reason: 'saved', components: 0 });
    const keys = new Set((await db.listVersions()).map((v) => v.designKey));
    expect(keys.size).toBe(LIMITS.designs);
    expect(keys.has('d0')).toBe(false);
    expect(keys.has(`d${LIMITS.designs + 2}`)).toBe(true);
  });
});
