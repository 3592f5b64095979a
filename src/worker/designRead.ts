// Reading a design from untrusted text (a `.spof.json` file, a share link), as plain
// functions: the analysis worker runs them so that JSON.parse, the schema and the reference
// checks of a large design never hold the page (readOffThread.ts), and Node runs them in
// tests and where there is no worker. Errors are values, never throws.
import { decodeShareHash, type ShareDecodeResult } from '../io/shareLink';
import { parseTopology, type Topology } from '../model';
import { documentOf, noticeWarnings, problemText } from '../model/problemText';
import { needsLayout } from '../layout/needsLayout';
import { ensurePositions } from '../store/placement';

export type DesignRead =
  | { ok: true; topology: Topology; warnings: string[]; /** A design without positions, roughly placed here (store/placement.ts) until the auto-layout runs. */ placed?: Topology }
  | { ok: false; errors: string[] };

/** A topology file's text: the design and the warnings its notice lists, or each error named by its element and path. */
export function readDesignJson(text: string): DesignRead {
  const parsed = parseTopology(text);
  if (parsed.ok) {
    const t = parsed.topology;
    // A design without positions is roughly placed here as well (0.3-1 s at 5,000 components,
    // in Node on a loaded machine): the page then only draws it until the auto-layout replaces it.
    return { ok: true, topology: t, warnings: noticeWarnings(t, parsed.warnings), ...(needsLayout(t) ? { placed: ensurePositions(t) } : {}) };
  }
  const raw = documentOf(text);
  return { ok: false, errors: parsed.errors.map((p) => problemText(raw, p)) };
}

/** A `#topology=...` hash: decompressed, parsed and checked (io/shareLink.ts). */
export function readShareHash(hash: string): ShareDecodeResult {
  try {
    return decodeShareHash(hash);
  } catch (e) {
    return { ok: false, errors: [{ code: 'bad-encoding', path: 'link', message: `the link could not be read (${(e as Error).message})` }], warnings: [] };
  }
}
