// What the page loads on first use instead of with the first paint (issue 16: the initial
// JavaScript under 250 KB gzip): drawers and panels that open later, Mermaid's reader and
// writer, the file-save library. Each is also fetched once the page is first idle, so that
// opening it later does not wait for the network (and a save keeps its click's activation).
import { lazy, type ComponentType } from 'react';

const loaders: (() => Promise<unknown>)[] = [];

/** A component fetched on its first render (under a Suspense boundary) or when the page is first idle. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  loaders.push(load);
  return lazy(async () => ({ default: await load() }));
}

/** A module fetched when the page is first idle (its users import it dynamically). */
export function prefetchWhenIdle(load: () => Promise<unknown>): void {
  loaders.push(load);
}

/** Called once the page is drawn: fetches every registered chunk when nothing else is waiting. */
export function prefetchLazyChunks(): void {
  // A failed fetch (offline) is retried by the import that needs it; nothing to report here.
  const run = () => { for (const load of loaders) load().catch(() => undefined); };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run);
  else setTimeout(run, 1000);
}
