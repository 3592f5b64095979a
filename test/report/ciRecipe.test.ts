// The README's GitHub Actions recipe, run here: its commands, as written in the README, in a
// scratch git repository with a base branch and a pull-request branch. Steps that need the
// network (npm ci, the SARIF upload, the comment) are not run: the test checks that they use
// the files the other steps write.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { serializeTopology, type Topology } from '../../src/model';
import { example, withoutStandbyLb } from './designs';

interface Step {
  uses?: string;
  run?: string;
  with: Record<string, string>;
}

/** The workflow block of the README: its steps and its top-level env, read line by line (the block's own shape). */
function recipe(): { env: Record<string, string>; steps: Step[] } {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('```yaml', readme.indexOf('### In CI: a GitHub Actions recipe'));
  expect(start, 'the README has the recipe').toBeGreaterThan(0);
  const lines = readme.slice(start + '```yaml\n'.length, readme.indexOf('\n```', start + 1)).split('\n');
  const env: Record<string, string> = {};
  const steps: Step[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\S/.test(line)) section = line.replace(/:.*$/, '');
    const top = /^ {2}(\w+): (.+)$/.exec(line);
    if (section === 'env' && top) env[top[1]] = top[2];
    if (/^ {6}- /.test(line)) steps.push({ with: {} });
    const step = steps[steps.length - 1];
    const field = /^ {6}(?:- | {2})(uses|run): (.*)$/.exec(line);
    if (field && step) {
      if (field[1] === 'uses') step.uses = field[2];
      else if (field[2] === '|') {
        const body: string[] = [];
        while (i + 1 < lines.length && /^ {10}/.test(lines[i + 1])) body.push(lines[++i].slice(10));
        step.run = body.join('\n');
      } else step.run = field[2];
    }
    const withField = /^ {10}(\w+): (.+)$/.exec(line);
    if (withField && step && !step.run) step.with[withField[1]] = withField[2];
  }
  return { env, steps };
}

const NETWORK = [/^npm ci --prefix \.spof-studio$/, /^gh pr comment /];
const root = resolve('.');

const ajv = new Ajv({ strict: false, unicodeRegExp: false });
addFormats(ajv);
const validSarif = ajv.compile(JSON.parse(readFileSync('test/report/sarif-schema/sarif-2.1.0-rtm.5.json', 'utf8')));

/** A repository whose main branch has `base` and whose checked-out pull-request branch has `head`. */
function repository(design: string, base: Topology, head: Topology): string {
  const dir = mkdtempSync(join(tmpdir(), 'spof-ci-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.invalid');
  git('config', 'user.name', 'CI');
  mkdirSync(join(dir, 'designs'));
  writeFileSync(join(dir, design), serializeTopology(base));
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  // What actions/checkout with fetch-depth 0 leaves: the base branch as a remote-tracking ref.
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('checkout', '-q', '-b', 'change');
  writeFileSync(join(dir, design), serializeTopology(head));
  git('commit', '-q', '-am', 'change');
  symlinkSync(root, join(dir, '.spof-studio'));
  return dir;
}

function runRecipe(base: Topology, head: Topology) {
  const { env, steps } = recipe();
  const dir = repository(env.DESIGN, base, head);
  const codes: { command: string; code: number | null; stderr: string }[] = [];
  const skipped: string[] = [];
  for (const step of steps) {
    if (!step.run) continue;
    if (NETWORK.some((re) => re.test(step.run!))) {
      skipped.push(step.run);
      continue;
    }
    const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', step.run], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env, GITHUB_BASE_REF: 'main', GITHUB_EVENT_NAME: 'pull_request' },
    });
    codes.push({ command: step.run, code: r.status, stderr: r.stderr });
  }
  return { dir, env, steps, codes, skipped };
}

describe('the README CI recipe', () => {
  it('on a pull request that removes the standby load balancer: SARIF for upload, the comment, and a failing gate', () => {
    const { dir, env, steps, codes, skipped } = runRecipe(example(), withoutStandbyLb());
    expect(skipped).toHaveLength(2);
    // Every command that runs succeeds but the gate, which fails on the regression.
    expect(codes.map((c) => c.code)).toEqual([...codes.slice(0, -1).map(() => 0), 1]);
    expect(codes[codes.length - 1].command).toContain('--fail-on-regression');

    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const sarif = JSON.parse(readFileSync(join(dir, upload.with.sarif_file), 'utf8'));
    expect(validSarif(sarif)).toBe(true);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'spof-loadbalancer');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(env.DESIGN);
    const designLine = readFileSync(join(dir, env.DESIGN), 'utf8').split('\n')[result.locations[0].physicalLocation.region.startLine - 1];
    expect(designLine.trim()).toBe('"id": "lb1",');

    const comment = steps.find((s) => s.run?.startsWith('gh pr comment'))!.run!;
    const body = /--body-file (\S+)/.exec(comment)![1];
    const markdown = readFileSync(join(dir, body), 'utf8');
    expect(markdown).toContain('**Regression:** 1 new single point of failure (`lb1`)');
  });

  it('on a pull request that adds it back: every step passes', () => {
    const { codes } = runRecipe(withoutStandbyLb(), example());
    for (const c of codes) expect(c.code, `${c.command}\n${c.stderr}`).toBe(0);
  });
});
