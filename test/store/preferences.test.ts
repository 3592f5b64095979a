// @vitest-environment happy-dom
// UI preferences (the inspector folded away) survive a reload; what storage holds that is
// not ours reads as the defaults.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PREFERENCES_KEY, readPreferences } from '../../src/store/preferences';

/** The store as a reloaded page creates it. */
async function reloaded() {
  vi.resetModules();
  return (await import('../../src/store/preferences')).usePreferences;
}

describe('preferences', () => {
  beforeEach(() => localStorage.clear());

  it('start with the inspector open', async () => {
    expect((await reloaded()).getState().inspectorOpen).toBe(true);
  });

  it('keep the inspector folded across a reload, and open again once opened', async () => {
    (await reloaded()).getState().setInspectorOpen(false);
    const after = await reloaded();
    expect(after.getState().inspectorOpen).toBe(false);
    after.getState().setInspectorOpen(true);
    expect((await reloaded()).getState().inspectorOpen).toBe(true);
  });

  it('read anything unreadable in storage as the defaults', () => {
    for (const text of ['{', 'null', '[]', '"x"', '{"inspectorOpen":"no"}']) {
      localStorage.setItem(PREFERENCES_KEY, text);
      expect(readPreferences(), text).toEqual({ inspectorOpen: true });
    }
  });

  it('still work when storage throws: the choice is only not remembered', async () => {
    const store = await reloaded();
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      store.getState().setInspectorOpen(false);
      expect(store.getState().inspectorOpen).toBe(false);
    } finally {
      setItem.mockRestore();
    }
    expect((await reloaded()).getState().inspectorOpen).toBe(true);
  });
});
