// Which format a file holds, decided by its content (DESIGN section 4: "the format is
// detected from the content when not given"), and the checks every file passes first:
// not too large, not binary, parseable.
import { isMermaidDiagram } from '../io/mermaidStart';
import { isComposeDocument } from './compose';
import type { ImportSource } from './notes';
import { isDict } from './values';
import { readYaml, type YamlFile } from './yaml';

/** A Go template action as Helm charts write them: `{{ .Values.x }}`, `{{- if ... }}`, `{{ include ... }}`. */
const HELM_ACTION = /\{\{-?\s*(?:\.|\$|if\b|end\b|range\b|include\b|template\b|toYaml\b|with\b|define\b)/;

export const INFRA_FORMATS = ['compose', 'kubernetes', 'terraform', 'terraform-json', 'mermaid'] as const;
export type InfraFormat = (typeof INFRA_FORMATS)[number];

/** One file to import: its name as the user gave it (or as found in a folder) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A file larger than this is refused before it is parsed (a 50 MB file is a mistake, not a system). */
export const MAX_IMPORT_FILE_BYTES = 16 * 1024 * 1024;

export interface ImportProblem {
  source: ImportSource;
  message: string;
}

export type Classified =
  | { format: 'compose' | 'kubernetes'; file: SourceFile; yaml: YamlFile }
  | { format: 'terraform' | 'mermaid'; file: SourceFile }
  | { format: 'terraform-json'; file: SourceFile; json: unknown }
  /** Readable, but no infrastructure definition (a CI workflow, a topology JSON, a README). */
  | { format: 'other'; file: SourceFile; reason: string }
  /** Unreadable: binary, too large, broken YAML or JSON. */
  | { format: 'invalid'; file: SourceFile; problem: ImportProblem };

// `[ \t]*`, not `\s*`: at every line start `\s*` ran on through all the empty lines after it (100,000 took 16 s).
const HCL_BLOCK = /^[ \t]*(resource|data|module|provider|variable|output|locals|terraform)\b[^\n=]*\{/m;

export function classify(file: SourceFile, forced?: InfraFormat): Classified {
  const size = byteLength(file.text);
  if (size > MAX_IMPORT_FILE_BYTES) {
    return invalid(file, `too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB)`);
  }
  if (file.text.slice(0, 8192).includes('\u0000')) return invalid(file, 'a binary file, not text');
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { format: 'other', file, reason: 'empty' };

  if (forced === 'terraform' || (!forced && (/\.(tf|tfvars)$/i.test(file.path) || (!looksLikeJsonOrYaml(text) && HCL_BLOCK.test(text))))) {
    return { format: 'terraform', file };
  }
  if (forced === 'mermaid' || (!forced && isMermaidDiagram(text))) return { format: 'mermaid', file };

  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (forced === 'terraform-json' || isTerraformJson(json)) {
      if (json === undefined) return invalid(file, 'not valid JSON');
      return { format: 'terraform-json', file, json };
    }
    if (isDict(json) && json.format === 'spof-topology') return { format: 'other', file, reason: 'a SPOF Studio topology, not an infrastructure definition: open it as it is' };
    // Terraform's JSON was said to be "neither a compose file nor Kubernetes objects": say what it lacks.
    const terraform = terraformJsonReason(file.path, json);
    if (terraform) return { format: 'other', file, reason: terraform };
  }
  if (forced === 'terraform-json') return { format: 'other', file, reason: 'not the output of terraform show -json' };

  const read = readYaml(text);
  if (!read.ok) {
    // A chart's templates are not YAML until Helm renders them: say so rather than only where the parse broke.
    const helm = HELM_ACTION.test(text) ? '; it looks like an unrendered Helm template: render it first (`helm template CHART > manifests.yaml`) and import that' : '';
    return { format: 'invalid', file, problem: { source: { file: file.path, line: read.position.line, column: read.position.column }, message: `invalid YAML: ${read.message}${helm}` } };
  }
  const docs = read.file.docs.map((d) => d.value);
  const kubernetes = docs.some(isKubernetesObject);
  const compose = docs.some(isComposeDocument);
  if (forced === 'kubernetes' || (!forced && kubernetes)) {
    return kubernetes ? { format: 'kubernetes', file, yaml: read.file } : { format: 'other', file, reason: 'no Kubernetes object (apiVersion and kind) in it' };
  }
  if (forced === 'compose' || (!forced && compose)) {
    return compose ? { format: 'compose', file, yaml: read.file } : { format: 'other', file, reason: 'no compose file (a `services` map) in it' };
  }
  return { format: 'other', file, reason: 'neither a compose file (a `services` map) nor Kubernetes objects (apiVersion and kind)' };
}

export function isKubernetesObject(doc: unknown): boolean {
  return isDict(doc) && typeof doc.apiVersion === 'string' && typeof doc.kind === 'string';
}

/** `terraform show -json`: a plan (planned_values) or a state (values), with its format_version. */
function isTerraformJson(json: unknown): boolean {
  return isDict(json) && typeof json.format_version === 'string' && ('planned_values' in json || 'values' in json || 'configuration' in json || 'resource_changes' in json);
}

const SHOW_JSON_KEYS = 'planned_values, values, configuration or resource_changes';

/** Why JSON that Terraform wrote, or that names itself Terraform's, is not read; undefined for other JSON. */
function terraformJsonReason(path: string, json: unknown): string | undefined {
  if (isDict(json) && typeof json.format_version === 'string') {
    return `terraform show -json output (format_version ${JSON.stringify(json.format_version.slice(0, 20))}) with none of ${SHOW_JSON_KEYS}: nothing to read (an empty state?)`;
  }
  if (/\.tf\.json$/i.test(path)) {
    return `a Terraform configuration in JSON syntax (*.tf.json) is not read: import the .tf files, or the output of \`terraform show -json\` (which has format_version and ${SHOW_JSON_KEYS})`;
  }
  return undefined;
}

function looksLikeJsonOrYaml(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[') || t.startsWith('---') || /^apiVersion:/m.test(text) || /^services:/m.test(text);
}

function invalid(file: SourceFile, message: string): Classified {
  return { format: 'invalid', file, problem: { source: { file: file.path }, message } };
}

function byteLength(text: string): number {
  // UTF-16 length bounds the UTF-8 length from below; count exactly only near the limit.
  return text.length * 3 <= MAX_IMPORT_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
}
