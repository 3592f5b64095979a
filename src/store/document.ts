// The document store: the one Topology the app edits, its single source of truth.
// All writes go through the named actions below; each action is one undo step
// (zundo records the document before every set). A drag commits once, on drop; a
// typed value once, on commit; loading a file or applying a plan once.
import { useStore } from 'zustand';
import { create } from 'zustand';
import { temporal } from 'zundo';
import { editBreaks, formatProblem, parseTopology, type Component, type ComponentKind, type DomainKind, type FailureDomain, type Link, type Topology } from '../model';
import { copyFragment, pasteBeside, type Fragment } from './clipboard';
import * as edits from './edits';
import type { XY } from './geometry';
import { moveNodes, type NodeMove } from './moves';
import { linkKey } from './ids';
import { ensurePositions } from './placement';
import { pruneSelection } from './selection';
import { useUi } from './ui';

export interface DocumentState {
  doc: Topology;
  /** What the last step did, in words (for the undo button's tooltip); not in history. */
  lastAction: string;
  /** The new component's id; '' when it was refused (a limit). */
  addComponent: (kind: ComponentKind, at: XY) => string;
  addDomain: (kind: DomainKind, at: XY, size?: { width: number; height: number }) => string;
  connect: (from: string, to: string, type?: 'dependency' | 'replication') => edits.ConnectResult;
  /** A client calling each of these entry points, in one undo step; returns its id. */
  addClientFor: (entryPoints: readonly string[]) => string;
  updateComponent: (id: string, patch: Partial<Component>) => void;
  updateDomain: (id: string, patch: Partial<FailureDomain>) => void;
  updateLink: (key: string, patch: Partial<Link>) => void;
  setLinkType: (key: string, type: 'dependency' | 'replication') => void;
  renameElement: (from: string, to: string) => void;
  setDocumentFields: (patch: Partial<Pick<Topology, 'name' | 'slo' | 'currency' | 'downtimeCostPerHour'>>) => void;
  moveNodes: (moves: NodeMove[]) => void;
  /** Puts a component in a domain (or none), keeping it where it is on screen. */
  setDomain: (componentId: string, domainId: string | undefined) => void;
  resizeDomain: (id: string, rect: { x: number; y: number; width: number; height: number }) => void;
  deleteElements: (nodeIds: readonly string[], linkKeys?: readonly string[]) => void;
  copy: (nodeIds: readonly string[]) => Fragment | null;
  /** Pastes beside the originals (else `offset` from where they were copied): the pasted node ids; or none, with the reasons, when the result would not be a readable document. */
  paste: (fragment: Fragment, offset: XY) => { ids: string[]; problems: string[] };
  /** Replaces the document (open, new, template): one undo step. */
  loadDocument: (doc: Topology, label?: string) => void;
  /** Replaces the document with an edited copy (apply plan, auto-layout): one undo step. */
  applyTopology: (next: Topology, label: string) => void;
}

