// JSON written in pieces, so the size of a report is no limit: one string of the whole
// `analyze --json` of a 10,000-long dependency chain passed V8's largest string ("Invalid
// string length"). The output is the UTF-8 of JSON.stringify(value, null, 2) made
// terminal-safe (src/io/safeText.ts: a C1 control or a direction override in a name is
// written `\u202e`, the same string to a JSON reader); a `NameList` is written as an array of
// names whose items are handed over only while they are written.
//
// Its speed is the speed of `--json` on a long chain: 10,000 blast radii of up to 10,000
// names, 847 MB. Each name is quoted, escaped and encoded once, with the line break and
// indent before it, then copied as bytes each time it recurs; a NameList's names are found by
// index (a lookup by string was half the time). No string is made per name written. Escaping
// the whole output again for the terminal was 40% of the time before, stringifying runs of
// names most of the rest; joining strings into chunks (Array.join, +=) was slower than both.
import { terminalSafe } from '../io/safeText';

/** An array of names out of `table`, handed over by index while it is written: nothing is gathered. */
export class NameList {
  constructor(readonly table: readonly string[], readonly each: (index: (i: number) => void) => void) {}
}

/** Bytes gathered before they are written. */
const CHUNK_BYTES = 1 << 22;
/** Encoded names kept for reuse; past it a name is encoded where written, so memory stays bounded. */
const PIECES_KEPT = 1 << 17;

/**
 * Writes `value` as the UTF-8 of terminalSafe(JSON.stringify(value, null, 2)) and a newline,
 * in chunks of up to 4 MB. A chunk is valid only during the call to `write` (its memory is
 * used again for the next): write it, or copy it, before returning.
 */
export function writeJson(value: unknown, write: (chunk: Uint8Array) => void): void {
  const out = new ChunkWriter(write);
  const quote = (text: string) => terminalSafe(JSON.stringify(text));
  // Each string as an array item, `,\n<indent>"name"` (a first item skips the comma), by
  // indent and string, and for a NameList's table by indent and index.
  const byText = new Map<string, Map<string, Buffer>>();
  const byIndex = new Map<readonly string[], Map<string, Buffer[]>>();
  let kept = 0;
  const piece = (text: string, inner: string) => Buffer.from(`,\n${inner}${quote(text)}`);

  const emit = (v: unknown, indent: string): void => {
    if (typeof v === 'string') out.text(quote(v));
    else if (v instanceof NameList) emitNames(v, indent);
    else if (v === null || typeof v !== 'object') out.text(JSON.stringify(v) ?? 'null');
    else if (typeof (v as { toJSON?: unknown }).toJSON === 'function') out.text(terminalSafe(JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`)));
    else if (Array.isArray(v)) emitArray(v, indent);
    else {
      const inner = `${indent}  `;
      let first = true;
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        out.text(`${first ? '{' : ','}\n${inner}${quote(key)}: `);
        first = false;
        emit(item, inner);
      }
      out.text(first ? '{}' : `\n${indent}}`);
    }
  };

  const emitArray = (items: readonly unknown[], indent: string): void => {
    const inner = `${indent}  `;
    let pieces = byText.get(inner);
    if (pieces === undefined) byText.set(inner, (pieces = new Map()));
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'string') {
        let p = pieces.get(item);
        if (p === undefined) {
          p = piece(item, inner);
          if (kept < PIECES_KEPT) {
            pieces.set(item, p);
            kept++;
          }
        }
        out.item(p, i === 0);
      } else {
        out.text(`${i === 0 ? '[' : ','}\n${inner}`);
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out.text('null');
        else emit(item, inner);
      }
    }
    out.text(items.length === 0 ? '[]' : `\n${indent}]`);
  };

  const emitNames = (list: NameList, indent: string): void => {
    const inner = `${indent}  `;
    let tables = byIndex.get(list.table);
    if (tables === undefined) byIndex.set(list.table, (tables = new Map()));
    let pieces = tables.get(inner);
    if (pieces === undefined) tables.set(inner, (pieces = new Array<Buffer>(list.table.length)));
    const known = pieces;
    let first = true;
    list.each((i) => {
      let p = known[i];
      if (p === undefined) {
        p = piece(list.table[i], inner);
        if (kept < PIECES_KEPT) {
          known[i] = p;
          kept++;
        }
      }
      out.item(p, first);
      first = false;
    });
    out.text(first ? '[]' : `\n${indent}]`);
  };

  emit(value, '');
  out.text('\n');
  out.flush();
}

/** Bytes gathered in one buffer, handed to `write` each time it fills. */
class ChunkWriter {
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly write: (chunk: Uint8Array) => void) {}

  /** An array item's bytes, `,\n<indent>"name"`: a first item opens the array instead of the comma. */
  item(piece: Uint8Array, first: boolean): void {
    if (first) {
      this.text('[');
      this.bytes(piece.subarray(1));
    } else this.bytes(piece);
  }

  bytes(piece: Uint8Array): void {
    if (this.used + piece.length > CHUNK_BYTES) {
      this.flush();
      if (piece.length > CHUNK_BYTES) {
        this.write(piece);
        return;
      }
    }
    this.buffer.set(piece, this.used);
    this.used += piece.length;
  }

  text(text: string): void {
    // At most 3 bytes of UTF-8 per UTF-16 unit: written in place when that much room is left.
    if (this.used + text.length * 3 > CHUNK_BYTES) {
      this.flush();
      if (text.length * 3 > CHUNK_BYTES) {
        this.write(Buffer.from(text));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    this.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}
