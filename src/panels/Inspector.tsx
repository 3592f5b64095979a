// The inspector: edits whatever is selected (component, container, link), or the
// document itself when nothing is.
import { ChevronDown } from 'lucide-react';
import { useDocument } from '../store/document';
import { findLink } from '../store/ids';
import { usePreferences } from '../store/preferences';
import { useSelection } from '../store/selection';
import { deleteSelection, runCommand } from '../commands';
import { ComponentInspector } from './inspector/ComponentInspector';
import { DocumentInspector } from './inspector/DocumentInspector';
import { DomainInspector } from './inspector/DomainInspector';
import { LinkInspector } from './inspector/LinkInspector';

function InspectorBody() {
  const nodeIds = useSelection((s) => s.nodeIds);
  const edgeIds = useSelection((s) => s.edgeIds);
  const doc = useDocument((s) => s.doc);
  const count = nodeIds.length + edgeIds.length;
  if (count === 0) return <DocumentInspector />;
  if (count > 1) {
    return (
      <div className="inspector-multi">
        <p><b>{count}</b> elements selected.</p>
        <p className="field-hint">Drag them together, copy (Ctrl+C), duplicate (Ctrl+D) or delete them.</p>
        <button type="button" className="btn btn-danger" onClick={() => runCommand(deleteSelection)}>Delete {count} elements</button>
      </div>
    );
  }
  if (nodeIds.length === 1) {
    const id = nodeIds[0];
    const component = doc.components.find((c) => c.id === id);
    if (component) return <ComponentInspector key={id} component={component} />;
    const domain = doc.domains.find((d) => d.id === id);
    if (domain) return <DomainInspector key={id} domain={domain} />;
    return <DocumentInspector />;
  }
  const link = findLink(doc, edgeIds[0]);
  return link ? <LinkInspector key={edgeIds[0]} link={link} /> : <DocumentInspector />;
}

/** Collapsible, so that on a small screen the report below can have the column; kept folded across reloads. */
export function Inspector() {
  const open = usePreferences((s) => s.inspectorOpen);
  const setOpen = usePreferences((s) => s.setInspectorOpen);
  return (
    <section className={`inspector${open ? '' : ' is-collapsed'}`} data-testid="inspector" aria-label="Inspector">
      <h2 className="panel-heading panel-heading-toggle">
        <button type="button" data-testid="inspector-toggle" aria-expanded={open} aria-controls="inspector-body"
          title={open ? 'Collapse the inspector: the report gets the column' : 'Show the inspector'} onClick={() => setOpen(!open)}>
          <ChevronDown size={14} aria-hidden className="panel-chevron" />Inspector
        </button>
      </h2>
      {open && (
        <div className="inspector-body" id="inspector-body">
          <InspectorBody />
        </div>
      )}
    </section>
  );
}
