import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model';
import { elementOfPath, problemText } from '../../src/model/problemText';

const doc = {
  format: 'spof-topology', version: 2, name: 'x',
  components: [
    { id: 'users', kind: 'client', label: 'Users' },
    { id: 'web', kind: 'web', label: 'Web server' },
    { id: 'db', kind: 'database' },
    { id: 'db-2', kind: 'database', label: 'Standby DB', role: 'standby' },
  ],
  links: [{ from: 'users', to: 'web' }, { id: 'wire', from: 'web', to: 'db' }],
  domains: [{ id: 'z1', kind: 'zone', label: 'us-east-1a' }],
};

describe('problems name their element by label and id, never a raw path alone', () => {
  it('components, domains and links', () => {
    expect(elementOfPath(doc, 'components[1].availability')).toBe('"Web server" (web)');
    expect(elementOfPath(doc, 'components[2]')).toBe('"db"');
    expect(elementOfPath(doc, 'domains[0].parent')).toBe('"us-east-1a" (z1)');
    expect(elementOfPath(doc, 'links[0]')).toBe('the link Users → Web server (users->web)');
    expect(elementOfPath(doc, 'links[1].availability')).toBe('the link Web server → db (wire)');
    expect(elementOfPath(doc, 'slo')).toBeUndefined();
    expect(elementOfPath(doc, 'components[9]')).toBeUndefined();
    expect(elementOfPath({ components: 'nonsense' }, 'components[0]')).toBeUndefined();
  });

  it('a warning of the loader reads with its element first', () => {
    const parsed = parseTopology(doc);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const standby = parsed.warnings.find((w) => w.path.startsWith('components[3]'))!;
    expect(problemText(parsed.topology, standby)).toMatch(/^"Standby DB" \(db-2\), components\[3\]\.role: /);
    // The id is said once: the message does not name its own element again.
    for (const w of parsed.warnings) {
      const element = elementOfPath(parsed.topology, w.path);
      if (element) expect(problemText(parsed.topology, w).slice(element.length)).not.toMatch(/"(web|db|db-2|users)"/);
    }
  });

  it('a warning about a whole list reads as its message, with no raw path in front', () => {
    const parsed = parseTopology({ ...doc, components: doc.components.slice(1), links: [{ id: 'wire', from: 'web', to: 'db' }] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const noClient = parsed.warnings.find((w) => w.code === 'no-client')!;
    expect(noClient.path).toBe('components');
    expect(problemText(parsed.topology, noClient)).toMatch(/^no client component: /);
  });

  it('an error of a document that cannot be read names what it can', () => {
    const bad = { ...doc, components: [...doc.components.slice(0, 1), { id: 'web', kind: 'web', label: 'Web server', availability: 1.5 }] };
    const parsed = parseTopology(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => problemText(bad, e))).toContainEqual(expect.stringMatching(/^"Web server" \(web\), components\[1\]\.availability: must be/));
    // A problem of the whole document has no element: its path and message as they are.
    expect(problemText(bad, { code: 'not-json', path: '', message: 'not JSON' })).toBe('not JSON');
  });
});
