import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, topologyJsonSchema } from '../../src/model';

describe('published JSON Schema', () => {
  it('matches the zod schema (run `npm run schema` after changing it)', () => {
    const published = JSON.parse(readFileSync(`public/schema/spof-topology-${CURRENT_VERSION}.json`, 'utf8'));
    expect(published).toEqual(topologyJsonSchema());
  });

  it('keeps every earlier version published beside the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) {
      const old = JSON.parse(readFileSync(`public/schema/spof-topology-${v}.json`, 'utf8'));
      expect(old.$id).toBe(`https://spof.studio/schema/spof-topology-${v}.json`);
      expect(old.properties.version).toEqual({ type: 'number', const: v });
    }
  });

  it('version 2 adds money and the host domain', () => {
    const schema = topologyJsonSchema() as { properties: Record<string, any> };
    expect(schema.properties.currency.pattern).toBe('^[A-Z]{3}$');
    expect(schema.properties.downtimeCostPerHour).toMatchObject({ minimum: 0 });
    expect(schema.properties.components.items.properties.costPerMonth).toMatchObject({ minimum: 0 });
    expect(schema.properties.domains.items.properties.costPerMonth).toMatchObject({ minimum: 0 });
    expect(schema.properties.domains.items.properties.kind.enum).toContain('host');
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
