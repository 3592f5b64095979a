// What a SPOF's failure stops besides itself and the clients it cuts off: those others do not
// fail, they lose what they need. One count for the CLI, the findings, the report and the app.
import type { SpofReport } from './types';

/** The others' ids (a long blast radius keeps only its first ids), the first `limit` of them. */
export function othersDown(s: SpofReport, limit = Infinity): string[] {
  const isOther = otherTest(s);
  const out: string[] = [];
  for (const id of s.down) {
    if (out.length >= limit) break;
    if (isOther(id)) out.push(id);
  }
  return out;
}

/** Whether an id of `down` is one of the others: neither the failed element nor a client it cuts off. */
function otherTest(s: SpofReport): (id: string) => boolean {
  const failed = s.id.replace(/^failover:/, '').replace(/#\d+$/, '');
  // A set when there are many clients: 200 clients against 2 million names of a long chain.
  const clients = s.clients.length > 8 ? clientSet(s.clients) : undefined;
  return (id) => id !== failed && !(clients ? clients.has(id) : s.clients.includes(id));
}

// The SPOFs of one chain share one list of clients (engine/analyze.ts): one set for them all.
const clientSets = new WeakMap<readonly string[], Set<string>>();
function clientSet(clients: readonly string[]): Set<string> {
  let set = clientSets.get(clients);
  if (!set) clientSets.set(clients, (set = new Set(clients)));
  return set;
}

/** How many others stop serving; a cut list counts from downCount, which holds the clients and, unless a domain or link failed, the failed component. */
export function othersDownCount(s: SpofReport): number {
  if (s.downCount !== undefined) return s.downCount - s.clients.length - (s.type === 'domain' || s.type === 'link' ? 0 : 1);
  let n = otherCounts.get(s);
  if (n === undefined) {
    const isOther = otherTest(s);
    n = 0;
    for (const id of s.down) if (isOther(id)) n++;
    otherCounts.set(s, n);
  }
  return n;
}

// Counted once per report, without a list: a SPOF's sentence asks twice (the count, then its
// words), and at the limits the report's first 50 SPOFs built a list of every other each time,
// 0.2 s of the whole estate's answer task (bench/ui --only=limit-estate, profiled).
const otherCounts = new WeakMap<SpofReport, number>();

/**
 * "6 others in it or needing it stop serving", "1 other that needs it stops serving", or ''
 * when none does. Not "can no longer serve <client>": some of them (a worker nothing calls)
 * never served it.
 */
export function othersDownWords(s: SpofReport): string {
  const n = othersDownCount(s);
  if (n <= 0) return '';
  const how = s.type === 'domain' ? 'in it or needing it' : n === 1 ? 'that needs it' : 'that need it';
  return `${n.toLocaleString('en-US')} other${n === 1 ? '' : 's'} ${how} stop${n === 1 ? 's' : ''} serving`;
}
