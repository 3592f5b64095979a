// The browser benchmark (issue 9): the BUILT app (vite build + vite preview) in headless
// Chromium, driven by Playwright, measured with the Performance API in the page (long
// tasks, requestAnimationFrame, performance.now()). Prints:
//   - the initial JavaScript, gzip, and where mermaid and elkjs went (lazy chunks);
//   - opening a 1,000-component design with zones and regions by share link and by the
//     file input: first node drawn, first analysis result;
//   - edit-to-result latency (inspector availability -> new system availability) at 200
//     and 1,000 components;
//   - dragging a node and panning at 1,000 components: frame times, the longest task.
//   - opening the estate at 1,000 and 5,000 components without positions: first node, the
//     longest task, the auto-layout's time and the drawing's aspect, fit view (bench/ui/scale.ts).
// Run: `npm run bench -- ui` (add `--profile=open (by file)|open-link|unplaced1000|edit200|edit1000|drag|pan` for a CPU profile, built
// unminified so it names functions; `--only=open-link,open-file,unplaced1000,unplaced5000,edit200,edit1000,drag` to
// run some, `--only=limit-estate` or `limit-estate-tenth` for the estate at the limits (never run
// by default); `--skip-build` to reuse the last build).
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config';
import { bundleFigures } from './bundle';
import { benchDesign, type BenchDesign } from './designs';
import { startProfile, stopProfile } from './profile';
import { startTaskTrace, stopTaskTrace, type MainTask } from './tasks';
import { dragNode, editLatency, newPage, openByFile, openByLink, panCanvas, type Stats } from './scenarios';
import { openUnplaced } from './scale';
import { serializeTopology, parseTopology } from '../../src/model';
import { syntheticEstate } from '../engine/estate';
import { estateAtLimits } from '../limits/documents';
import { buildApp, OUT_DIR, startPreview } from './server';

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v: number) => `${Math.round(v)} ms`;
const st = (s: Stats) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${s.n})`;

/** The service whose availability the edit benchmark changes: a pool in region 1. */
const EDITED = 'r1-s2';
/** Main-thread tasks at least this long (wall) are listed with the other threads' work beside them. */
const LONG_TASK_MS = 100;

export async function runUiBench(args: string[] = [], log: (line: string) => void = console.log): Promise<void> {
  const profile = args.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const wanted = (scenario: string) => !only || only.includes(scenario);
  if (!args.includes('--skip-build')) buildApp(profile !== undefined);
  const b = bundleFigures(OUT_DIR);
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  log(`ui: machine ${cpus().length} cores, Node ${process.versions.node}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${new Date().toISOString()}, commit ${commit}${spawnSync('git', ['diff', '--quiet', 'HEAD'], {}).status === 0 ? '' : ' with changes'}`);
  log(`ui bundle: initial JavaScript ${kb(b.gzipTotal)} gzip in ${b.eager.length} files (${b.eager.map((e) => `${e.file} ${kb(e.gzip)}`).join(', ')}); CSS ${kb(b.cssGzip)} gzip`);
  log(`ui bundle: mermaid and elkjs in the initial JavaScript: ${b.eagerHeavy.length ? b.eagerHeavy.join(', ') : 'neither'}; lazy: ${summariseLazy(b.lazyHeavy)}`);

  const designs = new Map<number, BenchDesign>();
  for (const n of [200, 1000]) designs.set(n, await benchDesign(n));
  const stop = await startPreview();
  const browser = await chromium.launch({ ...config.use?.launchOptions });
  log(`ui: ${browser.version()} headless`);
  try {
    const big = designs.get(1000)!;
    log(`ui design: ${big.components} components, ${big.topology.domains.length} domains, ${big.topology.links.length} links; share link ${kb(big.hash.length)}`);
    const withProfile = async <T>(name: string, page: import('@playwright/test').Page, run: () => Promise<T>): Promise<T> => {
      if (profile !== name) return run();
      const cdp = await startProfile(page);
      const out = await run();
      for (const line of await stopProfile(cdp, join(OUT_DIR, '..', `${name}.cpuprofile`))) log(line);
      return out;
    };

    // A scenario with the main thread's tasks traced (their CPU time beside their wall time),
    // and profiled when asked.
    const traced = async <T extends { window: { from: number; to: number } }>(name: string, page: import('@playwright/test').Page, run: () => Promise<T>) => {
      await startTaskTrace(browser, page);
      const cdp = profile === name ? await startProfile(page) : null;
      const figures = await run();
      const trace = await stopTaskTrace(browser, page);
      if (cdp) for (const line of await stopProfile(cdp, join(OUT_DIR, '..', `${name}.cpuprofile`), trace.tasks)) log(line);
      const { byWall, byCpu } = trace.longestIn(figures.window.from, figures.window.to);
      // Each long task with the threads that held the cores meanwhile (what a low-CPU task waited on).
      for (const t of trace.tasks.filter((k) => k.wallMs >= LONG_TASK_MS && k.start >= figures.window.from && k.start <= figures.window.to)) {
        const others = trace.othersDuring(t).slice(0, 6).map((b) => `${b.thread} ${ms(b.cpuMs)}`).join(', ');
        log(`  ${name}: task at ${ms(t.start - figures.window.from)}: ${ms(t.wallMs)} (CPU ${ms(t.cpuMs)}); other threads' CPU meanwhile: ${others || 'none'}`);
      }
      const task = (t: MainTask | null) => (t ? `${ms(t.wallMs)} (CPU ${ms(t.cpuMs)}) at ${ms(t.start - figures.window.from)}${t.name === 'ThreadControllerImpl::RunTask' ? '' : ` (${t.name})`}` : 'none');
      return { ...figures, cpu: `traced: the longest ${task(byWall)}, the most CPU ${task(byCpu)}; load average ${loadavg()[0].toFixed(1)}` };
    };

    // Opening, twice each way (the first also warms the server's file cache).
    for (const via of (['link', 'file'] as const).filter((v) => wanted(`open-${v}`))) {
      for (let run = 1; run <= 2; run++) {
        const page = await newPage(browser);
        const f = via === 'link' ? await traced('open-link', page, () => openByLink(page, big)) : await traced('open', page, () => openByFile(page, big));
        const from = via === 'link' ? 'from navigation start' : 'from the file input';
        log(`ui open 1000 by ${via} (run ${run}): first node ${ms(f.firstNodeMs)}, first analysis result ${ms(f.firstResultMs)} ${from}; longest task ${ms(f.longestTaskMs)}, ${f.cpu}; ${f.nodesInDom} nodes in the DOM`);
        await page.context().close();
      }
    }

    // Large designs opened without positions: the layout in the app, its shape, fit view (issue 20).
    for (const n of [1000, 5000].filter((k) => wanted(`unplaced${k}`))) {
      const parsed = parseTopology(syntheticEstate(n, 1));
      if (!parsed.ok) throw new Error(`the estate of ${n} components must be valid`);
      const page = await newPage(browser);
      const s = await traced(`unplaced${n}`, page, () => openUnplaced(page, `estate-${n}.spof.json`, serializeTopology(parsed.topology)));
      log(`ui open ${n} without positions (from the file input): first node ${ms(s.firstNodeMs)}, first analysis result ${s.firstResultMs === null ? 'none' : ms(s.firstResultMs)}; ${s.layoutAppliedMs === null ? 'auto-layout NOT applied (the app gave it up at its time limit; the rough placement stays)' : `auto-layout applied at ${ms(s.layoutAppliedMs)}`}; longest main-thread task until the layout is drawn ${ms(s.longestTaskMs)}, ${s.cpu}; the drawing ${Math.round(s.width)} x ${Math.round(s.height)} px, aspect ${(s.width / s.height).toFixed(2)}:1; fit view draws ${s.fitNodes} nodes, longest task ${ms(s.fitLongestTaskMs)}`);
      await page.context().close();
    }

    // The estate at every limit (bench/limits/documents.ts) and at a tenth, opened through the
    // file input without positions (issue 14): every task of 100 ms or more is listed above with
    // its CPU, and with --profile=limit-estate each one's functions. Only when asked: minutes each.
    for (const [name, scale] of ([['limit-estate', 1], ['limit-estate-tenth', 0.1]] as const).filter(([k]) => only?.includes(k))) {
      const page = await newPage(browser);
      const s = await traced(name, page, () => openUnplaced(page, `${name}.spof.json`, JSON.stringify(estateAtLimits(1, scale))));
      log(`ui ${name} (from the file input): first node ${ms(s.firstNodeMs)}, first analysis result ${s.firstResultMs === null ? 'none' : ms(s.firstResultMs)}; ${s.layoutAppliedMs === null ? 'auto-layout NOT applied' : `auto-layout applied at ${ms(s.layoutAppliedMs)}`}; longest task until the layout is drawn ${ms(s.longestTaskMs)}, ${s.cpu}; fit view: longest task ${ms(s.fitLongestTaskMs)}`);
      await page.context().close();
    }

    for (const n of [200, 1000].filter((k) => wanted(`edit${k}`) || (k === 1000 && wanted('drag')))) {
      const page = await newPage(browser);
      await openByLink(page, designs.get(n)!);
      if (wanted(`edit${n}`)) {
        const e = await withProfile(`edit${n}`, page, () => editLatency(page, EDITED, 7));
        log(`ui edit ${n}: availability typed -> new system availability ${st(e.stats)}; runs ${e.latencies.map(ms).join(', ')}; Enter -> edit applied and drawn (status running) ${st(e.appliedMs)}; the worker's own time ${st(e.workerMs)}; longest main-thread task ${ms(e.longestTaskMs)}`);
      }
      if (n === 1000 && wanted('drag')) {
        const d = await withProfile('drag', page, () => dragNode(page));
        log(`ui drag ${n}, the page's first drag (${d.id}, ${d.first.moves} moves): frame ${st(d.first.frames)}; longest task while dragging ${ms(d.first.longestTaskMs)}; at the drop ${ms(d.first.dropTaskMs ?? 0)}`);
        log(`ui drag ${n}, a later drag (back again): frame ${st(d.frames)}; longest task while dragging ${ms(d.longestTaskMs)}; at the drop ${ms(d.dropTaskMs ?? 0)}`);
        const p = await withProfile('pan', page, () => panCanvas(page));
        log(`ui pan ${n} (${p.moves} moves): frame ${st(p.frames)}; longest task while panning ${ms(p.longestTaskMs)}`);
      }
      await page.context().close();
    }
  } finally {
    await browser.close();
    stop();
  }
}

function summariseLazy(lazy: { file: string; library: string; gzip: number }[]): string {
  const by = new Map<string, { files: number; gzip: number }>();
  for (const l of lazy) {
    const x = by.get(l.library) ?? { files: 0, gzip: 0 };
    by.set(l.library, { files: x.files + 1, gzip: x.gzip + l.gzip });
  }
  return [...by.entries()].map(([lib, x]) => `${lib} ${kb(x.gzip)} gzip in ${x.files} file${x.files === 1 ? '' : 's'}`).join('; ') || 'none found';
}
