// Commands other parts of the app provide (share link, Mermaid export, images): the
// toolbar shows a button for each slot and runs whatever registered itself there, e.g.
//   registerSlotCommand('share-link', { id: 'share-link', label: 'Copy share link', perform })
// A slot with nothing registered shows a disabled button.
import { create } from 'zustand';
import type { Command } from './types';

export type SlotId = 'share-link' | 'export-mermaid' | 'export-png' | 'export-svg';

interface SlotState {
  commands: Partial<Record<SlotId, Command>>;
}

export const useSlots = create<SlotState>()(() => ({ commands: {} }));

export function registerSlotCommand(slot: SlotId, command: Command): void {
  useSlots.setState((s) => ({ commands: { ...s.commands, [slot]: command } }));
}

export function slotCommand(slot: SlotId): Command | undefined {
  return useSlots.getState().commands[slot];
}
