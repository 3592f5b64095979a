// YAML tags and keys in compose files, read as compose reads them. Compose has two tags of its
// own: `!reset` removes a value (an override file drops what an earlier file set) and
// `!override` replaces it whole rather than merging; `!!binary` is base64 that compose reads as
// the text it encodes. A key that is a list or a map (`? [a, b]`) is no name: compose refuses it.
import { at } from '../build';
import type { ImportNote } from '../notes';
import { isDict, shownValue, type Dict } from '../values';
import type { YamlFile } from '../yaml';

/** Keys that `!reset` removed, by the map they were in: the merge of files removes them too. */
export type Resets = Map<object, Set<string>>;

/**
 * Applies the tags of a file's compose documents to their values: `!!binary` decoded, `!reset`
 * inside a service removed (at the level of services and their settings it is left to the merge,
 * which is given it in `resets`). Everything else a tag or a key does is said in `notes`.
 */
export function readComposeTags(file: string, yaml: YamlFile, resets: Resets, notes: ImportNote[]): void {
  const servicesMaps = new Set<object>();
  const serviceDefs = new Set<object>();
  for (const d of yaml.docs) {
    if (!isDict(d.value) || !isDict(d.value.services)) continue;
    servicesMaps.add(d.value.services);
    for (const def of Object.values(d.value.services)) if (isDict(def)) serviceDefs.add(def);
  }
  const removedFromLists = new Map<unknown[], Set<number>>();
  for (const t of yaml.tags) {
    const source = at(file, t.line);
    if (t.parent === undefined || t.key === undefined) {
      notes.push({ kind: 'warning', source, message: `the tag ${t.tag} on a key or a document is not one compose reads: ignored` });
      continue;
    }
    const parent = t.parent as Dict | unknown[];
    if (t.tag === '!reset') {
      if (Array.isArray(parent)) removedFromLists.set(parent, (removedFromLists.get(parent) ?? new Set()).add(t.key as number));
      else if (servicesMaps.has(parent) || serviceDefs.has(parent)) resets.set(parent, (resets.get(parent) ?? new Set()).add(String(t.key)));
      else delete parent[String(t.key)];
      const what = Array.isArray(parent) ? `the item ${shownValue(parent[t.key as number])}` : String(t.key);
      notes.push({ kind: 'inferred', source, message: `!reset: ${what} removed, as compose reads it` });
    } else if (t.tag === '!override') {
      // The merge of files replaces a setting whole already: in one file the value is as written.
      continue;
    } else if (t.tag === '!!binary') {
      const key = t.key as string & number;
      const text = typeof parent[key] === 'string' ? decodedText(parent[key] as string) : undefined;
      if (text === undefined) {
        notes.push({ kind: 'warning', source, message: `!!binary: ${String(t.key)} is not base64 of UTF-8 text: read as written` });
        continue;
      }
      (parent as Record<string | number, unknown>)[key] = text;
      notes.push({ kind: 'inferred', source, message: `!!binary: ${String(t.key)} read as the text it encodes, as compose does` });
    } else {
      notes.push({ kind: 'warning', source, message: `the tag ${t.tag} is not one compose reads (it reads !reset and !override): ${String(t.key)} read as if untagged` });
    }
  }
  for (const [list, indexes] of removedFromLists) {
    const kept = list.filter((_, i) => !indexes.has(i));
    list.splice(0, list.length, ...kept);
  }
  for (const k of yaml.complexKeys) {
    const what = k.what === 'list' ? 'a list' : 'a map';
    notes.push({
      kind: 'warning',
      source: at(file, k.line),
      message: servicesMaps.has(k.parent)
        ? `a service named by ${what} (\`? [a, b]:\`): compose refuses a name that is not text; skipped`
        : `a key that is ${what} (\`? [a, b]:\`): compose refuses a key that is not text; its entry is left out`,
    });
  }
}

/** The UTF-8 text that base64 encodes, or undefined when it is not that. */
function decodedText(base64: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(base64.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
