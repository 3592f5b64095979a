// The worker's report to share: the document validated and analysed again, the plan applied in the app carried through.
import { describe, expect, it } from 'vitest';
import { runShareReport } from '../../src/worker/engineApi';
import { example } from '../report/designs';

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
});
