// Readable names for the analysis's element ids (DESIGN section 3): the report says
// `app#2` and `failover:lb2`; a person reads "App, instance 2 of 3" and "switchover to
// LB standby (5 s)". Pure: used by the report panel, the canvas tooltips and the tests.
import { failoverSecondsOf, labelOf, linkElementId, replicasOf, type Component, type Link, type Topology } from '../model';
import { numberText } from '../model/limits';
import { formatSeconds as formatSecondsLong } from '../engine/insight/structure';

interface Index {
  components: Map<string, Component>;
  /** Links by element id: built when an id is first looked up among them (see linkNamed). */
  links: Map<string, Link> | null;
  /** The links' own ids: a link without one is named `from->to`. */
  linkIds: Set<string>;
}

// Documents are immutable: one index per document. Naming every SPOF and pair of a
// 1,000-component report by scanning the arrays took hundreds of milliseconds per result.
const indexes = new WeakMap<Topology, Index>();

function indexOf(t: Topology): Index {
  let index = indexes.get(t);
  if (!index) {
    const components = new Map<string, Component>();
    for (const c of t.components) if (!components.has(c.id)) components.set(c.id, c);
    const linkIds = new Set<string>();
    for (const l of t.links) if (l.id !== undefined) linkIds.add(l.id);
    index = { components, links: null, linkIds };
    indexes.set(t, index);
  }
  return index;
}

/**
 * The link whose element id is `id`. Only a link's own id or a `from->to` can be one: the map of
 * every link by its element id (100,000 built strings on the estate, half a second of the page's
 * task when an answer came) is made when such an id is first asked for, not for every name.
 */
function linkNamed(t: Topology, index: Index, id: string): Link | undefined {
  if (!index.linkIds.has(id) && !id.includes('->')) return undefined;
  if (!index.links) {
    index.links = new Map();
    for (const l of t.links) {
      const k = linkElementId(l);
      if (!index.links.has(k)) index.links.set(k, l);
    }
  }
  return index.links.get(id);
}

// A label, the id when there is none (or it is empty); one rule with the findings and the CLI.
export { implicitClientTarget, labelOf } from '../model';

/** A readable name for any element id; unknown ids come back as they are. */
export function elementName(t: Topology, id: string): string {
  const index = indexOf(t);
  const { components } = index;
  const instance = /^(.*)#(\d+)$/.exec(id);
  if (instance) {
    const c = components.get(instance[1]);
    if (c) return `${labelOf(t, c.id)}, instance ${instance[2]} of ${replicasOf(c)}`;
  }
  if (id.startsWith('failover:')) {
    const c = components.get(id.slice('failover:'.length));
    if (c) return `switchover to ${labelOf(t, c.id)} (${formatSeconds(failoverSecondsOf(c))})`;
  }
  const l = linkNamed(t, index, id);
  if (l) return `link ${labelOf(t, l.from)} → ${labelOf(t, l.to)}`;
  return labelOf(t, id);
}

/** "5 s", "2 min", "1 h", "1.5 h"; from two days on as the command line says it ("3 d", "12 years"). */
export function formatSeconds(s: number): string {
  if (s < 120) return `${round(s)} s`;
  if (s < 3600) return `${round(s / 60)} min`;
  if (s < 172800) return `${round(s / 3600)} h`;
  return formatSecondsLong(s);
}

const round = (x: number) => String(Math.round(x * 10) / 10);

/** "a, b and c"; long lists end with "and N more" (`total` counts words left out of `words`). */
export function listWords(words: readonly string[], max = 5, total = words.length): string {
  if (total === 0) return 'nothing';
  const shown = total > max ? [...words.slice(0, max - 1), `${numberText(total - max + 1)} more`] : [...words];
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Names of several elements, instances of one pool grouped: "App (instances 2 and 3 of 4), us-east-1a". */
export function elementNames(t: Topology, ids: readonly string[]): string[] {
  const out: string[] = [];
  const pools = new Map<string, number[]>();
  for (const id of ids) {
    const m = /^(.*)#(\d+)$/.exec(id);
    const c = m ? t.components.find((x) => x.id === m[1]) : undefined;
    if (!m || !c) {
      out.push(elementName(t, id));
      continue;
    }
    if (!pools.has(c.id)) {
      pools.set(c.id, []);
      out.push(`#pool:${c.id}`);
    }
    pools.get(c.id)!.push(Number(m[2]));
  }
  return out.map((name) => {
    if (!name.startsWith('#pool:')) return name;
    const c = t.components.find((x) => x.id === name.slice('#pool:'.length))!;
    const numbers = pools.get(c.id)!.sort((a, b) => a - b).map(String);
    const which = numbers.length === 1 ? `instance ${numbers[0]}` : `instances ${listWords(numbers, 8)}`;
    return `${labelOf(t, c.id)} (${which} of ${replicasOf(c)})`;
  });
}
