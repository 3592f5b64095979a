// The Mermaid drawer: the design as a Mermaid flowchart, drawn live, with a copy button.
import { CodeXml } from 'lucide-react';
import { useDocumentsUi } from '../store/documentsUi';
import { key, mod, type Command } from './types';

export const toggleMermaidPreview: Command = {
  id: 'mermaid-preview',
  label: 'Mermaid',
  icon: CodeXml,
  shortcut: 'Shift+M',
  keyTest: (e) => !mod(e) && !e.altKey && e.shiftKey && key(e, 'm'),
  perform: () => {
    const ui = useDocumentsUi.getState();
    ui.setMermaidOpen(!ui.mermaidOpen);
  },
};
