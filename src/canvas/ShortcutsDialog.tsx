// "?": every keyboard shortcut, read from the command objects (src/commands), so the list
// cannot drift from what the keys do; then the canvas's own keys (React Flow's).
import { COMMANDS } from '../commands';
import { useDialogs } from '../store/dialogs';
import { Dialog } from './Dialog';

const CANVAS_KEYS: [string, string][] = [
  ['Tab / Shift+Tab', 'Move between components and containers, then links'],
  ['Enter or Space', 'Select the focused element'],
  ['Arrow keys', 'Move the selected components'],
];

function Keys({ keys }: { keys: string }) {
  return <>{keys.split(' / ').map((k, i) => <span key={k}>{i > 0 && ' / '}<kbd>{k}</kbd></span>)}</>;
}

export function ShortcutsDialog() {
  const open = useDialogs((s) => s.open === 'shortcuts');
  if (!open) return null;
  const close = () => useDialogs.getState().close();
  const rows = COMMANDS.filter((c) => c.shortcut).map((c) => [c.shortcut!, c.label] as const);
  return (
    <Dialog title="Keyboard shortcuts" testId="shortcuts-dialog" onClose={close}>
      <table className="shortcuts-table">
        <thead><tr><th scope="col">Keys</th><th scope="col">Does</th></tr></thead>
        <tbody>
          {rows.map(([keys, label]) => (
            <tr key={label} data-testid="shortcut-row"><td><Keys keys={keys} /></td><td>{label}</td></tr>
          ))}
          {CANVAS_KEYS.map(([keys, label]) => (
            <tr key={label}><td><Keys keys={keys} /></td><td>{label}</td></tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
