// @vitest-environment happy-dom
// The report panel rendered from real engine answers, for designs of every shape: it must
// show the contract's figures (exact data-value) and never fail to render.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model';
import { ReportPanel } from '../../src/panels/ReportPanel';
import { useAnalysis } from '../../src/store/analysis';
import { applyOutcome } from '../../src/store/analysisDriver';
import { resetDocument } from '../../src/store/document';
import { templateById, TEMPLATES } from '../../src/templates';
import { rowsOf, runAnalysis, runAnalysisForPage, type AnalysisCache, type AnalysisRequest } from '../../src/worker/engineApi';
import { ROWS_SENT, unpackAnswer } from '../../src/worker/pageAnswer';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  useAnalysis.getState().setWhatIfActive(false);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

/** Puts the document in the store, answers as the worker would, and renders the panel. */
function show(doc: Topology, request: Partial<AnalysisRequest> = {}) {
  resetDocument(doc);
  if (request.failed) {
    useAnalysis.getState().setWhatIfActive(true);
    for (const id of request.failed) useAnalysis.getState().toggleFailed(id);
  }
  applyOutcome(doc, { status: 'done', response: runAnalysis({ document: doc, ...request }) });
  act(() => root.render(<ReportPanel />));
}

const byTestId = (id: string) => host.querySelector(`[data-testid="${id}"]`);
const all = (id: string) => [...host.querySelectorAll(`[data-testid="${id}"]`)];

