// @vitest-environment happy-dom
// Opening a Mermaid diagram parses it in the analysis worker (src/worker/mermaidRead.ts), where
// DOMPurify has no DOM: the texts it cannot pass untouched are sanitized by the page's
// (src/commands/purifyOnPage.ts) and the diagram is read again. The design, its notes and its
// warnings must be the page's own import exactly. Here the page's reading comes first, with
// DOMPurify working; then the default instance is made the worker's stand-in.
import DOMPurify from 'dompurify';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { purifyOnPage } from '../../src/commands/purifyOnPage';
import { readMermaidOffThread } from '../../src/commands/readOffThread';
import { toMermaid } from '../../src/io';
import { toMermaidArchitecture } from '../../src/io/mermaidArchitecture';
import { AnalysisClient } from '../../src/worker/analysisClient';
import { readMermaid, type MermaidRead, type MermaidReadRequest } from '../../src/worker/mermaidRead';
import { purifyLater, sanitizeKey } from '../../src/worker/purifyLater';
import { hostile } from '../io/fixtures';
import { FakeWorker } from './fakeWorker';

/** Texts mermaid sanitizes that keep a `<` after the import made labels plain: a tooltip, the accessible title and description. */
const MARKUP = [
  'flowchart LR',
  '  u([Users]) --> a[API] --> db[(Postgres)]',
  '  click a "https://example.com" "<a href=\'https://x.example\' target=\'_blank\'>docs</a> <script>alert(1)</script><style>p{}</style>"',
  '  accTitle: <b>Orders</b> <img src=x onerror=alert(1)>',
  '  accDescr: two <i>tiers</i>',
].join('\n');

const diagrams: [string, string][] = [
  ...readdirSync('test/io/diagrams').filter((n) => n.endsWith('.mmd')).map((n): [string, string] => [n, readFileSync(`test/io/diagrams/${n}`, 'utf8')]),
  ['markup.mmd', MARKUP],
  ['hostile.mmd', toMermaid(hostile())],
  ['hostile-architecture.mmd', toMermaidArchitecture(hostile())],
  ['refused.mmd', 'flowchart TB\n  a --> b\n  c[(unclosed --> d\n'],
  ['sequence.mmd', 'sequenceDiagram\n  a->>b: hi\n'],
];

/** The page's own import, read before DOMPurify is made the worker's stand-in. */
const onPage = new Map<string, MermaidRead>();
/** DOMPurify on the page as mermaid left it (its hooks added). */
let pageSanitize: (text: string, config?: object) => string;

beforeAll(async () => {
  for (const [name, text] of diagrams) onPage.set(name, await readMermaid({ text, fileName: name }));
  const purify = DOMPurify as unknown as { sanitize: typeof pageSanitize };
  pageSanitize = purify.sanitize.bind(purify);
  purifyLater();
}, 120_000);

const workers: FakeWorker[] = [];
afterEach(() => {
  for (const w of workers) w.terminate();
  workers.length = 0;
});

/** A client whose worker is the real mermaidRead behind a real structured clone; counts what it was asked. */
function client(asked: MermaidReadRequest[] = []): AnalysisClient {
  const api = { readMermaid: (r: MermaidReadRequest) => (asked.push(r), readMermaid(r)) };
  return new AnalysisClient(() => {
    const w = new FakeWorker(api);
    workers.push(w);
    return w as unknown as Worker;
  }, (w) => (w as unknown as FakeWorker).gone);
}

describe('reading Mermaid in the worker', () => {
  it.each(diagrams)('%s: the same design, notes and warnings as the page reading it', async (name, text) => {
    const read = await readMermaidOffThread(text, name, client());
    // (vitest's deep equality stumbles on prototype-free records: compared as JSON text.)
    expect(JSON.stringify(read)).toBe(JSON.stringify(onPage.get(name)));
  });

  it('asks the page to sanitize what has markup left, and reads the diagram again with its answers', async () => {
    const asked: MermaidReadRequest[] = [];
    const read = await readMermaidOffThread(MARKUP, 'markup.mmd', client(asked));
    expect(read?.ok).toBe(true);
    expect(asked).toHaveLength(2);
    const answers = new Map(asked[1].sanitized);
    const tooltip = "<a href='https://x.example' target='_blank'>docs</a> <script>alert(1)</script><style>p{}</style>";
    expect(answers.get(sanitizeKey(tooltip, undefined))).toBe(pageSanitize(tooltip));
    // Plain labels take DOMPurify's own shortcut in the worker: nothing asked for them.
    expect([...answers.keys()].some((k) => k.endsWith('\nPostgres'))).toBe(false);
    const plain: MermaidReadRequest[] = [];
    await readMermaidOffThread(diagrams[0][1], diagrams[0][0], client(plain));
    expect(plain).toHaveLength(1);
  });

  // (Under happy-dom DOMPurify drops every tag, so mermaid's hooks for a link's target are not seen
  // here: e2e/mermaidImport.spec.ts checks them in Chromium.)
  it('sanitizes as DOMPurify on the page, as mermaid left it, does', async () => {
    const texts = [
      '<a href="https://x.example" target="_blank">x</a>', '<a target="_self" href="javascript:alert(1)">y</a>',
      '<script>alert(1)</script>t', '<style>b{}</style>s', '<img src=x onerror=alert(1)>', 'a &amp; <b>b</b>\u00a0c', '<',
    ];
    for (const config of [undefined, { FORBID_TAGS: ['style'] }]) {
      const answers = new Map(await purifyOnPage(texts.map((text) => ({ key: sanitizeKey(text, config), text, ...(config ? { config } : {}) }))));
      for (const text of texts) expect(answers.get(sanitizeKey(text, config)), text).toBe(pageSanitize(text, config));
    }
  });

  it('a newer open supersedes a Mermaid read: the older gives nothing, the newer its design', async () => {
    const c = client();
    const older = readMermaidOffThread(MARKUP, 'older.mmd', c);
    const newer = readMermaidOffThread(diagrams[0][1], diagrams[0][0], c);
    expect(await older).toBeNull();
    expect(JSON.stringify(await newer)).toBe(JSON.stringify(onPage.get(diagrams[0][0])));
  });
});
