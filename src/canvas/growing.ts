// Drawing the overview map of a design under 1,000 shapes a slice per task (larger, it is a few paths): a
// thousand rectangles created in the task that opens the design made it the longest task
// of the opening; a slice of them costs a few milliseconds.
import { useEffect, useRef, useState } from 'react';

/** Shapes created per task. */
export const SLICE = 250;

/**
 * How many of `total` shapes to draw now: a slice at first, a slice more each task until all
 * are. A jump in the total (another design opened) starts again from one slice; an edit
 * (one more, one less) is drawn at once.
 */
export function useGrowingCount(total: number): number {
  const [shown, setShown] = useState(SLICE);
  const last = useRef(total);
  const jumped = Math.abs(total - last.current) > SLICE;
  useEffect(() => {
    if (Math.abs(total - last.current) > SLICE) {
      last.current = total;
      setShown(SLICE);
      return;
    }
    last.current = total;
    if (shown >= total) return;
    const next = setTimeout(() => setShown((n) => n + SLICE), 0);
    return () => clearTimeout(next);
  }, [shown, total]);
  return jumped ? SLICE : shown;
}
