// With nothing selected: the document's name and system SLO, and what it holds.
import { useDocument } from '../../store/document';
import { Section, TextField } from './fields';
import { MoneyField, parseCurrency } from './MoneyFields';
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
      <div className="field-row">
        <TextField label="Currency" testId="field-doc-currency" value={doc.currency ?? ''} placeholder="USD" hint="ISO 4217, for every cost"
          parse={parseCurrency} onCommit={(currency) => store.setDocumentFields({ currency })} />
        <MoneyField label="Downtime cost" testId="field-doc-downtime-cost" value={doc.downtimeCostPerHour} currency={doc.currency ?? 'USD'} per="an hour"
          hint="for clients without their own" onCommit={(downtimeCostPerHour) => store.setDocumentFields({ downtimeCostPerHour })} />
      </div>
      <div className="doc-stats">
        <span><b>{doc.components.length}</b> components</span>
        <span><b>{doc.domains.length}</b> domains</span>
        <span><b>{doc.links.length}</b> links</span>
      </div>
      <p className="field-hint">Select a node or a link to edit it. Drag from the palette, or open a template.</p>
    </Section>
  );
}
