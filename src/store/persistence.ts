// Autosave, kept-aside drafts and the local history of versions (storage: draftDb.ts).
// - The design is written shortly after every change and when the page is hidden; a failed
//   write is said at once, in a message that stays, with a download button (autosaveState).
// - A saved draft that cannot be read is moved aside (never overwritten) and listed in the
//   app; when even that move fails, autosave stops rather than write over it.
// - Versions: the design before another replaces it (open, new, template, link, restore), at
//   each Save, and every few minutes of editing; bounded, browsable, restorable.
import { create } from 'zustand';
import { formatProblem, parseTopology, serializeTopology, type Topology } from '../model';
import { resetDocument, useDocument } from './document';
import type { AsideRecord, DraftStorage, VersionReason, VersionRecord } from './draftDb';
import { emptyDocument, isEmptyDocument } from './edits';
import { ensurePositions } from './placement';
import { useUi } from './ui';

const DEBOUNCE_MS = 300;
/** A version of the design being edited is kept at most this often by autosave. */
export const CHECKPOINT_MS = 10 * 60 * 1000;
/** Where drafts were kept before IndexedDB; read once and moved. */
export const LEGACY_DRAFT_KEY = 'spof-studio:draft';
export const LEGACY_CORRUPT_PREFIX = 'spof-studio:draft-corrupt:';

export type AutosaveStatus =
  /** Saving works (or nothing needed saving yet). */
  | 'ok'
  /** The last write failed; `error` says why. */
  | 'failed'
  /** Autosave is off: no storage, or an unreadable draft could not be moved aside and must not be overwritten. */
  | 'off';

export interface DraftsState {
  status: AutosaveStatus;
  error: string | null;
  /** Which design is being edited: its versions share this key. */
  designKey: string;
  /** When this page started editing it (ms): the first checkpoint comes CHECKPOINT_MS later. */
  designStartedAt: number;
  aside: AsideRecord[];
  versions: VersionRecord[];
  /** The unreadable draft autosave must not overwrite (the move aside failed), to download. */
  blockedText: string | null;
}

export const useDrafts = create<DraftsState>()(() => ({
  status: 'ok', error: null, designKey: newDesignKey(), designStartedAt: Date.now(), aside: [], versions: [], blockedText: null,
}));

export function newDesignKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

let storage: DraftStorage | null = null;

export type RestoreOutcome =
  | { kind: 'empty' }
  | { kind: 'restored'; doc: Topology }
  /** The draft could not be read: kept aside (and older ones dropped past the bound). */
  | { kind: 'corrupt'; problems: string[]; dropped: number }
  /** The draft could not be read nor moved aside: it stays, autosave is off until it is dealt with. */
  | { kind: 'blocked'; problems: string[]; reason: string }
  /** No storage at all (IndexedDB refused): nothing restored, autosave off. */
  | { kind: 'unavailable'; reason: string };

/**
 * A draft's text read into a design with positions, or each reason it cannot be; null when it
 * could not be read there (a worker that died), and it is then read on the page.
 */
export type DraftRead = { ok: true; topology: Topology } | { ok: false; errors: string[] };
export type DraftReader = (text: string) => Promise<DraftRead | null>;

/**
 * On the page's thread: the whole estate's draft was 6 s of parsing and 6 s of placing at
 * load 10, in one task. The app passes a reader that does both in a worker (main.tsx).
 */
export async function readDraftHere(text: string): Promise<DraftRead> {
  const parsed = parseTopology(text);
  return parsed.ok ? { ok: true, topology: ensurePositions(parsed.topology) } : { ok: false, errors: parsed.errors.map(formatProblem) };
}

/**
 * Restores the autosaved draft into the document store (no history). Never throws: every
 * failure is an outcome the page reports. `opened` is the storage, or why there is none.
 */
export async function restoreDraft(opened: DraftStorage | Error, read: DraftReader = readDraftHere): Promise<RestoreOutcome> {
  if (opened instanceof Error) {
    storage = null;
    useDrafts.setState({ status: 'off', error: `this browser does not let the page keep data (${opened.message})` });
    resetDocument(emptyDocument());
    return { kind: 'unavailable', reason: opened.message };
  }
  storage = opened;
  try {
    await moveLegacyDrafts(opened);
  } catch {
    // The old drafts stay in localStorage, where the next start tries again.
  }
  let outcome: RestoreOutcome;
  try {
    outcome = await readIntoDocument(opened, read);
  } catch (e) {
    outcome = { kind: 'blocked', problems: [], reason: messageOf(e) };
    useDrafts.setState({ status: 'off', error: `the saved draft could not be read from the browser's storage (${messageOf(e)})` });
    resetDocument(emptyDocument());
  }
  await refreshLists();
  return outcome;
}

async function readIntoDocument(db: DraftStorage, read: DraftReader): Promise<RestoreOutcome> {
  const record = await db.readDraft();
  if (!record) {
    resetDocument(emptyDocument());
    return { kind: 'empty' };
  }
  const parsed = (await read(record.text)) ?? (await readDraftHere(record.text));
  if (parsed.ok) {
    const doc = parsed.topology;
    resetDocument(doc);
    if (record.clean) useUi.getState().markSaved(useDocument.getState().doc);
    useDrafts.setState({ designKey: record.designKey || newDesignKey() });
    return { kind: 'restored', doc };
  }
  const problems = parsed.errors;
  resetDocument(emptyDocument());
  try {
    const { dropped } = await db.keepAside({ text: record.text, keptAt: Date.now(), problems }, true);
    return { kind: 'corrupt', problems, dropped };
  } catch (e) {
    // Not moved: the draft stays where it is and nothing may write over it.
    useDrafts.setState({ status: 'off', blockedText: record.text, error: `the unreadable draft could not be kept aside (${messageOf(e)}); autosave is off so that it is not overwritten` });
    return { kind: 'blocked', problems, reason: messageOf(e) };
  }
}

