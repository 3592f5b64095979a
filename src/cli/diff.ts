// `spof diff BASE HEAD [--json|--markdown] [--fail-on-regression]` (DESIGN section 4): what
// a change does to a design, for a code review. Exit 0; 1 with --fail-on-regression when
// HEAD has a SPOF that BASE did not, or a lower system availability; 2 bad input.
import type { Command } from 'commander';
import { analyseDesign } from '../report/analysisJson';
import { diffDesigns } from '../report/diff';
import { diffJson, diffMarkdown, diffText } from '../report/diffRender';
import { CliError, EXIT_GATE, printWarnings, readTopology, sloFraction, writeHumanStdout, writeStdout } from './io';

interface DiffFlags {
  json?: boolean;
  markdown?: boolean;
  failOnRegression?: boolean;
  slo?: string;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('what a change does to a design: availability, SPOFs, pairs, findings, stage, outages and cost before and after (exit 1 with --fail-on-regression when it gets worse)')
    .argument('<base>', 'the design before the change (.spof.json)')
    .argument('<head>', 'the design after the change (.spof.json)')
    .option('--json', 'print the diff as one JSON object')
    .option('--markdown', 'print the diff as Markdown, ready for a pull-request comment')
    .option('--fail-on-regression', 'exit 1 when HEAD has a SPOF that BASE did not, or a lower system availability')
    .option('--slo <percent>', 'system target in percent for both designs, e.g. 99.95 (default: each document\'s own)')
    .action((baseFile: string, headFile: string, flags: DiffFlags) => {
      if (flags.json && flags.markdown) throw new CliError('--json and --markdown: choose one');
      // Standard input is read once: HEAD read it again as empty ("-: the file is empty").
      if (baseFile === '-' && headFile === '-') throw new CliError('-: standard input can be BASE or HEAD, not both');
      const slo = flags.slo === undefined ? undefined : sloFraction(flags.slo);
      // Both are read before anything is printed: a bad HEAD must not leave half a report.
      const base = readTopology(baseFile);
      const head = readTopology(headFile);
      printWarnings(baseFile, base.topology, base.warnings);
      printWarnings(headFile, head.topology, head.warnings);
      const d = diffDesigns(analyseDesign(base.topology, { slo }), analyseDesign(head.topology, { slo }));
      // Decided before writing: a reader that stops early ends the command at a write.
      if (flags.failOnRegression && d.regression.regressed) process.exitCode = EXIT_GATE;
      if (flags.json) writeStdout(diffJson(d));
      else writeHumanStdout(flags.markdown ? diffMarkdown(d) : diffText(d));
    });
}
