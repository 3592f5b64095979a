// @vitest-environment happy-dom
// Every export must parse with mermaid's own parser and draw exactly the design: one vertex
// per component, one subgraph per domain, one edge per link, labels shown literally.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentText, decodeMermaidText, domainTitle, linkText, mermaidIdOf, parseFlowchart, toMermaid, type Flowchart } from '../../src/io';
import type { Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { example, hostile, topology } from './fixtures';

async function parsed(text: string): Promise<Flowchart> {
  const r = await parseFlowchart(text);
  if (!r.ok) throw new Error(`${JSON.stringify(r.errors)}\n${text}`);
  return r.flowchart;
}

/** Mermaid makes a vertex for `style <subgraph>`: those are not nodes. */
function nodes(chart: Flowchart) {
  const sg = new Set(chart.subgraphs.map((s) => s.id));
  return chart.vertices.filter((v) => !sg.has(v.id));
}

async function expectDrawsExactly(t: Topology, spofIds: string[] = []) {
  const chart = await parsed(toMermaid(t, { spofIds }));
  const vertices = nodes(chart);
  expect(vertices.map((v) => v.id).sort()).toEqual(t.components.map((c) => mermaidIdOf(c.id)).sort());
  expect(chart.subgraphs.map((s) => s.id).sort()).toEqual(t.domains.map((d) => mermaidIdOf(d.id)).sort());
  expect(chart.edges.map((e) => `${e.start}>${e.end}`)).toEqual(t.links.map((l) => `${mermaidIdOf(l.from)}>${mermaidIdOf(l.to)}`));
  for (const c of t.components) {
    expect(decodeMermaidText(vertices.find((v) => v.id === mermaidIdOf(c.id))!.text)).toBe(componentText(c));
  }
  for (const d of t.domains) {
    expect(decodeMermaidText(chart.subgraphs.find((s) => s.id === mermaidIdOf(d.id))!.title)).toBe(domainTitle(d));
  }
  t.links.forEach((l, i) => expect(decodeMermaidText(chart.edges[i].text)).toBe(linkText(l)));
  return chart;
}

describe('toMermaid', () => {
  it('draws the example: shapes by kind, nested subgraphs, dotted optional and replication links', async () => {
    const t = example();
    const text = toMermaid(t);
    expect(text.startsWith('flowchart TB\n')).toBe(true);
    expect(text).toContain('users(["Users<br>client"])');
    expect(text).toContain('dns{{"DNS<br>dns"}}');
    expect(text).toContain('db[("Primary DB<br>database")]');
    expect(text).toContain('app -.->|"optional"| reco');
    expect(text).toContain('db -.->|"async replication"| db2');
    expect(text).toContain('app["App<br>app ×3 #40;2 needed#41;"]');
    const chart = await expectDrawsExactly(t);
    expect(chart.vertices.find((v) => v.id === 'db')!.shape).toBe('cylinder');
    expect(chart.vertices.find((v) => v.id === 'users')!.shape).toBe('stadium');
    expect(chart.vertices.find((v) => v.id === 'dns')!.shape).toBe('hexagon');
    expect(chart.edges.find((e) => e.end === 'reco')!.stroke).toBe('dotted');
    expect(chart.edges.find((e) => e.start === 'users')!.stroke).toBe('normal');
    // use1a sits in use1, which sits in aws; app spans two zones, so it is drawn in their region.
    expect(chart.subgraphs.find((s) => s.id === 'use1')!.nodes.sort()).toEqual(['app', 'use1a', 'use1b']);
    expect(chart.subgraphs.find((s) => s.id === 'aws')!.nodes).toEqual(['use1']);
  });

  it('honours the direction option, then the design view, then TB', () => {
    const t = example();
    expect(toMermaid(t, { direction: 'LR' }).split('\n')[0]).toBe('flowchart LR');
    expect(toMermaid({ ...t, view: { direction: 'LR' } }).split('\n')[0]).toBe('flowchart LR');
    expect(toMermaid({ ...t, view: { direction: 'LR' } }, { direction: 'TB' }).split('\n')[0]).toBe('flowchart TB');
  });

  it('marks SPOFs: a class for nodes (also for an instance id), a style line for domains, linkStyle for links', async () => {
    const t = example();
    const text = toMermaid(t, { spofIds: ['dns', 'app#2', 'use1a', 'repl', 'failover:db2'] });
    expect(text).toMatch(/^ {2}classDef spof /m);
    expect(text).toContain('  class dns,app spof');
    expect(text).toMatch(/^ {2}style use1a fill:/m);
    expect(text).toContain(`  linkStyle ${t.links.findIndex((l) => l.id === 'repl')} stroke:`);
    const chart = await expectDrawsExactly(t, ['dns', 'app#2', 'use1a', 'repl']);
    expect(chart.vertices.find((v) => v.id === 'dns')!.classes).toContain('spof');
    expect(chart.vertices.find((v) => v.id === 'lb1')!.classes).not.toContain('spof');
    expect(toMermaid(t)).not.toContain('classDef');
  });

  it('draws a hostile design exactly: keyword ids, punctuation, markup, entities, newlines, emoji', async () => {
    const t = hostile();
    const text = toMermaid(t, { spofIds: t.components.map((c) => c.id).concat(t.domains.map((d) => d.id)) });
    // Nothing in the drawing is raw markup or a directive; the comments escape '%'.
    const drawing = text.split('\n').filter((l) => !l.trimStart().startsWith('%%'));
    expect(drawing.join('\n').replace(/<span><\/span>/g, '')).not.toMatch(/<(?!br>)|%|\$/);
    expect(text.split('\n').filter((l) => l.includes('%%{'))).toEqual([]);
    await expectDrawsExactly(t, t.components.map((c) => c.id));
  });

  it('draws every template exactly', async () => {
    expect(TEMPLATES.length).toBeGreaterThan(0);
    for (const tpl of TEMPLATES) await expectDrawsExactly(tpl.topology);
  });

  it('draws random labels literally (property)', async () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab "\'#;|[]{}()<>&%$`\\:/\n\r\t-=.*_~^@!?'.split(''), '\u00A0', 'é', '🚀', '中', '\u200b', '\u2028', 'ﬂ', '°', '¶', 'ß', '\u0000'), maxLength: 30 });
    const any = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    await fc.assert(
      fc.asyncProperty(fc.array(any, { minLength: 3, maxLength: 3 }), async ([a, b, c]) => {
        const t = topology({
          format: 'spof-topology', version: 2, name: a,
          domains: [{ id: 'z', kind: 'zone', label: c }],
          components: [{ id: 'u', kind: 'client', label: a }, { id: 's', kind: 'service', label: b, domain: 'z' }],
          links: [{ from: 'u', to: 's', label: c }],
        });
        await expectDrawsExactly(t);
      }),
      { numRuns: 60 },
    );
  });

  it('makes any id a safe, reversible Mermaid id (property)', async () => {
    const part = fc.constantFrom('end', 'End', 'graph', 'style', 'class', 'click', 'subgraph', 'o', 'x', 'e', 'a', '1', '-', '_', '.', ' ', ':', '#', '"', 'é', '🚀', 'default', 'direction', 'TB', 'call', 'href', 'v', 'accTitle', 'e_', '__');
    const id = fc.array(part, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { minLength: 3, maxLength: 3 }), async ([a, b, c]) => {
        const t = topology({
          format: 'spof-topology', version: 2,
          domains: [{ id: c, kind: 'zone' }],
          components: [{ id: a, kind: 'client' }, { id: b, kind: 'app', domain: c }],
          links: [{ from: a, to: b }],
        });
        await expectDrawsExactly(t);
      }),
      { numRuns: 60 },
    );
  });
});
