import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseTopology, serializeTopology, type Problem } from '../../src/model';
import { baseDoc, type Doc } from './helpers';

function errorsOf(input: unknown): Problem[] {
  const r = parseTopology(input);
  if (r.ok) throw new Error('expected the document to be rejected');
  return r.errors;
}

function warningsOf(input: unknown): Problem[] {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(`expected a valid document, got ${r.errors.map(formatProblem).join('; ')}`);
  return r.warnings;
}

function withDoc(edit: (d: Doc) => void): Doc {
  const d = baseDoc();
  edit(d);
  return d;
}

describe('parseTopology accepts', () => {
  it('the example of DESIGN section 2 with no warnings', () => {
    const r = parseTopology(readFileSync('examples/three-tier.spof.json', 'utf8'));
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('a value as well as text, and fills defaults', () => {
    const r = parseTopology({ format: 'spof-topology', version: 1, components: [{ id: 'u', kind: 'client' }] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.topology.name).toBe('Untitled design');
      expect(r.topology.links).toEqual([]);
      expect(r.topology.domains).toEqual([]);
    }
  });

  it('serializes to text that parses back to the same document', () => {
    const r = parseTopology(baseDoc());
    if (!r.ok) throw new Error('base doc invalid');
    const again = parseTopology(serializeTopology(r.topology));
    expect(again.ok && again.topology).toEqual(r.topology);
  });
});

describe('parseTopology rejects, naming the path and the reason', () => {
  it('text that is not JSON, with line and column', () => {
    const [e] = errorsOf('{\n  "format": "spof-topology",\n  "version": 1,\n  "components": [}\n');
    expect(e.code).toBe('not-json');
    expect(e.path).toBe('line 4, column 18');
  });

  it('an empty file', () => {
    expect(formatProblem(errorsOf('')[0])).toMatch(/line 1, column 1: not valid JSON: the file is empty/);
  });

  it('a document that is not an object', () => {
    expect(errorsOf('[1,2]')[0].code).toBe('not-object');
    expect(errorsOf(null)[0].code).toBe('not-object');
  });

  it('a missing or wrong format', () => {
    expect(errorsOf({ version: 1, components: [] })[0]).toMatchObject({ code: 'missing-format', path: 'format' });
    expect(errorsOf({ format: 'drawio', version: 1, components: [] })[0]).toMatchObject({ code: 'wrong-format', path: 'format' });
  });

  it('a version newer than this build', () => {
    const [e] = errorsOf({ ...baseDoc(), version: 3 });
    expect(e).toMatchObject({ code: 'newer-version', path: 'version' });
    expect(e.message).toMatch(/made by a newer SPOF Studio/);
  });

  it('a version that is not a positive integer', () => {
    expect(errorsOf({ ...baseDoc(), version: '1' })[0]).toMatchObject({ code: 'bad-version', path: 'version' });
    expect(errorsOf({ ...baseDoc(), version: 0 })[0]).toMatchObject({ code: 'bad-version', path: 'version' });
  });

  it('an availability out of range, with the value', () => {
    const errors = errorsOf(withDoc((d) => { d.components[3].availability = 1.5; }));
    expect(errors.map(formatProblem)).toEqual(['components[3].availability: must be > 0 and <= 1 (got 1.5)']);
  });

  it('wrong types and missing fields', () => {
    const errors = errorsOf(withDoc((d) => {
      (d.components[1] as Record<string, unknown>).availability = 'high';
      delete (d.components[2] as Record<string, unknown>).kind;
    }));
    expect(errors.map(formatProblem)).toEqual(expect.arrayContaining([
      'components[1].availability: expected number (got string "high")',
    ]));
    expect(formatProblem(errors[1])).toMatch(/^components\[2\]\.kind: missing \(expected one of client, dns/);
  });

  it('a null, an array or an object where a value belongs is said once, not "got null null"', () => {
    const errors = errorsOf(withDoc((d) => {
      (d.components[1] as Record<string, unknown>).availability = null;
      (d.components[2] as Record<string, unknown>).label = ['a'];
      (d.components[3] as Record<string, unknown>).replicas = { n: 2 };
    }));
    expect(errors.map(formatProblem)).toEqual(expect.arrayContaining([
      'components[1].availability: expected number (got null)',
      'components[2].label: expected string (got an array)',
      'components[3].replicas: expected number (got an object)',
    ]));
  });

  it('unknown kinds', () => {
    const [e] = errorsOf(withDoc((d) => { (d.components[1] as Record<string, unknown>).kind = 'router'; }));
    expect(e).toMatchObject({ code: 'unknown-kind', path: 'components[1].kind' });
    expect(e.message).toContain('"router"');
    expect(errorsOf(withDoc((d) => { (d.domains[0] as Record<string, unknown>).kind = 'continent'; }))[0].path).toBe('domains[0].kind');
  });

  it('unknown keys, at the top level and inside', () => {
    const errors = errorsOf({ ...withDoc((d) => { (d.links[0] as Record<string, unknown>).weight = 3; }), colour: 'red' });
    expect(errors.map((e) => [e.code, e.path])).toEqual(expect.arrayContaining([['unknown-key', 'colour'], ['unknown-key', 'links[0].weight']]));
  });

  it('duplicate ids across components, domains and links', () => {
    const errors = errorsOf(withDoc((d) => {
      d.components[1].id = 'z1';
      d.links[4].id = 'app';
    }));
    expect(errors.map(formatProblem)).toEqual(expect.arrayContaining([
      'components[1].id: duplicate id "z1" (also domains[1].id)',
      'links[4].id: duplicate id "app" (also components[2].id)',
    ]));
  });

  it('dangling references of links, domain, domains and parent', () => {
    const errors = errorsOf(withDoc((d) => {
      d.links[0].to = 'nowhere';
      d.links[1].from = 'ghost';
      d.components[1].domain = 'z9';
      d.components[2].domains = ['z1', 'z8'];
      d.domains[1].parent = 'r9';
    }));
    expect(errors.map((e) => [e.code, e.path])).toEqual(expect.arrayContaining([
      ['dangling-reference', 'links[0].to'],
      ['dangling-reference', 'links[1].from'],
      ['dangling-reference', 'components[1].domain'],
      ['dangling-reference', 'components[2].domains[1]'],
      ['dangling-reference', 'domains[1].parent'],
    ]));
  });

  it('domain parent cycles', () => {
    const [e] = errorsOf(withDoc((d) => { d.domains[0].parent = 'z1'; }));
    expect(e.code).toBe('domain-cycle');
    expect(e.message).toMatch(/r1 -> z1 -> r1|z1 -> r1 -> z1/);
  });

  it('self links', () => {
    expect(errorsOf(withDoc((d) => { d.links.push({ from: 'app', to: 'app' }); }))[0]).toMatchObject({ code: 'self-link', path: 'links[5].to' });
  });

  it('replicas that are not a positive integer', () => {
    expect(formatProblem(errorsOf(withDoc((d) => { d.components[2].replicas = 2.5; }))[0])).toBe('components[2].replicas: must be a positive integer (got 2.5)');
    expect(errorsOf(withDoc((d) => { d.components[2].replicas = 0; }))[0].path).toBe('components[2].replicas');
  });

  it('minHealthy below 1', () => {
    expect(errorsOf(withDoc((d) => { d.components[2].minHealthy = 0; }))[0].path).toBe('components[2].minHealthy');
  });

  it('an empty group name in requires, and a view size that is not positive, each with its reason', () => {
    const errors = errorsOf(withDoc((d) => {
      d.components[2].requires = { '': { min: 1 } };
      (d as { view?: unknown }).view = { viewport: { x: 0, y: 0, zoom: 0 } };
    }));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'components[2].requires[""]', message: 'invalid key: must name a group' }),
      expect.objectContaining({ path: 'view.viewport.zoom', message: 'must be > 0 (got 0)' }),
    ]);
  });

  it('availability given together with mtbfHours, or mtbfHours without mttrHours', () => {
    expect(errorsOf(withDoc((d) => { Object.assign(d.components[3], { availability: 0.99, mtbfHours: 100, mttrHours: 1 }); }))[0].code).toBe('reliability-conflict');
    expect(errorsOf(withDoc((d) => { d.components[3].mtbfHours = 100; }))[0].path).toBe('components[3].mttrHours');
  });

  it('replication fields on dependency links and dependency fields on replication links', () => {
    expect(errorsOf(withDoc((d) => { d.links[0].mode = 'sync'; }))[0]).toMatchObject({ code: 'dependency-field', path: 'links[0].mode' });
    expect(errorsOf(withDoc((d) => { d.links[4].optional = true; }))[0]).toMatchObject({ code: 'replication-field', path: 'links[4].optional' });
  });

  it('a repeated link', () => {
    expect(errorsOf(withDoc((d) => { d.links.push({ from: 'lb', to: 'app' }); }))[0]).toMatchObject({ code: 'duplicate-link', path: 'links[5]' });
  });

  it('every error at once, not just the first', () => {
    const errors = errorsOf(withDoc((d) => {
      d.components[1].availability = 2;
      d.components[3].availability = -1;
    }));
    expect(errors.map((e) => e.path)).toEqual(['components[1].availability', 'components[3].availability']);
  });
});

