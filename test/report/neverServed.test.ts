// A design where something never works (minHealthy above replicas, a `requires` above its
// group) is down with nothing failed: "No single point of failure" beside 0% read as good news.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { neverServedSentence } from '../../src/report/format';
import { shareReport } from '../../src/cli/shareReport';
import { humanReport } from '../../src/cli/analyze';
import { doc } from '../insight/helpers';

const broken = doc({
  components: [{ id: 'u', kind: 'client', label: 'Shoppers' }, { id: 'api', kind: 'service', label: 'API', replicas: 3, minHealthy: 4 }],
  links: [{ from: 'u', to: 'api' }],
});

describe('a client never served with nothing failed', () => {
  it('is said under "No single point of failure", naming what never works', () => {
    const r = analyze(broken);
    expect(r.spofs).toEqual([]);
    expect(neverServedSentence(r, broken)).toBe('Nothing has to fail: "Shoppers" is never served, because "API" never works (fewer instances or targets than required).');
    const text = humanReport(broken, r);
    expect(text).toContain('No single point of failure\n  Nothing has to fail: "Shoppers" is never served');
  });

  it('names a requires above its group too, and says it in the shared report', async () => {
    const t = doc({
      components: [{ id: 'u', kind: 'client' }, { id: 'app', kind: 'app', requires: { db: { min: 2 } } }, { id: 'db1', kind: 'database' }],
      links: [{ from: 'u', to: 'app' }, { from: 'app', to: 'db1', group: 'db' }],
    });
    const r = analyze(t);
    expect(neverServedSentence(r, t)).toContain('because "app" never works');
    const md = await shareReport('markdown', t, r, { withPlan: false });
    expect(md).toContain('## No single point of failure\n\nNothing has to fail: "u" is never served');
  });

  it('is silent on a design whose clients are served, and on a Monte Carlo estimate', () => {
    const ok = doc({ components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', replicas: 2 }], links: [{ from: 'u', to: 'a' }] });
    expect(neverServedSentence(analyze(ok), ok)).toBe('');
    expect(neverServedSentence({ method: 'monte-carlo', clients: [{ id: 'u', label: 'u', availability: 0 }] }, ok)).toBe('');
    expect(humanReport(ok, analyze(ok))).toContain('No single point of failure\n');
    expect(humanReport(ok, analyze(ok))).not.toContain('Nothing has to fail');
  });
});
