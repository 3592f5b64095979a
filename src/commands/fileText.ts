// The bytes-to-text step of every file the app opens (picked, dropped, found in a dropped
// folder): strict UTF-8, as the CLI reads (src/io/utf8Text.ts). A file that is not UTF-8 is
// refused with its name and the place of the first bad byte, never read with replacement
// characters that a save would write back.
import { decodeUtf8 } from '../io/utf8Text';
import type { OpenableFile } from './documents';

export type FileTexts = { ok: true; texts: { name: string; text: string }[] } | { ok: false; reasons: string[] };

/** At most this many unreadable files are named (a dropped folder may hold thousands). */
const MAX_REASONS = 20;

/** The text of each file, or, when any cannot be read as UTF-8, why, one line per file naming it. */
export async function fileTexts(files: readonly OpenableFile[]): Promise<FileTexts> {
  const texts: { name: string; text: string }[] = [];
  const reasons: string[] = [];
  let unread = 0;
  for (const file of files) {
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      if (++unread <= MAX_REASONS) reasons.push(`${file.name}: cannot be read: ${(e as Error).message}`);
      continue;
    }
    const decoded = decodeUtf8(new Uint8Array(bytes), 'a file to open');
    if (decoded.ok) texts.push({ name: file.name, text: decoded.text });
    else if (++unread <= MAX_REASONS) reasons.push(`${file.name}: ${decoded.reason}`);
  }
  if (unread > MAX_REASONS) reasons.push(`and ${unread - MAX_REASONS} more files that cannot be read`);
  return unread > 0 ? { ok: false, reasons } : { ok: true, texts };
}
