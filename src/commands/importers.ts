// How an opened file becomes a document, by extension. JSON and Mermaid (`.mmd`,
// `.mermaid`) are built in; other formats can register here, e.g. from main.tsx:
//   registerImporter('.drawio', (text) => importDrawio(text));
import { MAX_DOCUMENT_CHARS } from '../model';
import { useUi, type UiMessage } from '../store/ui';
import type { ImportedDesign } from '../worker/mermaidRead';
import { readDesignJsonOffThread, readMermaidOffThread } from './readOffThread';
import { designNameOf, importInfrastructureTexts, INFRA_EXTENSIONS, isInfraFileName, looksLikeTerraformJson } from './infraImport';

export type ImportResult =
  | ImportedDesign
  | { ok: false; errors: string[]; /** A newer open replaced this one while it was read: nothing to say. */ superseded?: true };
export type Importer = (text: string, fileName: string) => ImportResult | Promise<ImportResult>;

const importers = new Map<string, Importer>();

export function registerImporter(extension: string, importer: Importer): void {
  importers.set(extension.toLowerCase(), importer);
}

/** A topology file, parsed and checked off the page's thread (readOffThread.ts). */
export const importJson: Importer = async (text) => {
  const read = await readDesignJsonOffThread(text);
  if (read === null) return { ok: false, errors: [], superseded: true };
  return read.ok ? { ...read, notes: [] } : read;
};

/**
 * A Mermaid flowchart (`.mmd`, `.mermaid`), read by mermaid's own parser in the worker
 * (src/worker/mermaidRead.ts), which loads mermaid on first use: the page does not load it for this.
 */
export const importMermaid: Importer = async (text, fileName) => {
  const reading = sayWhileParsing(text, fileName);
  const r = await readMermaidOffThread(text, fileName);
  // Read: the notice goes, whatever comes next (an error, the import's notes, or a declined replace).
  if (reading && useUi.getState().notice === reading) useUi.getState().dismiss();
  if (r === null) return { ok: false, errors: [], superseded: true };
  return r.ok ? r : { ok: false, errors: r.errors };
};

/**
 * Lines past which mermaid's parse takes a second or more (it costs about half a millisecond
 * a node, and a search of every edge read so far for each edge: 10,000 nodes and 12,000 edges,
 * the most it is given, take several seconds).
 */
const SLOW_MERMAID_LINES = 2_000;

/** A large diagram takes the worker seconds: say what is under way meanwhile. */
function sayWhileParsing(text: string, fileName: string): UiMessage | null {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= SLOW_MERMAID_LINES; i = text.indexOf('\n', i + 1)) lines++;
  if (lines <= SLOW_MERMAID_LINES) return null;
  useUi.getState().showNotice(`Reading ${fileName}…`, ['a diagram this large takes Mermaid\'s parser several seconds']);
  return useUi.getState().notice;
}

/** Docker Compose, Kubernetes manifests, Terraform (.tf, .tfvars, `terraform show -json`): src/import. */
export const importInfrastructure: Importer = (text, fileName) => importInfrastructureTexts([{ name: fileName, text }], designNameOf(fileName));

/** A `.json` is a topology, or `terraform show -json` output: its content says which. */
export const importJsonOrPlan: Importer = (text, fileName) => (looksLikeTerraformJson(text) ? importInfrastructure(text, fileName) : importJson(text, fileName));

/**
 * Every import goes through here: text past the size limit is refused before any importer
 * sees it (a 20 MB file froze the page for 13-17 s), and an importer that throws (a parser's
 * stack overflow, a bug) gives a message, never an unhandled error and a silent page.
 */
export async function runImport(run: () => ImportResult | Promise<ImportResult>, texts: readonly { name: string; text: string }[]): Promise<ImportResult> {
  const total = texts.reduce((n, t) => n + t.text.length, 0);
  if (total > MAX_DOCUMENT_CHARS) return { ok: false, errors: [tooLargeMessage(texts.length === 1 ? texts[0].name : `${texts.length} files`, total)] };
  try {
    return await run();
  } catch (e) {
    return { ok: false, errors: [`the import stopped: ${(e as Error)?.message ?? String(e)}`] };
  }
}

export function tooLargeMessage(what: string, chars: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${what} is ${mb(chars)}; at most ${mb(MAX_DOCUMENT_CHARS)} are opened`;
}

export function importerFor(fileName: string): Importer | undefined {
  const lower = fileName.toLowerCase();
  for (const [ext, importer] of importers) if (lower.endsWith(ext)) return importer;
  if (lower.endsWith('.json')) return importJsonOrPlan;
  if (isInfraFileName(lower)) return importInfrastructure;
  if (lower.endsWith('.mmd') || lower.endsWith('.mermaid')) return importMermaid;
  return undefined;
}

/** Every extension the open dialog accepts. */
export function acceptedExtensions(): string[] {
  const builtIn = ['.json', '.mmd', '.mermaid', ...INFRA_EXTENSIONS];
  return [...builtIn, ...[...importers.keys()].filter((e) => !builtIn.includes(e))];
}
