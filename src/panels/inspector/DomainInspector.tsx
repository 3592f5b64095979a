// Every field of a failure domain: identity, kind, parent, availability.
import { DOMAIN_KINDS, DOMAIN_PRESETS, type DomainKind, type FailureDomain } from '../../model';
import { useDocument } from '../../store/document';
import { descendantDomains } from '../../store/geometry';
import { usedIds } from '../../store/ids';
import { DOMAIN_KIND_LABELS } from '../../store/labels';
import { useSelection } from '../../store/selection';
import { Section, SelectField, TextField } from './fields';
import { parseId, parseText } from './parsers';
import { MoneyField } from './MoneyFields';
import { ReliabilityFields } from './ReliabilityFields';

export function DomainInspector({ domain: d }: { domain: FailureDomain }) {
  const doc = useDocument((s) => s.doc);
  const store = useDocument.getState();
  const patch = (p: Partial<FailureDomain>) => store.updateDomain(d.id, p);
  const below = descendantDomains(doc, d.id);
  const parents = doc.domains.filter((x) => x.id !== d.id && !below.has(x.id));
  const inside = doc.components.filter((c) => c.domain === d.id || c.domains?.includes(d.id));
  return (
    <>
      <Section title="Failure domain">
        <TextField label="Id" testId="field-id" value={d.id} parse={(t) => parseId(t, usedIds(doc), d.id)}
          onCommit={(id) => {
            if (!id || id === d.id) return;
            store.renameElement(d.id, id);
            useSelection.getState().select([id]);
          }} />
        <TextField label="Label" testId="field-label" value={d.label ?? ''} placeholder={d.id} parse={parseText} onCommit={(label) => patch({ label })} />
        <SelectField label="Kind" testId="field-kind" value={d.kind}
          options={DOMAIN_KINDS.map((k) => ({ value: k, label: DOMAIN_KIND_LABELS[k] }))}
          hint={d.kind === 'group' ? 'a group is a label only: it never fails' : 'its failure takes down everything inside it'}
          onChange={(kind) => patch({ kind: kind as DomainKind })} />
        <SelectField label="Inside" testId="field-parent" value={d.parent ?? ''}
          options={[{ value: '', label: '— top level —' }, ...parents.map((p) => ({ value: p.id, label: `${p.label ?? p.id} (${p.kind})` }))]}
          onChange={(v) => patch({ parent: v || undefined })} />
      </Section>
      {d.kind !== 'group' && (
        <Section title="Availability">
          <ReliabilityFields elementId={d.id} value={d} preset={DOMAIN_PRESETS[d.kind]} onPatch={patch} />
        </Section>
      )}
      {d.kind !== 'group' && (
        <Section title="Cost">
          <MoneyField label="Fixed cost" testId="field-cost" value={d.costPerMonth} currency={doc.currency ?? 'USD'} per="a month"
            hint="the domain's own cost (a host, a data centre), not what runs in it" onCommit={(costPerMonth) => patch({ costPerMonth })} />
        </Section>
      )}
      <Section title="Contents">
        <div className="field-hint">
          {inside.length === 0 ? 'Nothing placed here yet: drag components into the box.' : inside.map((c) => c.label ?? c.id).join(', ')}
        </div>
      </Section>
    </>
  );
}
