// The initial JavaScript: what index.html loads before the app can run (its module scripts
// and modulepreloads, with their static imports from the build manifest), gzip-compressed
// as a server would send it. Mermaid and elkjs must not be in it: they load when used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; css?: string[] }

export interface BundleFigures {
  /** Eager JavaScript files with raw and gzip bytes. */
  eager: { file: string; bytes: number; gzip: number }[];
  gzipTotal: number;
  cssGzip: number;
  /** Lazy files of mermaid (its core and what that imports) and elkjs (the layout worker). */
  lazyHeavy: { file: string; library: string; gzip: number }[];
  /** Libraries found in the eager files (should be empty). */
  eagerHeavy: string[];
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
/** Only elkjs's code holds this (its Java package names); our own code never does. */
const ELK_SIGNATURE = /org\.eclipse\.elk/;
const MERMAID_ENTRY = 'node_modules/mermaid/dist/mermaid.core.mjs';

export function bundleFigures(outDir: string): BundleFigures {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  /** A chunk and everything it imports statically: what loading it loads. */
  const closure = (files: string[]): Set<string> => {
    const out = new Set<string>();
    const visit = (file: string) => {
      if (out.has(file)) return;
      out.add(file);
      for (const k of byFile.get(file)?.imports ?? []) visit(manifest[k].file);
    };
    files.forEach(visit);
    return out;
  };
  const referenced = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const eagerFiles = closure(referenced);
  const size = (file: string) => {
    const b = readFileSync(join(outDir, file));
    return { file, bytes: b.length, gzip: gz(b) };
  };
  const eager = [...eagerFiles].map(size);
  const cssFiles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/?([^"]+\.css)"/g)].map((m) => m[1]);
  const cssGzip = cssFiles.reduce((s, f) => s + gz(readFileSync(join(outDir, f))), 0);
  const eagerHeavy: string[] = [];
  const lazyHeavy: BundleFigures['lazyHeavy'] = [];
  // Mermaid: its core chunk must not be eager; the chunks it imports that the page has
  // not loaded yet are what its dynamic import costs.
  const mermaid = manifest[MERMAID_ENTRY] ? closure([manifest[MERMAID_ENTRY].file]) : new Set<string>();
  if (manifest[MERMAID_ENTRY] && eagerFiles.has(manifest[MERMAID_ENTRY].file)) eagerHeavy.push('mermaid');
  for (const f of mermaid) if (!eagerFiles.has(f)) lazyHeavy.push({ ...size(f), library: 'mermaid' });
  // elkjs: in a worker bundle (an asset the manifest does not list as a chunk).
  for (const file of new Set([...byFile.keys(), ...workerFiles(outDir, byFile)])) {
    if (!file.endsWith('.js') || !ELK_SIGNATURE.test(readFileSync(join(outDir, file), 'utf8'))) continue;
    if (eagerFiles.has(file)) eagerHeavy.push('elkjs');
    else lazyHeavy.push({ ...size(file), library: 'elkjs' });
  }
  return { eager, gzipTotal: eager.reduce((s, e) => s + e.gzip, 0), cssGzip, lazyHeavy, eagerHeavy };
}

/** Worker bundles are emitted as assets, not manifest chunks: find them by name in the chunks that start them. */
function workerFiles(outDir: string, byFile: Map<string, ManifestChunk>): string[] {
  const out = new Set<string>();
  for (const file of byFile.keys()) {
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(outDir, file), 'utf8');
    for (const m of text.matchAll(/assets\/[\w.-]+\.js/g)) out.add(m[0]);
  }
  return [...out];
}
