import { parseTopology, type Topology } from '../../src/model';
import { resetDocument, useDocument } from '../../src/store/document';
import { emptyDocument } from '../../src/store/edits';

/** A fresh, empty document store with no history. */
export function freshStore(doc: Topology = emptyDocument()) {
  resetDocument(doc);
  return useDocument;
}

export const doc = () => useDocument.getState().doc;
export const history = () => useDocument.temporal.getState();

/** Parses a document and fails the test with the reasons when it is invalid. */
export function expectValid(t: Topology): Topology {
  const r = parseTopology(JSON.parse(JSON.stringify(t)));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

/** A Storage backed by a Map, for autosave tests in Node. */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(k: string) { return this.map.has(k) ? this.map.get(k)! : null; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { this.map.set(k, String(v)); }
  keys() { return [...this.map.keys()]; }
}
