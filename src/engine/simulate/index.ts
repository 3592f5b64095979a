// The simulator (DESIGN sections 3 and 4): `simulate`, and SimulationRun for callers that play it in slices.
export { DEFAULT_SEED, DEFAULT_YEARS, playChunk, simulate, SimulationRun } from './run';
export { CHUNK_YEARS, type PlayedYears } from './simulation';
export type { DowntimeDistribution, OutageDistribution, SimulatedFigures, SimulateOptions, SimulationReport } from './run';
