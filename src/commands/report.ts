// The report to share, from the app (DESIGN section 5, "Images"): the headline figures, the
// picture, the downtime table, the SPOFs, the findings and the plan if one was applied, as
// Markdown (for a wiki or a pull request) or as one HTML page with no script.
import { FileCode, FileText } from 'lucide-react';
import { appliedPlanFor, usePlan } from '../panels/report/planAction';
import type { ReportPlan } from '../report/shareReport';
import { useDocument } from '../store/document';
import { useUi } from '../store/ui';
import { AnalysisClient } from '../worker/analysisClient';
import { fileStem } from './documents';
import { fileSave } from './fileSave';
import type { Command } from './types';

type ReportFormat = 'markdown' | 'html';

const hasComponents = () => useDocument.getState().doc.components.length > 0;

/** The plan the person applied to this very design, if any. */
function appliedPlan(): ReportPlan | undefined {
  const { doc } = useDocument.getState();
  const applied = appliedPlanFor(usePlan.getState().state, doc);
  if (!applied) return undefined;
  return { target: applied.plan.target, before: applied.plan.before, steps: applied.steps, met: applied.met, message: applied.plan.message, applied: true };
}

let client: AnalysisClient | null = null;

/**
 * The report of the design on the canvas, written by the analysis worker: the design is
 * analysed again there, so the figures are those of this very document even while the live
 * analysis is catching up, and the engine stays off the main thread and out of its bundle.
 */
export async function reportText(format: ReportFormat): Promise<string> {
  const { doc } = useDocument.getState();
  client ??= new AnalysisClient();
  const outcome = await client.shareReport({ document: doc, format, plan: appliedPlan() });
  if (outcome.status === 'superseded') throw new Error('another report was asked for meanwhile');
  if (outcome.status === 'failed') throw new Error(outcome.error);
  if (!outcome.response.ok) throw new Error(outcome.response.errors.join('; '));
  return outcome.response.text;
}

async function exportReport(format: ReportFormat): Promise<void> {
  const extension = format === 'markdown' ? '.md' : '.html';
  const type = format === 'markdown' ? 'text/markdown' : 'text/html';
  try {
    // The picker opens at once, while the click still counts as the person's gesture; the text follows.
    const blob = reportText(format).then((text) => new Blob([text], { type: `${type};charset=utf-8` }));
    await fileSave(blob, {
      fileName: `${fileStem(useDocument.getState().doc.name)}-report${extension}`,
      extensions: [extension],
      mimeTypes: [type],
      description: format === 'markdown' ? 'Markdown report' : 'HTML report',
    });
  } catch (e) {
    if ((e as Error).name !== 'AbortError') useUi.getState().showError('The report was not exported', [(e as Error).message]);
  }
}

export const exportReportMarkdown: Command = {
  id: 'export-report-markdown',
  label: 'Report (Markdown)',
  icon: FileText,
  predicate: hasComponents,
  perform: () => exportReport('markdown'),
};

export const exportReportHtml: Command = {
  id: 'export-report-html',
  label: 'Report (HTML)',
  icon: FileCode,
  predicate: hasComponents,
  perform: () => exportReport('html'),
};
