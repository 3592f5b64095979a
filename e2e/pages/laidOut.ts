// Whether the autosaved design is its own auto-layout, computed here in Node with the same
// code: true once the worker's layout has landed, false for the rough placement shown while
// it runs. Tests wait on this, not on a clock.
import { expect } from '@playwright/test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutTopology } from '../../src/layout';
import { parseTopology } from '../../src/model';
import type { StudioPage } from './StudioPage';

const elk = new ELK();

export async function isLaidOut(studio: StudioPage): Promise<boolean> {
  const draft = await studio.savedDraft();
  const parsed = draft && parseTopology(draft);
  if (!parsed || !parsed.ok) return false;
  const t = parsed.topology;
  const expected = await layoutTopology(t, { elk });
  return Object.entries(expected.positions).every(([id, p]) => t.view?.positions?.[id]?.x === p.x && t.view?.positions?.[id]?.y === p.y);
}

/** Waits until the opened design's layout has landed, then lets the view settle (the fit view that follows it). */
export async function waitUntilLaidOut(studio: StudioPage, laidOut = true): Promise<void> {
  await expect.poll(() => isLaidOut(studio), { timeout: 30_000 }).toBe(laidOut);
  await studio.page.waitForTimeout(300);
}
