// How wide a label is, without a DOM: the canvas sizes its cards by it, the layout leaves
// room for it and the drawn SVG wraps its text with it, in the browser, the worker and the CLI.
//
// The widths are our own measurement (Chromium's canvas measureText, 2026-12) of DejaVu Sans,
// the font this app falls back to on Linux, which is wider than Liberation Sans (Arial's
// metrics), Helvetica, Segoe UI and San Francisco for every ASCII character: sizing by it
// leaves room for the text in whichever of those fonts draws it.

/** Advance widths of ASCII 32..126 in hundredths of an em, regular weight. */
const REGULAR = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
  64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79,
  60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63,
  63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];
/** The same, bold (600 and 700 draw alike in DejaVu Sans). */
const BOLD = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70,
  70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85,
  73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72,
  71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
];
/** Accented Latin, Greek, Cyrillic...: about an average capital. */
const OTHER = { regular: 0.7, bold: 0.78 };

/** East Asian wide characters and emoji take a full em. */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f000;
}

/** Combining marks and zero-width characters add nothing. */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f || cp === 0xfeff;
}

/**
 * The text as it can be shown: tabs and line breaks become spaces; other C0 controls show as
 * their Control Pictures (U+0000 as "␀", ESC as "␛", DEL as "␡"), C1 controls, lone
 * surrogates and the non-characters U+FFFE/U+FFFF as U+FFFD. XML 1.0 cannot carry them, and
 * dropping them would hide that the label holds them: they are escaped, visibly.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

/** The advance width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 32 && cp <= 126) ems += table[cp - 32] / 100;
    else if (isZeroWidth(cp)) continue;
    else if (isWide(cp)) ems += 1;
    else ems += bold ? OTHER.bold : OTHER.regular;
  }
  return ems * fontSize;
}

const ELLIPSIS = '…';

/** How many of `chars` fit `maxWidth`, followed by `suffix` (at least one). */
function fittingCount(chars: string[], maxWidth: number, fontSize: number, bold: boolean, suffix: string): number {
  let lo = 1;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('') + suffix, fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `text` cut with an ellipsis to fit `maxWidth`, or as it is when it fits. */
export function truncateText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  return chars.slice(0, fittingCount(chars, maxWidth, fontSize, bold, ELLIPSIS)).join('').trimEnd() + ELLIPSIS;
}

/**
 * `text` in at most `maxLines` lines of at most `maxWidth` px, broken at spaces (a word
 * longer than a line is broken where the line ends); what does not fit ends the last
 * line with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false, maxLines = 2): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let current = '';
  for (const word of printable(text).split(' ').filter((w) => w.length > 0)) {
    const joined = current ? `${current} ${word}` : word;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current) lines.push(current);
    let rest = [...word];
    while (!fits(rest.join(''))) {
      const n = fittingCount(rest, maxWidth, fontSize, bold, '');
      lines.push(rest.slice(0, n).join(''));
      rest = rest.slice(n);
    }
    current = rest.join('');
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateText(lines.slice(maxLines - 1).join(' '), maxWidth, fontSize, bold);
  return kept;
}
