#!/usr/bin/env node
// `npm run -s spof -- <command>`: the engine headless, for CI gates (DESIGN section 4).
import { runCli } from './program';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
