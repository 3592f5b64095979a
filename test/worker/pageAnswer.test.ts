// What the worker hands the page (src/worker/pageAnswer.ts): the SPOFs' blast radii as indices,
// the long lists in part. Read back on the page, the answer must say exactly what the whole
// one says: every SPOF, its sentence, the marks, the counts; more rows come from the worker.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model';
import { marksOf, spofEffect } from '../../src/store/analysisMarks';
import { TEMPLATES } from '../../src/templates';
import { rowsOf, runAnalysis, runAnalysisForPage, type AnalysisCache } from '../../src/worker/engineApi';
import { ROWS_SENT, unpackAnswer } from '../../src/worker/pageAnswer';

/** users -> c0 -> ... -> c(n-1), with a few clients and an optional shortcut per link (degradations). */
function chain(n: number, clients = 3): Topology {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  const users = Array.from({ length: clients }, (_, i) => `u${i}`);
  return {
    format: 'spof-topology', version: 2, name: 'chain', domains: [],
    components: [...users.map((id) => ({ id, kind: 'client' as const })), ...ids.map((id) => ({ id, kind: 'service' as const, label: `Service ${id}` }))],
    links: [
      ...users.map((from) => ({ from, to: 'c0' })),
      ...ids.slice(1).map((to, i) => ({ from: ids[i], to })),
      ...ids.slice(2).map((to, i) => ({ from: ids[i], to, optional: true })),
    ],
  };
}

/** Through the worker's form and a real structured clone, as the page gets it. */
function onThePage(doc: Topology, failed?: string[], cache: { last?: AnalysisCache } = {}) {
  const read = unpackAnswer(structuredClone(runAnalysisForPage({ document: doc, ...(failed ? { failed } : {}) }, cache)));
  if (!read.ok) throw new Error('expected an answer');
  return read;
}

describe('the answer the page gets', () => {
  it.each([['a 600-long chain under 3 clients', chain(600)], ...TEMPLATES.map((t): [string, Topology] => [t.id, t.topology])])('%s: every SPOF, its blast radius and sentence, the marks and the counts as the whole answer', (_, doc) => {
    const whole = runAnalysis({ document: doc });
    if (!whole.ok) throw new Error('expected an answer');
    const page = onThePage(doc);
    expect(page.report.spofs.map((s) => ({ ...s }))).toEqual(whole.report.spofs);
    expect(page.report.spofs.map((s) => spofEffect(doc, s))).toEqual(whole.report.spofs.map((s) => spofEffect(doc, s)));
    const [a, b] = [marksOf(doc, page.report), marksOf(doc, whole.report)];
    expect([a.spofIds, a.pairIds]).toEqual([b.spofIds, b.pairIds]);
    for (const id of b.spofIds) expect(a.notes.get(id)).toBe(b.notes.get(id));
    const { elements: _e, spofs: _s, importance, ...rest } = whole.report;
    expect(page.report).toMatchObject(rest);
    expect(page.report.elements).toEqual([]);
    expect(page.report.importance).toEqual(importance.slice(0, ROWS_SENT));
    expect(page.insight.findings).toEqual(whole.insight.findings.slice(0, ROWS_SENT));
    expect(page.insight.degradations).toEqual(whole.insight.degradations.slice(0, ROWS_SENT));
    expect(page.partial).toMatchObject({ findings: whole.insight.findings.length, degradations: whole.insight.degradations.length });
    expect({ ...page.insight, findings: [], degradations: [] }).toEqual({ ...whole.insight, findings: [], degradations: [] });
  });

  it('sends a long chain\'s lists in part: the first rows and the count', () => {
    const doc = chain(600);
    const whole = runAnalysis({ document: doc });
    const page = onThePage(doc);
    if (!whole.ok) throw new Error('expected an answer');
    expect(whole.insight.findings.length).toBeGreaterThan(ROWS_SENT);
    expect(whole.insight.degradations.length).toBeGreaterThan(ROWS_SENT);
    expect(page.insight.findings).toHaveLength(ROWS_SENT);
    expect(page.insight.degradations).toHaveLength(ROWS_SENT);
  });

  it('what-if: the what-if report\'s SPOFs and what is down, as the whole answer', () => {
    const doc = chain(300);
    const whole = runAnalysis({ document: doc, failed: ['c200'] });
    const page = onThePage(doc, ['c200']);
    if (!whole.ok) throw new Error('expected an answer');
    expect(page.whatIf!.spofs.map((s) => ({ ...s }))).toEqual(whole.whatIf!.spofs);
    expect(page.whatIf!.whatIf).toEqual(whole.whatIf!.whatIf);
  });

  it('gives more rows of the analysis the page holds, and none of another', () => {
    const doc = chain(600);
    const cache: { last?: AnalysisCache } = {};
    const page = onThePage(doc, undefined, cache);
    const whole = runAnalysis({ document: doc });
    if (!whole.ok) throw new Error('expected an answer');
    const answer = page.partial!.answer;
    expect(rowsOf(cache, answer, 'findings', ROWS_SENT, 50)).toEqual(whole.insight.findings.slice(ROWS_SENT, ROWS_SENT + 50));
    expect(rowsOf(cache, answer, 'degradations', 590, 50)).toEqual(whole.insight.degradations.slice(590, 640));
    // A what-if on the same design keeps the analysis (and its rows); another design does not.
    expect(onThePage(doc, ['c5'], cache).partial!.answer).toBe(answer);
    const other = onThePage(chain(601), undefined, cache);
    expect(other.partial!.answer).not.toBe(answer);
    expect(rowsOf(cache, answer, 'findings', ROWS_SENT, 50)).toBeNull();
  });
});
