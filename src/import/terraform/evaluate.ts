// Evaluating HCL expressions as far as the files allow: literals, collections, templates,
// `var.` (the value given, else the default), `local.`, conditionals, `for` expressions,
// `count.index` and `each.key`/`each.value` of one instance, a dynamic block's iterator, and a
// few pure functions. Everything else (a resource's attribute known only after apply, a variable
// without a default, another function) is an unknown value that says why, with its line.
import type { HclExpr } from './hcl';
import { own, setOwn } from '../../model/keyed';
import { known, unknown, type Value } from './model';

export interface Scope {
  /** A module's input variables: the value passed in, else the default, else unknown. */
  variable(name: string, line: number): Value;
  local(name: string, line: number): Value;
  /** `module.vpc.azs` and the like: what a module call's outputs are known to be. */
  moduleOutput?(module: string, output: string, line: number): Value | undefined;
  /** Names bound here: `count` ({ index }), `each` ({ key, value }), an iterator, a `for` variable. */
  bound?(name: string): unknown;
}

/** `scope` with more names bound (an instance's `count.index`, a `for` expression's variables). */
export function withBindings(scope: Scope, bindings: Record<string, unknown>): Scope {
  return { ...scope, bound: (name) => (Object.prototype.hasOwnProperty.call(bindings, name) ? bindings[name] : scope.bound?.(name)) };
}

/** Past this many elements a `for` expression is not evaluated (the files are a design, not data). */
const MAX_FOR_ELEMENTS = 10_000;

const PURE_FUNCTIONS: Record<string, (args: unknown[]) => unknown> = {
  tolist: ([a]) => (Array.isArray(a) ? a : undefined),
  toset: ([a]) => (Array.isArray(a) ? [...new Set(a)] : undefined),
  tostring: ([a]) => (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean' ? String(a) : undefined),
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

/**
 * Past this many characters and elements (shared parts counted each time they appear) a
 * value is not kept: `x2 = "${local.x1}${local.x1}"` doubles at each local, and forty of them
 * ended in "internal error: RangeError: Invalid string length"; `for` expressions over each
 * other's lists grew to 3.5 GB without end. A design's names and lists are far smaller.
 */
const MAX_VALUE_SIZE = 100_000;

export function evaluate(e: HclExpr, scope: Scope, depth = 0): Value {
  const v = evaluateOnce(e, scope, depth);
  // A literal is as the file wrote it; a traversal gives a value already checked.
  if (!v.known || e.t === 'literal' || e.t === 'traversal' || sizeWithin(v.value, MAX_VALUE_SIZE)) return v;
  const text = 'text' in e ? e.text.replace(/\s+/g, ' ').slice(0, 60) : `the ${e.t}`;
  return unknown(`${text} grows past ${MAX_VALUE_SIZE.toLocaleString('en-US')} characters and elements`, e.line);
}

/** Does the value hold at most `max` characters and elements, shared parts counted each time? Stops once past it. */
function sizeWithin(value: unknown, max: number): boolean {
  let size = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length;
    else if (Array.isArray(v)) {
      size += v.length;
      if (size <= max) for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      size += keys.length;
      if (size <= max) for (const k of keys) stack.push(k, (v as Record<string, unknown>)[k]);
    } else size++;
    if (size > max) return false;
  }
  return true;
}

function evaluateOnce(e: HclExpr, scope: Scope, depth: number): Value {
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
        setOwn(out, en.key, v.value);
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
      const f = own(PURE_FUNCTIONS, e.name);
      if (!f) return unknown(`the function ${e.name}() is not evaluated`, e.line);
      const args = e.args.map(ev);
      const bad = args.find((a) => !a.known);
      if (bad) return bad;
      const r = f(args.map((a) => (a as { value: unknown }).value));
      return r === undefined ? unknown(`${e.text.slice(0, 60)} cannot be evaluated`, e.line) : known(r);
    }
    case 'for':
      return evaluateFor(e, scope, depth);
    case 'op': {
      const args = e.args.map(ev);
      const bad = args.find((a) => !a.known);
      if (bad) return bad;
      const r = operate(e.op, args.map((a) => (a as { value: unknown }).value));
      return r === undefined ? unknown(`${e.text.slice(0, 60)} cannot be evaluated`, e.line) : known(r);
    }
    case 'opaque':
      return unknown(`the expression ${e.text.replace(/\s+/g, ' ').slice(0, 60)} is not evaluated`, e.line);
  }
}

