import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aliasKey } from '../extract/aliases.js';
import { analyzeDocument } from '../extract/pipeline.js';
import { readInputs } from '../ingest/index.js';
import { HearsayError } from '../model/errors.js';
import type { Analysis, SourceDocument } from '../model/types.js';
import { DEFAULT_BATCH_LIMITS, IngestBatcher, type BatchLimits } from './ingest-inputs.js';
import { filterTags, openLibrary, type SqliteLibrary } from './sqlite-library.js';
import { latencyFigures, makeQuery, makeSyntheticCollection, round, syntheticArticles, type SyntheticCollection } from './synthetic.js';

export interface IngestBenchmarkOptions {
  /** A directory of articles (.txt, .html, .jsonl), read once up front; or `documents`, already in memory. */
  readonly corpusDir?: string;
  readonly documents?: readonly SourceDocument[];
  /** Keep ingesting (further passes store slightly edited copies) until this many seconds have passed. */
  readonly seconds: number;
  /** Database file; it should not exist yet (a fresh library is measured). */
  readonly db: string;
  /** The extraction pipeline (default analyzeDocument). */
  readonly analyze?: (document: SourceDocument) => Analysis;
  /** Articles per transaction, as `hearsay ingest` stores them (default DEFAULT_BATCH_LIMITS; 1 article: a transaction each). */
  readonly batch?: BatchLimits;
}

export interface IngestFigures {
  readonly articles: number;
  readonly statements: number;
  readonly statementsPerArticle: number;
  readonly seconds: number;
  /** End to end: lookup, extraction and storage, per second of wall time on one core. */
  readonly articlesPerSecond: number;
  readonly analyzeMsPerArticle: number;
  /**
   * Process CPU time (user + system, all threads) per article over the whole run, and the part of it outside the stores:
   * extraction with the collection of its garbage, the lookups, and what the checkpoint thread used meanwhile. Unlike the
   * wall-time figures they do not grow when the process waits for a core on a busy machine; 1000 / cpuMsPerArticle is
   * the end-to-end rate on one core.
   */
  readonly cpuMsPerArticle: number;
  readonly analyzeCpuMsPerArticle: number;
  /**
   * Storage alone (lookup, and the article's share of its batch's ingest and commit), wall time; and the process CPU time
   * its batches' stores took (all threads; robust on a busy machine; the lookups, about 0.05 ms, are in the wall time only).
   */
  readonly storeMsPerArticle: number;
  readonly storeCpuMsPerArticle: number;
  /** Time the library's checkpoint thread was busy (CPU and disk waits), alongside the rest: not in the figures above. */
  readonly checkpointThreadMsPerArticle: number;
  readonly copies: number;
  readonly clusteredStatements: number;
  readonly databaseBytes: number;
}

