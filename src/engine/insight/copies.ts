// Copies of a component that a move adds (a standby, a second load balancer, a second
// provider, a component of a second region): what they keep of the original, and a
// label a person reads at a glance ("Orders DB standby (eu-west-1b)", "ALB (us-west-2)"):
// where the original's label names its place, the copy's names the new place instead;
// never a suffix on a suffix.
import type { Component, Topology } from '../../model';
import { labelOf } from './structure';

/** The reliability figures, cost and requirements of the original; none of its placement or role. */
export function baseCopy(c: Component, id: string, label: string): Component {
  const copy: Component = { id, kind: c.kind, label };
  for (const key of ['availability', 'mtbfHours', 'mttrHours', 'requires', 'costPerMonth'] as const) {
    if (c[key] !== undefined) (copy as Record<string, unknown>)[key] = c[key];
  }
  return copy;
}

/** Words a label uses for the role of what it names. */
const ROLE_WORDS = /\b(primary|secondary|standby|replica|leader|follower|main|master)\b/gi;

/**
 * The label saying `role` where it says a role of its own ("Orders DB (primary)" ->
 * "Orders DB (replica)", "Primary DB" -> "Replica DB"), its case kept; unchanged when it says none.
 */
export function withRoleWord(label: string, role: string): string {
  return label.replace(ROLE_WORDS, (word) => {
    if (word.length > 1 && word === word.toUpperCase()) return role.toUpperCase();
    return word[0] === word[0].toUpperCase() ? role[0].toUpperCase() + role.slice(1) : role;
  });
}

/**
 * The original's label for a copy placed elsewhere: a place the label names (in
 * parentheses or inline) is replaced by the new one; otherwise the new place is added in
 * parentheses. `role`: what the copy is when it is not what the original is ("standby", a
 * data store's "replica"): a role word of the label says it instead ("Orders DB (primary)"
 * is copied as "Orders DB (replica, us-west-2)", never "(primary, ...)"); a label with none
 * gets it after the name, before the place, when `addRole` (the default).
 */
export function copyLabel(t: Topology, c: Component, opts: { role?: string; addRole?: boolean; places: { from: string[]; to?: string } }): string {
  const original = c.label ?? c.id;
  const says = opts.role !== undefined && withRoleWord(original, opts.role) !== original;
  const label = says ? withRoleWord(original, opts.role!) : original;
  const to = opts.places.to;
  const role = opts.role && !says && opts.addRole !== false ? ` ${opts.role}` : '';
  for (const from of opts.places.from) {
    const name = labelOf(t, from);
    const paren = ` (${name})`;
    // The same place when no new one is given: "Queue (eu-west-1)" -> "Queue standby (eu-west-1)".
    if (label.endsWith(paren)) return `${label.slice(0, -paren.length)}${role}${to ? ` (${to})` : paren}`;
    if (to && name.length > 1 && label.includes(name)) return `${label.replace(name, to)}${role}`;
  }
  // A label that ends in a qualifier of its own ("Orders DB (primary)"): the place joins it,
  // never a second pair of parentheses.
  const qualified = /^(.*\S) \(([^()]+)\)$/.exec(label);
  if (qualified) return `${qualified[1]}${role} (${qualified[2]}${to ? `, ${to}` : ''})`;
  return `${label}${role}${to ? ` (${to})` : ''}`;
}
