// DESIGN section 2, "Entry points when there is no client": which components stand in
// for the missing users, what nothing reaches, and designs with nothing connected.
import { describe, expect, it } from 'vitest';
import { analyze, buildJsonReport } from '../../src/engine';
import { checkAgainstOracle } from './oracleCheck';
import { topology } from './helpers';

describe('entry points', () => {
  it('a cycle with nothing pointing in is one entry point, its smallest id standing for it', () => {
    // b <-> a call each other; both need the database; nothing calls them.
    const t = topology({
      components: [
        { id: 'b', kind: 'service', availability: 0.99 }, { id: 'a', kind: 'service', availability: 0.98 },
        { id: 'db', kind: 'database', availability: 0.95 },
      ],
      links: [{ from: 'b', to: 'a' }, { from: 'a', to: 'b' }, { from: 'a', to: 'db' }],
    });
    const r = analyze(t);
    expect(r.basis).toBe('entry-points');
    expect(r.entryPoints).toEqual(['a']);
    expect(r.clients.map((c) => c.id)).toEqual(['entry:a']);
    // Both members of the cycle and the database must work: a series system.
    expect(r.system.availability).toBeCloseTo(0.99 * 0.98 * 0.95, 12);
    expect(r.spofs.map((s) => s.id).sort()).toEqual(['a', 'b', 'db']);
    expect(r.spofs.find((s) => s.id === 'db')!.down).toEqual(['b', 'a', 'db', 'entry:a']);
    checkAgainstOracle(t);
  });

  it('a monitor whose links are all optional and a component with no links are no entry: they are unreached', () => {
    const t = topology({
      components: [
        { id: 'lb', kind: 'loadbalancer', label: 'LB' }, { id: 'web', kind: 'web', replicas: 2 },
        { id: 'db', kind: 'database' }, { id: 'mon', kind: 'service', label: 'Monitor' }, { id: 'lone', kind: 'cache' },
      ],
      links: [{ from: 'lb', to: 'web' }, { from: 'web', to: 'db' }, { from: 'mon', to: 'web', optional: true }],
    });
    const r = analyze(t);
    expect(r.entryPoints).toEqual(['lb']);
    expect(r.unreached).toEqual(['mon', 'lone']);
    expect(r.warnings).toContain('no client: the figures are for the entry point "LB" (lb), as if a client called it (entry:lb); add a client in front of it for the users');
    expect(r.warnings).toContain('2 components that no entry point reaches, not part of the figures: "Monitor" (mon) and "lone"');
    checkAgainstOracle(t);
  });

  it('when no source qualifies, every source is an entry point', () => {
    const t = topology({
      components: [{ id: 'mon', kind: 'service' }, { id: 'app', kind: 'app' }, { id: 'lone', kind: 'cache' }],
      links: [{ from: 'mon', to: 'app', optional: true }],
    });
    const r = analyze(t);
    expect(r.entryPoints).toEqual(['mon', 'lone']);
    expect(r.unreached).toEqual([]);
    checkAgainstOracle(t);
  });

  it('several entry points: each has its own implicit client; the system is the weakest', () => {
    const t = topology({
      components: [
        { id: 'api', kind: 'app', availability: 0.99 }, { id: 'batch', kind: 'service', availability: 0.9 },
        { id: 'db', kind: 'database', availability: 0.999 },
      ],
      links: [{ from: 'api', to: 'db' }, { from: 'batch', to: 'db' }],
    });
    const r = analyze(t);
    expect(r.clients.map((c) => [c.id, c.label])).toEqual([['entry:api', 'Users of api'], ['entry:batch', 'Users of batch']]);
    expect(r.system.availability).toBeCloseTo(0.9 * 0.999, 12);
    const json = buildJsonReport(r, t);
    expect(json.entryPoints).toEqual(['api', 'batch']);
    expect((json.clients as { id: string }[]).map((c) => c.id)).toEqual(['entry:api', 'entry:batch']);
    // What-if can fail an implicit client by its id, like any client.
    expect(analyze(t, { failed: ['entry:api'] }).whatIf!.clientsDown).toEqual(['entry:api']);
  });

  it('clients that call nothing are not analysed; the design is analysed from its entry points', () => {
    const t = topology({
      components: [{ id: 'users', kind: 'client', label: 'Users' }, { id: 'lb', kind: 'loadbalancer' }, { id: 'app', kind: 'app' }],
      links: [{ from: 'lb', to: 'app' }],
    });
    const r = analyze(t);
    expect(r.basis).toBe('entry-points');
    expect(r.clients.map((c) => c.id)).toEqual(['entry:lb']);
    expect(r.unreached).toEqual(['users']);
    expect(r.warnings[0]).toMatch(/^no client calls anything: the figures are for the entry point "lb"/);
    expect(r.warnings).toContain('client "Users" (users) calls nothing: not part of the figures until linked to the first component it calls');
    checkAgainstOracle(t);
  });

  it('with a client that calls something, an idle second client is left out and named', () => {
    const t = topology({
      components: [
        { id: 'users', kind: 'client' }, { id: 'admins', kind: 'client' }, { id: 'app', kind: 'app', availability: 0.9 },
      ],
      links: [{ from: 'users', to: 'app' }],
    });
    const r = analyze(t);
    expect(r.basis).toBe('clients');
    expect(r.clients.map((c) => c.id)).toEqual(['users']);
    expect(r.unreached).toEqual(['admins']);
    expect(r.system.availability).toBeCloseTo(0.9, 12);
  });
});

