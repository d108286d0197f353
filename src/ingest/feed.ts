import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HearsayError } from '../model/errors.js';
import { normalizeDate } from './dates.js';
import { cleanText, resolveHttpUrl } from './html-metadata.js';
import type { FeedItem } from './types.js';

/** Content with more characters of text than this is taken as the full article rather than a teaser. */
export const FULL_TEXT_CHARS = 500;

const ALWAYS_ARRAYS = new Set(['item', 'entry', 'link', 'category', 'atom:link']);

/**
 * Reads an RSS 2.0 (or RSS 1.0/RDF) or Atom feed into its items, in feed order. Links are resolved against
 * `feedUrl`. Throws HearsayError for malformed XML or a document that is not a feed.
 */
export function readFeed(xml: string, feedUrl: string | null): FeedItem[] {
  const input = feedUrl ?? undefined;
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new HearsayError(`malformed feed: ${valid.err.msg} at line ${valid.err.line} (expected well-formed RSS or Atom XML)`, input === undefined ? {} : { input });
  }
  let parsed: unknown;
  try {
    // Entity expansion stays on with the parser's default limits (no billion-laughs blow-up).
    parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      textNodeName: '#text',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      isArray: (name) => ALWAYS_ARRAYS.has(name),
    }).parse(xml);
  } catch (error) {
    throw new HearsayError(`malformed feed: ${error instanceof Error ? error.message : String(error)} (expected well-formed RSS or Atom XML)`, input === undefined ? { cause: error } : { input, cause: error });
  }
  const root = asRecord(parsed);
  const rss = asRecord(root['rss']);
  // Without the feed's own URL (a feed file), the site link the feed names resolves relative item links.
  if (root['rss'] !== undefined) {
    const channel = asRecord(rss['channel']);
    const base = feedUrl ?? resolveHttpUrl(textOf(asArray(channel['link'])[0]), null);
    return asArray(channel['item']).map((item) => rssItem(asRecord(item), base));
  }
  if (root['rdf:RDF'] !== undefined) {
    const rdf = asRecord(root['rdf:RDF']);
    const base = feedUrl ?? resolveHttpUrl(textOf(asArray(asRecord(rdf['channel'])['link'])[0]), null);
    return asArray(rdf['item']).map((item) => rssItem(asRecord(item), base));
  }
  if (root['feed'] !== undefined) {
    const feed = asRecord(root['feed']);
    const site = asArray(feed['link']).map(asRecord).find((link) => link['@_rel'] === undefined || link['@_rel'] === 'alternate');
    const base = feedUrl ?? resolveHttpUrl(typeof site?.['@_href'] === 'string' ? site['@_href'] : null, null);
    return asArray(feed['entry']).map((entry) => atomEntry(asRecord(entry), base));
  }
  throw new HearsayError('not an RSS 2.0 or Atom feed (expected an <rss> or <feed> root element)', input === undefined ? {} : { input });
}

function rssItem(item: Record<string, unknown>, feedUrl: string | null): FeedItem {
  const guid = item['guid'];
  const permalink = asRecord(guid)['@_isPermaLink'] === 'false' ? null : textOf(guid);
  const atomLink = asArray(item['atom:link']).map((link) => asRecord(link)['@_href']).find((href) => typeof href === 'string');
  const link = resolveHttpUrl(textOf(asArray(item['link'])[0]) ?? (typeof atomLink === 'string' ? atomLink : null) ?? permalink, feedUrl);
  const html = textOf(item['content:encoded']) ?? textOf(item['description']);
  return {
    title: cleanText(textOf(item['title'])),
    link,
    publishedAt: normalizeDate(textOf(item['pubDate']) ?? textOf(item['dc:date']) ?? textOf(item['published'])),
    html,
    text: null,
    full: html !== null && markupTextLength(html) > FULL_TEXT_CHARS,
  };
}

function atomEntry(entry: Record<string, unknown>, feedUrl: string | null): FeedItem {
  const links = asArray(entry['link']).map(asRecord);
  const alternate = links.find((link) => link['@_rel'] === undefined || link['@_rel'] === 'alternate') ?? links[0];
  const href = alternate?.['@_href'];
  const content = atomContent(entry['content']) ?? atomContent(entry['summary']);
  const length = content === null ? 0 : content.type === 'html' ? markupTextLength(content.value) : content.value.trim().length;
  return {
    title: cleanText(textOf(entry['title'])),
    link: resolveHttpUrl(typeof href === 'string' ? href : null, feedUrl),
    publishedAt: normalizeDate(textOf(entry['published']) ?? textOf(entry['updated'])),
    html: content?.type === 'html' ? content.value : null,
    text: content?.type === 'text' ? content.value : null,
    full: length > FULL_TEXT_CHARS,
  };
}

/** Atom content of type text or html; xhtml and out-of-line (src) content are left to the fetched page. */
function atomContent(value: unknown): { type: 'html' | 'text'; value: string } | null {
  if (value === undefined || value === null) return null;
  const record = asRecord(value);
  const type = typeof record['@_type'] === 'string' ? record['@_type'].toLowerCase() : 'text';
  if (record['@_src'] !== undefined || type === 'xhtml') return null;
  const text = textOf(value);
  if (text === null) return null;
  return { type: type === 'html' || type === 'text/html' ? 'html' : 'text', value: text };
}

/** The text of a parsed element: a string, or the #text of an element with attributes. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return textOf((value as Record<string, unknown>)['#text']);
  return null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** Characters of non-space text outside tags, without parsing (a cheap teaser-or-article test). Linear. */
export function markupTextLength(html: string): number {
  let count = 0;
  let inTag = false;
  for (let index = 0; index < html.length; index++) {
    const code = html.charCodeAt(index);
    if (inTag) {
      if (code === 62) inTag = false;
    } else if (code === 60) {
      inTag = true;
    } else if (!(code === 32 || (code >= 9 && code <= 13))) {
      count++;
    }
  }
  return count;
}
