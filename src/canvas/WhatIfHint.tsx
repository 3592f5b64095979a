// Shown over the canvas in what-if mode: how to use it and what is failed.
import { FlaskConical } from 'lucide-react';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { failableIds } from '../store/analysisMarks';
import { elementNames } from '../store/elementNames';

export function WhatIfHint() {
  const active = useAnalysis((s) => s.whatIf.active);
  const failed = useAnalysis((s) => s.whatIf.failed);
  const doc = useDocument((s) => s.doc);
  if (!active) return null;
  const shown = failableIds(doc, failed);
  return (
    <div className="what-if-hint" role="status">
      <FlaskConical size={16} aria-hidden />
      <span>
        {shown.length === 0
          ? 'What-if: click components, instances, zones, regions or links to fail them.'
          : `What-if: ${elementNames(doc, shown).join(', ')} failed. Click again to restore.`}
      </span>
    </div>
  );
}
