// YAML with source positions: every map and list read from a file remembers the line of
// each of its keys and items, so an importer can say `compose.yaml:14` for what it read.
// The `yaml` package parses (YAML 1.2, Compose's `<<` merge keys on); this walk turns its
// syntax tree into plain values and records the lines beside them.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

export interface YamlPosition {
  line: number;
  column: number;
}

/**
 * Where a map or list came from: its syntax node, read for a key's line only when a note asks
 * (most keys are never asked about); keys merged in with `<<` keep their own line.
 */
interface Origin {
  node: YAMLMap | YAMLSeq;
  merged?: Map<string, number>;
}

/** A file's YAML documents as plain values, with the line of everything in them. */
export interface YamlFile {
  docs: { value: unknown; line: number }[];
  /** The line of `key` in a map or list read from this file (the container's own line without a key). */
  lineOf(container: unknown, key?: string | number): number | undefined;
}

export type YamlRead = { ok: true; file: YamlFile } | { ok: false; position: YamlPosition; message: string };

/** Past this many alias expansions a file is refused: the "billion laughs" of YAML. */
const MAX_ALIAS_EXPANSIONS = 10_000;

export function readYaml(text: string): YamlRead {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: false, prettyErrors: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  const pos = (offset: number): YamlPosition => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) return { ok: false, position: pos(error.pos[0]), message: firstLine(error.message) };
  }
  const origins = new WeakMap<object, Origin>();
  let expansions = 0;
  const docs: YamlFile['docs'] = [];
  const keyOf = (keyNode: unknown) => (isScalar(keyNode) ? String(keyNode.value) : String(keyNode));
  try {
    for (const doc of documents) {
      const walk = (node: unknown): unknown => {
        if (isAlias(node)) {
          if (++expansions > MAX_ALIAS_EXPANSIONS) throw new AliasBomb(pos(node.range?.[0] ?? 0));
          return walk(node.resolve(doc));
        }
        if (isScalar(node)) return node.value;
        if (isMap(node)) {
          const out: Record<string, unknown> = {};
          let merged: [string, unknown, number][] | undefined;
          for (const pair of node.items) {
            if (!isPair(pair)) continue;
            const key = keyOf(pair.key);
            if (key === '<<') {
              // Merge keys: the anchored maps' entries, which explicit keys override wherever they are.
              const source = walk(pair.value);
              const line = pos((pair.key as Node | null)?.range?.[0] ?? 0).line;
              for (const m of Array.isArray(source) ? source : [source]) {
                if (m && typeof m === 'object' && !Array.isArray(m)) {
                  for (const [k, v] of Object.entries(m)) (merged ??= []).push([k, v, lineIn(m, k) ?? line]);
                }
              }
              continue;
            }
            out[key] = walk(pair.value);
          }
          const origin: Origin = { node };
          for (const [k, v, line] of merged ?? []) {
            if (!(k in out)) {
              out[k] = v;
              (origin.merged ??= new Map()).set(k, line);
            }
          }
          origins.set(out, origin);
          return out;
        }
        if (isSeq(node)) {
          const out = node.items.map(walk);
          origins.set(out, { node });
          return out;
        }
        return node ?? null;
      };
      const contents = doc.contents as Node | null;
      docs.push({ value: walk(contents), line: pos(contents?.range?.[0] ?? 0).line });
    }
  } catch (e) {
    if (e instanceof AliasBomb) return { ok: false, position: e.position, message: `more than ${MAX_ALIAS_EXPANSIONS} alias expansions` };
    throw e;
  }
  return { ok: true, file: { docs, lineOf: lineIn } };

  /** The line of `key` in a map or list read from this file (the container's own line without a key). */
  function lineIn(container: unknown, key?: string | number): number | undefined {
    if (!container || typeof container !== 'object') return undefined;
    const o = origins.get(container);
    if (!o) return undefined;
    const self = pos(o.node.range?.[0] ?? 0).line;
    if (key === undefined) return self;
    const merged = o.merged?.get(String(key));
    if (merged !== undefined) return merged;
    if (isSeq(o.node)) {
      const item = typeof key === 'number' ? (o.node.items[key] as Node | null | undefined) : undefined;
      return item?.range ? pos(item.range[0]).line : self;
    }
    for (const pair of o.node.items) {
      if (isPair(pair) && keyOf(pair.key) === String(key)) return pos((pair.key as Node | null)?.range?.[0] ?? 0).line;
    }
    return self;
  }
}

class AliasBomb extends Error {
  constructor(readonly position: YamlPosition) {
    super('alias bomb');
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
