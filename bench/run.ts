// `npm run bench`: every benchmark in turn (not part of the test run).
import { runEngineBench } from './engine/bench';

const only = process.argv.slice(2);
if (only.length === 0 || only.includes('engine')) runEngineBench();
if (only.length === 0 || only.includes('layout')) await (await import('./layout/layout')).runLayoutBench();
