// What the Terraform importer works from, whichever way it was read (.tf files through the
// HCL parser, or `terraform show -json`): resources with their values, references and lines;
// module calls; providers and their regions.
import type { ImportNote, ImportSource } from '../notes';

/** A value, or why it cannot be known from the files (with the line that made it so). */
export type Value = { known: true; value: unknown } | { known: false; reason: string; line?: number };

export const known = (value: unknown): Value => ({ known: true, value });
export const unknown = (reason: string, line?: number): Value => ({ known: false, reason, line });

/** A reference from one resource to another resource or module (`aws_lb_target_group.app`). */
export interface TfRef {
  /** The address referred to, in the referrer's module (`module.db.aws_db_instance.this`, `module.vpc`). */
  address: string;
  /** The attribute read (`arn`, `private_subnets`), when there is one. */
  attribute?: string;
  /** The referrer's attribute path that holds it (`default_action.target_group_arn`). */
  from: string;
  line?: number;
}

export interface TfResource {
  address: string;
  type: string;
  name: string;
  /** `module.app` (nested: `module.app.module.db`), or '' at the root. */
  module: string;
  /** The provider configuration it uses: `aws`, `aws.west`, `google`. */
  provider: string;
  source: ImportSource;
  /** Instances from `count` / `for_each` (1 without either, or when they cannot be evaluated). */
  instances: number;
  /** The value at a dotted path (`settings.availability_type`); through repeated blocks, a list. */
  attr(path: string): Value;
  lineOf(path: string): number | undefined;
  refs: TfRef[];
}

/** A `module` call whose source is not in the files (a registry module): read by its documented arguments. */
export interface TfModuleCall {
  address: string;
  name: string;
  source: string;
  module: string;
  provider: string;
  /** Instances from the call's `count` / `for_each` (and those of the modules around it). */
  instances: number;
  src: ImportSource;
  attr(path: string): Value;
  lineOf(path: string): number | undefined;
  refs: TfRef[];
}

export interface TfProvider {
  /** `aws`, or `aws.west` for an aliased configuration. */
  key: string;
  name: string;
  region: Value;
  source?: ImportSource;
}

export interface TfConfig {
  resources: TfResource[];
  modules: TfModuleCall[];
  providers: TfProvider[];
  notes: ImportNote[];
}

/** `aws_lb.web` -> `aws`; `google_sql_database_instance.x` -> `google`. */
export function providerOfType(type: string): string {
  return type.split('_')[0];
}

export function describeValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
