// An ELK that is loaded on its first layout call: the worker then pays for elkjs's
// evaluation only when a design is small enough to be layered by ELK (layoutTopology.ts).
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkLayouter } from './types';

interface ElkModule {
  default: new () => ElkLayouter;
}

/** `load` runs at most once, on the first `layout`; a failed load is retried on the next call. */
export function lazyElk(load: () => Promise<ElkModule>): ElkLayouter {
  let elk: Promise<ElkLayouter> | undefined;
  return {
    layout: async (graph: ElkNode) => {
      elk ??= load().then(
        (m) => new m.default(),
        (error: unknown) => {
          elk = undefined;
          throw error;
        },
      );
      return (await elk).layout(graph);
    },
  };
}
