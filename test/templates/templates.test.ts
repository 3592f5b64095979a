import { describe, expect, it } from 'vitest';
import { parseTopology, formatProblem } from '../../src/model';
import { absoluteRect, containerOf } from '../../src/store/geometry';
import { TEMPLATES } from '../../src/templates';

describe('templates', () => {
  it('has the seven stages and the reference designs, with unique ids', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['stage1', 'stage2', 'stage3', 'stage4', 'stage5', 'stage6', 'stage7', 'multi-region', 'transactional', 'active-passive', 'active-active']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s parses with no errors and no warnings', (_id, t) => {
    const result = parseTopology(JSON.parse(JSON.stringify(t.topology)));
    if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
    expect(result.warnings.map(formatProblem)).toEqual([]);
    expect(result.topology).toEqual(t.topology);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s places every node inside its container', (_id, t) => {
    const doc = t.topology;
    const ids = [...doc.components.map((c) => c.id), ...doc.domains.map((d) => d.id)];
    for (const id of ids) {
      expect(doc.view?.positions?.[id], `position of ${id}`).toBeDefined();
      const parent = containerOf(doc, id);
      if (!parent) continue;
      const r = absoluteRect(doc, id);
      const p = absoluteRect(doc, parent);
      expect(r.x >= p.x && r.y >= p.y && r.x + r.width <= p.x + p.width && r.y + r.height <= p.y + p.height, `${id} inside ${parent}`).toBe(true);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: sibling containers do not overlap', (_id, t) => {
    const doc = t.topology;
    for (const a of doc.domains) {
      for (const b of doc.domains) {
        if (a.id >= b.id || a.parent !== b.parent) continue;
        const ra = absoluteRect(doc, a.id);
        const rb = absoluteRect(doc, b.id);
        const apart = ra.x + ra.width <= rb.x || rb.x + rb.width <= ra.x || ra.y + ra.height <= rb.y || rb.y + rb.height <= ra.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
  });
});
