// Which managed preset the person chose for an element's availability in this session. The
// inspector names a preset as the source only when it was chosen: a typed 99.99 that
// happens to equal "AWS ELB: 99.99%" is the person's own figure, not the SLA of a service.
import { create } from 'zustand';

interface PresetChoices {
  /** Element id -> managed preset id, for the choices made from the list. */
  byElement: Readonly<Record<string, string>>;
  choose: (elementId: string, presetId: string | undefined) => void;
}

export const usePresetChoices = create<PresetChoices>()((set, get) => ({
  byElement: {},
  choose: (elementId, presetId) => {
    const current = get().byElement;
    if (current[elementId] === presetId) return;
    const next = { ...current };
    if (presetId === undefined) delete next[elementId];
    else next[elementId] = presetId;
    set({ byElement: next });
  },
}));
