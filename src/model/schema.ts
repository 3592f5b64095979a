// The topology format, version 2 (DESIGN section 2; version 2 added money and the host domain). This is the one schema:
// TypeScript types are inferred from it and the published JSON Schema is generated
// from it (scripts/write-schema.ts). Cross-reference rules live in validate.ts.
// zod/mini: the same engine as classic zod without the chained methods, a quarter of its size;
// it is loaded by the page and by every `spof` run, so its size is start-up time.
import * as z from 'zod/mini';
import { MAX_COMPONENTS, MAX_DOMAINS, MAX_LINKS, MAX_MONEY, MAX_REPLICAS, numberText } from './limits';

export const FORMAT = 'spof-topology';
export const CURRENT_VERSION = 2;

export const COMPONENT_KINDS = [
  'client', 'dns', 'cdn', 'loadbalancer', 'web', 'app', 'service',
  'database', 'cache', 'storage', 'queue', 'external',
] as const;
export const DOMAIN_KINDS = ['provider', 'region', 'zone', 'datacenter', 'rack', 'host', 'group'] as const;
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

const id = z.string().check(z.minLength(1, 'must not be empty'));
// Native checks (not refinements) so the published JSON Schema carries the bounds too.
const probability = z.number().check(z.gt(0, 'must be > 0 and <= 1'), z.lte(1, 'must be > 0 and <= 1'));
const openProbability = z.number().check(z.gt(0, 'must be > 0 and < 1'), z.lt(1, 'must be > 0 and < 1'));
const positiveHours = z.number().check(z.gt(0, 'must be > 0 hours'));
const nonNegativeSeconds = z.number().check(z.gte(0, 'must be >= 0 seconds'));
const positiveInteger = z.int('must be a positive integer').check(z.gte(1, 'must be a positive integer'));
/** A pool's size (and how many of it must work): bounded so that every document is analysed in bounded memory. */
const poolSize = z.int('must be a positive integer').check(z.gte(1, 'must be a positive integer'), z.lte(MAX_REPLICAS, `must be at most ${numberText(MAX_REPLICAS)}`));
/** A list bounded by its limit (src/model/limits.ts). */
const list = <T extends z.ZodMiniType>(item: T, max: number, what: string) => z.array(item).check(z.maxLength(max, `at most ${numberText(max)} ${what}`));
const money = z.number().check(z.gte(0, 'must be >= 0'), z.lte(MAX_MONEY, `must be at most ${numberText(MAX_MONEY)}`));
// ISO 4217: three capital letters (USD, EUR, JPY); Intl.NumberFormat formats it.
const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code of three capital letters, like "USD"'));

/** Availability of one element: `availability`, or `mtbfHours` with `mttrHours`. */
const reliability = {
  availability: z.optional(probability),
  mtbfHours: z.optional(positiveHours),
  mttrHours: z.optional(positiveHours),
};

/** One group's entry in `requires`. */
export const RequirementSchema = z.strictObject({ min: positiveInteger });

export const ComponentSchema = z.strictObject({
  id,
  kind: z.enum(COMPONENT_KINDS),
  label: z.optional(z.string()),
  slo: z.optional(openProbability),
  ...reliability,
  replicas: z.optional(poolSize),
  minHealthy: z.optional(poolSize),
  domain: z.optional(id),
  domains: z.optional(z.array(id).check(z.minLength(1, 'must list at least one domain'))),
  role: z.optional(z.enum(ROLES)),
  standby: z.optional(z.enum(STANDBY_TEMPERATURES)),
  failoverSeconds: z.optional(nonNegativeSeconds),
  requires: z.optional(z.record(z.string().check(z.minLength(1, 'must name a group')), RequirementSchema)),
  /** Version 2: what one instance costs a month. */
  costPerMonth: z.optional(money),
  /** Version 2, clients: what an hour of this client's outage costs. */
  downtimeCostPerHour: z.optional(money),
});

export const DomainSchema = z.strictObject({
  id,
  kind: z.enum(DOMAIN_KINDS),
  label: z.optional(z.string()),
  parent: z.optional(id),
  ...reliability,
  /** Version 2: the domain's own fixed cost a month. */
  costPerMonth: z.optional(money),
});

export const LinkSchema = z.strictObject({
  id: z.optional(id),
  from: id,
  to: id,
  type: z.optional(z.enum(LINK_TYPES)),
  label: z.optional(z.string()),
  optional: z.optional(z.boolean()),
  group: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  availability: z.optional(probability),
  mode: z.optional(z.enum(REPLICATION_MODES)),
  lagSeconds: z.optional(nonNegativeSeconds),
  intervalSeconds: z.optional(nonNegativeSeconds),
});

// The canvas is large but finite: a coordinate of 1e300 would make fit-view and layout compute Infinity.
const COORDINATE = 1e8;
const coordinate = z.number().check(z.gte(-COORDINATE, `must be between -${COORDINATE} and ${COORDINATE}`), z.lte(COORDINATE, `must be between -${COORDINATE} and ${COORDINATE}`));
const positive = z.number().check(z.positive('must be > 0'), z.lte(COORDINATE, `must be at most ${COORDINATE}`));
export const PointSchema = z.strictObject({ x: coordinate, y: coordinate });
export const SizeSchema = z.strictObject({ width: positive, height: positive });

/** What only the UI needs; the analysis ignores it. */
export const ViewSchema = z.strictObject({
  positions: z.optional(z.record(z.string(), PointSchema)),
  sizes: z.optional(z.record(z.string(), SizeSchema)),
  viewport: z.optional(z.strictObject({ x: coordinate, y: coordinate, zoom: positive })),
  direction: z.optional(z.enum(DIRECTIONS)),
});

export const TopologySchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z._default(z.string(), 'Untitled design'),
  slo: z.optional(openProbability),
  /** Version 2: the currency of every cost in the document (default USD). */
  currency: z.optional(currency),
  /** Version 2: the downtime cost an hour of clients without their own. */
  downtimeCostPerHour: z.optional(money),
  domains: z._default(list(DomainSchema, MAX_DOMAINS, 'domains'), []),
  components: list(ComponentSchema, MAX_COMPONENTS, 'components'),
  links: z._default(list(LinkSchema, MAX_LINKS, 'links'), []),
  view: z.optional(ViewSchema),
});

export type Component = z.output<typeof ComponentSchema>;
export type FailureDomain = z.output<typeof DomainSchema>;
export type Link = z.output<typeof LinkSchema>;
export type View = z.output<typeof ViewSchema>;
export type Topology = z.output<typeof TopologySchema>;
export type TopologyInput = z.input<typeof TopologySchema>;

/** The JSON Schema of the current version, published at public/schema/spof-topology-<version>.json.
 * Earlier versions' files stay published as they were written (a reader of version 1 files still needs them). */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(TopologySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://spof.studio/schema/spof-topology-${CURRENT_VERSION}.json`,
    title: `SPOF Studio topology, format version ${CURRENT_VERSION}`,
    ...schema,
  };
}
