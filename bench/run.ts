// `npm run bench`: every benchmark in turn (not part of the test run).
import { runEngineBench } from './engine/bench';

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
if (only.length === 0 || only.includes('engine')) runEngineBench();
if (only.length === 0 || only.includes('plan')) (await import('./plan/bench')).runPlanBench();
if (only.length === 0 || only.includes('plan-app')) await (await import('./plan/app')).runAppPlanBench(flags);
if (only.length === 0 || only.includes('outages')) (await import('./outages/bench')).runOutagesBench();
if (only.length === 0 || only.includes('layout')) await (await import('./layout/layout')).runLayoutBench();
if (only.length === 0 || only.includes('ui')) await (await import('./ui/ui')).runUiBench(flags);
if (only.length === 0 || only.includes('import')) await (await import('./import/import')).runImportBench();
if (only.length === 0 || only.includes('limits')) (await import('./limits/bench')).runLimitsBench(only.filter((o) => o !== 'limits'));
if (only.length === 0 || only.includes('limits-layout')) await (await import('./limits/layout')).runLimitsLayoutBench(only.filter((o) => o !== 'limits-layout' && o !== 'limits'));
if (only.length === 0 || only.includes('limits-mermaid')) (await import('./limits/mermaid')).runMermaidLimitsBench();
