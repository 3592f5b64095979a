// `npm run bench -- limits-mermaid` (issue 14): `spof import` of Mermaid files at each of its
// limits (src/io/mermaidParse.ts): 10,000 labelled nodes with 12,000 edges, in 1,000 subgraphs,
// 2,000,000 characters, long lines near MAX_LINE_WORK, 5,640 nodes on one line, subgraphs 32
// deep, an architecture-beta diagram of 10,000 services; and past them, refused before mermaid
// loads. Each run as a user starts it (bench.ts's `timed`): CPU seconds is the figure to read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { timed } from './bench';

const KINDS = ['api', 'db', 'cache', 'queue', 'web', 'worker', 'lb', 'dns'];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const chainEdges = (n: number) => range(n - 1).map((i) => `  n${i} --> n${i + 1}`);
/** 2,001 edges across the chain, spread by two primes, so that 9,999 + 2,001 = 12,000 edges. */
const crossEdges = (arrow: (i: number) => string) => range(2001).map((i) => `  n${(i * 7919) % 10_000} ${arrow(i)} n${(i * 104_729 + 13) % 10_000}`);

export const MERMAID_LIMIT_FILES: Record<string, () => string> = {
  'labelled 10,000 nodes, 12,000 edges': () => ['flowchart LR', ...range(10_000).map((i) => `  n${i}["${KINDS[i % 8]} service ${i}"]`), ...chainEdges(10_000), ...crossEdges((i) => `-.->|calls ${i}|`)].join('\n'),
  '1,000 subgraphs of 10, 12,000 edges': () => ['flowchart TB', ...range(1000).flatMap((g) => [`  subgraph g${g}["zone ${g}"]`, ...range(10).map((k) => `    n${g * 10 + k}["${KINDS[k % 8]} ${g}-${k}"]`), '  end']), ...chainEdges(10_000), ...crossEdges(() => '-.->')].join('\n'),
  '2,000,000 characters (10,000 long labels)': () => {
    const words = 'handles the orders of every customer in the region and writes them to the ledger '.repeat(2).slice(0, 150);
    const text = ['flowchart LR', ...range(10_000).map((i) => `  n${i}["${KINDS[i % 8]} ${i} ${words}"]`), ...chainEdges(10_000)].join('\n');
    return `${text}\n${'%% '.padEnd(999, 'x')}\n`.padEnd(1_990_000, `${'%% '.padEnd(999, 'x')}\n`);
  },
  'long lines: 500 of 20 chained labelled nodes (line work 1.9e9)': () => ['flowchart LR', ...range(500).map((l) => range(20).map((k) => `n${l * 20 + k}["${KINDS[k % 8]} service number ${l * 20 + k} ${'x'.repeat(59)}"]`).join(' --> '))].join('\n'),
  'one line of 5,640 chained nodes (44,000 characters)': () => `flowchart LR\n${range(5640).map((i) => `n${i}`).join('-->')}\n`,
  'subgraphs 32 deep, 200 nodes at each level': () => ['flowchart TB', ...range(32).flatMap((d) => [`subgraph s${d}["level ${d}"]`, ...range(100).map((k) => `  a${d}_${k}["app ${d}-${k}"] --> b${d}_${k}[(db ${d}-${k})]`)]), ...range(32).map(() => 'end')].join('\n'),
  'architecture-beta: 10,000 services in 100 groups, 12,000 edges': () => ['architecture-beta', ...range(100).map((g) => `  group g${g}(cloud)[Zone ${g}]`), ...range(10_000).map((i) => `  service n${i}(server)[Service ${i}] in g${Math.floor(i / 100)}`),
    ...range(9999).map((i) => `  n${i}:R --> L:n${i + 1}`), ...range(2001).map((i) => [(i * 7919) % 10_000, (i * 104_729 + 13) % 10_000]).filter(([a, b]) => a !== b).map(([a, b]) => `  n${a}:B --> T:n${b}`)].join('\n'),
  'past a limit: 5,000 subgraphs nested': () => ['flowchart TB', ...range(5000).flatMap((d) => [`subgraph s${d}["level ${d}"]`, `  a${d}["app ${d}"] --> b${d}[(db ${d})]`]), ...range(5000).map(() => 'end')].join('\n'),
  'past a limit: 500,000 empty lines': () => `flowchart LR\n  a --> b\n${'\n'.repeat(500_000)}  c\n`,
};

export function runMermaidLimitsBench(skip: RegExp | undefined = undefined, log = console.log): void {
  const dir = mkdtempSync(join(tmpdir(), 'spof-limits-mermaid-'));
  log(`spof import of Mermaid files at its limits (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the start)`);
  log('file | characters | exit | wall s | CPU s | peak MB | note');
  for (const [name, make] of Object.entries(MERMAID_LIMIT_FILES)) {
    if (skip?.test(name)) continue;
    const file = join(dir, 'diagram.mmd');
    const text = make();
    writeFileSync(file, text);
    const r = timed(['import', file, '-o', join(dir, 'out.spof.json')], dir);
    log(`${name} | ${text.length.toLocaleString('en')} | ${r.exit} | ${r.wallS.toFixed(2)} | ${r.cpuS.toFixed(2)} | ${r.peakMB.toFixed(0)} | ${r.note}`);
  }
  log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}
