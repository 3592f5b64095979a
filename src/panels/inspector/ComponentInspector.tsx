// Every field of a component (DESIGN section 2): identity, availability, pool,
// placement, role and standby, SLO for clients, and the `requires` of its groups.
import {
  COMPONENT_KINDS, FAILOVER_SECONDS, FAILOVER_SOURCES, KIND_PRESETS, MANAGED_PRESETS, MAX_REPLICAS, MTTR_SOURCES,
  ROLES, STANDBY_TEMPERATURES, groupResolver, keyedCopy, linkType, own, replicasOf, type Component, type Role, type StandbyTemperature,
} from '../../model';
import { useDocument } from '../../store/document';
import { domainDepth } from '../../store/geometry';
import { usedIds } from '../../store/ids';
import { COMPONENT_KIND_LABELS } from '../../store/labels';
import { useSelection } from '../../store/selection';
import { CheckField, Section, SelectField, TextField } from './fields';
import { availabilityText, parseAvailability, parseId, parseNonNegative, parsePositiveInteger, parseText } from './parsers';
import { MoneyField } from './MoneyFields';
import { ReliabilityFields } from './ReliabilityFields';

export function ComponentInspector({ component: c }: { component: Component }) {
  const doc = useDocument((s) => s.doc);
  const store = useDocument.getState();
  const patch = (p: Partial<Component>) => store.updateComponent(c.id, p);
  const replicas = replicasOf(c);
  const domainOptions = [
    { value: '', label: '— none —' },
    ...doc.domains.map((d) => ({ value: d.id, label: `${'  '.repeat(domainDepth(doc, d.id))}${d.label ?? d.id} (${d.kind})` })),
  ];
  const groupOf = groupResolver(doc);
  const groups = new Map<string, number>();
  for (const l of doc.links) {
    if (l.from !== c.id || linkType(l) !== 'dependency' || l.optional) continue;
    const g = groupOf(l);
    groups.set(g, (groups.get(g) ?? 0) + 1);
  }
  const isClient = c.kind === 'client';
  const preset = { ...KIND_PRESETS[c.kind], source: `${KIND_PRESETS[c.kind].source}; MTTR: ${MTTR_SOURCES[c.kind]}` };

  return (
    <>
      <Section title="Component">
        <TextField label="Id" testId="field-id" value={c.id} parse={(t) => parseId(t, usedIds(doc), c.id)}
          onCommit={(id) => {
            if (!id || id === c.id) return;
            store.renameElement(c.id, id);
            useSelection.getState().select([id]);
          }} />
        <TextField label="Label" testId="field-label" value={c.label ?? ''} placeholder={c.id} parse={parseText} onCommit={(label) => patch({ label })} />
        <SelectField label="Kind" testId="field-kind" value={c.kind}
          options={COMPONENT_KINDS.map((k) => ({ value: k, label: COMPONENT_KIND_LABELS[k] }))}
          onChange={(kind) => patch({ kind: kind as Component['kind'] })} />
      </Section>

      {isClient ? (
        <Section title="Target">
          <TextField label="SLO of this client" testId="field-slo" value={availabilityText(c.slo)} suffix="%" inputMode="decimal"
            hint="clients never fail; the analysis checks this target" parse={(t) => parseAvailability(t, { open: true })} onCommit={(slo) => patch({ slo })} />
          <MoneyField label="Downtime cost" testId="field-downtime-cost" value={c.downtimeCostPerHour} currency={doc.currency ?? 'USD'} per="an hour of outage"
            hint={c.downtimeCostPerHour === undefined && doc.downtimeCostPerHour !== undefined ? "the design's applies" : 'what an hour of this client\'s outage costs'}
            onCommit={(downtimeCostPerHour) => patch({ downtimeCostPerHour })} />
        </Section>
      ) : (
        <>
          <Section title="Availability">
            <ReliabilityFields elementId={c.id} value={c} preset={preset} managed={MANAGED_PRESETS.filter((m) => m.kinds.includes(c.kind))} onPatch={patch} />
          </Section>

          <Section title="Instances">
            <div className="field-row">
              <TextField label="Replicas" testId="field-replicas" value={c.replicas?.toString() ?? ''} placeholder="1" inputMode="numeric"
                parse={(t) => {
                  const r = parsePositiveInteger(t, { max: MAX_REPLICAS });
                  // Instance i of a pool is `id#i`: an element already named so would be two things.
                  const lookalike = r.ok && (r.value ?? 1) > 1 ? [...usedIds(doc)].find((x) => x.startsWith(`${c.id}#`) && /^\d+$/.test(x.slice(c.id.length + 1))) : undefined;
                  return lookalike ? { ok: false, error: `"${lookalike}" would name an instance of this pool: rename it first` } : r;
                }}
                onCommit={(n) => patch({ replicas: n, ...(c.minHealthy !== undefined && n !== undefined && c.minHealthy > n ? { minHealthy: n } : {}) })} />
              <TextField label="Must work" testId="field-min-healthy" value={c.minHealthy?.toString() ?? ''} placeholder="1" inputMode="numeric"
                parse={(t) => parsePositiveInteger(t, { max: replicas })} onCommit={(minHealthy) => patch({ minHealthy })} />
            </div>
            <div className="field-hint">k-out-of-n: how many of the instances must work to carry the load.</div>
          </Section>

          <Section title="Cost">
            <MoneyField label="Cost of one instance" testId="field-cost" value={c.costPerMonth} currency={doc.currency ?? 'USD'} per="a month"
              hint={c.costPerMonth !== undefined && replicas > 1 ? `${replicas} instances` : 'standbys cost what they cost, idle or not'}
              onCommit={(costPerMonth) => patch({ costPerMonth })} />
          </Section>

          <Section title="Placement">
            <SelectField label="Failure domain" testId="field-domain" value={c.domains ? '' : c.domain ?? ''} options={domainOptions}
              hint={c.domains ? `spread over ${c.domains.join(', ')}` : 'drag the node into a container to place it'}
              onChange={(v) => store.setDomain(c.id, v || undefined)} />
            {(replicas > 1 || c.domains) && doc.domains.length > 0 && (
              <div className="field">
                <span className="field-label">Spread instances over</span>
                <div className="check-list">
                  {doc.domains.map((d) => (
                    <CheckField key={d.id} label={`${d.label ?? d.id}`} testId={`field-spread-${d.id}`}
                      checked={c.domains?.includes(d.id) ?? false}
                      onChange={(on) => {
                        const now = new Set(c.domains ?? (c.domain ? [c.domain] : []));
                        if (on) now.add(d.id);
                        else now.delete(d.id);
                        const ordered = doc.domains.map((x) => x.id).filter((x) => now.has(x));
                        if (ordered.length <= 1) patch({ domains: undefined, domain: ordered[0] });
                        else patch({ domains: ordered, domain: undefined });
                      }} />
                  ))}
                </div>
                <div className="field-hint">instance i goes to the i-th checked domain, round-robin</div>
              </div>
            )}
          </Section>

          <Section title="Role and failover">
            <SelectField label="Role" testId="field-role" value={c.role ?? 'primary'}
              options={ROLES.map((r) => ({ value: r, label: r }))}
              onChange={(r) => patch(r === 'primary' ? { role: undefined, ...(replicas > 1 ? {} : { standby: undefined, failoverSeconds: undefined }) } : r === 'standby' ? { role: r as Role, standby: c.standby ?? 'warm' } : { role: r as Role, standby: undefined, failoverSeconds: undefined })} />
            {(c.role === 'standby' || replicas > 1) && (
              <SelectField label={c.role === 'standby' ? 'Standby temperature' : 'Pool mode'} testId="field-standby" value={c.standby ?? ''}
                options={[
                  ...(c.role === 'standby' ? [] : [{ value: '', label: 'active-active: every instance serves' }]),
                  ...STANDBY_TEMPERATURES.map((t) => ({ value: t, label: `${c.role === 'standby' ? '' : 'active-passive, '}${t} (${FAILOVER_SECONDS[t]} s)` })),
                ]}
                hint={c.standby ? FAILOVER_SOURCES[c.standby] : undefined}
                onChange={(t) => patch({ standby: (t || undefined) as StandbyTemperature | undefined })} />
            )}
            {c.standby && (
              <TextField label="Failover time" testId="field-failover" value={c.failoverSeconds?.toString() ?? ''} placeholder={String(FAILOVER_SECONDS[c.standby])}
                suffix="s" inputMode="decimal" hint="an explicit time wins over the temperature's default"
                parse={(t) => parseNonNegative(t, 'seconds')} onCommit={(failoverSeconds) => patch({ failoverSeconds })} />
            )}
          </Section>
        </>
      )}

      {groups.size > 0 && (
        <Section title="Dependency groups">
          <div className="field-hint">Each group needs at least "min" working targets; targets in one group are alternatives.</div>
          {[...groups].map(([g, size]) => (
            <TextField key={g} label={`${g} (${size} target${size === 1 ? '' : 's'})`} testId={`field-requires-${g}`}
              value={own(c.requires, g)?.min.toString() ?? ''} placeholder="1" inputMode="numeric"
              parse={(t) => parsePositiveInteger(t, { max: size })}
              onCommit={(min) => {
                const next = keyedCopy(Object.entries(c.requires ?? {}).filter(([k]) => k !== g));
                if (min !== undefined && min !== 1) next[g] = { min };
                patch({ requires: Object.keys(next).length ? next : undefined });
              }} />
          ))}
        </Section>
      )}
    </>
  );
}
