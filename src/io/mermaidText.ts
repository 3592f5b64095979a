// Text and ids inside Mermaid flowcharts: escaping labels so any text parses and shows
// literally, and making topology ids into safe, reversible Mermaid ids.

// Mermaid entity codes (https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters):
// `#quot;` or `#35;` inside a label becomes the HTML entity `&quot;` / `&#35;` when drawn.
const NAMED: Record<string, string> = { '"': 'quot', '<': 'lt', '>': 'gt', '&': 'amp' };

// Printable ASCII that is inert inside a double-quoted Mermaid string. Everything else of
// ASCII is encoded: quotes end the string; `#` and `;` form entity codes; `<` `>` `&` are
// HTML; `%` starts `%%{init}%%` directives anywhere in the text; `$` starts KaTeX math;
// `:` lets mermaid's `style ...: #...;` pre-pass eat a character; brackets, pipes and
// backticks are syntax outside strings and cost nothing to encode.
const SAFE_ASCII = /[A-Za-z0-9 .,\-_/'!?+=*@^~]/;
// Mermaid's own placeholders for entity codes (it rewrites `#quot;` to `ﬂ°quot¶ß` before
// parsing): a label holding them literally would be turned into entities.
const PLACEHOLDER_CHARS = new Set(['\uFB02', '\u00B0', '\u00B6', '\u00DF']);
const VISIBLE_NON_ASCII = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * A label for a double-quoted Mermaid string: parses for any input and, drawn, shows the
 * text literally. Newlines become `<br>` (Mermaid's line break); the parser trims labels,
 * so spaces at either end are encoded too.
 */
export function encodeMermaidText(text: string): string {
  return text.split('\n').map(encodeLine).join('<br>');
}

// When mermaid draws a label, DOMPurify turns entity codes back into characters before
// mermaid looks for KaTeX (`$$...$$`), Font Awesome icons (`fa:fa-car`) and its own
// placeholders (`ﬂ°...¶ß`), so encoding alone cannot keep those literal. An empty span
// between the characters breaks each pattern and shows nothing; import drops it.
const BREAK = '<span></span>';

function breaksAfter(chars: string[], i: number): boolean {
  const [ch, next] = [chars[i], chars[i + 1]];
  return (ch === '$' && next === '$') || (ch === '\uFB02' && next === '\u00B0') || (ch === '\u00B6' && next === '\u00DF')
    || (next === ':' && chars.slice(i + 2, i + 5).join('') === 'fa-');
}

function encodeLine(line: string): string {
  const chars = Array.from(line);
  return chars
    .map((_, i) => encodeChar(chars, i) + (breaksAfter(chars, i) ? BREAK : ''))
    .join('');
}

function encodeChar(chars: string[], i: number): string {
  const ch = chars[i];
  if (ch === ' ' && (i === 0 || i === chars.length - 1)) return '#32;';
  // The lexer reads any line holding `direction TB` (BT, RL, LR, TD) as a direction statement.
  if (ch === ' ' && /direction$/i.test(chars.slice(Math.max(0, i - 9), i).join(''))) return '#32;';
  if (ch.length === 1 && ch.charCodeAt(0) < 128) {
    if (SAFE_ASCII.test(ch)) return ch;
    return NAMED[ch] ? `#${NAMED[ch]};` : `#${ch.charCodeAt(0)};`;
  }
  if (!PLACEHOLDER_CHARS.has(ch) && VISIBLE_NON_ASCII.test(ch)) return ch;
  // Controls, separators, invisible format characters and lone surrogates: by number.
  return `#${ch.codePointAt(0)};`;
}

const HTML_ENTITIES: Record<string, string> = {
  quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00A0', equals: '=',
  num: '#', semi: ';', colon: ':', vert: '|', verbar: '|', lpar: '(', rpar: ')',
  lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', lcub: '{', rcub: '}', lbrace: '{', rbrace: '}',
  percnt: '%', dollar: '$', grave: '`', excl: '!', quest: '?', ast: '*', plus: '+', comma: ',',
  period: '.', sol: '/', bsol: '\\', lowbar: '_', hyphen: '-', commat: '@', tilde: '~',
  copy: '\u00A9', reg: '\u00AE', trade: '\u2122', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201C', rdquo: '\u201D', bull: '\u2022', middot: '\u00B7',
  times: '\u00D7', divide: '\u00F7', deg: '\u00B0', euro: '\u20AC', pound: '\u00A3', yen: '\u00A5',
  cent: '\u00A2', sect: '\u00A7', para: '\u00B6', larr: '\u2190', rarr: '\u2192', uarr: '\u2191',
  darr: '\u2193', harr: '\u2194', hearts: '\u2665', check: '\u2713', infin: '\u221E',
};

/**
 * The text a vertex, edge or subgraph label from mermaid's parser shows: mermaid's entity
 * placeholders and the HTML entities they stand for are decoded, `<br>` is a newline and
 * other markup (hand-written `<b>`, `<i>`) is dropped.
 */
export function decodeMermaidText(parsed: string): string {
  return parsed
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/\uFB02\u00B0\u00B0/g, '&#')
    .replace(/\uFB02\u00B0/g, '&')
    .replace(/\u00B6\u00DF/g, ';')
    .replace(/&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (whole, body: string) => {
      if (body[0] === '#') {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return HTML_ENTITIES[body] ?? HTML_ENTITIES[body.toLowerCase()] ?? whole;
    });
}

// Words the flowchart lexer reads as keywords wherever they stand as an id or as the
// first part of a hyphenated id (`end-1` fails to parse). Compared case-insensitively.
const KEYWORDS = new Set([
  'end', 'graph', 'flowchart', 'flowchart-elk', 'subgraph', 'style', 'linkstyle', 'class', 'classdef',
  'click', 'call', 'href', 'interpolate', 'direction', 'default', '_self', '_blank', '_parent', '_top',
  'acctitle', 'accdescr', 'tb', 'td', 'bt', 'rl', 'lr', 'swimlane', 'v',
]);
// A letter first: the lexer splits leading digits off (`1end` is `1` then the keyword `end`).
const SAFE_ID = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/;
const ENCODED_PREFIX = 'e_';

/** Whether a topology id can stand unchanged as a Mermaid node or subgraph id. */
export function isSafeMermaidId(id: string): boolean {
  if (!SAFE_ID.test(id) || id.startsWith(ENCODED_PREFIX)) return false;
  return !id.toLowerCase().split(/[-_]/).some((part) => KEYWORDS.has(part)) && !KEYWORDS.has(id.toLowerCase());
}

/**
 * The Mermaid id of a topology id: itself when safe, else `e_` followed by its letters and
 * digits, `__` for `_` and `_<hex code point>_` for anything else. Reversible by
 * `topologyIdOf`, and never a keyword.
 */
export function mermaidIdOf(id: string): string {
  return isSafeMermaidId(id) ? id : encodedIdOf(id);
}

/** The `e_` form of any id, safe or not (a diagram type whose grammar refuses what the flowchart takes uses it). */
export function encodedIdOf(id: string): string {
  let out = ENCODED_PREFIX;
  for (const ch of id) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else if (ch === '_') out += '__';
    else out += `_${ch.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}

/** The topology id a Mermaid id stands for: decoded when it is exactly what `mermaidIdOf` makes. */
export function topologyIdOf(mermaidId: string): string {
  const decoded = decodedIdOf(mermaidId);
  return decoded !== undefined && mermaidIdOf(decoded) === mermaidId ? decoded : mermaidId;
}

/** What an `e_` id decodes to, or undefined when it is no encoded id. */
export function decodedIdOf(mermaidId: string): string | undefined {
  if (!mermaidId.startsWith(ENCODED_PREFIX)) return undefined;
  const decoded = decodeId(mermaidId.slice(ENCODED_PREFIX.length));
  return decoded === '' ? undefined : decoded;
}

function decodeId(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '_') {
      out += ch;
      continue;
    }
    if (body[i + 1] === '_') {
      out += '_';
      i++;
      continue;
    }
    const end = body.indexOf('_', i + 1);
    if (end < 0) return undefined;
    const code = parseInt(body.slice(i + 1, end), 16);
    if (!/^[0-9a-f]+$/.test(body.slice(i + 1, end)) || code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i = end;
  }
  return out;
}
