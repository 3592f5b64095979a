// `spof plan FILE [--slo 99.99] [--json] [-o OUT.spof.json]` (DESIGN section 4): the fewest
// changes that reach the target, each with the availability after it.
// Exit 0 when the target is met (or already was); 1 when it cannot be reached with the
// moves available (a gate, like `analyze --slo`): the best improved document is still
// written with -o; 2 bad input or no target at all.
import type { Command } from 'commander';
import { plan, type Plan } from '../engine/insight';
import { addsText, fixesText, planCostText } from '../report/planText';
import { sloLine } from './insightText';
import { serializeTopology } from '../model';
import { CliError, EXIT_GATE, optionNumber, printWarnings, readTopology, sloFraction, textLines, writeOutput, writeHumanStdout, writeStderr, writeStdout } from './io';
import { formatTarget } from '../report/format';

interface PlanFlags {
  slo?: string;
  json?: boolean;
  output?: string;
  maxMoves?: string;
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('the moves an architect would make (another instance, a standby in another zone, a second load balancer or DNS provider, zone spread, a managed multi-AZ service, a second region where one blocks) that reach an SLO (exit 1 when it cannot be reached)')
    .argument('<file>', 'a .spof.json topology')
    .option('--slo <percent>', 'system target in percent, e.g. 99.99 (default: the document\'s targets)')
    .option('--json', 'print the plan as one JSON object')
    .option('-o, --output <file>', 'write the changed topology to this .spof.json file')
    .option('--max-moves <n>', 'try at most this many moves (default 20)')
    .action((file: string, flags: PlanFlags) => {
      // `-o -` puts the topology on stdout: the plan goes to stderr, so that stdout stays one JSON document.
      const topologyOnStdout = flags.output === '-';
      if (topologyOnStdout && flags.json) throw new CliError('--json and -o -: both print on standard output; choose one');
      const target = flags.slo === undefined ? undefined : sloFraction(flags.slo);
      const maxMoves = flags.maxMoves === undefined ? undefined : wholeNumber(flags.maxMoves);
      const { topology, warnings } = readTopology(file);
      printWarnings(file, topology, warnings);
      const hasTarget = target !== undefined || topology.slo !== undefined || topology.components.some((c) => c.kind === 'client' && c.slo !== undefined);
      if (!hasTarget) throw new CliError(`${file}: no target: give --slo (e.g. --slo 99.99), or set "slo" on the document or a client`);
      const p = plan(topology, { target, maxMoves });
      // Decided before writing: a reader that stops early ends the command at a write.
      if (!p.met) process.exitCode = EXIT_GATE;
      if (flags.output !== undefined) writeOutput(flags.output, serializeTopology(p.topology));
      if (flags.json) writeStdout(`${JSON.stringify(jsonPlan(p, flags.output), null, 2)}\n`);
      else if (topologyOnStdout) writeStderr(humanPlan(topology.name, p, flags.output));
      else writeHumanStdout(humanPlan(topology.name, p, flags.output));
    });
}

function wholeNumber(text: string): number {
  const x = optionNumber(text);
  if (!Number.isInteger(x) || x < 0) throw new CliError(`--max-moves: must be a whole number (got "${text}")`);
  return x;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

export function jsonPlan(p: Plan, output?: string): Record<string, unknown> {
  return {
    target: p.target,
    met: p.met,
    outcome: p.outcome,
    search: p.search,
    message: p.message,
    before: { ...p.before, nines: finite(p.before.nines) },
    after: { ...p.after, nines: finite(p.after.nines) },
    moves: p.steps.map((s) => ({
      round: s.round, ...s.move, description: s.description, fixes: s.fixes, adds: s.adds,
      availability: s.availability, nines: finite(s.nines), ...(s.withinInterval ? { withinInterval: true } : {}),
      ...(s.savingPerYear !== null ? { savingPerYear: s.savingPerYear, paysOff: s.paysOff } : {}),
    })),
    cost: p.cost,
    ...(p.blockers.length > 0 ? { blockers: p.blockers } : {}),
    slo: p.slo,
    // The work done against the plan's budget: `cut` says the budget stopped the search (the message says what that means).
    work: p.work,
    ...(output !== undefined && output !== '-' ? { output } : {}),
  };
}

function humanPlan(name: string, p: Plan, output?: string): string {
  const pct = (a: number) => (Number.isNaN(a) ? 'none (nothing is connected)' : `${(a * 100).toFixed(5)}%`);
  const lines = [`${name}: plan${p.target !== null ? ` to reach ${formatTarget(p.target)}` : ' to reach the clients\' targets'}`];
  lines.push(`  now: ${pct(p.before.availability)}`);
  p.steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.description}: ${pct(s.availability)}${s.withinInterval ? ' (within the sampling interval)' : ''}`);
    lines.push(`     ${fixesText(p.topology, s)}; ${addsText(s, p.cost.currency)}`);
  });
  if (p.steps.length > 0) lines.push(`  in all: ${planCostText(p)}`);
  lines.push(p.message);
  for (const e of [...(p.slo.system ? [p.slo.system] : []), ...p.slo.clients]) lines.push(`  ${sloLine(e)}`);
  if (output !== undefined && output !== '-') lines.push(`Wrote the changed topology to ${output}`);
  return textLines(lines);
}
