// A second DNS provider (or a second CDN): another provider answering for the same names
// (or serving the same content), in no failure domain of the first, routing where the
// first routes. Callers group DNS and CDN targets by kind, so the two are alternatives.
import type { Component } from '../../../model';
import { addAlternative } from '../alternative';
import { baseCopy } from '../copies';
import type { MoveKind } from '../moves';
import { uniqueId } from '../placement';
import { named } from '../structure';
import { aloneAndSingle, componentOf, movable, ownElements } from './common';

type SecondProvider = { type: 'second-provider'; component: string };

const NAME: Record<string, string> = { dns: 'Second DNS provider', cdn: 'Second CDN' };

export const secondProvider: MoveKind<SecondProvider> = {
  type: 'second-provider',
  candidates: (ctx) => movable(ctx)
    .filter((c) => (c.kind === 'dns' || c.kind === 'cdn') && aloneAndSingle(ctx.doc, c) && ctx.called.has(c.id))
    .map((c) => ({ type: 'second-provider', component: c.id })),
  apply(t, m) {
    const c = componentOf(t, m.component, m.type);
    const copy: Component = baseCopy(c, uniqueId(t, `${c.id}-2`), NAME[c.kind]);
    return { doc: addAlternative(t, c, copy, 'async'), added: [{ id: copy.id, twin: c.id }] };
  },
  describe(t, m, applied) {
    const c = componentOf(t, m.component, m.type);
    const what = c.kind === 'dns' ? 'a second DNS provider' : 'a second CDN';
    return `add ${what} "${NAME[c.kind]}" (${applied.added[0].id}) beside ${named(t, c.id)}, routing to the same targets`;
  },
  potential: (ctx, m) => ctx.improvement(ownElements(componentOf(ctx.doc, m.component, m.type))),
};
