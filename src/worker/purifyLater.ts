// Mermaid hands every label, tooltip and title it parses to DOMPurify, which needs a DOM; a
// worker has none, and there DOMPurify's default instance has no `sanitize` at all. The
// import makes labels plain before mermaid sees them (src/io/mermaidPrepare.ts), so nearly
// every text takes DOMPurify's own shortcut: no `<`, returned as it is. That is done here,
// exactly. Any other text is asked of the page, whose DOMPurify answers it
// (src/commands/purifyOnPage.ts); the diagram is then parsed again with the answers.
import DOMPurify from 'dompurify';

/** A text mermaid asked DOMPurify to sanitize, with the options it gave. */
export interface SanitizeAsk {
  key: string;
  text: string;
  config?: Record<string, unknown>;
}

/** The options mermaid passes by default (none, for its script removal; `style` forbidden, for its labels). */
const DEFAULT_CONFIGS = new Set(['null', '{}', '{"FORBID_TAGS":["style"]}']);

const configKey = (config: unknown): string => {
  try {
    return JSON.stringify(config ?? null);
  } catch {
    return '"unreadable"';
  }
};

/** Whether DOMPurify returns the text untouched, before it parses anything: so does this thread. */
export const takesShortcut = (text: string, config: unknown): boolean => text !== '' && !text.includes('<') && DEFAULT_CONFIGS.has(configKey(config));

export const sanitizeKey = (text: string, config: unknown): string => `${configKey(config)}\n${text}`;

/** What the page answered, and what this parse asked that it had not. */
const answers = new Map<string, string>();
const asked = new Map<string, SanitizeAsk>();

/**
 * Replaces the default instance's `sanitize` (mermaid calls it by property, so this takes
 * effect for mermaid too) and `addHook`: the hooks mermaid adds are the page's to run.
 */
export function purifyLater(instance: { sanitize: unknown; addHook: unknown } = DOMPurify as never): void {
  instance.addHook = () => undefined;
  instance.sanitize = (dirty: unknown, config?: Record<string, unknown>): string => {
    const text = String(dirty);
    if (takesShortcut(text, config)) return text;
    const key = sanitizeKey(text, config);
    const answer = answers.get(key);
    if (answer !== undefined) return answer;
    if (!asked.has(key)) asked.set(key, { key, text, ...(config === undefined ? {} : { config }) });
    // Not the answer: a parse that asked anything is read again once the page has answered.
    return text;
  };
}

/** Whether this thread's DOMPurify cannot sanitize (a worker, Node without a DOM). */
export const purifyNeedsHelp = (): boolean => !(DOMPurify as { isSupported?: boolean }).isSupported;

/** Runs `read` with the page's answers so far; the texts it asked that were not answered yet. */
export async function withAnswers<T>(given: readonly [string, string][], read: () => Promise<T>): Promise<{ result: T; asks: SanitizeAsk[] }> {
  answers.clear();
  asked.clear();
  for (const [key, value] of given) answers.set(key, value);
  try {
    const result = await read();
    return { result, asks: [...asked.values()] };
  } finally {
    answers.clear();
    asked.clear();
  }
}
