// The others a SPOF stops (src/engine/spofOthers.ts): the count the sentences, the CLI and the
// findings say is the length of the list they name from, for few clients and for many (a set).
import { describe, expect, it } from 'vitest';
import { othersDown, othersDownCount, othersDownWords } from '../../src/engine/spofOthers';
import type { SpofReport } from '../../src/engine/types';

const report = (r: Partial<SpofReport> & Pick<SpofReport, 'id' | 'clients' | 'down'>): SpofReport => ({ type: 'component', label: r.id, ...r });

describe('the others a SPOF stops', () => {
  it('leaves out the failed element and the clients it cuts off, and counts what it lists', () => {
    const s = report({ id: 'db', clients: ['u1', 'u2'], down: ['u1', 'app', 'db', 'u2', 'worker'] });
    expect(othersDown(s)).toEqual(['app', 'worker']);
    expect(othersDown(s, 1)).toEqual(['app']);
    expect(othersDownCount(s)).toBe(2);
    // Asked again (the sentence asks for the count, then its words): the same answer.
    expect(othersDownCount(s)).toBe(2);
    expect(othersDownWords(s)).toBe('2 others that need it stop serving');
  });

  it('counts the same with many clients (looked up in a set) and for an instance or a failover', () => {
    const clients = Array.from({ length: 20 }, (_, i) => `u${i}`);
    const s = report({ id: 'failover:db#2', clients, down: [...clients, 'db', ...Array.from({ length: 30 }, (_, i) => `s${i}`)] });
    expect(othersDownCount(s)).toBe(othersDown(s).length);
    expect(othersDownCount(s)).toBe(30);
  });

  it('counts a cut list from downCount', () => {
    const s = report({ id: 'c0', clients: ['u'], down: ['u', 'c0', 'c1'], downCount: 10_000 });
    expect(othersDownCount(s)).toBe(10_000 - 1 - 1);
  });
});
