// The command line's program: every command registered, errors mapped to exit codes.
import { Command, CommanderError } from 'commander';
import { CliError, EXIT_BAD_INPUT, ReaderGone, writeStderr, writeStdout } from './io';
import { terminalSafe } from '../io/safeText';
import { registerValidate } from './validate';
import { registerAnalyze } from './analyze';
import { registerMermaid } from './mermaid';
import { registerImportMermaid } from './importMermaid';
import { registerPlan } from './plan';
import { registerSimulate } from './simulate';
import { registerDiff } from './diff';
import { registerImport } from './importInfra';

export function buildProgram(): Command {
  const program = new Command('spof')
    .description('SPOF Studio: analyse architecture topologies for single points of failure')
    // A usage mistake is one line and a hint (runCli writes it), not the whole help.
    .configureOutput({ writeOut: writeStdout, writeErr: writeStderr, outputError: () => undefined })
    .exitOverride();
  registerValidate(program);
  registerAnalyze(program);
  registerMermaid(program);
  registerImportMermaid(program);
  registerPlan(program);
  registerSimulate(program);
  registerDiff(program);
  registerImport(program);
  return program;
}

/** Runs one command line; resolves to the exit code (DESIGN section 4). */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    writeStderr(`spof: no command given; the commands are ${program.commands.map((c) => c.name()).join(', ')} (see \`spof --help\`)\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof ReaderGone) return process.exitCode === undefined ? 0 : Number(process.exitCode);
    if (e instanceof CliError) {
      // One line, whatever the message holds (a file name with a newline in it).
      writeStderr(`spof: ${terminalSafe(e.message, { oneLine: true })}\n`);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      // Help and version requests are not errors; usage mistakes are bad input.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      writeStderr(`${usageError(program, argv, e.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    // A defect of ours, not of the input: one line (the stack with SPOF_DEBUG=1), exit 70.
    const detail = process.env.SPOF_DEBUG ? (e as Error).stack ?? String(e) : `${(e as Error).name ?? 'Error'}: ${(e as Error).message ?? String(e)}`;
    writeStderr(`spof: internal error (please report it): ${detail}\n`);
    return 70;
  }
}

/**
 * A usage mistake as one line: the command it was made with, commander's reason (its
 * suggestion joined in) and where the whole usage is: `spof analyze: unknown option '--jsn'
 * (did you mean --json? see `spof analyze --help`)`.
 */
export function usageError(program: Command, argv: string[], message: string): string {
  const sub = program.commands.find((c) => c.name() === argv[0] || c.aliases().includes(argv[0]));
  const name = sub ? `spof ${sub.name()}` : 'spof';
  const [reason, ...rest] = message.replace(/^error: /, '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const suggestion = rest.join(' ').replace(/^\((.*)\)$/, '$1').replace(/^Did you/, 'did you');
  const hint = `see \`${name} --help\``;
  return terminalSafe(`${name}: ${reason.replace(/\.$/, '')} (${suggestion ? `${suggestion} ` : ''}${hint})`, { oneLine: true });
}