/** Drafts kept in localStorage by earlier versions of the app move to IndexedDB, then leave localStorage. */
async function moveLegacyDrafts(db: DraftStorage): Promise<void> {
  if (typeof localStorage === 'undefined') return;
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k !== null && (k === LEGACY_DRAFT_KEY || k.startsWith(LEGACY_CORRUPT_PREFIX))) keys.push(k);
  }
  for (const key of keys) {
    const text = localStorage.getItem(key);
    if (text === null) continue;
    if (key === LEGACY_DRAFT_KEY && !(await db.readDraft())) await db.writeDraft({ text, savedAt: Date.now(), designKey: newDesignKey() });
    else if (key !== LEGACY_DRAFT_KEY) {
      await db.keepAside({ text, keptAt: Date.parse(key.slice(LEGACY_CORRUPT_PREFIX.length)) || Date.now(), problems: ['kept aside by an earlier version of SPOF Studio'] }, false);
    }
    localStorage.removeItem(key);
  }
}

/** Writes the design now; false (and the failure said) when it could not be written. */
export async function writeDraftNow(doc: Topology): Promise<boolean> {
  const state = useDrafts.getState();
  if (!storage || state.status === 'off') return false;
  try {
    await storage.writeDraft({ text: serializeTopology(doc), savedAt: Date.now(), designKey: state.designKey, clean: doc === useUi.getState().savedDoc });
    if (state.status !== 'ok') useDrafts.setState({ status: 'ok', error: null });
  } catch (e) {
    useDrafts.setState({ status: 'failed', error: messageOf(e) });
    return false;
  }
  await checkpoint(doc);
  return true;
}

/** A version every CHECKPOINT_MS of editing, counted from the design's start or its last version. */
async function checkpoint(doc: Topology): Promise<void> {
  const { designKey, versions, designStartedAt } = useDrafts.getState();
  const last = versions.filter((v) => v.designKey === designKey).at(-1)?.savedAt ?? designStartedAt;
  if (isEmptyDocument(doc) || Date.now() - last < CHECKPOINT_MS) return;
  await recordVersion(doc, 'checkpoint');
}

/** Keeps `doc` as a version of the current design (never throws; a failure is only a missed version). */
export async function recordVersion(doc: Topology, reason: VersionReason): Promise<void> {
  if (!storage || isEmptyDocument(doc)) return;
  try {
    await storage.addVersion({ designKey: useDrafts.getState().designKey, name: doc.name, text: serializeTopology(doc), savedAt: Date.now(), reason, components: doc.components.length });
    await refreshLists();
  } catch {
    // The draft itself is what must not fail; a version is a convenience on top of it.
  }
}

/** Another design replaces this one: keep this one as a version, then start a new design key. */
export function beginNewDesign(outgoing: Topology, designKey: string = newDesignKey()): void {
  void recordVersion(outgoing, 'replaced');
  useDrafts.setState({ designKey, designStartedAt: Date.now() });
}

/**
 * Tries again after a failure: moves a blocked unreadable draft aside first (never writes over
 * it), then writes the design. True when autosave works again.
 */
export async function retryAutosave(): Promise<boolean> {
  if (!storage) return false;
  const { blockedText } = useDrafts.getState();
  if (blockedText !== null) {
    try {
      const parsed = parseTopology(blockedText);
      await storage.keepAside({ text: blockedText, keptAt: Date.now(), problems: parsed.ok ? [] : parsed.errors.map(formatProblem) }, true);
    } catch (e) {
      useDrafts.setState({ error: `the unreadable draft still could not be kept aside (${messageOf(e)}); autosave stays off so that it is not overwritten` });
      return false;
    }
    useDrafts.setState({ blockedText: null, status: 'ok', error: null });
    await refreshLists();
  }
  return writeDraftNow(useDocument.getState().doc);
}

export async function refreshLists(): Promise<void> {
  if (!storage) return;
  try {
    const [aside, versions] = await Promise.all([storage.listAside(), storage.listVersions()]);
    useDrafts.setState({ aside, versions });
  } catch {
    // Lists stay as they were.
  }
}

export async function deleteAside(id: number): Promise<void> {
  if (!storage) return;
  await storage.deleteAside(id);
  await refreshLists();
}

/** Saves the document after each change (debounced) and when the page is hidden; returns a stop that flushes. */
export function startAutosave(): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Topology | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const doc = pending;
    pending = null;
    // One write at a time, in order: a slow write never lands after a newer one.
    if (doc) writing = writing.then(() => writeDraftNow(doc));
    return writing;
  };
  const unsubscribe = useDocument.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    pending = state.doc;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), DEBOUNCE_MS);
  });
  const onHide = () => void flush();
  const onVisibility = () => document.visibilityState === 'hidden' && onHide();
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
  }
  return async () => {
    unsubscribe();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    }
    await flush();
  };
}

/** For tests: forget the storage (the next restore sets it again). */
export function detachStorage(): void {
  storage = null;
  useDrafts.setState({ status: 'ok', error: null, aside: [], versions: [], blockedText: null, designKey: newDesignKey(), designStartedAt: Date.now() });
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.name === 'QuotaExceededError' ? 'the browser\'s storage is full' : e.message;
  return String(e);
}
