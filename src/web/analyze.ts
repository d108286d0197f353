import { createHash } from 'node:crypto';
import { analyzeDocument } from '../extract/pipeline.js';
import { readHtml } from '../ingest/html.js';
import { readPlainText } from '../ingest/text.js';
import type { IngestResult, Library } from '../library/types.js';
import type { Analysis, SourceDocument } from '../model/types.js';
import { WebError } from './web-error.js';

export interface AnalyzeRequest {
  readonly text?: string;
  readonly html?: string;
  readonly publishedAt?: string;
  readonly title?: string;
  readonly url?: string;
  readonly store?: boolean;
}

export interface AnalyzeOutcome {
  readonly analysis: Analysis;
  /** Present when the request asked to store the article. */
  readonly stored?: IngestResult;
}

/** Reads the posted text or HTML into a document, analyzes it, and stores it when asked (the caller checks the token). */
export async function analyzeRequest(request: AnalyzeRequest, library: Library): Promise<AnalyzeOutcome> {
  const document = documentOf(request);
  const analysis = analyzeDocument(document, request.publishedAt === undefined ? {} : { publishedAt: request.publishedAt });
  if (request.store !== true) return { analysis };
  const stored = await library.ingest(document, analysis);
  if (stored.status === 'failed') throw new WebError(`the library could not store the article (${stored.error ?? 'unknown reason'})`, { status: 422, title: 'Not stored' });
  return { analysis, stored };
}

/** The posted input as a source document; exactly one of `text` and `html`. */
export function documentOf(request: AnalyzeRequest): SourceDocument {
  if ((request.text === undefined) === (request.html === undefined)) {
    throw new WebError('give exactly one of "text" and "html"', { status: 400, title: 'Invalid request', input: 'body' });
  }
  const source = request.text ?? request.html ?? '';
  const id = `web-${createHash('sha256').update(source).digest('hex').slice(0, 16)}`;
  const read = request.html === undefined ? readPlainText(source, id, 'text') : readHtml(source, { id, url: request.url ?? null });
  return {
    ...read,
    title: request.title ?? read.title,
    url: request.url ?? read.url,
    publishedAt: read.publishedAt ?? request.publishedAt ?? null,
  };
}
