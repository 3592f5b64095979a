// Knowing when a worker is gone, even when it says nothing: a worker terminated from
// outside (the browser's task manager, devtools), one that closes itself, or one the
// browser kills for its memory fires no event at the page. So each analysis worker takes
// a Web Lock of its own name and holds it for its whole life; the page asks for the same
// lock, which it is granted only when the worker's context is gone (locks are released
// with the context that holds them). No polling and no timeout: the grant is the death.
import type { Remote } from 'comlink';

/** Resolves when the worker is gone; rejects when there is no way to watch it here. */
export type LifeWatch = (worker: Worker, api: Remote<{ holdLifeLock(name: string): Promise<boolean> }>) => Promise<void>;

let counter = 0;

export const watchByLock: LifeWatch = async (_worker, api) => {
  const locks = (globalThis as { navigator?: Navigator }).navigator?.locks;
  if (!locks) throw new Error('no Web Locks');
  const name = `spof-studio-worker-life-${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2)}`;
  // The worker has the lock once this answers; asked earlier, the page would get it at once.
  if (!(await api.holdLifeLock(name))) throw new Error('the worker has no Web Locks');
  await locks.request(name, () => undefined);
};

/** The worker's side: takes the lock and never lets it go; true once held. */
export function holdLifeLock(name: string): Promise<boolean> {
  const locks = (globalThis as { navigator?: Navigator }).navigator?.locks;
  if (!locks) return Promise.resolve(false);
  return new Promise<boolean>((held) => {
    void locks.request(name, () => {
      held(true);
      return new Promise<never>(() => {});
    });
  });
}
