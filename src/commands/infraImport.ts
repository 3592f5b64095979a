// Infrastructure definitions (Docker Compose, Kubernetes manifests, Terraform) opened in the
// app: picked, dropped (files or a whole folder) or pasted. The importer (src/import) loads
// on first use, with its YAML parser; the HCL parser's WebAssembly comes as two files Vite
// serves, fetched only when a .tf file is read.
import hclGrammar from '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm?url';
import hclRuntime from 'web-tree-sitter/web-tree-sitter.wasm?url';
import { formatImportSource } from '../import/notes';
import type { ImportResult } from './importers';

/** Extensions read as infrastructure definitions (a `.json` is one when its content says so). */
export const INFRA_EXTENSIONS = ['.yaml', '.yml', '.tf', '.tfvars'] as const;

export interface NamedText {
  /** The file's name, or its path inside a dropped folder (`k8s/frontend.yaml`). */
  name: string;
  text: string;
}

let configured = false;

/** Imports one or several files as one design; `name` names it when the files do not. */
export async function importInfrastructureTexts(files: NamedText[], name?: string): Promise<ImportResult> {
  const { configureHcl, importInfrastructure } = await import('../import');
  if (!configured) {
    configureHcl(async () => ({ runtime: hclRuntime, grammar: hclGrammar }));
    configured = true;
  }
  const r = await importInfrastructure(files.map((f) => ({ path: f.name, text: f.text })), {
    name,
    // From a folder, a file that is not a definition is skipped with a warning, not fatal.
    found: files.length > 1 ? new Set(files.map((f) => f.name)) : undefined,
  });
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => [formatImportSource(e.source), e.message].filter(Boolean).join(': ')) };
  return { ok: true, topology: r.topology, warnings: [], notes: r.notes };
}

/** `shop/compose.yaml` -> `shop`; `guestbook.yaml` -> `guestbook`. */
export function designNameOf(fileName: string): string | undefined {
  const parts = fileName.split(/[\\/]/).filter(Boolean);
  const file = parts[parts.length - 1] ?? '';
  if (/^(docker-)?compose(\.[\w-]+)?\.ya?ml$|^main\.tf$/i.test(file) && parts.length > 1) return parts[parts.length - 2];
  return file.replace(/\.(ya?ml|json|tf|tfvars)$/i, '') || undefined;
}

export function isInfraFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return INFRA_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** `terraform show -json` output, told from a topology JSON by its first keys. */
export function looksLikeTerraformJson(text: string): boolean {
  const head = text.slice(0, 4096);
  return /"format_version"\s*:/.test(head) && /"(planned_values|values|configuration|resource_changes)"\s*:/.test(text.slice(0, 65536));
}

/** Text (pasted) that reads as a compose file, Kubernetes manifests or Terraform. */
export function looksLikeInfrastructure(text: string): boolean {
  if (looksLikeTerraformJson(text)) return true;
  if (/^\s*\{/.test(text)) return false;
  // `[ \t]*`, not `\s*`: from every line start `\s*` ran on through all the empty lines after it,
  // so pasting 100,000 empty lines held the page for minutes (src/import/detect.ts had the same).
  return (/^[ \t]*-?[ \t]*apiVersion[ \t]*:/m.test(text) && /^[ \t]*-?[ \t]*kind[ \t]*:/m.test(text))
    || /^services[ \t]*:[ \t]*\r?$/m.test(text)
    || /^[ \t]*(resource|module|provider)[ \t]+"[^"\n]+"([ \t]+"[^"\n]+")?[ \t]*\{/m.test(text);
}
