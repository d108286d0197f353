import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { aliasKey } from '../src/extract/aliases.js';
import { runQueueCommand } from '../src/cli/commands/queue.js';
import { openPostgresLibrary } from '../src/library/postgres/postgres-library.js';
import { enqueueDocuments } from '../src/library/postgres/queue.js';
import { adminUrl, createScratchDatabase } from '../src/library/postgres/scratch-database.js';
import { foldText } from '../src/library/postgres/search-text.js';
import type { SearchQuery } from '../src/library/types.js';
import { latencyFigures, makeQuery, makeSyntheticCollection, round, seededRandom, syntheticArticles, type SyntheticCollection } from '../src/library/synthetic.js';

/**
 * The PostgreSQL library's figures: ingest articles/s through the work queue with 1 and 2 worker processes
 * (extraction included), and search latency (p50/p95/p99) with 1,000,000 synthetic statements stored — the same
 * synthetic collection and query mix as scripts/bench-library.ts uses for SQLite (seed 42).
 * usage: node dist/scripts/bench-postgres.js [--articles N] [--statements N] [--queries N] [--rebuild] [--skip-ingest] [--skip-search]
 * The search database (hearsay_bench_search_<N>) is kept between runs; --rebuild builds it again.
 */
const CHILD_FLAG = '--bench-worker-child';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

