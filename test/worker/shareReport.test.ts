// The worker's report to share: the document validated and analysed again, the plan applied in the app carried through.
import { describe, expect, it } from 'vitest';
import { MAX_PICTURE_BOXES, MERMAID_MAX_EDGES } from '../../src/report/pictureBounds';
import { runShareReport } from '../../src/worker/engineApi';
import { example } from '../report/designs';

/** A client over a chain of `n` services, each placed (the editor places every node). */
function placedChain(n: number) {
  const ids = ['u', ...Array.from({ length: n }, (_, i) => `c${i}`)];
  return {
    format: 'spof-topology', version: 2, name: 'A long chain',
    components: ids.map((id, i) => ({ id, kind: i === 0 ? 'client' : 'service' })),
    links: ids.slice(1).map((to, i) => ({ from: ids[i], to })),
    view: { positions: Object.fromEntries(ids.map((id, i) => [id, { x: 0, y: i * 120 }])) },
  };
}

describe('runShareReport', () => {
  it('writes the Markdown report with its Mermaid picture, and the HTML page', () => {
    const md = runShareReport({ document: example(), format: 'markdown' });
    expect(md.ok && md.text).toMatch(/^# Three-tier web app\n/);
    expect(md.ok && md.text).toContain('```mermaid\nflowchart TB');
    const html = runShareReport({ document: example(), format: 'html' });
    expect(html.ok && html.text).toContain('<h1>Three-tier web app</h1>');
  });

  it('carries a plan the person applied', () => {
    const plan = { target: 0.9999, steps: [{ description: 'add a hot standby for DNS', availability: 0.99975, nines: 3.6 }], met: false, message: 'The target is not met.', applied: true };
    const r = runShareReport({ document: example(), format: 'markdown', plan });
    expect(r.ok && r.text).toContain('## Plan applied to reach 99.99%\n\nThe target is not met.\n\n1. add a hot standby for DNS: 99.975%');
  });

  it('refuses a document that does not parse, naming the path', () => {
    const r = runShareReport({ document: { format: 'spof-topology', version: 2, components: [{ id: 'a', kind: 'server' }] }, format: 'html' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toContain('components[0].kind');
  });

  it(`keeps the command line's bounds: past ${MAX_PICTURE_BOXES} boxes no picture and no Mermaid, one sentence instead`, () => {
    const doc = placedChain(MAX_PICTURE_BOXES);
    for (const format of ['markdown', 'html'] as const) {
      const r = runShareReport({ document: doc, format });
      const text = r.ok ? r.text : '';
      expect(text).toContain('Not drawn here: 1,001 components and failure domains joined by 1,000 links are more than a picture anyone could read');
      expect(text).toContain('Open the design in SPOF Studio to explore it.');
      expect(text).not.toContain('<svg');
      expect(text).not.toContain('data:image/svg+xml');
      expect(text).not.toContain('```mermaid');
    }
  });

  it(`past Mermaid's ${MERMAID_MAX_EDGES} edges the Markdown keeps its drawing and leaves the diagram out`, () => {
    const r = runShareReport({ document: placedChain(MERMAID_MAX_EDGES + 1), format: 'markdown' });
    const text = r.ok ? r.text : '';
    expect(text).toContain('data:image/svg+xml');
    expect(text).not.toContain('```mermaid');
    expect(text).not.toContain('Not drawn here');
  });
});
