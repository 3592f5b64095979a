// Markdown that shows any text literally, on GitHub and in wikis: labels and ids come from
// the design and may hold anything (`|`, `*`, `<script>`, a newline).

/** Control characters and line breaks would end a table row or a list item: one space each. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/**
 * Text with every Markdown and HTML metacharacter escaped. `@` and `#` become entities: on
 * GitHub a label like "@ops" or "#12" in a pull-request comment would mention a person or
 * link an issue.
 */
export function mdText(text: string): string {
  return oneLine(text).replace(/[&<>@#\\`*_[\]|~$]/g, (ch) => ENTITIES[ch] ?? `\\${ch}`);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '&#64;', '#': '&#35;' };

/** An inline code span that holds the text whatever backticks it contains. */
export function mdCode(text: string): string {
  const t = oneLine(text);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t === '' ? ' ' : '';
  // A `|` inside a code span still ends a GitHub table cell.
  return `${fence}${pad}${t.replace(/\|/g, '\\|')}${pad}${fence}`;
}

export type Align = 'left' | 'right';

/** A GitHub-flavoured table; cells are Markdown already (escape text with mdText). */
export function mdTable(header: string[], rows: string[][], align: Align[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** An element as reviewers read it: its id in code, then its label when it says more. */
export function mdElement(id: string, label?: string): string {
  return label !== undefined && label !== id ? `${mdCode(id)} ${mdText(label)}` : mdCode(id);
}
