// Bytes to text for every file that enters, in the app (Open, drop, a dropped folder) and on
// the command line: JSON is UTF-8 (RFC 8259), and so are the YAML, HCL and Mermaid files read
// here. A byte that is not, read as U+FFFD as browsers and Node do by default, would change a
// name without a word, and a save or `-o` would write the change back: such a file is refused
// with the line and column of the first bad byte. A UTF-8 byte order mark is dropped.

export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`, or why they are not UTF-8 text; `what` names the file's role ("a topology"). */
export function decodeUtf8(bytes: Uint8Array, what: string): DecodedText {
  const utf16 = `; ${what} is read as UTF-8: save it as UTF-8`;
  // UTF-32's byte order marks: the little-endian one starts as UTF-16's does (FF FE), and was called UTF-16.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return { ok: false, reason: `UTF-32 text${utf16}` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: `UTF-16 text${utf16}` };
  }
  // Without a byte order mark UTF-16 is valid UTF-8 (a NUL beside each ASCII character): it
  // would fail later as "not valid JSON" at column 2, which says nothing of the cause.
  if (looksLikeUtf16(bytes)) return { ok: false, reason: `UTF-16 text (no byte order mark)${utf16}` };
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: `${lineAndColumn(bytes, offset)}: not UTF-8 text (byte 0x${bytes[offset].toString(16).padStart(2, '0')}): a binary file, or text saved in another encoding; ${what} is read as UTF-8`,
    };
  }
}

/**
 * Whether the start of `bytes` is UTF-16 without a byte order mark: text starts with ASCII
 * (a brace, a key, a comment), which UTF-16 writes as the character and a NUL; text files
 * never hold a NUL otherwise.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 256) & ~1;
  if (n < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  return (oddNuls * 2 > pairs && evenNuls === 0) || (evenNuls * 2 > pairs && oddNuls === 0);
}

/** `line L, column C` of a byte offset, the column counted in characters. */
function lineAndColumn(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
  return `line ${line}, column ${new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1}`;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const validPrefix = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // The longest valid prefix, by halving (a sequence cut at the end of a prefix is no error
  // while streaming); the whole text when only its last sequence is cut short.
  let lo = 0;
  let hi = bytes.length + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (validPrefix(mid)) lo = mid;
    else hi = mid;
  }
  // A sequence cut short is found at the byte after it: name its first byte instead.
  if ((bytes[lo] & 0xc0) === 0x80) return lo;
  let k = lo - 1;
  while (k >= 0 && lo - k <= 3 && (bytes[k] & 0xc0) === 0x80) k--;
  const length = k < 0 ? 0 : bytes[k] >= 0xf0 ? 4 : bytes[k] >= 0xe0 ? 3 : bytes[k] >= 0xc2 ? 2 : 0;
  return length > lo - k ? k : lo;
}
