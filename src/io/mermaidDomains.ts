// Subgraphs -> failure domains: their ids (the subgraph's own id; a slug of the title when
// the diagram gave none, never mermaid's `subGraph0`), their nesting, and their kinds (an
// export's `label · kind` title, its `%% spof:` comment, or a guess from the title).
import type { FailureDomain } from '../model';
import { guessDomainKind } from './mermaidGuess';
import { domainTitle } from './mermaidLabels';
import type { MermaidMeta } from './mermaidMeta';
import type { MermaidNotes } from './mermaidNotes';
import type { Flowchart } from './mermaidParse';
import { decodeMermaidText, topologyIdOf } from './mermaidText';

export interface DrawnDomains {
  domains: FailureDomain[];
  /** Subgraph id -> domain id. */
  domainIdOf: Map<string, string>;
  /** Node or subgraph id -> the subgraph directly around it. */
  parentOf: Map<string, string>;
}

/** Mermaid names a subgraph written without an id `subGraph<n>`, counting as their `end`s come. */
const GENERATED_ID = /^subGraph\d+$/;

export function buildDomains(chart: Flowchart, meta: MermaidMeta, text: string, taken: Set<string>, notes: MermaidNotes): DrawnDomains {
  const domainIdOf = new Map<string, string>();
  const used = new Set(taken);
  // The `subGraph<n>` ids written as such, found once (a search of the whole text per subgraph was quadratic).
  const written = new Set([...text.matchAll(/\bsubgraph\s+(subGraph\d+)\b/g)].map((m) => m[1]));
  for (const s of chart.subgraphs) {
    const saved = meta.domains.get(s.id)?.id;
    let id = saved ?? topologyIdOf(s.id);
    if (!saved && GENERATED_ID.test(s.id) && !written.has(s.id)) {
      id = uniqueId(slugOf(titleOf(s.title)) || 'group', used);
    }
    used.add(id);
    domainIdOf.set(s.id, id);
  }
  const parentOf = new Map<string, string>();
  // A subgraph opened again inside its own member (S > T > S) would be its own ancestor: the
  // outer opening, declared first, keeps it.
  const within = (sg: string, n: string) => {
    for (let x: string | undefined = sg; x !== undefined; x = parentOf.get(x)) if (x === n) return true;
    return false;
  };
  for (const s of chart.subgraphs) for (const n of s.nodes) if (!parentOf.has(n) && !within(s.id, n)) parentOf.set(n, s.id);

  const domains = chart.subgraphs.map((s) => {
    const id = domainIdOf.get(s.id)!;
    const parentSg = parentOf.get(s.id);
    const parent = parentSg === undefined ? undefined : domainIdOf.get(parentSg);
    const title = titleOf(s.title);
    const known = meta.domains.get(s.id);
    let d: FailureDomain;
    if (known) {
      d = { ...known };
      if (title !== domainTitle(known)) {
        const { label } = splitKindSuffix(title);
        if (label && label !== known.id) d.label = label;
        else delete d.label;
      }
    } else {
      const { label, kind } = splitKindSuffix(title);
      const guess = kind ? { kind, reason: `its title "${title}"` } : guessDomainKind(label, s.id);
      d = { id, kind: guess.kind, ...(label && label !== s.id && label !== id ? { label } : {}) };
      notes.subgraph(s, id, kind ? 'inferred' : guess.kind === 'group' ? 'assumed' : 'inferred', `${guess.kind} (${guess.reason})`, { field: 'kind' });
    }
    d.id = id;
    if (parent !== undefined) d.parent = parent;
    else delete d.parent;
    return d;
  });
  return { domains, domainIdOf, parentOf };
}

/** A subgraph title as shown, on one line. */
function titleOf(raw: string): string {
  return decodeMermaidText(raw).replace(/\*\*|__/g, '').replace(/\s*\n\s*/g, ' ').trim();
}

const DOMAIN_SUFFIX = /^(.*?) · (provider|region|zone|datacenter|rack|host)$/;

/** An exported title is `label · kind`; a hand-written one is all label. */
function splitKindSuffix(title: string): { label: string; kind?: FailureDomain['kind'] } {
  const m = DOMAIN_SUFFIX.exec(title);
  return m ? { label: m[1], kind: m[2] as FailureDomain['kind'] } : { label: title };
}

/** `AWS Region: us-east-1` -> `aws-region-us-east-1`. */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export function uniqueId(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}