/** Ingests a corpus (repeatedly, with small edits, until `seconds` have passed) and reports articles per second. */
export async function benchmarkIngest(options: IngestBenchmarkOptions): Promise<IngestFigures> {
  const documents: SourceDocument[] = [...(options.documents ?? [])];
  if (options.corpusDir !== undefined) {
    for await (const result of readInputs([options.corpusDir], { recursive: true })) if (result.ok) documents.push(result.document);
  }
  if (documents.length === 0) throw new HearsayError(`no readable articles to ingest (expected a directory of articles)`, { input: options.corpusDir ?? 'benchmark' });
  const analyze = options.analyze ?? ((document: SourceDocument) => analyzeDocument(document));
  const library = openLibrary(options.db);
  let figures: IngestFigures;
  let articles = 0;
  let statements = 0;
  // Counted when the batch holding them is stored, as `hearsay ingest` reports them.
  const batcher = new IngestBatcher<null>(library, options.batch ?? DEFAULT_BATCH_LIMITS, (_tag, result, item) => {
    if (result.status === 'stored' || result.status === 'updated') {
      articles++;
      statements += item.analysis.statements.length;
    }
  });
  let analyzeMs = 0;
  let storeMs = 0;
  // Storage CPU is read around each batch's store, not around each article: a reading (getrusage) sums every thread of the
  // process and, with the checkpoint and collector threads busy on a loaded machine, took about a millisecond, four an article.
  let storeCpuMicroseconds = 0;
  const timed = async <T>(store: () => Promise<T>): Promise<T> => {
    const start = process.cpuUsage();
    try {
      return await store();
    } finally {
      const used = process.cpuUsage(start);
      storeCpuMicroseconds += used.user + used.system;
    }
  };
  const storeBatch = library.ingestBatch.bind(library);
  const storeOne = library.ingest.bind(library);
  library.ingestBatch = async (items) => timed(() => storeBatch(items));
  // Unbatched (options.batch of one article): the batcher stores each article with ingest.
  library.ingest = async (document, analysis) => timed(() => storeOne(document, analysis));
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const deadline = started + options.seconds * 1000;
  try {
    for (let pass = 0; performance.now() < deadline; pass++) {
      for (const original of documents) {
        // Later passes edit each article a little: new texts, found as near-duplicates of the first pass.
        const document = pass === 0 ? original : { ...original, id: `${original.id}#${pass}`, text: `${original.text}\n\n(Updated, pass ${pass}.)` };
        const storeStart = performance.now();
        const known = (await library.lookup(document)) !== null;
        if (known) continue;
        const analyzeStart = performance.now();
        const analysis = analyze(document);
        const analyzeEnd = performance.now();
        await batcher.add({ document, analysis }, null);
        const storeEnd = performance.now();
        analyzeMs += analyzeEnd - analyzeStart;
        storeMs += analyzeStart - storeStart + (storeEnd - analyzeEnd);
        if (performance.now() >= deadline) break;
      }
    }
    const flushStart = performance.now();
    await batcher.flush();
    storeMs += performance.now() - flushStart;
    const seconds = (performance.now() - started) / 1000;
    const usedCpu = process.cpuUsage(startedCpu);
    const cpuMicroseconds = usedCpu.user + usedCpu.system;
    const stats = await library.stats();
    const perArticle = Math.max(1, articles);
    figures = {
      articles,
      statements,
      statementsPerArticle: round(statements / perArticle, 1),
      seconds: round(seconds, 2),
      articlesPerSecond: round(articles / seconds, 1),
      analyzeMsPerArticle: round(analyzeMs / perArticle, 3),
      cpuMsPerArticle: round(cpuMicroseconds / 1000 / perArticle, 3),
      analyzeCpuMsPerArticle: round((cpuMicroseconds - storeCpuMicroseconds) / 1000 / perArticle, 3),
      storeMsPerArticle: round(storeMs / perArticle, 3),
      storeCpuMsPerArticle: round(storeCpuMicroseconds / 1000 / perArticle, 3),
      checkpointThreadMsPerArticle: round(library.checkpointThreadMs / perArticle, 3),
      copies: stats.copies,
      clusteredStatements: stats.clusteredStatements ?? 0,
      databaseBytes: 0,
    };
  } finally {
    await library.close();
  }
  // Measured closed: closing checkpoints the write-ahead log into the database file.
  return { ...figures, databaseBytes: fileBytes(options.db) };
}

export interface SearchBenchmarkOptions {
  /** Statements the library should hold (built synthetically when the database holds fewer). */
  readonly statements: number;
  /** Number of timed queries. */
  readonly queries: number;
  readonly db: string;
}

export interface SearchFigures {
  readonly statements: number;
  /** Seconds spent building the synthetic library (0 when an existing one was reused). */
  readonly buildSeconds: number;
  readonly queries: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly databaseBytes: number;
}

/** Bumped whenever the schema or the synthetic data changes, so a kept search library is never reused stale. */
const SEARCH_LIBRARY_LAYOUT = 3;

/** Where a search library of this size is kept between runs (it takes tens of seconds to build). */
export function searchDatabasePath(statements: number): string {
  return join(tmpdir(), `hearsay-bench-search-${statements}-v${SEARCH_LIBRARY_LAYOUT}.db`);
}

/** Fills a library with synthetic statements (once) and times ranked, filtered searches: p50/p95/p99 in ms. */
export async function benchmarkSearch(options: SearchBenchmarkOptions): Promise<SearchFigures> {
  const library: SqliteLibrary = openLibrary(options.db);
  try {
    const collection = makeSyntheticCollection();
    let buildSeconds = 0;
    const present = (await library.stats()).statements;
    if (present < options.statements) {
      const started = performance.now();
      bulkLoad(library, options.statements - present, collection);
      buildSeconds = (performance.now() - started) / 1000;
    }
    const timings: number[] = [];
    for (let index = 0; index < options.queries; index++) {
      const query = makeQuery(index, collection);
      const start = performance.now();
      await library.search(query);
      timings.push(performance.now() - start);
    }
    const stats = await library.stats();
    return { statements: stats.statements, buildSeconds: round(buildSeconds, 1), ...latencyFigures(timings), databaseBytes: fileBytes(options.db) };
  } finally {
    await library.close();
  }
}

const BULK_TRANSACTION_STATEMENTS = 200_000;

/**
 * Inserts synthetic articles, statements and entities through prepared statements in large transactions, then
 * builds the full-text index: with FTS5's automatic merging off, inserts only append segments; one 'optimize' at the
 * end merges them once instead of re-merging the growing index level by level.
 */
