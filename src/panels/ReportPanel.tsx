// The analysis report, live: availability and nines, downtime, clients, SPOFs, the
// stage, the SLO and its plan, findings, what to fix first, pairs, data protection,
// degradations and the method. Everything comes from the analysis store (the worker's
// answer); the panel computes nothing of its own.
import { AlertTriangle, CheckCircle2, Loader2 } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { Clients } from './report/Clients';
import { DesignWarnings } from './report/DesignWarnings';
import { EntryPoints, NothingConnected, Unreached } from './report/Coverage';
import { DataProtection } from './report/DataProtection';
import { Degradations } from './report/Degradations';
import { DowntimeTable } from './report/DowntimeTable';
import { Findings } from './report/Findings';
import { Headline } from './report/Headline';
import { Importance } from './report/Importance';
import { MethodNotes } from './report/MethodNotes';
import { OutagesLine } from './report/OutagesLine';
import { CostCard } from './report/CostCard';
import { DowntimeChartSection } from './report/DowntimeChart';
import { Pairs } from './report/Pairs';
import { Section } from './report/Section';
import { SloCard } from './report/SloCard';
import { SpofList } from './report/SpofList';
import { StageCard } from './report/StageCard';
import { WhatIfSummary } from './report/WhatIfSummary';
import './report/report.css';