describe('the report panel', () => {
  it('stage 3: availability with its exact value, nines, the downtime table and the SPOFs', () => {
    const doc = templateById('stage3')!.topology;
    show(doc);
    const r = useAnalysis.getState().report!;
    const a = byTestId('system-availability')!;
    expect(a.getAttribute('data-value')).toBe(String(r.system.availability));
    expect(a.textContent).toBe('99.373%');
    expect(byTestId('system-nines')!.textContent).toBe('2.20 nines');
    expect(byTestId('analysis-status')!.getAttribute('data-state')).toBe('idle');
    expect(all('spof-item').map((e) => e.getAttribute('data-element-id')).sort()).toEqual(['db', 'dns', 'lb', 'use1', 'use1a']);
    const rows = byTestId('downtime-table')!.querySelectorAll('tbody tr');
    expect([...rows].map((tr) => tr.firstElementChild!.textContent)).toEqual(['a year', 'a month', 'a week', 'a day']);
    expect(byTestId('stage')!.getAttribute('data-level')).toBe('3');
    expect(host.textContent).toContain('Minutes a year saved if this were perfect');
    const outages = byTestId('outages-per-year')!;
    expect(outages.getAttribute('data-value')).toBe(String(r.outages.system.failuresPerYear));
    expect(outages.textContent).toMatch(/^About \d+ outages a year, .+ each on average/);
  });

  it('a design down almost all the time (a 1,000-long chain, up 0.67%) says so, not a count of rare outages, for the system and its client', () => {
    const doc = {
      format: 'spof-topology', version: 1, domains: [],
      components: [{ id: 'u', kind: 'client', label: 'Users' }, { id: 'v', kind: 'client', label: 'Admins' }, ...Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, kind: 'service' }))],
      links: [{ from: 'u', to: 'c0' }, { from: 'v', to: 'c0' }, ...Array.from({ length: 999 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    } as unknown as Topology;
    show(doc);
    expect(byTestId('outages-per-year')!.textContent).toBe('Down almost all the time: a part fails again before the last one is repaired · up for 11 min at a time on average');
    expect(all('client-outages').map((e) => e.textContent)).toEqual(['down almost all the time', 'down almost all the time']);
  });

  it('renders every template, with and without a what-if failure', () => {
    for (const t of TEMPLATES) {
      show(t.topology);
      expect(byTestId('system-availability'), t.id).not.toBeNull();
      const zone = t.topology.domains.find((d) => d.kind === 'zone');
      if (!zone) continue;
      show(t.topology, { failed: [zone.id] });
      expect(byTestId('system-availability')!.getAttribute('data-what-if'), t.id).toBe('true');
      expect(byTestId('what-if-clients'), t.id).not.toBeNull();
    }
  });

  it('a Monte Carlo answer shows its interval; with no outage sampled it does not claim "never down"', () => {
    show(templateById('stage3')!.topology, { options: { exactBudget: 1, samples: 20_000, seed: 2 } });
    expect(host.textContent).toContain('Monte Carlo');
    expect(host.textContent).toMatch(/95% interval \d+\.\d+% – \d+\.\d+%/);
    show(templateById('stage6')!.topology, { options: { exactBudget: 1, samples: 200, seed: 2 } });
    expect(byTestId('system-nines')!.textContent).toBe('no outage sampled');
    expect(host.textContent).not.toContain('never goes down');
  });

  it('a design that never fails, a design without clients, and an invalid design', () => {
    const base = { format: 'spof-topology' as const, version: 2 as const, name: 'x', domains: [] };
    show({ ...base, components: [{ id: 'users', kind: 'client' }, { id: 'cdn', kind: 'cdn', availability: 1 }], links: [{ from: 'users', to: 'cdn' }] });
    expect(byTestId('system-availability')!.textContent).toBe('100%');
    expect(byTestId('system-nines')!.textContent).toBe('never down');
    expect(byTestId('spof-list')!.getAttribute('data-count')).toBe('0');

    // Nothing connected: no availability, no "no SPOF", and what to draw next.
    show({ ...base, components: [{ id: 'users', kind: 'client' }, { id: 'db', kind: 'database' }], links: [] });
    expect(byTestId('nothing-connected')!.textContent).toContain('2 components placed, no dependency link');
    expect(byTestId('nothing-connected')!.textContent).toContain('Draw next: a link from the client');
    expect(byTestId('system-availability')).toBeNull();
    expect(byTestId('spof-list')).toBeNull();
    // Without a client either, the card says to draw one; the loader's no-client warning is not said again beside it.
    show({ ...base, components: [{ id: 'db', kind: 'database' }, { id: 'app', kind: 'app' }], links: [] });
    expect(byTestId('nothing-connected')!.textContent).toContain('Draw next: a client (the users) from the palette');
    expect(host.querySelector('[data-testid="analysis-warnings"] li[data-code="no-client"]')).toBeNull();
    expect(host.querySelector('[data-testid="analysis-warnings"] li[data-code="orphan"]')).not.toBeNull();

    // No client: the figures are the entry points', and the report says so.
    show({ ...base, components: [{ id: 'api', kind: 'app', label: 'API' }, { id: 'db', kind: 'database' }, { id: 'mon', kind: 'service', label: 'Monitor' }],
      links: [{ from: 'api', to: 'db' }, { from: 'mon', to: 'db', optional: true }] });
    expect(byTestId('entry-points')!.textContent).toContain('The figures are for the entry point API');
    expect(byTestId('add-entry-client')).not.toBeNull();
    // Said once, by the card: not again as a warning beside it, nor in the method notes once unfolded.
    expect(host.textContent).not.toContain('no client component');
    const method = [...host.querySelectorAll<HTMLButtonElement>('.rp-section-head')].find((b) => b.textContent === 'Method and assumptions')!;
    act(() => method.click());
    expect(host.textContent!.match(/as if a client called/g)).toHaveLength(1);
    expect(byTestId('method')!.textContent).not.toContain('the figures are for');
    // What no entry point reaches is said once too, by the line at the top (each name a link), not again in the method notes.
    expect(byTestId('unreached')!.textContent).toContain('Monitor');
    expect(byTestId('method')!.textContent).not.toContain('Monitor');
    expect(byTestId('method')!.textContent).not.toContain('not part of the figures');
    expect(byTestId('system-availability')!.textContent).not.toBe('100%');

    const bad = { ...base, components: [{ id: 'users', kind: 'client' }, { id: 'db', kind: 'database', availability: 2 }], links: [] } as unknown as Topology;
    show(bad);
    expect(byTestId('analysis-status')!.getAttribute('data-state')).toBe('error');
    expect(byTestId('analysis-error')!.textContent).toContain('components[1].availability');
    expect(byTestId('system-availability')).toBeNull();
  });

  it('a SPOF row says once what stops besides the clients: the sentence, no count beside it', () => {
    // A zone holding DNS and eight apps in a chain: its outage stops nine others, more than the sentence names.
    const apps = Array.from({ length: 8 }, (_, i) => ({ id: `a${i + 1}`, kind: 'app' as const, label: `App ${i + 1}`, domain: 'z' }));
    show({
      format: 'spof-topology', version: 2, name: 'chain', domains: [{ id: 'z', kind: 'zone', label: 'Zone Z' }],
      components: [{ id: 'users', kind: 'client', label: 'Users' }, { id: 'dns', kind: 'dns', label: 'DNS', domain: 'z' }, ...apps],
      links: [{ from: 'users', to: 'dns' }, { from: 'dns', to: 'a1' }, ...apps.slice(1).map((a, i) => ({ from: `a${i + 1}`, to: a.id }))],
    });
    const zone = host.querySelector('[data-testid="spof-item"][data-element-id="z"]')!;
    expect(zone.textContent).toContain('Cuts off Users; DNS, App 1, App 2, App 3 and 5 more can no longer serve Users.');
    expect(zone.textContent).not.toMatch(/\d+ others? stops? serving/);
  });

  it('a long chain lists its first 50 SPOFs and findings grow a page per click, never all at once', () => {
    const ids = Array.from({ length: 130 }, (_, i) => `c${i}`);
    show({
      format: 'spof-topology', version: 2, name: 'chain', domains: [],
      components: [{ id: 'users', kind: 'client' }, ...ids.map((id) => ({ id, kind: 'service' as const }))],
      links: [{ from: 'users', to: 'c0' }, ...ids.slice(1).map((to, i) => ({ from: ids[i], to }))],
    });
    expect(byTestId('spof-list')!.getAttribute('data-count')).toBe('130');
    const rows = () => all('spof-item').map((e) => e.getAttribute('data-element-id'));
    expect(rows()).toEqual(ids.slice(0, 50));
    const more = () => byTestId('spof-section')!.querySelector<HTMLButtonElement>('[data-testid="show-more-rows"]');
    expect(more()!.textContent).toBe('Show 50 more of the 80 single points of failure left');
    act(() => more()!.click());
    expect(rows()).toEqual(ids.slice(0, 100));
    act(() => more()!.click());
    expect(rows()).toEqual(ids);
    expect(more()).toBeNull();
    // A finding per SPOF, or more: the first 12, then 50 more per click.
    const findings = useAnalysis.getState().result!.insight.findings.length;
    expect(findings).toBeGreaterThan(62);
    expect(all('finding-item')).toHaveLength(12);
    const moreFindings = byTestId('finding-list')!.parentElement!.querySelector<HTMLButtonElement>('[data-testid="show-more-rows"]')!;
    expect(moreFindings.textContent).toBe(`Show 50 more of the ${findings - 12} findings left`);
    act(() => moreFindings.click());
    expect(all('finding-item')).toHaveLength(62);
  });

  it('a list the answer held in part: the whole count, then the rows past the first ones asked of the worker as they are shown', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `c${i}`);
    const doc: Topology = {
      format: 'spof-topology', version: 2, name: 'chain', domains: [],
      components: [{ id: 'users', kind: 'client' }, ...ids.map((id) => ({ id, kind: 'service' as const }))],
      links: [{ from: 'users', to: 'c0' }, ...ids.slice(1).map((to, i) => ({ from: ids[i], to }))],
    };
    resetDocument(doc);
    // The worker's side, and its rows after a structured clone, as the client gets them.
    const cache: { last?: AnalysisCache } = {};
    const asked: number[] = [];
    useAnalysis.setState({
      rowSource: async (answer, list, from, count) => {
        asked.push(from);
        return structuredClone(rowsOf(cache, answer, list, from, count));
      },
    });
    applyOutcome(doc, { status: 'done', response: unpackAnswer(structuredClone(runAnalysisForPage({ document: doc }, cache))) });
    act(() => root.render(<ReportPanel />));
    const whole = runAnalysis({ document: doc });
    if (!whole.ok) throw new Error('expected an answer');
    const total = whole.insight.findings.length;
    expect(useAnalysis.getState().result!.insight.findings).toHaveLength(ROWS_SENT);
    const section = byTestId('finding-list')!.closest('section')!;
    expect(section.querySelector('.rp-count')!.textContent).toBe(String(total));
    const more = () => section.querySelector<HTMLButtonElement>('[data-testid="show-more-rows"]')!;
    expect(more().textContent).toBe(`Show 50 more of the ${total - 12} findings left`);
    for (let shown = 12; shown + 50 <= ROWS_SENT; shown += 50) act(() => more().click());
    expect(asked).toEqual([]);
    act(() => more().click());
    expect(asked).toEqual([ROWS_SENT]);
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    const texts = all('finding-item').map((e) => e.textContent);
    expect(texts).toHaveLength(Math.min(total, 12 + 50 * 4));
    expect(texts).toEqual(whole.insight.findings.slice(0, texts.length).map((f) => `${f.severity}${f.message}${f.suggestion}`));
    expect(byTestId('rows-loading')).toBeNull();
    useAnalysis.setState({ rowSource: null });
  });

  it('a design that is down with nothing failed does not read "every client is still served"', () => {
    show({
      format: 'spof-topology', version: 2, name: 'broken', domains: [],
      components: [{ id: 'users', kind: 'client', label: 'Users' }, { id: 'api', kind: 'app', label: 'API', replicas: 2, minHealthy: 3 }],
      links: [{ from: 'users', to: 'api' }],
    });
    const list = byTestId('spof-list')!;
    expect(list.getAttribute('data-count')).toBe('0');
    expect(list.textContent).toBe('No single point of failure. Nothing has to fail: "Users" is never served, because "API" never works (fewer instances or targets than required).');
    expect(list.className).not.toContain('is-ok');
  });

  it('a target that is missed offers Apply plan; without one, quick targets', () => {
    show({ ...templateById('stage3')!.topology, slo: 0.9999 });
    expect(byTestId('apply-plan')).not.toBeNull();
    expect(byTestId('slo-entry')!.getAttribute('data-met')).toBe('false');
    show(templateById('stage3')!.topology);
    expect(all('set-slo').map((b) => b.getAttribute('data-value'))).toEqual(['0.999', '0.9995', '0.9999']);
  });
});
