// Mermaid needs a DOM even to parse (DOMPurify hooks run at import): in Node, put
// happy-dom's window and document on globalThis before mermaid is first imported. Node-only:
// the browser build never imports this file, so happy-dom stays out of it.
let installed = false;

export async function installMermaidDom(): Promise<void> {
  if (installed) return;
  const g = globalThis as Record<string, unknown>;
  if (g.document === undefined || g.window === undefined) {
    const { Window } = await import('happy-dom');
    // Diagrams are untrusted: no scripts, no fetching of anything a label points at.
    const window = new Window({
      settings: {
        enableJavaScriptEvaluation: false,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
      },
    });
    g.window = window;
    g.document = window.document;
  }
  installed = true;
}
