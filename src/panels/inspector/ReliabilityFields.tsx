// Availability of an element: a preset (shown with its source), a managed-service
// preset, a typed availability, or MTBF with MTTR. A managed preset is named only when it
// was chosen from the list: a typed figure is the person's own, whatever it equals.
import type { ManagedPreset, Preset } from '../../model';
import { formatPercent } from '../../canvas/format';
import { useDrafts } from '../../store/persistence';
import { chosenPreset, usePresetChoices } from '../../store/presetChoices';
import { SelectField, TextField } from './fields';
import { availabilityText, parseAvailability, parsePositive } from './parsers';

interface Reliability {
  availability?: number;
  mtbfHours?: number;
  mttrHours?: number;
}

interface Props {
  /** The element edited: the preset chosen for it is remembered by its id, per design (src/store/presetChoices.ts). */
  elementId: string;
  value: Reliability;
  preset: Preset;
  managed?: ManagedPreset[];
  onPatch: (patch: Reliability) => void;
}

export function ReliabilityFields({ elementId, value, preset, managed = [], onPatch }: Props) {
  const designKey = useDrafts((s) => s.designKey);
  const chosen = usePresetChoices((s) => chosenPreset(s.byDesign, designKey, elementId));
  const choose = (presetId: string | undefined) => usePresetChoices.getState().choose(designKey, elementId, presetId);
  // The chosen preset, while the availability is still its figure (undo or an edit elsewhere may change it).
  const matched = managed.find((m) => m.id === chosen && value.availability === m.availability && value.mtbfHours === undefined);
  const current = value.mtbfHours !== undefined ? 'mtbf' : value.availability !== undefined ? (matched ? matched.id : 'custom') : 'preset';
  const options = [
    { value: 'preset', label: `Kind preset: ${formatPercent(preset.availability)}` },
    ...managed.map((m) => ({ value: m.id, label: `${m.label}: ${formatPercent(m.availability)}` })),
    { value: 'custom', label: 'Custom availability' },
    { value: 'mtbf', label: 'MTBF and MTTR' },
  ];
  const source = current === 'preset' ? preset.source : matched?.source ?? (current === 'mtbf' ? 'a = MTBF / (MTBF + MTTR)' : 'your figure');
  return (
    <>
      <SelectField
        label="Availability source"
        testId="field-reliability"
        value={current}
        options={options}
        hint={<>Source: {source}</>}
        onChange={(v) => {
          choose(managed.some((m) => m.id === v) ? v : undefined);
          if (v === 'preset') onPatch({ availability: undefined, mtbfHours: undefined, mttrHours: undefined });
          else if (v === 'custom') onPatch({ availability: value.availability ?? preset.availability, mtbfHours: undefined, mttrHours: undefined });
          else if (v === 'mtbf') onPatch({ availability: undefined, mtbfHours: value.mtbfHours ?? 8760, mttrHours: value.mttrHours ?? preset.mttrHours });
          else {
            const m = managed.find((x) => x.id === v);
            if (m) onPatch({ availability: m.availability, mtbfHours: undefined, mttrHours: undefined });
          }
        }}
      />
      {current !== 'mtbf' && (
        <TextField
          label="Availability of one instance"
          testId="field-availability"
          value={availabilityText(value.availability)}
          placeholder={availabilityText(preset.availability)}
          suffix="%"
          inputMode="decimal"
          hint="a percent (99.95) or a fraction (0.9995); empty for the preset"
          parse={(t) => parseAvailability(t)}
          onCommit={(availability) => {
            choose(undefined);
            onPatch({ availability, mtbfHours: undefined });
          }}
        />
      )}
      <div className="field-row">
        {current === 'mtbf' && (
          <TextField label="MTBF" testId="field-mtbf" value={value.mtbfHours?.toString() ?? ''} suffix="h" inputMode="decimal"
            parse={(t) => parsePositive(t, 'hours')} onCommit={(mtbfHours) => onPatch({ mtbfHours, availability: undefined })} />
        )}
        <TextField label="MTTR" testId="field-mttr" value={value.mttrHours?.toString() ?? ''} placeholder={String(preset.mttrHours)} suffix="h" inputMode="decimal"
          hint={current === 'mtbf' ? undefined : 'repair time: turns availability into a failure rate'}
          parse={(t) => (current === 'mtbf' && t.trim() === '' ? { ok: false, error: 'MTBF needs an MTTR' } : parsePositive(t, 'hours'))}
          onCommit={(mttrHours) => onPatch({ mttrHours })} />
      </div>
    </>
  );
}
