// Migrations keyed by the version they upgrade from: adding version N + 1 is one
// function here plus its test; `migrate` stamps the new version.
import { CURRENT_VERSION } from './schema';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** From version N to N + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 only adds optional fields (money, the host domain kind): a version 1
  // document is a version 2 document but for its number.
  1: (doc) => ({ ...doc }),
};

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
