import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HearsayError } from '../model/errors.js';
import { isBlockedAddress } from './address-guard.js';
import { decodeText } from './decode.js';
import type { FetchOptions, FetchResult } from './types.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'Hearsay/0.1 (statement extraction)';

/**
 * Fetches an http(s) URL as text: one deadline for the whole fetch, a body size limit (after decompression),
 * at most `maxRedirects` redirects (a loop is reported), and — unless `allowPrivate` — every address the host
 * resolves to must be public; the connection then goes to the address that was checked (no DNS rebinding).
 * The body is decoded by the Content-Type charset (HTML: also `<meta charset>`), else as strict UTF-8.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  if (!(timeoutMs > 0) || !(maxBytes > 0) || !(maxRedirects >= 0)) throw new RangeError('fetchUrl: timeoutMs and maxBytes must be > 0, maxRedirects >= 0');
  let current = parseHttpUrl(url, url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen = new Set<string>();
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(current.href);
      const target = await resolveTarget(current, options.allowPrivate === true, url, controller.signal);
      const response = await send(current, target, controller.signal, url, timeoutMs);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location !== undefined) {
        response.resume();
        const next = parseHttpUrl(response.headers.location, url, current);
        if (seen.has(next.href)) throw new HearsayError(`redirect loop at ${next.href} (expected a redirect to end at a page)`, { input: url });
        if (redirects >= maxRedirects) throw new HearsayError(`too many redirects (more than ${maxRedirects}; expected at most ${maxRedirects})`, { input: url });
        current = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new HearsayError(`HTTP ${status} ${response.statusMessage ?? ''}`.trimEnd() + ' (expected a 2xx response)', { input: url });
      }
      const contentType = (response.headers['content-type'] ?? '').trim();
      if (!isTextualType(contentType)) {
        response.resume();
        throw new HearsayError(`unsupported Content-Type '${contentType}' (expected HTML, plain text or an RSS/Atom feed)`, { input: url });
      }
      const bytes = await readBody(response, maxBytes, url, controller.signal, timeoutMs);
      return { body: decodeBody(bytes, contentType, url), contentType, finalUrl: current.href };
    }
  } finally {
    clearTimeout(timer);
  }
}

const TEXTUAL_TYPES = new Set(['', 'application/octet-stream', 'application/xhtml+xml', 'application/xml', 'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/x-ndjson', 'application/jsonl', 'application/json']);

/** The lower-cased media type of a Content-Type header, without parameters. */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** True for the media types a reader can use; an absent or generic type is sniffed after decoding. */
function isTextualType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type.startsWith('text/') || TEXTUAL_TYPES.has(type);
}

function parseHttpUrl(value: string, input: string, base?: URL): URL {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    throw new HearsayError(`not a valid URL '${value}' (expected http:// or https://)`, { input });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new HearsayError(`unsupported URL scheme '${parsed.protocol}' (expected http or https)`, { input });
  }
  parsed.hash = '';
  return parsed;
}

interface Target {
  /** The checked addresses to connect to; empty for an IP-literal host. */
  readonly addresses: readonly LookupAddress[];
}

/** Resolves the host and refuses it when any of its addresses is not public (unless allowed). */
async function resolveTarget(url: URL, allowPrivate: boolean, input: string, signal: AbortSignal): Promise<Target> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) !== 0) {
    if (!allowPrivate && isBlockedAddress(host)) throw refused(host, input);
    return { addresses: [] };
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, found) => {
      if (error !== null) reject(new HearsayError(`cannot resolve host '${host}' (${error.code ?? error.message}); expected a reachable web address`, { input, cause: error }));
      else resolve(found);
    });
  });
  if (signal.aborted) throw new HearsayError('timed out while resolving the host', { input });
  if (addresses.length === 0) throw new HearsayError(`cannot resolve host '${host}' (no addresses)`, { input });
  if (!allowPrivate) {
    const blocked = addresses.find((entry) => isBlockedAddress(entry.address));
    if (blocked !== undefined) throw refused(`${host} (${blocked.address})`, input);
  }
  return { addresses };
}

function refused(what: string, input: string): HearsayError {
  return new HearsayError(`refusing to fetch a loopback, private or link-local address: ${what} (expected a public web address; use --allow-private-urls to allow it)`, { input });
}

/** Sends one GET; the connection uses only the checked addresses. */
function send(url: URL, target: Target, signal: AbortSignal, input: string, timeoutMs: number): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    const all = (lookupOptions as { all?: boolean }).all === true;
    const first = target.addresses[0]!;
    if (all) (callback as (error: null, addresses: LookupAddress[]) => void)(null, [...target.addresses]);
    else callback(null, first.address, first.family);
  };
  const requestOptions: RequestOptions = {
    method: 'GET',
    headers: {
      'user-agent': USER_AGENT,
      accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1',
      'accept-encoding': 'gzip, deflate, br',
    },
    signal,
    ...(target.addresses.length > 0 ? { lookup: pinned } : {}),
  };
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, requestOptions, resolve);
    request.on('error', (error: NodeJS.ErrnoException) => reject(networkError(error, signal, input, timeoutMs)));
    request.end();
  });
}

function networkError(error: NodeJS.ErrnoException, signal: AbortSignal, input: string, timeoutMs: number): HearsayError {
  if (signal.aborted) return new HearsayError(`timed out after ${timeoutMs} ms (expected a response within the time limit; see --timeout-ms)`, { input, cause: error });
  return new HearsayError(`fetch failed: ${error.code ?? error.message} (expected a reachable web address)`, { input, cause: error });
}

/** Reads the (decompressed) body, refusing bodies over `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number, input: string, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes, input);
  }
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  if (decoder === null && encoding !== 'identity' && encoding !== '') {
    response.destroy();
    throw new HearsayError(`unsupported Content-Encoding '${encoding}' (expected gzip, deflate, br or none)`, { input });
  }
  const stream: NodeJS.ReadableStream = decoder === null ? response : response.pipe(decoder);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes, input);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HearsayError) throw error;
    const errno = error as NodeJS.ErrnoException;
    if (signal.aborted) throw networkError(errno, signal, input, timeoutMs);
    throw new HearsayError(`cannot read the response body (${errno.code ?? errno.message})`, { input, cause: error });
  } finally {
    response.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number, input: string): HearsayError {
  return new HearsayError(`response larger than ${maxBytes} bytes (expected at most ${maxBytes}; see --max-bytes)`, { input });
}

/** Decodes a body by the Content-Type charset, else (for HTML) a `<meta charset>` in the first 1024 bytes, else UTF-8. */
function decodeBody(bytes: Uint8Array, contentType: string, input: string): string {
  const header = /;\s*charset\s*=\s*"?([A-Za-z0-9_.:-]+)/i.exec(contentType);
  if (header !== null) return decodeText(bytes, input, header[1]!);
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const meta = /<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(head);
  return decodeText(bytes, input, meta === null ? null : meta[1]!);
}