export const useDocument = create<DocumentState>()(
  temporal(
    (set, get) => {
      /**
       * Every edit goes through here: one that would make a document the loader refuses (an
       * id a pool's instance takes, a limit passed) changes nothing and says why.
       */
      const commit = (after: Topology, label: string): boolean => {
        const broken = editBreaks(after);
        if (broken.length > 0) {
          useUi.getState().showError(`Not done (${label}): the design would not reopen`, broken.map(formatProblem));
          return false;
        }
        set({ doc: after, lastAction: label });
        return true;
      };
      const apply = (label: string, f: (doc: Topology) => Topology) => {
        const before = get().doc;
        const after = f(before);
        if (after !== before) commit(after, label);
      };
      return {
        doc: edits.emptyDocument(),
        lastAction: '',
        addComponent: (kind, at) => {
          const r = edits.addComponent(get().doc, kind, at);
          return commit(r.doc, `Add ${kind}`) ? r.id : '';
        },
        addDomain: (kind, at, size) => {
          const r = edits.addDomain(get().doc, kind, at, size);
          return commit(r.doc, `Add ${kind}`) ? r.id : '';
        },
        connect: (from, to, type = 'dependency') => {
          const before = get().doc;
          const r = edits.connect(before, from, to, type);
          if (r.key === undefined || commit(r.doc, `Connect ${from} to ${to}`)) return r;
          return { doc: before, reason: 'the design would not reopen' };
        },
        addClientFor: (entryPoints) => {
          const r = edits.addClientFor(get().doc, entryPoints);
          return commit(r.doc, 'Add a client for the entry points') ? r.id : '';
        },
        updateComponent: (id, patch) => apply(`Edit ${id}`, (d) => edits.updateComponent(d, id, patch)),
        updateDomain: (id, patch) => apply(`Edit ${id}`, (d) => edits.updateDomain(d, id, patch)),
        updateLink: (key, patch) => apply(`Edit link ${key}`, (d) => edits.updateLink(d, key, patch)),
        setLinkType: (key, type) => apply(`Make ${key} a ${type} link`, (d) => edits.setLinkType(d, key, type)),
        renameElement: (from, to) => apply(`Rename ${from}`, (d) => edits.renameElement(d, from, to)),
        setDocumentFields: (patch) => apply('Edit document', (d) => edits.patchObject<Topology>(d, patch)),
        moveNodes: (moves) => apply('Move', (d) => moveNodes(d, moves)),
        setDomain: (componentId, domainId) =>
          apply(`Place ${componentId}`, (d) => edits.updateComponent(d, componentId, { domain: domainId, domains: undefined })),
        resizeDomain: (id, rect) => apply(`Resize ${id}`, (d) => edits.resizeDomain(d, id, rect)),
        deleteElements: (nodeIds, linkKeys = []) => {
          if (nodeIds.length === 0 && linkKeys.length === 0) return;
          apply('Delete', (d) => edits.deleteElements(d, nodeIds, linkKeys));
        },
        copy: (nodeIds) => copyFragment(get().doc, nodeIds),
        paste: (fragment, offset) => {
          const r = pasteBeside(get().doc, fragment, offset);
          // What a paste makes must reopen like any document (limits, ids): else nothing changes.
          const check = parseTopology(r.doc);
          if (!check.ok) return { ids: [], problems: check.errors.map(formatProblem) };
          set({ doc: r.doc, lastAction: 'Paste' });
          return { ids: r.ids, problems: [] };
        },
        // New elements (a plan's added standby, an imported file) get a place on the canvas.
        loadDocument: (doc, label = 'Open') => set({ doc: ensurePositions(doc), lastAction: label }),
        applyTopology: (next, label) => void commit(ensurePositions(next), label),
      };
    },
    {
      partialize: (s) => ({ doc: s.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: 200,
    },
  ),
);

// The selection never points at something that is gone (after undo, delete, open).
useDocument.subscribe((state, prev) => {
  if (state.doc === prev.doc) return;
  const nodes = new Set([...state.doc.components.map((c) => c.id), ...state.doc.domains.map((d) => d.id)]);
  const links = new Set(state.doc.links.map(linkKey));
  pruneSelection((id) => nodes.has(id), (key) => links.has(key));
});

/** Replaces the document and forgets history: restoring a draft is not an edit. */
export function resetDocument(doc: Topology): void {
  useDocument.setState({ doc, lastAction: '' });
  useDocument.temporal.getState().clear();
}

export const undo = () => useDocument.temporal.getState().undo();
export const redo = () => useDocument.temporal.getState().redo();
export const canUndo = () => useDocument.temporal.getState().pastStates.length > 0;
export const canRedo = () => useDocument.temporal.getState().futureStates.length > 0;

export function useHistory(): { canUndo: boolean; canRedo: boolean } {
  const past = useStore(useDocument.temporal, (s) => s.pastStates.length);
  const future = useStore(useDocument.temporal, (s) => s.futureStates.length);
  return { canUndo: past > 0, canRedo: future > 0 };
}

/** The current document, outside React. */
export const getDocument = () => useDocument.getState().doc;
