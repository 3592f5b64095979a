// The automation contract (DESIGN section 5) plus the canvas's own hooks, in one place.
export const TEST_IDS = {
  canvas: 'canvas',
  palette: (kind: string) => `palette-${kind}`,
  inspector: 'inspector',
  systemAvailability: 'system-availability',
  systemNines: 'system-nines',
  spofList: 'spof-list',
  spofItem: 'spof-item',
  analysisStatus: 'analysis-status',
  importFile: 'import-file',
  exportJson: 'export-json',
  exportMermaid: 'export-mermaid',
  mermaidText: 'mermaid-text',
  shareLink: 'share-link',
  undo: 'undo',
  redo: 'redo',
  whatIfToggle: 'what-if-toggle',
  layout: 'layout',
  errorMessage: 'error-message',
  // Canvas-specific hooks.
  reportPanel: 'report-panel',
  noticeMessage: 'notice-message',
  templatesMenu: 'templates-menu',
  template: (id: string) => `template-${id}`,
  newDocument: 'new',
  docName: 'doc-name',
  linkMode: 'link-mode',
  field: (name: string) => `field-${name}`,
  fieldError: 'field-error',
} as const;

/** localStorage keys of the autosave. */
export const STORAGE = {
  draft: 'spof-studio:draft',
  corruptPrefix: 'spof-studio:draft-corrupt:',
} as const;
