// Reading a Mermaid diagram into a design, as a plain function: the analysis worker runs it so
// that mermaid's parse (seconds for a large diagram) never holds the page
// (src/commands/readOffThread.ts); Node runs it where there is no worker. Errors are values.
import type { ImportNote } from '../import/notes';
import { openDesignText } from '../io/files';
import { formatIoProblem } from '../io/problems';
import type { Topology } from '../model';
import { noticeWarnings } from '../model/problemText';
import { needsLayout } from '../layout/needsLayout';
import { ensurePositions } from '../store/placement';
import { purifyLater, purifyNeedsHelp, withAnswers, type SanitizeAsk } from './purifyLater';

/** A file read into a design: what every importer gives the page (src/commands/importers.ts). */
export interface ImportedDesign {
  ok: true;
  topology: Topology;
  /** Problems of the resulting document (the model's warnings, formatted). */
  warnings: string[];
  /** What the import inferred, assumed and left out, each with the file and line it came from. */
  notes: ImportNote[];
  /** The input rewritten so that it parses, when the import read it leniently (a Mermaid diagram with unquoted parentheses). */
  correctedText?: string;
  /** `topology` roughly placed already (store/placement.ts, off the page's thread), when it had no positions, until the auto-layout runs. */
  placed?: Topology;
}

export type MermaidRead =
  | ImportedDesign
  | { ok: false; errors: string[]; /** Texts for the page's DOMPurify; ask again with its answers. */ asks?: SanitizeAsk[] };

export interface MermaidReadRequest {
  text: string;
  fileName: string;
  /** The page's DOMPurify's answers to the texts asked before, by SanitizeAsk.key. */
  sanitized?: [string, string][];
}

/** The name src/io gives a diagram that carries none. */
const UNTITLED_MERMAID = 'Imported from Mermaid';

// Checked once: the first read decides whether this thread's DOMPurify needs the page.
let checked = false;

export async function readMermaid({ text, fileName, sanitized = [] }: MermaidReadRequest): Promise<MermaidRead> {
  if (!checked && purifyNeedsHelp()) purifyLater();
  checked = true;
  const { result: r, asks } = await withAnswers(sanitized, () => openDesignText(fileName, text));
  if (asks.length > 0) return { ok: false, errors: [], asks };
  if (!r.ok) return { ok: false, errors: r.errors.map(formatIoProblem) };
  // A diagram without a title (no front matter, not exported by us) is named after its file.
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.(mmd|mermaid)$/i, '').trim();
  const topology = r.topology.name === UNTITLED_MERMAID && stem ? { ...r.topology, name: stem } : r.topology;
  return {
    ok: true,
    topology,
    warnings: noticeWarnings(topology, r.warnings),
    notes: r.notes,
    ...(r.correctedText !== undefined ? { correctedText: r.correctedText } : {}),
    ...(needsLayout(topology) ? { placed: ensurePositions(topology) } : {}),
  };
}
