// Ids and titles inside Mermaid `architecture-beta` diagrams. Its grammar (langium, in
// @mermaid-js/parser) differs from the flowchart's: an id is `\w([-\w]*\w)?`, but one that
// starts with L, R, T or B is read as an edge side, one that starts with `title` as the
// diagram's title, and `in`, `group`, `service`, `junction`, `align`, `row`, `column` are
// keywords. A title is `[...]`, here always quoted: `["..."]` with `\"` for a quote.
import { domainTitle, kindLine } from './mermaidLabels';
import { decodedIdOf, encodedIdOf, mermaidIdOf } from './mermaidText';
import type { Component, FailureDomain } from '../model';

const KEYWORDS = new Set(['in', 'group', 'service', 'junction', 'align', 'row', 'column', 'architecture-beta']);

function safeInArchitecture(id: string): boolean {
  return !/^[LRTB]/.test(id) && !id.startsWith('title') && !KEYWORDS.has(id);
}

/** The architecture id of a topology id: the flowchart's id when the grammar takes it, else its always-encoded form. */
export function architectureIdOf(id: string): string {
  const m = mermaidIdOf(id);
  return safeInArchitecture(m) ? m : encodedIdOf(id);
}

/** The flowchart id that stands for the same topology id as an architecture id (import reads flowchart ids). */
export function flowchartIdOf(architectureId: string): string {
  const decoded = decodedIdOf(architectureId);
  return decoded !== undefined && architectureIdOf(decoded) === architectureId ? mermaidIdOf(decoded) : architectureId;
}

/** Marks a SPOF in a title; import takes it off again. */
export const SPOF_MARK = ' (SPOF)';

/**
 * What a service shows: the label, then `×3` for a pool and the role of a standby or
 * replica (the kind is the icon). One line: a title cannot break.
 */
export function serviceTitle(c: Component): string {
  const label = (c.label ?? c.id).replace(/\s*\n\s*/g, ' ');
  const extra = kindLine(c).replace(/^[a-z]+/, '').trim();
  return extra ? `${label} ${extra}` : label;
}

export function groupTitle(d: FailureDomain): string {
  return domainTitle(d);
}

/**
 * A title that parses and shows literally. Mermaid draws titles through Markdown and its
 * own entity and directive handling, so the characters that would change what is drawn are
 * replaced by look-alikes (the exact label travels in the `%% spof:` comments): `%%` would
 * start a directive, `#x;` an entity, backticks and `~` code and strike-through, `[`/`]`
 * links, `\` escapes; a line break or control character becomes a space.
 */
export function encodeArchitectureTitle(text: string): string {
  const shown = text
    .replace(/[\n\r\u2028\u2029]+/g, ' ')
    .replace(/%(?=%)/g, '\uFF05')
    .replace(/#(?=\w+;)/g, '\uFF03')
    .replace(/[`~[\]\\*_<>]/g, (ch) => LOOK_ALIKES[ch])
    .replace(/"/g, '\\"')
    .trim()
    .replace(INVISIBLE, (ch) => `#${ch.codePointAt(0)};`);
  return `["${shown}"]`;
}

/**
 * Controls, invisible format characters (the bidirectional overrides among them), separators
 * other than the space, and lone surrogates: written by number, as the flowchart export writes
 * them, so that the file shows no hidden text (a right-to-left override reordered what a
 * reviewer read of the line) and a lone surrogate, which UTF-8 cannot hold, comes back as
 * itself rather than as U+FFFD. Mermaid draws `#8238;` as the character, in both diagrams.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f]|[^\p{L}\p{M}\p{N}\p{P}\p{S} \u0020-\u007e]/gu;

const LOOK_ALIKES: Record<string, string> = {
  '`': '\u02CB', '~': '\u223C', '[': '\uFF3B', ']': '\uFF3D', '\\': '\u29F5', '*': '\u2217', _: '\uFF3F', '<': '\u2039', '>': '\u203A',
};

/**
 * The text of a title as its export wrote it, as mermaid's parser hands it over (a character
 * written by number, `#8203;`, in mermaid's placeholder form `ﬂ°°8203¶ß`), for comparing with
 * what the drawing now shows.
 */
export function shownTitle(text: string): string {
  return encodeArchitectureTitle(text).slice(2, -2).replace(/\\"/g, '"').replace(/#(\d+);/g, '\uFB02\u00B0\u00B0$1\u00B6\u00DF');
}
