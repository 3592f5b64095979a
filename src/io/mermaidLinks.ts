// Flowchart edges -> links. An edge that matches a saved `%% spof:` link (same ends, same
// type) comes back as saved; others are read by mermaidLinkMeaning.ts from their words, the
// two ends and the line style, after edges to subgraphs are spread over their members.
import { linkType, type Component, type Link } from '../model';
import { drawnPairs, subgraphEnds, type DrawnPair, type SubgraphEnds } from './mermaidEdges';
import { copyBase, kindWordIndex, wordsOf } from './mermaidGuess';
import { linkText } from './mermaidLabels';
import { linkMeaning, type LinkEnd } from './mermaidLinkMeaning';
import type { MermaidMeta } from './mermaidMeta';
import { linkSubject, type MermaidNotes } from './mermaidNotes';
import type { FlowEdge, FlowSubgraph } from './mermaidParse';
import { decodeMermaidText } from './mermaidText';
import { BACKUP_TARGET_WORDS, OFF_PATH_WORDS } from './mermaidWords';

export interface LinkInput {
  edges: FlowEdge[];
  /** Indexes of the edges that draw an answer back along a call (mermaidResponses.ts): not links. */
  responses?: ReadonlySet<number>;
  subgraphs: FlowSubgraph[];
  meta: MermaidMeta;
  /** Mermaid node id -> component id. */
  componentIdOf: Map<string, string>;
  components: Component[];
  /** Components that came from `%% spof:` comments: their links are not guessed. */
  saved: Set<string>;
  /** The titles of the subgraphs around a component, innermost first. */
  contextOf: (componentId: string) => string[];
  notes: MermaidNotes;
  /** The subgraphs' members, entries and exits (subgraphEnds), when the caller has them already. */
  ends?: Map<string, SubgraphEnds>;
}

export function buildLinks(input: LinkInput): Link[] {
  const { edges, meta, componentIdOf, notes } = input;
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (l: Link, index: number) => {
    const key = `${linkType(l)}\u0000${l.from}\u0000${l.to}`;
    if (seen.has(key)) {
      notes.edge(index, linkSubject(l.from, l.to), 'warning', 'drawn twice, imported once');
      return false;
    }
    seen.add(key);
    links.push(l);
    notes.bindLink(l, index);
    return true;
  };

  const subgraphIds = new Set(input.subgraphs.map((s) => s.id));
  edges.forEach((e, index) => {
    const what = `${e.start} -> ${e.end}`;
    if (e.stroke === 'invisible') notes.edge(index, undefined, 'warning', `${what}: an invisible ~~~ link only places nodes: not imported`);
    else if (!componentIdOf.has(e.start) && !subgraphIds.has(e.start)) notes.edge(index, undefined, 'warning', `${what}: ${e.start} is no node: not imported`);
  });
  const ends = input.ends ?? subgraphEnds(input.subgraphs, edges, (id) => componentIdOf.has(id));
  const responses = input.responses ?? new Set<number>();
  for (const index of responses) {
    const e = edges[index];
    const [from, to] = [componentIdOf.get(e.start) ?? e.start, componentIdOf.get(e.end) ?? e.end];
    notes.edge(index, linkSubject(from, to), 'inferred', `the answer to a call, drawn back (labelled "${decodeMermaidText(e.text).replace(/\s*\n\s*/g, ' ').trim()}"): ${to} already reaches ${from} through the calls drawn, so no dependency of ${from} on ${to}`);
  }
  const pairs = drawnPairs(edges.map((e) => e), ends, (id) => componentIdOf.get(id)).filter((p) => p.edge.stroke !== 'invisible' && !responses.has(p.index));
  noteSubgraphEnds(pairs, notes);
  const paired = new Set(pairs.map((p) => p.index));
  edges.forEach((e, index) => {
    // `X --> S` with X the only member of S: spread over the members, it joins X to itself.
    if (paired.has(index) || responses.has(index) || e.stroke === 'invisible' || !(ends.has(e.start) || ends.has(e.end))) return;
    if (!componentIdOf.has(e.start) && !ends.has(e.start)) return;
    const sg = ends.has(e.end) ? e.end : e.start;
    const members = ends.get(sg)!.members;
    const why = members.length === 0 ? `the subgraph ${sg} holds no node` : `the subgraph ${sg} holds only ${members.join(', ')}: the link would join it to itself`;
    notes.edge(index, undefined, 'warning', `${e.start} -> ${e.end}: ${why}: not imported`);
  });
  const endOf = linkEnds(input, pairs);

  for (const p of pairs) {
    const text = decodeMermaidText(p.edge.text).replace(/\s*\n\s*/g, ' ').trim();
    const index = p.index;
    const savedLink = fromSavedLinks(meta, p, text, input.saved);
    if (savedLink) {
      add(savedLink, index);
      continue;
    }
    const m = linkMeaning({ type: p.edge.type, stroke: p.edge.stroke, text }, endOf(p.start), endOf(p.end));
    if (m.type === 'none') {
      notes.edge(index, linkSubject(p.start, p.end), 'warning', `${m.why}: not imported`);
      continue;
    }
    const subject = linkSubject(m.from, m.to);
    if (m.type === 'replication') {
      if (add({ from: m.from, to: m.to, type: 'replication', mode: m.mode }, index)) {
        notes.edge(index, subject, m.assumed ? 'assumed' : 'inferred', `${m.mode} replication (${m.why})`, { field: 'type' });
      }
      continue;
    }
    const link: Link = { from: m.from, to: m.to };
    if (m.optional) link.optional = true;
    const label = text.replace(/^optional\b:?\s*/i, '');
    if (label) link.label = label;
    if (!add(link, index)) continue;
    if (m.directionWhy) notes.edge(index, subject, 'inferred', `${m.from} calls ${m.to} (${m.directionWhy})`, { field: 'direction' });
    if (m.optional) notes.edge(index, subject, 'inferred', `optional (${m.why})`, { field: 'optional' });
    else if (m.why) notes.edge(index, subject, m.assumed ? 'assumed' : 'inferred', `required (${m.why})`, { field: 'optional' });
  }
  return links;
}

