// Opening a design reads untrusted text: decompressing a link, JSON.parse, the schema and the
// reference checks held the page 100-300 ms at 1,000 components and more at 5,000. They run in
// a worker of their own (an engine worker, src/worker/designRead.ts) and only the checked
// design comes back, its user-keyed records made prototype-free again (the structured clone
// gives plain objects). So does a Mermaid diagram (src/worker/mermaidRead.ts): mermaid's parse
// of one at the limits held the page for one task of 21.7 s. Where there is no Worker (unit
// tests in Node) they run here.
import type { ShareDecodeResult } from '../io/shareLink';
import type { Topology } from '../model';
import type { DraftRead } from '../store/persistence';
import { rekeyedAfterClone } from '../model/userKeys';
import { AnalysisClient, type WorkerOutcome } from '../worker/analysisClient';
import type { DesignRead } from '../worker/designRead';
import type { MermaidRead } from '../worker/mermaidRead';

let client: AnalysisClient | null = null;
// Its own client: an edit's analysis must not supersede a file being read, nor the reverse.
const reader = () => (typeof Worker === 'undefined' ? null : (client ??= new AnalysisClient()));
const onThisThread = () => import('../worker/designRead');
/** Opens begun on this client: a read that asks the worker more than once stops when a newer one began. */
let opened = 0;
const mermaidHere = () => import('../worker/mermaidRead');

/** What came back, or null when a newer open superseded this one (it then shows nothing). */
function answer<T extends { ok: boolean }>(outcome: WorkerOutcome<T>, failed: (reason: string) => T, rekey: (ok: T) => T): T | null {
  if (outcome.status === 'superseded') return null;
  if (outcome.status === 'failed') return failed(outcome.error);
  return outcome.response.ok ? rekey(outcome.response) : outcome.response;
}

const rekeyTopology = <T extends { topology: Topology }>(r: T): T => ({ ...r, topology: rekeyedAfterClone(r.topology) });

/** A topology file's text, read off the page's thread; null when a newer open superseded it. */
export async function readDesignJsonOffThread(text: string, worker: AnalysisClient | null = reader()): Promise<DesignRead | null> {
  opened++;
  if (!worker) return (await onThisThread()).readDesignJson(text);
  return answer<DesignRead>(
    await worker.readDesignJson(text),
    (reason) => ({ ok: false, errors: [`the design could not be read (${reason})`] }),
    (r) => (r.ok ? { ...rekeyTopology(r), ...(r.placed ? { placed: rekeyedAfterClone(r.placed) } : {}) } : r),
  );
}

/** A share link's hash, read off the page's thread; null when a newer open superseded it. */
export async function readShareHashOffThread(hash: string, worker: AnalysisClient | null = reader()): Promise<ShareDecodeResult | null> {
  opened++;
  if (!worker) return (await onThisThread()).readShareHash(hash);
  return answer<ShareDecodeResult>(
    await worker.readShareHash(hash),
    (reason) => ({ ok: false, errors: [{ code: 'bad-encoding', path: 'link', message: `the link could not be read (${reason})` }], warnings: [] }),
    (r) => (r.ok ? rekeyTopology(r) : r),
  );
}

/**
 * The autosaved draft's text, read off the page's thread and placed where it has no positions
 * (persistence.ts); null when the worker could not answer, and the page then reads it itself.
 */
export async function readDraftOffThread(text: string, worker: AnalysisClient | null = reader()): Promise<DraftRead | null> {
  opened++;
  if (!worker) return null;
  const outcome = await worker.readDesignJson(text);
  if (outcome.status !== 'done') return null;
  const r = outcome.response;
  return r.ok ? { ok: true, topology: rekeyedAfterClone(r.placed ?? r.topology) } : { ok: false, errors: r.errors };
}

/**
 * Times the worker is asked again with the page's DOMPurify's answers: one is enough (mermaid
 * sanitizes a text, then that result); the others are for a parse that asks something new.
 */
const MERMAID_ASKS = 3;

/** A Mermaid diagram read into a design off the page's thread; null when a newer open superseded it. */
export async function readMermaidOffThread(text: string, fileName: string, worker: AnalysisClient | null = reader()): Promise<MermaidRead | null> {
  const mine = ++opened;
  const sanitized: [string, string][] = [];
  for (let round = 0; ; round++) {
    // Asked again after a newer open began, the worker would drop that one for this one.
    if (mine !== opened) return null;
    const read = worker
      ? answer<MermaidRead>(
          await worker.readMermaid({ text, fileName, sanitized }),
          (reason) => ({ ok: false, errors: [`the diagram could not be read (${reason})`] }),
          (r) => (r.ok ? { ...r, topology: rekeyedAfterClone(r.topology), ...(r.placed ? { placed: rekeyedAfterClone(r.placed) } : {}) } : r),
        )
      : await (await mermaidHere()).readMermaid({ text, fileName, sanitized });
    if (read === null || read.ok || !read.asks) return read;
    if (round === MERMAID_ASKS) return { ok: false, errors: ['the diagram could not be read: mermaid kept asking for labels to be sanitized'] };
    const { purifyOnPage } = await import('./purifyOnPage');
    sanitized.push(...(await purifyOnPage(read.asks)));
  }
}
