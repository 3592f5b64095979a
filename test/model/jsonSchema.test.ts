import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topologyJsonSchema } from '../../src/model';

describe('published JSON Schema', () => {
  it('matches the zod schema (run `npm run schema` after changing it)', () => {
    const published = JSON.parse(readFileSync('public/schema/spof-topology-1.json', 'utf8'));
    expect(published).toEqual(topologyJsonSchema());
  });

  it('carries the bounds and the closed key sets of the format', () => {
    const schema = topologyJsonSchema() as { additionalProperties: boolean; properties: Record<string, any> };
    expect(schema.additionalProperties).toBe(false);
    const component = schema.properties.components.items;
    expect(component.properties.availability).toMatchObject({ exclusiveMinimum: 0, maximum: 1 });
    expect(component.properties.kind.enum).toContain('loadbalancer');
    expect(component.additionalProperties).toBe(false);
  });
});
