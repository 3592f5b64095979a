// The notes of an import on stderr: every one names its file and line, but a design of
// 10,000 services is 20,000 notes, screens nobody reads that bury the warnings. The first
// ones are printed, then how many more of each kind and the flag that lists them all.
import { formatImportNote, type ImportNote } from '../import/notes';
import { numberText } from '../model';
import { MAX_LISTED_PROBLEMS } from './io';

/** Notes printed before the rest are counted: as many as the warnings of a document (MAX_LISTED_PROBLEMS). */
export const NOTES_SHOWN = MAX_LISTED_PROBLEMS;

/** What is chosen first when not all are printed: what was left out, then what was assumed, then what was read. */
const PRIORITY = ['warning', 'assumed', 'inferred'] as const;

/**
 * The notes as lines, in their order: all of them, or NOTES_SHOWN chosen warnings first, then
 * assumptions, then inferences, so that a skipped file or a default is not hidden behind
 * 20,000 `kind web from image nginx`; then how many more of each kind.
 */
export function importNoteLines(notes: readonly ImportNote[], all: boolean): string[] {
  if (all || notes.length <= NOTES_SHOWN) return notes.map(formatImportNote);
  const chosen = new Set<ImportNote>();
  for (const kind of PRIORITY) {
    for (const n of notes) {
      if (chosen.size === NOTES_SHOWN) break;
      if (n.kind === kind) chosen.add(n);
    }
  }
  const lines = notes.filter((n) => chosen.has(n)).map(formatImportNote);
  const rest = notes.filter((n) => !chosen.has(n));
  const kinds = PRIORITY
    .map((kind) => [kind, rest.filter((n) => n.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${numberText(count)} ${kind === 'warning' ? `warning${count === 1 ? '' : 's'}` : kind}`);
  lines.push(`... and ${numberText(rest.length)} more note${rest.length === 1 ? '' : 's'} (${kinds.join(', ')}; --all-notes lists them)`);
  return lines;
}

/** `3,000 components, 1 domain, 2,999 links`: what an import wrote, counted in words. */
export function designSize(t: { components: readonly unknown[]; domains: readonly unknown[]; links: readonly unknown[] }): string {
  const counted = (n: number, word: string) => `${numberText(n)} ${word}${n === 1 ? '' : 's'}`;
  return `${counted(t.components.length, 'component')}, ${counted(t.domains.length, 'domain')}, ${counted(t.links.length, 'link')}`;
}
