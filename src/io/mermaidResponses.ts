// Arrows drawn back along a call to show the answer ("Returns items", "Shown to the visitor",
// "Sends JSON back"): the caller already reaches the answering node through the drawn calls,
// so the arrow back adds no dependency. Read as one, it made the users depend on the CDN
// and the CDN on the users (and the users then no client at all).
import type { FlowEdge } from './mermaidParse';
import { decodeMermaidText } from './mermaidText';

/** Words of an answer travelling back; `back end` and `callback` are not among them. */
export const RESPONSE_WORDS = /\b(return(s|ed|ing)?|respon(se|ses|ds|d)|repl(y|ies|ied)|answers?|back(?![- ]?end)|shown|displayed|rendered|provides? (the )?(data|results?))\b/i;

/**
 * The indexes of the pointed edges that are answers: labelled with response words, and
 * drawn from a node that its target already reaches through the other pointed edges.
 * `keep(edge)` spares the edges an export saved (their labels are the design's own words).
 */
export function responseEdges(edges: FlowEdge[], isNode: (id: string) => boolean, keep: (e: FlowEdge) => boolean): Set<number> {
  const pointed = (e: FlowEdge) => e.type === 'arrow_point' && e.stroke !== 'invisible' && isNode(e.start) && isNode(e.end) && e.start !== e.end;
  const worded = new Set<number>();
  edges.forEach((e, i) => {
    if (pointed(e) && !keep(e) && RESPONSE_WORDS.test(decodeMermaidText(e.text))) worded.add(i);
  });
  if (worded.size === 0) return worded;
  const calls = new Map<string, string[]>();
  edges.forEach((e, i) => {
    if (!pointed(e) || worded.has(i)) return;
    calls.set(e.start, [...(calls.get(e.start) ?? []), e.end]);
  });
  const reaches = (from: string, to: string) => {
    const seen = new Set([from]);
    for (const queue = [from]; queue.length > 0; ) {
      for (const next of calls.get(queue.pop()!) ?? []) {
        if (next === to) return true;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return false;
  };
  return new Set([...worded].filter((i) => reaches(edges[i].end, edges[i].start)));
}
