// The find box over the canvas (test id `find`, Ctrl+F): type part of a label or an id,
// pick a match (Enter takes the first), and the element is selected and centred, its
// collapsed containers expanded.
import { Panel, useReactFlow } from '@xyflow/react';
import { Search } from 'lucide-react';
import { useId, useMemo, useRef, useState } from 'react';
import { ancestorsOf, absoluteRect, containerOf } from '../model/geometry';
import { useCollapsed } from '../store/collapsed';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { findElements, type FoundElement } from './find';

let input: HTMLInputElement | null = null;

/** Puts the keyboard in the find box (the `find` command, Ctrl+F). */
export function focusFind(): void {
  input?.focus();
  input?.select();
}

/** Zoom at which a found element is shown: readable, never blown up. */
const FOUND_ZOOM = 0.9;

export function FindBox() {
  const doc = useDocument((s) => s.doc);
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => findElements(doc, query), [doc, query]);
  const ref = useRef<HTMLInputElement | null>(null);

  const reveal = (found: FoundElement) => {
    const d = useDocument.getState().doc;
    const holder = found.type === 'component' ? containerOf(d, found.id) : d.domains.find((x) => x.id === found.id)?.parent;
    useCollapsed.getState().expand(holder === undefined ? [] : ancestorsOf(d, holder));
    useSelection.getState().select([found.id], []);
    const r = absoluteRect(d, found.id);
    void flow.setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom: Math.max(flow.getZoom(), FOUND_ZOOM), duration: 250 });
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (matches.length === 0 ? 0 : (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const found = matches[active] ?? matches[0];
      if (found) reveal(found);
    } else if (e.key === 'Escape') {
      setQuery('');
      setOpen(false);
      e.currentTarget.blur();
    }
  };

  const noMatch = query.trim() !== '' && matches.length === 0;
  return (
    <Panel position="top-right" className="find-panel">
      <div className="find-box" role="search">
        <Search size={14} aria-hidden />
        <input
          ref={(el) => {
            ref.current = el;
            input = el;
          }}
          type="search"
          data-testid="find"
          placeholder="Find (Ctrl+F)"
          aria-label="Find a component or container by label or id"
          role="combobox"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && matches.length > 0 && (
        <ul className="find-results" id={listId} role="listbox" data-testid="find-results">
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              data-element-id={m.id}
              title={m.label !== m.id ? `${m.label} (${m.id})` : m.id}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                reveal(m);
              }}
            >
              <span className="find-label">{m.label}</span>
              {m.label !== m.id && <span className="find-id">{m.id}</span>}
              <span className="find-type">{m.type}</span>
            </li>
          ))}
        </ul>
      )}
      {open && noMatch && <div className="find-results find-none" role="status">No component or container matches “{query.trim()}”</div>}
    </Panel>
  );
}
