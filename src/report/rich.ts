// Text with ids in it, written once and rendered as Markdown (ids in code spans, the rest
// escaped), as HTML (ids in <code>, the rest escaped) or as a plain terminal line.
import { terminalSafe } from '../io/safeText';
import { mdCode, mdText } from './markdown';

export type RichPart = string | { code: string } | { strong: string };
export type Rich = RichPart[];

/** An element: its id, then its label when the label says more. */
export function element(id: string, label?: string): Rich {
  return label !== undefined && label !== id ? [{ code: id }, ` ${label}`] : [{ code: id }];
}

/** Parts joined by a separator ("a, b and c" reads worse in lists of ids than "a, b, c"). */
export function joined(items: Rich[], separator = ', '): Rich {
  return items.flatMap((item, i) => (i === 0 ? item : [separator, ...item]));
}

export function toMarkdown(r: Rich): string {
  return r.map((p) => (typeof p === 'string' ? mdText(p) : 'code' in p ? mdCode(p.code) : `**${mdText(p.strong)}**`)).join('');
}

/** A terminal line: control characters in a label made visible and inert (src/io/safeText.ts). */
export function toPlain(r: Rich): string {
  return terminalSafe(r.map((p) => (typeof p === 'string' ? p : 'code' in p ? p.code : p.strong)).join(''), { oneLine: true });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function toHtml(r: Rich): string {
  return r.map((p) => (typeof p === 'string' ? escapeHtml(p) : 'code' in p ? `<code>${escapeHtml(p.code)}</code>` : `<strong>${escapeHtml(p.strong)}</strong>`)).join('');
}
