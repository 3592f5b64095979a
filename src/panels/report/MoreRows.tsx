// Long lists in the report show their first rows and grow a page at a time: the 20,000 SPOFs
// of a long chain were 100,000 elements of the page, seconds of its time on every analysis,
// and a "Show all" of its 100,000 findings froze it again.
import { useState } from 'react';

/** Rows added by each click. */
export const ROWS_AT_ONCE = 50;

/** How many of `total` rows to draw (`first` at the start), and the button that draws more. */
export function useMoreRows(total: number, noun: string, first = ROWS_AT_ONCE): { shown: number; more: React.ReactNode } {
  const [wanted, setWanted] = useState(first);
  const shown = Math.min(wanted, total);
  const left = total - shown;
  const more = left > 0 && (
    <button type="button" className="rp-link rp-more" data-testid="show-more-rows" onClick={() => setWanted(shown + ROWS_AT_ONCE)}>
      Show {Math.min(ROWS_AT_ONCE, left)} more of the {left.toLocaleString('en-US')} {noun} left
    </button>
  );
  return { shown, more };
}
