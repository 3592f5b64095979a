// Random sequences of the editor's own commands (issue 14: every state the editor reaches
// reopens). Each step is data (`Step`), interpreted against the design as it is then: an
// index picks among the elements that exist, so any sequence is meaningful on any design and
// fast-check shrinks a failure to a few steps. The steps go through the same store actions,
// command objects and plan/layout actions the app's buttons, shortcuts and panels call.
import fc from 'fast-check';
import { expect } from 'vitest';
import { openDocumentFile, openTemplate } from '../../src/commands/documents';
import { copy, cut, deleteSelection, duplicate, layout, paste, redo, undo } from '../../src/commands';
import { decodeShareHash, encodeShareHash } from '../../src/io/shareLink';
import {
  COMPONENT_KINDS, applyFix, formatProblem, groupResolver, keyedCopy, parseTopology, replicasOf, serializeTopology,
  type Component, type ComponentKind, type DomainKind, type Topology,
} from '../../src/model';
import { applyPlanToDesign } from '../../src/panels/report/planAction';
import { useDocument } from '../../src/store/document';
import type { AsideRecord, DraftRecord, DraftStorage, VersionRecord } from '../../src/store/draftDb';
import { absolutePosition } from '../../src/store/geometry';
import { linkKey } from '../../src/store/ids';
import { ensurePositions } from '../../src/store/placement';
import { restoreDraft, writeDraftNow } from '../../src/store/persistence';
import { useSelection } from '../../src/store/selection';
import { TEMPLATES } from '../../src/templates';
import { runAnalysis } from '../../src/worker/engineApi';

const DOMAIN_KINDS_DRAWN: DomainKind[] = ['region', 'zone', 'host', 'provider'];
const at = fc.record({ x: fc.integer({ min: -2, max: 60 }).map((v) => v * 20), y: fc.integer({ min: -2, max: 40 }).map((v) => v * 20) });
const pick = fc.nat(999);

export type Step =
  | { op: 'add'; kind: ComponentKind; at: { x: number; y: number } }
  | { op: 'addDomain'; kind: DomainKind; at: { x: number; y: number }; big: boolean }
  | { op: 'connect'; from: number; to: number; replication: boolean }
  | { op: 'role'; c: number; role: 'primary' | 'standby' | 'replica' }
  | { op: 'standby'; c: number; temperature: '' | 'hot' | 'warm' | 'cold' }
  | { op: 'replicas'; c: number; n: number }
  | { op: 'minHealthy'; c: number; n: number }
  | { op: 'requires'; c: number; link: number; min: number }
  | { op: 'optional'; link: number }
  | { op: 'linkType'; link: number }
  | { op: 'move'; nodes: number[]; at: { x: number; y: number } }
  | { op: 'placeIn'; c: number; d: number }
  | { op: 'parent'; d: number; parent: number }
  | { op: 'rename'; node: number; to: string }
  | { op: 'delete'; nodes: number[]; links: number[] }
  | { op: 'copyPaste'; nodes: number[]; times: number }
  | { op: 'cutPaste'; nodes: number[] }
  | { op: 'duplicate'; nodes: number[] }
  | { op: 'undo'; times: number }
  | { op: 'redo'; times: number }
  | { op: 'fix'; warning: number; fix: number }
  | { op: 'plan' }
  | { op: 'template'; index: number }
  | { op: 'openFile'; index: number }
  | { op: 'slo'; nines: number }
  | { op: 'layout'; nodes: number[] };

const nodes = fc.array(pick, { minLength: 1, maxLength: 3 });

/**
 * Designs as files may hold them: ids that a pool's instances would take once a component
 * becomes a pool (`app#1` beside a single `app`), names like Object's members, no positions.
 */
