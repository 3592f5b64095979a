// A report as a few kinds of blocks, written once and rendered as Markdown (for wikis and
// pull requests) or as HTML (a self-contained page): headings, paragraphs, tables, lists
// and the picture.
import { mdTable, type Align } from './markdown';
import { svgDataUri } from './picture';
import { escapeHtml, toHtml, toMarkdown, type Rich } from './rich';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: Rich }
  | { kind: 'table'; header: string[]; rows: Rich[][]; align?: Align[] }
  | { kind: 'list'; items: Rich[]; ordered?: boolean }
  | { kind: 'picture'; alt: string; svg?: string; mermaid?: string };

export function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level)} ${toMarkdown([b.text])}`);
    else if (b.kind === 'paragraph') out.push(toMarkdown(b.text));
    else if (b.kind === 'table') out.push(mdTable(b.header.map((h) => toMarkdown([h])), b.rows.map((r) => r.map(toMarkdown)), b.align));
    else if (b.kind === 'list') out.push(b.items.map((i, n) => `${b.ordered ? `${n + 1}.` : '-'} ${toMarkdown(i)}`).join('\n'));
    else if (b.svg !== undefined) {
      // The drawn picture shows in most Markdown viewers; GitHub strips `data:` images but
      // draws Mermaid, so the diagram follows, folded.
      out.push(`![${toMarkdown([b.alt])}](${svgDataUri(b.svg)})`);
      if (b.mermaid !== undefined) out.push('', '<details><summary>The design as a Mermaid diagram (GitHub draws this one)</summary>', '', mermaidFence(b.mermaid), '', '</details>');
    } else if (b.mermaid !== undefined) out.push(mermaidFence(b.mermaid));
    else continue;
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A fenced block that no backtick run inside the text can close early. */
function mermaidFence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}mermaid\n${text.trimEnd()}\n${fence}`;
}

export function blocksToHtml(blocks: Block[]): string {
  return blocks.map((b) => {
    if (b.kind === 'heading') return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    if (b.kind === 'paragraph') return `<p>${toHtml(b.text)}</p>`;
    if (b.kind === 'list') {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${b.items.map((i) => `<li>${toHtml(i)}</li>`).join('\n')}\n</${tag}>`;
    }
    if (b.kind === 'table') {
      const cls = (i: number) => (b.align?.[i] === 'right' ? ' class="num"' : '');
      const head = `<tr>${b.header.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${toHtml(c)}</td>`).join('')}</tr>`);
      return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    return b.svg !== undefined ? `<figure role="img" aria-label="${escapeHtml(b.alt)}">${b.svg}</figure>` : '';
  }).filter(Boolean).join('\n');
}
