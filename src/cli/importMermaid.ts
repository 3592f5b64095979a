import type { Command } from 'commander';
import { serializeTopology } from '../model';
import { formatIoProblem, fromMermaid } from '../io';
import { flowchartTextProblem } from '../io/mermaidParse';
import { CliError, MAX_INPUT_BYTES, printWarnings, readText, refuseOutputOverInput, textLines, writeOutput, writeStderr } from './io';
import { installMermaidDom } from './mermaidDom';
import { designSize, importNoteLines } from './importNotes';

export function registerImportMermaid(program: Command): void {
  program
    .command('import-mermaid')
    .description('read a Mermaid flowchart into a topology; every guess is reported on stderr')
    .argument('<file>', 'a .mmd file holding a flowchart or graph')
    .option('-o, --output <out>', 'write the topology to this file instead of stdout')
    .option('--all-notes', 'print every note of what was guessed (past 50 the rest are counted)')
    .action(async (file: string, opts: { output?: string; allNotes?: boolean }) => {
      refuseOutputOverInput(opts.output, [file], 'the topology');
      const text = readText(file, MAX_INPUT_BYTES, 'a Mermaid file');
      // Text that is no diagram is refused before the DOM and mermaid load (seconds).
      const early = flowchartTextProblem(text);
      if (early) throw new CliError(`${file}: cannot import: ${formatIoProblem(early)}`);
      await installMermaidDom();
      const result = await fromMermaid(text, { file });
      if (!result.ok) {
        const more = result.errors.length - 1;
        throw new CliError(`${file}: cannot import: ${formatIoProblem(result.errors[0])}${more > 0 ? ` (and ${more} more error${more === 1 ? '' : 's'})` : ''}`);
      }
      if (result.notes.length) writeStderr(textLines(importNoteLines(result.notes, opts.allNotes === true)));
      printWarnings(file, result.topology, result.warnings);
      writeOutput(opts.output, serializeTopology(result.topology));
      if (opts.output !== undefined && opts.output !== '-') {
        const t = result.topology;
        writeStderr(`${opts.output}: ${designSize(t)}${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}\n`);
      }
    });
}
