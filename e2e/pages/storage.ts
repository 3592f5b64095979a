// What the app keeps in the browser (src/store/draftDb.ts), read and written from the tests
// with the plain IndexedDB API in the page: the autosaved draft, kept-aside drafts, versions.
import type { Page } from '@playwright/test';

export const DB = { name: 'spof-studio', draft: 'draft', draftKey: 'current', aside: 'aside', history: 'history' } as const;

type Op =
  | { kind: 'get-draft' }
  | { kind: 'put-draft'; text: string }
  | { kind: 'list'; store: 'aside' | 'history' }
  | { kind: 'clear' };

/** Runs one operation on the app's database in the page; the app must have opened it (any page of the app was loaded). */
function run<T>(page: Page, op: Op): Promise<T> {
  return page.evaluate(async ({ op, db: names }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(names.name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      if (!db.objectStoreNames.contains(names.draft)) return null;
      const stores = op.kind === 'clear' ? [names.draft, names.aside, names.history] : op.kind === 'list' ? [op.store] : [names.draft];
      const tx = db.transaction(stores, op.kind === 'get-draft' || op.kind === 'list' ? 'readonly' : 'readwrite');
      const request = <R>(r: IDBRequest<R>) => new Promise<R>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      let out: unknown = null;
      if (op.kind === 'get-draft') out = ((await request(tx.objectStore(names.draft).get(names.draftKey))) as { text?: string } | undefined)?.text ?? null;
      else if (op.kind === 'put-draft') await request(tx.objectStore(names.draft).put({ text: op.text, savedAt: Date.now(), designKey: 'e2e' }, names.draftKey));
      else if (op.kind === 'list') out = await request(tx.objectStore(op.store).getAll());
      else for (const s of stores) await request(tx.objectStore(s).clear());
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        if (op.kind === 'get-draft' || op.kind === 'list') resolve();
      });
      return out;
    } finally {
      db.close();
    }
  }, { op, db: DB }) as Promise<T>;
}

/** The autosaved draft's text, or null. */
export const draftText = (page: Page) => run<string | null>(page, { kind: 'get-draft' });
/** Writes the draft as the app would have (the next load reads it). */
export const setDraftText = (page: Page, text: string) => run<void>(page, { kind: 'put-draft', text });
export const keptAside = (page: Page) => run<{ id: number; text: string; problems: string[] }[]>(page, { kind: 'list', store: 'aside' });
export const versions = (page: Page) => run<{ id: number; name: string; reason: string; text: string }[]>(page, { kind: 'list', store: 'history' });
/** Forgets everything the app kept: draft, kept-aside drafts, versions (and the old localStorage keys). */
export async function clearSavedWork(page: Page): Promise<void> {
  await run<void>(page, { kind: 'clear' });
  await page.evaluate(() => localStorage.clear());
}
