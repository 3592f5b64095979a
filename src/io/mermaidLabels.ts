// What an exported diagram shows for each element, as plain text (before escaping), and
// the reverse for the kind line of a node, so an export whose comments were stripped
// still imports with its kinds and replicas.
import { COMPONENT_KINDS, linkType, minHealthyOf, replicasOf, type Component, type ComponentKind, type FailureDomain, type Link, type Role, type StandbyTemperature } from '../model';

/** Two lines: the name, then `kind ×replicas (min needed) · role (temperature)`. */
export function componentText(c: Component): string {
  return `${c.label ?? c.id}\n${kindLine(c)}`;
}

export function kindLine(c: Component): string {
  let line: string = c.kind;
  if (replicasOf(c) > 1) line += ` ×${replicasOf(c)}`;
  if (minHealthyOf(c) > 1) line += ` (${minHealthyOf(c)} needed)`;
  if (c.role === 'standby' || c.role === 'replica') line += ` · ${c.role}`;
  if (c.standby) line += ` (${c.standby})`;
  return line;
}

export interface KindLine {
  kind: ComponentKind;
  replicas?: number;
  minHealthy?: number;
  role?: Role;
  standby?: StandbyTemperature;
}

const KIND_LINE = new RegExp(
  `^(${COMPONENT_KINDS.join('|')})(?: ×(\\d+))?(?: \\((\\d+) needed\\))?(?: · (replica|standby))?(?: \\((hot|warm|cold)\\))?$`,
);

/** Reads a line written by `kindLine`, or undefined for any other text. */
export function parseKindLine(line: string): KindLine | undefined {
  const m = KIND_LINE.exec(line.trim());
  if (!m) return undefined;
  const out: KindLine = { kind: m[1] as ComponentKind };
  if (m[2]) out.replicas = Number(m[2]);
  if (m[3]) out.minHealthy = Number(m[3]);
  if (m[4]) out.role = m[4] as Role;
  if (m[5]) out.standby = m[5] as StandbyTemperature;
  return out;
}

/** The subgraph title: the label, and the kind unless it is a plain group. */
export function domainTitle(d: FailureDomain): string {
  const name = d.label ?? d.id;
  return d.kind === 'group' ? name : `${name} · ${d.kind}`;
}

/** The edge label, or '' for a plain dependency. */
export function linkText(l: Link): string {
  if (linkType(l) === 'replication') {
    const mode = l.mode ?? 'async';
    const base = mode === 'backup' ? 'backup' : `${mode} replication`;
    return l.label ? `${base}: ${l.label}` : base;
  }
  if (l.optional) return l.label ? `optional: ${l.label}` : 'optional';
  return l.label ?? '';
}
