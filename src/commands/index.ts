// The one list of commands: toolbar, menus, shortcuts and tests all go through it.
import { newDocument, openFile, saveJson } from './documents';
import { copy, cut, deleteSelection, deselect, duplicate, onClipboardEvent, paste, selectAll } from './editing';
import { redo, undo } from './history';
import { exportPng, exportSvg } from './images';
import { connectTo, showShortcuts } from './keyboard';
import { toggleMermaidPreview } from './mermaid';
import { shareLink } from './share';
import { slotCommand } from './slots';
import type { Command } from './types';
import { find, fitView, layout, toggleLinkMode, whatIfToggle } from './view';

export const COMMANDS: Command[] = [
  undo, redo, deleteSelection, selectAll, deselect, copy, cut, paste, duplicate,
  newDocument, openFile, saveJson, layout, fitView, find, whatIfToggle, toggleLinkMode,
  toggleMermaidPreview, shareLink, exportPng, exportSvg, connectTo, showShortcuts,
];

export function commandById(id: string): Command | undefined {
  return COMMANDS.find((c) => c.id === id) ?? slotCommand(id as Parameters<typeof slotCommand>[0]);
}

/** Runs a command if it is available now; true when it ran. */
export function runCommand(command: Command): boolean {
  if (command.predicate && !command.predicate()) return false;
  void command.perform();
  return true;
}

export function typingIn(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Copy, cut and paste from the keyboard, outside text fields and text the user selected. */
export function handleClipboard(event: ClipboardEvent): void {
  if (typingIn(event.target) || typingIn(document.activeElement)) return;
  const selected = window.getSelection();
  if (event.type !== 'paste' && selected && !selected.isCollapsed) return;
  onClipboardEvent(event);
}

/** Keys pressed inside a modal dialog belong to it (its Escape closes it, nothing else). */
function inDialog(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest('dialog') !== null;
}

/** The keyboard dispatcher: the first command whose key test matches runs. */
export function handleShortcut(event: KeyboardEvent): boolean {
  if (typingIn(event.target) || inDialog(event.target)) return false;
  const command = COMMANDS.find((c) => c.keyTest?.(event));
  if (!command) return false;
  event.preventDefault();
  runCommand(command);
  return true;
}

export { toggleMermaidPreview, shareLink, exportPng, exportSvg };
export { newDocument, openFile, saveJson, copy, cut, deleteSelection, duplicate, paste, selectAll, redo, undo, find, fitView, layout, toggleLinkMode, whatIfToggle };
export type { Command };
