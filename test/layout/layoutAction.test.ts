// The store side of auto-layout: scope, one undo step, stale results dropped,
// opening a design without positions. ELK runs here through elk.bundled.js in
// place of the browser's worker client.
import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { layoutTopology, type LayoutOptions } from '../../src/layout';
import { parseTopology, type Topology } from '../../src/model';
import { componentSize } from '../../src/model/nodeCard';
import { resetDocument, undo, useDocument } from '../../src/store/document';
import { layoutOpenedDocument, layoutScope, needsLayout, runAutoLayout } from '../../src/store/layoutAction';
import { useSelection } from '../../src/store/selection';
import { useUi } from '../../src/store/ui';

const elk = new ELK();
const worker = vi.hoisted(() => ({ fail: false, timeOut: false, calls: [] as LayoutOptions[] }));
vi.mock('../../src/layout/client', async (original) => {
  const client = await original<typeof import('../../src/layout/client')>();
  return {
    ...client,
    layoutInWorker: async (t: Topology, opts: LayoutOptions = {}) => {
      worker.calls.push(opts);
      if (worker.fail) throw new Error('the layout worker stopped');
      if (worker.timeOut) throw new client.LayoutTimeout(60_000);
      return layoutTopology(t, { ...opts, elk });
    },
  };
});

function threeTier(): Topology {
  const parsed = parseTopology(readFileSync('examples/three-tier.spof.json', 'utf8'));
  if (!parsed.ok) throw new Error('the example must parse');
  return parsed.topology;
}

const doc = () => useDocument.getState().doc;
const pastSteps = () => useDocument.temporal.getState().pastStates.length;

beforeEach(() => {
  worker.fail = false;
  worker.timeOut = false;
  worker.calls = [];
  resetDocument(threeTier());
  useSelection.getState().clear();
  useUi.getState().dismiss();
});

describe('runAutoLayout', () => {
  it('lays out the whole design in one undo step', async () => {
    const before = doc();
    expect(needsLayout(before)).toBe(true);
    expect(await runAutoLayout(before)).toBe(true);
    expect(needsLayout(doc())).toBe(false);
    expect(pastSteps()).toBe(1);
    expect(useDocument.getState().lastAction).toBe('Auto-layout');
    expect(worker.calls[0].only).toBeUndefined();
    // The drawn sizes go to the layout: each card as wide as its label needs, as the canvas draws it.
    const lb1 = before.components.find((c) => c.id === 'lb1')!;
    expect(worker.calls[0].sizes?.lb1).toEqual(componentSize(lb1));
    expect(componentSize(lb1).width).toBeGreaterThanOrEqual(184);
    undo();
    expect(doc()).toBe(before);
  });

  it('lays out only the selection when it holds several nodes, keeping the rest', async () => {
    await runAutoLayout(doc());
    const laidOut = doc();
    useSelection.getState().select(['users', 'dns']);
    expect(await runAutoLayout(laidOut)).toBe(true);
    expect(worker.calls[1].only).toEqual(['users', 'dns']);
    for (const id of ['lb1', 'app', 'use1a', 'aws', 'reco']) expect(doc().view!.positions![id]).toEqual(laidOut.view!.positions![id]);
    expect(useDocument.getState().lastAction).toBe('Auto-layout of the selection');
    expect(pastSteps()).toBe(2);
  });

  it('scopes to the whole design for one component, to the selection for a domain', () => {
    const t = threeTier();
    expect(layoutScope(t, [])).toBeUndefined();
    expect(layoutScope(t, ['lb1'])).toBeUndefined();
    expect(layoutScope(t, ['use1a'])).toEqual(['use1a']);
    expect(layoutScope(t, ['lb1', 'repl'])).toBeUndefined();
  });

  it('drops a layout that finishes after the design was edited', async () => {
    const pending = runAutoLayout(doc());
    useDocument.getState().updateComponent('reco', { label: 'Recommender' });
    const edited = doc();
    expect(await pending).toBe(false);
    expect(doc()).toBe(edited);
  });

  it('reports a failed layout and leaves the design alone', async () => {
    worker.fail = true;
    const before = doc();
    expect(await runAutoLayout(before)).toBe(false);
    expect(doc()).toBe(before);
    expect(useUi.getState().error?.details[0]).toBe('the layout worker stopped');
  });

  it('says a layout stopped at its time limit did not finish, and offers to lay out again', async () => {
    worker.timeOut = true;
    const before = doc();
    const retry = vi.fn();
    expect(await runAutoLayout(before, retry)).toBe(false);
    expect(doc()).toBe(before);
    const error = useUi.getState().error!;
    expect(error.title).toBe('The automatic layout did not finish; the design is unchanged');
    expect(error.details).toEqual([
      'The layout took longer than 60 s and was stopped: the machine may be busy, or the design very large.',
      'Choose Layout (Shift+L) to try again.',
    ]);
    error.actions![0].run();
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe('layoutOpenedDocument', () => {
  it('replaces the rough placement inside the opening step', async () => {
    resetDocument({ ...threeTier(), name: 'before' });
    const before = doc();
    useDocument.getState().loadDocument(threeTier(), 'Open three-tier');
    useUi.getState().markSaved(doc());
    expect(await layoutOpenedDocument()).toBe(true);
    expect(needsLayout(doc())).toBe(false);
    expect(pastSteps()).toBe(1);
    expect(useUi.getState().savedDoc).toBe(doc());
    undo();
    expect(doc()).toBe(before);
  });

  it('keeps the rough placement of a layout that did not finish, says so and offers to lay out again', async () => {
    worker.timeOut = true;
    useDocument.getState().loadDocument(threeTier(), 'Open three-tier');
    const opened = doc();
    const retry = vi.fn();
    expect(await layoutOpenedDocument(retry)).toBe(false);
    expect(doc()).toBe(opened);
    const notice = useUi.getState().notice!;
    expect(notice.title).toBe('The automatic layout did not finish: the design is shown with a rough placement');
    expect(notice.details).toContain('Choose Layout (Shift+L) to try again.');
    expect(notice.actions!.map((a) => [a.label, a.testId])).toEqual([['Lay out again', 'layout-retry']]);
    notice.actions![0].run();
    expect(retry).toHaveBeenCalledOnce();
  });

  it('says nothing of a failed layout of a design replaced meanwhile', async () => {
    worker.timeOut = true;
    useDocument.getState().loadDocument(threeTier());
    const pending = layoutOpenedDocument(vi.fn());
    useDocument.getState().loadDocument({ ...threeTier(), name: 'other' });
    expect(await pending).toBe(false);
    expect(useUi.getState().notice).toBeNull();
  });

  it('does nothing when another design was opened meanwhile', async () => {
    useDocument.getState().loadDocument(threeTier());
    const pending = layoutOpenedDocument();
    useDocument.getState().loadDocument({ ...threeTier(), name: 'other' });
    const other = doc();
    expect(await pending).toBe(false);
    expect(doc()).toBe(other);
  });
});
