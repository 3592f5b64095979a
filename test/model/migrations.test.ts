import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, MIGRATIONS, migrate, type Migration } from '../../src/model';

describe('migrations', () => {
  it('has one migration for every version before the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) expect(MIGRATIONS[v], `migration from ${v}`).toBeTypeOf('function');
  });

  it('runs the chain in order and stamps each version', () => {
    const steps: Record<number, Migration> = {
      1: (d) => ({ ...d, renamed: d.old, old: undefined }),
      2: (d) => ({ ...d, added: true }),
    };
    const result = migrate({ version: 1, old: 'x' }, 1, 3, steps);
    expect(result).toEqual({ ok: true, applied: [1, 2], doc: { version: 3, renamed: 'x', old: undefined, added: true } });
  });

  it('refuses a newer version and reports a gap in the chain', () => {
    expect(migrate({}, 4, 3, {})).toEqual({ ok: false, reason: 'newer', version: 4 });
    expect(migrate({}, 1, 3, { 1: (d) => d })).toEqual({ ok: false, reason: 'missing', version: 2 });
  });

  it('leaves a current document as it is', () => {
    const doc = { version: CURRENT_VERSION };
    expect(migrate(doc, CURRENT_VERSION)).toEqual({ ok: true, doc, applied: [] });
  });
});
