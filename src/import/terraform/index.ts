// Terraform -> the intermediate list (DESIGN section 7): .tf files read with the HCL parser,
// or `terraform show -json` output; one component per resource that serves or stores,
// id = its resource address.
import type { ImportProblem, SourceFile } from '../detect';
import type { ImportedSystem } from '../types';
import { configFromHcl, type HclFile } from './config';
import { readHcl } from './hcl';
import { interpret } from './interpret';
import type { TfConfig } from './model';
import { configFromJson } from './plan';

export type TerraformInput = { file: SourceFile; json?: unknown };
export type TerraformResult = { ok: true; system: ImportedSystem } | { ok: false; errors: ImportProblem[] };

export async function importTerraform(inputs: TerraformInput[]): Promise<TerraformResult> {
  const errors: ImportProblem[] = [];
  const hcl: HclFile[] = [];
  const configs: TfConfig[] = [];
  for (const input of inputs) {
    if (input.json !== undefined) {
      configs.push(configFromJson(input.file.path, input.file.text, input.json));
      continue;
    }
    const read = await readHcl(input.file.text);
    if (!read.ok) errors.push({ source: { file: input.file.path, line: read.line, column: read.column }, message: read.message });
    else hcl.push({ path: input.file.path, body: read.body });
  }
  if (errors.length) return { ok: false, errors };
  if (hcl.length) configs.unshift(configFromHcl(hcl));
  const merged: TfConfig = {
    resources: configs.flatMap((c) => c.resources),
    modules: configs.flatMap((c) => c.modules),
    providers: configs.flatMap((c) => c.providers),
    notes: configs.flatMap((c) => c.notes),
  };
  return { ok: true, system: interpret(merged) };
}
