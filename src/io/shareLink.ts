// Share links: the whole design in the URL hash, `#topology=<codec>:<data>`. The codec is
// named so the encoding can change later without breaking old links (mermaid-live-editor's
// `pako:` prefix). Decoding never throws: a damaged or hostile link gives a clear error and
// goes through the same schema as any file.
import { Inflate, deflateSync } from 'fflate';
import { parseTopology, type Problem, type Topology } from '../model';
import { IO_ERROR_CODES, type IoProblem } from './problems';
import { SHARE_PARAM } from './shareParam';

export { SHARE_PARAM };

/** Raw deflate (RFC 1951), level 9, then base64url without padding (RFC 4648 section 5). */
export const SHARE_CODEC = 'deflate';
/** A design of thousands of components is well under 1 MB of JSON. */
export const MAX_SHARE_JSON_BYTES = 5 * 1024 * 1024;
/** Browsers cap URLs near 2 MB; anything longer did not come from a real link. */
export const MAX_SHARE_HASH_CHARS = 4 * 1024 * 1024;

export type ShareDecodeResult =
  | { ok: true; topology: Topology; warnings: Problem[] }
  | { ok: false; errors: IoProblem[]; warnings: Problem[] };

export function encodeShareHash(t: Topology): string {
  const bytes = new TextEncoder().encode(JSON.stringify(t));
  return `#${SHARE_PARAM}=${SHARE_CODEC}:${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

/** Reads `#topology=<codec>:<data>` (with or without the `#`, alone or among other `&` parameters). */
export function decodeShareHash(hash: string): ShareDecodeResult {
  const text = shareHashText(hash);
  return typeof text === 'string' ? parseSharedText(text) : text;
}

/** The checked design of a link's text (shareHashText). */
export function parseSharedText(json: string): ShareDecodeResult {
  const r = parseTopology(json);
  if (r.ok) return { ok: true, topology: r.topology, warnings: r.warnings };
  return { ok: false, errors: r.errors, warnings: r.warnings };
}

/**
 * The first half of decodeShareHash: the link's JSON text, decompressed, not yet parsed (the
 * app runs the halves as separate tasks, a few hundred milliseconds of work between them at
 * 1,000 components); or why there is none.
 */
export function shareHashText(hash: string): string | Extract<ShareDecodeResult, { ok: false }> {
  if (hash.length > MAX_SHARE_HASH_CHARS) return fail(IO_ERROR_CODES.tooLarge, `the link is ${hash.length} characters long; a share link is at most ${MAX_SHARE_HASH_CHARS}`);
  const param = hash.replace(/^#/, '').split('&').find((p) => p.startsWith(`${SHARE_PARAM}=`));
  if (param === undefined) return fail(IO_ERROR_CODES.notShareLink, `the link holds no design (no "#${SHARE_PARAM}=" part)`);
  // Chat clients sometimes percent-encode the `:` of a pasted link.
  const value = percentDecoded(param.slice(SHARE_PARAM.length + 1));
  const colon = value.indexOf(':');
  if (colon < 0) return fail(IO_ERROR_CODES.unknownCodec, `the design in the link names no codec (expected "${SHARE_CODEC}:...")`);
  const codec = value.slice(0, colon);
  if (codec !== SHARE_CODEC) {
    return fail(IO_ERROR_CODES.unknownCodec, `the link uses the codec ${JSON.stringify(codec.slice(0, 40))}, which this SPOF Studio does not know (it reads "${SHARE_CODEC}")`);
  }
  const bytes = fromBase64Url(value.slice(colon + 1));
  if (typeof bytes === 'string') return fail(IO_ERROR_CODES.badEncoding, `the link is damaged: ${bytes}`);
  const inflated = inflateCapped(bytes, MAX_SHARE_JSON_BYTES);
  if (typeof inflated === 'string') return fail(IO_ERROR_CODES.badCompression, `the link is damaged: ${inflated}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail(IO_ERROR_CODES.badEncoding, 'the link is damaged: its content is not UTF-8 text');
  }
}

function percentDecoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function fail(code: IoProblem['code'], message: string): Extract<ShareDecodeResult, { ok: false }> {
  return { ok: false, errors: [{ code, path: 'link', message }], warnings: [] };
}

/**
 * Inflates in small input steps and stops once the output passes `cap`, so a
 * decompression bomb (deflate reaches about 1000:1) never gets the memory it asks for.
 */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  let tooBig = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > cap) tooBig = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  const step = 1024;
  try {
    for (let i = 0; i < data.length && !tooBig; i += step) {
      inflater.push(data.subarray(i, Math.min(i + step, data.length)), i + step >= data.length);
    }
    if (data.length === 0) return 'it is empty';
  } catch (e) {
    return `it does not decompress (${(e as Error).message})`;
  }
  if (tooBig) return `it decompresses to more than ${cap / 1024 / 1024} MB`;
  if (!ended) return 'it is cut short';
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = bytes.length - i >= 3 ? 4 : bytes.length - i + 1;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Strict: only the base64url alphabet, no padding, a length a real encoding can have. */
export function fromBase64Url(text: string): Uint8Array | string {
  if (text.length === 0) return 'it holds no data';
  if (text.length % 4 === 1) return 'its data has an impossible length (cut or padded by hand)';
  const values = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const v = ALPHABET.indexOf(text[i]);
    if (v < 0) return `its data has the character ${JSON.stringify(text[i])} at position ${i + 1}, outside base64url`;
    values[i] = v;
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (values[i] << 18) | (values[i + 1] << 12) | ((values[i + 2] ?? 0) << 6) | (values[i + 3] ?? 0);
    out[o++] = (n >> 16) & 255;
    if (i + 2 < text.length) out[o++] = (n >> 8) & 255;
    if (i + 3 < text.length) out[o++] = n & 255;
  }
  return out;
}
