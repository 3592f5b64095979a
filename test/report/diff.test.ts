// `spof diff`: pairs of designs as a pull request would change them; matched by id.
import { describe, expect, it } from 'vitest';
import { analyseDesign, type AnalysedDesign } from '../../src/report/analysisJson';
import { diffDesigns, isLower } from '../../src/report/diff';
import { diffMarkdown, diffText } from '../../src/report/diffRender';
import { example, renamed, withClient, withoutStandbyLb } from './designs';

const analysed = analyseDesign;

describe('diff of two designs', () => {
  it('an improvement: the SPOF removed, availability up, its finding resolved, no regression', () => {
    const d = diffDesigns(analysed(withoutStandbyLb()), analysed(example()));
    expect(d.spofs.added).toEqual([]);
    expect(d.spofs.removed.map((s) => s.id)).toEqual(['lb1']);
    expect(d.system.after!.availability).toBeGreaterThan(d.system.before!.availability);
    expect(d.findings.removed.map((f) => f.code)).toContain('spof-loadbalancer');
    expect(d.findings.added).toEqual([]);
    expect(d.stage.after.level).toBeGreaterThan(d.stage.before.level);
    expect(d.structure.added.map((e) => e.id).sort()).toEqual(['dns->lb2', 'lb2', 'lb2->app']);
    expect(d.regression).toEqual({ regressed: false, reasons: [] });
  });

  it('a regression: the new SPOF and the lower availability are both reasons', () => {
    const d = diffDesigns(analysed(example()), analysed(withoutStandbyLb()));
    expect(d.spofs.added.map((s) => s.id)).toEqual(['lb1']);
    expect(d.regression.regressed).toBe(true);
    expect(d.regression.reasons).toEqual(['1 new single point of failure: lb1', 'lower system availability']);
    expect(d.findings.added.map((f) => [f.code, f.ids])).toEqual([['spof-loadbalancer', ['lb1']]]);
    expect(d.pairs.removed.map((p) => p.ids)).toContainEqual(['lb1', 'lb2']);
  });

  it('renamed labels are no change of structure: same SPOFs, pairs, findings and figures', () => {
    const [before, after] = [analysed(example()), analysed(renamed())];
    // The findings' words did change (they name labels): the match is by code and elements.
    expect(after.analysis.findings.map((f) => f.message)).not.toEqual(before.analysis.findings.map((f) => f.message));
    const d = diffDesigns(before, after);
    expect(d.spofs).toMatchObject({ added: [], removed: [] });
    expect(d.pairs).toMatchObject({ added: [], removed: [] });
    expect(d.findings).toMatchObject({ added: [], removed: [], unchanged: before.analysis.findings.length });
    expect(d.system.after!.availability).toBe(d.system.before!.availability);
    expect(d.structure.added).toEqual([]);
    expect(d.structure.removed).toEqual([]);
    expect(d.structure.changed).toEqual([]);
    expect(d.structure.renamed.map((r) => r.id)).toEqual(expect.arrayContaining(['app', 'db', 'aws', 'use1a', 'users->dns']));
    expect(d.structure.renamed.find((r) => r.id === 'app')).toEqual({ id: 'app', type: 'component', before: 'App', after: 'Renamed App' });
    expect(d.regression.regressed).toBe(false);
    expect(diffText(d)).toContain('No regression: no new single point of failure; system availability 99.963% → 99.963% (no change).');
  });

  it('an added client that reaches the data by one path: its new SPOFs are a regression', () => {
    const d = diffDesigns(analysed(example()), analysed(withClient('db')));
    expect(d.clients.map((c) => [c.id, c.before !== undefined, c.after !== undefined])).toEqual([['users', true, true], ['ops', false, true]]);
    // db was one of two alternatives for users; for ops it is the only way.
    expect(d.spofs.added.map((s) => s.id)).toContain('db');
    expect(d.spofs.added.find((s) => s.id === 'db')!.clients).toEqual(['ops']);
    expect(d.regression.regressed).toBe(true);
    expect(diffMarkdown(d)).toContain('| Operations (ops) availability | — |');
  });

  it('an added client on the same path: a SPOF that fails one more client is not a new SPOF', () => {
    const d = diffDesigns(analysed(example()), analysed(withClient('dns')));
    expect(d.spofs.added).toEqual([]);
    const dns = analysed(withClient('dns')).analysis.spofs.find((s) => s.id === 'dns')!;
    expect(dns.clients).toEqual(['users', 'ops']);
    expect(d.regression.regressed).toBe(false);
    const text = diffText(d);
    expect(text).toContain('Clients added (1)');
    expect(text).toContain('ops Operations');
  });

  it('a design against itself: nothing changed', () => {
    const d = diffDesigns(analysed(example()), analysed(example()));
    expect(d.regression.regressed).toBe(false);
    expect(d.structure).toEqual({ added: [], removed: [], changed: [], renamed: [] });
    expect(diffMarkdown(d)).not.toContain('**New');
  });

  it('the terminal text keeps a hostile label inert: no escape sequence, one line per item', () => {
    const t = example();
    const head = { ...t, components: t.components.map((c) => (c.id === 'app' ? { ...c, label: 'App\u001b[2J\nALL GOOD' } : c)) };
    const text = diffText(diffDesigns(analysed(t), analysed(head)));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('  app "App" → "App\\u001b[2J\\u000aALL GOOD"');
  });

  it('a changed field is listed by name (replicas 3 -> 4), apart from renames', () => {
    const t = example();
    const head = { ...t, components: t.components.map((c) => (c.id === 'app' ? { ...c, replicas: 4 } : c)) };
    const d = diffDesigns(analysed(t), analysed(head));
    expect(d.structure.changed).toEqual([{ id: 'app', type: 'component', label: 'App', fields: ['replicas'] }]);
    expect(d.structure.renamed).toEqual([]);
  });
});

