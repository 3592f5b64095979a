// Import from infrastructure definitions (DESIGN section 7): files in, a validated topology
// and the notes of what was inferred and assumed out. Pure: the CLI reads folders and
// standard input, the app reads picked, dropped and pasted files; both call this.
import type { Topology } from '../model';
import { buildTopology } from './build';
import { importCompose, type ComposeDocument } from './compose';
import type { YamlFile } from './yaml';
import { classify, type ImportProblem, type InfraFormat, type SourceFile } from './detect';
import { limitProblems } from './limits';
import { importKubernetes } from './kubernetes';
import type { ImportNote } from './notes';
import { importTerraform } from './terraform';
import { emptySystem, type ImportedSystem } from './types';
import { wordList } from './values';

export { classify, INFRA_FORMATS, MAX_IMPORT_FILE_BYTES, type InfraFormat, type SourceFile, type ImportProblem } from './detect';
export { formatImportNote, formatImportSource, type ImportNote, type ImportSource } from './notes';
export { configureHcl, type HclWasm } from './terraform/hcl';

export type InfraImportResult =
  | { ok: true; topology: Topology; notes: ImportNote[]; formats: InfraFormat[] }
  /** `notInfrastructure`: nothing read was an infrastructure definition (the CLI's exit 2 with its reasons). */
  | { ok: false; errors: ImportProblem[]; notInfrastructure: boolean };

export interface InfraImportOptions {
  /** Read every file as this format instead of detecting it. */
  format?: InfraFormat;
  /** The design's name when the files give none (a folder's name). */
  name?: string;
  /**
   * Files found in a folder rather than named by the user: one that cannot be read is
   * skipped with a warning instead of failing the import.
   */
  found?: Set<string>;
}

export async function importInfrastructure(files: SourceFile[], options: InfraImportOptions = {}): Promise<InfraImportResult> {
  if (files.length === 0) return { ok: false, errors: [{ source: { file: '' }, message: 'no files to import (an empty folder?)' }], notInfrastructure: true };
  const classified = files.map((f) => classify(f, options.format));
  const notes: ImportNote[] = [];
  const errors: ImportProblem[] = [];
  for (const c of classified) {
    if (c.format === 'invalid') {
      if (options.found?.has(c.file.path)) notes.push({ kind: 'warning', source: c.problem.source, message: `skipped: ${c.problem.message}` });
      else errors.push(c.problem);
    } else if (c.format === 'other') {
      notes.push({ kind: 'warning', source: { file: c.file.path }, message: `skipped: ${c.reason}` });
    }
  }
  if (errors.length) return { ok: false, errors, notInfrastructure: false };
  const usable = classified.filter((c) => c.format !== 'invalid' && c.format !== 'other');
  if (usable.length === 0) {
    return {
      ok: false,
      notInfrastructure: true,
      errors: notes.map((n) => ({ source: n.source ?? { file: '' }, message: n.message.replace(/^skipped: /, 'not an infrastructure definition: ') })),
    };
  }
  for (const c of usable) if (c.format === 'compose' || c.format === 'kubernetes') notes.push(...repeatedKeyNotes(c.file.path, c.yaml));
  const mermaid = usable.filter((c) => c.format === 'mermaid');
  if (mermaid.length) {
    if (usable.length > 1) {
      return { ok: false, notInfrastructure: false, errors: [{ source: { file: mermaid[0].file.path }, message: 'a Mermaid flowchart is a whole design: import it on its own, not with other files' }] };
    }
    return importMermaidFile(mermaid[0].file, notes);
  }

  const systems: ImportedSystem[] = [];
  const compose = usable.flatMap((c) => c.format === 'compose' ? composeDocuments(c) : []);
  if (compose.length) systems.push(importCompose(compose));
  const kubernetes = usable.flatMap((c) => (c.format === 'kubernetes' ? [{ file: c.file.path, yaml: c.yaml }] : []));
  if (kubernetes.length) systems.push(importKubernetes(kubernetes));
  const terraform = usable.filter((c) => c.format === 'terraform' || c.format === 'terraform-json');
  if (terraform.length) {
    const tf = await importTerraform(terraform.map((c) => (c.format === 'terraform-json' ? { file: c.file, json: c.json } : { file: c.file })));
    if (!tf.ok) return { ok: false, errors: tf.errors, notInfrastructure: false };
    systems.push(tf.system);
  }
  const merged = mergeSystems(systems, options.name);
  merged.notes.unshift(...notes);
  const past = limitProblems(merged);
  if (past.length) return { ok: false, notInfrastructure: false, errors: past };
  const built = buildTopology(merged);
  if (!built.ok) return { ok: false, notInfrastructure: false, errors: built.errors.map((e) => ({ source: { file: '' }, message: `internal: the imported design does not validate: ${e}` })) };
  const formats = [...new Set(usable.map((c) => c.format as InfraFormat))];
  return { ok: true, topology: built.topology, notes: built.notes, formats };
}

