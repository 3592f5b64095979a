// `npm run bench -- limits` (issue 14): every command of the CLI on the documents at every
// limit at once (bench/limits/documents.ts), each run timed by /usr/bin/time -v as a user
// starts it (the npm script's Node flags): wall seconds, CPU seconds, peak memory, exit code
// and output size. A run past 10 s or a few GB is a limit set too high or a defect.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMIT_DOCUMENTS } from './documents';

const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.spof;
const nodeArgs = script.trim().split(/\s+/).slice(1);

export interface LimitRow { document: string; command: string; exit: number | null; wallS: number; cpuS: number; peakMB: number; outMB: number; note: string }

function commands(file: string, dir: string): [string, string[]][] {
  return [
    ['validate', ['validate', file]],
    ['analyze', ['analyze', file]],
    ['analyze --json', ['analyze', file, '--json']],
    ['analyze --format sarif', ['analyze', file, '--format', 'sarif']],
    ['analyze --format html', ['analyze', file, '--format', 'html']],
    ['plan --slo 99.99 --json', ['plan', file, '--slo', '99.99', '--json']],
    ['simulate', ['simulate', file]],
    ['simulate --json', ['simulate', file, '--json']],
    ['diff', ['diff', file, file]],
    ['mermaid', ['mermaid', file, '-o', join(dir, 'out.mmd')]],
    ['mermaid --diagram architecture', ['mermaid', file, '--diagram', 'architecture']],
    ['import (the mermaid export)', ['import', join(dir, 'out.mmd'), '-o', join(dir, 'back.spof.json')]],
  ];
}

/** One run under /usr/bin/time -v; stdout goes to a file (its size is reported). */
export function timed(args: string[], dir: string): Omit<LimitRow, 'document' | 'command'> {
  const out = join(dir, 'stdout');
  // A run still going after two minutes is killed (exit 137), so one bad case does not stop the rest.
  const r = spawnSync('bash', ['-c', '/usr/bin/time -v timeout -s KILL 120 "$@" > "$OUT"', 'timed', process.execPath, ...nodeArgs, ...args], {
    encoding: 'utf8', env: { ...process.env, OUT: out }, maxBuffer: 1 << 28,
  });
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.:]+)`).exec(r.stderr)?.[1]?.split(':').reduce((a, x) => a * 60 + Number(x), 0) ?? NaN);
  const spof = r.stderr.split('\n').filter((l) => l !== '' && !/^\t|^\s*Command being timed|^Command exited/.test(l));
  return {
    exit: Number(/Exit status: (\d+)/.exec(r.stderr)?.[1] ?? NaN),
    wallS: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
    cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    peakMB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    outMB: statSync(out).size / 1e6,
    note: (spof.find((l) => /^spof:|years simulated/.test(l)) ?? spof[0] ?? '').slice(0, 160),
  };
}

export function runLimitsBench(only: string[] = [], log = console.log): LimitRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'spof-limits-'));
  const rows: LimitRow[] = [];
  log(`Every command on documents at every limit (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the start)`);
  log('document | command | exit | wall s | CPU s | peak MB | stdout MB | note');
  for (const [name, make] of Object.entries(LIMIT_DOCUMENTS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const file = join(dir, `${name}.spof.json`);
    const text = JSON.stringify(make());
    writeFileSync(file, text);
    log(`${name}: ${(text.length / 1e6).toFixed(1)} MB`);
    for (const [command, args] of commands(file, dir)) {
      const row = { document: name, command, ...timed(args, dir) };
      rows.push(row);
      log(`${name} | ${command} | ${row.exit} | ${row.wallS.toFixed(2)} | ${row.cpuS.toFixed(2)} | ${row.peakMB.toFixed(0)} | ${row.outMB.toFixed(1)} | ${row.note}`);
    }
  }
  log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  return rows;
}
