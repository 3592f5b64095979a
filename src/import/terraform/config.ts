// Terraform configurations (.tf files, and .tfvars for the root's variables) -> TfConfig.
// Files of one folder are one module; a module call whose source is a folder in the files
// is read with the arguments it passes (addresses `module.<name>.<type>.<name>`); any
// other module call is kept as a call, for the community modules' documented arguments.
import { MAX_REPLICAS, own } from '../../model';
import type { ImportNote } from '../notes';
import { evaluate, terraformNumber, withBindings, type Scope } from './evaluate';
import { quotedCount, shownValue } from '../values';
import { rowOfType } from './resources';
import type { HclAttribute, HclBlock, HclExpr } from './hcl';
import { known, unknown, type TfConfig, type TfModuleCall, type TfProvider, type TfRef, type Value } from './model';

export interface HclFile {
  path: string;
  body: HclBlock;
}

interface Located<T> {
  file: string;
  item: T;
}

interface ModuleFiles {
  dir: string;
  variables: Map<string, Located<HclBlock>>;
  locals: Map<string, Located<HclAttribute>>;
  outputs: Map<string, Located<HclBlock>>;
  resources: Located<HclBlock>[];
  modules: Located<HclBlock>[];
  providers: Located<HclBlock>[];
  tfvars: Map<string, Located<HclAttribute>>;
}

/** Past this depth of nested local modules (or a module that calls itself) the reading stops. */
const MAX_MODULE_DEPTH = 8;
const NOT_RESOURCES = new Set(['var', 'local', 'count', 'each', 'self', 'path', 'terraform', 'data']);

export function configFromHcl(files: HclFile[]): TfConfig {
  const notes: ImportNote[] = [];
  const dirs = new Map<string, ModuleFiles>();
  for (const f of files) {
    const dir = dirname(f.path);
    const m: ModuleFiles = dirs.get(dir) ?? { dir, variables: new Map(), locals: new Map(), outputs: new Map(), resources: [], modules: [], providers: [], tfvars: new Map() };
    dirs.set(dir, m);
    if (/\.tfvars$/i.test(f.path)) {
      for (const [k, a] of Object.entries(f.body.attributes)) m.tfvars.set(k, { file: f.path, item: a });
      continue;
    }
    for (const b of f.body.blocks) {
      const located = { file: f.path, item: b };
      if (b.type === 'variable' && b.labels[0]) m.variables.set(b.labels[0], located);
      else if (b.type === 'output' && b.labels[0]) m.outputs.set(b.labels[0], located);
      else if (b.type === 'locals') for (const [k, a] of Object.entries(b.attributes)) m.locals.set(k, { file: f.path, item: a });
      else if (b.type === 'resource' && b.labels.length >= 2) m.resources.push(located);
      else if (b.type === 'module' && b.labels[0]) m.modules.push(located);
      else if (b.type === 'provider' && b.labels[0]) m.providers.push(located);
    }
  }
  const called = new Set<string>();
  for (const m of dirs.values()) for (const call of m.modules) {
    const src = literalString(call.item.attributes.source?.expr);
    if (src && isLocalSource(src)) called.add(joinPath(m.dir, src));
  }
  const config: TfConfig = { resources: [], modules: [], providers: [], notes };
  for (const m of dirs.values()) {
    if (called.has(m.dir)) continue;
    const given = new Map<string, () => Value>();
    for (const [k, a] of m.tfvars) given.set(k, () => evaluate(a.item.expr, emptyScope()));
    readModule(m, '', given, dirs, config, 0, 1);
  }
  return config;
}

