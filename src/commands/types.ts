// Commands as data (Excalidraw's actions): every user action is one object, used by
// toolbar buttons, keyboard shortcuts, menus and tests alike.
import type { LucideIcon } from 'lucide-react';

export interface Command {
  id: string;
  label: string;
  icon?: LucideIcon;
  /** Shown in tooltips, e.g. "Ctrl+Z". */
  shortcut?: string;
  /** Whether a key press triggers the command. */
  keyTest?: (event: KeyboardEvent) => boolean;
  /** Whether the command can run now (a disabled button otherwise). */
  predicate?: () => boolean;
  perform: () => void | Promise<void>;
}

/** Ctrl on Linux and Windows, Cmd on macOS. */
export const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
export const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;
