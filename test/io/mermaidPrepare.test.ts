// The text mermaid gets (labels made plain) and the repairs offered when it refuses a line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSafeSource, repairSource } from '../../src/io/mermaidPrepare';
import { flowchartTextProblem } from '../../src/io/mermaidParse';
import { toMermaid } from '../../src/io';
import { parseTopology } from '../../src/model';

describe('labelSafeSource', () => {
  it('turns markup inside labels into entity codes and leaves the syntax around them alone', () => {
    expect(labelSafeSource('  a["x < y & z"] -->|p99 <50ms| b<br>')).toBe('  a["x #lt; y #amp; z"] -->|p99 #lt;50ms| b<br>');
    expect(labelSafeSource('  a[Web\\nServer<br/>two] --> b["<b>bold</b> &#40;1&#41; &amp;"]')).toBe('  a[Web#10;Server#10;two] --> b["bold #40;1#41; #amp;"]');
    expect(labelSafeSource('  a <--> b\n  c -.-> d\n  e & f --> g')).toBe('  a <--> b\n  c -.-> d\n  e & f --> g');
    expect(labelSafeSource('  subgraph s["A & B"]')).toBe('  subgraph s["A #amp; B"]');
    expect(labelSafeSource('  c@{ shape: cyl, label: "a < b" }')).toBe('  c@{ shape: cyl, label: "a #lt; b" }');
    // Any other tag shows as text; a label left empty would not parse.
    expect(labelSafeSource('  a["<img src=x>"]')).toBe('  a["#lt;img src=x#gt;"]');
    expect(labelSafeSource('  a["<b></b>"]')).toBe('  a[" "]');
  });

  it('never adds or removes a line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(...'ab[]()"|<>&-\\n #;'.split('')) }), { minLength: 1, maxLength: 6 }), (lines) => {
        expect(labelSafeSource(lines.join('\n')).split('\n')).toHaveLength(lines.length);
      }),
    );
  });
});

describe('repairSource', () => {
  it('quotes labels and titles that hold brackets or quotes, line by line', () => {
    const r = repairSource('flowchart TB\n  a[ALB (a)] --> b{Decide (x)}\n  subgraph vpc [VPC (10.0.0.0/16)]\n  end\n  c -->|HTTPS (JWT)| d["ok (quoted)"]');
    expect(r.text).toBe('flowchart TB\n  a["ALB (a)"] --> b{"Decide (x)"}\n  subgraph vpc ["VPC (10.0.0.0/16)"]\n  end\n  c -->|"HTTPS (JWT)"| d["ok (quoted)"]');
    expect(r.repairs.map((x) => x.line)).toEqual([2, 3, 5]);
    expect(r.repairs[0].what).toBe('quoted the label "ALB (a)"; quoted the label "Decide (x)"');
  });

  it('changes nothing in a diagram that needs nothing', () => {
    const text = 'flowchart LR\n  a[(DB)] --> b([Users])\n  subgraph "Quoted (ok)"\n  c\n  end';
    expect(repairSource(text)).toEqual({ text, repairs: [] });
  });
});

