// The YAML reader (js-yaml's events walked into plain values with lazy lines) against an
// oracle: the `yaml` package's documents, read independently. Same values, and the same line
// for every key and item, on every fixture, on the benchmark's manifests and on random
// documents written in block and flow styles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, type Document, type Node } from 'yaml';
import { readYaml } from '../../src/import/yaml';
import { manifestSet } from '../../bench/import/manifests';
import { FIXTURES } from './helpers';

/** Every key and item of the oracle's documents with its line, as [path, line]; merged keys where they were written. */
function oracleLines(text: string): { values: unknown[]; lines: [string, number][] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: false });
  const lines: [string, number][] = [];
  const lineOfNode = (n: unknown) => lineCounter.linePos((n as Node).range?.[0] ?? 0).line;
  const isMerge = (k: unknown) => isScalar(k) && (k.value === '<<' || typeof k.value === 'symbol');
  const walk = (node: unknown, path: string, doc: Document.Parsed) => {
    if (isMap(node)) {
      const pairs = node.items.filter((p) => isPair(p) && isScalar(p.key) && !isMerge(p.key));
      const explicit = new Set(pairs.map((p) => String((p.key as { value: unknown }).value)));
      for (const pair of pairs) {
        const key = String((pair.key as { value: unknown }).value);
        lines.push([`${path}/${key}`, lineOfNode(pair.key)]);
        walk(pair.value, `${path}/${key}`, doc);
      }
      const merged = new Set<string>();
      for (const pair of node.items.filter((p) => isPair(p) && isMerge(p.key))) {
        const v = pair.value;
        const sources = isSeq(v) ? v.items : [v];
        for (const src of sources.map((x) => (isAlias(x) ? x.resolve(doc) : x))) {
          if (!isMap(src)) continue;
          for (const p of src.items) {
            const key = isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined;
            if (key === undefined || explicit.has(key) || merged.has(key)) continue;
            merged.add(key);
            lines.push([`${path}/${key}`, lineOfNode(p.key)]);
            walk(p.value, `${path}/${key}`, doc);
          }
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        lines.push([`${path}/${i}`, lineOfNode(item)]);
        walk(isAlias(item) ? item.resolve(doc) : item, `${path}/${i}`, doc);
      });
    } else if (isAlias(node)) walk(node.resolve(doc), path, doc);
  };
  docs.forEach((d, i) => walk(d.contents, String(i), d));
  return { values: docs.map((d) => d.toJS({ maxAliasCount: -1 })), lines };
}

function ourLines(text: string): { values: unknown[]; lines: [string, number][] } {
  const r = readYaml(text);
  if (!r.ok) throw new Error(`${r.position.line}:${r.position.column} ${r.message}`);
  const lines: [string, number][] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        lines.push([`${path}/${i}`, r.file.lineOf(value, i) as number]);
        walk(item, `${path}/${i}`);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        lines.push([`${path}/${k}`, r.file.lineOf(value, k) as number]);
        walk(v, `${path}/${k}`);
      }
    }
  };
  r.file.docs.forEach((d, i) => walk(d.value, String(i)));
  return { values: r.file.docs.map((d) => d.value), lines };
}

function expectSameAsOracle(text: string) {
  const ours = ourLines(text);
  const oracle = oracleLines(text);
  expect(ours.values).toEqual(oracle.values);
  // The oracle lists a key once per occurrence; ours once per key (the last occurrence is read).
  const expected = new Map(oracle.lines);
  expect(new Map(ours.lines)).toEqual(expected);
}