function composeDocuments(c: { file: SourceFile; yaml: YamlFile }): ComposeDocument[] {
  return c.yaml.docs.flatMap((d) => (d.value && typeof d.value === 'object' && 'services' in d.value ? [{ file: c.file.path, yaml: c.yaml, doc: d.value as Record<string, unknown> }] : []));
}

/**
 * A key written twice in one map: YAML allows a key once, so which value counts is up to the
 * reader (this one keeps the last); a person editing the first would see nothing change.
 */
function repeatedKeyNotes(file: string, yaml: YamlFile): ImportNote[] {
  return yaml.repeatedKeys.map(({ path, lines }) => {
    const last = lines[lines.length - 1];
    const times = lines.length === 2 ? 'twice' : `${lines.length} times`;
    const others = lines.length === 2 ? 'the other is ignored' : 'the others are ignored';
    return { kind: 'warning', source: { file, line: last }, message: `${path} is given ${times} in one map (lines ${wordList(lines.map(String))}): the last value (line ${last}) is read, ${others}` };
  });
}

/** Compose next to Kubernetes next to Terraform: one design; ids that collide are kept apart by the shared step. */
function mergeSystems(systems: ImportedSystem[], name: string | undefined): ImportedSystem {
  if (systems.length === 1) return { ...systems[0], name: systems[0].name ?? name };
  const out = emptySystem(systems.map((s) => s.name).find(Boolean) ?? name);
  for (const s of systems) {
    out.components.push(...s.components);
    out.links.push(...s.links);
    out.domains.push(...s.domains.filter((d) => !out.domains.some((x) => x.id === d.id)));
    out.notes.push(...s.notes);
  }
  return out;
}

async function importMermaidFile(file: SourceFile, notes: ImportNote[]): Promise<InfraImportResult> {
  // Loaded on first use: mermaid's parser (and in Node, the DOM it needs) only for Mermaid.
  const { fromMermaid } = await import('../io/mermaidImport');
  const { formatIoProblem } = await import('../io/problems');
  const { problemText, saidByReportCard } = await import('../model/problemText');
  const { noClientStatement } = await import('../engine/scopeWarnings');
  const r = await fromMermaid(file.text, { file: file.path });
  if (!r.ok) {
    // `line N` is said as every importer says a place: `file:N: reason`.
    const errors = r.errors.map((e) => {
      const line = /^line (\d+)$/.exec(e.path)?.[1];
      return line ? { source: { file: file.path, line: Number(line) }, message: e.message } : { source: { file: file.path }, message: formatIoProblem(e) };
    });
    return { ok: false, notInfrastructure: false, errors };
  }
  return {
    ok: true,
    topology: r.topology,
    formats: ['mermaid'],
    notes: [
      ...notes,
      ...r.notes,
      // No client is said as the report says it, naming the entry points, not in the loader's words.
      ...r.warnings.map((w): ImportNote => ({ kind: 'warning', source: { file: file.path }, message: saidByReportCard(w) ? noClientStatement(r.topology) : problemText(r.topology, w) })),
    ],
  };
}
