// Runs the main commands once, in-process and silently, on a sample design. The launcher
// (scripts/spof.cjs) calls it right after building the bundle and then saves V8's code cache:
// the functions compiled here load as bytecode in every later run instead of being parsed
// and compiled again (about 30 ms of a 500-component analysis on the build machine).
import { withoutOutput } from './io';
import { runCli } from './program';

export async function warmUp(file: string): Promise<void> {
  const exitCode = process.exitCode;
  await withoutOutput(async () => {
    for (const argv of [
      ['validate', file],
      ['analyze', file, '--json', '--slo', '99.99'],
      ['analyze', file, '--fail-on-spof'],
      ['mermaid', file],
      ['plan', file, '--slo', '99.99', '--json'],
    ]) await runCli(argv);
  });
  process.exitCode = exitCode;
}
