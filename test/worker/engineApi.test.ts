import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { parseTopology } from '../../src/model';
import { runAnalysis } from '../../src/worker/engineApi';

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
});
