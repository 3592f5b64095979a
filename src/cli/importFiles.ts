// The files an `import` reads: paths as given, folders walked recursively for the formats
// they hold, `-` for standard input. Bounded: a file past the size limit is refused before
// it is read, and a folder holds at most so many files and bytes.
import { readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { join } from 'node:path';
import { MAX_IMPORT_FILE_BYTES, type ImportProblem, type SourceFile } from '../import';
import { ioReason, ReadError, readText } from './io';

/** What a folder is read for: infrastructure definitions (a Mermaid file is imported on its own). */
const FOLDER_EXTENSIONS = /\.(ya?ml|json|tf|tfvars)$/i;
const MERMAID_EXTENSIONS = /\.(mmd|mermaid)$/i;
/** Tool state and dependencies, never definitions: `.terraform` holds downloaded modules. */
const SKIPPED_FOLDERS = new Set(['.git', '.terraform', 'node_modules', '.github']);
export const MAX_FOLDER_FILES = 20_000;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export interface ReadFiles {
  files: SourceFile[];
  /** Paths found inside folders (an unreadable one there is skipped, not fatal). */
  found: Set<string>;
  problems: ImportProblem[];
  /** A name for the design: the folder's, or the file's folder's. */
  name?: string;
}

export function readImportPaths(paths: string[]): ReadFiles {
  const out: ReadFiles = { files: [], found: new Set(), problems: [] };
  let total = 0;
  const problem = (file: string, message: string) => out.problems.push({ source: { file }, message });
  const readOne = (path: string, size: number) => {
    if (size > MAX_IMPORT_FILE_BYTES) return problem(path, `too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB)`);
    total += size;
    if (total > MAX_TOTAL_BYTES) return problem(path, `the files read pass ${MAX_TOTAL_BYTES / 1024 / 1024} MB in all: import fewer at once`);
    try {
      // Bounded whatever `size` said: a device (`/dev/zero`) or a pipe tells none.
      out.files.push({ path, text: readText(path, MAX_IMPORT_FILE_BYTES, 'a file to import') });
    } catch (e) {
      if (e instanceof ReadError) problem(path, e.reason);
      else throw e;
    }
  };
  // Folders and files by device and inode: a link to a folder being walked (to its parent) went
  // round the loop until the file limit refused the folder, naming a path of the loop repeated;
  // a link to a file read it twice. Each is read once now.
  const seen = new Set<string>();
  /** Mermaid files met in folders: not read there, but named when a folder has nothing else. */
  const mermaidInFolders: string[] = [];
  const firstTime = (st: { dev: number; ino: number }) => {
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const walk = (dir: string, depth: number) => {
    if (depth > 32) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      return problem(dir, ioReason(e));
    }
    for (const name of names) {
      const path = join(dir, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue; // a dangling link
      }
      if (!firstTime(st)) continue;
      if (st.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) walk(path, depth + 1);
      } else if (st.isFile() && MERMAID_EXTENSIONS.test(name)) {
        mermaidInFolders.push(path);
      } else if (st.isFile() && FOLDER_EXTENSIONS.test(name)) {
        if (out.files.length + out.found.size >= MAX_FOLDER_FILES) return problem(dir, `more than ${MAX_FOLDER_FILES} files: import a smaller folder`);
        out.found.add(path);
        readOne(path, st.size);
      }
    }
  };
  for (const p of paths) {
    if (p === '-') {
      try {
        out.files.push({ path: '<stdin>', text: readText('-', MAX_IMPORT_FILE_BYTES, 'a file to import') });
      } catch (e) {
        if (e instanceof ReadError) problem('<stdin>', e.reason);
        else throw e;
      }
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problem(p, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : ioReason(e));
      continue;
    }
    if (st.isDirectory()) {
      const before = out.files.length + out.problems.length;
      firstTime(st);
      mermaidInFolders.length = 0;
      walk(p, 0);
      if (out.files.length + out.problems.length === before) {
        // A folder of Mermaid files is not empty: say so, and how to read one.
        problem(p, mermaidInFolders.length > 0
          ? `no .yaml, .yml, .json, .tf or .tfvars file in it; a Mermaid file is imported on its own, by its path (${mermaidInFolders[0]}${mermaidInFolders.length > 1 ? ` and ${mermaidInFolders.length - 1} more` : ''})`
          : 'an empty folder: no .yaml, .yml, .json, .tf or .tfvars file in it');
      }
      out.name ??= basename(p.replace(/[\\/]+$/, '')) || undefined;
    } else {
      readOne(p, st.size);
      out.name ??= designName(p);
    }
  }
  return out;
}

/** `shop/compose.yaml` -> `shop`; `guestbook.yaml` -> `guestbook`. */
function designName(path: string): string | undefined {
  const file = basename(path);
  if (/^(docker-)?compose(\.[\w-]+)?\.ya?ml$|^main\.tf$|^plan\.json$/i.test(file)) {
    const dir = basename(resolve(path, '..'));
    if (dir && dir !== '.' && dir !== '..') return dir;
  }
  return file.replace(/\.(ya?ml|json|tf|mmd|mermaid)$/i, '') || undefined;
}
