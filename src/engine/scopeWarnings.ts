// The report's warnings about what the figures cover (scope.ts), in words that name
// each component by its label and id.
import { named, type Topology } from '../model';
import { numberText } from '../model/limits';
import { analysisScope, implicitClientId, type AnalysisScope } from './scope';

/** "1 component", "10,001 components": counted as every message counts (numberText). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${numberText(n)} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function andList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const SHOWN = 10;

function names(t: Topology, ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN).map((id) => named(t, id));
  if (ids.length > SHOWN) shown.push(`${numberText(ids.length - SHOWN)} more`);
  return andList(shown);
}

export function scopeWarnings(t: Topology, scope: AnalysisScope): string[] {
  if (scope.basis === 'unconnected') {
    if (t.components.length === 0) return ['the design is empty: there is nothing to analyse'];
    return [
      `nothing is connected: ${count(t.components.length, 'component')} and no dependency link, so there is no availability to show; ` +
      'draw a link from each component to what it needs, starting from a client (the users) to the first component it calls',
    ];
  }
  const warnings: string[] = [];
  const unreached = new Set(scope.unreached);
  const idle = t.components.filter((c) => c.kind === 'client' && unreached.has(c.id)).map((c) => c.id);
  const idleSet = new Set(idle);
  if (scope.basis === 'entry-points') {
    const entries = scope.entryPoints;
    const noClient = !t.components.some((c) => c.kind === 'client');
    warnings.push(
      `${noClient ? 'no client' : 'no client calls anything'}: the figures are for ${entries.length === 1 ? 'the entry point' : 'the entry points'} ${names(t, entries)}, ` +
      `as if a client called ${entries.length === 1 ? 'it' : 'each'} (${andList(entries.map(implicitClientId))}); add a client in front of ${entries.length === 1 ? 'it' : 'them'} for the users`,
    );
  }
  if (idle.length > 0) {
    warnings.push(`${idle.length === 1 ? 'client' : 'clients'} ${names(t, idle)} ${idle.length === 1 ? 'calls' : 'call'} nothing: not part of the figures until linked to the first component ${idle.length === 1 ? 'it calls' : 'they call'}`);
  }
  const unreachedWords = unreachedSentence(t, scope, idleSet);
  if (unreachedWords) warnings.push(unreachedWords);
  return warnings;
}

/** "2 components that no client reaches, not part of the figures: ..." (the clients that call nothing aside), or undefined. */
export function unreachedSentence(t: Topology, scope: AnalysisScope, idleClients?: ReadonlySet<string>): string | undefined {
  const idle = idleClients ?? new Set(t.components.filter((c) => c.kind === 'client' && scope.unreached.includes(c.id)).map((c) => c.id));
  const others = scope.unreached.filter((id) => !idle.has(id));
  if (others.length === 0) return undefined;
  const by = scope.basis === 'entry-points' ? 'no entry point' : 'no client';
  return `${count(others.length, 'component')} that ${by} reaches, not part of the figures: ${names(t, others)}`;
}

/**
 * A design without a client, said once and as the report (and the app's card) says it: the
 * entry points the figures are for, by label and id, or that nothing is connected yet. The
 * loader's bare "no client component" warning gives way to this wherever it is printed.
 */
export function noClientStatement(t: Topology): string {
  return scopeWarnings(t, analysisScope(t))[0] ?? 'no client component';
}
