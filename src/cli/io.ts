// File reading and exit handling shared by the commands. Exit codes (DESIGN section 4):
// 0 ok, 1 a gate failed (--fail-on-spof, --slo), 2 bad input or usage.
import { readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { formatProblem, parseTopology, type Problem, type Topology } from '../model';

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_BAD_INPUT = 2;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_BAD_INPUT) {
    super(message);
  }
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
}

/** Reads and validates a topology file, or throws a CliError listing every problem with its path. */
export function readTopology(file: string): { topology: Topology; warnings: Problem[]; text: string } {
  const text = readText(file);
  const result = parseTopology(text);
  if (!result.ok) {
    const lines = result.errors.map((p) => `  ${formatProblem(p)}`);
    throw new CliError(`${file}: invalid topology (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n${lines.join('\n')}`);
  }
  return { topology: result.topology, warnings: result.warnings, text };
}

export function printWarnings(file: string, warnings: Problem[]): void {
  for (const w of warnings) writeStderr(`${file}: warning: ${warningLine(w)}\n`);
}

/** `components[6].role: standby "db-2" stands behind nothing: ... (fix: link db to db-2 by replication; or make db-2 a replica)` */
export function warningLine(w: Problem): string {
  const fixes = w.fixes?.map((f) => f.label) ?? [];
  return `${formatProblem(w)}${fixes.length ? ` (fix: ${fixes.join('; or ')})` : ''}`;
}

// Output goes to the file descriptors directly: the first use of process.stdout loads
// Node's stream machinery, about 15 ms of a run, more than analysing 100 components.
let silent = false;

export function writeStdout(text: string): void {
  if (!silent) writeFully(1, text);
}

export function writeStderr(text: string): void {
  if (!silent) writeFully(2, text);
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

function writeFully(fd: number, text: string): void {
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
      else throw e;
    }
  }
}

/** Writes a file, or stdout when `out` is undefined or '-'. */
export function writeOutput(out: string | undefined, text: string): void {
  if (out === undefined || out === '-') {
    writeStdout(text);
    return;
  }
  writeFileAtomically(out, text);
}

/**
 * Writes beside the target, then renames over it: a reader (or a crash, or a full disk)
 * never sees half a file, and a failed write leaves what was there untouched.
 */
export function writeFileAtomically(out: string, text: string): void {
  const temp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, out);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new CliError(`${out}: cannot write (${(e as Error).message})`);
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
