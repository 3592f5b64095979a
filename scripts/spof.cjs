#!/usr/bin/env node
// Launcher of `npm run spof`: runs the CLI with plain Node from one bundle (tsx would cost
// ~1 s of start-up on every call, more than a 500-component analysis). Start-up is most of
// a small analysis, so:
// - the bundle is rebuilt by esbuild only when one of its own inputs (listed by esbuild's
//   metafile at the last build), this launcher or the lockfile is newer than it;
// - right after a build the commands run once on the example design (src/cli/warmUp.ts)
//   and V8's compiled code is saved; later runs load that bytecode instead of parsing and
//   compiling every function again (30 ms of a 500-component analysis). A cache V8 rejects
//   (another Node) is made anew;
// - the npm script gives V8 a young generation of 1 MB and a larger tier-up budget: in a
//   run this short, a bigger heap and optimising compilations cost more in fresh memory
//   (each page a fault) and compiler threads than they win (npm run bench -- engine).
// CommonJS, not an ES module: Node starts an ES module entry 7 ms slower.
const {
  closeSync, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync,
} = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const root = join(__dirname, '..');
const dir = join(root, 'node_modules', '.cache', 'spof-cli');
const bundle = join(dir, 'spof.cjs');
const inputsFile = join(dir, 'spof.inputs.json');
// V8 takes a code cache only from its own version and flags, and checks no more of the
// source than its length: one file per bundle build, Node version and set of flags (so a
// profiling run does not throw away the cache of plain runs).
function codeCacheFile(builtMs) {
  const flags = fnv1a(`${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`);
  return join(dir, `spof-${Math.round(builtMs)}-${process.version}-${process.arch}-${flags}.v8cache`);
}
const sample = join(root, 'examples', 'three-tier.spof.json');
const WRAPPER_PARAMS = 'exports, require, module, __filename, __dirname, __import';

/** A short hash for a file name (node:crypto would cost 6 ms to load). */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The bundle's text and build time, read from one open file so that they belong together
 * even when a parallel run replaces the bundle meanwhile; undefined when it is missing.
 */
function readBundle() {
  let fd;
  try {
    fd = openSync(bundle, 'r');
  } catch {
    return undefined;
  }
  try {
    return { builtMs: fstatSync(fd).mtimeMs, source: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

/** Is any input of the bundle (or the lockfile, or this launcher) newer than it, or gone? */
function isStale(builtMs) {
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return ['package-lock.json', 'scripts/spof.cjs', ...inputs].some((input) => statSync(join(root, input)).mtimeMs > builtMs);
  } catch {
    return true; // no list, or an input was moved or deleted
  }
}

// Parallel runs (the test suite) may rebuild at once: write aside, then rename atomically.
function writeAtomically(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.endsWith('.v8cache')) rmSync(join(dir, name), { force: true });
  const temp = `${bundle}.${process.pid}.tmp`;
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ['src/cli/bundle.ts'],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // One file parses faster than zod's hundred modules; the heavy, rarely used ones stay
    // in node_modules and load only when needed.
    external: ['mermaid', 'happy-dom', 'elkjs', 'js-yaml', 'web-tree-sitter'],
    mainFields: ['module', 'main'],
    plugins: [lazyChildProcess],
    // The CommonJS wrapper is part of the file, so the launcher compiles it as it is read.
    banner: { js: `(function (${WRAPPER_PARAMS}) {` },
    footer: { js: '})' },
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'error',
  });
  // import() cannot run inside a vm.Script without an experimental flag: the bundle's lazy
  // imports (mermaid and happy-dom, for Mermaid import) call the launcher's import() instead.
  const code = readFileSync(temp, 'utf8');
  const lazy = code.replace(/\bimport\((?=["'])/g, '__import(');
  if (/\bimport\(/.test(lazy)) throw new Error('spof launcher: the CLI bundle has an import() of a computed name');
  writeFileSync(temp, lazy);
  // Files of the project only: node_modules changes with the lockfile; plugin modules are `namespace:path`.
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/') && !p.includes(':'));
  writeAtomically(inputsFile, JSON.stringify(inputs));
  renameSync(temp, bundle);
}

/**
 * commander requires node:child_process at load, for executable subcommands we do not have;
 * loading it (and net, stream, dgram under it) costs 7 ms a run. Load it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.namespace === 'lazy' ? { path: 'node:child_process', external: true } : { path: 'child_process', namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/** Compiles and runs the bundle as CommonJS, with V8's cached code when there is some. */
function load(source, cachedData) {
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  // The launcher's own require resolves from the same node_modules (and skips node:module, 2 ms).
  script.runInThisContext()(module.exports, require, module, bundle, dir, (specifier) => import(specifier));
  return { cli: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

async function saveCodeCache(cli, script, file) {
  await cli.warmUp(sample);
  try {
    writeAtomically(file, script.createCachedData());
  } catch {
    // A read-only checkout still runs, only without the cache.
  }
}

function readCodeCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

async function main() {
  let current = readBundle();
  const rebuild = current === undefined || isStale(current.builtMs);
  if (rebuild) {
    await build();
    current = readBundle();
  }
  const cacheFile = codeCacheFile(current.builtMs);
  const { cli, script, cached } = load(current.source, rebuild ? undefined : readCodeCache(cacheFile));
  if (!cached) await saveCodeCache(cli, script, cacheFile);
  process.exitCode = await cli.runCli(process.argv.slice(2));
}

main().catch((e) => {
  process.stderr.write(`spof: internal error: ${e?.stack ?? e}\n`);
  process.exitCode = 70;
});
