import type { Command } from 'commander';
import { EXIT_BAD_INPUT, errorLines, readTopologyFile, textLines, warningLines, writeHumanStdout, writeStderr } from './io';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a topology file: warnings are printed; errors are listed on stderr, one line each with its path (exit 2)')
    .argument('<file>', 'a .spof.json topology')
    .action((file: string) => {
      const read = readTopologyFile(file);
      if (!read.ok) {
        writeStderr(textLines(errorLines(file, read.errors)));
        process.exitCode = EXIT_BAD_INPUT;
        return;
      }
      const { topology, warnings } = read;
      writeHumanStdout(textLines([...warningLines(topology, warnings).map((w) => `warning: ${w}`), `${file}: valid (${topology.components.length} components, ${topology.domains.length} domains, ${topology.links.length} links${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''})`]));
    });
}