function bulkLoad(library: SqliteLibrary, count: number, collection: SyntheticCollection): void {
  const speakers = collection.speakers;
  const database = library.connection;
  const insertArticle = database.prepare(
    `INSERT INTO articles (document_id, url, canonical_url, outlet, title, published_at, ingested_at, text, text_hash, version, statement_count, analysis)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertStatement = database.prepare(
    `INSERT INTO statements (id, article_id, statement_id, kind, speaker_name, speaker_entity, stance, cue_lemma, content_text, snippet, published_at, sort_at, json)
     VALUES (?, ?, ?, ?, ?, ?, 'neutral', 'say', ?, ?, ?, ?, ?)`,
  );
  const insertFts = database.prepare('INSERT INTO statement_fts (rowid, content, speaker, title, tags) VALUES (?, ?, ?, ?, ?)');
  // Every statement with a speaker has its row here (no candidate keys: synthetic statements are never clustered).
  const insertSpeaker = database.prepare("INSERT INTO speaker_statements (speaker_entity, sort_at, statement, keys) VALUES (?, ?, ?, x'')");
  const insertEntity = database.prepare('INSERT INTO entities (id, name, type, alias_key) VALUES (?, ?, ?, ?)');
  const insertAlias = database.prepare("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key, reason) VALUES (?, ?, ?, 'same-name')");
  const entityBase = ((database.prepare('SELECT MAX(id) AS id FROM entities').get() as { id: number | null }).id ?? 0) + 1;
  let statementId = ((database.prepare('SELECT MAX(id) AS id FROM statements').get() as { id: number | null }).id ?? 0) + 1;
  const ingestedAt = new Date().toISOString();
  // A throw-away build: losing it to a crash only means building it again, so skip the durability work.
  database.pragma('synchronous = OFF');
  database.exec("INSERT INTO statement_fts(statement_fts, rank) VALUES ('automerge', 0)");
  database.exec("INSERT INTO statement_fts(statement_fts, rank) VALUES ('crisismerge', 64)");
  database.transaction(() => {
    speakers.forEach((name, index) => {
      insertEntity.run(entityBase + index, name, 'person', aliasKey(name));
      insertAlias.run(entityBase + index, name, aliasKey(name));
    });
  })();
  const articles = syntheticArticles(collection, count);
  // Articles until at least `limit` statements are in; false once the collection is exhausted.
  const loadSome = database.transaction((limit: number): boolean => {
    for (let loaded = 0; loaded < limit; ) {
      const next = articles.next();
      if (next.done === true) return false;
      const article = next.value;
      const articleId = Number(
        insertArticle.run(`synthetic-${article.index}`, article.url, article.url, article.outlet, article.title, article.day, ingestedAt, article.text, article.key, article.statements.length, '{"synthetic":true}').lastInsertRowid,
      );
      for (const { statement, speakerIndex } of article.statements) {
        const speaker = speakers[speakerIndex]!;
        const content = statement.content[0]!.text;
        insertStatement.run(statementId, articleId, statement.id, 'direct', speaker, entityBase + speakerIndex, content, content, article.day, article.day, JSON.stringify(statement));
        insertFts.run(statementId, content, speaker, article.title, filterTags(entityBase + speakerIndex, article.outlet, 'neutral', 'direct'));
        insertSpeaker.run(entityBase + speakerIndex, article.day, statementId);
        statementId++;
      }
      loaded += article.statements.length;
    }
    return true;
  });
  let more = true;
  while (more) more = loadSome(BULK_TRANSACTION_STATEMENTS);
  database.exec("INSERT INTO statement_fts(statement_fts) VALUES ('optimize')");
  // Back to the defaults that ingest relies on.
  database.exec("INSERT INTO statement_fts(statement_fts, rank) VALUES ('automerge', 4)");
  database.exec("INSERT INTO statement_fts(statement_fts, rank) VALUES ('crisismerge', 16)");
  database.pragma('synchronous = NORMAL');
  database.exec('ANALYZE');
  database.pragma('wal_checkpoint(TRUNCATE)');
}

/** Size of the database with its WAL file. */
function fileBytes(path: string): number {
  let bytes = 0;
  for (const file of [path, `${path}-wal`]) if (existsSync(file)) bytes += statSync(file).size;
  return bytes;
}

/** Lists the corpus directory's size in files, for the report header. */
export function corpusFileCount(directory: string): number {
  return readdirSync(directory).filter((name) => !name.startsWith('.') && statSync(join(directory, name)).isFile()).length;
}
