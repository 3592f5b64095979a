// The rows of a long list that the answer did not bring (worker/pageAnswer.ts) are asked for
// when they are to be shown, and again after a newer answer replaced the one asked.
import { useEffect } from 'react';
import { useAnalysis } from '../../store/analysis';
import type { PartialList } from '../../worker/pageAnswer';

export function useRowsWanted(list: PartialList, shown: number, have: number): void {
  const want = useAnalysis((s) => s.wantRows);
  const answer = useAnalysis((s) => s.result?.partial?.answer);
  useEffect(() => {
    if (shown > have) want(list, shown);
  }, [list, shown, have, want, answer]);
}

export function RowsLoading({ shown, have, noun }: { shown: number; have: number; noun: string }) {
  if (shown <= have) return null;
  return <div className="rp-note" role="status" data-testid="rows-loading">Loading {(shown - have).toLocaleString('en-US')} more {noun}…</div>;
}
