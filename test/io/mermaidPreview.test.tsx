// @vitest-environment happy-dom
// The preview panel: text, copy button, and a lazily loaded, strict mermaid drawing. Mermaid
// itself cannot lay out under happy-dom (no SVG measuring), so it is replaced here by a
// stand-in that records how it was called; Playwright sees the real drawing.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toMermaid } from '../../src/io';
import { MermaidPreview } from '../../src/panels/MermaidPreview';
import { example } from './fixtures';

const mermaid = vi.hoisted(() => ({
  initialize: vi.fn(),
  render: vi.fn(async (id: string, text: string) => {
    if (text.includes('BROKEN')) throw new Error('Parse error on line 2');
    return { svg: `<svg id="${id}" data-lines="${text.split('\n').length}"><text>drawn</text></svg>` };
  }),
}));
vi.mock('mermaid', () => ({ default: mermaid }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  vi.useFakeTimers();
  mermaid.initialize.mockClear();
  mermaid.render.mockClear();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

async function show(text: string) {
  await act(async () => root.render(<MermaidPreview text={text} />));
  await act(async () => {
    await vi.advanceTimersByTimeAsync(200);
  });
}

const byTestId = (id: string) => host.querySelector(`[data-testid="${id}"]`) as HTMLElement;

describe('MermaidPreview', () => {
  it('shows the text read-only and draws it with mermaid in strict mode, loaded on demand', async () => {
    const text = toMermaid(example());
    await show(text);
    const area = byTestId('mermaid-text') as HTMLTextAreaElement;
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.readOnly).toBe(true);
    expect(area.value).toBe(text);
    expect(mermaid.initialize).toHaveBeenCalledWith(expect.objectContaining({ startOnLoad: false, securityLevel: 'strict' }));
    expect(mermaid.render).toHaveBeenCalledWith(expect.any(String), text);
    expect(byTestId('mermaid-diagram-state').dataset.state).toBe('ready');
    expect(byTestId('mermaid-diagram').querySelector('svg')?.getAttribute('data-lines')).toBe(String(text.split('\n').length));
  });

  it('redraws once after the text settles', async () => {
    await act(async () => root.render(<MermaidPreview text={'flowchart TB\n  a'} />));
    await act(async () => root.render(<MermaidPreview text={'flowchart TB\n  a --> b'} />));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(200);
    });
    expect(mermaid.render).toHaveBeenCalledTimes(1);
    expect(mermaid.render.mock.calls[0][1]).toBe('flowchart TB\n  a --> b');
  });

  it('says why when mermaid cannot draw, and keeps the text', async () => {
    await show('flowchart TB\n  BROKEN');
    expect(byTestId('mermaid-diagram-state').dataset.state).toBe('error');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Parse error on line 2');
    expect((byTestId('mermaid-text') as HTMLTextAreaElement).value).toBe('flowchart TB\n  BROKEN');
  });

  it('copies the text to the clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await show('flowchart TB\n  a');
    await act(async () => byTestId('export-mermaid').click());
    expect(writeText).toHaveBeenCalledWith('flowchart TB\n  a');
    expect(byTestId('export-mermaid').textContent).toBe('Copied');
  });
});
