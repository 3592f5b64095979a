// How an opened file becomes a document, by extension. JSON is built in; other formats
// (Mermaid `.mmd`, by the io work) register here, e.g. from main.tsx:
//   registerImporter('.mmd', (text) => importMermaid(text));
import { formatProblem, parseTopology, type Topology } from '../model';

export type ImportResult = { ok: true; topology: Topology; warnings: string[] } | { ok: false; errors: string[] };
export type Importer = (text: string, fileName: string) => ImportResult | Promise<ImportResult>;

const importers = new Map<string, Importer>();

export function registerImporter(extension: string, importer: Importer): void {
  importers.set(extension.toLowerCase(), importer);
}

export const importJson: Importer = (text) => {
  const parsed = parseTopology(text);
  return parsed.ok
    ? { ok: true, topology: parsed.topology, warnings: parsed.warnings.map(formatProblem) }
    : { ok: false, errors: parsed.errors.map(formatProblem) };
};

export function importerFor(fileName: string): Importer | undefined {
  const lower = fileName.toLowerCase();
  for (const [ext, importer] of importers) if (lower.endsWith(ext)) return importer;
  if (lower.endsWith('.json')) return importJson;
  return undefined;
}

/** Every extension the open dialog accepts. */
export function acceptedExtensions(): string[] {
  return ['.json', '.mmd', ...[...importers.keys()].filter((e) => e !== '.mmd' && e !== '.json')];
}
