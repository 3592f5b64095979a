#!/usr/bin/env node
// Launcher of `npm run spof`: runs the CLI with plain Node from a bundle that esbuild
// rebuilds only when a source file is newer. tsx would cost ~1 s of startup on every
// call, more than the whole analysis of a 500-component design.
import { readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'main.ts');
const bundle = join(root, 'node_modules', '.cache', 'spof-cli', 'spof.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

if (bundleTime() < Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package-lock.json')).mtimeMs)) {
  const { build } = await import('esbuild');
  // Parallel runs (the test suite) may rebuild at once: write aside, then rename atomically.
  const temp = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // One file parses faster than zod's hundred modules (0.18 s against 0.27 s a run);
    // the heavy, rarely used ones stay in node_modules and load only when needed.
    external: ['mermaid', 'happy-dom', 'elkjs'],
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __spofRequire } from 'node:module'; const require = __spofRequire(import.meta.url);" },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'error',
  });
  renameSync(temp, bundle);
}

// main.ts reads process.argv itself.
await import(pathToFileURL(bundle).href);
