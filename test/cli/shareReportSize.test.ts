// `analyze --format markdown|html` of designs too large for a page: the picture is left out
// with a sentence saying why and how to get a diagram, and the lists of SPOFs, their clients
// and the findings keep their first rows and count the rest.
import { describe, expect, it } from 'vitest';
import { shareReport } from '../../src/cli/shareReport';
import { MAX_PICTURE_BOXES, MAX_PICTURE_LINKS } from '../../src/report/pictureBounds';
import { analyze } from '../../src/engine';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';

function parsed(doc: Omit<TopologyInput, 'format' | 'version'>): Topology {
  const r = parseTopology({ format: 'spof-topology', version: 2, ...doc });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

/** `clients` clients over a chain of `n` services: every service is a SPOF cutting off every client. */
function chain(n: number, clients: number): Topology {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  const users = Array.from({ length: clients }, (_, i) => `u${i}`);
  return parsed({
    name: 'A chain',
    components: [...users.map((id) => ({ id, kind: 'client' as const })), ...ids.map((id) => ({ id, kind: 'service' as const }))],
    links: [...users.map((from) => ({ from, to: ids[0] })), ...ids.slice(1).map((to, i) => ({ from: ids[i], to }))],
  });
}

const report = (format: 'markdown' | 'html', t: Topology) => shareReport(format, t, analyze(t), { withPlan: false, file: 'big.spof.json' });

describe('the report of a design too large to draw', () => {
  it(`past ${MAX_PICTURE_BOXES} boxes: no picture, no Mermaid, one sentence saying why and how to get a diagram`, async () => {
    const t = chain(MAX_PICTURE_BOXES, 1);
    const md = await report('markdown', t);
    expect(md).toContain('## The design\n\nNot drawn here: 1,001 components and failure domains joined by 1,000 links are more than a picture anyone could read');
    expect(md).toContain('write it as a diagram with `spof mermaid big.spof.json`.');
    expect(md).not.toContain('data:image/svg+xml');
    expect(md).not.toContain('```mermaid');
    const html = await report('html', t);
    expect(html).toContain('Not drawn here: 1,001 components');
    expect(html).not.toContain('<svg');
  });

  it(`past ${MAX_PICTURE_LINKS} links among few boxes: not drawn either`, async () => {
    const n = 80;
    const ids = Array.from({ length: n }, (_, i) => `a${i}`);
    const links = ids.flatMap((from, i) => ids.filter((_, j) => j !== i).map((to) => ({ from, to, optional: true })));
    const t = parsed({ name: 'A mesh', components: [{ id: 'u', kind: 'client' }, ...ids.map((id) => ({ id, kind: 'app' as const }))], links: [{ from: 'u', to: 'a0' }, ...links] });
    expect(t.links.length).toBeGreaterThan(MAX_PICTURE_LINKS);
    expect(await report('html', t)).not.toContain('<svg');
  });

  it('a design within the limits is still drawn, and a Markdown report past Mermaid\'s 500 edges keeps the drawing without the diagram', async () => {
    const small = chain(5, 1);
    const md = await report('markdown', small);
    expect(md).toContain('data:image/svg+xml');
    expect(md).toContain('```mermaid');
    expect(md).not.toContain('Not drawn here');
    const longer = await report('markdown', chain(600, 1));
    expect(longer).toContain('data:image/svg+xml');
    expect(longer).not.toContain('```mermaid');
  });

  it('the SPOFs keep their first 50 rows, each naming 30 clients, and the findings their first 50', async () => {
    const md = await report('markdown', chain(60, 40));
    const spofs = md.slice(md.indexOf('## Single points of failure (60)'), md.indexOf('## Findings'));
    expect(spofs.match(/^- `c\d+` \(component\): fails /gm)).toHaveLength(50);
    expect(spofs).toContain('- `c0` (component): fails `u0`, `u1`');
    expect(spofs).toContain('`u29` and 10 more');
    expect(spofs).not.toContain('`u30`');
    expect(spofs).toContain('- ... and 10 more (`spof analyze --json` lists them all)');
    const findings = md.slice(md.indexOf('## Findings'));
    expect(findings.match(/^- \*\*High\*\* /gm)).toHaveLength(50);
    expect(findings).toMatch(/^- \.\.\. and \d+ more \(`spof analyze --json` lists them all\)$/m);
  });
});