const yamlFixtures = readdirSync(FIXTURES, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort();

describe('readYaml', () => {
  it.each(yamlFixtures)('reads %s as the yaml package does, with the line of every key and item', (file) => {
    expectSameAsOracle(readFileSync(join(FIXTURES, file), 'utf8'));
  });

  it("reads the benchmark's generated manifests as the yaml package does", () => {
    for (const f of manifestSet(40)) expectSameAsOracle(f.text);
  });

  it('reads random documents in block and flow styles as the yaml package does', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,8}$/).filter((k) => k !== '__proto__');
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('tree'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    fc.assert(fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, flow) => {
      const text = docs.map((d) => stringify(d, { collectionStyle: flow ? 'flow' : 'block' })).join('---\n');
      expectSameAsOracle(text);
    }), { numRuns: 300 });
  });

  it('merges `<<` keys: explicit keys win wherever they are, merged keys keep the line where they were written', () => {
    const text = 'base: &base\n  image: redis\n  restart: always\nsvc:\n  restart: "no"\n  <<: *base\n  ports: [80]\n';
    expectSameAsOracle(text);
    const r = readYaml(text);
    if (!r.ok) throw new Error(r.message);
    const svc = (r.file.docs[0].value as Record<string, Record<string, unknown>>).svc;
    expect(svc).toEqual({ restart: 'no', image: 'redis', ports: [80] });
    expect(r.file.lineOf(svc, 'image')).toBe(2);
    expect(r.file.lineOf(svc, 'restart')).toBe(5);
    expect(r.file.lineOf(svc)).toBe(5);
  });

  it('reads the core schema: numbers, booleans, null; quoted text stays text; explicit core tags are honoured, others leave the text', () => {
    const r = readYaml('a: 08\nb: "8"\nc: true\nd: yes\ne: ~\nf: 1e3\ng: !!str 12\nh: !!int "12"\ni: !Ref thing\nj: 0x1F\nk: |\n  two\n  lines\n');
    expect(r.ok && r.file.docs[0].value).toEqual({ a: 8, b: '8', c: true, d: 'yes', e: null, f: 1000, g: '12', h: 12, i: 'thing', j: 31, k: 'two\nlines\n' });
  });

  it('keeps `__proto__` as a key, not a prototype', () => {
    const r = readYaml('__proto__:\n  services: {}\n');
    const v = r.ok ? (r.file.docs[0].value as object) : {};
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect('services' in v).toBe(false);
    expect(Object.keys(v)).toEqual(['__proto__']);
  });

  it('a repeated key: the last value is read and its line given', () => {
    const r = readYaml('a: 1\nb: 2\na: 3\n');
    expect(r.ok && r.file.docs[0].value).toEqual({ a: 3, b: 2 });
    expect(r.ok && r.file.lineOf(r.file.docs[0].value, 'a')).toBe(3);
    expect(r.ok && r.file.repeatedKeys).toEqual([{ path: 'a', lines: [1, 3] }]);
  });

  it('lists each key repeated in a map once, with its path and every line; a key overriding a merged one is no repeat', () => {
    const r = readYaml('x:\n  - {k: 1, k: 2}\n  - b: &b {m: 1}\n    c:\n      <<: *b\n      m: 2\n      n: 1\n      n: 2\n      n: 3\n');
    expect(r.ok && r.file.repeatedKeys).toEqual([{ path: 'x[0].k', lines: [2, 2] }, { path: 'x[1].c.n', lines: [7, 8, 9] }]);
    expect(readYaml('a: 1\nb: {a: 2}\n---\na: 3\n')).toMatchObject({ ok: true, file: { repeatedKeys: [] } });
  });

  it('a map given twice is said once, at its key: keys repeated inside the one replaced are not read and not listed', () => {
    const text = 'services:\n  web:\n    deploy:\n      replicas: 2\n      replicas: 3\n  web:\n    deploy:\n      replicas: 4\n      replicas: 5\n';
    const r = readYaml(text);
    expect(r.ok && r.file.repeatedKeys).toEqual([
      { path: 'services.web.deploy.replicas', lines: [8, 9] },
      { path: 'services.web', lines: [2, 6] },
    ]);
    // A replaced map bound to an anchor may be read through an alias: its repeats stay.
    const anchored = readYaml('a: &x {k: 1, k: 2}\na: 3\nb: *x\n');
    expect(anchored.ok && anchored.file.repeatedKeys.map((k) => k.path).sort()).toEqual(['a', 'a.k']);
  });

  it('refuses a billion laughs and a recursive alias, with the line and column', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const bomb = readYaml(`${levels.join('\n')}\n`);
    expect(bomb.ok).toBe(false);
    if (!bomb.ok) expect(bomb.message).toBe('more than 10000 alias expansions');
    const loop = readYaml('a: &x\n  b: *x\n');
    expect(loop).toMatchObject({ ok: false, position: { line: 2, column: 7 } });
  });

  it('reports invalid YAML with its line and column', () => {
    expect(readYaml('services:\n  web:\n    image: nginx\n   bad: x\n')).toMatchObject({ ok: false, position: { line: 4 } });
    const r = readYaml('a: [1, 2\nb: 3\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.position.line).toBeGreaterThan(1);
  });
});
