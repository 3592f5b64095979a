// The body of `spof import`, loaded on first use (see importInfra.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formatImportSource, importInfrastructure, configureHcl, type InfraFormat, type ImportProblem } from '../import';
import { serializeTopology } from '../model';
import { CliError, EXIT_BAD_INPUT, refuseOutputOverInput, textLines, writeOutput, writeStderr } from './io';
import { designSize, importNoteLines } from './importNotes';
import { readImportPaths } from './importFiles';
import { installMermaidDom } from './mermaidDom';

/** The two WebAssembly files of the HCL parser, from node_modules. */
function configureHclFromDisk(): void {
  const resolve = typeof require === 'function' ? require.resolve : createRequire(`${process.cwd()}/`).resolve;
  configureHcl(async () => ({
    runtime: readFileSync(resolve('web-tree-sitter/web-tree-sitter.wasm')),
    grammar: readFileSync(resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')),
  }));
}

/** One line: the first problem with its file (and line), and how many more; `title` when there is none. */
function problems(title: string, list: ImportProblem[]): CliError {
  const more = list.length - 1;
  const rest = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
  if (!list[0]) return new CliError(title, EXIT_BAD_INPUT);
  return new CliError([formatImportSource(list[0].source), list[0].message].filter(Boolean).join(': ') + rest, EXIT_BAD_INPUT);
}

export async function runImport(paths: string[], opts: { output?: string; format?: InfraFormat; allNotes?: boolean }): Promise<number> {
  const read = readImportPaths(paths);
  if (read.problems.length) throw problems('cannot import', read.problems);
  refuseOutputOverInput(opts.output, read.files.map((f) => f.path).filter((p) => p !== '<stdin>'), 'the topology');
  configureHclFromDisk();
  if (opts.format === 'mermaid' || read.files.some((f) => /^\s*(flowchart|graph|architecture-beta)\b/m.test(f.text.slice(0, 2000)))) await installMermaidDom();
  const result = await importInfrastructure(read.files, { format: opts.format, name: read.name, found: read.found });
  if (!result.ok) {
    throw problems(result.notInfrastructure ? 'nothing to import: no infrastructure definition in what was read' : 'cannot import', result.errors);
  }
  if (result.notes.length) writeStderr(textLines(importNoteLines(result.notes, opts.allNotes === true)));
  writeOutput(opts.output, serializeTopology(result.topology));
  if (opts.output !== undefined && opts.output !== '-') {
    const t = result.topology;
    writeStderr(`${opts.output}: ${designSize(t)} (from ${result.formats.join(', ')})\n`);
  }
  return 0;
}
