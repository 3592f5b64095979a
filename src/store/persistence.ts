// Autosave: the document is written to localStorage shortly after every change and
// restored on load. A saved draft that fails to parse is never overwritten: it is moved
// aside under its own key and the app starts empty, saying so.
import { formatProblem, parseTopology, serializeTopology, type Topology } from '../model';
import { resetDocument, useDocument } from './document';
import { emptyDocument } from './edits';
import { ensurePositions } from './placement';

export const DRAFT_KEY = 'spof-studio:draft';
export const CORRUPT_PREFIX = 'spof-studio:draft-corrupt:';
const DEBOUNCE_MS = 300;

export type RestoreOutcome =
  | { kind: 'empty' }
  | { kind: 'restored'; doc: Topology }
  | { kind: 'corrupt'; keptAs: string; problems: string[] };

/** Reads the saved draft. A bad one is kept aside under `CORRUPT_PREFIX<time>`. */
export function readDraft(storage: Storage = localStorage, now: () => Date = () => new Date()): RestoreOutcome {
  let text: string | null;
  try {
    text = storage.getItem(DRAFT_KEY);
  } catch {
    return { kind: 'empty' };
  }
  if (text === null) return { kind: 'empty' };
  const parsed = parseTopology(text);
  if (parsed.ok) return { kind: 'restored', doc: ensurePositions(parsed.topology) };
  const keptAs = `${CORRUPT_PREFIX}${now().toISOString()}`;
  try {
    storage.setItem(keptAs, text);
    storage.removeItem(DRAFT_KEY);
  } catch {
    // Storage full or blocked: the draft stays where it is, still not overwritten until an edit.
  }
  return { kind: 'corrupt', keptAs, problems: parsed.errors.map(formatProblem) };
}

export function writeDraft(doc: Topology, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(DRAFT_KEY, serializeTopology(doc));
    return true;
  } catch {
    return false;
  }
}

/** Restores the draft into the store (no history) and reports what happened. */
export function restoreDraft(storage: Storage = localStorage): RestoreOutcome {
  const outcome = readDraft(storage);
  resetDocument(outcome.kind === 'restored' ? outcome.doc : emptyDocument());
  return outcome;
}

/** Saves the document after each change (debounced) and when the page is hidden. */
export function startAutosave(storage: Storage = localStorage): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Topology | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) writeDraft(pending, storage);
    pending = null;
  };
  const unsubscribe = useDocument.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    pending = state.doc;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  const onHide = () => flush();
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
  }
  return () => {
    flush();
    unsubscribe();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
    }
  };
}
