// Files dropped on the page, folders included: a dropped folder of manifests or Terraform is
// read recursively (the browser's FileSystemEntry API), each file named by its path in it
// (`k8s/frontend.yaml`), so that the import notes point at it.
import type { OpenableFile } from './documents';

/** What a folder is read for; tool state and dependencies are never definitions. */
const FOLDER_FILES = /\.(ya?ml|json|tf|tfvars)$/i;
const SKIPPED_FOLDERS = new Set(['.git', '.terraform', 'node_modules', '.github']);
const MAX_DEPTH = 16;
const MAX_FILES = 5000;

/** Must be called in the drop event itself: the entries are readable only then; their contents later. */
export function droppedFiles(dt: DataTransfer): Promise<OpenableFile[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.some((e) => e.isDirectory)) return Promise.resolve([...dt.files]);
  return readEntries(entries);
}

async function readEntries(entries: FileSystemEntry[]): Promise<OpenableFile[]> {
  const out: OpenableFile[] = [];
  const walk = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (out.length >= MAX_FILES) return;
    if (entry.isFile) {
      if (depth > 0 && !FOLDER_FILES.test(entry.name)) return;
      const fileEntry = entry as FileSystemFileEntry;
      out.push({ name: entry.fullPath.replace(/^\/+/, ''), arrayBuffer: () => new Promise<File>((ok, fail) => fileEntry.file(ok, fail)).then((f) => f.arrayBuffer()) });
      return;
    }
    if (depth > MAX_DEPTH || SKIPPED_FOLDERS.has(entry.name)) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns the folder in batches until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const e of batch) await walk(e, depth + 1);
    }
  };
  for (const e of entries) await walk(e, 0);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
