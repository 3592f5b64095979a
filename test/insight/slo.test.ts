import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { sloReport } from '../../src/engine/insight';
import { doc, users } from './helpers';

// One app at 99% behind the users: availability exactly 0.99.
const t = (extra: { slo?: number; clientSlo?: number } = {}) => doc({
  ...(extra.slo !== undefined ? { slo: extra.slo } : {}),
  components: [
    { ...users, ...(extra.clientSlo !== undefined ? { slo: extra.clientSlo } : {}) },
    { id: 'checkout', kind: 'client' },
    { id: 'app', kind: 'app', availability: 0.99 },
  ],
  links: [{ from: 'users', to: 'app' }, { from: 'checkout', to: 'app' }],
});

describe('SLO', () => {
  it('reports met, gap in percent and minutes per month, and the monthly error budget', () => {
    const doc1 = t({ slo: 0.999 });
    const s = sloReport(doc1, analyze(doc1));
    expect(s.system).not.toBeNull();
    const sys = s.system!;
    expect(sys.met).toBe(false);
    expect(s.met).toBe(false);
    expect(sys.gapPercent).toBeCloseTo(0.9, 10);
    // A month is 365.25 d / 12 = 43,830 minutes.
    expect(sys.gapMinutesPerMonth).toBeCloseTo(0.009 * 43830, 6);
    expect(sys.errorBudgetMinutesPerMonth).toBeCloseTo(43.83, 6);
    expect(sys.downtimeMinutesPerMonth).toBeCloseTo(438.3, 6);
    expect(sys.source).toBe('document');
    // Clients without a target of their own are not listed.
    expect(s.clients).toEqual([]);
  });

  it('a met target has no gap', () => {
    const doc1 = t({ slo: 0.95 });
    const s = sloReport(doc1, analyze(doc1));
    expect(s.system).toMatchObject({ met: true, gapPercent: 0, gapMinutesPerMonth: 0 });
    expect(s.met).toBe(true);
  });

  it('lists each client with its own target', () => {
    const doc1 = t({ clientSlo: 0.98 });
    const s = sloReport(doc1, analyze(doc1));
    expect(s.system).toBeNull();
    expect(s.clients.map((c) => [c.id, c.met])).toEqual([['users', true]]);
  });

  it('an override (--slo) replaces the document targets, for the system and every client', () => {
    const doc1 = t({ slo: 0.95, clientSlo: 0.98 });
    const s = sloReport(doc1, analyze(doc1), 0.9999);
    expect(s.system).toMatchObject({ target: 0.9999, met: false, source: 'override' });
    expect(s.clients.map((c) => [c.id, c.target])).toEqual([['users', 0.9999], ['checkout', 0.9999]]);
    expect(s.met).toBe(false);
  });

  it('with no target anywhere, there is nothing to miss', () => {
    const doc1 = t();
    expect(sloReport(doc1, analyze(doc1))).toEqual({ system: null, clients: [], met: true });
  });
});
