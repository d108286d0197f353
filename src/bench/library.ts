import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkIngest, benchmarkSearch, searchDatabasePath } from '../library/benchmark.js';
import type { SourceDocument } from '../model/types.js';
import type { BenchCorpus } from './corpus.js';
import type { SectionFigures } from './sections.js';

/** Synthetic statements the search section stores per second of --seconds: 1,000,000 at the default 20. */
export const SEARCH_STATEMENTS_PER_SECOND = 50_000;
/** Libraries at least this big are kept in the temporary directory between runs: building them is most of the section's time. */
const KEEP_FROM_STATEMENTS = 500_000;
const SEARCH_QUERIES = 600;
/** The ingest warm-up runs this fraction of --seconds (5 s at the default 20), before the measured half. */
const INGEST_WARMUP_SHARE = 4;

/**
 * Library ingest, end to end (extraction included) on one core, for half of `seconds` after a warm-up of a quarter; a fresh
 * database each run. Articles are stored in batches as `hearsay ingest` stores them; write-ahead-log checkpoints
 * run on the library's checkpoint thread, alongside: checkpointThreadMsPerArticle is the time it was busy (CPU and fsync
 * waits), not part of the other figures but the CPU ones (cpuMsPerArticle, analyzeCpuMsPerArticle count every thread).
 */
export async function benchIngest(corpus: BenchCorpus, seconds: number): Promise<SectionFigures> {
  const documents: SourceDocument[] = corpus.texts.map((text, index) => ({ id: corpus.names[index]!, text, title: null, url: null, publishedAt: null }));
  const scratch = mkdtempSync(join(tmpdir(), 'hearsay-bench-ingest-'));
  try {
    // A warm-up into a throw-away library first, so compiling the extraction and storage code is not measured. After the
    // 1 s it used to be, the optimizing compiler's threads were still busy: the next 6 s took 4.0-6.0 ms of CPU per article,
    // later runs 3.0-3.3; after 5 s the first run is at 3.2 already (the extraction section warms up 2 s, then measures 20).
    await benchmarkIngest({ documents, seconds: seconds / INGEST_WARMUP_SHARE, db: join(scratch, 'warm-up.db') });
    const figures = await benchmarkIngest({ documents, seconds: seconds / 2, db: join(scratch, 'ingest.db') });
    return {
      articlesPerSecEndToEnd: figures.articlesPerSecond,
      storeMsPerArticle: figures.storeMsPerArticle,
      storeCpuMsPerArticle: figures.storeCpuMsPerArticle,
      checkpointThreadMsPerArticle: figures.checkpointThreadMsPerArticle,
      analyzeMsPerArticle: figures.analyzeMsPerArticle,
      cpuMsPerArticle: figures.cpuMsPerArticle,
      analyzeCpuMsPerArticle: figures.analyzeCpuMsPerArticle,
      statementsPerArticle: figures.statementsPerArticle,
      articles: figures.articles,
      seconds: figures.seconds,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Search latency over a synthetic library of `seconds` × 50,000 statements (built once, then reused when large). */
export async function benchSearch(seconds: number): Promise<SectionFigures> {
  const statements = Math.max(1000, Math.round(seconds * SEARCH_STATEMENTS_PER_SECOND));
  const keep = statements >= KEEP_FROM_STATEMENTS;
  const scratch = keep ? null : mkdtempSync(join(tmpdir(), 'hearsay-bench-search-'));
  try {
    const figures = await benchmarkSearch({ statements, queries: SEARCH_QUERIES, db: scratch === null ? searchDatabasePath(statements) : join(scratch, 'search.db') });
    return {
      statements: figures.statements,
      p50Ms: figures.p50Ms,
      p95Ms: figures.p95Ms,
      p99Ms: figures.p99Ms,
      meanMs: figures.meanMs,
      queries: figures.queries,
      buildSeconds: figures.buildSeconds,
    };
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}
