// YAML with source positions: every map and list read from a file remembers the line of
// each of its keys and items, so an importer can say `compose.yaml:14` for what it read.
// The `yaml` package parses (YAML 1.2, Compose's `<<` merge keys on); this walk turns its
// syntax tree into plain values and records the lines beside them.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';

export interface YamlPosition {
  line: number;
  column: number;
}

interface Lines {
  self: number;
  keys: Map<string | number, number>;
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
  const lines = new WeakMap<object, Lines>();
  let expansions = 0;
  const docs: YamlFile['docs'] = [];
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
          const keys = new Map<string | number, number>();
          const merged: [string, unknown, number][] = [];
          for (const pair of node.items) {
            if (!isPair(pair)) continue;
            const keyNode = pair.key as Node | null;
            const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
            const line = pos(keyNode?.range?.[0] ?? 0).line;
            if (key === '<<') {
              // Merge keys: the anchored maps' entries, which explicit keys override wherever they are.
              const source = walk(pair.value);
              for (const m of Array.isArray(source) ? source : [source]) {
                if (m && typeof m === 'object' && !Array.isArray(m)) {
                  for (const [k, v] of Object.entries(m)) merged.push([k, v, lines.get(m)?.keys.get(k) ?? line]);
                }
              }
              continue;
            }
            out[key] = walk(pair.value);
            keys.set(key, line);
          }
          for (const [k, v, line] of merged) {
            if (!(k in out)) {
              out[k] = v;
              keys.set(k, line);
            }
          }
          lines.set(out, { self: pos(node.range?.[0] ?? 0).line, keys });
          return out;
        }
        if (isSeq(node)) {
          const keys = new Map<string | number, number>();
          const out = node.items.map((item, i) => {
            keys.set(i, pos((item as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0).line);
            return walk(item);
          });
          lines.set(out, { self: pos(node.range?.[0] ?? 0).line, keys });
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
  return {
    ok: true,
    file: {
      docs,
      lineOf(container, key) {
        if (!container || typeof container !== 'object') return undefined;
        const l = lines.get(container);
        if (!l) return undefined;
        return key === undefined ? l.self : l.keys.get(key) ?? l.self;
      },
    },
  };
}

class AliasBomb extends Error {
  constructor(readonly position: YamlPosition) {
    super('alias bomb');
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
