import { normalizeDate } from './dates.js';
import type { DomDocument } from './dom.js';

export interface HtmlMetadata {
  readonly title: string | null;
  readonly byline: string | null;
  /** Canonical URL (link rel=canonical, og:url, JSON-LD url), resolved against the page URL. */
  readonly canonicalUrl: string | null;
  readonly publishedAt: string | null;
}

/** Meta names that carry the publication date, most specific first. */
const DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'og:pubdate', 'datepublished',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publication_date', 'sailthru.date', 'parsely-pub-date',
];
const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline'];
const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author'];
const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle', 'blogposting', 'report', 'webpage', 'liveblogposting', 'socialmediaposting']);

/** Reads title, byline, canonical URL and publication date from meta tags, JSON-LD and `<time datetime>`. */
export function readHtmlMetadata(document: DomDocument, pageUrl: string | null): HtmlMetadata {
  const meta = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let index = 0; index < metas.length; index++) {
    const element = metas[index]!;
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = element.getAttribute('content') ?? element.getAttribute('datetime');
    if (key.length > 0 && content !== null && content.trim().length > 0 && !meta.has(key)) meta.set(key, content.trim());
  }
  const linked = readJsonLd(document);

  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url') ?? linked.url;
  const timeElement = document.querySelector('time[pubdate]') ?? document.querySelector('[itemprop="datePublished"][datetime]') ?? document.querySelector('time[datetime]');

  return {
    title: cleanText(linked.headline) ?? firstOf(meta, TITLE_KEYS) ?? cleanText(document.querySelector('title')?.textContent),
    byline: cleanText(linked.author) ?? firstOf(meta, AUTHOR_KEYS),
    canonicalUrl: resolveHttpUrl(canonicalHref ?? null, pageUrl),
    publishedAt:
      firstDate(DATE_KEYS.map((key) => meta.get(key))) ??
      normalizeDate(linked.datePublished) ??
      normalizeDate(timeElement?.getAttribute('datetime') ?? timeElement?.getAttribute('content') ?? null),
  };
}

function firstOf(meta: ReadonlyMap<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = cleanText(meta.get(key));
    if (value !== null && !/^https?:\/\//i.test(value)) return value;
  }
  return null;
}

function firstDate(values: ReadonlyArray<string | undefined>): string | null {
  for (const value of values) {
    const date = normalizeDate(value);
    if (date !== null) return date;
  }
  return null;
}

/** Collapses white space; null for nothing. */
export function cleanText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length === 0 ? null : text;
}

/** Resolves `href` against `base`; null unless the result is an http(s) URL. */
export function resolveHttpUrl(href: string | null, base: string | null): string | null {
  if (href === null || href.trim().length === 0) return null;
  try {
    const url = base === null ? new URL(href.trim()) : new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface LinkedData {
  readonly headline: string | null;
  readonly author: string | null;
  readonly datePublished: string | null;
  readonly url: string | null;
}

/** The article object of the page's JSON-LD (scripts that fail to parse are ignored: publishers ship broken ones). */
function readJsonLd(document: DomDocument): LinkedData {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  let fallback: Record<string, unknown> | null = null;
  for (let index = 0; index < scripts.length; index++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(scripts[index]!.textContent ?? '');
    } catch {
      continue;
    }
    // Breadth-first over arrays and @graph, bounded so a huge graph cannot stall the reader.
    const queue: unknown[] = [parsed];
    for (let visited = 0; visited < queue.length && visited < 1000; visited++) {
      const value = queue[visited];
      if (Array.isArray(value)) {
        // Appended one by one, at most up to the visit bound: spreading a huge array into push() overflows the stack.
        for (let index = 0; index < value.length && queue.length < 1000; index++) queue.push(value[index]);
        continue;
      }
      if (!isRecord(value)) continue;
      const graph: unknown = value['@graph'];
      if (Array.isArray(graph)) for (let index = 0; index < graph.length && queue.length < 1000; index++) queue.push(graph[index]);
      const types = ([] as unknown[]).concat(value['@type'] ?? []).map((type) => String(type).toLowerCase());
      if (types.some((type) => ARTICLE_TYPES.has(type)) && (value['headline'] !== undefined || value['datePublished'] !== undefined)) return toLinkedData(value);
      if (fallback === null && (value['headline'] !== undefined || value['datePublished'] !== undefined)) fallback = value;
    }
  }
  return fallback === null ? { headline: null, author: null, datePublished: null, url: null } : toLinkedData(fallback);
}

function toLinkedData(value: Record<string, unknown>): LinkedData {
  const url = value['url'] ?? (isRecord(value['mainEntityOfPage']) ? value['mainEntityOfPage']['@id'] : value['mainEntityOfPage']);
  return {
    headline: typeof value['headline'] === 'string' ? value['headline'] : null,
    author: authorNames(value['author']),
    datePublished: typeof value['datePublished'] === 'string' ? value['datePublished'] : null,
    url: typeof url === 'string' ? url : null,
  };
}

function authorNames(author: unknown): string | null {
  const names = ([] as unknown[])
    .concat(author ?? [])
    .map((item) => (typeof item === 'string' ? item : isRecord(item) && typeof item['name'] === 'string' ? item['name'] : null))
    .map((name) => cleanText(name))
    .filter((name): name is string => name !== null);
  return names.length === 0 ? null : names.join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
