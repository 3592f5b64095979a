// JSON written in pieces, so the size of a report is no limit: one string of the whole
// `analyze --json` of a 10,000-long dependency chain passed V8's largest string ("Invalid
// string length"). The output is the same text as JSON.stringify(value, null, 2); a
// `LazyList` is written as an array whose items are made only while they are written.

export class LazyList {
  constructor(readonly items: () => Iterable<unknown>) {}
}

const FLUSH_CHARS = 1 << 18;
/** Names stringified together. */
const STRING_RUN = 4096;

/** Writes `value` as JSON.stringify(value, null, 2) would, in chunks of about 256 K characters, then a newline. */
export function writeJson(value: unknown, write: (chunk: string) => void): void {
  let buffer = '';
  const put = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_CHARS) {
      write(buffer);
      buffer = '';
    }
  };
  const emit = (v: unknown, indent: string): void => {
    if (v instanceof LazyList) {
      emitArray(v.items(), indent);
      return;
    }
    if (v === null || typeof v !== 'object') {
      put(JSON.stringify(v) ?? 'null');
      return;
    }
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      put(JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`));
      return;
    }
    if (Array.isArray(v)) {
      emitArray(v, indent);
      return;
    }
    const inner = `${indent}  `;
    let first = true;
    for (const [key, item] of Object.entries(v)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      put(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      emit(item, inner);
    }
    put(first ? '{}' : `\n${indent}}`);
  };
  const emitArray = (items: Iterable<unknown>, indent: string): void => {
    if (Array.isArray(items) && items.length >= STRING_RUN && items.every((x) => typeof x === 'string')) {
      emitStrings(items as string[], indent);
      return;
    }
    const inner = `${indent}  `;
    let first = true;
    for (const item of items) {
      put(`${first ? '[' : ','}\n${inner}`);
      first = false;
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') put('null');
      else emit(item, inner);
    }
    put(first ? '[]' : `\n${indent}]`);
  };
  // A long list of names (a blast radius) in runs, each stringified natively and indented
  // after: JSON text holds no raw newline, so every newline in a run is one of its line
  // breaks. One JSON.stringify per name made `--json` of a 10,000-long chain (50 million
  // names) write at 40 MB/s.
  const emitStrings = (items: string[], indent: string): void => {
    for (let from = 0; from < items.length; from += STRING_RUN) {
      const run = JSON.stringify(items.slice(from, from + STRING_RUN), null, 2);
      put(`${from === 0 ? '[' : ','}${run.slice(1, -2).replace(/\n/g, `\n${indent}`)}`);
    }
    put(`\n${indent}]`);
  };
  emit(value, '');
  put('\n');
  write(buffer);
}
