import type { NumericClaim, Statement } from '../model/types.js';
import type { Library, StatementHit, StoredArticleWithAnalysis } from './types.js';

export type ExportFormat = 'jsonl' | 'csv' | 'annotations';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'annotations'];

/** Characters of context kept before and after a quote in a TextQuoteSelector. */
const SELECTOR_CONTEXT = 32;

export const CSV_COLUMNS = [
  'article_id',
  'statement_id',
  'kind',
  'speaker',
  'speaker_entity',
  'stance',
  'cue',
  'content',
  'start',
  'end',
  'via',
  'published_at',
  'outlet',
  'url',
  'title',
  'cluster_id',
] as const;

/** Writes the library in one format, chunk by chunk, through `write`. */
export async function exportLibrary(library: Library, format: ExportFormat, write: (chunk: string) => void | Promise<void>): Promise<number> {
  if (format === 'jsonl') return exportJsonLines(library, write);
  if (format === 'csv') return exportCsv(library, write);
  return exportAnnotations(library, write);
}

/** One JSON object per statement: the statement as in the analyze contract, with its article. */
export async function exportJsonLines(library: Library, write: (chunk: string) => void | Promise<void>): Promise<number> {
  let count = 0;
  for await (const hit of library.exportStatements()) {
    const { score: _score, ...record } = hit;
    await write(`${JSON.stringify(record)}\n`);
    count++;
  }
  return count;
}

/** RFC 4180 CSV: a header row, then one row per statement; returns the number of statement rows. */
export async function exportCsv(library: Library, write: (chunk: string) => void | Promise<void>): Promise<number> {
  await write(`${CSV_COLUMNS.join(',')}\r\n`);
  let count = 0;
  for await (const hit of library.exportStatements()) {
    await write(`${csvRow(hit).map(csvField).join(',')}\r\n`);
    count++;
  }
  return count;
}

function csvRow(hit: StatementHit): Array<string | number | null> {
  const statement = hit.statement;
  const first = statement.content[0];
  const last = statement.content[statement.content.length - 1];
  return [
    hit.articleId,
    statement.id,
    statement.kind,
    statement.speaker?.name ?? statement.source?.text ?? null,
    hit.speakerEntity,
    statement.cue?.stance ?? null,
    statement.cue?.text ?? null,
    statement.content.map((piece) => piece.text).join(' … '),
    first?.start ?? null,
    last?.end ?? null,
    statement.via.map((relay) => relay.name).join(' > '),
    hit.publishedAt,
    hit.outlet,
    hit.url,
    hit.title,
    hit.clusterId,
  ];
}

/** Quotes a field when it holds a comma, quote or line break, doubling inner quotes (RFC 4180); values stay exact. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * W3C Web Annotation JSON-LD: one AnnotationCollection whose page holds an annotation per statement piece (with a
 * TextQuoteSelector and a TextPositionSelector) and one per numeric claim, whose body is a schema.org Claim.
 */
export async function exportAnnotations(library: Library, write: (chunk: string) => void | Promise<void>): Promise<number> {
  await write(
    `{"@context":["http://www.w3.org/ns/anno.jsonld",{"schema":"https://schema.org/"}],"id":"urn:hearsay:library","type":"AnnotationCollection","label":"Hearsay statements","first":{"type":"AnnotationPage","items":[`,
  );
  let count = 0;
  for await (const article of library.exportArticles()) {
    for (const annotation of articleAnnotations(article)) {
      await write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(annotation)}`);
      count++;
    }
  }
  await write(`\n]},"total":${count}}\n`);
  return count;
}

export interface WebAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: string;
  readonly created?: string;
  readonly body: Record<string, unknown>;
  readonly target: {
    readonly source: string;
    readonly selector: readonly [TextQuoteSelector, TextPositionSelector];
  };
}

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

/** The annotations of one article: statement pieces and numeric claims, each anchored twice (quote and position). */
export function articleAnnotations(article: StoredArticleWithAnalysis): WebAnnotation[] {
  const text = article.analysis.document.text;
  const source = article.url ?? `urn:hearsay:article:${article.id}`;
  const annotations: WebAnnotation[] = [];
  for (const statement of article.analysis.statements) {
    statement.content.forEach((piece, index) => {
      annotations.push({
        id: `urn:hearsay:article:${article.id}:statement:${statement.id}:${index}`,
        type: 'Annotation',
        motivation: 'describing',
        ...(article.publishedAt === null ? {} : { created: article.publishedAt }),
        body: statementBody(statement),
        target: { source, selector: selectors(text, piece.start, piece.end) },
      });
    });
  }
  article.analysis.claims.forEach((claim, index) => {
    annotations.push({
      id: `urn:hearsay:article:${article.id}:claim:${index}`,
      type: 'Annotation',
      motivation: 'describing',
      body: claimBody(claim, article),
      target: { source, selector: selectors(text, claim.start, claim.end) },
    });
  });
  return annotations;
}

function selectors(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - SELECTOR_CONTEXT), start), suffix: text.slice(end, end + SELECTOR_CONTEXT) },
    { type: 'TextPositionSelector', start, end },
  ];
}

function statementBody(statement: Statement): Record<string, unknown> {
  const speaker = statement.speaker?.name ?? statement.source?.text ?? 'unknown speaker';
  const via = statement.via.length === 0 ? '' : ` (via ${statement.via.map((relay) => relay.name).join(', ')})`;
  return {
    type: 'TextualBody',
    purpose: 'describing',
    format: 'text/plain',
    value: `${statement.kind} statement by ${speaker}${via}${statement.cue === null ? '' : `, cue "${statement.cue.text}" (${statement.cue.stance})`}`,
  };
}

function claimBody(claim: NumericClaim, article: StoredArticleWithAnalysis): Record<string, unknown> {
  const statement = article.analysis.statements.find((candidate) => candidate.id === claim.statement);
  const author = statement?.speaker?.name ?? statement?.source?.text;
  return {
    type: 'schema:Claim',
    'schema:text': claim.text,
    'schema:value': claim.value,
    ...(claim.unit === null ? {} : { 'schema:unitText': claim.unit }),
    ...(claim.qualifier === null ? {} : { 'schema:description': claim.qualifier }),
    ...(author === undefined ? {} : { 'schema:author': { type: 'schema:Person', 'schema:name': author } }),
    ...(article.publishedAt === null ? {} : { 'schema:datePublished': article.publishedAt }),
    'schema:appearance': { type: 'schema:CreativeWork', 'schema:url': article.url ?? `urn:hearsay:article:${article.id}`, 'schema:headline': article.title },
  };
}
