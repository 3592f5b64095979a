// Opening a file or a share link reads it in the analysis worker (src/worker/designRead.ts)
// and hands the checked design back through a structured clone (src/commands/readOffThread.ts).
// The result must be the main thread's parse exactly, user-keyed records prototype-free again,
// and every bad input an error value naming the path and the reason.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readDesignJsonOffThread, readDraftOffThread, readShareHashOffThread } from '../../src/commands/readOffThread';
import { encodeShareHash } from '../../src/io/shareLink';
import { parseTopology, serializeTopology, type Topology } from '../../src/model';
import { problemText } from '../../src/model/problemText';
import { ensurePositions } from '../../src/store/placement';
import { TEMPLATES } from '../../src/templates';
import { AnalysisClient } from '../../src/worker/analysisClient';
import { readDesignJson, readShareHash } from '../../src/worker/designRead';
import { FakeWorker } from './fakeWorker';

const fixtures: [string, string][] = [
  ['examples/three-tier.spof.json', readFileSync('examples/three-tier.spof.json', 'utf8')],
  ['examples/shop.spof.json', readFileSync('examples/shop.spof.json', 'utf8')],
  ...TEMPLATES.map((t): [string, string] => [`template ${t.id}`, serializeTopology(t.topology)]),
];

/** Names a person chooses that are special on a plain object. */
const HOSTILE_KEYS = `{
  "format": "spof-topology", "version": 1, "name": "keys",
  "components": [
    { "id": "users", "kind": "client" },
    { "id": "__proto__", "kind": "app", "requires": { "__proto__": { "min": 2 }, "constructor": { "min": 1 } } },
    { "id": "constructor", "kind": "app" }, { "id": "b", "kind": "app" }
  ],
  "links": [
    { "from": "users", "to": "__proto__", "group": "__proto__" }, { "from": "users", "to": "constructor", "group": "__proto__" },
    { "from": "users", "to": "b", "group": "__proto__" }
  ],
  "view": { "positions": { "__proto__": { "x": 1, "y": 2 }, "users": { "x": 3, "y": 4 } }, "sizes": {} }
}`;

const workers: FakeWorker[] = [];
afterEach(() => {
  for (const w of workers) w.terminate();
  workers.length = 0;
});

/** A client whose worker is the real designRead API behind a real structured clone. */
function client(api: object = { readDesignJson, readShareHash }): AnalysisClient {
  return new AnalysisClient(() => {
    const w = new FakeWorker(api);
    workers.push(w);
    return w as unknown as Worker;
  }, (w) => (w as unknown as FakeWorker).gone);
}

function mainThreadParse(text: string): Topology {
  const r = parseTopology(text);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.topology;
}

