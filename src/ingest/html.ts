import { Readability } from '@mozilla/readability';
import { HearsayError } from '../model/errors.js';
import type { SourceDocument } from '../model/types.js';
import { isBlank } from './decode.js';
import { parseDocument, type DomNode } from './dom.js';
import { readHtmlMetadata, cleanText } from './html-metadata.js';
import { blockText } from './html-text.js';

export interface HtmlMeta {
  readonly id: string;
  /** The page's URL, to resolve a relative canonical link; also the document URL when the page names none. */
  readonly url?: string | null;
}

/**
 * Reads an HTML page: the main article text (Readability; the whole body when it finds nothing) with "\n\n"
 * between blocks, plus title, byline, canonical URL and publication date. Spans of the analysis refer to the
 * returned `text`. Throws HearsayError "empty input" when the page has no text.
 */
export function readHtml(html: string, meta: HtmlMeta): SourceDocument {
  const pageUrl = meta.url ?? null;
  const document = parseDocument(html);
  // Metadata first: Readability rewrites the document it reads.
  const metadata = readHtmlMetadata(document, pageUrl);
  const article = parseArticle(document);
  let text = article?.content === null || article?.content === undefined ? '' : blockText(article.content);
  if (isBlank(text)) {
    const fresh = parseDocument(html);
    const body = fresh.body ?? fresh.documentElement;
    text = body === null ? '' : blockText(body, { skipChrome: true });
    if (isBlank(text) && body !== null) text = blockText(body);
  }
  if (isBlank(text)) throw new HearsayError('empty input: no text found in the HTML (expected an article)', { input: meta.id });
  return {
    id: meta.id,
    text,
    title: metadata.title ?? cleanText(article?.title),
    url: metadata.canonicalUrl ?? pageUrl,
    publishedAt: metadata.publishedAt,
    byline: metadata.byline ?? cleanText(article?.byline),
  };
}

interface ParsedArticle {
  readonly title: string | null | undefined;
  readonly byline: string | null | undefined;
  readonly content: DomNode | null | undefined;
}

/** Readability over the linkedom document, serialized as the DOM node itself (adapter: the library types assume the DOM lib). */
function parseArticle(document: unknown): ParsedArticle | null {
  try {
    const reader = new Readability<DomNode>(document as ConstructorParameters<typeof Readability>[0], { serializer: (node: unknown) => node as DomNode });
    return reader.parse();
  } catch {
    return null; // Readability gives up on odd markup; the body fallback still reads the page
  }
}
