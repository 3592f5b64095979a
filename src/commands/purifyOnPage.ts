// The page's half of src/worker/purifyLater.ts: the texts mermaid, parsing in the worker,
// asked DOMPurify to sanitize, sanitized here with the page's DOM exactly as mermaid on the
// page would (its DOMPurify, its two hooks), a few at a time so that the page keeps drawing.
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { sanitizeKey, takesShortcut, type SanitizeAsk } from '../worker/purifyLater';

/** Work per task before the page gets a turn. */
const SLICE_MS = 20;
/** Rounds of sanitizing what a sanitized text becomes (mermaid sanitizes its own output once more). */
const ROUNDS = 3;

const instances = new WeakMap<object, DOMPurify>();

/**
 * A DOMPurify of its own, with the hooks mermaid adds to its DOMPurify (mermaid 11,
 * diagrams/common/common.ts): a link keeps its `target`, and `_blank` gets `rel="noopener"`.
 */
function purifier(window: object): DOMPurify {
  let purify = instances.get(window);
  if (purify) return purify;
  purify = createDOMPurify(window as never);
  const kept = 'data-temp-href-target';
  purify.addHook('beforeSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('target')) node.setAttribute(kept, node.getAttribute('target') ?? '');
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A' || !node.hasAttribute(kept)) return;
    node.setAttribute('target', node.getAttribute(kept) ?? '');
    node.removeAttribute(kept);
    if (node.getAttribute('target') === '_blank') node.setAttribute('rel', 'noopener');
  });
  instances.set(window, purify);
  return purify;
}

/**
 * The answers to `asks`, by key, and to what each answer becomes when sanitized again with
 * any of the options asked (mermaid removes scripts first, then sanitizes that result).
 */
export async function purifyOnPage(asks: readonly SanitizeAsk[], window: object = globalThis.window): Promise<[string, string][]> {
  const purify = purifier(window);
  const configs = [...new Map(asks.map((a) => [JSON.stringify(a.config ?? null), a.config])).values()];
  const answers = new Map<string, string>();
  let pending = [...asks];
  let sliceStart = performance.now();
  for (let round = 0; round < ROUNDS && pending.length > 0; round++) {
    const next: SanitizeAsk[] = [];
    for (const ask of pending) {
      if (answers.has(ask.key)) continue;
      const out = String(purify.sanitize(ask.text, ask.config ?? {}));
      answers.set(ask.key, out);
      for (const config of configs) {
        const key = sanitizeKey(out, config);
        if (!answers.has(key) && !takesShortcut(out, config)) next.push({ key, text: out, ...(config === undefined ? {} : { config }) });
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
    pending = next;
  }
  return [...answers];
}