describe('reading a design in the worker', () => {
  it.each(fixtures)('%s: the same design and warnings as the main thread parse', async (_, text) => {
    const read = await readDesignJsonOffThread(text, client());
    if (!read?.ok) throw new Error(`expected a design, got ${JSON.stringify(read)}`);
    const parsed = parseTopology(text);
    if (!parsed.ok) throw new Error('fixture invalid');
    expect(read.topology).toStrictEqual(parsed.topology);
    expect(read.warnings).toEqual(parsed.warnings.map((p) => problemText(parsed.topology, p)));
  });

  it('gives back prototype-free records with "__proto__" and "constructor" as plain entries', async () => {
    const read = await readDesignJsonOffThread(HOSTILE_KEYS, client());
    if (!read?.ok) throw new Error(`expected a design, got ${JSON.stringify(read)}`);
    const { positions, sizes } = read.topology.view!;
    const requires = read.topology.components[1].requires!;
    for (const record of [positions!, sizes!, requires]) expect(Object.getPrototypeOf(record)).toBeNull();
    expect(Object.keys(requires)).toEqual(['__proto__', 'constructor']);
    expect(requires['__proto__']).toEqual({ min: 2 });
    expect(Object.hasOwn(positions!, '__proto__')).toBe(true);
    expect(positions!['__proto__']).toEqual({ x: 1, y: 2 });
    // No inherited names: a component called "constructor" has no position until placed.
    expect(Object.hasOwn(positions!, 'constructor')).toBe(false);
    // (vitest's deep equality stumbles on an own "__proto__" key: compared as JSON text.)
    expect(JSON.stringify(read.topology)).toBe(JSON.stringify(mainThreadParse(HOSTILE_KEYS)));
  });

  it('places a design without positions as the page would, and leaves the document itself unplaced', async () => {
    const unplaced = JSON.parse(fixtures[0][1]);
    delete unplaced.view;
    const text = JSON.stringify(unplaced);
    const read = await readDesignJsonOffThread(text, client());
    if (!read?.ok || !read.placed) throw new Error(`expected a placed design, got ${JSON.stringify(read)}`);
    expect(read.topology.view?.positions).toBeUndefined();
    expect(Object.getPrototypeOf(read.placed.view!.positions)).toBeNull();
    expect(read.placed).toStrictEqual(ensurePositions(mainThreadParse(text)));
    const placedAlready = await readDesignJsonOffThread(serializeTopology(TEMPLATES[0].topology), client());
    expect(placedAlready?.ok && placedAlready.placed).toBe(undefined);
  });

  it('returns errors as values, each naming its element and path', async () => {
    const bad = JSON.parse(fixtures[0][1]);
    bad.components[2].availability = 7;
    const read = await readDesignJsonOffThread(JSON.stringify(bad), client());
    expect(read?.ok).toBe(false);
    if (read?.ok === false) expect(read.errors[0]).toMatch(/components\[2\]\.availability: .*got 7/);
    for (const text of ['', '{', 'null', '[1,2]', '{"format":"spof-topology","version":99}', `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      const r = await readDesignJsonOffThread(text, client());
      expect(r?.ok, text.slice(0, 40)).toBe(false);
      if (r?.ok === false) expect(r.errors.length).toBeGreaterThan(0);
    }
  });

  it('reads a share link as the main thread does; a damaged one is an error at the path "link"', async () => {
    const t = TEMPLATES[TEMPLATES.length - 1].topology;
    const hash = encodeShareHash(t);
    const read = await readShareHashOffThread(hash, client());
    if (!read?.ok) throw new Error(`expected a design, got ${JSON.stringify(read)}`);
    expect(read.topology).toStrictEqual(mainThreadParse(JSON.stringify(t)));
    const damaged = await readShareHashOffThread(`${hash.slice(0, -12)}!!`, client());
    expect(damaged?.ok).toBe(false);
    if (damaged?.ok === false) expect(damaged.errors[0]).toMatchObject({ path: 'link', code: 'bad-encoding' });
  });

  it('a worker that dies while reading gives an error, not a silent page', async () => {
    const dying = client({
      readDesignJson: () => {
        queueMicrotask(() => workers[workers.length - 1].crash());
        return new Promise(() => {});
      },
    });
    const read = await readDesignJsonOffThread(fixtures[0][1], dying);
    expect(read).toEqual({ ok: false, errors: [expect.stringMatching(/could not be read \(worker crashed\)/)] });
  });

  it('reads the autosaved draft as the page did (parsed and placed), and says null when the worker died so the page reads it', async () => {
    const unplaced = JSON.parse(fixtures[0][1]);
    delete unplaced.view;
    const text = JSON.stringify(unplaced);
    const read = await readDraftOffThread(text, client());
    if (!read?.ok) throw new Error(`expected a design, got ${JSON.stringify(read)}`);
    expect(read.topology).toStrictEqual(ensurePositions(mainThreadParse(text)));
    const keys = await readDraftOffThread(HOSTILE_KEYS, client());
    expect(keys?.ok && Object.getPrototypeOf(keys.topology.view!.positions)).toBeNull();
    const bad = await readDraftOffThread('{"format":"spof-topology","version":1,"components":[{"id":"a","kind":"web","availability":1.5}]}', client());
    expect(bad).toEqual({ ok: false, errors: [expect.stringContaining('components[0].availability')] });
    const dying = client({
      readDesignJson: () => {
        queueMicrotask(() => workers[workers.length - 1].crash());
        return new Promise(() => {});
      },
    });
    expect(await readDraftOffThread(text, dying)).toBeNull();
  });

  it('without a worker (Node) reads on this thread, with the same result', async () => {
    const read = await readDesignJsonOffThread(HOSTILE_KEYS, null);
    if (!read?.ok) throw new Error('expected a design');
    expect(Object.getPrototypeOf(read.topology.view!.positions)).toBeNull();
    expect(JSON.stringify(read)).toBe(JSON.stringify(readDesignJson(HOSTILE_KEYS)));
  });
});
