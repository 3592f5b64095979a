// The entry of the CLI bundle that scripts/spof.cjs loads: nothing runs on import, so the
// launcher can first warm the code up and save V8's compiled code (see warmUp.ts).
export { runCli } from './program';
export { warmUp } from './warmUp';
export { simulationWorker } from './simulateThreads';