const formatElapsed = (ms: number) => (ms < 1 ? '< 1 ms' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function Status() {
  const analysis = useAnalysis((s) => s.status);
  const ms = useAnalysis((s) => s.result?.elapsedMs);
  // A file being read is about to replace the design shown: that one's "Up to date" would mislead.
  const opening = useAnalysis((s) => s.opening);
  // data-state keeps DESIGN's three values (idle, running, error): other tools wait on them, and
  // a design on its way is work in progress, as its analysis is.
  const status = opening !== null ? 'running' : analysis;
  const busy = status === 'running';
  const text = opening ?? (status === 'running' ? 'Analysing…' : status === 'error' ? 'Error' : ms !== undefined ? `Up to date · ${formatElapsed(ms)}` : 'Up to date');
  return (
    <span className={`rp-status is-${busy ? 'running' : status}`} data-testid="analysis-status" data-state={status} role="status"
      data-elapsed-ms={ms !== undefined ? Math.round(ms) : undefined}>
      {busy ? <Loader2 size={13} className="rp-spin" aria-hidden /> : status === 'error' ? <AlertTriangle size={13} aria-hidden /> : <CheckCircle2 size={13} aria-hidden />}
      {text}
    </span>
  );
}

function ErrorCard() {
  const error = useAnalysis((s) => s.error);
  const problems = useAnalysis((s) => s.problems);
  return (
    <div className="rp-error" data-testid="analysis-error">
      <div className="rp-error-title"><AlertTriangle size={15} aria-hidden />{error}</div>
      {problems.length > 0 && <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
    </div>
  );
}

function Body() {
  const doc = useDocument((s) => s.doc);
  const result = useAnalysis((s) => s.result);
  const status = useAnalysis((s) => s.status);
  const whatIf = useAnalysis((s) => (s.whatIf.active ? s.whatIf.report : null));
  if (status === 'error') return <ErrorCard />;
  if (!result) return <div className="rp-empty rp-pad">Analysing the design…</div>;
  const { report, insight } = result;
  if (report.basis === 'unconnected') {
    // No figure at all: a design with nothing connected is not "100%, no SPOF".
    return (
      <div className={`rp-body${status === 'running' ? ' is-stale' : ''}`}>
        <NothingConnected doc={doc} />
        <DesignWarnings doc={doc} warnings={result.warnings} />
        <Section title="Stage"><StageCard stage={insight.stage} /></Section>
      </div>
    );
  }
  if (whatIf?.whatIf) {
    // Every figure here is the what-if figure; what describes the design without failures waits.
    const w = whatIf.whatIf;
    return (
      <div className={`rp-body${status === 'running' ? ' is-stale' : ''}`}>
        <Headline doc={doc} report={report} whatIf={whatIf} />
        <WhatIfSummary doc={doc} whatIf={whatIf} w={w} />
        <Unreached doc={doc} report={report} />
        <Section title="Single points of failure left" count={whatIf.spofs.length} tone={whatIf.spofs.length > 0 ? 'danger' : 'ok'} testId="spof-section">
          <SpofList doc={doc} report={whatIf} />
        </Section>
        <Section title="Pairs of failures" count={whatIf.pairs.length} defaultOpen={false}><Pairs doc={doc} report={whatIf} /></Section>
        <div className="rp-note rp-pad" data-testid="what-if-note">
          The stage, the SLO, the findings, what to fix first and the money describe the design without failures: leave What-if to see them.
        </div>
      </div>
    );
  }
  const target = report.system.slo?.target;
  // The answer may hold the first rows only (worker/pageAnswer.ts): the counts are the whole lists'.
  const findingsCount = result.partial?.findings ?? insight.findings.length;
  const degradationsCount = result.partial?.degradations ?? insight.degradations.length;
  const showClients = report.clients.length > 1 || report.clients.some((c) => c.slo);
  return (
    <div className={`rp-body${status === 'running' ? ' is-stale' : ''}`}>
      {report.basis === 'entry-points' && <EntryPoints doc={doc} report={report} />}
      <Headline doc={doc} report={report} whatIf={null} />
      <Unreached doc={doc} report={report} />
      <DesignWarnings doc={doc} warnings={result.warnings} />
      <DowntimeTable figures={report.system} target={target} />
      <OutagesLine outages={report.outages.system} />
      <DowntimeChartSection />
      {report.cost && <Section title="Money" testId="cost-section"><CostCard doc={doc} cost={report.cost} /></Section>}
      {showClients && <Section title="Clients" count={report.clients.length}><Clients clients={report.clients} outages={report.outages.clients} /></Section>}
      <Section title="Single points of failure" count={report.spofs.length} tone={report.spofs.length > 0 ? 'danger' : 'ok'} testId="spof-section">
        <SpofList doc={doc} report={report} />
      </Section>
      <Section title="Stage"><StageCard stage={insight.stage} /></Section>
      <Section title="SLO" count={insight.slo.system || insight.slo.clients.length ? (insight.slo.met ? 'met' : 'not met') : undefined} tone={insight.slo.met ? 'ok' : 'danger'}>
        <SloCard slo={insight.slo} />
      </Section>
      <Section title="Findings" count={findingsCount}><Findings findings={insight.findings} total={findingsCount} /></Section>
      <Section title="What to fix first"><Importance doc={doc} report={report} /></Section>
      <Section title="Pairs of failures" count={report.pairs.length} defaultOpen={false}><Pairs doc={doc} report={report} /></Section>
      <Section title="Data protection" count={insight.dataProtection.length} defaultOpen={false}><DataProtection stores={insight.dataProtection} /></Section>
      {degradationsCount > 0 && (
        <Section title="Degradations" count={degradationsCount} defaultOpen={false}><Degradations items={insight.degradations} total={degradationsCount} /></Section>
      )}
      <Section title="Method and assumptions" defaultOpen={false}><MethodNotes doc={doc} report={report} /></Section>
    </div>
  );
}

export function ReportPanel() {
  const panel = useRef<HTMLElement>(null);
  // A what-if failure changes the headline: bring it into view.
  const failedCount = useAnalysis((s) => (s.whatIf.active ? s.whatIf.failed.size : -1));
  useEffect(() => {
    if (failedCount > 0) panel.current?.scrollTo({ top: 0, behavior: 'smooth' });
  }, [failedCount]);
  return (
    <aside className="report-panel" data-testid="report-panel" aria-label="Analysis" ref={panel}>
      <div className="rp-header">
        <span className="panel-heading rp-heading">Analysis</span>
        <Status />
      </div>
      <Body />
    </aside>
  );
}
