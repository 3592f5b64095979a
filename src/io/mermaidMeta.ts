// The `%% spof:` comment lines of an exported flowchart. Mermaid ignores comments, so they
// carry what the drawing cannot show (availability, replicas, domain kinds, link modes, the
// exact ids) and make export -> import lossless. The drawing stays authoritative for what
// it does show: which nodes, edges and subgraphs exist and where nodes sit.
import { ComponentSchema, DomainSchema, LinkSchema, type Component, type FailureDomain, type Link, type Topology } from '../model';

export const META_PREFIX = '%% spof:';

export interface DocMeta {
  name?: string;
  slo?: number;
}

export interface MermaidMeta {
  doc: DocMeta;
  /** By Mermaid node id. */
  components: Map<string, Component>;
  /** By Mermaid subgraph id. */
  domains: Map<string, FailureDomain>;
  links: Link[];
  /** Lines that looked like metadata but did not parse: they are ignored, and said so. */
  damaged: string[];
}

/**
 * One comment line; `%`, U+2028 and U+2029 are escaped so no `%%{` directive and no line break
 * can appear, and every character that shows nothing (a right-to-left override, a zero-width
 * space, DEL) so that none is hidden in the file, as the titles write them by number.
 */
export function metaLine(type: 'doc' | 'component' | 'domain' | 'link', key: string | undefined, value: unknown): string {
  const json = JSON.stringify(value).replace(/%|[^\p{L}\p{M}\p{N}\p{P}\p{S}\u0020-\u007e]/gu, (ch) =>
    Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
  return `${META_PREFIX}${type}${key === undefined ? '' : ` ${key}`} ${json}`;
}

/** The comment block at the head of an export; `keyOf` gives the diagram's id of a component or domain. */
export function metaBlock(t: Topology, keyOf: (id: string) => string): string[] {
  const doc: Record<string, unknown> = { name: t.name };
  if (t.slo !== undefined) doc.slo = t.slo;
  return [
    `%% ${t.components.length} components, ${t.domains.length} domains, ${t.links.length} links, exported by SPOF Studio.`,
    '%% The spof: comments keep what the drawing cannot show; import-mermaid reads them back.',
    metaLine('doc', undefined, doc),
    ...t.domains.map((d) => metaLine('domain', keyOf(d.id), d)),
    ...t.components.map((c) => metaLine('component', keyOf(c.id), c)),
    ...t.links.map((l) => metaLine('link', undefined, l)),
  ];
}

export function readMeta(text: string): MermaidMeta {
  const meta: MermaidMeta = { doc: {}, components: new Map(), domains: new Map(), links: [], damaged: [] };
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith(META_PREFIX)) return;
    const where = `line ${index + 1}`;
    const m = /^(doc|component|domain|link)(?: ([A-Za-z0-9_-]+))? (\{.*\})$/.exec(line.slice(META_PREFIX.length));
    if (!m) {
      meta.damaged.push(`${where}: not a spof metadata line`);
      return;
    }
    const [, type, key, json] = m;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      meta.damaged.push(`${where}: its JSON does not parse`);
      return;
    }
    const bad = () => meta.damaged.push(`${where}: not a valid ${type}`);
    if (type === 'doc') {
      const v = value as Record<string, unknown>;
      if (typeof v.name === 'string') meta.doc.name = v.name;
      if (typeof v.slo === 'number' && v.slo > 0 && v.slo < 1) meta.doc.slo = v.slo;
    } else if (type === 'component') {
      const r = ComponentSchema.safeParse(value);
      if (r.success && key) meta.components.set(key, r.data);
      else bad();
    } else if (type === 'domain') {
      const r = DomainSchema.safeParse(value);
      if (r.success && key) meta.domains.set(key, r.data);
      else bad();
    } else {
      const r = LinkSchema.safeParse(value);
      if (r.success) meta.links.push(r.data);
      else bad();
    }
  });
  return meta;
}
