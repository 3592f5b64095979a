// The page: top bar, palette, canvas, inspector, and the report panel's place.
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from './canvas/Canvas';
import { EmptyState } from './canvas/EmptyState';
import { Messages } from './canvas/Messages';
import { AutosaveAlert } from './panels/documents/AutosaveAlert';
import { Palette } from './canvas/Palette';
import { TopBar } from './canvas/TopBar';
import { WhatIfHint } from './canvas/WhatIfHint';
import { ConnectPicker } from './canvas/ConnectPicker';
import { ShortcutsDialog } from './canvas/ShortcutsDialog';
import { handleClipboard, handleShortcut } from './commands';
import { openDocumentFiles } from './commands/documents';
import { droppedFiles } from './commands/droppedFiles';
import { ImportNotes } from './panels/importNotes/ImportNotes';
import { Inspector } from './panels/Inspector';
import { ReportPanel } from './panels/ReportPanel';

/** Files dropped anywhere on the page are opened (the canvas handles palette drops). */
function useFileDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files?.length) return;
      e.preventDefault();
      // Files and folders (a folder of manifests is read recursively).
      void droppedFiles(e.dataTransfer).then(openDocumentFiles);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

export function App() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleShortcut(e);
    window.addEventListener('keydown', onKey);
    const events = ['copy', 'cut', 'paste'] as const;
    for (const name of events) document.addEventListener(name, handleClipboard);
    return () => {
      window.removeEventListener('keydown', onKey);
      for (const name of events) document.removeEventListener(name, handleClipboard);
    };
  }, []);
  useFileDrop();
  return (
    <div className="app">
      <TopBar />
      <AutosaveAlert />
      <Messages />
      <div className="workspace">
        <Palette />
        <main className="stage">
          <ReactFlowProvider>
            <Canvas />
          </ReactFlowProvider>
          <WhatIfHint />
          <EmptyState />
          <ImportNotes />
        </main>
        <div className="sidebar">
          <Inspector />
          <ReportPanel />
        </div>
      </div>
      <ConnectPicker />
      <ShortcutsDialog />
    </div>
  );
}
