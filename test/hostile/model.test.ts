// Hostile input to the pure core (issue 14): parse failures are values, never throws; no
// name is special; figures cannot overflow; pasted fragments are checked like documents.
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { decodeShareHash, toBase64Url } from '../../src/io/shareLink';
import { terminalSafe, xmlSafe } from '../../src/io/safeText';
import { toFlowNodes } from '../../src/canvas/mapping';
import {
  availabilityFromRepair, componentAvailability, own, parseTopology, readJsonText, serializeTopology, type Topology,
} from '../../src/model';
import { copyFragment, pasteFragment } from '../../src/store/clipboard';
import { fragmentFromText, fragmentToText } from '../../src/store/clipboardText';
import { deleteElements, renameElement } from '../../src/store/edits';
import { absolutePosition } from '../../src/store/geometry';
import { moveNodes } from '../../src/store/moves';
import { ensurePositions } from '../../src/store/placement';

const loaded = (doc: unknown): Topology => {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.topology;
};

describe('JSON text is read in bounded depth and size, and never throws', () => {
  it('deep nesting is refused where it starts; unclosed brackets too', () => {
    for (const [text, column] of [['['.repeat(100_000), 65], [`${'['.repeat(65)}${']'.repeat(65)}`, 65], [`{"a":${'{"a":'.repeat(70)}1${'}'.repeat(71)}`, 321]] as const) {
      const r = readJsonText(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problem).toMatchObject({ code: 'too-deep', path: `line 1, column ${column}` });
    }
    // Brackets inside strings are text.
    expect(readJsonText(JSON.stringify({ s: '['.repeat(1000) })).ok).toBe(true);
  });

  it('text past the size limit is refused before it is parsed', () => {
    const r = readJsonText(' '.repeat(11 * 1024 * 1024));
    expect(!r.ok && r.problem.message).toBe('the document is 11 MB long; at most 10 MB are read');
  });

  it('a byte order mark is not an error', () => {
    expect(parseTopology('\ufeff{"format":"spof-topology","version":2,"components":[]}').ok).toBe(true);
  });

  it('a number too large for a number (1e999 reads as Infinity) is named as such, not "expected number"', () => {
    const r = parseTopology('{"format":"spof-topology","version":2,"components":[{"id":"a","kind":"web","availability":1e999}]}');
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['components[0].availability: must be a finite number (got 1e999: too large for a number)']);
  });

  it('a number whose digits a number cannot hold is said as written, with what it reads as', () => {
    const text = (fields: string) => `{"format":"spof-topology","version":2,"slo":0.99999999999999999,"components":[{"id":"a","kind":"web"${fields}}]}`;
    const errors = (t: string) => { const r = parseTopology(t); return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`); };
    // Before: "must be > 0 and <= 1 (got 0)", of a value written 1e-400.
    expect(errors(text(',"availability":1e-400,"failoverSeconds":1E2'))).toEqual([
      'slo: must be > 0 and < 1 (got 0.99999999999999999, which reads as 1: more digits than a number holds)',
      'components[0].availability: must be > 0 and <= 1 (got 1e-400, too small for a number: it reads as 0)',
    ]);
    // A number that reads as written keeps its grouped digits, whatever its notation; a value (not text) has no writing.
    expect(errors('{"format":"spof-topology","version":2,"components":[{"id":"a","kind":"web","availability":15e-1}]}')).toEqual(['components[0].availability: must be > 0 and <= 1 (got 1.5)']);
    expect(errors('{"format":"spof-topology","version":1e-400,"components":[]}')).toEqual(['version: must be a positive integer (got 1e-400, too small for a number: it reads as 0)']);
  });

  it('a whole number past 2^53 breaks the field\'s bound only: one message, not "must be a positive integer" too', () => {
    const r = parseTopology('{"format":"spof-topology","version":2,"components":[{"id":"a","kind":"app","replicas":3,"minHealthy":1e20,"requires":{"g":{"min":1e20}}}]}');
    // Before: minHealthy had two errors, the first "must be a positive integer (got 100,000,...)".
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'components[0].minHealthy: must be at most 1,000 (got 100,000,000,000,000,000,000)',
      'components[0].requires.g.min: must be at most 9,007,199,254,740,991 (got 100,000,000,000,000,000,000)',
    ]);
  });

  it('a field of the document written twice is refused with both places, not read as the last one', () => {
    const text = '{"format": "spof-topology", "version": 1,\n "components": [{"id": "u", "kind": "client"}, {"id": "app", "kind": "app"}],\n "links": [{"from": "u", "to": "app"}],\n "components": [{"id": "x", "kind": "app"}]}';
    const r = parseTopology(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Before: the last list won, and the link read as two broken references.
    expect(r.errors).toEqual([expect.objectContaining({ code: 'repeated-key', path: 'components', message: expect.stringMatching(/^"components" is written twice \(line 2, column 2 and line 4, column 2\)/) })]);
    // Keys repeated inside an element, in strings or at other levels, and escaped alike, are not the document's fields.
    expect(readJsonText('{"a": {"b": 1, "c": {"b": 2}}, "s": "\\"a\\": 1", "b": [{"a": 1}]}').ok).toBe(true);
    expect(readJsonText('{"a": 1, "\\u0061": 2}')).toMatchObject({ ok: false, problem: { code: 'repeated-key', path: 'a' } });
  });

  it('random text gives a result, never an exception', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ':', ',', '1', 'a', ' ') }), (text) => {
      expect(typeof parseTopology(text).ok).toBe('boolean');
    }), { numRuns: 500, seed: 14 });
  });

  it('a share link of `deflate:` and 100,000 brackets (192 characters) is refused, not thrown', () => {
    const hash = `#topology=deflate:${toBase64Url(deflateSync(new TextEncoder().encode('['.repeat(100_000)), { level: 9 }))}`;
    expect(hash.length).toBeLessThan(300);
    const r = decodeShareHash(hash);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].code).toBe('too-deep');
  });
});

