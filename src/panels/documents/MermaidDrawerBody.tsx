// The Mermaid drawer's content: the design as a Mermaid flowchart or architecture-beta
// diagram (SPOFs highlighted), its text with a copy button, and mermaid's own drawing of it.
// Loaded the first time the drawer opens (src/panels/documents/MermaidDrawer.tsx).
import { X } from 'lucide-react';
import { useMemo } from 'react';
import { toMermaidArchitecture } from '../../io/mermaidArchitecture';
import { toMermaid } from '../../io/mermaidExport';
import { useAnalysis } from '../../store/analysis';
import { useDocument } from '../../store/document';
import { useDocumentsUi, type Direction, type MermaidDiagramKind } from '../../store/documentsUi';
import { MermaidPreview } from '../MermaidPreview';

const EMPTY: readonly string[] = [];

function DirectionToggle({ value, onChange }: { value: Direction; onChange: (d: Direction) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Direction">
      {(['TB', 'LR'] as const).map((d) => (
        <button key={d} type="button" role="radio" aria-checked={value === d} className={`btn${value === d ? ' is-pressed' : ''}`}
          data-testid={`mermaid-direction-${d}`} title={d === 'TB' ? 'Top to bottom' : 'Left to right'} onClick={() => onChange(d)}>
          {d === 'TB' ? 'Top–bottom' : 'Left–right'}
        </button>
      ))}
    </div>
  );
}

const DIAGRAMS: { kind: MermaidDiagramKind; text: string; title: string }[] = [
  { kind: 'flowchart', text: 'Flowchart', title: 'A flowchart: renders on GitHub, GitLab and most wikis' },
  { kind: 'architecture', text: 'Architecture', title: "Mermaid's architecture-beta: groups and icons (Mermaid 11 and later)" },
];

function DiagramToggle({ value, onChange }: { value: MermaidDiagramKind; onChange: (d: MermaidDiagramKind) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Diagram">
      {DIAGRAMS.map(({ kind, text, title }) => (
        <button key={kind} type="button" role="radio" aria-checked={value === kind} className={`btn${value === kind ? ' is-pressed' : ''}`}
          data-testid={`mermaid-kind-${kind}`} title={title} onClick={() => onChange(kind)}>
          {text}
        </button>
      ))}
    </div>
  );
}

export function Drawer() {
  const doc = useDocument((s) => s.doc);
  const spofs = useAnalysis((s) => s.report?.spofs);
  const chosen = useDocumentsUi((s) => s.mermaidDirection);
  const setDirection = useDocumentsUi((s) => s.setMermaidDirection);
  const diagram = useDocumentsUi((s) => s.mermaidDiagram);
  const setDiagram = useDocumentsUi((s) => s.setMermaidDiagram);
  const direction: Direction = chosen ?? doc.view?.direction ?? 'TB';
  const spofIds = useMemo(() => spofs?.map((s) => s.id) ?? EMPTY, [spofs]);
  const text = useMemo(
    () => (diagram === 'architecture' ? toMermaidArchitecture(doc, { direction, spofIds }) : toMermaid(doc, { direction, spofIds })),
    [doc, diagram, direction, spofIds],
  );
  return (
    <aside className="mermaid-drawer" data-testid="mermaid-drawer" aria-label="Mermaid export">
      <div className="mermaid-drawer-head">
        <span className="panel-heading mermaid-drawer-title">Mermaid</span>
        <DiagramToggle value={diagram} onChange={setDiagram} />
        <DirectionToggle value={direction} onChange={setDirection} />
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Close the Mermaid drawer" data-testid="mermaid-close"
          onClick={() => useDocumentsUi.getState().setMermaidOpen(false)}>
          <X size={16} />
        </button>
      </div>
      <p className="field-hint mermaid-drawer-hint">
        Paste into a Markdown file inside a <code>```mermaid</code> block. {diagram === 'architecture'
          ? 'SPOFs are marked (SPOF) in their titles; architecture-beta needs Mermaid 11.'
          : 'SPOFs are drawn in red.'} Saved as a .mmd file, it opens here again as this design.
      </p>
      <div className="mermaid-drawer-body">
        <MermaidPreview text={text} />
      </div>
    </aside>
  );
}
