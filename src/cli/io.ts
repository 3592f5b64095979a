// File reading, writing and exit handling shared by the commands. Exit codes (DESIGN section 4):
// 0 ok, 1 a gate failed (--fail-on-spof, --slo), 2 bad input or usage, or a write that failed.
// Whatever goes to the terminal is made inert (src/io/safeText.ts): a document's names cannot
// send escape sequences; a line about one element stays one line.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMermaidDiagram } from '../io/mermaidStart';
import { terminalSafe } from '../io/safeText';
import { decodeUtf8 } from '../io/utf8Text';
import { MAX_DOCUMENT_CHARS, numberText, parseTopology, type Problem, type Topology } from '../model';
import { documentOf, problemText, saidByReportCard } from '../model/problemText';
import { noClientStatement } from '../engine/scopeWarnings';

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_BAD_INPUT = 2;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_BAD_INPUT) {
    super(message);
  }
}

/**
 * The reader of the output went away (`spof analyze --json BIG | head -c 100`): the command
 * stops at its next write instead of building and writing the rest (3.7 GB of a 20,000-long
 * chain's --json). Nothing is said and the exit code is what the command decided before it
 * wrote (0, or 1 for a gate): a reader that stops reading is not an error, as for `cat`.
 */
export class ReaderGone extends Error {}

/** Lines of a human report, each made one inert line, joined and ended with a newline. */
export function textLines(lines: readonly string[]): string {
  return `${lines.map((l) => terminalSafe(l, { oneLine: true })).join('\n')}\n`;
}

/** Input files are read up to this many bytes (UTF-8 of a document of MAX_DOCUMENT_CHARS, at most 4 bytes a character, is far below). */
export const MAX_INPUT_BYTES = MAX_DOCUMENT_CHARS;