describe('no name is special', () => {
  const special = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

  it('requires {"__proto__": {"min": 2}} is kept: both targets of that group are SPOFs, and it is written back', () => {
    const text = `{"format":"spof-topology","version":2,"components":[{"id":"u","kind":"client"},{"id":"app","kind":"app","requires":{"__proto__":{"min":2}}},{"id":"db1","kind":"database"},{"id":"db2","kind":"database"}],
      "links":[{"from":"u","to":"app"},{"from":"app","to":"db1","group":"__proto__"},{"from":"app","to":"db2","group":"__proto__"}]}`;
    const t = loaded(text);
    expect(own(t.components[1].requires, '__proto__')).toEqual({ min: 2 });
    expect(analyze(t).spofs.map((s) => s.id)).toEqual(['app', 'db1', 'db2']);
    expect(JSON.parse(serializeTopology(t)).components[1].requires).toEqual(JSON.parse('{"__proto__":{"min":2}}'));
    expect(loaded(serializeTopology(t))).toEqual(t);
    // A bad value under that name is refused like any other.
    const bad = parseTopology(text.replace('{"min":2}', '{"min":0}'));
    expect(!bad.ok && bad.errors[0].path).toBe('components[1].requires.__proto__.min');
  });

  it('elements named like Object members get real positions, keep them through edits, and round-trip', () => {
    let t = loaded({
      format: 'spof-topology', version: 2,
      domains: [{ id: 'valueOf', kind: 'zone' }],
      components: special.map((id, i) => ({ id, kind: i === 0 ? 'client' : 'service', ...(i === 3 ? { domain: 'valueOf' } : {}) })),
      links: [{ from: '__proto__', to: 'constructor' }, { from: 'constructor', to: 'toString' }],
    });
    t = ensurePositions(t);
    for (const id of [...special, 'valueOf']) {
      const p = absolutePosition(t, id);
      expect(Number.isFinite(p.x) && Number.isFinite(p.y), id).toBe(true);
    }
    for (const n of toFlowNodes(t)) expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y), n.id).toBe(true);
    t = moveNodes(t, [{ id: '__proto__', absolute: { x: 512, y: 64 } }]);
    expect(absolutePosition(t, '__proto__')).toEqual({ x: 512, y: 64 });
    expect(loaded(serializeTopology(t))).toEqual(t);
    t = renameElement(t, 'toString', 'renamed');
    expect(loaded(serializeTopology(t))).toEqual(t);
    t = deleteElements(t, ['constructor']);
    expect(own(t.view?.positions, '__proto__')).toEqual({ x: 512, y: 64 });
  });

  it('a copied fragment with such names pastes with its positions and requirements', () => {
    const t = ensurePositions(loaded({
      format: 'spof-topology', version: 2,
      components: [{ id: '__proto__', kind: 'app', requires: JSON.parse('{"__proto__":{"min":1}}') }, { id: 'db', kind: 'database' }],
      links: [{ from: '__proto__', to: 'db', group: '__proto__' }],
    }));
    const read = fragmentFromText(fragmentToText(copyFragment(t, ['__proto__', 'db'])!));
    expect(read.kind).toBe('fragment');
    if (read.kind !== 'fragment') return;
    expect(own(read.fragment.absolute, '__proto__')).toEqual(absolutePosition(t, '__proto__'));
    const { doc } = pasteFragment(t, read.fragment, { x: 32, y: 32 });
    expect(loaded(serializeTopology(doc))).toEqual(doc);
  });
});

