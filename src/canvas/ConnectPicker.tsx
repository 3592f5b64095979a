// The keyboard's way to draw a link (command `connect-to`, key C): with one component
// selected, pick the one it needs (or replicates to) from a list filtered as you type;
// Enter adds the link in the mode in force, one undo step, and selects it as a drawn link is.
import { useMemo, useState } from 'react';
import { COMPONENT_KIND_LABELS } from '../model/kindLabels';
import { useDialogs } from '../store/dialogs';
import { useDocument } from '../store/document';
import { labelOf } from '../store/elementNames';
import { useSelection } from '../store/selection';
import { Dialog } from './Dialog';

const MAX_SHOWN = 50;

function Picker({ source, onClose }: { source: string; onClose: () => void }) {
  const doc = useDocument((s) => s.doc);
  const mode = useSelection((s) => s.linkMode);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return doc.components.filter((c) => c.id !== source
      && (!q || c.id.toLowerCase().includes(q) || (c.label ?? '').toLowerCase().includes(q)));
  }, [doc, source, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const pick = (target: string) => {
    const result = useDocument.getState().connect(source, target, mode);
    if (result.key === undefined) {
      setProblem(`No link added: ${result.reason}.`);
      return;
    }
    useSelection.getState().select([], [result.key]);
    onClose();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % Math.max(1, shown.length));
    } else if (e.key === 'Enter' && shown[current]) {
      e.preventDefault();
      pick(shown[current].id);
    }
  };
  const optionId = (id: string) => `connect-option-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const verb = mode === 'replication' ? 'replicates to' : 'needs';
  return (
    <Dialog title={`Link ${labelOf(doc, source)} to…`} testId="connect-picker" onClose={onClose} className="connect-picker">
      <p className="field-hint">
        A new {mode} link: <strong>{labelOf(doc, source)}</strong> {verb} the component you pick. The toolbar's Dependency | Replication (or R) sets the kind.
      </p>
      <input className="input" data-autofocus data-testid="connect-search" role="combobox" aria-expanded="true" aria-controls="connect-options"
        aria-autocomplete="list" aria-activedescendant={shown[current] ? optionId(shown[current].id) : undefined}
        aria-label="Component to link to" placeholder="Type a name or an id" value={query}
        onChange={(e) => { setQuery(e.target.value); setActive(0); setProblem(null); }} onKeyDown={onKeyDown} />
      <ul id="connect-options" className="connect-options" role="listbox" aria-label="Components">
        {shown.map((c, i) => (
          <li key={c.id} id={optionId(c.id)} role="option" aria-selected={i === current} data-testid="connect-option" data-element-id={c.id}
            className={`connect-option${i === current ? ' is-active' : ''}`}
            onPointerDown={(e) => e.preventDefault()} onClick={() => pick(c.id)}>
            <span className="connect-option-label">{c.label ?? c.id}</span>
            <span className="connect-option-meta">{COMPONENT_KIND_LABELS[c.kind]} · {c.id}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="field-hint">No other component matches.</p>}
      {matches.length > MAX_SHOWN && <p className="field-hint">{matches.length - MAX_SHOWN} more: type to narrow the list.</p>}
      {problem && <p className="field-error" role="alert" data-testid="connect-problem">{problem}</p>}
    </Dialog>
  );
}

export function ConnectPicker() {
  // The source is the component selected when the picker opened.
  const source = useDialogs((s) => (s.open === 'connect' ? s.subject : null));
  if (!source) return null;
  return <Picker source={source} onClose={() => useDialogs.getState().close()} />;
}
