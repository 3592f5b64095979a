// Layout choices a person makes once and expects to find again after a reload (the
// inspector folded away): a few flags in localStorage, apart from the design (IndexedDB,
// src/store/draftDb.ts) and never in its undo history. Storage that is absent or throws
// (a sandboxed frame, a full quota) only means the choice is not remembered; anything
// unreadable there reads as the defaults.
import { create } from 'zustand';

export const PREFERENCES_KEY = 'spof-studio:preferences';

export interface Preferences {
  inspectorOpen: boolean;
}

const DEFAULTS: Preferences = { inspectorOpen: true };

export function readPreferences(): Preferences {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}');
    const stored = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    return { inspectorOpen: typeof stored.inspectorOpen === 'boolean' ? stored.inspectorOpen : DEFAULTS.inspectorOpen };
  } catch {
    return { ...DEFAULTS };
  }
}

function write(preferences: Preferences): void {
  try {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify(preferences));
  } catch {
    // Not remembered: the page works the same.
  }
}

export interface PreferencesState extends Preferences {
  setInspectorOpen: (open: boolean) => void;
}

export const usePreferences = create<PreferencesState>()((set, get) => ({
  ...readPreferences(),
  setInspectorOpen: (inspectorOpen) => {
    set({ inspectorOpen });
    write({ inspectorOpen: get().inspectorOpen });
  },
}));
