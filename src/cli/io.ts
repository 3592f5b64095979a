// File reading, writing and exit handling shared by the commands. Exit codes (DESIGN section 4):
// 0 ok, 1 a gate failed (--fail-on-spof, --slo), 2 bad input or usage, or a write that failed.
// Whatever goes to the terminal is made inert (src/io/safeText.ts): a document's names cannot
// send escape sequences; a line about one element stays one line.
import { closeSync, fstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { terminalSafe } from '../io/safeText';
import { MAX_DOCUMENT_CHARS, parseTopology, type Problem, type Topology } from '../model';
import { documentOf, problemText } from '../model/problemText';

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_BAD_INPUT = 2;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_BAD_INPUT) {
    super(message);
  }
}

/** Lines of a human report, each made one inert line, joined and ended with a newline. */
export function textLines(lines: readonly string[]): string {
  return `${lines.map((l) => terminalSafe(l, { oneLine: true })).join('\n')}\n`;
}

/** Input files are read up to this many bytes (UTF-8 of a document of MAX_DOCUMENT_CHARS, at most 4 bytes a character, is far below). */
export const MAX_INPUT_BYTES = MAX_DOCUMENT_CHARS;

/**
 * Reads a text file of at most `maxBytes`, in chunks: a device or a pipe that never ends
 * (`/dev/zero`) is read up to the limit and refused, never to exhaustion.
 */
export function readText(file: string, maxBytes: number = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new CliError(`${terminalSafe(file)}: ${ioReason(e)}`);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new CliError(`${terminalSafe(file)}: is a directory`);
    const chunks: Buffer[] = [];
    let size = 0;
    const chunk = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      size += n;
      if (size > maxBytes) throw new CliError(`${terminalSafe(file)}: larger than ${Math.round(maxBytes / 1024 / 1024)} MB; a topology is read up to that size`);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, size).toString('utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${terminalSafe(file)}: ${ioReason(e)}`);
  } finally {
    closeSync(fd);
  }
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EDQUOT') return 'disk quota exceeded';
  if (code === 'EROFS') return 'read-only file system';
  return terminalSafe(((e as Error).message ?? String(e)).split('\n')[0], { oneLine: true });
}

/** Reads and validates a topology file, or throws a CliError listing every problem with its path. */
export function readTopology(file: string): { topology: Topology; warnings: Problem[]; text: string } {
  const text = readText(file);
  const result = parseTopology(text);
  if (!result.ok) {
    const shown = result.errors.slice(0, MAX_LISTED_PROBLEMS);
    const raw = documentOf(text);
    const lines = shown.map((p) => `  ${terminalSafe(problemText(raw, p), { oneLine: true })}`);
    if (result.errors.length > shown.length) lines.push(`  ... and ${result.errors.length - shown.length} more`);
    throw new CliError(`${terminalSafe(file, { oneLine: true })}: invalid topology (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n${lines.join('\n')}`);
  }
  return { topology: result.topology, warnings: result.warnings, text };
}

/** A file with a hundred thousand bad links is summed up after this many lines. */
const MAX_LISTED_PROBLEMS = 100;

/** Each warning naming its element by label and id (src/model/problemText.ts), as the app does. */
export function printWarnings(file: string, doc: Topology, warnings: Problem[]): void {
  const shown = warnings.slice(0, MAX_LISTED_PROBLEMS);
  const lines = shown.map((w) => `${file}: warning: ${warningLine(doc, w)}`);
  if (warnings.length > shown.length) lines.push(`${file}: ... and ${warnings.length - shown.length} more warnings`);
  if (lines.length) writeStderr(textLines(lines));
}

/** `"Standby DB" (db-2), components[6].role: this standby stands behind nothing: ... (fix: link db to db-2 by replication; or make db-2 a replica)` */
export function warningLine(doc: Topology, w: Problem): string {
  const fixes = w.fixes?.map((f) => f.label) ?? [];
  return `${problemText(doc, w)}${fixes.length ? ` (fix: ${fixes.join('; or ')})` : ''}`;
}

// Output goes to the file descriptors directly: the first use of process.stdout loads
// Node's stream machinery, about 15 ms of a run, more than analysing 100 components.
let silent = false;

export function writeStdout(text: string): void {
  if (!silent) writeFully(1, terminalSafe(text), 'standard output');
}

