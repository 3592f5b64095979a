// Evaluating HCL expressions as far as the files allow: literals, collections, templates,
// `var.` (the value given, else the default), `local.`, conditionals, and a few pure
// functions. Everything else (a resource's attribute known only after apply, a variable
// without a default, another function) is an unknown value that says why, with its line.
import type { HclExpr } from './hcl';
import { known, unknown, type Value } from './model';

export interface Scope {
  /** A module's input variables: the value passed in, else the default, else unknown. */
  variable(name: string, line: number): Value;
  local(name: string, line: number): Value;
  /** `module.vpc.azs` and the like: what a module call's outputs are known to be. */
  moduleOutput?(module: string, output: string, line: number): Value | undefined;
}

const PURE_FUNCTIONS: Record<string, (args: unknown[]) => unknown> = {
  tolist: ([a]) => (Array.isArray(a) ? a : undefined),
  toset: ([a]) => (Array.isArray(a) ? [...new Set(a)] : undefined),
  tostring: ([a]) => (a === null || a === undefined ? undefined : String(a)),
  tonumber: ([a]) => (Number.isFinite(Number(a)) ? Number(a) : undefined),
  length: ([a]) => (Array.isArray(a) ? a.length : typeof a === 'string' ? a.length : a && typeof a === 'object' ? Object.keys(a).length : undefined),
  concat: (args) => (args.every(Array.isArray) ? (args as unknown[][]).flat() : undefined),
  max: (args) => (args.every((a) => typeof a === 'number') ? Math.max(...(args as number[])) : undefined),
  min: (args) => (args.every((a) => typeof a === 'number') ? Math.min(...(args as number[])) : undefined),
  keys: ([a]) => (a && typeof a === 'object' && !Array.isArray(a) ? Object.keys(a).sort() : undefined),
  values: ([a]) => (a && typeof a === 'object' && !Array.isArray(a) ? Object.keys(a).sort().map((k) => (a as Record<string, unknown>)[k]) : undefined),
  slice: ([a, s, e]) => (Array.isArray(a) && typeof s === 'number' && typeof e === 'number' ? a.slice(s, e) : undefined),
  element: ([a, i]) => (Array.isArray(a) && a.length && typeof i === 'number' ? a[i % a.length] : undefined),
  format: ([f, ...rest]) => (typeof f === 'string' && rest.every((r) => typeof r === 'string' || typeof r === 'number') ? formatVerbs(f, rest as (string | number)[]) : undefined),
};

export function evaluate(e: HclExpr, scope: Scope, depth = 0): Value {
  if (depth > 64) return unknown('an expression nested too deeply', e.line);
  const ev = (x: HclExpr) => evaluate(x, scope, depth + 1);
  switch (e.t) {
    case 'literal':
      return known(e.value);
    case 'tuple': {
      const items = e.items.map(ev);
      const bad = items.find((i) => !i.known);
      return bad ?? known(items.map((i) => (i as { value: unknown }).value));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const en of e.entries) {
        const v = ev(en.value);
        if (!v.known) return v;
        out[en.key] = v.value;
      }
      return known(out);
    }
    case 'template': {
      let s = '';
      for (const p of e.parts) {
        if (typeof p === 'string') s += p;
        else {
          const v = ev(p);
          if (!v.known) return v;
          s += typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
        }
      }
      return known(s);
    }
    case 'traversal':
      return traverse(e, scope);
    case 'conditional': {
      const c = ev(e.cond);
      if (!c.known) return c;
      return ev(c.value ? e.then : e.else);
    }
    case 'call': {
      const f = PURE_FUNCTIONS[e.name];
      if (!f) return unknown(`the function ${e.name}() is not evaluated`, e.line);
      const args = e.args.map(ev);
      const bad = args.find((a) => !a.known);
      if (bad) return bad;
      const r = f(args.map((a) => (a as { value: unknown }).value));
      return r === undefined ? unknown(`${e.text.slice(0, 60)} cannot be evaluated`, e.line) : known(r);
    }
    case 'opaque':
      return unknown(`the expression ${e.text.replace(/\s+/g, ' ').slice(0, 60)} is not evaluated`, e.line);
  }
}

function traverse(e: Extract<HclExpr, { t: 'traversal' }>, scope: Scope): Value {
  const [first, ...rest] = e.path;
  let base: Value;
  if (e.root === 'var' && typeof first === 'string') base = scope.variable(first, e.line);
  else if (e.root === 'local' && typeof first === 'string') base = scope.local(first, e.line);
  else if (e.root === 'module' && typeof first === 'string' && typeof rest[0] === 'string') {
    const out = scope.moduleOutput?.(first, rest[0], e.line);
    if (!out) return unknown(`${e.text} is known only after apply`, e.line);
    base = out;
    rest.shift();
  } else return unknown(`${e.text} is known only after apply`, e.line);
  if (!base.known) return base;
  let v: unknown = base.value;
  for (const step of rest) {
    if (step === '?' || step === '*') return unknown(`${e.text} is not evaluated`, e.line);
    if (v === null || typeof v !== 'object') return unknown(`${e.text} has no ${step}`, e.line);
    v = (v as Record<string | number, unknown>)[step];
  }
  return known(v);
}

/** Terraform's format() for %s and %d (what names and zones use). */
function formatVerbs(f: string, args: (string | number)[]): string | undefined {
  let i = 0;
  let ok = true;
  const out = f.replace(/%[sd%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) ok = false;
    return String(args[i++]);
  });
  return ok ? out : undefined;
}
