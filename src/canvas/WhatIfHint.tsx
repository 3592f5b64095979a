// Shown over the canvas in what-if mode: how to use it and what is failed.
import { FlaskConical } from 'lucide-react';
import { useAnalysis } from '../store/analysis';

export function WhatIfHint() {
  const active = useAnalysis((s) => s.whatIf.active);
  const failed = useAnalysis((s) => s.whatIf.failed);
  if (!active) return null;
  return (
    <div className="what-if-hint" role="status">
      <FlaskConical size={16} aria-hidden />
      <span>
        What-if: click components, zones or regions to fail them.
        {failed.size > 0 ? ` Failed: ${[...failed].join(', ')}.` : ''}
      </span>
    </div>
  );
}
