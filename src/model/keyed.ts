// Records whose keys a person names (element ids in `view.positions` and `view.sizes`, group
// names in `requires`). On a plain object some names are special: `positions.constructor` is
// Object's constructor when no node is called so (a NaN position), and `positions.__proto__ =
// p` replaces the prototype instead of storing p (the entry vanishes, and `requires` with a
// group "__proto__" was dropped). Read them with `own`, write them with `setOwn`, copy them
// with `keyedCopy`: no name is special then.

/** The entry under `key`, only when the record has it itself. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as the record's own entry (never through a setter). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A record without a prototype holding the same own entries (or these entries). */
export function keyedCopy<T>(from?: Readonly<Record<string, T>> | Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (from === undefined) return out;
  const entries = Symbol.iterator in from ? (from as Iterable<readonly [string, T]>) : Object.entries(from as Record<string, T>);
  for (const [k, v] of entries) setOwn(out, k, v);
  return out;
}
