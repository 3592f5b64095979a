import type { Command } from 'commander';
import { analyze } from '../engine';
import { toMermaid } from '../io';
import type { Topology } from '../model';
import { CliError, printWarnings, readTopology, writeOutput, writeStderr } from './io';

export function registerMermaid(program: Command): void {
  program
    .command('mermaid')
    .description('export a topology as a Mermaid flowchart with its single points of failure marked (stdout, or -o FILE)')
    .argument('<file>', 'a .spof.json topology')
    .option('--direction <dir>', 'layout direction: TB (top to bottom) or LR (left to right)')
    .option('--no-spofs', 'do not run the analysis nor mark single points of failure')
    .option('-o, --output <out>', 'write the flowchart to this file instead of stdout')
    .action((file: string, opts: { direction?: string; spofs: boolean; output?: string }) => {
      const direction = opts.direction?.toUpperCase();
      if (direction !== undefined && direction !== 'TB' && direction !== 'LR') {
        throw new CliError(`--direction: must be TB or LR (got ${JSON.stringify(opts.direction)})`);
      }
      const { topology, warnings } = readTopology(file);
      printWarnings(file, warnings);
      const spofIds = opts.spofs ? spofsOf(file, topology) : [];
      writeOutput(opts.output, toMermaid(topology, { direction, spofIds }));
    });
}

function spofsOf(file: string, t: Topology): string[] {
  try {
    return analyze(t).spofs.map((s) => s.id);
  } catch (e) {
    // The diagram is still worth having without the marks.
    writeStderr(`${file}: warning: SPOFs not marked, the analysis failed (${(e as Error).message})\n`);
    return [];
  }
}
