// Reading fixtures the way the CLI reads paths, and the HCL parser's WebAssembly from node_modules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureHcl, importInfrastructure, type InfraImportOptions, type SourceFile } from '../../src/import';
import type { ImportNote } from '../../src/import/notes';
import { formatImportNote } from '../../src/import/notes';

const require = createRequire(import.meta.url);
configureHcl(async () => ({
  runtime: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  grammar: readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')),
}));

export const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));

/** A fixture file or folder as SourceFiles, named relative to the fixtures folder (`compose/voting-stack.yaml`). */
export function fixture(path: string): SourceFile[] {
  const full = join(FIXTURES, path);
  if (statSync(full).isDirectory()) {
    return readdirSync(full, { recursive: true }).map(String).sort()
      .filter((f) => statSync(join(full, f)).isFile() && /\.(ya?ml|json|tf|tfvars)$/.test(f))
      .map((f) => ({ path: relative(FIXTURES, join(full, f)), text: readFileSync(join(full, f), 'utf8') }));
  }
  return [{ path, text: readFileSync(full, 'utf8') }];
}

export async function imported(files: SourceFile[], options: InfraImportOptions = {}) {
  const r = await importInfrastructure(files, options);
  if (!r.ok) throw new Error(`import failed: ${r.errors.map((e) => `${e.source.file}:${e.source.line ?? ''} ${e.message}`).join('; ')}`);
  const t = r.topology;
  const component = (id: string) => {
    const c = t.components.find((x) => x.id === id);
    if (!c) throw new Error(`no component ${id} in ${t.components.map((x) => x.id).join(', ')}`);
    return c;
  };
  const deps = (from: string) => t.links.filter((l) => l.from === from && (l.type ?? 'dependency') === 'dependency').map((l) => l.to).sort();
  const lines = r.notes.map(formatImportNote);
  return { ...r, t, component, deps, lines, notesAbout: (id: string): ImportNote[] => r.notes.filter((n) => n.subject === id) };
}

export function inline(path: string, text: string): SourceFile[] {
  return [{ path, text }];
}
