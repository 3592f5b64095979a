// Instances in all (MAX_INSTANCES) were counted three times, in the loader, the importers and
// the planner, and the importers counted a client's replicas where the loader did not: the
// same design could pass one and be refused by the next. One count now (instancesOf in
// src/model/derive.ts); these tests hold the three readers to the same answer at the limit,
// with pools, replicas, standbys, an active-passive pool and a client that has replicas.
import { describe, expect, it } from 'vitest';
import { buildStructure } from '../../src/engine/structure';
import { withinLimits } from '../../src/engine/insight/moves';
import { limitProblems } from '../../src/import/limits';
import type { ImportedSystem } from '../../src/import/types';
import { formatProblem, instanceCount, MAX_INSTANCES, parseTopology, type Component, type Topology } from '../../src/model';

/** 100,000 instances exactly: a client's replicas count for nothing, every other instance for one. */
function atLimit(): Component[] {
  const components: Component[] = [
    { id: 'u', kind: 'client', replicas: 5 },
    { id: 'db', kind: 'database' },
    { id: 'db-r', kind: 'database', role: 'replica', replicas: 999 },
    { id: 'db-s', kind: 'database', role: 'standby', standby: 'warm', replicas: 1000 },
    { id: 'app', kind: 'app', replicas: 1000, standby: 'hot' },
  ];
  for (let i = 0; i < 97; i++) components.push({ id: `p${i}`, kind: 'service', replicas: 1000 });
  return components;
}

const topology = (components: Component[]): Topology => ({ format: 'spof-topology', version: 2, name: 'At the limit', components, domains: [], links: [] });

function loaderCount(components: Component[]): 'accepted' | string {
  const r = parseTopology(topology(components));
  return r.ok ? 'accepted' : r.errors.map(formatProblem).join('\n');
}

function importerCount(components: Component[]): 'accepted' | string {
  const system: ImportedSystem = {
    components: components.map((c, i) => ({ id: c.id, kind: c.kind, replicas: c.replicas, role: c.role, standby: c.standby, source: { file: 'compose.yaml', line: i + 1 } })),
    links: [], domains: [], notes: [],
  };
  const problems = limitProblems(system);
  return problems.length === 0 ? 'accepted' : problems.map((p) => p.message).join('\n');
}

function plannerCount(before: Component[], after: Component[]): 'accepted' | 'refused' {
  return withinLimits(topology(before), topology(after)) ? 'accepted' : 'refused';
}

const withReplicas = (components: Component[], id: string, replicas: number) => components.map((c) => (c.id === id ? { ...c, replicas } : c));

describe('instances in all: one count for the loader, the importers and the planner', () => {
  it('a design of exactly 100,000 instances is accepted by all three', () => {
    const doc = atLimit();
    expect(instanceCount(doc)).toBe(MAX_INSTANCES);
    expect(loaderCount(doc)).toBe('accepted');
    expect(importerCount(doc)).toBe('accepted');
    expect(plannerCount(withReplicas(doc, 'db', 2), doc)).toBe('accepted');
  });

  it('one more instance, of a primary, a replica or a standby added, is refused by all three', () => {
    for (const [id, replicas] of [['db', 2], ['db-r', 1000]] as const) {
      const doc = withReplicas(atLimit(), id, replicas);
      expect(instanceCount(doc)).toBe(MAX_INSTANCES + 1);
      expect(loaderCount(doc)).toContain('components: 100,001 instances (replicas summed); at most 100,000 are analysed');
      expect(importerCount(doc)).toContain('100,001 instances in all: a design has at most 100,000');
      // The planner counts a move that changes one component, and one that adds a component.
      expect(plannerCount(atLimit(), doc)).toBe('refused');
    }
    const added = [...atLimit(), { id: 'db-s2', kind: 'database', role: 'standby', standby: 'cold' } as Component];
    expect(loaderCount(added)).toContain('100,001 instances');
    expect(importerCount(added)).toContain('100,001 instances');
    expect(plannerCount(atLimit(), added)).toBe('refused');
  });

  it("a client's replicas are no instances for any of the three", () => {
    const doc = withReplicas(atLimit(), 'u', 1000);
    expect(instanceCount(doc)).toBe(MAX_INSTANCES);
    expect(loaderCount(doc)).toBe('accepted');
    expect(importerCount(doc)).toBe('accepted');
    expect(plannerCount(atLimit(), doc)).toBe('accepted');
  });

  it('the count is the number of instances the analysis makes', () => {
    const small: Component[] = [
      { id: 'u', kind: 'client', replicas: 3 },
      { id: 'db', kind: 'database' },
      { id: 'db-r', kind: 'database', role: 'replica', replicas: 2 },
      { id: 'db-s', kind: 'database', role: 'standby', standby: 'warm', replicas: 3 },
      { id: 'app', kind: 'app', replicas: 4, standby: 'hot' },
    ];
    const elements = buildStructure(topology(small)).elements.filter((e) => e.type === 'component' || e.type === 'instance');
    expect(elements).toHaveLength(instanceCount(small));
    expect(instanceCount(small)).toBe(1 + 2 + 3 + 4);
  });
});