/** HCL's operators on the values they take (numbers, booleans; == and != on any two values). */
function operate(op: string, args: unknown[]): unknown {
  const [a, b] = args;
  if (args.length === 1) {
    if (op === '!' && typeof a === 'boolean') return !a;
    if (op === '-' && typeof a === 'number') return -a;
    return undefined;
  }
  if (op === '==') return JSON.stringify(a) === JSON.stringify(b);
  if (op === '!=') return JSON.stringify(a) !== JSON.stringify(b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return op === '&&' ? a && b : op === '||' ? a || b : undefined;
  const x = typeof a === 'string' && a.trim() !== '' ? Number(a) : a;
  const y = typeof b === 'string' && b.trim() !== '' ? Number(b) : b;
  if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y)) return undefined;
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return y === 0 ? undefined : x / y;
    case '%': return y === 0 ? undefined : x % y;
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
    default: return undefined;
  }
}

/** Terraform's order: a list in its order, a map's (or an object's) keys in lexical order. */
function evaluateFor(e: Extract<HclExpr, { t: 'for' }>, scope: Scope, depth: number): Value {
  const c = evaluate(e.collection, scope, depth + 1);
  if (!c.known) return c;
  const coll = c.value;
  const pairs: [string | number, unknown][] = Array.isArray(coll)
    ? coll.map((v, i) => [i, v])
    : coll && typeof coll === 'object' ? Object.keys(coll).sort().map((k) => [k, (coll as Record<string, unknown>)[k]]) : [];
  if (!Array.isArray(coll) && !(coll && typeof coll === 'object')) return unknown(`${e.text.slice(0, 60)} iterates over no collection`, e.line);
  if (pairs.length > MAX_FOR_ELEMENTS) return unknown(`${e.text.slice(0, 60)} iterates over more than ${MAX_FOR_ELEMENTS} elements`, e.line);
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  for (const [k, v] of pairs) {
    const inner = withBindings(scope, { [e.valueVar]: v, ...(e.keyVar ? { [e.keyVar]: k } : {}) });
    if (e.cond) {
      const keep = evaluate(e.cond, inner, depth + 1);
      if (!keep.known) return keep;
      if (!keep.value) continue;
    }
    const body = evaluate(e.body, inner, depth + 1);
    if (!body.known) return body;
    if (!e.object) {
      list.push(body.value);
      continue;
    }
    const key = evaluate(e.key!, inner, depth + 1);
    if (!key.known) return key;
    if (key.value !== null && typeof key.value === 'object') return unknown(`${e.text.slice(0, 60)}: a key that is no string`, e.line);
    const name = String(key.value);
    setOwn(map, name, e.grouping ? [...((own(map, name) as unknown[] | undefined) ?? []), body.value] : body.value);
  }
  return known(e.object ? map : list);
}

function traverse(e: Extract<HclExpr, { t: 'traversal' }>, scope: Scope): Value {
  const [first, ...rest] = e.path;
  let base: Value;
  const bound = scope.bound?.(e.root);
  if (bound !== undefined) {
    base = known(bound);
    if (first !== undefined) rest.unshift(first);
  } else if (e.root === 'count' || e.root === 'each') return unknown(`${e.text} differs from one instance to the next`, e.line);
  else if (e.root === 'var' && typeof first === 'string') base = scope.variable(first, e.line);
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
    let key: string | number;
    if (typeof step === 'object') {
      const i = evaluate(step.index, scope);
      if (!i.known) return i;
      if (typeof i.value !== 'number' && typeof i.value !== 'string') return unknown(`${e.text}: an index that is neither a number nor a key`, e.line);
      key = i.value;
    } else if (step === '*') return unknown(`${e.text} is not evaluated`, e.line);
    else key = step;
    if (v === null || typeof v !== 'object') return unknown(`${e.text} has no ${key}`, e.line);
    // Only the value's own entries: `.constructor` of a map is no entry of it.
    v = own(v as Record<string, unknown>, String(key));
  }
  return known(v);
}

/** A number as Terraform converts one where a number is wanted: a number, or a string of a decimal number (`"3"`). */
export function terraformNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return Number(v);
  return undefined;
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
