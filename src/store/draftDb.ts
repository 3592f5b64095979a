// Where the browser keeps the work: IndexedDB (through `idb`, a small, well-kept wrapper),
// not localStorage, whose ~5 MB quota is what failed (a full localStorage lost edits without
// a word; a 3-million-character draft could not be copied aside). Three stores:
// - `draft`: the autosaved design, as the text written (one record);
// - `aside`: drafts that could not be read at start-up, kept as they were (bounded);
// - `history`: the last saved versions of each design, to browse and restore (bounded).
// Documents are stored as text so that what comes back is exactly what was written, and is
// read through the same parse as any file.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DB_NAME = 'spof-studio';
const DB_VERSION = 1;

export interface DraftRecord {
  text: string;
  savedAt: number;
  /** Which design this is, across reloads: versions in the history are grouped by it. */
  designKey: string;
  /** It was as last saved to or opened from a file (or a template): no unsaved work to ask about. */
  clean?: boolean;
}

export interface AsideRecord {
  id: number;
  text: string;
  keptAt: number;
  /** Why it could not be read, one line per problem. */
  problems: string[];
}

export type VersionReason = 'saved' | 'replaced' | 'checkpoint' | 'restored';

export interface VersionRecord {
  id: number;
  designKey: string;
  name: string;
  text: string;
  savedAt: number;
  reason: VersionReason;
  components: number;
}

interface Schema extends DBSchema {
  draft: { key: string; value: DraftRecord };
  aside: { key: number; value: Omit<AsideRecord, 'id'> & { id?: number } };
  history: { key: number; value: Omit<VersionRecord, 'id'> & { id?: number }; indexes: { byDesign: string } };
}

/** Bounds: kept-aside drafts; versions per design; designs with versions; characters of all versions together. */
export const LIMITS = { aside: 10, versionsPerDesign: 20, designs: 20, historyChars: 40 * 1024 * 1024 } as const;

export interface DraftStorage {
  readDraft(): Promise<DraftRecord | undefined>;
  writeDraft(record: DraftRecord): Promise<void>;
  /**
   * Keeps a text aside; with `clearDraft`, in the same transaction, removes the draft (a move:
   * both happen or neither). Returns how many of the oldest were dropped to stay within the bound.
   */
  keepAside(record: Omit<AsideRecord, 'id'>, clearDraft: boolean): Promise<{ dropped: number }>;
  listAside(): Promise<AsideRecord[]>;
  deleteAside(id: number): Promise<void>;
  addVersion(version: Omit<VersionRecord, 'id'>): Promise<void>;
  listVersions(): Promise<VersionRecord[]>;
  close(): void;
}

/** Opens the database; rejects when the browser has no IndexedDB or refuses it (private modes, policies). */
export async function openDraftStorage(name: string = DB_NAME): Promise<DraftStorage> {
  const db = await openDB<Schema>(name, DB_VERSION, {
    upgrade(d) {
      d.createObjectStore('draft');
      d.createObjectStore('aside', { keyPath: 'id', autoIncrement: true });
      d.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex('byDesign', 'designKey');
    },
  });
  return new IdbDraftStorage(db);
}

const DRAFT_KEY = 'current';

class IdbDraftStorage implements DraftStorage {
  constructor(private readonly db: IDBPDatabase<Schema>) {}

  readDraft(): Promise<DraftRecord | undefined> {
    return this.db.get('draft', DRAFT_KEY);
  }

  async writeDraft(record: DraftRecord): Promise<void> {
    await this.db.put('draft', record, DRAFT_KEY);
  }

  async keepAside(record: Omit<AsideRecord, 'id'>, clearDraft: boolean): Promise<{ dropped: number }> {
    const tx = this.db.transaction(['aside', 'draft'], 'readwrite');
    const aside = tx.objectStore('aside');
    await aside.add(record);
    // Oldest first (keys grow): drop past the bound, saying how many.
    const keys = await aside.getAllKeys();
    const drop = keys.slice(0, Math.max(0, keys.length - LIMITS.aside));
    for (const k of drop) await aside.delete(k);
    if (clearDraft) await tx.objectStore('draft').delete(DRAFT_KEY);
    await tx.done;
    return { dropped: drop.length };
  }

  async listAside(): Promise<AsideRecord[]> {
    return (await this.db.getAll('aside')) as AsideRecord[];
  }

  async deleteAside(id: number): Promise<void> {
    await this.db.delete('aside', id);
  }

  async addVersion(version: Omit<VersionRecord, 'id'>): Promise<void> {
    const tx = this.db.transaction('history', 'readwrite');
    const store = tx.objectStore('history');
    await store.add(version);
    // Within the bounds, oldest out first: per design, then whole designs, then characters.
    const all = (await store.getAll()) as VersionRecord[];
    const drop = new Set<number>();
    const byDesign = new Map<string, VersionRecord[]>();
    for (const v of all) {
      if (!byDesign.has(v.designKey)) byDesign.set(v.designKey, []);
      byDesign.get(v.designKey)!.push(v);
    }
    for (const list of byDesign.values()) for (const v of list.slice(0, Math.max(0, list.length - LIMITS.versionsPerDesign))) drop.add(v.id);
    const designs = [...byDesign.values()].sort((a, b) => a[a.length - 1].savedAt - b[b.length - 1].savedAt);
    for (const list of designs.slice(0, Math.max(0, designs.length - LIMITS.designs))) for (const v of list) drop.add(v.id);
    let chars = all.filter((v) => !drop.has(v.id)).reduce((n, v) => n + v.text.length, 0);
    for (const v of all) {
      if (chars <= LIMITS.historyChars) break;
      if (drop.has(v.id) || v === all[all.length - 1]) continue;
      drop.add(v.id);
      chars -= v.text.length;
    }
    for (const id of drop) await store.delete(id);
    await tx.done;
  }

  async listVersions(): Promise<VersionRecord[]> {
    return (await this.db.getAll('history')) as VersionRecord[];
  }

  close(): void {
    this.db.close();
  }
}
