import { createHash } from 'node:crypto';

/** Normalized article text for identity: NFC, lower-case, white space collapsed — so re-encoded or re-wrapped copies hash alike. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** SHA-256 (hex) of the normalized text. */
export function textHash(text: string): string {
  return hashNormalized(normalizeText(text));
}

const TRACKING_PARAMETER = /^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|ref_src$|cmpid$|ocid$|igshid$)/u;

/** A URL in one canonical form (lower-case host without "www.", no fragment, no tracking parameters, sorted query, no trailing slash); null when unparsable. */
export function canonicalUrl(url: string | null): string | null {
  if (url === null || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  const host = parsed.hostname.toLowerCase().replace(/^www\./u, '');
  const kept = [...parsed.searchParams.entries()].filter(([name]) => !TRACKING_PARAMETER.test(name.toLowerCase()));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const query = kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
  let path = parsed.pathname;
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  return `https://${host}${port}${path === '/' ? '' : path}${query}`;
}

/** The outlet behind a URL: its host without "www.". */
export function outletOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === '' ? null : host.replace(/^www\./u, '');
  } catch {
    return null;
  }
}

/** Lower-cased word tokens (letters, digits, inner apostrophes/hyphens/decimal points), in order. */
export function wordTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** SHA-256 (hex) of an already normalized text: textHash without normalizing twice. */
export function hashNormalized(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex');
}
