// Flowchart edges -> links. An edge that matches a saved `%% spof:` link (same ends, same
// type) comes back as saved; others are read from the line style and the label.
import { linkType, type Link } from '../model';
import { edgeMeaning } from './mermaidGuess';
import { linkText } from './mermaidLabels';
import type { MermaidMeta } from './mermaidMeta';
import { linkSubject, type MermaidNotes } from './mermaidNotes';
import type { FlowEdge } from './mermaidParse';
import { decodeMermaidText } from './mermaidText';

export function buildLinks(
  edges: FlowEdge[],
  meta: MermaidMeta,
  componentIdOf: Map<string, string>,
  subgraphIds: Set<string>,
  notes: MermaidNotes,
): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (l: Link, index: number) => {
    const key = `${linkType(l)}\u0000${l.from}\u0000${l.to}`;
    if (seen.has(key)) {
      notes.edge(index, linkSubject(l.from, l.to), 'warning', 'drawn twice, imported once');
      return;
    }
    seen.add(key);
    links.push(l);
  };

  edges.forEach((e, index) => {
    const what = `${e.start} -> ${e.end}`;
    if (e.stroke === 'invisible') {
      notes.edge(index, undefined, 'warning', `${what}: an invisible ~~~ link only places nodes: not imported`);
      return;
    }
    const from = componentIdOf.get(e.start);
    const to = componentIdOf.get(e.end);
    if (from === undefined || to === undefined) {
      const sg = subgraphIds.has(e.start) ? e.start : e.end;
      notes.edge(index, undefined, 'warning', `${what}: a link to the subgraph ${sg}, not to a node: not imported (link the nodes inside it)`);
      return;
    }
    if (from === to) {
      notes.edge(index, from, 'warning', `${what}: a link from a node to itself: not imported`);
      return;
    }
    const text = decodeMermaidText(e.text).replace(/\s*\n\s*/g, ' ').trim();
    const meaning = edgeMeaning(text, e.stroke);
    const type = meaning.replication ? 'replication' : 'dependency';
    const pair = meta.links.filter((l) => l.from === from && l.to === to);
    const saved = pair.find((l) => linkText(l) === text && (linkType(l) === 'replication') === (e.stroke === 'dotted' && !l.optional))
      ?? pair.find((l) => linkType(l) === type);
    if (saved) {
      add(fromSaved(saved, text, meaning.optional), index);
      return;
    }
    if (meaning.replication) {
      const { mode, modeGuessed } = meaning.replication;
      add({ from, to, type: 'replication', mode }, index);
      notes.edge(index, linkSubject(from, to), modeGuessed ? 'assumed' : 'inferred', `${mode} replication (${modeGuessed ? `dotted, labelled ${JSON.stringify(text)}, no mode word: async assumed` : `dotted, labelled ${JSON.stringify(text)}`})`, { field: 'type' });
      return;
    }
    const link: Link = { from, to };
    if (meaning.optional) {
      link.optional = true;
      notes.edge(index, linkSubject(from, to), 'inferred', `optional (${e.stroke === 'dotted' ? 'a dotted line' : `labelled ${JSON.stringify(text)}`})`, { field: 'optional' });
    }
    const label = text.replace(/^optional\b:?\s*/i, '');
    if (label) link.label = label;
    add(link, index);
    // Both ends need each other on a two-headed arrow.
    if (e.type.startsWith('double_arrow')) {
      add({ ...link, from: to, to: from }, index);
      notes.edge(index, linkSubject(from, to), 'assumed', 'a two-headed arrow: a dependency each way', { field: 'direction' });
    }
  });
  return links;
}

function fromSaved(saved: Link, text: string, optional: boolean): Link {
  const l: Link = { ...saved };
  if (text === linkText(saved)) return l;
  // Edited in the drawing: the line style and label win for what they show.
  if (linkType(l) === 'dependency') {
    if (optional) l.optional = true;
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
