// One test of "this text is a Mermaid diagram" for the importers, a paste and the command
// line's hint (src/io/mermaidStart.ts): only the importers' had known front matter.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/import/detect';
import { isMermaidDiagram } from '../../src/io/mermaidStart';

const FRONT_MATTER = '---\ntitle: Shop\nconfig:\n  theme: neutral\n---\nflowchart TD\n  a --> b\n';

describe('a Mermaid diagram, told by its first line', () => {
  it('past front matter, %% comments, blank lines, a byte order mark and Windows line ends', () => {
    expect(isMermaidDiagram(FRONT_MATTER)).toBe(true);
    expect(isMermaidDiagram(FRONT_MATTER.replace(/\n/g, '\r\n'))).toBe(true);
    expect(isMermaidDiagram('\uFEFF%% the shop\n\n  graph LR\n a-->b')).toBe(true);
    expect(isMermaidDiagram('architecture-beta\n  service db(database)[DB]')).toBe(true);
  });

  it('not a diagram: another first line, a word that only starts like one, nothing but blanks', () => {
    expect(isMermaidDiagram('sequenceDiagram\n  a->>b: hi')).toBe(false);
    expect(isMermaidDiagram('graphite: 3\nflowchart TD')).toBe(false);
    expect(isMermaidDiagram('services:\n  web:\n    image: nginx\n')).toBe(false);
    expect(isMermaidDiagram('\n'.repeat(100_000))).toBe(false);
  });

  it('the importers detect the same diagrams (a paste and the command line ask the same function)', () => {
    expect(classify({ path: 'shop', text: FRONT_MATTER }).format).toBe('mermaid');
    expect(classify({ path: 'shop', text: 'services:\n  web:\n    image: nginx\n' }).format).toBe('compose');
  });
});
