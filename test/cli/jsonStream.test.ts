// `analyze --json` is written in chunks of bytes, each distinct name encoded once
// (src/cli/jsonStream.ts): the text must be what JSON.stringify(value, null, 2) makes, made
// terminal-safe, whatever the value, the names and where the chunks fall.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonReportWritten } from '../../src/cli/analyze';
import { NameList, writeJson } from '../../src/cli/jsonStream';
import { analyze } from '../../src/engine';
import { BLAST_RADIUS_BUDGET } from '../../src/engine/analyze';
import { terminalSafe } from '../../src/io/safeText';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { topologyWith } from '../engine/arbitraries';

/** The text writeJson writes (chunks are reused after each call: each is copied here). */
function written(v: unknown): string {
  const chunks: Buffer[] = [];
  writeJson(v, (chunk) => chunks.push(Buffer.from(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** The same value with every NameList made an array, as JSON.stringify reads it. */
const plain = (v: unknown) => JSON.stringify(v, (_, x) => (x instanceof NameList ? gathered(x) : x), 2);

function gathered(list: NameList): string[] {
  const items: string[] = [];
  list.each((i) => items.push(list.table[i]));
  return items;
}

function parsed(doc: TopologyInput): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

/** Names with every kind of character a terminal or JSON cares about: controls, C1, direction overrides, quotes, astral. */
const oddName = fc.string({ unit: fc.constantFrom('a', 'é', '"', '\\', '\n', '\u001b', '\u0085', '\u202e', '\u2028', '😀', '\u0000'), maxLength: 6 });

describe('JSON written in chunks', () => {
  it('is the text terminalSafe(JSON.stringify(value, null, 2)) makes, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(written(v)).toBe(`${terminalSafe(JSON.stringify(v, null, 2))}\n`);
    }), { numRuns: 300, seed: 14 });
  });

  it('long lists of odd names, repeated, nested and by index in any order, across many chunks: the same text, and parsed, the same value', () => {
    fc.assert(fc.property(fc.array(oddName, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 9000 }), fc.nat(2), (pool, n, depth) => {
      const names = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? pool[i % pool.length] : `${pool[i % pool.length]}${i}`));
      let v: unknown = { spofs: [{ id: pool[0], down: names, clients: [] }], after: names.slice(0, 3) };
      for (let d = 0; d < depth; d++) v = [v, { deeper: v, [pool[0]]: new NameList(names, (item) => names.forEach((_, i) => item(n - 1 - i))), none: new NameList(names, () => {}) }];
      const text = written(v);
      expect(text).toBe(`${terminalSafe(plain(v))}\n`);
      expect(JSON.parse(text)).toEqual(JSON.parse(plain(v)));
    }), { numRuns: 12, seed: 14 });
  });

  it('a name longer than a chunk (a 5-million-character id) is written whole', () => {
    const id = `${'x'.repeat(5_000_000)}\u202e`;
    expect(written({ down: [id, 'a', id] })).toBe(`${terminalSafe(JSON.stringify({ down: [id, 'a', id] }, null, 2))}\n`);
  });
});

describe('analyze --json as written', () => {
  it('on random designs with odd names, parses back equal to the report it was written from', () => {
    fc.assert(fc.property(topologyWith({ min: 1, max: 2 }), fc.array(oddName, { minLength: 12, maxLength: 12 }), (doc, labels) => {
      doc.components.forEach((c, i) => (c.label = labels[i % labels.length]));
      const t = parsed(doc);
      const value = jsonReportWritten(analyze(t), t, {});
      const text = written(value);
      expect(text).toBe(`${terminalSafe(plain(value))}\n`);
      expect(JSON.parse(text)).toEqual(JSON.parse(plain(value)));
    }), { numRuns: 60, seed: 14 });
  });

  it('a chain past the blast radius budget: every SPOF\'s whole list, where the report kept only the first names', () => {
    const n = Math.ceil(Math.sqrt(2 * BLAST_RADIUS_BUDGET)) + 10;
    const ids = Array.from({ length: n }, (_, i) => `c${i}\u202e`);
    const t = parsed({
      format: 'spof-topology', version: 2,
      components: [{ id: 'u', kind: 'client' }, ...ids.map((id) => ({ id, kind: 'service' as const, availability: 0.999 }))],
      links: [{ from: 'u', to: ids[0] }, ...ids.slice(1).map((id, i) => ({ from: ids[i], to: id }))],
    });
    const report = analyze(t);
    expect(report.spofs.some((s) => s.downCount !== undefined)).toBe(true);
    const json = JSON.parse(written(jsonReportWritten(report, t, {}))) as { spofs: { id: string; down: string[]; downCount?: number }[] };
    expect(json.spofs).toHaveLength(n);
    json.spofs.forEach((s, k) => {
      // The k-th service of the chain takes down the client, every service before it and itself.
      expect(s.id).toBe(ids[k]);
      expect(s.downCount).toBeUndefined();
      expect(s.down.join(' ')).toBe(['u', ...ids.slice(0, k + 1)].join(' '));
    });
  });
});