describe('nothing connected', () => {
  it('components and no dependency link: no availability, no SPOF list, a warning that says what to draw', () => {
    const t = topology({
      components: [{ id: 'users', kind: 'client' }, { id: 'a', kind: 'app' }, { id: 'b', kind: 'database' }],
      links: [{ from: 'a', to: 'b', type: 'replication', mode: 'async' }],
    });
    const r = analyze(t, { slo: 0.99 });
    expect(r.basis).toBe('unconnected');
    expect(r.system.availability).toBeNaN();
    expect(r.system.slo).toEqual({ target: 0.99, met: false });
    expect([r.clients, r.spofs, r.pairs, r.importance]).toEqual([[], [], [], []]);
    expect(r.unreached).toEqual(['users', 'a', 'b']);
    expect(r.warnings[0]).toMatch(/^nothing is connected: 3 components and no dependency link, so there is no availability to show; draw a link/);
    const json = buildJsonReport(r, t) as { system: { availability: unknown; nines: unknown }; basis: string };
    expect(json.basis).toBe('unconnected');
    expect(JSON.parse(JSON.stringify(json)).system).toMatchObject({ availability: null, unavailability: null, nines: null });
  });

  it('a lone client with no link is not 100%', () => {
    const r = analyze(topology({ components: [{ id: 'users', kind: 'client' }] }));
    expect(r.basis).toBe('unconnected');
    expect(r.system.availability).toBeNaN();
    expect(r.warnings[0]).toMatch(/^nothing is connected: 1 component and/);
  });

  it('counts as every message counts: thousands separated, in the warning and in the names left out', () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({ id: `s${i}`, kind: 'service' as const }));
    expect(analyze(topology({ components: many })).warnings[0]).toMatch(/^nothing is connected: 1,200 components and no dependency link/);
    const r = analyze(topology({ components: [{ id: 'users', kind: 'client' }, ...many], links: [{ from: 'users', to: 's0' }] }));
    expect(r.warnings).toContainEqual(expect.stringMatching(/^1,199 components that no client reaches, not part of the figures: .* and 1,189 more$/));
  });

  it('an empty design says so', () => {
    const r = analyze(topology({ components: [] }));
    expect(r.basis).toBe('unconnected');
    expect(r.warnings).toEqual(['the design is empty: there is nothing to analyse']);
  });
});