describe('flowchartTextProblem: text that is no diagram is told without loading mermaid', () => {
  it('names the first line that opens no flowchart, after front matter, comments and directives', () => {
    expect(flowchartTextProblem('{"format": "spof-topology"}')).toMatchObject({ path: 'line 1', message: expect.stringContaining('not a Mermaid diagram') });
    expect(flowchartTextProblem('%% a comment\n%%{init: {"theme": "dark"}}%%\nsequenceDiagram\n  a->>b: hi')).toMatchObject({ path: 'line 3', message: expect.stringContaining('"sequenceDiagram" is not a flowchart') });
    expect(flowchartTextProblem('---\ntitle: Shop\n---\n\nservices:\n  web: {}')).toMatchObject({ path: 'line 5', message: expect.stringContaining('"services" is not a flowchart') });
    expect(flowchartTextProblem('  \n')).toMatchObject({ message: expect.stringContaining('the text is empty') });
  });

  it('leaves flowcharts, graphs, architecture diagrams and multi-line directives to mermaid', () => {
    for (const text of ['flowchart LR\n  a --> b', '---\ntitle: x\n---\ngraph TD\n  a --> b', '%%{init: {}}%%\narchitecture-beta\n  service a(server)[A]', '%%{init:\n {}}%%\nflowchart TB\n  a']) {
      expect(flowchartTextProblem(text), text).toBeUndefined();
    }
  });

  it('more nodes or edges than a Mermaid file may have (mermaid\'s parser is the cost): refused at the line where the count passes the limit, before mermaid parses', () => {
    // 10,001 distinct nodes, one edge a line: the 10,001st node is named on line 10,001 (after the header).
    const lines = Array.from({ length: 10_000 }, (_, i) => `  n${i} --> n${i + 1}`);
    expect(flowchartTextProblem(`flowchart LR\n${lines.join('\n')}`)).toMatchObject({
      path: 'line 10001',
      message: 'more than 10,000 nodes by this line: a Mermaid diagram is imported up to 10,000 nodes (a design saved as .spof.json takes 20,000 components)',
    });
    // Exactly 10,000 nodes, labels and a subgraph linked to aside: within the limit.
    const within = [`flowchart LR`, `  subgraph box [Box]`, `    a["Web (nginx)"] -- calls --> b`, `  end`, ...lines.slice(0, 9_998).map((l, i) => (i === 0 ? '  b --> box' : l))];
    expect(flowchartTextProblem(within.join('\n'))).toBeUndefined();
    // `a & b --> c & d` is four edges: 12,004 edges between a few nodes by the 3,001st such line.
    const fan = Array.from({ length: 25_001 }, () => '  a & b --> c & d');
    expect(flowchartTextProblem(`flowchart LR\n${fan.join('\n')}`)).toMatchObject({
      path: 'line 3002',
      message: 'more than 12,000 edges by this line: a Mermaid diagram is imported up to 12,000 edges (a design saved as .spof.json takes 100,000 links)',
    });
    expect(flowchartTextProblem(`flowchart LR\n${fan.slice(0, 3000).join('\n')}`)).toBeUndefined();
  });

  it('comments count nothing: a design of 10,000 components exported with its `%% spof:` lines is within the limits', () => {
    // Each component's comment (`%% spof:component c0 {"id":"c0",...}`) was read as a statement of nodes `spof`, `component`, `c0`...
    const parsed = parseTopology(JSON.stringify({
      format: 'spof-topology', version: 2,
      components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: 9_999 }, (_, i) => ({ id: `c${i}`, kind: 'service' }))],
      links: [{ from: 'u', to: 'c0' }, ...Array.from({ length: 9_998 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    }));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const text = toMermaid(parsed.topology);
    expect(text).toContain('%% spof:component c9998 ');
    expect(flowchartTextProblem(text)).toBeUndefined();
    expect(flowchartTextProblem(`flowchart LR\n${Array.from({ length: 12_001 }, (_, i) => `%% a${i} --> b${i}`).join('\n')}\n  a --> b`)).toBeUndefined();
  });

  it('an architecture diagram is counted by its services and junctions, and its edges (the flowchart reader took `db:L` for a node)', () => {
    const services = (n: number) => Array.from({ length: n }, (_, i) => `  service s${i}(server)[Service ${i}] in g`);
    const chain = (n: number) => Array.from({ length: n - 1 }, (_, i) => `  s${i}:R --> L:s${i + 1}`);
    // 6,000 services in a chain: within the limits (it was refused, counted as more than 10,000 nodes).
    expect(flowchartTextProblem(['architecture-beta', '  group g(cloud)[G]', ...services(6000), ...chain(6000)].join('\n'))).toBeUndefined();
    expect(flowchartTextProblem(['%%{init: {}}%%', 'architecture-beta', '  junction j', ...services(10_000)].join('\n'))).toMatchObject({
      path: 'line 10003', message: expect.stringContaining('more than 10,000 nodes by this line'),
    });
    const edges = Array.from({ length: 12_001 }, (_, i) => `  s${i % 2}{group}:B <--> T:s${(i + 1) % 2}`);
    expect(flowchartTextProblem(['architecture-beta', ...services(2), ...edges].join('\n'))).toMatchObject({
      path: 'line 12004', message: expect.stringContaining('more than 12,000 edges by this line'),
    });
  });

  it('long lines, whose cost in mermaid\'s lexer is the square of their length: refused past a bound, short ones never', () => {
    // 10,000 nodes chained on one line (79,000 characters): within the node limit, but a minute of parsing.
    const chain = `flowchart LR\n${Array.from({ length: 10_000 }, (_, i) => `n${i}`).join('-->')}`;
    expect(flowchartTextProblem(chain)).toMatchObject({ path: 'line 2', message: expect.stringMatching(/^the line is 78,887 characters long: .*put the statements on lines of their own$/) });
    // The same work over many lines of semicolons is refused too; a 1,900,000-character diagram of short lines is not.
    expect(flowchartTextProblem(`flowchart LR\n${Array.from({ length: 200 }, () => `a-->b${';'.repeat(4000)}`).join('\n')}`)).toMatchObject({ path: expect.stringMatching(/^line \d+$/) });
    expect(flowchartTextProblem(`flowchart LR\n${Array.from({ length: 19_000 }, (_, i) => `  n${i % 50}["${'x'.repeat(90)}"]`).join('\n')}`)).toBeUndefined();
  });

  it('runs of blanks, which mermaid rereads for every character of them: refused at the line where the run starts, an export\'s comments never', () => {
    // 500,000 empty lines (half a megabyte) did not end in 100 s; 40,000 lines of one space took 30 s.
    expect(flowchartTextProblem(`flowchart LR\n  a --> b\n${'\n'.repeat(500_000)}  c`)).toMatchObject({
      code: 'too-large', path: 'line 3', message: expect.stringMatching(/^500,003 blank characters in a row from this line .*bounded time/),
    });
    expect(flowchartTextProblem(`flowchart LR\n  a --> b\n${' \n'.repeat(40_000)}  c`)).toMatchObject({ path: 'line 3' });
    // Comment lines are blanked for mermaid (so that its line numbers stay the file's): they count as blanks.
    expect(flowchartTextProblem(`%% x\nflowchart LR\n  a --> b\n${'  %% note\n'.repeat(30_000)}  c`)).toMatchObject({ path: 'line 4' });
    // Indented lines and the comments of an export at the node limit (20,002 lines, the test above) are far from it.
    expect(flowchartTextProblem(`flowchart LR\n${Array.from({ length: 9_999 }, (_, i) => `        n${i} --> n${i + 1}\n\n`).join('')}`)).toBeUndefined();
  });

  it('subgraphs nested deeper than a design\'s domains, which mermaid\'s parser copies its stack for: refused at the line that passes 32', () => {
    const nested = (depth: number, open: (d: number) => string) => `flowchart TB\n${Array.from({ length: depth }, (_, d) => open(d)).join('')}  a --> b\n${'end\n'.repeat(depth)}`;
    // 5,000 deep did not end in 5 minutes (a design reads 32 levels, so it was refused after the parse).
    expect(flowchartTextProblem(nested(5000, (d) => `subgraph s${d}["level ${d}"]\n`))).toEqual({
      code: 'too-large', path: 'line 34', message: 'subgraphs nested more than 32 deep by this line: a design reads at most 32 levels of failure domains',
    });
    expect(flowchartTextProblem(nested(32, (d) => `subgraph s${d}["level ${d}"]\n`))).toBeUndefined();
    // On one line, with titles alone (each its own subgraph), and with a `;` inside a label, which opens nothing.
    expect(flowchartTextProblem(`flowchart TB\n${'subgraph "Zone"; '.repeat(2000)}a${'; end'.repeat(2000)}`)).toMatchObject({ path: 'line 2' });
    expect(flowchartTextProblem(nested(33, (d) => `subgraph Zone ${d}\n`))).toMatchObject({ path: 'line 34' });
    expect(flowchartTextProblem(`flowchart TB\n${Array.from({ length: 40 }, (_, d) => `  a${d}["x; subgraph y${d}"] --> b\n`).join('')}`)).toBeUndefined();
    // Siblings are no deeper, nor is a subgraph opened again inside itself (its members join the first opening).
    expect(flowchartTextProblem(`flowchart TB\n${Array.from({ length: 100 }, (_, d) => `subgraph s${d}\n  a${d}\nend\n`).join('')}`)).toBeUndefined();
    expect(flowchartTextProblem(nested(60, (d) => `subgraph ${d % 2 ? 'T' : 'S'}\n`))).toBeUndefined();
  });
});
