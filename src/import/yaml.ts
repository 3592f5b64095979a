// YAML with source positions: every map and list read from a file remembers where it was
// written, so an importer can say `compose.yaml:14` for what it read.
// js-yaml's event parser (YAML 1.2, the whole YAML test suite) turns the text into a flat list
// of events that point into the text by offset; this module builds plain values from them
// (the core schema, Compose's `<<` merge keys) and keeps, for each map and list, the index of
// the event that opened it. A key's line is looked up in those events only when a note asks
// (most keys are never asked about), and offsets become lines only then.
import {
  boolCoreTag, EVENT_ID, floatCoreTag, getScalarValue, intCoreTag, NOT_RESOLVED, nullCoreTag, parseEvents, YAMLException,
  type Event, type ScalarEvent,
} from 'js-yaml';

export interface YamlPosition {
  line: number;
  column: number;
}

/** A file's YAML documents as plain values, with the line of everything in them. */
export interface YamlFile {
  docs: { value: unknown; line: number }[];
  /** The line of `key` in a map or list read from this file (the container's own line without a key). */
  lineOf(container: unknown, key?: string | number): number | undefined;
  /**
   * Keys written more than once in one map (YAML allows a key once): the path to the key and
   * every line it is written at; the last is the value read.
   */
  repeatedKeys: { path: string; lines: number[] }[];
  /**
   * Tags the core schema does not read (`!reset`, `!!binary`, `!Ref`): each value is read as if
   * untagged (an empty one as null); what a tag means is its importer's business. `parent` and
   * `key` say where the value stands (no key: the tag is on a key, or on a document).
   */
  tags: YamlTag[];
  /** Keys that are a list or a map (`? [a, b]`, `{{ .Values.name }}`): their entries are left out of the map. */
  complexKeys: { parent: object; line: number; what: 'list' | 'map' }[];
}

export interface YamlTag {
  tag: string;
  line: number;
  parent?: object;
  key?: string | number;
}

export type YamlRead = { ok: true; file: YamlFile } | { ok: false; position: YamlPosition; message: string };

/** Past this many alias expansions a file is refused: the "billion laughs" of YAML. */
const MAX_ALIAS_EXPANSIONS = 10_000;
/** Deeper than this, a file is refused (a Kubernetes CRD schema nests a few dozen levels). */
const MAX_DEPTH = 1000;

const PLAIN = 1;
const CORE_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];
const EXPLICIT_TAGS = new Map(CORE_TAGS.map((t) => [t.tagName.replace('tag:yaml.org,2002:', '!!'), t]));
/** Tags read as the core schema reads them: the rest are listed in `tags`. */
const CORE_TAG_NAMES = new Set(['!', '!!str', '!!map', '!!seq', ...EXPLICIT_TAGS.keys()]);

/** A plain scalar as the core schema reads it: null, a boolean, a number, else the text. */
function resolvePlain(source: string): unknown {
  const first = source.charAt(0);
  for (const tag of CORE_TAGS) {
    if (tag.implicitFirstChars !== null && !tag.implicitFirstChars.includes(first)) continue;
    const v = tag.resolve(source, false, tag.tagName);
    if (v !== NOT_RESOLVED) return v;
  }
  return source;
}

type Frame =
  | { kind: 'doc'; value: unknown; aliases: number }
  | { kind: 'seq'; value: unknown[]; aliases: number; anchor?: string }
  | {
      kind: 'map';
      value: Record<string, unknown>;
      aliases: number;
      anchor?: string;
      key?: string;
      hasKey: boolean;
      keyIsMerge: boolean;
      /** The key is a list or a map: its value is left out. */
      keyIsComplex?: boolean;
      keyOffset: number;
      merged?: [string, unknown, number][];
    };

class YamlProblem extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function readYaml(text: string): YamlRead {
  let lineStarts: number[] | undefined;
  /** 1-based line and column of an offset (the index of line starts is made on first use). */
  const pos = (offset: number): YamlPosition => {
    lineStarts ??= lineStartsOf(text);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };

  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (e) {
    if (e instanceof YAMLException) return { ok: false, position: markOf(e, pos), message: e.reason };
    throw e;
  }

