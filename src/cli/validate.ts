import type { Command } from 'commander';
import { EXIT_BAD_INPUT, errorLines, listedWarningLines, readTopologyFile, textLines, writeHumanStdout, writeStderr } from './io';
import { designSize } from './importNotes';
import { numberText } from '../model';

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
      // Summed up past MAX_LISTED_PROBLEMS lines, as errors are, and the same warning of many elements in one line.
      const shown = listedWarningLines(topology, warnings);
      writeHumanStdout(textLines([...shown, `${file}: valid (${designSize(topology)}${warnings.length ? `, ${numberText(warnings.length)} warning${warnings.length === 1 ? '' : 's'}` : ''})`]));
    });
}
