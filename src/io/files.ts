// Design files: the name to save under, and reading a picked or dropped file of either
// format (topology JSON or a Mermaid flowchart) into one result shape.
import type { ImportNote } from '../import/notes';
import { parseTopology, serializeTopology, type Problem, type Topology } from '../model';
import type { IoProblem } from './problems';

export const TOPOLOGY_EXTENSION = '.spof.json';

/** `<slug of the name>.spof.json`; `design.spof.json` when the name has no letters or digits. */
export function topologyFileName(t: Pick<Topology, 'name'>): string {
  const slug = t.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'design'}${TOPOLOGY_EXTENSION}`;
}

/** The text to save: pretty JSON with a trailing newline. */
export function topologyFileText(t: Topology): string {
  return serializeTopology(t);
}

export function isMermaidFileName(name: string): boolean {
  return /\.(mmd|mermaid)$/i.test(name);
}

export type OpenFileResult =
  | { ok: true; topology: Topology; warnings: Problem[]; notes: ImportNote[]; correctedText?: string; format: 'json' | 'mermaid' }
  | { ok: false; errors: IoProblem[]; format: 'json' | 'mermaid' };

/**
 * Reads a file's text by its name: `.mmd` / `.mermaid` as a Mermaid flowchart, anything else
 * as topology JSON. Mermaid needs a DOM in Node (see src/cli/mermaidDom.ts).
 */
export async function openDesignText(name: string, text: string): Promise<OpenFileResult> {
  if (isMermaidFileName(name)) {
    // Loaded with the diagram: the reader is ~50 KB the page does not need until then.
    const { fromMermaid } = await import('./mermaidImport');
    const r = await fromMermaid(text, { file: name });
    return r.ok ? { ...r, format: 'mermaid' } : { ok: false, errors: r.errors, format: 'mermaid' };
  }
  const r = parseTopology(text);
  return r.ok
    ? { ok: true, topology: r.topology, warnings: r.warnings, notes: [], format: 'json' }
    : { ok: false, errors: r.errors, format: 'json' };
}