/** `copies`: how many instances of this module its callers make (`count` / `for_each` on module calls). */
function readModule(m: ModuleFiles, prefix: string, given: Map<string, () => Value>, dirs: Map<string, ModuleFiles>, config: TfConfig, depth: number, copies: number): Scope {
  const localCache = new Map<string, Value>();
  const childScopes = new Map<string, Scope>();
  const calls = new Map<string, TfModuleCall>();
  const scope: Scope = {
    variable(name, line) {
      const g = given.get(name);
      if (g) return g();
      const v = m.variables.get(name);
      if (!v) return unknown(`var.${name} is not declared`, line);
      const d = v.item.attributes.default;
      return d ? evaluate(d.expr, scope) : unknown(`var.${name} has no default and no value in the files`, line);
    },
    local(name, line) {
      if (localCache.has(name)) return localCache.get(name)!;
      const l = m.locals.get(name);
      localCache.set(name, unknown(`local.${name} refers to itself`, line));
      const v = l ? evaluate(l.item.expr, scope) : unknown(`local.${name} is not declared`, line);
      localCache.set(name, v);
      return v;
    },
    moduleOutput(module, output, line) {
      const child = childScopes.get(module);
      const childFiles = child ? childDirs.get(module) : undefined;
      if (child && childFiles) {
        const o = childFiles.outputs.get(output)?.item.attributes.value;
        return o ? evaluate(o.expr, child) : unknown(`module.${module} has no output ${output}`, line);
      }
      const call = calls.get(module);
      return call ? registryOutput(call, output) : undefined;
    },
  };
  const childDirs = new Map<string, ModuleFiles>();

  for (const p of m.providers) {
    if (prefix) continue; // providers are configured at the root and inherited
    const alias = literalString(p.item.attributes.alias?.expr);
    const region = p.item.attributes.region ?? p.item.attributes.location;
    const provider: TfProvider = {
      key: alias ? `${p.item.labels[0]}.${alias}` : p.item.labels[0],
      name: p.item.labels[0],
      region: region ? evaluate(region.expr, scope) : unknown('the provider block sets no region', p.item.line),
      source: { file: p.file, line: p.item.line },
    };
    config.providers.push(provider);
  }
  for (const call of m.modules) {
    const name = call.item.labels[0];
    const src = literalString(call.item.attributes.source?.expr) ?? '';
    const dir = isLocalSource(src) ? joinPath(m.dir, src) : undefined;
    const child = dir ? dirs.get(dir) : undefined;
    const address = `${prefix}module.${name}`;
    const { count } = instancesOf(call, address, scope, config.notes, true);
    if (child && depth < MAX_MODULE_DEPTH) {
      const args = new Map<string, () => Value>();
      for (const [k, a] of Object.entries(call.item.attributes)) args.set(k, () => evaluate(a.expr, scope));
      childDirs.set(name, child);
      childScopes.set(name, readModule(child, `${address}.`, args, dirs, config, depth + 1, copies * count));
      config.notes.push({ kind: 'inferred', subject: address, source: { file: call.file, line: call.item.line }, message: `module read from ${src}` });
      continue;
    }
    const mc: TfModuleCall = {
      address, name, source: src, module: prefix.replace(/\.$/, ''), provider: providerKey(call.item) ?? '',
      instances: copies * count,
      src: { file: call.file, line: call.item.line },
      attr: (path) => valueAt(call.item, path, scope),
      lineOf: (path) => lineAt(call.item, path),
      refs: refsOf(call.item, prefix),
    };
    calls.set(name, mc);
    config.modules.push(mc);
  }
  for (const r of m.resources) {
    const [type, name] = r.item.labels;
    const address = `${prefix}${type}.${name}`;
    const { count, bindings } = instancesOf(r, address, scope, config.notes, !!rowOfType(type));
    if (rowOfType(type)) config.notes.push(...unknownDynamicBlocks(r, address, scope, bindings));
    config.resources.push({
      address, type, name, module: prefix.replace(/\.$/, ''),
      provider: providerKey(r.item) ?? type.split('_')[0],
      source: { file: r.file, line: r.item.line },
      instances: copies * count,
      attr: (path) => valueOfInstances(r.item, path, scope, bindings),
      lineOf: (path) => lineAt(r.item, path),
      refs: refsOf(r.item, prefix),
    });
  }
  return scope;
}

/**
 * `count = 3`, `for_each = toset([...])`: how many instances, and what `count.index` or
 * `each.key`/`each.value` is in each; what cannot be evaluated is one instance, said so.
 */