describe('pairs under a cap', () => {
  function capped(a: AnalysedDesign, keep: number): AnalysedDesign {
    return { ...a, analysis: { ...a.analysis, pairs: a.analysis.pairs.slice(0, keep), pairsTruncated: true } };
  }

  it('a pair below the other list\'s cap is not counted as added or removed', () => {
    const full = analysed(example());
    expect(full.analysis.pairs.length).toBeGreaterThan(3);
    // The capped list kept the two most probable pairs: the others may exist beyond its cap.
    expect(diffDesigns(capped(full, 2), full).pairs.added).toEqual([]);
    expect(diffDesigns(full, capped(full, 2)).pairs.removed).toEqual([]);
    // Without a cap, missing pairs are real changes.
    const uncapped = { ...full, analysis: { ...full.analysis, pairs: full.analysis.pairs.slice(0, 2), pairsTruncated: false } };
    expect(diffDesigns(uncapped, full).pairs.added).toHaveLength(full.analysis.pairs.length - 2);
  });
});

describe('lower availability', () => {
  const p = (availability: number, interval?: { low: number; high: number }) => ({ availability, nines: 3, downtimePerYearSeconds: 0, ...(interval ? { interval } : {}) });

  it('exact figures: lower beyond floating-point noise', () => {
    expect(isLower(p(0.999), p(0.9991))).toBe(true);
    expect(isLower(p(0.9991 - 1e-15), p(0.9991))).toBe(false);
  });

  it('Monte Carlo figures: lower only when the intervals do not overlap', () => {
    expect(isLower(p(0.9990, { low: 0.9985, high: 0.9995 }), p(0.9992, { low: 0.9988, high: 0.9996 }))).toBe(false);
    expect(isLower(p(0.9980, { low: 0.9978, high: 0.9982 }), p(0.9992, { low: 0.9988, high: 0.9996 }))).toBe(true);
  });
});
