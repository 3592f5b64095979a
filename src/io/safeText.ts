// Text from a document shown where its characters could do something: a terminal (ESC
// sequences clear the screen and print a fake "all good"; BEL rings; a carriage return or a
// right-to-left override rewrites what a line seems to say) or an XML export (U+0000 is not
// allowed in XML 1.0: one such label broke the whole SVG and PNG).

/**
 * C0 controls but tab and newline, DEL, C1 controls, the bidirectional and line-separator
 * format characters, the invisible ones (zero-width space, joiners, word joiner, invisible
 * operators, U+FEFF: an id `d\u200bb` printed as `db`, beside a real `db`), and lone surrogates
 * (printed as U+FFFD, two different ids looked the same). With the `u` flag a surrogate pair is
 * one character and never matches.
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]/gu;
const TERMINAL_UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]/gu;

const escapeCode = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text for a terminal: each unsafe character as `\u001b`, visible and inert (and, inside a JSON
 * string, the same character to a JSON reader). Tabs stay; newlines stay unless `oneLine`.
 */
export function terminalSafe(text: string, { oneLine = false }: { oneLine?: boolean } = {}): string {
  return text.replace(oneLine ? TERMINAL_UNSAFE_OR_NEWLINE : TERMINAL_UNSAFE, escapeCode);
}

/** Characters XML 1.0 does not allow anywhere: C0 controls but tab, newline and return; U+FFFE, U+FFFF; lone surrogates. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for XML (SVG): each character XML cannot hold as its visible Control Picture (U+0000
 * as U+2400 "␀", ESC as "␛"), anything else it cannot hold as U+FFFD.
 */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\ufffd';
  });
}

export function hasXmlInvalid(text: string): boolean {
  XML_INVALID.lastIndex = 0;
  const found = XML_INVALID.test(text);
  XML_INVALID.lastIndex = 0;
  return found;
}
