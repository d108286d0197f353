import { Readability } from '@mozilla/readability';
import { HearsayError } from '../model/errors.js';
import type { Diagnostic, SourceDocument } from '../model/types.js';
import { isBlank } from './decode.js';
import { ELEMENT_NODE, parseDocument, type DomNode } from './dom.js';
import { readHtmlMetadata, cleanText } from './html-metadata.js';
import { blockText } from './html-text.js';

export interface HtmlMeta {
  readonly id: string;
  /** The page's URL, to resolve a relative canonical link; also the document URL when the page names none. */
  readonly url?: string | null;
  /** Receives content diagnostics about the reading itself (e.g. markup too deep for Readability). */
  readonly diagnostics?: Diagnostic[];
}

/**
 * Deeper element nesting than this is not given to Readability: its scoring time grows faster than the square of
 * the depth (about 0.3 s at 100 levels, 18 s at 1,000, minutes at 10,000), so such a page is read by the plain,
 * iterative block walk instead. Real article pages nest a few dozen levels.
 */
export const MAX_READABILITY_DEPTH = 100;

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
  const root = document.documentElement ?? document.body;
  const tooDeep = root !== null && elementDepth(root, MAX_READABILITY_DEPTH + 1) > MAX_READABILITY_DEPTH;
  if (tooDeep) {
    meta.diagnostics?.push({
      severity: 'warning',
      ruleId: 'html-too-deep',
      reason: `the HTML nests elements more than ${MAX_READABILITY_DEPTH} levels deep; the article text was read from the whole body without main-content detection`,
    });
  }
  const article = tooDeep ? null : parseArticle(document);
  let text = article?.content === null || article?.content === undefined ? '' : blockText(article.content);
  if (isBlank(text)) {
    // Readability rewrites the document it reads; when it did not run (too deep), the first parse is still intact.
    const fresh = tooDeep ? document : parseDocument(html);
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

/** The element nesting depth under `root`, counted up to `limit` (stops early); iterative, linear in the tree. */
export function elementDepth(root: DomNode, limit: number): number {
  let deepest = 0;
  const stack: Array<{ node: DomNode; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest >= limit) return deepest;
    }
    const children = node.childNodes;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.nodeType === ELEMENT_NODE) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return deepest;
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
