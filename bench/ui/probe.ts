// What the benchmark installs in the page before the app runs (Playwright's init script):
// a PerformanceObserver for long tasks, a MutationObserver that notes when the first canvas
// node appears, when the first analysis result shows, and every new system availability,
// and a requestAnimationFrame recorder for frame times. All times are performance.now()
// in the page (milliseconds since navigation start).

export interface ProbeState {
  longTasks: { start: number; duration: number }[];
  firstNode: number | null;
  firstResult: number | null;
  /** Every change of `system-availability`'s data-value, with when it was seen. */
  values: { at: number; value: string }[];
  /** Every change of `analysis-status`'s data-state (running, idle, error), with when it was seen. */
  states: { at: number; state: string }[];
  /** When the last file input changed (an import) and the last Enter was pressed (an edit commit). */
  fileChange: number | null;
  enterAt: number | null;
  frames: number[] | null;
}

/** Runs in the page; must not reference anything outside itself. */
export function installProbe(): void {
  const probe: ProbeState = { longTasks: [], firstNode: null, firstResult: null, values: [], states: [], fileChange: null, enterAt: null, frames: null };
  (window as unknown as { __probe: ProbeState }).__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).type === 'file') probe.fileChange = e.timeStamp;
  }, true);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') probe.enterAt = e.timeStamp;
  }, true);
  let lastValue: string | null = null;
  let lastState: string | null = null;
  const look = () => {
    const now = performance.now();
    if (probe.firstNode === null && document.querySelector('.react-flow__node')) probe.firstNode = now;
    const el = document.querySelector('[data-testid="system-availability"]');
    const status = document.querySelector('[data-testid="analysis-status"]');
    const value = el?.getAttribute('data-value') ?? null;
    if (probe.firstResult === null && value !== null && status?.getAttribute('data-state') === 'idle') probe.firstResult = now;
    const state = status?.getAttribute('data-state') ?? null;
    if (state !== null && state !== lastState) {
      lastState = state;
      probe.states.push({ at: now, state });
    }
    if (value !== null && value !== lastValue) {
      lastValue = value;
      probe.values.push({ at: now, value });
    }
  };
  const start = () => new MutationObserver(look).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-value', 'data-state'],
  });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}

/** Runs in the page: records the time of every animation frame until stopped. */
export function startFrames(): void {
  const probe = (window as unknown as { __probe: ProbeState }).__probe;
  const frames: number[] = [];
  probe.frames = frames;
  const tick = (t: number) => {
    if (probe.frames !== frames) return;
    frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