/** A file that cannot be read as text: its name and the reason, kept apart for lists of problems. */
export class ReadError extends CliError {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads a UTF-8 text file of at most `maxBytes`, in chunks: a device or a pipe that never
 * ends (`/dev/zero`) is read up to the limit and refused, never to exhaustion. `-` is standard
 * input. A named pipe is opened without waiting for a writer: one that nobody writes to
 * reads as empty at once instead of hanging (one a program is writing to is read to its end).
 */
export function readText(file: string, maxBytes: number = MAX_INPUT_BYTES, what = 'a topology'): string {
  const fail = (reason: string) => new ReadError(file, reason);
  let fd: number;
  try {
    if (file === '-') fd = 0;
    else fd = openSync(file, statSync(file).isFIFO() ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
  } catch (e) {
    throw fail(ioReason(e));
  }
  try {
    if (fstatSync(fd).isDirectory()) throw fail('is a directory');
    const chunks: Buffer[] = [];
    let size = 0;
    const chunk = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        // A pipe whose writer has said nothing yet.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      if (n === 0) break;
      size += n;
      if (size > maxBytes) throw fail(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB; ${what} is read up to that size`);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return utf8Text(file, Buffer.concat(chunks, size), what);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw fail(ioReason(e));
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** The text of a file that must be UTF-8 (src/io/utf8Text.ts says why), or its name and why not. */
function utf8Text(file: string, bytes: Buffer, what: string): string {
  const decoded = decodeUtf8(bytes, what);
  if (!decoded.ok) throw new ReadError(file, decoded.reason);
  return decoded.text;
}

/** The reason of a failed file operation in a few words (`no such file`, `a loop of symbolic links`). */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EDQUOT') return 'disk quota exceeded';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  if (code === 'ENXIO') return 'no such device (a socket or a device that is not there)';
  if (code === 'EIO') return 'input/output error';
  return terminalSafe(((e as Error).message ?? String(e)).split('\n')[0], { oneLine: true });
}

/**
 * Reads and validates a topology file, or throws a CliError of one line: the file, the first
 * error with its path and reason, and how many more (`spof validate` lists them all).
 */
export function readTopology(file: string): { topology: Topology; warnings: Problem[]; text: string } {
  const read = readTopologyFile(file);
  if (!read.ok) throw new CliError(refusalLine(file, read.errors));
  return read;
}

/** Reads and validates a topology file; a file that is not a topology gives its errors (a file that cannot be read throws). */
export function readTopologyFile(file: string):
  | { ok: true; topology: Topology; warnings: Problem[]; text: string }
  | { ok: false; errors: string[] } {
  const text = readText(file);
  const result = parseTopology(text);
  if (!result.ok) {
    // Each error names its element by label and id where the text says them (src/model/problemText.ts).
    const raw = documentOf(text);
    const other = result.errors[0]?.code === 'not-json' ? otherFormat(text) : undefined;
    const hint = other ? `; it looks like ${other}: \`spof import ${file} -o FILE.spof.json\` reads it into a topology` : '';
    return { ok: false, errors: result.errors.map((p, i) => `${problemText(raw, p)}${i === 0 ? hint : ''}`) };
  }
  return { ok: true, topology: result.topology, warnings: result.warnings, text };
}

/**
 * What a file that is not JSON looks like, when it is a format `import` reads (`analyze
 * flow.mmd`, `diff compose.yaml design.spof.json` said only "Unexpected token"). The first
 * lines are enough; a wrong guess costs a hint, never a refusal.
 */
function otherFormat(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (isMermaidDiagram(text)) return 'a Mermaid diagram';
  if (/^services\s*:/m.test(head)) return 'a Docker Compose file';
  if (/^\s*apiVersion\s*:/m.test(head) && /^\s*kind\s*:/m.test(head)) return 'Kubernetes manifests';
  if (/^\s*(resource|module|provider|terraform|variable)\b[^\n=]*\{/m.test(head)) return 'Terraform';
  return undefined;
}

/** `FILE: invalid topology: format: missing: ... (and 2 more errors; `spof validate FILE` lists them)` */
export function refusalLine(file: string, errors: readonly string[]): string {
  const more = errors.length - 1;
  const rest = more > 0 ? ` (and ${more.toLocaleString('en-US')} more error${more === 1 ? '' : 's'}; \`spof validate ${file}\` lists them)` : '';
  return terminalSafe(`${file}: invalid topology: ${errors[0] ?? 'not a topology'}${rest}`, { oneLine: true });
}

/** `validate`'s refusal, as a compiler gives it: one self-contained line per error, `FILE: path: reason`. */
export function errorLines(file: string, errors: readonly string[]): string[] {
  const lines = errors.slice(0, MAX_LISTED_PROBLEMS).map((e) => `${file}: ${e}`);
  const more = errors.length - MAX_LISTED_PROBLEMS;
  if (more > 0) lines.push(`${file}: ... and ${more.toLocaleString('en-US')} more error${more === 1 ? '' : 's'}`);
  return lines;
}

/** A file with a hundred thousand bad links is summed up after this many lines. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * Each warning naming its element by label and id (src/model/problemText.ts), as the app does.
 * `reportSaysScope`: the command's report states what the figures cover (analyze's Warnings,
 * the shared report's Notes), so "no client" is left to it rather than said twice.
 */
export function printWarnings(file: string, doc: Topology, warnings: Problem[], reportSaysScope = false): void {
  const lines = listedWarningLines(doc, warnings, reportSaysScope).map((w) => `${file}: ${w}`);
  if (lines.length) writeStderr(textLines(lines));
}

/** Past this many warnings saying the same thing, they are one line that names a few and counts the rest. */
export const SAME_WARNING_LINES = 10;
const NAMED_IN_GROUP = 5;

/**
 * The warnings as the human output lists them: `warning: ...` lines, at most MAX_LISTED_PROBLEMS
 * of them, then how many more. A warning said of more than SAME_WARNING_LINES elements is one
 * line (`warning: has no links: 10,001 elements: "s0" (components[1]), ... and 9,996 more`): 10,001
 * unconnected components gave 100 lines of the same words and hid anything else. Only the
 * lines shown are made (500,000 `requires` groups with no link printed 94 MB in 15 s).
 */
export function listedWarningLines(doc: Topology, warnings: readonly Problem[], reportSaysScope = false): string[] {
  const groups = new Map<string, Problem[]>();
  for (const w of warnings) {
    const key = `${w.code}\u0000${w.message}`;
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  const lines: string[] = [];
  let unlisted = 0;
  for (const group of groups.values()) {
    if (group.length > SAME_WARNING_LINES) {
      if (lines.length >= MAX_LISTED_PROBLEMS) {
        unlisted += group.length;
        continue;
      }
      const named = group.slice(0, NAMED_IN_GROUP).map((w) => elementOf(doc, w));
      const what = group.every((w) => w.path.startsWith('components[')) ? 'components' : 'elements';
      lines.push(`warning: ${group[0].message}: ${numberText(group.length)} ${what}: ${named.join(', ')} and ${numberText(group.length - named.length)} more`);
      continue;
    }
    for (const w of group) {
      if (lines.length >= MAX_LISTED_PROBLEMS) unlisted++;
      else lines.push(...warningLines(doc, [w], reportSaysScope).map((l) => `warning: ${l}`));
    }
  }
  if (unlisted > 0) lines.push(`warning: ... and ${numberText(unlisted)} more warning${unlisted === 1 ? '' : 's'}`);
  return lines;
}

/** `"s0" (components[1])`: the element a warning is about, by the words problemText puts before its path. */
function elementOf(doc: Topology, w: Problem): string {
  const text = problemText(doc, { ...w, message: '' });
  const at = text.lastIndexOf(`, ${w.path}`);
  return at > 0 ? `${text.slice(0, at)} (${w.path})` : w.path;
}

/**
 * The warnings as lines. "No client" is the warning the app says in a card of its own: here
 * it is said in the report's words, naming the entry points (src/engine/scopeWarnings.ts), or
 * not at all when the report says it.
 */
export function warningLines(doc: Topology, warnings: readonly Problem[], reportSaysScope = false): string[] {
  return warnings.flatMap((w) => {
    if (!saidByReportCard(w)) return [warningLine(doc, w)];
    return reportSaysScope ? [] : [noClientStatement(doc)];
  });
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

/** Bytes of text already made inert (writeJson's chunks), on stdout as they are: escaping 847 MB of `--json` again took 40% of its time. */
export function writeInertStdout(bytes: Uint8Array): void {
  if (!silent) writeBytesFully(1, bytes, 'standard output');
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

/** Writes all of `text`; a failure (a full device) is a CliError of one line, exit 2. */
// One buffer for every write that fits: a buffer per chunk of an 847 MB `--json` was 13,000
// allocations outside the heap, each pushing V8 towards another full collection.
let shared: Buffer | undefined;
const SHARED_BYTES = 1 << 20;

function writeFully(fd: number, text: string, what: string): void {
  let data: Buffer;
  if (text.length * 3 <= SHARED_BYTES) {
    shared ??= Buffer.allocUnsafe(SHARED_BYTES);
    data = shared.subarray(0, shared.write(text));
  } else data = Buffer.from(text);
  writeBytesFully(fd, data, what);
}

function writeBytesFully(fd: number, data: Uint8Array, what: string): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: give the reader a millisecond.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') throw new ReaderGone(`the reader of ${what} is gone`);
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

/**
 * `-o` naming a file the command reads, where the output is another format: `spof mermaid
 * design.spof.json -o design.spof.json` put the flowchart where the design was, and the design
 * was gone. Refused before anything is written. Compared by device and inode, so another path
 * to the same file (`./design.spof.json`, a link) is caught too.
 */
export function refuseOutputOverInput(out: string | undefined, inputs: readonly string[], output: string): void {
  if (out === undefined || out === '-') return;
  const target = statOrNone(out);
  if (!target || target instanceof Error || !target.isFile()) return;
  for (const input of inputs) {
    const st = input === '-' ? undefined : statOrNone(input);
    if (st && !(st instanceof Error) && st.dev === target.dev && st.ino === target.ino) {
      const same = input === out ? '' : ` (the same file as ${input})`;
      throw new CliError(terminalSafe(`${out}: -o names the file being read${same}: ${output} would replace it; write to another file (nothing was written)`, { oneLine: true }));
    }
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

/** Seeds are 32 bits (src/engine/random.ts reads `seed >>> 0`): a larger one was silently another. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * A number given to an option, written in decimals (`99.95`, `1e3`), or NaN. Not Number():
 * it reads "" and " " as 0 (`--seed ''` was seed 0, `--max-moves ''` no move at all) and
 * `0x10` as 16 (`--slo 0x10` was a target of 16%).
 */
export function optionNumber(text: string): number {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : NaN;
}

/**
 * `--slo 99.95` (percent, `%` allowed) as a fraction. 99.99 / 100 is 0.9998999999999999 in
 * floating point: rounding to 12 significant digits gives back the 0.9999 the user meant.
 */
export function sloFraction(text: string): number {
  const x = optionNumber(text.trim().replace(/%$/, ''));
  if (!Number.isFinite(x) || x <= 0 || x >= 100) {
    // 99.99999999999999999 is below 100 as written, but no number between it and 100 exists to hold it.
    const rounded = (x === 100 && !/^\s*\+?100(\.0*)?\s*%?\s*$/.test(text)) || (x === 0 && /[1-9]/.test(text.replace(/e.*$/i, '')));
    throw new CliError(`--slo: must be a percentage between 0 and 100, e.g. 99.95 (got "${text}"${rounded ? `, which reads as ${x}: too close to it for a number to tell apart` : ''})`);
  }
  return Number((x / 100).toPrecision(12));
}
