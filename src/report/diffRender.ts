// A design diff as a pull-request comment (Markdown) or as terminal text.
import type { DesignDiff } from './diff';
import { diffView, type DiffView } from './diffView';
import { mdTable, mdText } from './markdown';
import { toMarkdown, toPlain } from './rich';

export function diffMarkdown(d: DesignDiff): string {
  const v: DiffView = diffView(d);
  const out = [`### ${mdText(v.title)}`, '', toMarkdown(v.verdict), ''];
  out.push(mdTable(['', 'Base', 'Head', 'Change'], v.rows.map((r) => [mdText(r.label), mdText(r.before), mdText(r.after), mdText(r.change)]), ['left', 'right', 'right', 'right']));
  for (const s of v.sections) {
    out.push('', `**${mdText(s.title)}**`, '');
    for (const item of s.items) out.push(`- ${toMarkdown(item)}`);
    if (s.more > 0) out.push(`- and ${s.more} more (\`spof diff --json\` lists them all)`);
  }
  out.push('', `<sub>SPOF Studio \`spof diff\`: base ${d.base.method === 'exact' ? 'exact' : 'Monte Carlo'}, head ${d.head.method === 'exact' ? 'exact' : 'Monte Carlo'}; elements matched by id.</sub>`);
  return `${out.join('\n')}\n`;
}

export function diffText(d: DesignDiff): string {
  const v = diffView(d);
  const out = [toPlain([v.title]), toPlain(v.verdict), ''];
  const width = Math.max(...v.rows.map((r) => r.label.length));
  const col = (i: 'before' | 'after' | 'change') => Math.max(i === 'before' ? 4 : i === 'after' ? 4 : 6, ...v.rows.map((r) => r[i].length));
  const [wb, wa] = [col('before'), col('after')];
  out.push(`${''.padEnd(width)}  ${'Base'.padStart(wb)}  ${'Head'.padStart(wa)}  Change`);
  for (const r of v.rows) out.push(toPlain([`${r.label.padEnd(width)}  ${r.before.padStart(wb)}  ${r.after.padStart(wa)}  ${r.change}`]));
  for (const s of v.sections) {
    out.push('', s.title);
    for (const item of s.items) out.push(`  ${toPlain(item)}`);
    if (s.more > 0) out.push(`  and ${s.more} more (--json lists them all)`);
  }
  return `${out.join('\n')}\n`;
}

/** The diff as JSON: every list whole. */
export function diffJson(d: DesignDiff): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