const FILES: object[] = [
  {
    format: 'spof-topology', version: 2, name: 'Lookalikes',
    components: [
      { id: 'users', kind: 'client' }, { id: 'app', kind: 'app' }, { id: 'app#1', kind: 'app' }, { id: 'db', kind: 'database' },
    ],
    links: [{ from: 'users', to: 'app' }, { from: 'users', to: 'app#1' }, { from: 'app', to: 'db' }],
  },
  {
    format: 'spof-topology', version: 2, name: 'Object members', slo: 0.999,
    domains: [{ id: 'constructor', kind: 'region' }, { id: 'toString', kind: 'zone', parent: 'constructor' }],
    components: [
      { id: '__proto__', kind: 'client' }, { id: 'hasOwnProperty', kind: 'loadbalancer', domain: 'toString' },
      { id: 'valueOf', kind: 'web', replicas: 2, domain: 'toString' }, { id: 'db', kind: 'database', role: 'standby', standby: 'warm' },
    ],
    links: [{ from: '__proto__', to: 'hasOwnProperty' }, { from: 'hasOwnProperty', to: 'valueOf' }, { from: 'valueOf', to: 'db' }],
  },
];

/** Steps weighted as a person draws: mostly adding, linking and editing, now and then a plan or a layout. */
export function stepArbitrary(opts: { plans: boolean }): fc.Arbitrary<Step> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ op: fc.constant('add' as const), kind: fc.constantFrom(...COMPONENT_KINDS), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('addDomain' as const), kind: fc.constantFrom(...DOMAIN_KINDS_DRAWN), at, big: fc.boolean() }) },
    { weight: 8, arbitrary: fc.record({ op: fc.constant('connect' as const), from: pick, to: pick, replication: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('role' as const), c: pick, role: fc.constantFrom('primary' as const, 'standby' as const, 'replica' as const) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('standby' as const), c: pick, temperature: fc.constantFrom('' as const, 'hot' as const, 'warm' as const, 'cold' as const) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('replicas' as const), c: pick, n: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('minHealthy' as const), c: pick, n: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('requires' as const), c: pick, link: pick, min: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('optional' as const), link: pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('linkType' as const), link: pick }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('move' as const), nodes, at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('placeIn' as const), c: pick, d: pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('parent' as const), d: pick, parent: pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), node: pick, to: fc.constantFrom('db', 'app', 'x#1', 'app#2', '__proto__', 'constructor', 'toString', 'a b', 'ü') }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), nodes: fc.array(pick, { maxLength: 2 }), links: fc.array(pick, { maxLength: 2 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('copyPaste' as const), nodes, times: fc.integer({ min: 1, max: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cutPaste' as const), nodes }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), nodes }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('undo' as const), times: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('redo' as const), times: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('fix' as const), warning: pick, fix: pick }) },
    { weight: opts.plans ? 1 : 0, arbitrary: fc.record({ op: fc.constant('plan' as const) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('layout' as const), nodes: fc.array(pick, { maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('template' as const), index: pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('openFile' as const), index: pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('slo' as const), nines: fc.integer({ min: 1, max: 5 }) }) },
  );
}

const state = () => useDocument.getState();
const doc = () => state().doc;
const nodeIds = (t: Topology) => [...t.components.map((c) => c.id), ...t.domains.map((d) => d.id)];
const nth = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const pickNodes = (t: Topology, picks: readonly number[]) => [...new Set(picks.map((i) => nth(nodeIds(t), i)).filter((x) => x !== undefined))];

/** The inspector's role select (ComponentInspector's onChange). */
function setRole(c: Component, role: Step & { op: 'role' }): void {
  const r = role.role;
  const replicas = replicasOf(c);
  const patch = r === 'primary'
    ? { role: undefined, ...(replicas > 1 ? {} : { standby: undefined, failoverSeconds: undefined }) }
    : r === 'standby' ? { role: r, standby: c.standby ?? 'warm' as const } : { role: r, standby: undefined, failoverSeconds: undefined };
  state().updateComponent(c.id, patch);
}

/** Runs one step as the app would; steps that do not apply to the design as it is do nothing. */
export async function runStep(step: Step): Promise<void> {
  const t = doc();
  const comp = (i: number) => nth(t.components, i);
  const select = (ids: string[], links: string[] = []) => useSelection.getState().select(ids, links);
  switch (step.op) {
    case 'add': {
      state().addComponent(step.kind, step.at);
      return;
    }
    case 'addDomain': {
      state().addDomain(step.kind, step.at, step.big ? { width: 900, height: 600 } : undefined);
      return;
    }
    case 'connect': {
      const from = comp(step.from);
      const to = comp(step.to);
      if (from && to) state().connect(from.id, to.id, step.replication ? 'replication' : 'dependency');
      return;
    }
    case 'role': {
      const c = comp(step.c);
      if (c && c.kind !== 'client') setRole(c, step);
      return;
    }
    case 'standby': {
      const c = comp(step.c);
      if (c && (c.role === 'standby' || replicasOf(c) > 1)) {
        // A standby keeps a temperature: the select offers none only to pools.
        if (step.temperature === '' && c.role === 'standby') return;
        state().updateComponent(c.id, { standby: step.temperature || undefined });
      }
      return;
    }
    case 'replicas': {
      const c = comp(step.c);
      if (!c || c.kind === 'client') return;
      // As the inspector: lowering replicas below "must work" lowers it too.
      state().updateComponent(c.id, { replicas: step.n, ...(c.minHealthy !== undefined && c.minHealthy > step.n ? { minHealthy: step.n } : {}) });
      return;
    }
    case 'minHealthy': {
      const c = comp(step.c);
      // The inspector's field takes 1 to replicas.
      if (!c || c.kind === 'client') return;
      state().updateComponent(c.id, { minHealthy: 1 + ((step.n - 1) % replicasOf(c)) });
      return;
    }
    case 'requires': {
      const c = comp(step.c);
      const links = t.links.filter((l) => c && l.from === c.id && (l.type ?? 'dependency') === 'dependency');
      const link = nth(links, step.link);
      if (!c || !link) return;
      const group = groupResolver(t)(link);
      state().updateComponent(c.id, { requires: keyedCopy([...Object.entries(c.requires ?? {}), [group, { min: step.min }]]) });
      return;
    }
    case 'optional': {
      const link = nth(t.links, step.link);
      if (link && (link.type ?? 'dependency') === 'dependency') state().updateLink(linkKey(link), { optional: link.optional ? undefined : true });
      return;
    }
    case 'linkType': {
      const link = nth(t.links, step.link);
      if (link) state().setLinkType(linkKey(link), link.type === 'replication' ? 'dependency' : 'replication');
      return;
    }
    case 'move': {
      // A drag of the selection: every node moves by the same amount (the first lands on `at`).
      const ids = pickNodes(t, step.nodes);
      if (ids.length === 0) return;
      const first = absolutePosition(t, ids[0]);
      const dx = step.at.x - first.x;
      const dy = step.at.y - first.y;
      state().moveNodes(ids.map((id) => {
        const p = absolutePosition(t, id);
        return { id, absolute: { x: p.x + dx, y: p.y + dy } };
      }));
      return;
    }
    case 'placeIn': {
      // The inspector's placement select: a domain, or none.
      const c = comp(step.c);
      if (c) state().setDomain(c.id, step.d % (t.domains.length + 1) === 0 ? undefined : nth(t.domains, step.d)?.id);
      return;
    }
    case 'parent': {
      const d = nth(t.domains, step.d);
      if (d) state().updateDomain(d.id, { parent: step.parent % (t.domains.length + 1) === 0 ? undefined : nth(t.domains, step.parent)?.id });
      return;
    }
    case 'rename': {
      const id = nth(nodeIds(t), step.node);
      if (id) state().renameElement(id, step.to);
      return;
    }
    case 'delete': {
      select(pickNodes(t, step.nodes), step.links.map((i) => nth(t.links, i)).filter((l) => l !== undefined).map(linkKey));
      if (deleteSelection.predicate!()) await deleteSelection.perform();
      return;
    }
    case 'copyPaste': {
      select(pickNodes(t, step.nodes));
      if (!copy.predicate!()) return;
      await copy.perform();
      for (let i = 0; i < step.times; i++) await paste.perform();
      return;
    }
    case 'cutPaste': {
      select(pickNodes(t, step.nodes));
      if (!cut.predicate!()) return;
      await cut.perform();
      await paste.perform();
      return;
    }
    case 'duplicate': {
      select(pickNodes(t, step.nodes));
      if (duplicate.predicate!()) await duplicate.perform();
      return;
    }
    case 'undo':
    case 'redo': {
      const command = step.op === 'undo' ? undo : redo;
      for (let i = 0; i < step.times; i++) if (command.predicate!()) await command.perform();
      return;
    }
    case 'fix': {
      // DesignWarnings' one-click fix: applyFix as one step.
      const parsed = parseTopology(t);
      const warning = nth((parsed.ok ? parsed.warnings : []).filter((w) => w.fixes?.length), step.warning);
      const fix = warning && nth(warning.fixes!, step.fix);
      if (!fix) return;
      const next = applyFix(t, fix);
      if (next !== t) state().applyTopology(next, fix.label);
      return;
    }
    case 'plan': {
      if (t.components.length > 0) await applyPlanToDesign();
      return;
    }
    case 'template': {
      // A template over the design (the confirmation, if asked, is accepted).
      await openTemplate(nth(TEMPLATES, step.index)!.id);
      return;
    }
    case 'openFile': {
      // Files the editor must keep readable whatever is done to them next.
      await openDocumentFile({ name: 'design.spof.json', arrayBuffer: () => Promise.resolve(new TextEncoder().encode(JSON.stringify(nth(FILES, step.index))).buffer) });
      return;
    }
    case 'slo': {
      // The document inspector's SLO field: 90%, 99%, ... 99.999%.
      state().setDocumentFields({ slo: Number((1 - 10 ** -step.nines).toFixed(step.nines)) });
      return;
    }
    case 'layout': {
      select(pickNodes(t, step.nodes));
      if (layout.predicate!()) await layout.perform();
      return;
    }
  }
}

/** A DraftStorage in memory: the autosave's own code path without IndexedDB. */
export class MemoryDrafts implements DraftStorage {
  draft: DraftRecord | undefined;
  private aside: AsideRecord[] = [];
  private versions: VersionRecord[] = [];
  async readDraft() { return this.draft; }
  async writeDraft(record: DraftRecord) { this.draft = record; }
  async keepAside(record: Omit<AsideRecord, 'id'>, clearDraft: boolean) {
    this.aside.push({ ...record, id: this.aside.length + 1 });
    if (clearDraft) this.draft = undefined;
    return { dropped: 0 };
  }
  async listAside() { return this.aside; }
  async deleteAside(id: number) { this.aside = this.aside.filter((a) => a.id !== id); }
  async addVersion(version: Omit<VersionRecord, 'id'>) { this.versions = [...this.versions.slice(-4), { ...version, id: this.versions.length + 1 }]; }
  async listVersions() { return this.versions; }
  close() {}
}

/**
 * What must hold after every step: the design serializes and parses back equal; it reopens
 * equal from the autosave (written and restored by the app's own code) and from a share link
 * (encoded, decoded and placed as opening one does); and the analysis answers (no error).
 * The undo history is put back after the autosave round trip, so the sequence goes on.
 */
export async function expectReopens(drafts: MemoryDrafts, where: string): Promise<void> {
  const before = doc();
  const reasons = (r: ReturnType<typeof parseTopology>) => (r.ok ? '' : r.errors.map(formatProblem).join('; '));

  const text = serializeTopology(before);
  const parsed = parseTopology(text);
  expect(reasons(parsed), `${where}: the saved file does not open`).toBe('');
  expect((parsed as { topology: Topology }).topology, `${where}: the saved file opens as another design`).toEqual(before);

  const shared = decodeShareHash(encodeShareHash(before));
  expect(shared.ok ? '' : shared.errors.map((e) => `${e.path}: ${e.message}`).join('; '), `${where}: the share link does not open`).toBe('');
  expect(ensurePositions((shared as { topology: Topology }).topology), `${where}: the share link opens another design`).toEqual(before);

  const analysed = runAnalysis({ document: before });
  expect(analysed.ok ? '' : analysed.errors.map(formatProblem).join('; '), `${where}: the analysis refuses the design`).toBe('');

  const history = useDocument.temporal.getState();
  const { pastStates, futureStates } = history;
  const selection = useSelection.getState();
  const selected = { nodes: selection.nodeIds, links: selection.edgeIds };
  expect(await writeDraftNow(before), `${where}: autosave failed`).toBe(true);
  const restored = await restoreDraft(drafts);
  expect(restored.kind === 'restored' ? '' : JSON.stringify(restored), `${where}: the autosaved draft does not reopen`).toBe('');
  expect(doc(), `${where}: the autosaved draft reopens as another design`).toEqual(before);
  // Back to the editing session as it was: the same document object, its undo history, its selection.
  useDocument.setState({ doc: before });
  useDocument.temporal.setState({ pastStates, futureStates });
  useSelection.getState().select(selected.nodes, selected.links);
}
