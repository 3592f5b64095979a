// The drawn SVG export: shapes and text from the document, valid XML for any label.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawTopologySvg } from '../../../src/io/svg';
import { absoluteStart } from '../../../src/io/svg/icons';
import { linkKey, parseTopology, type Topology } from '../../../src/model';
import { linkCaption } from '../../../src/model/linkCaption';
import { printable } from '../../../src/model/textMetrics';
import { TEMPLATES } from '../../../src/templates';
import { all, drawnElement, parseSvg, shownText, type XmlNode } from './parseSvg';

function design(labels: { app?: string; zone?: string; name?: string } = {}): Topology {
  const parsed = parseTopology({
    format: 'spof-topology', version: 2, name: labels.name ?? 'Small',
    domains: [{ id: 'z', kind: 'zone', label: labels.zone ?? 'Zone A' }],
    components: [
      { id: 'users', kind: 'client', label: 'Users' },
      { id: 'lb', kind: 'loadbalancer', label: 'LB' },
      { id: 'app', kind: 'app', label: labels.app ?? 'App', replicas: 3, domain: 'z' },
      { id: 'db', kind: 'database', label: 'DB', domain: 'z' },
      { id: 'db2', kind: 'database', label: 'DB standby', role: 'standby', standby: 'hot', domain: 'z' },
    ],
    links: [
      { from: 'users', to: 'lb' }, { from: 'lb', to: 'app' }, { from: 'app', to: 'db' }, { from: 'app', to: 'db2' },
      { from: 'db', to: 'db2', type: 'replication', mode: 'async', lagSeconds: 2 },
    ],
    view: {
      positions: { users: { x: 0, y: 0 }, lb: { x: 0, y: 120 }, z: { x: -40, y: 240 }, app: { x: 32, y: 48 }, db: { x: 32, y: 176 }, db2: { x: 256, y: 176 } },
      sizes: { z: { width: 520, height: 300 } },
    },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.topology;
}

describe('drawTopologySvg', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.topology] as const))('%s: shapes and text only, every element drawn, 3-50 KB', (_, doc) => {
    const { svg, width, height } = drawTopologySvg(doc);
    expect(svg).not.toMatch(/foreignObject/i);
    expect(svg.length).toBeGreaterThan(3_000);
    expect(svg.length).toBeLessThan(50_000);
    const root = parseSvg(svg);
    expect(root.name).toBe('svg');
    expect(Number(root.attributes.width)).toBe(width);
    expect(Number(root.attributes.height)).toBe(height);
    // Nothing but shapes, text and grouping.
    const names = new Set(all(root).map((n) => n.name));
    for (const name of names) expect(['svg', 'title', 'desc', 'g', 'rect', 'path', 'text', 'tspan']).toContain(name);
    for (const c of doc.components) {
      const g = drawnElement(root, c.id)!;
      expect(g, c.id).toBeDefined();
      // The full label is the tooltip; the card shows it, cut with an ellipsis only where it is too long.
      expect(all(g, 'title')[0].text).toContain(c.label ?? c.id);
      const shown = shownText(g).replace(/…/g, '');
      expect((c.label ?? c.id).replace(/\s+/g, ' ').startsWith(shown.split(' ').slice(0, 1)[0])).toBe(true);
    }
    for (const d of doc.domains) expect(drawnElement(root, d.id), d.id).toBeDefined();
    for (const l of doc.links) {
      const g = drawnElement(root, linkKey(l))!;
      expect(g, linkKey(l)).toBeDefined();
      // A dependency ends in an arrow head; a replication link has none.
      expect(all(g, 'path')).toHaveLength(l.type === 'replication' ? 1 : 2);
    }
  });

  it('draws the page around every node, badges included', () => {
    const doc = design();
    const root = parseSvg(drawTopologySvg(doc).svg);
    const [x, y, w, h] = root.attributes.viewBox.split(' ').map(Number);
    // The zone reaches from -40 to 480 across and from 240 to 540 down; the margin is 24 beyond the overhang.
    expect(x).toBeLessThanOrEqual(-40 - 24);
    expect(x + w).toBeGreaterThanOrEqual(480 + 24);
    expect(y).toBeLessThanOrEqual(0 - 24);
    expect(y + h).toBeGreaterThanOrEqual(540 + 24);
  });

  it('marks SPOFs given as the report names them: a component, an instance, a failover event, a link', () => {
    const doc = design();
    const marks = { spof: ['lb', 'app#2', 'failover:db2', 'users->lb'], failed: ['z'] };
    const root = parseSvg(drawTopologySvg(doc, { marks }).svg);
    for (const id of ['lb', 'app', 'db2']) {
      const g = drawnElement(root, id)!;
      expect(shownText(g), id).toContain('SPOF');
      expect(all(g, 'rect').some((r) => r.attributes.stroke === '#dc2626'), id).toBe(true);
    }
    expect(shownText(drawnElement(root, 'db')!)).not.toContain('SPOF');
    expect(all(drawnElement(root, 'users->lb')!, 'path')[0].attributes.stroke).toBe('#dc2626');
    expect(shownText(drawnElement(root, 'z')!)).toContain('failed');
    // One failed instance of a pool is not the whole pool failed.
    const oneInstance = parseSvg(drawTopologySvg(doc, { marks: { failed: ['app#2'] } }).svg);
    expect(shownText(drawnElement(oneInstance, 'app')!)).not.toContain('failed');
    // Without marks, nothing says SPOF.
    expect(all(parseSvg(drawTopologySvg(doc).svg), 'text').map((t) => t.text).join(' ')).not.toContain('SPOF');
  });

  it('shows the badges and captions the canvas shows', () => {
    const root = parseSvg(drawTopologySvg(design()).svg);
    expect(shownText(drawnElement(root, 'app')!)).toContain('×3');
    expect(shownText(drawnElement(root, 'db2')!)).toContain('hot standby');
    expect(all(root, 'text').map((t) => t.text)).toContain('async · 2 s lag');
  });

  it('keeps a narrow container\'s whole label beside its SPOF mark, the kind word giving way, as the canvas does', () => {
    const doc = design({ zone: 'db-node' });
    const narrow = { ...doc, view: { ...doc.view, sizes: { z: { width: 210, height: 300 } } } };
    const shown = shownText(drawnElement(parseSvg(drawTopologySvg(narrow, { marks: { spof: ['z'] } }).svg), 'z')!);
    expect(shown).toContain('db-node');
    expect(shown).toContain('SPOF');
    expect(shown).not.toContain('ZONE');
    expect(shown).not.toContain('…');
  });

  it('puts a container\'s SPOF mark at the right end of its title bar, after the availability, as the canvas does', () => {
    for (const marks of [{ spof: ['z'] }, { failed: ['z'] }]) {
      const g = drawnElement(parseSvg(drawTopologySvg(design(), { marks }).svg), 'z')!;
      const box = all(g, 'rect').find((r) => r.attributes.rx === '12')!;
      const right = Number(box.attributes.x) + Number(box.attributes.width);
      const pill = all(g, 'rect').find((r) => r.attributes.rx === '8')!;
      expect(Number(pill.attributes.x) + Number(pill.attributes.width)).toBeCloseTo(right - 10, 0);
      // The availability ends before the mark; the label starts at the left.
      const figure = all(g, 'text').find((t) => t.attributes['text-anchor'] === 'end')!;
      expect(figure.text).toMatch(/%$/);
      expect(Number(figure.attributes.x)).toBeLessThanOrEqual(Number(pill.attributes.x));
      const label = all(g, 'text').find((t) => t.text.startsWith('Zone A'))!;
      expect(Number(label.attributes.x)).toBeLessThan(Number(pill.attributes.x) - 100);
    }
  });

  it('shows a warm standby\'s badge whole', () => {
    const doc = design();
    const warm = { ...doc, components: doc.components.map((c) => (c.id === 'db2' ? { ...c, standby: 'warm' as const } : c)) };
    expect(shownText(drawnElement(parseSvg(drawTopologySvg(warm).svg), 'db2')!)).toContain('warm standby');
  });

  it('draws every pill\'s text at 4.5:1 or more against the pill (WCAG AA): SPOF, pair and failed marks, badges, captions', () => {
    const doc = design();
    const checked: string[] = [];
    for (const marks of [{ spof: ['lb'], pair: ['db', 'db2'] }, { failed: ['app'] }]) {
      const root = parseSvg(drawTopologySvg(doc, { marks }).svg);
      for (const g of all(root, 'g')) {
        g.children.forEach((node, i) => {
          const behind = g.children[i - 1];
          if (node.name !== 'text' || behind?.name !== 'rect' || !behind.attributes.fill?.startsWith('#')) return;
          checked.push(node.text);
          expect(contrast(node.attributes.fill, behind.attributes.fill), `"${node.text}": ${node.attributes.fill} on ${behind.attributes.fill}`).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['SPOF', 'pair', 'failed', '×3', 'hot standby', 'async · 2 s lag']));
  });

  it.each(TEMPLATES.map((t) => [t.id, t.topology] as const))('%s: no link caption covers a card or badge (but its own ends\' cards where they stand closer than it is wide), nor another caption', (_, doc) => {
    const root = parseSvg(drawTopologySvg(doc).svg);
    const box = (r: XmlNode) => ({ x: Number(r.attributes.x), y: Number(r.attributes.y), width: Number(r.attributes.width), height: Number(r.attributes.height) });
    const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const captions = all(root, 'g').filter((g) => g.attributes['data-caption-of'] !== undefined);
    const boxes = captions.map((g) => box(all(g, 'rect')[0]));
    expect(captions.length).toBe(doc.links.filter((l) => linkCaption(l)).length);
    captions.forEach((g, i) => {
      const link = doc.links.find((l) => linkKey(l) === g.attributes['data-caption-of'])!;
      for (const c of doc.components.filter((c) => c.id !== link.from && c.id !== link.to)) {
        expect(all(drawnElement(root, c.id)!, 'rect').map(box).filter((r) => overlap(boxes[i], r)), `${linkKey(link)}'s caption on ${c.id}`).toEqual([]);
      }
      expect(boxes.filter((o, j) => j !== i && overlap(boxes[i], o)), `${linkKey(link)}'s caption on another`).toEqual([]);
    });
  });

  it('gives well-formed XML for any label, control characters and markup included', () => {
    fc.assert(fc.property(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      (label, zone) => {
        const { svg } = drawTopologySvg(design({ app: label, zone, name: label }));
        const root = parseSvg(svg);
        const g = drawnElement(root, 'app')!;
        expect(all(g, 'title')[0].text).toBe(`${printable(label)} (App server)`);
      },
    ), { numRuns: 200 });
  });

  it('keeps hostile text as text: markup in a label is never markup in the file', () => {
    const label = '<script>alert(1)</script> & "quotes" \u0000\u0007\u001b]0;x\u0007';
    const { svg } = drawTopologySvg(design({ app: label, name: label }));
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(all(parseSvg(svg), 'title')[0].text).toBe(printable(label));
  });

  it('writes invisible format characters by number, as the Mermaid exports do: drawn the same, none hidden in the file', () => {
    const label = 'Us\u202eers\u200b\u2066x';
    const { svg } = drawTopologySvg(design({ app: label, name: label }));
    // Before: the right-to-left override stood in the file as it is, reordering what its reader saw.
    expect(svg).not.toMatch(/[\u200b\u202e\u2066]/);
    expect(svg).toContain('Us&#8238;ers&#8203;&#8294;x');
    expect(all(parseSvg(svg), 'title')[0].text).toBe(label);
  });

  it('turns a relative first moveto into an absolute one, keeping the pairs after it relative', () => {
    expect(absoluteStart('m15 9 6-6')).toBe('M15 9l6-6');
    expect(absoluteStart('m7 16.5-4.74-2.85')).toBe('M7 16.5l-4.74-2.85');
    expect(absoluteStart('m12 8 4.74-2.85')).toBe('M12 8l4.74-2.85');
    expect(absoluteStart('m2 2h4')).toBe('M2 2h4');
    expect(absoluteStart('M1 2L3 4')).toBe('M1 2L3 4');
  });

  it('draws an empty design as an empty page', () => {
    const empty = parseTopology({ format: 'spof-topology', version: 2, name: 'Empty', components: [] });
    if (!empty.ok) throw new Error('invalid');
    const root = parseSvg(drawTopologySvg(empty.topology).svg);
    expect(all(root, 'g').filter((g) => g.attributes['data-id'])).toHaveLength(0);
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
