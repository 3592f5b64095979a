// The catalogue of finding rules (DESIGN section 3, "Findings"): each rule has a stable
// code, a severity, and turns the report into plain-language findings naming the
// elements, with a concrete suggestion. One list, so the UI, the CLI and the tests
// share the codes (as xyflow's `errorMessages` catalogue does).
import type { Topology } from '../../model';
import type { Report } from './report';
import { designRules } from './designRules';
import { spofRules } from './spofRules';
import type { Finding, Severity } from './types';

export interface FindingContext {
  t: Topology;
  report: Report;
}

export interface FindingRule {
  code: string;
  severity: Severity;
  /** What the rule looks for, in one line (for documentation and the UI's legend). */
  title: string;
  /** Why it matters, in a few sentences (code-scanning tools show it as the rule's description). */
  description: string;
  /** How to remove the problem in general; each finding's `suggestion` says it for its elements. */
  help: string;
  check(ctx: FindingContext): Finding[];
}

export const FINDING_RULES: readonly FindingRule[] = [...spofRules, ...designRules];

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Every finding of every rule, most severe first, in catalogue order within a severity. */
export function findings(t: Topology, report: Report): Finding[] {
  const ctx = { t, report };
  const out = FINDING_RULES.flatMap((rule, order) => rule.check(ctx).map((f) => ({ f, order })));
  out.sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.order - b.order);
  return out.map((x) => x.f);
}
