// The built app, served as users get it: `vite build` into a directory of the benchmark's
// own (dist/ belongs to the e2e run) and `vite preview` on a port of its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Overridable so that several checkouts can run their benchmarks side by side.
export const OUT_DIR = process.env.BENCH_UI_OUT ?? join(tmpdir(), 'spof-bench-ui', 'dist');
export const PORT = Number(process.env.BENCH_UI_PORT ?? 4178);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** `unminified`: for a CPU profile that names functions (the figures then differ a little). */
export function buildApp(unminified = false): void {
  const r = spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--manifest', '--logLevel', 'warn', ...(unminified ? ['--minify', 'false'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Starts `vite preview` and resolves once it answers; the returned function stops it. */
export async function startPreview(): Promise<() => void> {
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore', detached: true,
  });
  const stop = () => {
    // Its own process group (detached): npx and vite go together, nothing else.
    if (child.pid !== undefined) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(BASE_URL);
      if (r.ok) return stop;
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode} (is port ${PORT} taken?)`);
    if (Date.now() > deadline) {
      stop();
      throw new Error('vite preview did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
