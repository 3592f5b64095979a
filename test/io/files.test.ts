import { describe, expect, it } from 'vitest';
import { isMermaidFileName, openDesignText, topologyFileName, topologyFileText } from '../../src/io';
import { example } from './fixtures';

describe('design files', () => {
  it('names the file after the design', () => {
    expect(topologyFileName({ name: 'Three-tier web app' })).toBe('three-tier-web-app.spof.json');
    expect(topologyFileName({ name: '  Café   Zürich / prod #2 ' })).toBe('cafe-zurich-prod-2.spof.json');
    expect(topologyFileName({ name: '🚀🚀' })).toBe('design.spof.json');
    expect(topologyFileName({ name: '../../etc/passwd' })).toBe('etc-passwd.spof.json');
    expect(topologyFileName({ name: 'x'.repeat(200) })).toBe(`${'x'.repeat(80)}.spof.json`);
  });

  it('tells Mermaid files by their extension', () => {
    expect(isMermaidFileName('a.mmd')).toBe(true);
    expect(isMermaidFileName('A.MERMAID')).toBe(true);
    expect(isMermaidFileName('a.spof.json')).toBe(false);
  });

  it('opens what it saves, and refuses a bad file with the path of the error', async () => {
    const t = example();
    const r = await openDesignText('x.spof.json', topologyFileText(t));
    expect(r).toMatchObject({ ok: true, format: 'json', topology: t, notes: [] });
    const bad = await openDesignText('x.json', JSON.stringify({ ...t, components: [{ id: 'a', kind: 'app', availability: 2 }] }));
    expect(bad).toMatchObject({ ok: false, format: 'json', errors: [{ path: 'components[0].availability' }] });
  });
});
