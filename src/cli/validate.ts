import type { Command } from 'commander';
import { readTopology, textLines, warningLine, writeHumanStdout } from './io';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a topology file: warnings are printed, errors listed with their path (exit 2)')
    .argument('<file>', 'a .spof.json topology')
    .action((file: string) => {
      const { topology, warnings } = readTopology(file);
      writeHumanStdout(textLines([...warnings.map((w) => `warning: ${warningLine(topology, w)}`), `${file}: valid (${topology.components.length} components, ${topology.domains.length} domains, ${topology.links.length} links${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''})`]));
    });
}
