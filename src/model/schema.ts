// The topology format, version 1 (DESIGN section 2). This is the one schema:
// TypeScript types are inferred from it and the published JSON Schema is generated
// from it (scripts/write-schema.ts). Cross-reference rules live in validate.ts.
import { z } from 'zod';

export const FORMAT = 'spof-topology';
export const CURRENT_VERSION = 1;

export const COMPONENT_KINDS = [
  'client', 'dns', 'cdn', 'loadbalancer', 'web', 'app', 'service',
  'database', 'cache', 'storage', 'queue', 'external',
] as const;
export const DOMAIN_KINDS = ['provider', 'region', 'zone', 'datacenter', 'rack', 'group'] as const;
export const ROLES = ['primary', 'replica', 'standby'] as const;
export const STANDBY_TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export const LINK_TYPES = ['dependency', 'replication'] as const;
export const REPLICATION_MODES = ['sync', 'async', 'backup'] as const;
export const DIRECTIONS = ['TB', 'LR'] as const;

export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export type DomainKind = (typeof DOMAIN_KINDS)[number];
export type Role = (typeof ROLES)[number];
export type StandbyTemperature = (typeof STANDBY_TEMPERATURES)[number];
export type ReplicationMode = (typeof REPLICATION_MODES)[number];

const id = z.string().min(1, 'must not be empty');
// Native checks (not refinements) so the published JSON Schema carries the bounds too.
const probability = z.number().gt(0, 'must be > 0 and <= 1').lte(1, 'must be > 0 and <= 1');
const openProbability = z.number().gt(0, 'must be > 0 and < 1').lt(1, 'must be > 0 and < 1');
const positiveHours = z.number().gt(0, 'must be > 0 hours');
const nonNegativeSeconds = z.number().gte(0, 'must be >= 0 seconds');
const positiveInteger = z.number().int('must be a positive integer').gte(1, 'must be a positive integer');

/** Availability of one element: `availability`, or `mtbfHours` with `mttrHours`. */
const reliability = {
  availability: probability.optional(),
  mtbfHours: positiveHours.optional(),
  mttrHours: positiveHours.optional(),
};

export const ComponentSchema = z.strictObject({
  id,
  kind: z.enum(COMPONENT_KINDS),
  label: z.string().optional(),
  slo: openProbability.optional(),
  ...reliability,
  replicas: positiveInteger.optional(),
  minHealthy: positiveInteger.optional(),
  domain: id.optional(),
  domains: z.array(id).min(1, 'must list at least one domain').optional(),
  role: z.enum(ROLES).optional(),
  standby: z.enum(STANDBY_TEMPERATURES).optional(),
  failoverSeconds: nonNegativeSeconds.optional(),
  requires: z.record(z.string().min(1), z.strictObject({ min: positiveInteger })).optional(),
});

export const DomainSchema = z.strictObject({
  id,
  kind: z.enum(DOMAIN_KINDS),
  label: z.string().optional(),
  parent: id.optional(),
  ...reliability,
});

export const LinkSchema = z.strictObject({
  id: id.optional(),
  from: id,
  to: id,
  type: z.enum(LINK_TYPES).optional(),
  label: z.string().optional(),
  optional: z.boolean().optional(),
  group: z.string().min(1, 'must not be empty').optional(),
  availability: probability.optional(),
  mode: z.enum(REPLICATION_MODES).optional(),
  lagSeconds: nonNegativeSeconds.optional(),
  intervalSeconds: nonNegativeSeconds.optional(),
});

const point = z.strictObject({ x: z.number(), y: z.number() });
const size = z.strictObject({ width: z.number().positive(), height: z.number().positive() });

/** What only the UI needs; the analysis ignores it. */
export const ViewSchema = z.strictObject({
  positions: z.record(z.string(), point).optional(),
  sizes: z.record(z.string(), size).optional(),
  viewport: z.strictObject({ x: z.number(), y: z.number(), zoom: z.number().positive() }).optional(),
  direction: z.enum(DIRECTIONS).optional(),
});

export const TopologySchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z.string().default('Untitled design'),
  slo: openProbability.optional(),
  domains: z.array(DomainSchema).default([]),
  components: z.array(ComponentSchema),
  links: z.array(LinkSchema).default([]),
  view: ViewSchema.optional(),
});

export type Component = z.output<typeof ComponentSchema>;
export type FailureDomain = z.output<typeof DomainSchema>;
export type Link = z.output<typeof LinkSchema>;
export type View = z.output<typeof ViewSchema>;
export type Topology = z.output<typeof TopologySchema>;
export type TopologyInput = z.input<typeof TopologySchema>;

/** The JSON Schema published at public/schema/spof-topology-1.json. */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(TopologySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://spof.studio/schema/spof-topology-1.json',
    title: 'SPOF Studio topology, format version 1',
    ...schema,
  };
}
