// The top bar: the document's name, new / open / save / templates, undo and redo,
// layout, what-if, Mermaid, export, share. Every button runs a command from src/commands.
import { ChevronDown, GitBranch, LayoutTemplate, ShieldAlert } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import {
  layout, newDocument, openFile, redo, runCommand, saveJson, toggleLinkMode, undo, whatIfToggle, type Command,
} from '../commands';
import { openDocumentFiles, openTemplate } from '../commands/documents';
import { acceptedExtensions } from '../commands/importers';
import { DraftsButton } from '../panels/documents/DraftsPanel';
import { ExportMenu } from '../panels/documents/ExportMenu';
import { MermaidButton } from '../panels/documents/MermaidDrawer';
import { ShareButton } from '../panels/documents/ShareButton';
import { useAnalysis } from '../store/analysis';
import { useDocument, useHistory } from '../store/document';
import { useSelection } from '../store/selection';
import { TEMPLATES } from '../templates';

function CommandButton({ command, testId, enabled = true, pressed, showLabel = false }: { command: Command; testId?: string; enabled?: boolean; pressed?: boolean; showLabel?: boolean }) {
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
      {showLabel && <span>{command.label}</span>}
    </button>
  );
}

function TemplatesMenu() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn" data-testid="templates-menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <LayoutTemplate size={16} aria-hidden /><span>Templates</span><ChevronDown size={14} aria-hidden />
      </button>
      {open && (
        <div className="menu-popover templates-popover" role="menu">
          {TEMPLATES.map((t) => (
            <button key={t.id} type="button" role="menuitem" className="menu-item" data-testid={`template-${t.id}`}
              onClick={() => {
                setOpen(false);
                openTemplate(t.id);
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

export function TopBar() {
  const name = useDocument((s) => s.doc.name);
  const hasComponents = useDocument((s) => s.doc.components.length > 0);
  const lastAction = useDocument((s) => s.lastAction);
  const { canUndo, canRedo } = useHistory();
  const whatIf = useAnalysis((s) => s.whatIf.active);
  const linkMode = useSelection((s) => s.linkMode);
  return (
    <header className="topbar">
      <div className="brand"><ShieldAlert size={20} aria-hidden /><span>SPOF Studio</span></div>
      <div className="doc-name" data-testid="doc-name" title={name}>{name}</div>
      <div className="toolbar-group">
        <CommandButton command={newDocument} showLabel />
        <label className="btn" title="Open a .spof.json design, a .mmd flowchart, or compose files, Kubernetes manifests and Terraform (Ctrl+O)">
          <input type="file" data-testid="import-file" accept={acceptedExtensions().join(',')} className="visually-hidden" multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void openDocumentFiles(files);
            }} />
          {openFile.icon && <openFile.icon size={16} aria-hidden />}<span>Open</span>
        </label>
        <CommandButton command={saveJson} showLabel />
        <TemplatesMenu />
      </div>
      <div className="toolbar-group">
        <CommandButton command={{ ...undo, label: lastAction ? `Undo ${lastAction}` : 'Undo' }} testId="undo" enabled={canUndo} />
        <CommandButton command={redo} enabled={canRedo} />
      </div>
      <div className="toolbar-group">
        <CommandButton command={layout} enabled={hasComponents} showLabel />
        <button type="button" className={`btn${linkMode === 'replication' ? ' is-pressed' : ''}`} data-testid="link-mode"
          aria-pressed={linkMode === 'replication'} title={`New links are ${linkMode} links: click to switch (R)`} onClick={() => runCommand(toggleLinkMode)}>
          <GitBranch size={16} aria-hidden /><span>{linkMode === 'replication' ? 'Replication' : 'Dependency'}</span>
        </button>
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
