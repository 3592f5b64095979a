// The top bar: the document's name, new / open / save / templates, undo and redo,
// layout, what-if, Mermaid, export, share. Every button runs a command from src/commands.
import { ChevronDown, GitBranch, LayoutTemplate, Repeat2, ShieldAlert } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import {
  layout, newDocument, openFile, redo, runCommand, saveJson, toggleLinkMode, undo, whatIfToggle, type Command,
} from '../commands';
import { loadTemplates, openDocumentFiles, openTemplate } from '../commands/documents';
import { acceptedExtensions } from '../commands/importers';
import { DraftsButton } from '../panels/documents/DraftsToggle';
import { ExportMenu } from '../panels/documents/ExportMenu';
import { MermaidButton } from '../panels/documents/MermaidDrawer';
import { ShareButton } from '../panels/documents/ShareButton';
import { useAnalysis } from '../store/analysis';
import { useDocument, useHistory } from '../store/document';
import { useSelection } from '../store/selection';
import type { Template } from '../templates';
import { useDismiss } from './useDismiss';

/** `showLabel: 'wide'` shows the text only on wide screens (an icon with its tooltip otherwise). */
function CommandButton({ command, testId, enabled = true, pressed, showLabel = false }: { command: Command; testId?: string; enabled?: boolean; pressed?: boolean; showLabel?: boolean | 'wide' }) {
  const Icon = command.icon;
  return (
    <button
      type="button"
      className={`btn${showLabel ? '' : ' btn-icon'}${pressed ? ' is-pressed' : ''}`}
      data-testid={testId ?? command.id}
      title={command.shortcut ? `${command.label} (${command.shortcut})` : command.label}
      aria-label={command.label}
      aria-pressed={pressed}
      disabled={!enabled}
      onClick={() => runCommand(command)}
    >
      {Icon && <Icon size={16} aria-hidden />}
      {showLabel && <span className={showLabel === 'wide' ? 'btn-text-wide' : undefined}>{command.label}</span>}
    </button>
  );
}

function TemplatesMenu() {
  const [open, setOpen] = useState(false);
  // Loaded when the menu first opens: the designs stay out of the first paint's JavaScript.
  const [templates, setTemplates] = useState<readonly Template[] | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(open, ref, () => setOpen(false));
  useEffect(() => {
    if (open && !templates) void loadTemplates().then((m) => setTemplates(m.TEMPLATES));
  }, [open, templates]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn" data-testid="templates-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <LayoutTemplate size={16} aria-hidden /><span>Templates</span><ChevronDown size={14} aria-hidden />
      </button>
      {open && (
        <div className="menu-popover templates-popover" role="menu">
          {!templates && <span className="menu-item-text">Loading the templates…</span>}
          {templates?.map((t) => (
            <button key={t.id} type="button" role="menuitem" className="menu-item" data-testid={`template-${t.id}`}
              onClick={() => {
                setOpen(false);
                void openTemplate(t.id);
              }}>
              <span className="menu-item-title">{t.name}</span>
              <span className="menu-item-text">{t.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The kind of link a new connection makes: a mode shown as two pressed-or-not segments, not an action. */
function LinkModeSwitch() {
  const linkMode = useSelection((s) => s.linkMode);
  const modes = [
    { mode: 'dependency', label: 'Dependency', icon: GitBranch, title: 'New links are dependencies: the source needs the target' },
    { mode: 'replication', label: 'Replication', icon: Repeat2, title: 'New links are replication: data copied between two stores' },
  ] as const;
  return (
    <div className="segmented" role="group" aria-label="New links" data-testid="link-mode" data-mode={linkMode}>
      {modes.map(({ mode, label, icon: Icon, title }) => (
        <button key={mode} type="button" className={`btn${linkMode === mode ? ' is-pressed' : ''}`} data-testid={`link-mode-${mode}`}
          aria-pressed={linkMode === mode} title={`${title} (${toggleLinkMode.shortcut} switches)`}
          onClick={() => useSelection.getState().setLinkMode(mode)}>
          <Icon size={16} aria-hidden /><span className="btn-text">{label}</span>
        </button>
      ))}
    </div>
  );
}

export function TopBar() {
  const name = useDocument((s) => s.doc.name);
  const hasComponents = useDocument((s) => s.doc.components.length > 0);
  const lastAction = useDocument((s) => s.lastAction);
  const { canUndo, canRedo } = useHistory();
  const whatIf = useAnalysis((s) => s.whatIf.active);
  return (
    <header className="topbar">
      <h1 className="brand"><ShieldAlert size={20} aria-hidden /><span>SPOF Studio</span></h1>
      <div className="doc-name" data-testid="doc-name" title={name}>{name}</div>
      <div className="toolbar-group">
        <CommandButton command={newDocument} showLabel="wide" />
        <label className="btn" title="Open a .spof.json design, a .mmd flowchart, or compose files, Kubernetes manifests and Terraform (Ctrl+O)">
          <input type="file" data-testid="import-file" accept={acceptedExtensions().join(',')} className="visually-hidden" multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void openDocumentFiles(files);
            }} />
          {openFile.icon && <openFile.icon size={16} aria-hidden />}<span className="btn-text-wide">Open</span>
        </label>
        <CommandButton command={saveJson} showLabel="wide" />
        <TemplatesMenu />
      </div>
      <div className="toolbar-group">
        <CommandButton command={{ ...undo, label: lastAction ? `Undo ${lastAction}` : 'Undo' }} testId="undo" enabled={canUndo} />
        <CommandButton command={redo} enabled={canRedo} />
      </div>
      <div className="toolbar-group">
        <CommandButton command={layout} enabled={hasComponents} showLabel />
        <LinkModeSwitch />
        <CommandButton command={whatIfToggle} pressed={whatIf} showLabel />
      </div>
      <div className="toolbar-group toolbar-end">
        {/* Documents (src/panels/documents): Mermaid drawer, Export menu (JSON, Mermaid, PNG, SVG), share link. */}
        <DraftsButton />
        <MermaidButton />
        <ExportMenu />
        <ShareButton />
      </div>
    </header>
  );
}