function instancesOf(r: Located<HclBlock>, address: string, scope: Scope, notes: ImportNote[], noted: boolean): { count: number; bindings?: Record<string, unknown>[] } {
  for (const key of ['count', 'for_each'] as const) {
    const a = own(r.item.attributes, key);
    if (!a) continue;
    let v = evaluate(a.expr, scope);
    let bindings: Record<string, unknown>[] | undefined;
    let quoted = '';
    if (v.known && key === 'count') {
      // `count = "3"` is 3 to Terraform (it converts); 2.5 and -1 it refuses: one instance, said as a guess.
      const n = terraformNumber(v.value);
      quoted = quotedCount(v.value, 'Terraform converts it to a number');
      if (n !== undefined && n <= MAX_REPLICAS && (!Number.isInteger(n) || n < 0)) {
        notes.push({ kind: 'warning', subject: address, source: { file: r.file, line: a.line }, message: `count is ${shownValue(v.value)}, not a whole number of instances (Terraform refuses it): 1 instance assumed` });
        return { count: 1 };
      }
      if (n !== undefined) v = { known: true, value: n };
    }
    // Past the limit of a pool no list of instances is made (1e23 of them threw); the import refuses the count with its line.
    if (v.known && key === 'count' && typeof v.value === 'number' && v.value > MAX_REPLICAS) return { count: v.value };
    if (v.known && key === 'count' && typeof v.value === 'number') bindings = Array.from({ length: v.value }, (_, index) => ({ count: { index } }));
    else if (v.known && key === 'for_each' && Array.isArray(v.value)) bindings = v.value.map((x) => ({ each: { key: x, value: x } }));
    else if (v.known && key === 'for_each' && v.value && typeof v.value === 'object') {
      bindings = Object.keys(v.value).sort().map((k) => ({ each: { key: k, value: (v.value as Record<string, unknown>)[k] } }));
    }
    if (!bindings) {
      notes.push({ kind: 'warning', subject: address, source: { file: r.file, line: v.known ? a.line : v.line ?? a.line }, message: `${key} cannot be evaluated (${v.known ? 'not a number or a collection' : v.reason}): 1 instance assumed` });
      return { count: 1 };
    }
    const n = bindings.length;
    if (n === 0) notes.push({ kind: 'inferred', subject: address, source: { file: r.file, line: a.line }, message: `not created: ${key} gives no instance${quoted}` });
    else if (noted || quoted) notes.push({ kind: 'inferred', subject: address, source: { file: r.file, line: a.line }, message: `${n} instance${n === 1 ? '' : 's'} from ${key}${quoted}` });
    return { count: n, bindings };
  }
  return { count: 1 };
}

/**
 * A value of a resource with count or for_each: one value when it is the same in every
 * instance, else the list of the instances' distinct values (`zone = local.zones[count.index]`),
 * as a plan's instances give them.
 */
function valueOfInstances(block: HclBlock, path: string, scope: Scope, bindings: Record<string, unknown>[] | undefined): Value {
  const v = valueAt(block, path, scope);
  if (v.known || !bindings?.length) return v;
  const all = bindings.map((b) => valueAt(block, path, withBindings(scope, b)));
  if (all.some((x) => !x.known)) return v;
  const values = all.map((x) => (x as { value: unknown }).value);
  const distinct = [...new Map(values.map((x) => [JSON.stringify(x), x])).values()];
  return known(distinct.length > 1 ? distinct : distinct[0]);
}

/** A dotted path through attributes and nested blocks; repeated blocks give a list. */
function valueAt(block: HclBlock, path: string, scope: Scope): Value {
  const [head, ...rest] = path.split('.');
  const a = own(block.attributes, head);
  if (a) {
    const v = evaluate(a.expr, scope);
    if (!v.known || rest.length === 0) return v;
    let x: unknown = v.value;
    for (const step of rest) x = Array.isArray(x) ? x.map((i) => (i && typeof i === 'object' ? own(i as Record<string, unknown>, step) : undefined)) : x && typeof x === 'object' ? own(x as Record<string, unknown>, step) : undefined;
    return known(x);
  }
  const inner = blocksOf(block, head, scope);
  if (inner.length === 0) return known(undefined);
  if (rest.length === 0) return known(inner.map(({ block: b, scope: s }) => Object.fromEntries(Object.entries(b.attributes).map(([k, x]) => [k, evaluate(x.expr, s)]).filter(([, v]) => (v as Value).known).map(([k, v]) => [k, (v as { value: unknown }).value]))));
  const values = inner.map(({ block: b, scope: s }) => valueAt(b, rest.join('.'), s));
  if (values.length === 1) return values[0];
  const bad = values.find((v) => !v.known);
  return bad ?? known(values.map((v) => (v as { value: unknown }).value));
}

/**
 * The nested blocks of a type, `dynamic` ones expanded: one content block per element of
 * its for_each, its iterator (`backend.value`) bound; one, unbound, when for_each is unknown.
 */
