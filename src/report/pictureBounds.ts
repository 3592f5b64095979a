// How large a design the report to share still draws: the same bounds for the command line's
// `analyze --format markdown|html` (src/cli/shareReport.ts) and the app's report export
// (src/worker/engineApi.ts). Past them the report says in one sentence why there is no picture.
import { toMermaid } from '../io/mermaidExport';
import type { Topology } from '../model';
import type { Rich } from './rich';

/**
 * Past this many boxes (components and failure domains) or lines (links) the report draws no
 * picture: a 10,000-long chain drawn was 10,000 boxes in one column, 16 MB of SVG (22 MB as a
 * Markdown image) that no reviewer can read, and laying it out and drawing it took most of a
 * minute; 650 boxes joined by 100,000 links were 42 MB.
 */
export const MAX_PICTURE_BOXES = 1000;
export const MAX_PICTURE_LINKS = 5000;
/** Mermaid's own limits (its defaults, and GitHub's): past them it draws an error instead of the design. */
export const MERMAID_MAX_TEXT = 50_000;
export const MERMAID_MAX_EDGES = 500;

/** Whether the design is small enough for a picture anyone could read. */
export function pictureDrawn(t: Topology): boolean {
  return t.components.length + t.domains.length <= MAX_PICTURE_BOXES && t.links.length <= MAX_PICTURE_LINKS;
}

/** The sentence said instead of the picture: why, then `howToSee` (where this reader can get a diagram). */
export function pictureLeftOut(t: Topology, howToSee: Rich): Rich {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    `Not drawn here: ${n(t.components.length + t.domains.length)} components and failure domains joined by ${n(t.links.length)} links are more than a picture anyone could read (this report draws up to ${n(MAX_PICTURE_BOXES)} and ${n(MAX_PICTURE_LINKS)}). `,
    ...howToSee,
  ];
}

/** The design as a Mermaid diagram for the Markdown report, or undefined past what Mermaid draws. */
export function boundedMermaid(t: Topology, spofIds: string[]): string | undefined {
  if (t.links.length > MERMAID_MAX_EDGES) return undefined;
  const text = toMermaid(t, { spofIds });
  return text.length <= MERMAID_MAX_TEXT ? text : undefined;
}
