// `terraform show -json` (a plan: planned_values and configuration; or a state: values) ->
// TfConfig. Values are resolved already; references come from the plan's configuration
// (`expressions.*.references`), or, in a state, from attribute values that equal another
// resource's id or ARN.
import type { ImportNote } from '../notes';
import { dict, isDict, list, str, type Dict } from '../values';
import { rowOfType } from './resources';
import { known, unknown, type TfConfig, type TfProvider, type TfRef, type TfResource, type Value } from './model';

export function configFromJson(file: string, text: string, json: unknown): TfConfig {
  const notes: ImportNote[] = [];
  const doc = dict(json);
  const lines = addressLines(text);
  const planned = isDict(doc.planned_values) ? dict(doc.planned_values) : dict(doc.values);
  const instances = new Map<string, { type: string; name: string; module: string; values: Dict[]; provider: string; first: string }>();
  const walk = (m: Dict) => {
    for (const r of list(m.resources).filter(isDict)) {
      if (str(r.mode) !== 'managed') continue;
      const address = stripIndexes(str(r.address) ?? '');
      const entry = instances.get(address) ?? { type: str(r.type) ?? '', name: str(r.name) ?? '', module: moduleOf(address), values: [], provider: str(r.provider_name) ?? '', first: str(r.address) ?? address };
      entry.values.push(dict(r.values));
      instances.set(address, entry);
    }
    for (const c of list(m.child_modules).filter(isDict)) walk(c);
  };
  walk(dict(planned.root_module));

  const configuration = dict(doc.configuration);
  const variables = dict(doc.variables);
  const refs = new Map<string, TfRef[]>();
  const providerKeys = new Map<string, string>();
  const configLines = new Map<string, number | undefined>();
  const walkConfig = (m: Dict, prefix: string) => {
    for (const r of list(m.resources).filter(isDict)) {
      const address = `${prefix}${str(r.address) ?? ''}`;
      refs.set(address, expressionRefs(dict(r.expressions), prefix, ''));
      providerKeys.set(address, (str(r.provider_config_key) ?? '').replace(/^.*:/, ''));
      configLines.set(address, lines.get(str(r.address) ?? ''));
    }
    for (const [name, call] of Object.entries(dict(m.module_calls))) walkConfig(dict(dict(call).module), `${prefix}module.${name}.`);
  };
  walkConfig(dict(configuration.root_module), '');
  const byValue = refs.size === 0 ? valueIndex(instances) : undefined;

  const providers: TfProvider[] = Object.entries(dict(configuration.provider_config)).map(([key, p]) => {
    const region = dict(dict(dict(p).expressions).region);
    let value: Value = unknown('the provider block sets no region');
    if ('constant_value' in region) value = known(region.constant_value);
    else {
      const v = list(region.references).map(str).find((x) => x?.startsWith('var.'));
      const given = v ? dict(variables[v.slice(4)]).value : undefined;
      value = given !== undefined ? known(given) : unknown(`the region is ${v ?? 'an expression'} with no value in the plan`);
    }
    return { key: str(dict(p).alias) ? `${str(dict(p).name)}.${str(dict(p).alias)}` : key, name: str(dict(p).name) ?? key, region: value, source: { file } };
  });

  const resources: TfResource[] = [...instances].map(([address, r]) => {
    const values = r.values[0] ?? {};
    const line = lines.get(r.first) ?? configLines.get(address);
    const n = r.values.length;
    if (n > 1 && rowOfType(r.type)) notes.push({ kind: 'inferred', subject: address, source: { file, line }, message: `${n} instances in the ${isDict(doc.planned_values) ? 'plan' : 'state'}` });
    return {
      address, type: r.type, name: r.name, module: r.module,
      provider: providerKeys.get(address) || r.type.split('_')[0],
      source: { file, line },
      instances: n,
      // Instances that differ (one per zone) give the list of their values.
      attr: (path) => {
        const all = r.values.map((v) => pathValue(v, path));
        const distinct = [...new Map(all.map((v) => [JSON.stringify(v), v])).values()];
        return known(distinct.length > 1 ? distinct : all[0]);
      },
      lineOf: () => line,
      refs: refs.get(address) ?? byValue?.(address, values) ?? [],
    };
  });
  return { resources, modules: [], providers, notes };
}

/** `module.a["x"].aws_b.c[0]` -> `module.a.aws_b.c`: one component per resource, its instances counted. */
function stripIndexes(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function moduleOf(address: string): string {
  const parts = address.split('.');
  const out: string[] = [];
  for (let i = 0; i + 1 < parts.length && parts[i] === 'module'; i += 2) out.push('module', parts[i + 1]);
  return out.join('.');
}

/** Every `references` list in a resource's expressions, nested blocks included. */
function expressionRefs(expressions: Dict, prefix: string, at: string): TfRef[] {
  const out: TfRef[] = [];
  for (const [key, e] of Object.entries(expressions)) {
    const blocks = Array.isArray(e) ? e.filter(isDict) : [];
    for (const b of blocks) out.push(...expressionRefs(b, prefix, `${at}${key}.`));
    if (!isDict(e)) continue;
    for (const r of list(e.references).map(str)) {
      const ref = r ? referenceOf(stripIndexes(r), prefix) : undefined;
      if (ref && !out.some((x) => x.address === ref.address && x.from === at + key)) out.push({ ...ref, from: at + key });
    }
  }
  return out;
}

function referenceOf(r: string, prefix: string): { address: string; attribute?: string } | undefined {
  const [root, name, attribute] = r.split('.');
  if (!name || ['var', 'local', 'count', 'each', 'self', 'path', 'terraform', 'data'].includes(root)) return undefined;
  if (root === 'module') return { address: `${prefix}module.${name}`, attribute };
  return root.includes('_') ? { address: `${prefix}${root}.${name}`, attribute } : undefined;
}

/** In a state there is no configuration: a value equal to another resource's id or ARN refers to it. */
function valueIndex(instances: Map<string, { values: Dict[] }>) {
  const owner = new Map<string, string>();
  for (const [address, r] of instances) {
    for (const v of r.values) for (const key of ['id', 'arn']) {
      const s = str(v[key]);
      if (s && s.length > 3) owner.set(s, address);
    }
  }
  return (address: string, values: Dict): TfRef[] => {
    const out: TfRef[] = [];
    const visit = (v: unknown, path: string) => {
      if (typeof v === 'string') {
        const o = owner.get(v);
        if (o && o !== address && !out.some((x) => x.address === o && x.from === path)) out.push({ address: o, from: path });
      } else if (Array.isArray(v)) v.forEach((x) => visit(x, path));
      else if (isDict(v)) for (const [k, x] of Object.entries(v)) if (k !== 'id' && k !== 'arn') visit(x, path ? `${path}.${k}` : k);
    };
    visit(values, '');
    return out;
  };
}

/** A dotted path through objects; through lists of blocks, a list (flattened when it is one). */
function pathValue(values: Dict, path: string): unknown {
  let v: unknown = values;
  for (const step of path.split('.')) {
    if (Array.isArray(v)) {
      const items = v.map((x) => (isDict(x) ? x[step] : undefined)).filter((x) => x !== undefined);
      v = items.length === 1 ? items[0] : items;
    } else v = isDict(v) ? v[step] : undefined;
  }
  return v;
}

/** The line of each `"address": "..."` in the file (its first mention). */
function addressLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /"address"\s*:\s*"([^"]+)"/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    if (!out.has(m[1])) out.set(m[1], line);
  }
  return out;
}
