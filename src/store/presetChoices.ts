// Which managed preset the person chose for an element's availability. The inspector names a
// preset as the source only when it was chosen: a typed 99.99 that happens to equal
// "AWS ELB: 99.99%" is the person's own figure, not the SLA of a service.
// The topology format has no room for the choice (every object is strict; DESIGN section 2
// lists what a component carries, and `view` holds positions, sizes, the viewport and the
// direction only), so it is kept in this browser's localStorage, per design (the autosave's
// design key) and element id: it survives a reload and comes back with a restored version;
// a file or a share link opened as a new design shows a typed figure as the design's own.
import { z } from 'zod';
import { create } from 'zustand';
import { keyedCopy, own, setOwn } from '../model/keyed';

export const PRESET_CHOICES_KEY = 'spof-studio:preset-choices';
/** Designs whose choices are kept; the least recently changed are forgotten first. */
export const MAX_DESIGNS_KEPT = 50;

type Choices = Readonly<Record<string, string>>;

const StoredSchema = z.record(z.string(), z.object({ at: z.number(), choices: z.record(z.string(), z.string()) }));
type Stored = z.infer<typeof StoredSchema>;

interface PresetChoices {
  /** Design key -> element id -> managed preset id, for the choices made from the list (read with `chosenPreset`). */
  byDesign: Readonly<Record<string, Choices>>;
  choose: (designKey: string, elementId: string, presetId: string | undefined) => void;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A browser that refuses storage (privacy settings) throws on the mere access.
    return undefined;
  }
}

/** What an earlier page kept; anything unreadable is forgotten, never trusted. */
function readStored(): Stored {
  try {
    const text = storage()?.getItem(PRESET_CHOICES_KEY);
    if (!text) return {};
    const parsed = StoredSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return {};
    // Element ids are the person's names: "__proto__" and "constructor" are entries like any other.
    return keyedCopy(Object.entries(parsed.data).map(([key, v]) => [key, { at: v.at, choices: keyedCopy(v.choices) }] as const));
  } catch {
    return {};
  }
}

function writeStored(stored: Stored): void {
  const kept = Object.entries(stored).sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_DESIGNS_KEPT);
  try {
    storage()?.setItem(PRESET_CHOICES_KEY, JSON.stringify(keyedCopy(kept)));
  } catch {
    // Storage full or refused: the choice still holds for this page.
  }
}

function choicesOf(stored: Stored): Record<string, Choices> {
  return keyedCopy(Object.entries(stored).map(([key, v]) => [key, v.choices] as const));
}

/** The managed preset chosen for an element of a design, if one was. */
export function chosenPreset(byDesign: PresetChoices['byDesign'], designKey: string, elementId: string): string | undefined {
  return own(own(byDesign, designKey), elementId);
}

export const usePresetChoices = create<PresetChoices>()((set, get) => ({
  byDesign: choicesOf(readStored()),
  choose: (designKey, elementId, presetId) => {
    if (chosenPreset(get().byDesign, designKey, elementId) === presetId) return;
    const next = keyedCopy(own(get().byDesign, designKey));
    if (presetId === undefined) delete next[elementId];
    else setOwn(next, elementId, presetId);
    const byDesign = keyedCopy(get().byDesign);
    setOwn(byDesign, designKey, next);
    set({ byDesign });
    // Re-read before writing: another tab may have kept choices of its own design meanwhile.
    const stored = readStored();
    if (Object.keys(next).length === 0) delete stored[designKey];
    else setOwn(stored, designKey, { at: Date.now(), choices: next });
    writeStored(stored);
  },
}));
