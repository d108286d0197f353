import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHearsayError } from '../src/model/errors.js';
import type { Analysis, SourceDocument } from '../src/model/types.js';
import { benchmarkIngest, benchmarkSearch, searchDatabasePath } from '../src/library/benchmark.js';

/**
 * Prints the statement library's figures: ingest articles/s (extraction included) and search latency at scale.
 * usage: node dist/scripts/bench-library.js [--corpus DIR] [--seconds N] [--statements N] [--queries N] [--search-db PATH] [--skip-ingest] [--skip-search]
 */
function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

const corpus = option('corpus', '../shared/corpus/polnear/train/text');
const seconds = Number(option('seconds', '10'));
const statements = Number(option('statements', '1000000'));
const queries = Number(option('queries', '600'));
const scratch = mkdtempSync(join(tmpdir(), 'hearsay-bench-'));
// The search library takes a while to build: keep it between runs unless told otherwise.
const searchDb = option('search-db', searchDatabasePath(statements));

try {
  if (!process.argv.includes('--skip-ingest')) {
    try {
      // A throw-away warm-up first (as the bench's ingest section does), so the optimizing compiler's work is not measured.
      await benchmarkIngest({ corpusDir: corpus, seconds: seconds / 4, db: join(scratch, 'warm-up.db') });
      const figures = await benchmarkIngest({ corpusDir: corpus, seconds, db: join(scratch, 'ingest.db') });
      console.log(`ingest (extraction included): ${JSON.stringify(figures)}`);
    } catch (error) {
      if (!isHearsayError(error)) throw error;
      console.log(`ingest: extraction unavailable (${error.message}); measuring storage alone`);
      const empty = (document: SourceDocument): Analysis => ({
        document: { id: document.id, title: document.title, url: document.url, publishedAt: document.publishedAt, text: document.text },
        statements: [],
        entities: [],
        times: [],
        claims: [],
        diagnostics: [],
      });
      const figures = await benchmarkIngest({ corpusDir: corpus, seconds, db: join(scratch, 'ingest-storage.db'), analyze: empty });
      console.log(`ingest (storage only): ${JSON.stringify(figures)}`);
    }
  }
  if (!process.argv.includes('--skip-search')) {
    const figures = await benchmarkSearch({ statements, queries, db: searchDb });
    console.log(`search: ${JSON.stringify(figures)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