  const origins = new WeakMap<object, number>();
  const merges = new WeakMap<object, Map<string, number>>();
  const docs: YamlFile['docs'] = [];
  // Each (map, key) written twice, once, with its path; the lines are looked up at the end.
  const repeats = new Map<object, Map<string, string>>();
  const anchored = new WeakSet<object>();
  const tags: YamlTag[] = [];
  const complexKeys: YamlFile['complexKeys'] = [];
  try {
    buildDocuments();
  } catch (e) {
    if (e instanceof YamlProblem) return { ok: false, position: pos(e.offset), message: e.message };
    throw e;
  }
  const repeatedKeys = [...repeats].flatMap(([map, keys]) =>
    [...keys].map(([key, path]) => ({ path, lines: keyOffsets(map, key).map((o) => pos(o).line) })));
  return { ok: true, file: { docs, lineOf, repeatedKeys, tags, complexKeys } };

  function buildDocuments(): void {
    const frames: Frame[] = [];
    let anchors = new Map<string, { value: unknown; aliases: number; done: boolean }>();
    let expansions = 0;
    let docLine = 1;
    const add = (value: unknown, offset: number, isMergeKey = false, tagStart = -1, tagEnd = -1) => {
      const top = frames[frames.length - 1];
      const tag = tagStart === -1 ? undefined : text.slice(tagStart, tagEnd);
      if (tag !== undefined && !CORE_TAG_NAMES.has(tag)) {
        const where: YamlTag = { tag, line: pos(tagStart).line };
        if (top.kind === 'seq') Object.assign(where, { parent: top.value, key: top.value.length });
        else if (top.kind === 'map') Object.assign(where, { parent: top.value }, top.hasKey && !top.keyIsComplex ? { key: top.key } : {});
        tags.push(where);
      }
      if (top.kind === 'doc') top.value = value;
      else if (top.kind === 'seq') top.value.push(value);
      else if (!top.hasKey) {
        // A list or a map as a key has no text a reader could use as a name ('a,b' was a service):
        // its entry is left out, and listed for the importer to say so at its line.
        top.keyIsComplex = value !== null && typeof value === 'object';
        if (top.keyIsComplex) complexKeys.push({ parent: top.value, line: pos(offset).line, what: Array.isArray(value) ? 'list' : 'map' });
        top.key = keyText(value);
        top.hasKey = true;
        top.keyIsMerge = isMergeKey;
        top.keyOffset = offset;
      } else {
        top.hasKey = false;
        if (top.keyIsComplex) {
          top.keyIsComplex = false;
        } else if (top.keyIsMerge) {
          // Merge keys: the anchored maps' entries, which explicit keys override wherever they are.
          for (const m of Array.isArray(value) ? value : [value]) {
            if (m && typeof m === 'object' && !Array.isArray(m)) {
              const mergedLine = pos(top.keyOffset).line;
              for (const [k, v] of Object.entries(m)) (top.merged ??= []).push([k, v, lineOf(m, k) ?? mergedLine]);
            }
          }
        } else {
          if (Object.prototype.hasOwnProperty.call(top.value, top.key as string)) {
            noteRepeat(top.value, top.key as string);
            forgetRepeatsIn(top.value[top.key as string]);
          }
          setKey(top.value, top.key as string, value);
        }
      }
    };
    /**
     * The value a repeated key replaces is never read: keys repeated inside it are not warned
     * of (`web` given twice, each with `replicas` twice, said three times). Warned once, at the
     * outer key. A map bound to an anchor is kept: an alias may read it elsewhere.
     */
    const forgetRepeatsIn = (replaced: unknown) => {
      if (repeats.size === 0) return;
      const stack = [replaced];
      const walked = new Set<object>();
      while (stack.length) {
        const v = stack.pop();
        if (!v || typeof v !== 'object' || walked.has(v) || anchored.has(v)) continue;
        walked.add(v);
        repeats.delete(v);
        for (const child of Object.values(v)) stack.push(child);
      }
    };
    /** A key given again in the map being read: remembered with its path (`services.web.image`). */
    const noteRepeat = (map: object, key: string) => {
      let keys = repeats.get(map);
      if (!keys) repeats.set(map, (keys = new Map()));
      if (keys.has(key)) return;
      let path = '';
      for (let j = 1; j < frames.length; j++) {
        const parent = frames[j - 1];
        if (parent.kind === 'map') path += path ? `.${parent.key}` : String(parent.key);
        else if (parent.kind === 'seq') path += `[${parent.value.length}]`;
      }
      keys.set(key, path ? `${path}.${key}` : key);
    };
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      switch (ev.type) {
        case EVENT_ID.DOCUMENT:
          anchors = new Map();
          expansions = 0;
          docLine = i + 1 < events.length ? pos(offsetOf(events[i + 1])).line : 1;
          frames.push({ kind: 'doc', value: null, aliases: 0 });
          break;
        case EVENT_ID.SCALAR: {
          const value = scalarValue(ev);
          if (ev.anchorStart !== -1) anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), { value, aliases: 0, done: true });
          add(value, ev.valueStart, ev.style === PLAIN && ev.tagStart === -1 && value === '<<', ev.tagStart, ev.tagEnd);
          break;
        }
        case EVENT_ID.SEQUENCE:
        case EVENT_ID.MAPPING: {
          const value = ev.type === EVENT_ID.SEQUENCE ? [] : {};
          origins.set(value, i);
          const anchor = ev.anchorStart === -1 ? undefined : text.slice(ev.anchorStart, ev.anchorEnd);
          if (anchor !== undefined) {
            anchors.set(anchor, { value, aliases: 0, done: false });
            anchored.add(value);
          }
          frames.push(Array.isArray(value)
            ? { kind: 'seq', value, aliases: 0, anchor }
            : { kind: 'map', value: value as Record<string, unknown>, aliases: 0, anchor, hasKey: false, keyIsMerge: false, keyOffset: ev.start });
          break;
        }
        case EVENT_ID.ALIAS: {
          const name = text.slice(ev.anchorStart, ev.anchorEnd);
          const anchor = anchors.get(name);
          if (!anchor) throw new YamlProblem(ev.anchorStart, `unknown alias *${name}`);
          if (!anchor.done) throw new YamlProblem(ev.anchorStart, `alias *${name} refers to the collection it is in`);
          // The old walk expanded every alias, and aliases inside it, again: count them the same.
          const cost = 1 + anchor.aliases;
          expansions += cost;
          if (expansions > MAX_ALIAS_EXPANSIONS) throw new YamlProblem(ev.anchorStart, `more than ${MAX_ALIAS_EXPANSIONS} alias expansions`);
          frames[frames.length - 1].aliases += cost;
          add(anchor.value, ev.anchorStart);
          break;
        }
        case EVENT_ID.POP: {
          const frame = frames.pop() as Frame;
          if (frame.kind === 'doc') {
            docs.push({ value: frame.value, line: docLine });
            break;
          }
          if (frame.kind === 'map' && frame.merged) {
            const lines = new Map<string, number>();
            for (const [k, v, line] of frame.merged) {
              if (!Object.prototype.hasOwnProperty.call(frame.value, k)) {
                setKey(frame.value, k, v);
                lines.set(k, line);
              }
            }
            merges.set(frame.value, lines);
          }
          if (frame.anchor !== undefined) {
            const anchor = anchors.get(frame.anchor);
            if (anchor && anchor.value === frame.value) Object.assign(anchor, { aliases: frame.aliases, done: true });
          }
          frames[frames.length - 1].aliases += frame.aliases;
          const opened = events[origins.get(frame.value) as number] as Extract<Event, { tagStart: number }>;
          add(frame.value, offsetOf(opened), false, opened.tagStart, opened.tagEnd);
          break;
        }
      }
    }
  }

  function scalarValue(ev: ScalarEvent): unknown {
    const source = getScalarValue(text, ev);
    if (ev.tagStart !== -1) {
      // An explicit core tag (`!!int "3"`) is honoured; any other tag (`!Ref x`) leaves the text.
      const name = text.slice(ev.tagStart, ev.tagEnd);
      const tag = EXPLICIT_TAGS.get(name);
      const v = tag?.resolve(source, true, tag.tagName);
      // A tag the core schema does not read leaves the value as untagged (`!custom 3` is 3; an
      // empty one, `db: !reset`, null); the importer says what the tag means, or that it is ignored.
      if (!CORE_TAG_NAMES.has(name)) return ev.style === PLAIN ? resolvePlain(source) : source;
      return v === undefined || v === NOT_RESOLVED ? source : v;
    }
    return ev.style === PLAIN ? resolvePlain(source) : source;
  }

  /** The line of `key` in a map or list read from this file (the container's own line without a key). */
  function lineOf(container: unknown, key?: string | number): number | undefined {
    if (!container || typeof container !== 'object') return undefined;
    const start = origins.get(container);
    if (start === undefined) return undefined;
    const self = pos(offsetOf(events[start])).line;
    if (key === undefined) return self;
    const merged = merges.get(container)?.get(String(key));
    if (merged !== undefined) return merged;
    const isSeq = events[start].type === EVENT_ID.SEQUENCE;
    if (isSeq && typeof key !== 'number') return self;
    let found: number | undefined;
    for (let i = start + 1, index = 0; events[i].type !== EVENT_ID.POP; i = after(i), index++) {
      if (isSeq ? index === key : index % 2 === 0 && keyOfEvent(events[i]) === String(key)) {
        found = offsetOf(events[i]);
        // Sequences stop at the item; in a map a repeated key's last value is the one read.
        if (isSeq) break;
      }
    }
    return found === undefined ? self : pos(found).line;
  }

  /** Where each occurrence of `key` is written in a finished map, in order. */
  function keyOffsets(container: object, key: string): number[] {
    const start = origins.get(container) as number;
    const found: number[] = [];
    for (let i = start + 1, index = 0; events[i].type !== EVENT_ID.POP; i = after(i), index++) {
      if (index % 2 === 0 && keyOfEvent(events[i]) === key) found.push(offsetOf(events[i]));
    }
    return found;
  }

  /** The index of the event after the node that starts at `i` (its whole subtree skipped). */
  function after(i: number): number {
    const t = events[i].type;
    if (t !== EVENT_ID.SEQUENCE && t !== EVENT_ID.MAPPING) return i + 1;
    let depth = 0;
    do {
      const u = events[i++].type;
      if (u === EVENT_ID.SEQUENCE || u === EVENT_ID.MAPPING) depth++;
      else if (u === EVENT_ID.POP) depth--;
    } while (depth > 0);
    return i;
  }

  /** A key's text when it is a scalar (a collection or an alias as a key is never asked about). */
  function keyOfEvent(ev: Event): string | undefined {
    return ev.type === EVENT_ID.SCALAR ? keyText(scalarValue(ev)) : undefined;
  }
}

/** A key as the plain value's text (`80: x` is key "80"; a map used as a key is rare and kept as its text). */
function keyText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** `__proto__` is a key like any other here: defined, never assigned (which would set the prototype). */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

function offsetOf(ev: Event): number {
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      return firstOf(ev.valueStart, ev.anchorStart, ev.tagStart);
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return firstOf(ev.start, ev.anchorStart, ev.tagStart);
    case EVENT_ID.ALIAS:
      return ev.anchorStart;
    default:
      return 0;
  }
}

/** The earliest of a node's offsets (its anchor or tag comes before it); -1 is "absent". */
function firstOf(...offsets: number[]): number {
  let min = Infinity;
  for (const o of offsets) if (o >= 0 && o < min) min = o;
  return min === Infinity ? 0 : min;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function markOf(e: YAMLException, pos: (offset: number) => YamlPosition): YamlPosition {
  if (e.mark) return { line: e.mark.line + 1, column: e.mark.column + 1 };
  return pos(0);
}
