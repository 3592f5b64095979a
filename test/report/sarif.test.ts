// `analyze --format sarif`: valid SARIF 2.1.0 (checked against the schema vendored beside this
// file), the finding catalogue as rules, one result per finding at its element's line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { FINDING_RULES, insight } from '../../src/engine/insight';
import { serializeTopology, type Topology } from '../../src/model';
import { artifactLocation, toSarif } from '../../src/report/sarif';
import { TEMPLATES } from '../../src/templates';
import { hostile } from '../io/fixtures';
import { EXAMPLE, example, withoutStandbyLb } from './designs';

// The schema's `language` pattern has a stray `]`: valid as a plain regular expression, not with the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync('test/report/sarif-schema/sarif-2.1.0-rtm.5.json', 'utf8')));

function expectValid(log: unknown): void {
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
}

function sarifOf(t: Topology, file: string, text = serializeTopology(t)): Log {
  return toSarif({ file, text, findings: insight(t, analyze(t)).findings });
}

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'spof-sarif-'));

/** The line a result points at, and the line where its region ends. */
function linesOf(text: string, r: Result): { start: string; end: string } {
  const lines = text.split(/\r\n|\n|\r/);
  const region = r.locations![0].physicalLocation!.region!;
  return { start: lines[region.startLine! - 1], end: lines[(region.endLine ?? region.startLine!) - 1] };
}

describe('SARIF 2.1.0', () => {
  it('the schema itself rejects a broken log (the validator is live)', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validateSarif({ version: '2.2', runs: [] })).toBe(false);
    const log = sarifOf(example(), 'a.spof.json');
    expect(validateSarif(log)).toBe(true);
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(broken)).toBe(false);
    expect(validateSarif.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/0/locations/0/physicalLocation/region/startLine']));
  });

  it('spof analyze --format sarif: valid, one result per finding, each at its element', () => {
    const r = spof('analyze', EXAMPLE, '--format', 'sarif');
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as Log;
    expectValid(log);
    const run = log.runs[0];
    const t = example();
    const findings = insight(t, analyze(t)).findings;
    expect(run.results).toHaveLength(findings.length);
    const text = readFileSync(EXAMPLE, 'utf8');
    for (const [i, f] of findings.entries()) {
      const result = run.results![i];
      expect(result.ruleId).toBe(f.code);
      expect(run.tool.driver.rules![result.ruleIndex!].id).toBe(f.code);
      expect(result.level).toBe({ high: 'error', medium: 'warning', low: 'note' }[f.severity]);
      expect(result.message.text).toContain(f.message);
      expect(result.locations![0].physicalLocation!.artifactLocation).toMatchObject({ uri: 'examples/three-tier.spof.json', uriBaseId: '%SRCROOT%' });
      // The first element of the finding that has an id stands on the line of that id.
      const first = f.ids[0];
      const { start } = linesOf(text, result);
      if (first.includes('->')) {
        const [from, to] = first.split('->');
        expect(start).toContain(`"from": "${from}", "to": "${to}"`);
      } else {
        expect(start).toContain(`"id": "${first.replace(/#\d+$/, '').replace(/^failover:/, '')}"`);
      }
    }
    const dns = run.results!.find((x) => x.ruleId === 'spof-dns')!;
    expect(dns.locations![0].physicalLocation!.region).toEqual({ startLine: 14, startColumn: 7, endLine: 14, endColumn: 51 });
    expect(dns.locations![0].logicalLocations![0]).toEqual({ name: 'dns', fullyQualifiedName: 'components[1]', kind: 'object' });
  });

  it('the rules are the whole finding catalogue: code as id, short and full description, help', () => {
    const log = sarifOf(example(), 'design.spof.json');
    const rules = log.runs[0].tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(FINDING_RULES.map((r) => r.code));
    for (const [i, rule] of rules.entries()) {
      const source = FINDING_RULES[i];
      expect(rule.shortDescription!.text.toLowerCase()).toBe(source.title.toLowerCase());
      expect(rule.fullDescription!.text).toBe(source.description);
      expect(rule.fullDescription!.text.length).toBeGreaterThan(rule.shortDescription!.text.length);
      expect(rule.help!.text).toBe(source.help);
      expect(rule.defaultConfiguration!.level).toBe({ high: 'error', medium: 'warning', low: 'note' }[source.severity]);
    }
  });

  it('pretty-printed and CRLF files: the region runs from the id line to the closing brace of the element', () => {
    const t = withoutStandbyLb();
    const pretty = serializeTopology(t);
    for (const text of [pretty, pretty.replace(/\n/g, '\r\n')]) {
      const log = sarifOf(t, 'pretty.spof.json', text);
      expectValid(log);
      const lb = log.runs[0].results!.find((r) => r.ruleId === 'spof-loadbalancer')!;
      const { start, end } = linesOf(text, lb);
      expect(start.trim()).toBe('"id": "lb1",');
      expect(end.trim()).toMatch(/^},?$/);
      expect(lb.locations![0].physicalLocation!.region!.startColumn).toBe(start.indexOf('"id"') + 1);
    }
  });

  it('the same finding keeps its fingerprint when its lines move', () => {
    const t = example();
    const compact = sarifOf(t, 'a.spof.json', JSON.stringify(t));
    const pretty = sarifOf(t, 'a.spof.json');
    const prints = (l: Log) => l.runs[0].results!.map((r) => r.partialFingerprints);
    expect(prints(compact)).toEqual(prints(pretty));
    expect(compact.runs[0].results![0].locations![0].physicalLocation!.region!.startLine).toBe(1);
    expect(pretty.runs[0].results![0].locations![0].physicalLocation!.region!.startLine).toBeGreaterThan(1);
  });

  it.each(TEMPLATES.map((t) => [t.id, t.topology] as const))('template %s: valid, every result located on its element', (id, t) => {
    const text = serializeTopology(t);
    const log = sarifOf(t, `designs/${id}.spof.json`, text);
    expectValid(log);
    for (const r of log.runs[0].results!) {
      const name = r.locations![0].logicalLocations![0].name!;
      const { start } = linesOf(text, r);
      if (!name.includes('->')) expect(start).toContain(JSON.stringify(name.replace(/#\d+$/, '').replace(/^failover:/, '')));
    }
  });

  it('hostile labels and ids stay valid SARIF; file names become URIs', () => {
    expectValid(sarifOf(hostile(), 'my designs/hostile #1.spof.json'));
    expect(artifactLocation('my designs/hostile #1.spof.json')).toEqual({ uri: 'my%20designs/hostile%20%231.spof.json', uriBaseId: '%SRCROOT%', index: 0 });
    expect(artifactLocation('./a/b.json').uri).toBe('a/b.json');
    expect(artifactLocation('/abs/path x.json')).toEqual({ uri: 'file:///abs/path%20x.json', index: 0 });
    expect(artifactLocation('C:\\work\\d.json').uri).toBe('file:///C:/work/d.json');
  });

  it('--json and --format agree; an unknown format or a conflict exits 2', () => {
    const file = join(dir, 'x.spof.json');
    writeFileSync(file, readFileSync(EXAMPLE));
    expect(spof('analyze', file, '--json').stdout).toBe(spof('analyze', file, '--format', 'json').stdout);
    const bad = spof('analyze', file, '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format: must be one of text, json, markdown, html, sarif');
    expect(spof('analyze', file, '--json', '--format', 'sarif').code).toBe(2);
  });
});
