import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseTopology, serializeTopology } from '../../src/model';
import { validTopology } from './arbitraries';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside the document (not the root itself). */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push([...prefix, i], ...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push([...prefix, k], ...paths(x, [...prefix, k]));
  return out;
}

function mutate(doc: Json, path: (string | number)[], op: number, value: Json): Json {
  const copy = structuredClone(doc) as Json;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (op === 0) parent[last] = value;
  else if (op === 1 && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (op === 1) delete parent[last];
  else if (typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) (parent[last] as Record<string, Json>).extra = value;
  else parent[last] = value;
  return copy;
}

describe('topology documents (property)', () => {
  it('generated documents are valid, and parse -> serialize -> parse is the identity', () => {
    fc.assert(fc.property(validTopology, (doc) => {
      const first = parseTopology(doc);
      if (!first.ok) throw new Error(first.errors.map(formatProblem).join('\n'));
      const text = serializeTopology(first.topology);
      const second = parseTopology(text);
      expect(second.ok).toBe(true);
      if (second.ok) {
        expect(second.topology).toEqual(first.topology);
        expect(serializeTopology(second.topology)).toBe(text);
      }
    }), { numRuns: 300 });
  });

  it('a random mutation is either valid or rejected with a path and a reason, never an exception', () => {
    const mutation = validTopology.chain((doc) => {
      const all = paths(doc as Json);
      return fc.record({
        doc: fc.constant(doc as Json),
        path: fc.constantFrom(...all),
        op: fc.integer({ min: 0, max: 2 }),
        value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
      });
    });
    fc.assert(fc.property(mutation, ({ doc, path, op, value }) => {
      const mutated = mutate(doc, path, op, value);
      const result = parseTopology(mutated);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(e.path.length).toBeGreaterThan(0);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }
      // The text form takes the same road.
      const fromText = parseTopology(JSON.stringify(mutated));
      expect(fromText.ok).toBe(result.ok);
    }), { numRuns: 500 });
  });
});
