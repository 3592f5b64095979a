// Label selectors, matched the way the API server matches them (STYLE.md, "Match the way
// the platform matches"): `matchLabels` and `matchExpressions` (In, NotIn, Exists,
// DoesNotExist) must all hold; an empty selector selects everything, a missing one nothing.
import { dict, isDict, list, str } from '../values';

export type Labels = Record<string, string>;

export function labelsOf(v: unknown): Labels {
  const out: Labels = {};
  for (const [k, val] of Object.entries(dict(v))) {
    const s = str(val);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** A `LabelSelector` (Deployments, PodDisruptionBudgets, affinity terms, spread constraints). */
export function matchesSelector(selector: unknown, labels: Labels): boolean {
  if (!isDict(selector)) return false;
  for (const [k, v] of Object.entries(labelsOf(selector.matchLabels))) if (labels[k] !== v) return false;
  for (const e of list(selector.matchExpressions)) {
    const expr = dict(e);
    const key = str(expr.key) ?? '';
    const values = list(expr.values).map(str);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (str(expr.operator)) {
      case 'In':
        if (!has || !values.includes(labels[key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // An unknown operator is invalid: the API server would refuse the object; select nothing.
        return false;
    }
  }
  return true;
}

/**
 * A Service's `selector` is a plain map (equality only). A Service without one (or with an
 * empty one) selects no pods: its endpoints are managed by hand.
 */
export function matchesServiceSelector(selector: unknown, labels: Labels): boolean {
  const wanted = labelsOf(selector);
  const keys = Object.keys(wanted);
  return keys.length > 0 && keys.every((k) => labels[k] === wanted[k]);
}