function blocksOf(block: HclBlock, type: string, scope: Scope): { block: HclBlock; scope: Scope }[] {
  const out: { block: HclBlock; scope: Scope }[] = [];
  for (const b of block.blocks) {
    if (b.type === type) out.push({ block: b, scope });
    const content = b.type === 'dynamic' && b.labels[0] === type ? b.blocks.find((x) => x.type === 'content') : undefined;
    if (!content) continue;
    const pairs = elementsOf(b.attributes.for_each ? evaluate(b.attributes.for_each.expr, scope) : undefined);
    if (!pairs) out.push({ block: content, scope });
    else for (const [key, value] of pairs) out.push({ block: content, scope: withBindings(scope, { [iteratorOf(b)]: { key, value } }) });
  }
  return out;
}

/**
 * Each `dynamic` block (nested ones too) whose for_each cannot be evaluated, in any instance of
 * the resource: blocksOf reads it as one block with its iterator unknown, a guess said here
 * once, at the for_each's line (blocksOf runs lazily, once per attribute asked, and cannot note).
 */
function unknownDynamicBlocks(r: Located<HclBlock>, address: string, scope: Scope, bindings: Record<string, unknown>[] | undefined): ImportNote[] {
  const notes: ImportNote[] = [];
  const scopes = bindings?.length ? bindings.map((b) => withBindings(scope, b)) : [scope];
  const walk = (block: HclBlock, scopes: Scope[]) => {
    for (const b of block.blocks) {
      const content = b.type === 'dynamic' && b.labels[0] ? b.blocks.find((x) => x.type === 'content') : undefined;
      if (!content) {
        walk(b, scopes);
        continue;
      }
      const forEach = own(b.attributes, 'for_each');
      const values = forEach ? scopes.map((s) => evaluate(forEach.expr, s)) : [];
      const bad = values.find((v) => !v.known || !v.value || typeof v.value !== 'object');
      const label = b.labels[0];
      const assumed = `read as one ${label} block, ${iteratorOf(b)}.key and ${iteratorOf(b)}.value unknown`;
      if (!forEach) {
        notes.push({ kind: 'warning', subject: address, source: { file: r.file, line: b.line }, message: `dynamic "${label}" has no for_each (Terraform requires one): ${assumed}` });
      } else if (bad) {
        const reason = bad.known ? `${shownValue(bad.value)} is not a collection` : bad.reason;
        notes.push({ kind: 'warning', subject: address, source: { file: r.file, line: bad.known ? forEach.line : bad.line ?? forEach.line }, message: `dynamic "${label}": for_each cannot be evaluated (${reason}): ${assumed}` });
      }
      // Nested dynamic blocks are read in each of this one's elements (blocksOf binds them so).
      const inner = values.flatMap((v, i) => {
        const pairs = elementsOf(v);
        return pairs ? pairs.map(([key, value]) => withBindings(scopes[i], { [iteratorOf(b)]: { key, value } })) : [scopes[i]];
      });
      walk(content, inner.length ? inner.slice(0, MAX_DYNAMIC_SCOPES) : scopes);
    }
  };
  walk(r.item, scopes.slice(0, MAX_DYNAMIC_SCOPES));
  return notes;
}

/** Enough instances to find a for_each that cannot be evaluated; a bound on nested dynamic blocks' work. */
const MAX_DYNAMIC_SCOPES = 100;

/** A known for_each's elements as [key, value] (a list by index, a map by sorted key). */
function elementsOf(each: Value | undefined): [unknown, unknown][] | undefined {
  const v = each?.known ? each.value : undefined;
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (v && typeof v === 'object') return Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]);
  return undefined;
}

/** A dynamic block's iterator: `iterator = g`, else the block's label. */
function iteratorOf(dynamic: HclBlock): string {
  const it = dynamic.attributes.iterator?.expr;
  return it?.t === 'traversal' && it.path.length === 0 ? it.root : dynamic.labels[0] ?? '';
}

function lineAt(block: HclBlock, path: string): number | undefined {
  const [head, ...rest] = path.split('.');
  const a = own(block.attributes, head);
  if (a) return a.line;
  const inner = block.blocks.find((b) => b.type === head) ?? block.blocks.find((b) => b.type === 'dynamic' && b.labels[0] === head)?.blocks.find((x) => x.type === 'content');
  if (!inner) return undefined;
  return rest.length ? lineAt(inner, rest.join('.')) ?? inner.line : inner.line;
}

/**
 * Every reference to a resource or module in a block, with the attribute path that holds it.
 * A dynamic block's references count as its content's (`backend.group`); those of its
 * for_each, as the content's attributes that use the iterator.
 */
