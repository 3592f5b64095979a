// Text and numbers as they may appear in an SVG file: any label, however hostile, gives
// well-formed XML (control characters that XML 1.0 cannot carry are dropped, markup
// characters are escaped).
import { printable } from '../../model/textMetrics';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text content or an attribute value. */
export function xmlText(text: string): string {
  // Invisible format characters (a right-to-left override, a zero-width space) by number, as the
  // Mermaid exports write them: drawn the same, but no text in the file is hidden from its reader.
  return printable(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]).replace(/\p{Cf}/gu, (ch) => `&#${ch.codePointAt(0)};`);
}

/** A coordinate with at most one decimal: smaller files, and no `1e-7` in an attribute. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Attributes from a record; undefined values are left out. */
export function attrs(record: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : xmlText(value)}"`;
  }
  return out;
}
