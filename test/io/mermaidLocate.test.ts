// Where each node, edge and subgraph was written, for the notes of an import.
import { describe, expect, it } from 'vitest';
import { lexLine } from '../../src/io/mermaidLexer';
import { SourceLocator } from '../../src/io/mermaidLocate';

const edge = (start: string, end: string) => ({ start, end, type: 'arrow_point', stroke: 'normal', text: '' });

describe('lexLine', () => {
  it('finds ids, shapes (even with parentheses inside) and arrows with their labels', () => {
    const t = lexLine('  A[Web (nginx)] -->|HTTPS| B[(DB)] & C');
    expect(t.tokens.map((x) => x.type)).toEqual(['id', 'shape', 'arrow', 'id', 'shape', 'id']);
    expect(t.tokens[1]).toMatchObject({ open: '[', close: ']', body: { text: 'Web (nginx)' }, quoted: false });
    expect(t.tokens[2]).toMatchObject({ label: { text: 'HTTPS' } });
    expect(t.tokens[4]).toMatchObject({ open: '[(', close: ')]' });
  });

  it('reads text inside arrows, edge ids, ids that start like arrow heads, and subgraph lines', () => {
    expect(lexLine('  a -- HTTPS --> b').tokens[1]).toMatchObject({ type: 'arrow', label: { text: 'HTTPS' } });
    expect(lexLine('  a -. async .-> b').tokens[1]).toMatchObject({ type: 'arrow', label: { text: 'async' } });
    expect(lexLine('  A e1@--> B').tokens.filter((x) => x.type === 'id').map((x) => x.type === 'id' && x.text)).toEqual(['A', 'B']);
    expect(lexLine('  x-->y').tokens.map((x) => x.type)).toEqual(['id', 'arrow', 'id']);
    expect(lexLine('  api-gw --> svc').tokens[0]).toMatchObject({ type: 'id', text: 'api-gw' });
    expect(lexLine('  subgraph vpc [VPC (10.0.0.0/16)]').subgraph).toMatchObject({ id: { text: 'vpc' }, title: { text: 'VPC (10.0.0.0/16)' }, bracketed: true });
    expect(lexLine('subgraph Landing Zone').subgraph).toMatchObject({ title: { text: 'Landing Zone' }, bracketed: false });
    expect(lexLine('  classDef x fill:#f00').kind).toBe('directive');
  });
});

describe('SourceLocator', () => {
  const text = [
    'flowchart TB', //              1
    '  %% users come first', //     2
    '  u --> lb', //                3
    '  lb --> a & b', //            4
    '  subgraph z[Zone A]', //      5
    '    a[App one]', //            6
    '  end', //                     7
    '  subgraph Landing Zone', //   8
    '    b', //                     9
    '  end', //                     10
    '  u --> lb', //                11
  ].join('\n');
  const edges = [edge('u', 'lb'), edge('lb', 'a'), edge('lb', 'b'), edge('u', 'lb')];
  const at = new SourceLocator(text, edges);

  it('puts a node on the line that labels it, else on its first mention', () => {
    expect(at.vertex('a')).toEqual({ line: 6, column: 5 });
    expect(at.vertex('u')).toEqual({ line: 3, column: 3 });
    expect(at.vertex('nope')).toBeUndefined();
  });

  it('puts each edge on its own statement, in order, a line of & giving several', () => {
    expect([0, 1, 2, 3].map((i) => at.edge(i)?.line)).toEqual([3, 4, 4, 11]);
  });

  it('finds a subgraph by its id, or by its title when it has none', () => {
    expect(at.subgraph({ id: 'z', title: 'Zone A' })?.line).toBe(5);
    expect(at.subgraph({ id: 'subGraph1', title: 'Landing Zone' })?.line).toBe(8);
  });
});
