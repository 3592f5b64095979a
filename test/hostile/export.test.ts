// Exports of documents at the limits (issue 14): every accepted document is written out, not
// only the small ones. The architecture-beta export spread 100,000 lines into one push() and
// overflowed the stack (the CLI's exit 70).
import { describe, expect, it } from 'vitest';
import { toMermaidArchitecture } from '../../src/io/mermaidArchitecture';
import { MAX_LINKS, parseTopology } from '../../src/model';

describe('exports at the limits', { timeout: 120_000 }, () => {
  it('architecture-beta of 200 clients over 400 app servers over 50 databases (100,000 links)', () => {
    const apps = 400;
    const dbs = 50;
    const links = [
      ...Array.from({ length: apps * dbs }, (_, i) => ({ from: `a${Math.floor(i / dbs)}`, to: `d${i % dbs}` })),
    ];
    for (let c = 0; links.length < MAX_LINKS; c++) for (let a = 0; a < apps && links.length < MAX_LINKS; a++) links.push({ from: `u${c}`, to: `a${a}` });
    const r = parseTopology({
      format: 'spof-topology', version: 2,
      components: [
        ...Array.from({ length: 200 }, (_, c) => ({ id: `u${c}`, kind: 'client' as const })),
        ...Array.from({ length: apps }, (_, a) => ({ id: `a${a}`, kind: 'app' as const })),
        ...Array.from({ length: dbs }, (_, d) => ({ id: `d${d}`, kind: 'database' as const })),
      ],
      links,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 2)));
    const text = toMermaidArchitecture(r.topology);
    expect(text.startsWith('architecture-beta\n')).toBe(true);
    // Each link is kept for the way back, in its spof: comment.
    expect(text.split('\n').filter((l) => l.startsWith('%% spof:link')).length).toBe(MAX_LINKS);
  });
});
