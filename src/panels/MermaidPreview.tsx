// The Mermaid preview: the flowchart text (`mermaid-text`), a copy button (`export-mermaid`)
// and the diagram drawn by mermaid itself, loaded only when the preview is first shown.
// `securityLevel: 'strict'` makes mermaid sanitise what it draws; labels are escaped by
// toMermaid already, so a label like `<img onerror=...>` shows as text and runs nothing.
import { useEffect, useId, useRef, useState } from 'react';

export interface MermaidPreviewProps {
  /** Diagram text, e.g. from `toMermaid(topology, { spofIds })` or `toMermaidArchitecture`. */
  text: string;
}

type DrawState = { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };
type CopyState = 'idle' | 'copied' | 'failed';

// Drawing waits this long after the last change, so typing in the inspector does not
// redraw on every key.
const DRAW_DELAY_MS = 150;
let renderCount = 0;
// mermaid.render keeps global state while it works: one render at a time.
let renderQueue: Promise<unknown> = Promise.resolve();

async function renderSvg(elementId: string, text: string): Promise<string> {
  const run = renderQueue.then(async () => {
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 2_000_000, maxEdges: 100_000 });
    try {
      const { svg } = await mermaid.render(elementId, text);
      return svg;
    } finally {
      // On a failed render mermaid may leave its scratch element in the page.
      document.getElementById(`d${elementId}`)?.remove();
    }
  });
  renderQueue = run.catch(() => undefined);
  return run;
}

export function MermaidPreview({ text }: MermaidPreviewProps) {
  const diagramRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [draw, setDraw] = useState<DrawState>({ state: 'loading' });
  const [copy, setCopy] = useState<CopyState>('idle');
  const baseId = `mermaid-preview-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  useEffect(() => {
    let current = true;
    setDraw({ state: 'loading' });
    const timer = setTimeout(() => {
      renderSvg(`${baseId}-${++renderCount}`, text).then(
        (svg) => {
          if (!current || !diagramRef.current) return;
          diagramRef.current.innerHTML = svg;
          setDraw({ state: 'ready' });
        },
        (e: unknown) => {
          if (!current) return;
          if (diagramRef.current) diagramRef.current.innerHTML = '';
          setDraw({ state: 'error', message: e instanceof Error ? e.message : String(e) });
        },
      );
    }, DRAW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, baseId]);

  useEffect(() => {
    setCopy('idle');
  }, [text]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      // No clipboard permission (or an insecure page): select the text for Ctrl+C instead.
      textRef.current?.select();
      setCopy(document.execCommand?.('copy') ? 'copied' : 'failed');
    }
  };

  return (
    <div className="mermaid-preview">
      <div className="mermaid-preview-bar">
        <button type="button" className="btn" data-testid="export-mermaid" onClick={() => void onCopy()}>
          {copy === 'copied' ? 'Copied' : 'Copy Mermaid'}
        </button>
        {copy === 'failed' && <span className="field-hint" role="status">Copy failed: the text is selected, press Ctrl+C.</span>}
      </div>
      <textarea
        ref={textRef}
        className="mermaid-preview-text"
        data-testid="mermaid-text"
        readOnly
        spellCheck={false}
        aria-label="Mermaid diagram text"
        value={text}
        rows={12}
      />
      <div className="mermaid-preview-diagram-wrap" data-testid="mermaid-diagram-state" data-state={draw.state}>
        {draw.state === 'loading' && <p className="field-hint">Drawing the diagram…</p>}
        {draw.state === 'error' && (
          <p className="field-hint" role="alert">
            Mermaid could not draw it: {draw.message}
          </p>
        )}
        <div ref={diagramRef} className="mermaid-preview-diagram" data-testid="mermaid-diagram" />
      </div>
    </div>
  );
}
