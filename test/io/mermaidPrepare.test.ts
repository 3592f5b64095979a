// The text mermaid gets (labels made plain) and the repairs offered when it refuses a line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSafeSource, repairSource } from '../../src/io/mermaidPrepare';
import { flowchartTextProblem } from '../../src/io/mermaidParse';

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
});
