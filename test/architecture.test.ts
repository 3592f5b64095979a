// The pure core (model, engine, io, layout, report) runs in Node, the worker and the CLI:
// it must not import React or touch the DOM (STYLE.md, "Pure core, thin UI").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = ['src/model', 'src/engine', 'src/io', 'src/layout', 'src/report', 'src/import'];
const FORBIDDEN_IMPORTS = /from\s+['"](react|react-dom|@xyflow\/react|zustand|lucide-react|html-to-image|browser-fs-access|happy-dom)(\/[^'"]*)?['"]|import\(\s*['"](react|react-dom|happy-dom)['"]/;
const DOM_GLOBALS = /\b(document|window|localStorage|sessionStorage|navigator|HTMLElement|requestAnimationFrame)\s*[.([]/;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Comments may mention the DOM; code may not. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('layering', () => {
  const files = PURE.flatMap(sourceFiles);

  it('finds the pure modules', () => {
    expect(files.some((f) => f.startsWith('src/model'))).toBe(true);
  });

  it.each(files)('%s imports no React and touches no DOM', (file) => {
    const text = code(readFileSync(file, 'utf8'));
    // Browser-only clients of the pure core are allowed one escape: a file named *.browser.ts or client.ts.
    if (/(\.browser\.ts|client\.ts)$/.test(file)) return;
    expect(text).not.toMatch(FORBIDDEN_IMPORTS);
    expect(text).not.toMatch(DOM_GLOBALS);
    expect(file.endsWith('.tsx'), 'no JSX in the pure core').toBe(false);
  });
});
