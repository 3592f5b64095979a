import type { Command } from 'commander';
import { analyze } from '../engine';
import { toMermaid } from '../io';
import { flowchartTextProblem } from '../io/mermaidParse';
import { toMermaidArchitecture } from '../io/mermaidArchitecture';
import type { Topology } from '../model';
import { CliError, printWarnings, readTopology, refuseOutputOverInput, textLines, writeOutput, writeStderr } from './io';

export function registerMermaid(program: Command): void {
  program
    .command('mermaid')
    .description('export a topology as a Mermaid flowchart (or architecture-beta diagram) with its single points of failure marked (stdout, or -o FILE)')
    .argument('<file>', 'a .spof.json topology')
    .option('--direction <dir>', 'layout direction: TB (top to bottom) or LR (left to right)')
    .option('--diagram <type>', 'flowchart (the default: it renders in more places) or architecture (Mermaid architecture-beta)')
    .option('--no-spofs', 'do not run the analysis nor mark single points of failure')
    .option('-o, --output <out>', 'write the flowchart to this file instead of stdout')
    .action((file: string, opts: { direction?: string; diagram?: string; spofs: boolean; output?: string }) => {
      const direction = opts.direction?.toUpperCase();
      if (direction !== undefined && direction !== 'TB' && direction !== 'LR') {
        throw new CliError(`--direction: must be TB or LR (got ${JSON.stringify(opts.direction)})`);
      }
      const diagram = opts.diagram?.toLowerCase() ?? 'flowchart';
      if (diagram !== 'flowchart' && diagram !== 'architecture') {
        throw new CliError(`--diagram: must be flowchart or architecture (got ${JSON.stringify(opts.diagram)})`);
      }
      refuseOutputOverInput(opts.output, [file], 'the diagram');
      const { topology, warnings } = readTopology(file);
      printWarnings(file, topology, warnings);
      const spofIds = opts.spofs ? spofsOf(file, topology) : [];
      const text = diagram === 'architecture' ? toMermaidArchitecture(topology, { direction, spofIds }) : toMermaid(topology, { direction, spofIds });
      writeOutput(opts.output, text);
      // Checked by the import's own line reader (no mermaid loaded): a design past its limits (10,000 nodes) exports, but does not come back.
      const back = flowchartTextProblem(text);
      if (back) writeStderr(textLines([`${file}: warning: the diagram will not import back${back.path ? ` (at its ${back.path})` : ''}: ${back.message}; the design travels whole as .spof.json`]));
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
