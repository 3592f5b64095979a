import type { Command } from 'commander';
import { EXIT_BAD_INPUT, MAX_LISTED_PROBLEMS, errorLines, readTopologyFile, textLines, warningLines, writeHumanStdout, writeStderr } from './io';
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
      // Summed up past MAX_LISTED_PROBLEMS, as errors are: 500,000 `requires` groups with no
      // link printed 94 MB in 15 s of CPU. Only the lines shown are made (one per warning).
      const shown = warningLines(topology, warnings.slice(0, MAX_LISTED_PROBLEMS)).map((w) => `warning: ${w}`);
      const more = warnings.length - MAX_LISTED_PROBLEMS;
      if (more > 0) shown.push(`warning: ... and ${more.toLocaleString('en-US')} more warning${more === 1 ? '' : 's'}`);
      writeHumanStdout(textLines([...shown, `${file}: valid (${designSize(topology)}${warnings.length ? `, ${numberText(warnings.length)} warning${warnings.length === 1 ? '' : 's'}` : ''})`]));
    });
}
