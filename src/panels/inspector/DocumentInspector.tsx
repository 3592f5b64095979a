// With nothing selected: the document's name and system SLO, and what it holds.
import { useDocument } from '../../store/document';
import { Section, TextField } from './fields';
import { availabilityText, parseAvailability } from './parsers';

export function DocumentInspector() {
  const doc = useDocument((s) => s.doc);
  const store = useDocument.getState();
  return (
    <Section title="Design">
      <TextField label="Name" testId="field-doc-name" value={doc.name} parse={(t) => (t.trim() ? { ok: true, value: t.trim() } : { ok: false, error: 'a design needs a name' })}
        onCommit={(name) => name && store.setDocumentFields({ name })} />
      <TextField label="System SLO" testId="field-doc-slo" value={availabilityText(doc.slo)} placeholder="e.g. 99.95" suffix="%" inputMode="decimal"
        hint="the target for the whole system; clients may carry their own"
        parse={(t) => parseAvailability(t, { open: true })} onCommit={(slo) => store.setDocumentFields({ slo })} />
      <div className="doc-stats">
        <span><b>{doc.components.length}</b> components</span>
        <span><b>{doc.domains.length}</b> domains</span>
        <span><b>{doc.links.length}</b> links</span>
      </div>
      <p className="field-hint">Select a node or a link to edit it. Drag from the palette, or open a template.</p>
    </Section>
  );
}