/** One note per edge drawn to or from a subgraph, naming the members it stands for. */
function noteSubgraphEnds(pairs: DrawnPair[], notes: MermaidNotes): void {
  const done = new Set<number>();
  for (const p of pairs) {
    if (done.has(p.index) || (!p.viaStart && !p.viaEnd)) continue;
    done.add(p.index);
    const parts: string[] = [];
    if (p.viaStart) parts.push(`from the subgraph ${p.viaStart.subgraph}: from its exit members ${p.viaStart.members.join(', ')} (they point to nothing inside it)`);
    if (p.viaEnd) parts.push(`to the subgraph ${p.viaEnd.subgraph}: to its entry members ${p.viaEnd.members.join(', ')} (nothing inside it points to them)`);
    notes.edge(p.index, undefined, 'inferred', `${p.edge.start} -> ${p.edge.end}: a link ${parts.join('; ')}`);
  }
}

/**
 * What the meaning of a link needs to know of each end. A node is off the users' path when
 * its words (or its subgraph's) say monitoring, logs, CI/CD...; unless it passes traffic on:
 * something that is not off the path points to it and it points to something that is not.
 */
function linkEnds(input: LinkInput, pairs: DrawnPair[]): (id: string) => LinkEnd {
  const byId = new Map(input.components.map((c) => [c.id, c]));
  const offWord = new Map<string, string>();
  for (const c of input.components) {
    const w = offPathWordOf(c.label ?? c.id) ?? input.contextOf(c.id).map((t) => OFF_PATH_WORDS.exec(t)?.[0]).find((x) => x !== undefined);
    if (w && c.kind !== 'client') offWord.set(c.id, w);
  }
  // Each asked of every node: indexed once, not a search of every pair per node (quadratic).
  const fedByPath = new Set<string>();
  const feedsPath = new Set<string>();
  const besideClient = new Set<string>();
  for (const p of pairs) {
    if (!p.edge.type.startsWith('double_') && p.edge.type !== 'arrow_open') {
      if (!offWord.has(p.start)) fedByPath.add(p.end);
      if (!offWord.has(p.end)) feedsPath.add(p.start);
    }
    if (byId.get(p.end)?.kind === 'client') besideClient.add(p.start);
    if (byId.get(p.start)?.kind === 'client') besideClient.add(p.end);
  }
  const passesOn = (id: string) => fedByPath.has(id) && feedsPath.has(id);
  const cache = new Map<string, LinkEnd>();
  return (id) => {
    const known = cache.get(id);
    if (known) return known;
    const c = byId.get(id)!;
    const end: LinkEnd = { id, kind: c.kind, base: copyBase(c.label ?? c.id), ...(c.role ? { role: c.role } : {}) };
    const w = offWord.get(id);
    if (w && !passesOn(id)) end.offPath = w;
    if (c.kind === 'web' && besideClient.has(id)) end.frontend = true;
    cache.set(id, end);
    return end;
  };
}

/** The word that puts a node off the users' path by its own label: a backup target anywhere, else a monitoring (CI, logs...) word before any kind word. */
function offPathWordOf(label: string): string | undefined {
  // The label with camel case split (`AnalyticsService`), then split further (`orders_db`) when it said nothing.
  for (const text of [label.replace(/([a-z])([A-Z])/g, '$1 $2'), wordsOf(label)]) {
    const backup = BACKUP_TARGET_WORDS.exec(text);
    if (backup) return backup[0];
    const m = OFF_PATH_WORDS.exec(text);
    const kindAt = kindWordIndex(text);
    if (m && m.index <= kindAt) return m[0];
    if (m || kindAt < Infinity) return undefined;
  }
  return undefined;
}

/** The saved link an edge between two exported components stands for, edited as the drawing shows. */
function fromSavedLinks(meta: MermaidMeta, p: DrawnPair, text: string, saved: Set<string>): Link | undefined {
  if (!saved.has(p.start) || !saved.has(p.end) || p.viaStart || p.viaEnd) return undefined;
  const dotted = p.edge.stroke === 'dotted';
  const pair = meta.links.filter((l) => l.from === p.start && l.to === p.end);
  const found = pair.find((l) => linkText(l) === text && (linkType(l) === 'replication') === (dotted && !l.optional))
    ?? pair.find((l) => (linkType(l) === 'replication') === (dotted && !/^\s*optional\b/i.test(text) && text !== ''));
  if (!found) return undefined;
  const l: Link = { ...found };
  if (text === linkText(found)) return l;
  // Edited in the drawing: the line style and label win for what they show.
  if (linkType(l) === 'dependency') {
    if (dotted || /^\s*optional\b/i.test(text)) l.optional = true;
    else delete l.optional;
    const label = text.replace(/^optional\b:?\s*/i, '');
    if (label) l.label = label;
    else delete l.label;
  } else {
    const mode = /\basync/i.test(text) ? 'async' : /\bsync/i.test(text) ? 'sync' : /\b(backups?|snapshots?)\b/i.test(text) ? 'backup' : l.mode;
    if (mode !== l.mode) {
      l.mode = mode;
      if (mode !== 'async') delete l.lagSeconds;
      if (mode !== 'backup') delete l.intervalSeconds;
    }
  }
  return l;
}
