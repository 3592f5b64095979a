// The managed preset a person chose is remembered per design and element, in localStorage
// (the format has no room for it): a reload shows it again; typing forgets it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from './helpers';

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

/** The store as a new page (a reload) reads it. */
const freshPage = async () => import('../../src/store/presetChoices');

describe('preset choices', () => {
  it('a choice comes back on the next page, for its design only', async () => {
    const first = await freshPage();
    first.usePresetChoices.getState().choose('design-a', 'web1', 'aws-ec2-multi-az');
    vi.resetModules();
    const { usePresetChoices, chosenPreset } = await freshPage();
    const { byDesign } = usePresetChoices.getState();
    expect(chosenPreset(byDesign, 'design-a', 'web1')).toBe('aws-ec2-multi-az');
    expect(chosenPreset(byDesign, 'design-b', 'web1')).toBeUndefined();
    expect(chosenPreset(byDesign, 'design-a', 'lb')).toBeUndefined();
  });

  it('typing forgets the choice, on this page and the next', async () => {
    const { usePresetChoices, chosenPreset } = await freshPage();
    usePresetChoices.getState().choose('d', 'web1', 'aws-ec2-multi-az');
    usePresetChoices.getState().choose('d', 'web1', undefined);
    expect(chosenPreset(usePresetChoices.getState().byDesign, 'd', 'web1')).toBeUndefined();
    vi.resetModules();
    const next = await freshPage();
    expect(chosenPreset(next.usePresetChoices.getState().byDesign, 'd', 'web1')).toBeUndefined();
  });

  it('element ids such as __proto__ and constructor are ids like any other', async () => {
    const { usePresetChoices, chosenPreset } = await freshPage();
    usePresetChoices.getState().choose('d', '__proto__', 'aws-elb');
    expect(chosenPreset(usePresetChoices.getState().byDesign, 'd', '__proto__')).toBe('aws-elb');
    expect(chosenPreset(usePresetChoices.getState().byDesign, 'd', 'constructor')).toBeUndefined();
  });

  it('what was kept and cannot be read is forgotten, never trusted', async () => {
    for (const text of ['{not json', '[1,2]', '{"d":{"at":"x","choices":{}}}', '{"d":{"at":1,"choices":{"web1":5}}}']) {
      storage.setItem('spof-studio:preset-choices', text);
      vi.resetModules();
      const { usePresetChoices } = await freshPage();
      expect(usePresetChoices.getState().byDesign).toEqual({});
    }
  });

  it('keeps the choices of the designs changed last, up to a bound', async () => {
    const { usePresetChoices, MAX_DESIGNS_KEPT } = await freshPage();
    vi.useFakeTimers();
    try {
      for (let i = 0; i <= MAX_DESIGNS_KEPT; i++) {
        vi.setSystemTime(1_000 + i);
        usePresetChoices.getState().choose(`d${i}`, 'web1', 'aws-ec2-multi-az');
      }
    } finally {
      vi.useRealTimers();
    }
    const kept = Object.keys(JSON.parse(storage.getItem('spof-studio:preset-choices')!));
    expect(kept).toHaveLength(MAX_DESIGNS_KEPT);
    expect(kept).not.toContain('d0');
    expect(kept).toContain(`d${MAX_DESIGNS_KEPT}`);
  });

  it('a storage that refuses writes leaves the choice for this page', async () => {
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const { usePresetChoices, chosenPreset } = await freshPage();
    usePresetChoices.getState().choose('d', 'web1', 'aws-ec2-multi-az');
    expect(chosenPreset(usePresetChoices.getState().byDesign, 'd', 'web1')).toBe('aws-ec2-multi-az');
  });
});
