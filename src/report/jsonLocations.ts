// Where each element of a design stands in its file: line and column of its `"id"` (or of
// its object, for a link without an id) to the end of its object, so that code-scanning
// tools annotate the very line. Read with jsonc-parser's tree, which keeps offsets.
import { parseTree, type Node } from 'jsonc-parser';

/** 1-based lines and columns (UTF-16 code units, as SARIF's `utf16CodeUnits` column kind). */
export interface TextRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface ElementLocation {
  /** The JSON path of the element's object, e.g. `components[3]`. */
  path: string;
  region: TextRegion;
}

export interface DesignLocations {
  /** The element's own location: a component, domain or link by its id or element id. */
  of(elementId: string): ElementLocation | undefined;
}

/**
 * Indexes the elements of a topology file's text. An instance `app#2` and a failover event
 * `failover:db2` stand at their component; an implicit client `entry:x` at its entry point.
 */
export function locateElements(text: string): DesignLocations {
  const lines = lineStarts(text);
  const root = parseTree(text);
  const byId = new Map<string, ElementLocation>();
  const regionOf = (from: number, to: number): TextRegion => {
    const [start, end] = [position(lines, from), position(lines, to)];
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  };
  for (const list of ['domains', 'components', 'links'] as const) {
    const items = property(root, list)?.children ?? [];
    items.forEach((item, i) => {
      if (item.type !== 'object') return;
      const id = property(item, 'id');
      const path = `${list}[${i}]`;
      const end = item.offset + item.length;
      const idProperty = id?.parent;
      const location = { path, region: regionOf(idProperty ? idProperty.offset : item.offset, end) };
      if (typeof id?.value === 'string') {
        if (!byId.has(id.value)) byId.set(id.value, location);
        return;
      }
      if (list !== 'links') return;
      const [from, to] = [property(item, 'from')?.value, property(item, 'to')?.value];
      if (typeof from === 'string' && typeof to === 'string') {
        const key = `${from}->${to}`;
        // A replication link shares no element id with a dependency between the same ends: the first one wins, as the dependency comes first in practice.
        if (!byId.has(key)) byId.set(key, location);
      }
    });
  }
  return {
    of(elementId) {
      return byId.get(elementId) ?? byId.get(ownerOf(elementId));
    },
  };
}

/** The component an instance, a failover event or an implicit client stands for. */
function ownerOf(elementId: string): string {
  const failover = /^failover:(.+)$/.exec(elementId);
  if (failover) return failover[1];
  const entry = /^entry:(.+)$/.exec(elementId);
  if (entry) return entry[1];
  const instance = /^(.+)#\d+$/.exec(elementId);
  return instance ? instance[1] : elementId;
}

function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const p = node.children?.find((c) => c.type === 'property' && c.children?.[0]?.value === name);
  return p?.children?.[1];
}

/** Offsets where each line starts; a line ends at CR LF, LF or CR (SARIF's line delimiters). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}
