// Every field of a link: type, label; for a dependency its group (the default rule's
// answer shown, overridable), optional flag and availability; for replication its mode.
import { REPLICATION_MODES, defaultGroupOf, linkElementId, type Link, type ReplicationMode } from '../../model';
import { useDocument } from '../../store/document';
import { linkKey, usedIds } from '../../store/ids';
import { useSelection } from '../../store/selection';
import { CheckField, Section, SelectField, TextField } from './fields';
import { availabilityText, parseAvailability, parseId, parseNonNegative, parseText } from './parsers';

export function LinkInspector({ link: l }: { link: Link }) {
  const doc = useDocument((s) => s.doc);
  const store = useDocument.getState();
  const key = linkKey(l);
  const patch = (p: Partial<Link>) => store.updateLink(key, p);
  const name = (id: string) => doc.components.find((c) => c.id === id)?.label ?? id;
  const replication = l.type === 'replication';
  return (
    <>
      <Section title={replication ? 'Replication link' : 'Dependency link'}>
        <div className="link-ends" data-testid="link-ends">
          <span>{name(l.from)}</span><span aria-hidden>{replication ? ' ⇢ ' : ' → '}</span><span>{name(l.to)}</span>
        </div>
        <div className="field-hint">{replication ? 'copies data; carries no dependency' : `"${name(l.from)}" needs "${name(l.to)}"`}</div>
        <SelectField label="Type" testId="field-link-type" value={replication ? 'replication' : 'dependency'}
          options={[{ value: 'dependency', label: 'dependency (needs)' }, { value: 'replication', label: 'replication (copies data)' }]}
          onChange={(t) => store.setLinkType(key, t as 'dependency' | 'replication')} />
        <TextField label="Id" testId="field-link-id" value={l.id ?? ''} placeholder={linkElementId(l)}
          hint="optional: names the link in reports; empty means from->to"
          parse={(t) => (t.trim() === '' ? { ok: true, value: undefined } : parseId(t, usedIds(doc), l.id ?? ''))}
          onCommit={(id) => {
            const next = { ...l, id };
            if (id === undefined) delete next.id;
            patch({ id });
            useSelection.getState().select([], [linkKey(next)]);
          }} />
        <TextField label="Label" testId="field-label" value={l.label ?? ''} parse={parseText} onCommit={(label) => patch({ label })} />
      </Section>
      {replication ? (
        <Section title="Replication">
          <SelectField label="Mode" testId="field-mode" value={l.mode ?? 'async'}
            options={REPLICATION_MODES.map((m) => ({ value: m, label: m }))}
            hint="sync: no data loss; async: loses up to the lag; backup: up to the interval"
            onChange={(m) => patch({ mode: m as ReplicationMode, ...(m !== 'async' ? { lagSeconds: undefined } : {}), ...(m !== 'backup' ? { intervalSeconds: undefined } : {}) })} />
          {(l.mode ?? 'async') === 'async' && (
            <TextField label="Lag" testId="field-lag" value={l.lagSeconds?.toString() ?? ''} suffix="s" inputMode="decimal"
              parse={(t) => parseNonNegative(t, 'seconds')} onCommit={(lagSeconds) => patch({ lagSeconds })} />
          )}
          {l.mode === 'backup' && (
            <TextField label="Backup interval" testId="field-interval" value={l.intervalSeconds?.toString() ?? ''} suffix="s" inputMode="decimal"
              parse={(t) => parseNonNegative(t, 'seconds')} onCommit={(intervalSeconds) => patch({ intervalSeconds })} />
          )}
        </Section>
      ) : (
        <Section title="Dependency">
          <TextField label="Group" testId="field-group" value={l.group ?? ''} placeholder={defaultGroupOf(doc, l)}
            hint={<>Targets in one group are alternatives. Default: <code>{defaultGroupOf(doc, l)}</code></>}
            parse={parseText} onCommit={(group) => patch({ group })} />
          <CheckField label="Optional (degrades, never fails, the source)" testId="field-optional" checked={l.optional ?? false}
            onChange={(on) => patch({ optional: on || undefined })} />
          <TextField label="Network path availability" testId="field-link-availability" value={availabilityText(l.availability)} placeholder="100"
            suffix="%" inputMode="decimal" hint="below 100% the path itself becomes a failure element"
            parse={(t) => parseAvailability(t)} onCommit={(availability) => patch({ availability: availability === 1 ? undefined : availability })} />
        </Section>
      )}
    </>
  );
}
