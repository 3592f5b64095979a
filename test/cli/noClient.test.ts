// A design without a client is said once per command, in the report's words (naming the
// entry points by label and id, as the app's card does), never a second time by the loader.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const dir = mkdtempSync(join(tmpdir(), 'spof-noclient-'));
const file = join(dir, 'noclient.spof.json');
writeFileSync(file, JSON.stringify({
  format: 'spof-topology', version: 1, name: 'No client',
  components: [{ id: 'dns', kind: 'dns', label: 'DNS' }, { id: 'app', kind: 'app', label: 'App' }, { id: 'db', kind: 'database', label: 'Orders' }],
  links: [{ from: 'dns', to: 'app' }, { from: 'app', to: 'db' }],
}));

const statement = 'no client: the figures are for the entry point "DNS" (dns), as if a client called it (entry:dns); add a client in front of it for the users';

describe('no client, said once', () => {
  const commands: [string, string[]][] = [
    ['analyze', []],
    ['analyze --format markdown', ['--format', 'markdown']],
    ['analyze --format sarif', ['--format', 'sarif']],
    ['validate', []],
    ['plan', ['--slo', '99']],
    ['simulate', ['--years', '50']],
  ];
  it.each(commands)('%s', (name, flags) => {
    const r = spof(name.split(' ')[0], file, ...flags);
    expect(r.code).not.toBe(2);
    expect(r.out.split(statement)).toHaveLength(2);
    expect(r.out).not.toMatch(/no client component/);
  });

  it.each([['import'], ['import-mermaid']])('%s of a Mermaid diagram without a client: said once, in the report\'s words', (command) => {
    const diagram = join(dir, 'noclient.mmd');
    writeFileSync(diagram, 'flowchart LR\n  dns[DNS] --> app[App]\n  app --> db[(Orders)]\n');
    const r = spof(command, diagram, '-o', join(dir, `${command}.spof.json`));
    expect(r.code, r.out).toBe(0);
    expect(r.out.split(statement)).toHaveLength(2);
    expect(r.out).not.toMatch(/no client component/);
  });

  it('a design with nothing connected says so once, the words of the app\'s card: no figure, draw a client and links', () => {
    const lone = join(dir, 'lone.spof.json');
    writeFileSync(lone, JSON.stringify({ format: 'spof-topology', version: 1, components: [{ id: 'a', kind: 'app' }] }));
    for (const command of ['analyze', 'validate']) {
      const r = spof(command, lone);
      expect(r.out.match(/nothing is connected: 1 component and no dependency link/g)).toHaveLength(1);
      expect(r.out).toContain('starting from a client (the users)');
    }
  });
});
