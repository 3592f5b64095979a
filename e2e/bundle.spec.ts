// The initial JavaScript of the build under test (dist/, built by `npm run build` before the
// e2e suite): under issue 16's 250 KB gzip, with what the first paint does not need left to
// load on first use. Sizes of the files, not timings: the same build gives the same answer.
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFigures } from '../bench/ui/bundle';

const DIST = 'dist';
const BUDGET_GZIP = 250 * 1024;
/** Sources loaded on first use: each must stay out of the initial JavaScript. */
const ON_FIRST_USE = [
  'src/io/mermaidImport.ts', // reading a .mmd file
  'src/import/index.ts', // Compose, Kubernetes, Terraform
  'src/io/svg/index.ts', // image export
  'src/panels/report/histogramChart.ts', // the simulation's chart (uPlot)
  'src/panels/importNotes/ImportNotesPanel.tsx',
  'src/panels/documents/DraftsPanel.tsx',
  'src/panels/documents/MermaidDrawerBody.tsx',
  'src/templates/index.ts', // the Templates menu and the empty canvas's starters
];

test('the initial JavaScript is under 250 KB gzip; mermaid, elkjs, importers, exporters and drawers load on first use', () => {
  expect(existsSync(join(DIST, '.vite', 'manifest.json')), 'dist/ holds a build with its manifest: run `npm run build` first').toBe(true);
  const figures = bundleFigures(DIST);
  const eager = new Set(figures.eager.map((e) => e.file));
  const listing = figures.eager.map((e) => `${e.file} ${(e.gzip / 1024).toFixed(1)} KB`).join(', ');
  expect(figures.gzipTotal, `initial JavaScript: ${listing}`).toBeLessThan(BUDGET_GZIP);
  expect(figures.eagerHeavy).toEqual([]);
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
  for (const source of ON_FIRST_USE) {
    expect(manifest[source], `${source} is a chunk of its own`).toBeDefined();
    expect(eager.has(manifest[source].file), `${source} is not in the initial JavaScript`).toBe(false);
  }
});
