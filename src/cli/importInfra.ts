// `spof import PATH... [-o OUT] [--format ...]` (DESIGN section 4): infrastructure
// definitions (and Mermaid) in, a topology out; every inference on stderr with the file and
// line it came from. The heavy part (YAML, the HCL parser) loads only when this runs.
import { Option, type Command } from 'commander';

const FORMATS = ['compose', 'kubernetes', 'terraform', 'terraform-json', 'mermaid'] as const;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('read Docker Compose files, Kubernetes manifests, Terraform (.tf or `terraform show -json`) or a Mermaid flowchart into a topology; what was inferred and assumed goes to stderr')
    .argument('<paths...>', 'files or folders (read recursively); - reads standard input')
    .option('-o, --output <out>', 'write the topology to this file instead of stdout (atomically)')
    .addOption(new Option('--format <format>', 'read every input as this format instead of detecting it').choices(FORMATS))
    .option('--all-notes', 'print every note of what was inferred and assumed (past 50 the rest are counted)')
    .action(async (paths: string[], opts: { output?: string; format?: (typeof FORMATS)[number]; allNotes?: boolean }) => {
      const { runImport } = await import('./importRun');
      const code = await runImport(paths, opts);
      if (code !== 0) process.exitCode = code;
    });
}