/**
 * A line of a human report or message longer than this is cut, saying how much was left out:
 * a 5-million-character id printed whole in every line that names it flooded the terminal.
 * Machine output (--json, SARIF, files) is never cut.
 */
export const MAX_HUMAN_LINE = 2000;

export function cutLongLines(text: string): string {
  if (text.length <= MAX_HUMAN_LINE) return text;
  return text.split('\n').map((line) => (line.length <= MAX_HUMAN_LINE ? line
    : `${line.slice(0, MAX_HUMAN_LINE)}... (${(line.length - MAX_HUMAN_LINE).toLocaleString('en-US')} more characters)`)).join('\n');
}

/** A human report on stdout: escaped, and its overlong lines cut. */
export function writeHumanStdout(text: string): void {
  writeStdout(cutLongLines(text));
}

export function writeStderr(text: string): void {
  if (silent) return;
  try {
    writeFully(2, terminalSafe(cutLongLines(text)), 'standard error');
  } catch {
    // Nowhere left to say it.
  }
}

/** Runs `fn` with all output discarded (the launcher's warm-up). */
export async function withoutOutput<T>(fn: () => Promise<T>): Promise<T> {
  silent = true;
  try {
    return await fn();
  } finally {
    silent = false;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text`; a failure (a full device) is a CliError of one line, exit 2. */
function writeFully(fd: number, text: string, what: string): void {
  const data = Buffer.from(text);
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: give the reader a millisecond.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      // The reader is gone (`spof analyze ... | head`): nothing more to say.
      else if (code === 'EPIPE') return;
      else throw new CliError(`cannot write to ${what}: ${ioReason(e)}`);
    }
  }
}

/**
 * Writes a file, or stdout when `out` is undefined or '-'. A file is written beside its final
 * place and renamed over it, so that on any failure (a full disk) the original stays whole.
 */
export function writeOutput(out: string | undefined, text: string): void {
  if (out === undefined || out === '-') {
    writeStdout(text);
    return;
  }
  writeFileAtomically(out, text);
}

/**
 * Writes beside the target, then renames over it: a reader (or a crash, or a full disk)
 * never sees half a file, and a failed write leaves what was there untouched. A link is
 * followed (the file it names is replaced, the link stays, the file keeps its mode); a
 * device, a pipe or a socket is written in place (renaming over `/dev/null` would put a
 * plain file where the device was).
 */
export function writeFileAtomically(out: string, text: string): void {
  const fail = (e: unknown) => new CliError(`${terminalSafe(out, { oneLine: true })}: cannot write (${ioReason(e)}); nothing was written`);
  const existing = statOrNone(out);
  if (existing instanceof Error) throw fail(existing);
  if (existing && !existing.isFile()) {
    writeInPlace(out, text);
    return;
  }
  let target = out;
  try {
    if (existing) target = realpathSync(out);
  } catch (e) {
    throw fail(e);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(temp, 'wx', existing ? existing.mode & 0o777 : 0o644);
    created = true;
    const data = Buffer.from(text);
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (created) rmSync(temp, { force: true });
    throw fail(e);
  }
}

/** What is at `path`, following links: undefined when nothing is; the error when it cannot be told. */
function statOrNone(path: string): Stats | undefined | Error {
  try {
    return statSync(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (e as Error);
  }
}

/** Whether `-o path` writes into what is there (a device, a pipe, a socket) rather than replacing a file. */
export function writesInPlace(path: string): boolean {
  const existing = statOrNone(path);
  return existing !== undefined && !(existing instanceof Error) && !existing.isFile();
}

function writeInPlace(out: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(out, 'w');
  } catch (e) {
    throw new CliError(`${terminalSafe(out, { oneLine: true })}: cannot write (${ioReason(e)})`);
  }
  try {
    writeFully(fd, text, terminalSafe(out, { oneLine: true }));
  } finally {
    closeSync(fd);
  }
}

/**
 * `--slo 99.95` (percent, `%` allowed) as a fraction. 99.99 / 100 is 0.9998999999999999 in
 * floating point: rounding to 12 significant digits gives back the 0.9999 the user meant.
 */
export function sloFraction(text: string): number {
  const x = Number(text.trim().replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(x) || x <= 0 || x >= 100) {
    throw new CliError(`--slo: must be a percentage between 0 and 100, e.g. 99.95 (got "${text}")`);
  }
  return Number((x / 100).toPrecision(12));
}
