// Where an HCL file's first syntax error is, said as a person would look for it (tree-sitter's
// error recovery alone can place it at 1:1 or at the end of the file).
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { HclRead } from './hcl';

/**
 * The first syntax error, said where a person would look. tree-sitter's recovery can put it far
 * from the cause: an unclosed `${` in a heredoc swallows its closing line (the heredoc then lacks
 * its end, reported at the end of the file) or turns the whole file into one error from 1:1. So
 * a missing closer is said at what it closes, and an interpolation left open inside an error is
 * named first: in a heredoc or a string `${` and `%{` always start one (`$${` is the text).
 */
export function syntaxError(root: SyntaxNode, text: string): HclRead {
  let found: SyntaxNode | undefined;
  const visit = (n: SyntaxNode) => {
    if (found) return;
    if (n.isError || n.isMissing) {
      found = n;
      return;
    }
    for (const c of n.children) if (c && (c.hasError || c.isMissing)) visit(c);
  };
  visit(root);
  const n = found ?? root;
  const at = (x: SyntaxNode) => ({ line: x.startPosition.row + 1, column: x.startPosition.column + 1 });
  if (n.isMissing) {
    let opened = n.parent;
    while (opened && opened.startIndex >= n.startIndex) opened = opened.parent;
    if (opened && opened.type !== 'body' && opened.type !== 'config_file') {
      const open = openInterpolation(opened);
      const why = open ? `; the ${open.text} at ${where(at(open))} runs past its line${INTERPOLATION_TEXT}` : '';
      const closer = closerText(n, opened);
      const expected = opened.type === 'heredoc_template' ? `no line ${closer} after it` : text.slice(n.startIndex).trim() === '' ? `missing "${closer}" at the end of the file` : `missing "${closer}" before ${where(at(n))}`;
      return { ok: false, ...at(opened), message: `invalid HCL: ${constructName(opened)} opened here is not closed (${expected})${why}` };
    }
    return { ok: false, ...at(n), message: `invalid HCL: missing "${n.type}"` };
  }
  const open = n.isError ? unclosedInterpolation(n) : undefined;
  if (open) return { ok: false, ...at(open), message: `invalid HCL: the ${open.text} here is not closed${INTERPOLATION_TEXT}` };
  const place = (n.isError && n.children.find((c) => c?.isError)) || n;
  const { line, column } = at(place);
  const snippet = (place.text || text.split('\n')[line - 1] || '').trim().split('\n')[0].slice(0, 40);
  return { ok: false, line, column, message: snippet ? `invalid HCL: unexpected "${snippet}"` : 'invalid HCL' };
}

const INTERPOLATION_TEXT = ' (in a heredoc or a string, ${ and %{ start an interpolation; write $${ or %%{ for the text)';
const INTERPOLATION_STARTS = new Set(['template_interpolation_start', 'template_directive_start']);
const INTERPOLATION_ENDS = new Set(['template_interpolation_end', 'template_directive_end']);

function where(p: { line: number; column: number }): string {
  return `${p.line}:${p.column}`;
}

/** In an error node's flat tokens, the first `${` or `%{` that no `}` closes before the error inside it. */
function unclosedInterpolation(error: SyntaxNode): SyntaxNode | undefined {
  const open: SyntaxNode[] = [];
  for (const c of error.children) {
    if (!c) continue;
    if (c.isError) break;
    if (INTERPOLATION_STARTS.has(c.type)) open.push(c);
    else if (INTERPOLATION_ENDS.has(c.type)) open.pop();
  }
  return open[0];
}

/** An interpolation inside a heredoc or string that spans lines: the likely reason its end was not found. */
function openInterpolation(template: SyntaxNode): SyntaxNode | undefined {
  for (const c of template.namedChildren) {
    if (!c || c.type === 'template_literal' || !c.type.startsWith('template_') || c.startPosition.row === c.endPosition.row) continue;
    const start = c.descendantsOfType([...INTERPOLATION_STARTS])[0];
    if (start) return start;
  }
  return undefined;
}

function constructName(n: SyntaxNode): string {
  switch (n.type) {
    case 'heredoc_template':
      return `the heredoc ${n.text.split('\n')[0].trim()}`;
    case 'block':
      return `the block ${n.text.split('{')[0].trim()}`;
    case 'template_interpolation':
    case 'template_directive':
      return `the ${n.text.slice(0, 2)}`;
    default:
      return `the ${n.type.replace(/_/g, ' ')}`;
  }
}

/** The text the missing closer would be: the heredoc's own marker, else the token's type (`}`). */
function closerText(missing: SyntaxNode, opened: SyntaxNode): string {
  if (missing.type === 'heredoc_identifier') return opened.text.split('\n')[0].replace(/^<<-?/, '').trim();
  return missing.type;
}
