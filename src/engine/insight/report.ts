// The engine's report as the insight layer reads it. Kept as a type-only import so the
// insight layer depends on the engine's contract, not on how the engine computes it.
export type { ElementType, Report } from '../index';
