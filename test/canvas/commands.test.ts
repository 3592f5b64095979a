// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, copy, deleteSelection, duplicate, handleShortcut, paste, redo, runCommand, selectAll, undo } from '../../src/commands';
import { resetDocument, useDocument } from '../../src/store/document';
import { useDialogs } from '../../src/store/dialogs';
import { useSelection } from '../../src/store/selection';
import { templateById } from '../../src/templates';

const doc = () => useDocument.getState().doc;
const key = (k: string, mods: Partial<KeyboardEventInit> = {}) => new KeyboardEvent('keydown', { key: k, cancelable: true, ...mods });

describe('commands as data', () => {
  beforeEach(() => {
    resetDocument(structuredClone(templateById('stage4')!.topology));
    useSelection.getState().clear();
  });

  it('every command has a unique id and a label', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COMMANDS) expect(c.label).not.toBe('');
  });

  it('no two commands answer the same key', () => {
    const presses = [key('z', { ctrlKey: true }), key('z', { ctrlKey: true, shiftKey: true }), key('y', { ctrlKey: true }),
      key('Delete'), key('Backspace'), key('d', { ctrlKey: true }),
      key('a', { ctrlKey: true }), key('s', { ctrlKey: true }), key('Escape'), key('w'), key('r'), key('c'), key('?', { shiftKey: true })];
    for (const e of presses) expect(COMMANDS.filter((c) => c.keyTest?.(e)).length, e.key).toBe(1);
  });

  it('every command that answers a key names it, so the list of shortcuts (?) made from them is whole', () => {
    for (const c of COMMANDS.filter((x) => x.keyTest)) expect(c.shortcut, c.id).toBeTruthy();
  });

  it('C links the one selected component by keyboard: offered only then, outside what-if mode', () => {
    expect(handleShortcut(key('c'))).toBe(true);
    expect(useDialogs.getState().open).toBeNull();
    useSelection.getState().select(['web1', 'web2']);
    handleShortcut(key('c'));
    expect(useDialogs.getState().open).toBeNull();
    useSelection.getState().select(['web1']);
    handleShortcut(key('c'));
    expect(useDialogs.getState()).toMatchObject({ open: 'connect', subject: 'web1' });
    useDialogs.getState().close();
  });

  it('keys pressed inside a dialog are the dialog\'s', () => {
    const dialog = document.createElement('dialog');
    const button = document.createElement('button');
    dialog.append(button);
    document.body.append(dialog);
    const e = key('w');
    button.dispatchEvent(e);
    expect(handleShortcut(e)).toBe(false);
    dialog.remove();
  });

  it('leaves Ctrl+C, Ctrl+X and Ctrl+V to the browser, whose clipboard events reach the system clipboard', () => {
    useSelection.getState().select(['web1']);
    for (const k of ['c', 'x', 'v']) {
      const e = key(k, { ctrlKey: true });
      expect(handleShortcut(e)).toBe(false);
      expect(e.defaultPrevented).toBe(false);
    }
  });

  it('is unavailable when its predicate says so', () => {
    expect(runCommand(deleteSelection)).toBe(false);
    expect(runCommand(undo)).toBe(false);
  });

  it('delete, undo and redo through the commands', () => {
    useSelection.getState().select(['web1']);
    expect(runCommand(deleteSelection)).toBe(true);
    expect(doc().components.some((c) => c.id === 'web1')).toBe(false);
    expect(useSelection.getState().nodeIds).toEqual([]);
    runCommand(undo);
    expect(doc().components.some((c) => c.id === 'web1')).toBe(true);
    runCommand(redo);
    expect(doc().components.some((c) => c.id === 'web1')).toBe(false);
  });

  it('copy then paste twice cascades the copies and selects them', () => {
    useSelection.getState().select(['db', 'db2']);
    runCommand(copy);
    runCommand(paste);
    expect(useSelection.getState().nodeIds.sort()).toEqual(['db-2', 'db2-2']);
    runCommand(paste);
    expect(useSelection.getState().nodeIds.sort()).toEqual(['db-3', 'db2-3']);
    // Each paste lands beside what is there, on the originals' row: the second right of the first.
    const p = (id: string) => doc().view!.positions![id];
    expect(p('db-3').y).toBe(p('db-2').y);
    expect(p('db-3').x).toBeGreaterThan(p('db2-2').x);
    // The replication link between the copies came along.
    expect(doc().links.some((l) => l.from === 'db-3' && l.to === 'db2-3' && l.type === 'replication')).toBe(true);
  });

  it('duplicate and select all', () => {
    useSelection.getState().select(['lb']);
    runCommand(duplicate);
    expect(useSelection.getState().nodeIds).toEqual(['lb-2']);
    runCommand(selectAll);
    expect(useSelection.getState().nodeIds.length).toBe(doc().components.length + doc().domains.length);
  });

  it('shortcuts run commands, but not while typing in a field', () => {
    useSelection.getState().select(['web2']);
    const input = document.createElement('input');
    document.body.appendChild(input);
    expect(handleShortcut(Object.defineProperty(key('Backspace'), 'target', { value: input }))).toBe(false);
    expect(doc().components.some((c) => c.id === 'web2')).toBe(true);
    const e = key('Delete');
    expect(handleShortcut(e)).toBe(true);
    expect(e.defaultPrevented).toBe(true);
    expect(doc().components.some((c) => c.id === 'web2')).toBe(false);
  });
});