async function main(): Promise<void> {
  console.log(`load average before: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  if (!process.argv.includes('--skip-ingest')) {
    const articles = Number(option('articles', '300'));
    for (const workers of [1, 2]) console.log(`ingest, ${workers} worker process${workers === 1 ? '' : 'es'}: ${JSON.stringify(await benchmarkQueueIngest(articles, workers))}`);
  }
  if (!process.argv.includes('--skip-search')) {
    console.log(`search: ${JSON.stringify(await benchmarkSearch(Number(option('statements', '1000000')), Number(option('queries', '600')), process.argv.includes('--rebuild')))}`);
  }
  console.log(`load average after: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
}

/** Enqueues `count` templated articles into a scratch database and times `workers` worker processes draining the queue. */
async function benchmarkQueueIngest(count: number, workers: number): Promise<Record<string, number>> {
  const database = await createScratchDatabase('hearsay_bench_ingest');
  try {
    const library = await openPostgresLibrary(database.url);
    const items = Array.from({ length: count }, (_, index) => ({ input: `bench:${index}`, document: templatedArticle(index) }));
    await enqueueDocuments(library.pool, items);
    const started = performance.now();
    const children = Array.from({ length: workers }, () =>
      fork(fileURLToPath(import.meta.url), [CHILD_FLAG, '--db', database.url, '--until-idle'], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
    );
    await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    const seconds = (performance.now() - started) / 1000;
    const stats = await library.stats();
    await library.close();
    return { articles: stats.articles, statements: stats.statements, clusters: stats.clusters, seconds: round(seconds, 2), articlesPerSecond: round(stats.articles / seconds, 1) };
  } finally {
    await database.drop();
  }
}

const SPEAKER_NAMES = ['Ilona Varga', 'Tomas Held', 'Marta Ilves', 'Jonas Berg', 'Elena Sorokina', 'Pavel Kovalenko'];
const BENCH_QUOTES = [
  'We will not raise the harbour fees for local fishermen this year',
  'The new cranes must arrive before the winter storms begin',
  'Taxpayers deserve a proper audit of these hidden contracts',
  'Commuters waited two winters for trains that never came',
  'Selling the railway company was never part of our programme',
  'The ferry terminal opens before midsummer whatever the weather brings',
];

/** An invented news item of about 150 words with two attributed quotes. */
function templatedArticle(index: number): { id: string; text: string; title: string; url: string; publishedAt: string } {
  const random = seededRandom(index + 1);
  const vocabulary = ['budget', 'council', 'pier', 'terminal', 'contract', 'tender', 'station', 'schedule', 'vote', 'report', 'harbour', 'ferry', 'crane', 'tunnel', 'bridge'];
  const sentence = (): string => `The ${Array.from({ length: 12 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(' ')} item ${index}.`;
  const quote = (offset: number): string => `"${BENCH_QUOTES[(index + offset) % BENCH_QUOTES.length]!}," ${SPEAKER_NAMES[(index * 7 + offset) % SPEAKER_NAMES.length]!} said on Monday.`;
  const text = [sentence() + ' ' + sentence(), quote(0), sentence() + ' ' + sentence(), quote(3), sentence()].join('\n\n');
  return { id: `bench-${index}`, text, title: `Bench item ${index}`, url: `https://outlet${index % 7}.test/item/${index}`, publishedAt: `2024-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, '0')}` };
}

/** Statements per INSERT: one round trip and one set of arrays per batch. */
const BATCH_STATEMENTS = 5_000;

async function benchmarkSearch(statements: number, queries: number, rebuild: boolean): Promise<Record<string, number>> {
  const name = `hearsay_bench_search_${statements}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  // The name is built from a number above, so it is safe to splice (CREATE DATABASE takes no parameters).
  if (exists && rebuild) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  if (!exists || rebuild) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const library = await openPostgresLibrary(url.toString(), { poolSize: 4 });
  try {
    const collection = makeSyntheticCollection();
    let buildSeconds = 0;
    const present = (await library.stats()).statements;
    if (present < statements) {
      const started = performance.now();
      await bulkLoad(library.pool, statements - present, collection);
      buildSeconds = (performance.now() - started) / 1000;
    }
    const timings: number[] = [];
    const slow: Array<{ ms: number; shape: number; query: SearchQuery; total: number }> = [];
    for (let index = 0; index < queries; index++) {
      const query = makeQuery(index, collection);
      const start = performance.now();
      const result = await library.search(query);
      const elapsed = performance.now() - start;
      timings.push(elapsed);
      slow.push({ ms: round(elapsed, 1), shape: index % 6, query, total: result.total });
    }
    // --slowest N: the N slowest queries (with their shape in makeQuery), to see where the tail comes from.
    const slowest = Number(option('slowest', '0'));
    if (slowest > 0) for (const entry of slow.sort((a, b) => b.ms - a.ms).slice(0, slowest)) console.log(JSON.stringify(entry));
    const size = (await library.pool.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes')).rows[0]!.bytes;
    return {
      statements: (await library.stats()).statements,
      buildSeconds: round(buildSeconds, 1),
      ...latencyFigures(timings),
      databaseBytes: Number(size),
    };
  } finally {
    await library.close();
  }
}

/**
 * Multi-row inserts (unnest of column arrays) of synthetic articles and statements; the search index is dropped
 * during the load and built once at the end, which is far cheaper than maintaining a GIN index row by row.
 */
async function bulkLoad(pool: pg.Pool, count: number, collection: SyntheticCollection): Promise<void> {
  const speakers = collection.speakers;
  const articles = syntheticArticles(collection, count);
  const client = await pool.connect();
  try {
    await client.query('DROP INDEX IF EXISTS statements_search');
    const entityBase = Number((await client.query<{ id: string }>('SELECT COALESCE(max(id), 0)::text AS id FROM entities')).rows[0]!.id) + 1;
    await client.query(
      `INSERT INTO entities (id, name, type, alias_key) SELECT $1::bigint + u.position - 1, u.name, 'person', u.alias_key FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(name, alias_key, position)`,
      [entityBase, speakers, speakers.map((speaker) => aliasKey(speaker))],
    );
    await client.query(
      `INSERT INTO entity_aliases (entity_id, alias, alias_key, reason) SELECT $1::bigint + u.position - 1, u.name, u.alias_key, 'same-name' FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(name, alias_key, position) ON CONFLICT DO NOTHING`,
      [entityBase, speakers, speakers.map((speaker) => aliasKey(speaker))],
    );
    for (let exhausted = false; !exhausted; ) {
      const batch = { key: [] as string[], url: [] as string[], outlet: [] as string[], title: [] as string[], day: [] as string[], text: [] as string[], count: [] as number[] };
      const rows = { article: [] as number[], statementId: [] as string[], speaker: [] as string[], entity: [] as number[], content: [] as string[], day: [] as string[], title: [] as string[], json: [] as string[], outlet: [] as string[] };
      while (rows.article.length < BATCH_STATEMENTS) {
        const next = articles.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        const article = next.value;
        const articleIndex = batch.key.length;
        batch.key.push(article.key);
        batch.url.push(article.url);
        batch.outlet.push(article.outlet);
        batch.title.push(article.title);
        batch.day.push(article.day);
        batch.text.push(article.text);
        batch.count.push(article.statements.length);
        for (const { statement, speakerIndex } of article.statements) {
          rows.article.push(articleIndex);
          rows.statementId.push(statement.id);
          rows.speaker.push(speakers[speakerIndex]!);
          rows.entity.push(entityBase + speakerIndex);
          rows.content.push(statement.content[0]!.text);
          rows.day.push(article.day);
          rows.title.push(article.title);
          rows.json.push(JSON.stringify(statement));
          rows.outlet.push(article.outlet);
        }
      }
      if (batch.key.length === 0) break;
      await client.query('BEGIN');
      const ids = (
        await client.query<{ id: string }>(
          `INSERT INTO articles (document_id, url, canonical_url, outlet, title, published_at, text, text_hash, statement_count, analysis)
           SELECT 'synthetic', u.url, u.url, u.outlet, u.title, u.day, u.text, u.key, u.count, '{"synthetic":true}'::json
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[]) WITH ORDINALITY AS u(key, url, outlet, title, day, text, count, position)
           ORDER BY u.position RETURNING id`,
          [batch.key, batch.url, batch.outlet, batch.title, batch.day, batch.text, batch.count],
        )
      ).rows.map((row) => row.id);
      await client.query(
        `INSERT INTO statements (article_id, statement_id, kind, speaker_name, speaker_entity, stance, cue_lemma, content_text, snippet, published_at, sort_at, search, json)
         SELECT u.article_id, u.statement_id, 'direct', u.speaker, u.entity, 'neutral', 'say', u.content, u.content, u.day, u.day,
                hearsay_search_document(setweight(to_tsvector('simple', u.search_content), 'A') || setweight(to_tsvector('simple', u.search_speaker), 'B') || setweight(to_tsvector('simple', u.search_title), 'C'), u.outlet),
                u.json::json
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS u(article_id, statement_id, speaker, entity, content, day, json, search_content, search_speaker, search_title, outlet)`,
        [
          rows.article.map((index) => ids[index]!),
          rows.statementId,
          rows.speaker,
          rows.entity,
          rows.content,
          rows.day,
          rows.json,
          rows.content.map(foldText),
          rows.speaker.map(foldText),
          rows.title.map(foldText),
          rows.outlet,
        ],
      );
      await client.query('COMMIT');
    }
    // The same definition as migrations 1 and 3 (the partial GIN index over current statements).
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query('CREATE INDEX IF NOT EXISTS statements_search ON statements USING gin (search) WHERE is_current');
    await client.query('VACUUM ANALYZE');
  } finally {
    client.release();
  }
}


// Last, so every constant above is initialized before the (top-level awaited) run starts.
if (process.argv[2] === CHILD_FLAG) {
  process.exitCode = await runQueueCommand('worker', process.argv.slice(3), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
} else {
  await main();
}
