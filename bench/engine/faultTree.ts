// The synthetic estates written as an Open-PSA MEF fault tree, to time the peer (SCRAM,
// Debian package `scram`) on the same designs and to cross-check the engine's number:
// the top event is "the client fails". Built from the engine's structure, so it follows
// the same rules (pools k-of-n, domains, groups, links, failover events); cycles have no
// fault-tree form and are refused.
import type { Topology } from '../../src/model';
import { sccsFromClients } from '../../src/engine/scc';
import { buildStructure } from '../../src/engine/structure';

export function toOpenPsa(t: Topology, clientId?: string): string {
  const s = buildStructure(t);
  if (sccsFromClients(s).some((scc) => scc.length > 1)) throw new Error('dependency cycles have no fault-tree form');
  const client = clientId === undefined ? s.clients[0] : s.componentIndex.get(clientId)!;
  if (client === undefined) throw new Error('no client');
  const gates: string[] = [];
  const event = (e: number) => `<basic-event name="E${e}"/>`;
  let gateCount = 0;
  /** A gate over args: `k` of them failing fails it (1 = OR, args.length = AND). */
  const gate = (k: number, args: string[]): string => {
    if (args.length === 0) return '<constant value="false"/>';
    if (args.length === 1) return args[0];
    const name = `G${gateCount++}`;
    const body = k <= 1 ? `<or>${args.join('')}</or>` : k >= args.length ? `<and>${args.join('')}</and>` : `<atleast min="${k}">${args.join('')}</atleast>`;
    gates.push(`<define-gate name="${name}">${body}</define-gate>`);
    return `<gate name="${name}"/>`;
  };
  const fails = new Map<number, string>();
  const componentFails = (c: number): string => {
    const known = fails.get(c);
    if (known) return known;
    const node = s.components[c];
    const causes: string[] = [];
    if (!node.isClient) {
      const instances = node.instances.map((inst) => gate(1, [event(inst.element), ...inst.domains.map(event)]));
      causes.push(gate(instances.length - node.minHealthy + 1, instances));
      if (node.poolFailover >= 0) causes.push(event(node.poolFailover));
    }
    for (const g of node.groups) {
      const group = s.groups[g];
      const slots = group.slots.map((slot) => {
        const { target, link } = s.slots[slot];
        return gate(1, link >= 0 ? [event(link), componentFails(target)] : [componentFails(target)]);
      });
      causes.push(gate(slots.length - group.min + 1, slots));
      if (group.failover >= 0) causes.push(event(group.failover));
    }
    const ref = gate(1, causes);
    fails.set(c, ref);
    return ref;
  };
  const top = componentFails(client);
  gates.push(`<define-gate name="top">${top}</define-gate>`);
  const events = s.elements.map((e, i) => `<define-basic-event name="E${i}"><float value="${1 - e.availability}"/></define-basic-event>`);
  return `<?xml version="1.0"?>\n<opsa-mef>\n<define-fault-tree name="estate">\n${gates.join('\n')}\n</define-fault-tree>\n<model-data>\n${events.join('\n')}\n</model-data>\n</opsa-mef>\n`;
}
