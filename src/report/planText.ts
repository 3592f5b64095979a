// A plan's moves in words, for the CLI, the app and the shared report alike: what each removes (a SPOF, a
// pair of failures, or how much less often something fails) and what it adds.
import type { Plan, PlanStep } from '../engine/insight';
import { labelOf } from '../engine/insight/structure';
import type { Topology } from '../model';
import { formatMoney } from './format';

/** An element by its name: a component's, domain's or link's label; an instance `db#2` as "Orders DB #2". */
export function elementName(t: Topology, id: string): string {
  const hash = id.lastIndexOf('#');
  if (hash > 0 && t.components.some((c) => c.id === id.slice(0, hash))) return `${labelOf(t, id.slice(0, hash))} #${id.slice(hash + 1)}`;
  return labelOf(t, id);
}

const list = (names: string[]) => (names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** "removes the SPOFs Orders DB and eu-west-1a", "removes the pair Web #1 + Web #2", "makes ALB fail less often". */
export function fixesText(t: Topology, s: PlanStep): string {
  const { spofs, pairs, lessens } = s.fixes;
  if (spofs.length > 0) return `removes the SPOF${spofs.length === 1 ? '' : 's'} ${list(spofs.map((id) => elementName(t, id)))}`;
  if (pairs.length > 0) {
    const shown = pairs.slice(0, 3).map(([a, b]) => `${elementName(t, a)} + ${elementName(t, b)}`);
    // Cut: how many more is not known (not every pair was checked).
    if (s.fixes.pairsCut) return `removes the pairs ${shown.join(', ')} and more (not all were checked)`;
    return `removes the pair${pairs.length === 1 ? '' : 's'} ${list(shown)}${pairs.length > 3 ? ` and ${pairs.length - 3} more` : ''}`;
  }
  if (lessens.length > 0) return `makes ${list(lessens.map((id) => elementName(t, id)))} fail less often`;
  return 'raises the availability';
}

/** "+1 instance, $350/month (saves $12,000 a year)"; "no instance" for a move that adds none. */
export function addsText(s: PlanStep, currency: string): string {
  const n = s.adds.instances;
  const parts = [n === 0 ? 'no instance' : `+${n} instance${n === 1 ? '' : 's'}`];
  if (s.adds.costPerMonth !== null) parts.push(`${formatMoney(s.adds.costPerMonth, currency)}/month${s.adds.assumedPrice ? ' (price assumed)' : ''}`);
  let text = parts.join(', ');
  if (s.savingPerYear !== null) text += `; saves ${formatMoney(s.savingPerYear, currency)} a year${s.paysOff === false ? ', less than it costs' : ''}`;
  return text;
}

/** The whole plan's cost: "+12 instances, $1,285/month". */
export function planCostText(p: Pick<Plan, 'cost'>): string {
  const n = p.cost.instances;
  const instances = `${n === 0 ? 'no instance' : `+${n} instance${n === 1 ? '' : 's'}`}`;
  return p.cost.perMonth === null ? instances : `${instances}, ${formatMoney(p.cost.perMonth, p.cost.currency)}/month${p.cost.assumedPrice ? ' (some prices assumed)' : ''}`;
}
