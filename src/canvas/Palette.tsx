// The palette: every component kind and every container kind. Drag one onto the canvas,
// or click it to add it in the middle of the view.
import { COMPONENT_KINDS, DOMAIN_KINDS, KIND_PRESETS, type ComponentKind, type DomainKind } from '../model';
import { runCommand } from '../commands';
import { connectTo, showShortcuts } from '../commands/keyboard';
import { useDocument } from '../store/document';
import { COMPONENT_SIZE, DEFAULT_DOMAIN_SIZE, type XY } from '../store/geometry';
import { COMPONENT_KIND_LABELS, DOMAIN_KIND_LABELS } from '../store/labels';
import { useSelection } from '../store/selection';
import { visibleCentre } from './flowBridge';
import { formatPercent } from './format';
import { COMPONENT_ACCENTS, COMPONENT_ICONS, DOMAIN_ICONS } from './kinds';

export const DRAG_MIME = 'application/x-spof-palette';

export type PaletteItem = { type: 'component'; kind: ComponentKind } | { type: 'domain'; kind: DomainKind };

/** Adds a palette item with its top-left corner at `at`, selects it, returns its id. */
export function addPaletteItem(item: PaletteItem, at: XY): string {
  const store = useDocument.getState();
  const id = item.type === 'component' ? store.addComponent(item.kind, at) : store.addDomain(item.kind, at);
  // '' : refused (a limit), and said.
  if (id) useSelection.getState().select([id]);
  return id;
}

/** Centre of the view, nudged so repeated clicks do not stack nodes on one spot. */
function freeSpotNearCentre(item: PaletteItem): XY {
  const size = item.type === 'component' ? COMPONENT_SIZE : DEFAULT_DOMAIN_SIZE[item.kind];
  const c = visibleCentre();
  const taken = new Set(Object.values(useDocument.getState().doc.view?.positions ?? {}).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
  let at = { x: Math.round(c.x - size.width / 2), y: Math.round(c.y - size.height / 2) };
  for (let i = 0; i < 50 && taken.has(`${Math.round(at.x / 16) * 16},${Math.round(at.y / 16) * 16}`); i++) at = { x: at.x + 32, y: at.y + 32 };
  return at;
}

function PaletteButton({ item, label, icon: Icon, hint, accent }: { item: PaletteItem; label: string; icon: React.ComponentType<{ size?: number }>; hint: string; accent?: string }) {
  return (
    <button
      type="button"
      className={`palette-item palette-${item.type}`}
      data-testid={`palette-${item.kind}`}
      title={`${label}: ${hint}. Drag onto the canvas or click to add.`}
      draggable
      style={accent ? ({ '--accent': accent } as React.CSSProperties) : undefined}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_MIME, JSON.stringify(item));
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => addPaletteItem(item, freeSpotNearCentre(item))}
    >
      <span className="palette-icon"><Icon size={16} /></span>
      <span className="palette-label">{label}</span>
    </button>
  );
}

export function Palette() {
  return (
    <nav className="palette" aria-label="Palette">
      <div className="panel-heading">Components</div>
      <div className="palette-grid">
        {COMPONENT_KINDS.map((kind) => (
          <PaletteButton
            key={kind}
            item={{ type: 'component', kind }}
            label={COMPONENT_KIND_LABELS[kind]}
            icon={COMPONENT_ICONS[kind]}
            accent={COMPONENT_ACCENTS[kind]}
            hint={kind === 'client' ? 'an entry point; never fails' : `preset ${formatPercent(KIND_PRESETS[kind].availability)}`}
          />
        ))}
      </div>
      <div className="panel-heading">Failure domains</div>
      <div className="palette-grid">
        {DOMAIN_KINDS.map((kind) => (
          <PaletteButton key={kind} item={{ type: 'domain', kind }} label={DOMAIN_KIND_LABELS[kind]} icon={DOMAIN_ICONS[kind]} hint="a container; what sits inside fails with it" />
        ))}
      </div>
      <p className="palette-help">
        Drag from a node's bottom dot to another node to add a dependency. Shift-drag to box-select.
        With the keyboard: Tab to a component, Enter selects it, {connectTo.shortcut} links it to another.
        <button type="button" className="palette-keys" data-testid="shortcuts-open" onClick={() => runCommand(showShortcuts)}>
          Keyboard shortcuts ({showShortcuts.shortcut})
        </button>
      </p>
    </nav>
  );
}
