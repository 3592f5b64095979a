// Ids that print the same but are different ids: `café` written with one character or with
// `e` and a combining accent (Unicode normalisation), or `db` with a zero-width space inside.
// A link to one does not reach the other, so a design can look right and be analysed as
// something else. A warning: both load, each keeps its meaning, the message says which.
import { WARNING_CODES, type Problem } from './issues';
import type { Topology } from './schema';

/** Characters that show nothing: soft hyphen, combining grapheme joiner, zero-width and direction marks, word joiner, invisible operators, U+FEFF. */
const INVISIBLE = /[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const PLAIN = /^[\u0020-\u007e]*$/;

export function lookalikeIdWarnings(t: Topology, warnings: Problem[]): void {
  const first = new Map<string, { id: string; path: string }>();
  const look = (id: string, path: string) => {
    // Printable ASCII has one way of being written: no normalisation to pay for 100,000 ids.
    const key = PLAIN.test(id) ? id : id.normalize('NFC').replace(INVISIBLE, '');
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, { id, path });
      return;
    }
    if (seen.id === id) return; // a duplicate id, an error reported elsewhere
    const how = id.replace(INVISIBLE, '') !== id || seen.id.replace(INVISIBLE, '') !== seen.id
      ? 'invisible characters'
      : 'how accented letters are encoded (Unicode normalisation)';
    warnings.push({
      code: WARNING_CODES.lookalikeId,
      path: `${path}.id`,
      message: `looks the same as the id of ${seen.path} but is another id: they differ only in ${how} (${codes(id)} and ${codes(seen.id)}); rename one`,
    });
  };
  t.domains.forEach((d, i) => look(d.id, `domains[${i}]`));
  t.components.forEach((c, i) => look(c.id, `components[${i}]`));
  t.links.forEach((l, i) => l.id !== undefined && look(l.id, `links[${i}]`));
}

/** An id with every character past ASCII as its code (`"cafe\\u0301"`), so that the two can be told apart; cut past 80. */
function codes(id: string): string {
  const shown = id.length > 80 ? `${id.slice(0, 80)}...` : id;
  return `"${shown.replace(/[^\u0020-\u007e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
