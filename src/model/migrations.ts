// Migrations keyed by the version they upgrade from: adding version 2 is one
// function here, `1: (doc) => ({ ...doc, version: 2, ... })`, plus its test.
import { CURRENT_VERSION } from './schema';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** From version N to N + 1. Version 1 is the first, so there is nothing to migrate yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; applied: number[] }
  | { ok: false; reason: 'newer' | 'missing'; version: number };

export function migrate(
  doc: Record<string, unknown>,
  from: number,
  target: number = CURRENT_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrationResult {
  if (from > target) return { ok: false, reason: 'newer', version: from };
  const applied: number[] = [];
  let cur = doc;
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'missing', version: v };
    cur = { ...step(cur), version: v + 1 };
    applied.push(v);
  }
  return { ok: true, doc: cur, applied };
}
