// What an import inferred or assumed, and where from: the shape every importer
// (Compose, Kubernetes, Terraform, Mermaid) reports in, the CLI prints on stderr
// and the app lists beside the imported design. Provenance is part of the value.

export type ImportNoteKind =
  /** Read from what the files say (a replica count, a dependency from an env value). */
  | 'inferred'
  /** Not in the files: a stated default (an availability preset, a zone name). */
  | 'assumed'
  /** Something left out or suspicious (a reference to nothing, a selector that selects nothing). */
  | 'warning';

export interface ImportSource {
  /** The file as the user named it (relative to where they pointed the import). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
}

export interface ImportNote {
  kind: ImportNoteKind;
  /** The id of the component, domain or link of the topology the note is about, when there is one. */
  subject?: string;
  source?: ImportSource;
  /**
   * Which field of the subject the note decided, when it is one a person may want to
   * correct (`kind`, `role`, `replicas`, `optional`, `type`, `group`, `direction`): the app
   * offers the matching correction beside the note.
   */
  field?: ImportNoteField;
  /** Plain words: `replicas 2 from deploy.replicas`. */
  message: string;
}

export const IMPORT_NOTE_FIELDS = ['kind', 'role', 'replicas', 'availability', 'optional', 'type', 'group', 'direction', 'domain'] as const;
export type ImportNoteField = (typeof IMPORT_NOTE_FIELDS)[number];

/** `compose.yaml:14` (or just the file; or nothing). */
export function formatImportSource(s: ImportSource | undefined): string {
  if (!s) return '';
  if (s.line === undefined) return s.file;
  return s.column === undefined ? `${s.file}:${s.line}` : `${s.file}:${s.line}:${s.column}`;
}

/** One line, as the CLI prints it: `compose.yaml:14 web1: replicas 2 from deploy.replicas`. */
export function formatImportNote(n: ImportNote): string {
  const where = formatImportSource(n.source);
  const head = [where, n.subject === undefined ? '' : `${n.subject}:`].filter(Boolean).join(' ');
  const tag = n.kind === 'inferred' ? '' : `${n.kind}: `;
  return head ? `${head} ${tag}${n.message}` : `${tag}${n.message}`;
}
