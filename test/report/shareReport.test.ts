// The report to share: `analyze --format markdown|html`. Markdown for a wiki (snapshots), HTML
// as one self-contained page with no script; any label shows literally in both.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { plan } from '../../src/engine/insight';
import { toMermaid } from '../../src/io';
import { analyseDesign } from '../../src/report/analysisJson';
import { mdCode, mdText } from '../../src/report/markdown';
import { shareReportHtml, shareReportMarkdown } from '../../src/report/shareReport';
import { hostile } from '../io/fixtures';
import { EXAMPLE, example } from './designs';

const DATA_URI = /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/;

/** The drawn picture of a Markdown report, decoded. */
function pictureOf(md: string): string {
  const m = DATA_URI.exec(md);
  expect(m, 'the report has a picture').not.toBeNull();
  return Buffer.from(m![1], 'base64').toString('utf8');
}

/** The report without the picture's bytes (they follow the drawing, tested on its own). */
const withoutPicture = (md: string) => md.replace(DATA_URI, 'data:image/svg+xml;base64,...');

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Runs the CLI with a plan (many analyses): seconds alone, over a minute at a load of 20.
describe('Markdown report', { timeout: 300_000 }, () => {
  it('analyze --format markdown: headline, picture, downtime, SPOFs, findings (snapshot)', async () => {
    const r = spof('analyze', EXAMPLE, '--format', 'markdown', '--no-plan');
    expect(r.code).toBe(0);
    // The picture is the drawn SVG (its own tests are in test/io/svg), the SPOFs marked on it.
    const svg = pictureOf(r.stdout);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain('foreignObject');
    for (const label of ['Users', 'DNS', 'Primary DB', 'Standby DB']) expect(svg).toContain(`>${label}<`);
    expect(svg.match(/>SPOF</g)?.length).toBe(4);
    await expect(withoutPicture(r.stdout)).toMatchFileSnapshot('__snapshots__/report-three-tier.md');
  });

  it('beside the picture, the Mermaid flowchart with its SPOFs marked, fenced so nothing inside closes it', () => {
    const t = example();
    const md = shareReportMarkdown({ ...analyseDesign(t), mermaid: toMermaid(t, { spofIds: ['dns'] }) });
    expect(md).toContain('```mermaid\nflowchart TB\n');
    const both = shareReportMarkdown({ ...analyseDesign(t), svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', mermaid: toMermaid(t) });
    expect(both).toMatch(/!\[The design Three-tier web app, single points of failure marked\]\(data:image\/svg\+xml;base64,[^)]+\)\n\n<details><summary>The design as a Mermaid diagram \(GitHub draws this one\)<\/summary>\n\n```mermaid\n/);
    expect(md).toContain('  class dns spof');
    const fenced = shareReportMarkdown({ ...analyseDesign(t), mermaid: 'flowchart TB\n  %% ``` not the end\n  a --> b' });
    expect(fenced).toContain('````mermaid\n');
    expect(fenced).toContain('\n````\n');
  });

  // Three runs of the CLI and a plan: seconds alone, a minute on a machine loaded twenty-fold.
  it('with a target not met, the plan comes last, its moves in order with the availability after each', { timeout: 300_000 }, () => {
    const r = spof('analyze', EXAMPLE, '--format', 'markdown', '--slo', '99.99');
    expect(r.code).toBe(1);
    const p = plan(example(), { target: 0.9999 });
    const section = r.stdout.slice(r.stdout.indexOf('## Plan to reach 99.99%'));
    expect(section).toContain(`Today: 99.963%. ${p.message}`);
    p.steps.forEach((s, i) => expect(section).toContain(`${i + 1}. ${mdText(s.description)}: `));
    expect(spof('analyze', EXAMPLE, '--format', 'markdown', '--slo', '99.99', '--no-plan').stdout).not.toContain('## Plan');
    // Met targets need no plan.
    expect(spof('analyze', EXAMPLE, '--format', 'markdown').stdout).not.toContain('## Plan');
  });

  it('a move whose Monte Carlo figure is within the sampling interval says so, as the CLI does', () => {
    const input = analyseDesign(example());
    const step = (availability: number, withinInterval?: true) => ({ description: 'add an instance to "app"', availability, nines: -Math.log10(1 - availability), ...(withinInterval ? { withinInterval } : {}) });
    const md = shareReportMarkdown({ ...input, plan: { target: 0.9999, met: false, message: 'm', steps: [step(0.9991), step(0.9992, true)] } });
    expect(md).toContain('1. add an instance to "app": 99.910%\n');
    expect(md).toContain('2. add an instance to "app": 99.920% (within the sampling interval)\n');
  });

  it('a SPOF counts the others that stop serving as the CLI does: not itself, not the clients, all of a cut list', () => {
    const input = analyseDesign(example());
    const zone = input.analysis.spofs.find((s) => s.id === 'use1a')!;
    const md = shareReportMarkdown(input);
    expect(md).toContain('- `dns` DNS (component): fails `users`\n');
    expect(md).toContain('- `use1a` us-east-1a (domain): fails `users`; 5 others in it or needing it stop serving\n');
    // A long blast radius keeps its first ids only; the count is downCount's.
    const cut = { ...zone, down: zone.down.slice(0, 2), downCount: 1_001 };
    const long = shareReportMarkdown({ ...input, analysis: { ...input.analysis, spofs: [cut] } });
    expect(long).toContain('- `use1a` us-east-1a (domain): fails `users`; 1,000 others in it or needing it stop serving\n');
  });

  it('hostile labels are text: no HTML, no mention, no table break (snapshot)', async () => {
    const t = hostile();
    const md = shareReportMarkdown(analyseDesign(t));
    expect(md).not.toMatch(/<(script|img)/i);
    expect(md).toContain(`- ${mdCode('a b')} line one line two three (component)`);
    expect(md).not.toMatch(/(^|[^&#\\])@|(^|[^&\\])#\d/m);
    // Every row of a table keeps its header's column count: no label ends a cell early.
    const tables = md.split(/\n(?!\|)/).map((chunk) => chunk.split('\n').filter((l) => l.startsWith('|'))).filter((rows) => rows.length > 0);
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const rows of tables) {
      const cells = rows.map((l) => l.match(/(?<!\\)\|/g)!.length);
      expect(new Set(cells).size, rows.join('\n')).toBe(1);
    }
    await expect(withoutPicture(md)).toMatchFileSnapshot('__snapshots__/report-hostile.md');
  });
});

describe('Markdown escaping', () => {
  it('metacharacters, mentions and issue links are literal', () => {
    expect(mdText('a*b*_c_ `d` [e](f) <g> @ops #12 | ~x~ $y$ \\')).toBe('a\\*b\\*\\_c\\_ \\`d\\` \\[e\\](f) &lt;g&gt; &#64;ops &#35;12 \\| \\~x\\~ \\$y\\$ \\\\');
    expect(mdText('line\nbreak\u001b[2J')).toBe('line break \\[2J');
  });

  it('code spans hold any backticks and pipes', () => {
    expect(mdCode('a')).toBe('`a`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`a')).toBe('`` `a ``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
  });
});

describe('HTML report', () => {
  it('is one page with no script and nothing to fetch, the drawn picture inline', () => {
    const r = spof('analyze', EXAMPLE, '--format', 'html', '--no-plan');
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toMatch(/<figure role="img" aria-label="The design Three-tier web app, single points of failure marked"><svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(html).not.toContain('<?xml');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|\bon[a-z]+=|javascript:/i);
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:|\/\/)/i);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none';`);
    expect(html).toContain('<h1>Three-tier web app</h1>');
    expect(html).toContain('<td><strong>System</strong></td><td class="num">99.963%</td>');
    // What stops serving counts neither the failed element nor the clients (as the CLI and the app count).
    expect(html).toContain('<li><code>dns</code> DNS (component): fails <code>users</code></li>');
    expect(html).toContain('<li><code>use1a</code> us-east-1a (domain): fails <code>users</code>; 5 others in it or needing it stop serving</li>');
  });

  it('a hostile design: every label escaped, the page still without script', () => {
    const t = hostile();
    const html = shareReportHtml(analyseDesign(t));
    expect(html).not.toMatch(/<script|<img|<[^>]*\son[a-z]+=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>Hostile &quot;names&quot; &lt;script&gt;alert(1)&lt;/script&gt;: availability report</title>');
  });

  it('carries the drawn picture inline when given one', () => {
    const t = example();
    const html = shareReportHtml({ ...analyseDesign(t), svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>' });
    expect(html).toContain('<figure role="img" aria-label="The design Three-tier web app, single points of failure marked"><svg');
  });

  it('outages and cost appear in the headline when the analysis has them', () => {
    const a = analyseDesign(example());
    const withMore = { ...a, analysis: { ...a.analysis, outages: { system: { failuresPerYear: 3.1, meanDownHours: 1.4, meanUpHours: 2820 }, clients: [] }, cost: { currency: 'EUR', perMonth: 4200, downtimePerYear: 13000 } } };
    const md = shareReportMarkdown(withMore);
    expect(md).toContain('| Outages a year | 3\\.1, 1 h 24 min each on average |'.replace('\\.', '.'));
    expect(md).toContain('| Cost | €4,200 a month; expected downtime cost €13,000 a year |');
    expect(analyze(example()).spofs.length).toBeGreaterThan(0);
  });
});