describe('reliability figures cannot overflow to a wrong availability', () => {
  it('MTBF = MTTR = 1.7e308 is 0.5; MTBF 5e-324 is above 0', () => {
    expect(availabilityFromRepair(1.7e308, 1.7e308)).toBe(0.5);
    expect(availabilityFromRepair(5e-324, 1)).toBeGreaterThan(0);
    expect(componentAvailability({ id: 'x', kind: 'app', mtbfHours: 1.7e308, mttrHours: 1.7e308 })).toBe(0.5);
    expect(availabilityFromRepair(8760, 2)).toBeCloseTo(8760 / 8762, 15);
  });

  it('a switchover of 0 s behind a member with an infinite failure rate is never down (no NaN)', () => {
    const t = loaded({
      format: 'spof-topology', version: 2,
      components: [
        { id: 'u', kind: 'client' }, { id: 'app', kind: 'app' },
        { id: 'db', kind: 'database', mtbfHours: 5e-324, mttrHours: 1 },
        { id: 'db2', kind: 'database', role: 'standby', standby: 'hot', failoverSeconds: 0 },
      ],
      links: [{ from: 'u', to: 'app' }, { from: 'app', to: 'db' }, { from: 'app', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication', mode: 'sync' }],
    });
    const r = analyze(t);
    expect(Number.isNaN(r.system.availability)).toBe(false);
    for (const e of r.elements) expect(Number.isNaN(e.availability), e.id).toBe(false);
  });
});

describe('pasted fragments are checked like documents, references too', () => {
  const base = ensurePositions(loaded({
    format: 'spof-topology', version: 2,
    domains: [{ id: 'z1', kind: 'zone' }, { id: 'z2', kind: 'zone', parent: 'z1' }],
    components: [{ id: 'a', kind: 'app', domain: 'z2' }, { id: 'b', kind: 'database' }],
    links: [{ from: 'a', to: 'b' }],
  }));
  const text = () => JSON.parse(fragmentToText(copyFragment(base, ['z1', 'b'])!));
  const broken = (edit: (f: ReturnType<typeof text>) => void) => {
    const f = text();
    edit(f);
    const read = fragmentFromText(JSON.stringify(f));
    expect(read.kind).toBe('broken');
    return read.kind === 'broken' ? read.problems : [];
  };

  it('a domain cycle, a link to a missing id, a self link: refused with their paths', () => {
    expect(broken((f) => { f.domains[0].parent = 'z2'; })).toEqual([expect.stringMatching(/^domains\[\d\]\.parent: parent cycle: /)]);
    expect(broken((f) => { f.links.push({ from: 'a', to: 'nowhere' }); })).toContainEqual('links[1].to: no component "nowhere"');
    expect(broken((f) => { f.links.push({ from: 'b', to: 'b' }); })).toContainEqual('links[1].to: a link from "b" to itself');
  });

  it('a placement in a domain outside the fragment is allowed (a copy within one design)', () => {
    expect(fragmentFromText(fragmentToText(copyFragment(base, ['a'])!)).kind).toBe('fragment');
  });
});

describe('text for terminals and XML', () => {
  it('terminal text: controls, C1 and direction overrides escaped; newlines kept unless one line', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007\u202e\r\n\tc\u0085')).toBe('a\\u001b[2Jb\\u0007\\u202e\\u000d\n\tc\\u0085');
    expect(terminalSafe('a\nb', { oneLine: true })).toBe('a\\u000ab');
  });

  it('terminal text: invisible characters and lone surrogates escaped, so that two ids never print the same', () => {
    // `d\u200bb` printed as `db` beside a real `db`; `u\ud800` and `u\udc00` both printed as `u\ufffd`.
    expect(terminalSafe('d\u200bb d\u200cb d\u200db d\u2060b d\ufeffb')).toBe('d\\u200bb d\\u200cb d\\u200db d\\u2060b d\\ufeffb');
    expect(terminalSafe('u\ud800 u\udc00 \udc00\ud800')).toBe('u\\ud800 u\\udc00 \\udc00\\ud800');
    // A pair is one character and stays, as do accents written either way.
    expect(terminalSafe('😀 café cafe\u0301')).toBe('😀 café cafe\u0301');
  });

  it('XML text: characters XML cannot hold as control pictures', () => {
    expect(xmlSafe('db\u0000x\u001b\ud800')).toBe('db\u2400x\u241b\ufffd');
    expect(xmlSafe('Café 😀\t\n')).toBe('Café 😀\t\n');
  });
});

describe('ids that print the same', () => {
  const withIds = (ids: string[]) => parseTopology({
    format: 'spof-topology', version: 2,
    components: [{ id: 'users', kind: 'client' }, ...ids.map((id) => ({ id, kind: 'database' }))],
    links: ids.map((id) => ({ from: 'users', to: id })),
  });

  it('an accent written two ways, or an invisible character inside: a warning naming both, with their codes', () => {
    const nfc = withIds(['caf\u00e9', 'cafe\u0301']);
    expect(nfc.ok).toBe(true);
    expect(nfc.warnings).toEqual([{
      code: 'lookalike-id',
      path: 'components[2].id',
      message: 'looks the same as the id of components[1] but is another id: they differ only in how accented letters are encoded (Unicode normalisation) ("cafe\\u0301" and "caf\\u00e9"); rename one',
    }]);
    const zw = withIds(['db', 'd\u200bb', 'd\ufeffb']);
    expect(zw.warnings.map((w) => [w.path, w.message.match(/differ only in ([a-z ]+) \(/)?.[1]])).toEqual([
      ['components[2].id', 'invisible characters'],
      ['components[3].id', 'invisible characters'],
    ]);
  });

  it('ids that differ in case, or in visible characters, are two ids as before: no warning', () => {
    expect(withIds(['db', 'DB', 'd-b', 'café', 'cafe']).warnings).toEqual([]);
  });
});
