import type { Command } from 'commander';
import { serializeTopology } from '../model';
import { formatImportNote } from '../import/notes';
import { formatIoProblem, fromMermaid, terminalSafe } from '../io';
import { CliError, printWarnings, readText, textLines, writeOutput, writeStderr } from './io';
import { installMermaidDom } from './mermaidDom';

export function registerImportMermaid(program: Command): void {
  program
    .command('import-mermaid')
    .description('read a Mermaid flowchart into a topology; every guess is reported on stderr')
    .argument('<file>', 'a .mmd file holding a flowchart or graph')
    .option('-o, --output <out>', 'write the topology to this file instead of stdout')
    .action(async (file: string, opts: { output?: string }) => {
      const text = readText(file);
      await installMermaidDom();
      const result = await fromMermaid(text, { file });
      if (!result.ok) {
        const lines = result.errors.map((p) => `  ${terminalSafe(formatIoProblem(p), { oneLine: true })}`);
        throw new CliError(`${file}: cannot import (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n${lines.join('\n')}`);
      }
      if (result.notes.length) writeStderr(textLines(result.notes.map(formatImportNote)));
      printWarnings(file, result.topology, result.warnings);
      writeOutput(opts.output, serializeTopology(result.topology));
      if (opts.output !== undefined && opts.output !== '-') {
        const t = result.topology;
        writeStderr(`${opts.output}: ${t.components.length} components, ${t.domains.length} domains, ${t.links.length} links${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}\n`);
      }
    });
}