describe('parseTopology warns', () => {
  it('when there is no client', () => {
    const w = warningsOf(withDoc((d) => {
      d.components[0] = { id: 'users', kind: 'web' };
    }));
    expect(w.map((x) => x.code)).toContain('no-client');
  });

  it('about an orphan component and one no client reaches', () => {
    const w = warningsOf(withDoc((d) => {
      d.components.push({ id: 'lonely', kind: 'service' }, { id: 'batch', kind: 'service' }, { id: 'store', kind: 'storage' });
      d.links.push({ from: 'batch', to: 'store' });
    }));
    expect(w.map((x) => [x.code, x.path])).toEqual([
      ['orphan', 'components[5]'],
      ['unreachable', 'components[6]'],
      ['unreachable', 'components[7]'],
    ]);
  });

  it('about replication between different kinds', () => {
    const w = warningsOf(withDoc((d) => {
      d.components.push({ id: 'cache', kind: 'cache' });
      d.links.push({ from: 'app', to: 'cache' }, { from: 'db', to: 'cache', type: 'replication', mode: 'async' });
    }));
    expect(w.map((x) => [x.code, x.path])).toEqual([['replication-kinds', 'links[6]']]);
  });

  it('not at all for a clean design', () => {
    expect(warningsOf(baseDoc())).toEqual([]);
  });
});
