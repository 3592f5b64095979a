// "Export ▾": the design as JSON (the same save as the Save button), as Mermaid (opens the
// drawer with the text and its copy button), as a PNG or SVG picture of the canvas, or as a
// report to share (Markdown or HTML).
import { ChevronDown, Download } from 'lucide-react';
import { useRef, useState } from 'react';
import { useDismiss } from '../../canvas/useDismiss';
import { exportPng, exportSvg, runCommand, saveJson, type Command } from '../../commands';
import { exportReportHtml, exportReportMarkdown } from '../../commands/report';
import { useDocument } from '../../store/document';
import { useDocumentsUi } from '../../store/documentsUi';

interface Item {
  command: Command;
  testId: string;
  title: string;
  text: string;
}

const ITEMS: Item[] = [
  { command: saveJson, testId: 'export-menu-json', title: 'Topology JSON', text: 'The .spof.json file to keep in git and open again' },
  {
    command: { id: 'export-menu-mermaid', label: 'Mermaid', perform: () => useDocumentsUi.getState().setMermaidOpen(true) },
    testId: 'export-menu-mermaid',
    title: 'Mermaid flowchart',
    text: 'Text for docs and READMEs, with a live preview',
  },
  { command: exportPng, testId: 'export-png', title: 'PNG image', text: 'The whole canvas at twice the screen resolution' },
  { command: exportSvg, testId: 'export-svg', title: 'SVG image', text: 'The whole canvas as a scalable picture' },
  { command: exportReportMarkdown, testId: 'export-report-markdown', title: 'Report (Markdown)', text: 'Figures, downtime, SPOFs, findings and the plan, for a wiki or a pull request' },
  { command: exportReportHtml, testId: 'export-report-html', title: 'Report (HTML)', text: 'The same as one page to share: no script, nothing to fetch' },
];

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // Re-render on document changes so the image items enable once there is a drawing.
  useDocument((s) => s.doc.components.length + s.doc.domains.length);
  useDismiss(open, ref, () => setOpen(false));
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn" data-testid="export-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Download size={16} aria-hidden /><span>Export</span><ChevronDown size={14} aria-hidden />
      </button>
      {open && (
        <div className="menu-popover export-popover" role="menu">
          {ITEMS.map(({ command, testId, title, text }) => {
            const enabled = !command.predicate || command.predicate();
            return (
              <button key={testId} type="button" role="menuitem" className="menu-item" data-testid={testId} disabled={!enabled}
                onClick={() => {
                  setOpen(false);
                  runCommand(command);
                }}>
                <span className="menu-item-title">{title}</span>
                <span className="menu-item-text">{text}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
