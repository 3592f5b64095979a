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
  return labelSelector(selector)(labels);
}

/** The same, read once for matching many pods. */
export function labelSelector(selector: unknown): (labels: Labels) => boolean {
  if (!isDict(selector)) return () => false;
  const equal = Object.entries(labelsOf(selector.matchLabels));
  const expressions = list(selector.matchExpressions).map((e) => {
    const expr = dict(e);
    return { key: str(expr.key) ?? '', operator: str(expr.operator), values: list(expr.values).map(str) };
  });
  return (labels) => {
    for (const [k, v] of equal) if (labels[k] !== v) return false;
    for (const { key, operator, values } of expressions) {
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      switch (operator) {
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
  };
}

/**
 * A Service's `selector` is a plain map (equality only). A Service without one (or with an
 * empty one) selects no pods: its endpoints are managed by hand.
 */
export function matchesServiceSelector(selector: unknown, labels: Labels): boolean {
  return serviceSelector(selector)(labels);
}

/** The same, read once for matching many pods. */
export function serviceSelector(selector: unknown): (labels: Labels) => boolean {
  const wanted = Object.entries(labelsOf(selector));
  return (labels) => wanted.length > 0 && wanted.every(([k, v]) => labels[k] === v);
}