function refsOf(block: HclBlock, prefix: string, at = '', bound: ReadonlySet<string> = new Set()): TfRef[] {
  const out: TfRef[] = [];
  for (const [name, a] of Object.entries(block.attributes)) {
    if (name === 'provider' || name === 'source') continue;
    for (const t of traversals(a.expr)) {
      const ref = refOf(t, prefix, bound);
      if (ref) out.push({ ...ref, from: at + name, line: t.line });
    }
  }
  for (const b of block.blocks) {
    const content = b.type === 'dynamic' && b.labels[0] ? b.blocks.find((x) => x.type === 'content') : undefined;
    if (!content) {
      out.push(...refsOf(b, prefix, `${at}${b.type}.`, bound));
      continue;
    }
    const label = b.labels[0];
    const iterator = iteratorOf(b);
    out.push(...refsOf(content, prefix, `${at}${label}.`, new Set([...bound, iterator])));
    const users = Object.entries(content.attributes).filter(([, a]) => traversals(a.expr).some((t) => t.root === iterator)).map(([k]) => `${at}${label}.${k}`);
    for (const t of b.attributes.for_each ? traversals(b.attributes.for_each.expr) : []) {
      const ref = refOf(t, prefix, bound);
      if (ref) for (const from of users.length ? users : [`${at}${label}`]) out.push({ ...ref, from, line: t.line });
    }
  }
  return out;
}

function refOf(t: Extract<HclExpr, { t: 'traversal' }>, prefix: string, bound: ReadonlySet<string>): { address: string; attribute?: string } | undefined {
  const [first, ...rest] = t.path;
  if (typeof first !== 'string' || NOT_RESOURCES.has(t.root) || bound.has(t.root)) return undefined;
  const attr = rest.find((s): s is string => typeof s === 'string' && s !== '*' && s !== '?');
  if (t.root === 'module') return { address: `${prefix}module.${first}`, attribute: attr };
  if (!t.root.includes('_')) return undefined;
  return { address: `${prefix}${t.root}.${first}`, attribute: attr };
}

function traversals(e: HclExpr): Extract<HclExpr, { t: 'traversal' }>[] {
  switch (e.t) {
    case 'traversal':
      return [e, ...e.path.flatMap((s) => (typeof s === 'object' ? traversals(s.index) : []))];
    case 'for': {
      // The for's own names are not references.
      const own = new Set([e.keyVar, e.valueVar]);
      return [...traversals(e.collection), ...[e.key, e.body, e.cond].flatMap((x) => (x ? traversals(x) : [])).filter((t) => !own.has(t.root))];
    }
    case 'tuple':
      return e.items.flatMap(traversals);
    case 'object':
      return e.entries.flatMap((x) => traversals(x.value));
    case 'template':
      return e.parts.flatMap((p) => (typeof p === 'string' ? [] : traversals(p)));
    case 'call':
    case 'op':
      return e.args.flatMap(traversals);
    case 'conditional':
      return [e.cond, e.then, e.else].flatMap(traversals);
    case 'opaque':
      return e.inner.flatMap(traversals);
    default:
      return [];
  }
}

/** Outputs of registry modules that echo an input (the vpc module's `azs`). */
function registryOutput(call: TfModuleCall, output: string): Value | undefined {
  if (/terraform-aws-modules\/vpc\/aws/.test(call.source) && output === 'azs') return call.attr('azs');
  return undefined;
}

function providerKey(block: HclBlock): string | undefined {
  const p = block.attributes.provider?.expr;
  if (p?.t === 'traversal') return [p.root, ...p.path].join('.');
  return undefined;
}

function literalString(e: HclExpr | undefined): string | undefined {
  if (e?.t === 'literal' && typeof e.value === 'string') return e.value;
  if (e?.t === 'template' && e.parts.every((p) => typeof p === 'string')) return e.parts.join('');
  return undefined;
}

function emptyScope(): Scope {
  return { variable: (n, l) => unknown(`var.${n} in a .tfvars file`, l), local: (n, l) => unknown(`local.${n} in a .tfvars file`, l) };
}

function isLocalSource(src: string): boolean {
  return src.startsWith('./') || src.startsWith('../');
}

export function dirname(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i) || '/';
}

/** `a/b` + `../c/./d` -> `a/c/d` (no file system: the paths of the files read). */
export function joinPath(dir: string, rel: string): string {
  const parts = dir === '.' ? [] : dir.split('/');
  for (const seg of rel.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else parts.push('..');
    } else parts.push(seg);
  }
  return parts.join('/') || '.';
}
