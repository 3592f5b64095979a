// Where a share link points and whether a URL carries one. Pure, so it is unit-tested
// without a browser; the share command and the startup code use it.
import { SHARE_PARAM } from '../io/shareParam';

/** The page's address without its hash, followed by the design's `#topology=...` hash. */
export function shareUrl(pageHref: string, hash: string): string {
  const at = pageHref.indexOf('#');
  return `${at < 0 ? pageHref : pageHref.slice(0, at)}${hash.startsWith('#') ? hash : `#${hash}`}`;
}

/** True when a URL hash asks to open a design (`#topology=...`, alone or among `&` parameters). */
export function hasShareHash(hash: string): boolean {
  return hash.replace(/^#/, '').split('&').some((p) => p.startsWith(`${SHARE_PARAM}=`));
}

/**
 * Chat apps and some e-mail clients cut links past a few thousand characters; beyond this
 * the popover says so (the link itself still works where it arrives whole).
 */
export const LONG_LINK_CHARS = 8000;
