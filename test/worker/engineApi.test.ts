import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { parseTopology } from '../../src/model';
import { analyzeAgain, runAnalysis, runMoves, runPlan, type AnalysisCache } from '../../src/worker/engineApi';
import { templateById } from '../../src/templates';

const example = JSON.parse(readFileSync('examples/three-tier.spof.json', 'utf8'));

describe('the analysis worker API', () => {
  it('analyses a valid document exactly as the engine does, with the insight layer', () => {
    const r = runAnalysis({ document: example });
    if (!r.ok) throw new Error('expected a report');
    const parsed = parseTopology(example);
    if (!parsed.ok) throw new Error('example invalid');
    expect(r.report.system.availability).toBe(analyze(parsed.topology).system.availability);
    expect(r.report.spofs.map((s) => s.id)).toContain('dns');
    expect(r.insight.stage.level).toBe(5);
    expect(r.whatIf).toBeNull();
  });

  it('answers a what-if request with a second report, the design unchanged', () => {
    const before = JSON.stringify(example);
    const r = runAnalysis({ document: example, failed: ['use1a'] });
    if (!r.ok) throw new Error('expected a report');
    expect(r.whatIf?.whatIf?.clientsDown).toEqual(['users']);
    expect(r.whatIf?.whatIf?.down).toEqual(expect.arrayContaining(['lb1', 'db', 'app']));
    expect(JSON.stringify(example)).toBe(before);
  });

  it('returns validation errors with paths instead of throwing', () => {
    const bad = structuredClone(example);
    bad.components[2].availability = 7;
    const r = runAnalysis({ document: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('components[2].availability');
  });

  it('fails a perfect dependency link in what-if mode', () => {
    const stage3 = templateById('stage3')!.topology;
    const r = runAnalysis({ document: stage3, failed: ['lb->web1'] });
    if (!r.ok) throw new Error('expected a report');
    expect(r.whatIf?.warnings).toEqual([]);
    expect(r.whatIf?.whatIf?.clientsServed).toEqual(['users']);
    // With one route to the web tier left, the other web server is a SPOF of the what-if.
    expect(r.whatIf?.spofs.map((s) => s.id)).toContain('web2');
    expect(r.whatIf!.system.availability).toBeLessThan(r.report.system.availability);
  });

  it('reuses the last design\'s report for a what-if click on the same design', () => {
    const cache: { last?: AnalysisCache } = {};
    const a = runAnalysis({ document: example }, cache);
    const b = runAnalysis({ document: { ...example, view: { positions: {} } }, failed: ['dns'] }, cache);
    if (!a.ok || !b.ok) throw new Error('expected reports');
    expect(b.report).toBe(a.report);
    const c = runAnalysis({ document: { ...example, slo: 0.9 } }, cache);
    if (!c.ok) throw new Error('expected a report');
    expect(c.report).not.toBe(a.report);
  });

  it('the warm-up analysis leaves the cached report alone and takes a broken document quietly', () => {
    const cache: { last?: AnalysisCache } = {};
    const a = runAnalysis({ document: example }, cache);
    expect(analyzeAgain(example)).toBeGreaterThanOrEqual(0);
    expect(analyzeAgain({ format: 'spof-topology', version: 1, components: [{ id: 'x', kind: 'nope' }] })).toBeGreaterThanOrEqual(0);
    const b = runAnalysis({ document: example }, cache);
    if (!a.ok || !b.ok) throw new Error('expected reports');
    expect(b.report).toBe(a.report);
  });

  it('forces Monte Carlo through the engine options', () => {
    const r = runAnalysis({ document: example, options: { exactBudget: 1, samples: 2000, seed: 3 } });
    if (!r.ok) throw new Error('expected a report');
    expect(r.report.method).toBe('monte-carlo');
    expect(r.report.interval).toBeDefined();
  });

  it('plans the changes that reach the SLO, with the changed document', () => {
    const stage3 = { ...templateById('stage3')!.topology, slo: 0.999 };
    const r = runPlan({ document: stage3 });
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.plan.met).toBe(true);
    expect(r.plan.steps.length).toBeGreaterThan(0);
    const after = runAnalysis({ document: r.topology });
    if (!after.ok) throw new Error('plan made an invalid design');
    expect(after.report.system.availability).toBeGreaterThanOrEqual(0.999);
    const none = runPlan({ document: templateById('stage3')!.topology });
    expect(none.ok).toBe(false);
  });

  it('applies some of a plan\'s moves to the design as it is, naming each new element\'s twin', () => {
    const stage3 = { ...templateById('stage3')!.topology, slo: 0.9995 };
    const planned = runPlan({ document: stage3 });
    if (!planned.ok) throw new Error(planned.errors.join('; '));
    const standby = planned.plan.steps.find((s) => s.move.type === 'add-standby')!;
    const r = runMoves({ document: stage3, moves: [standby.move] });
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.twins).toEqual({ use1b: 'use1a', 'db-standby': 'db' });
    expect(r.topology.components.map((c) => c.id)).toContain('db-standby');
    // A move whose component is gone says so.
    const gone = runMoves({ document: { ...stage3, components: stage3.components.filter((c) => c.id !== 'db'), links: stage3.links.filter((l) => l.to !== 'db') }, moves: [standby.move] });
    expect(gone).toEqual({ ok: false, errors: ['move add-standby: no component "db"'] });
  });
});
