import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { ingestInputs } from '../src/library/ingest-inputs.js';
import { openLibrary, type IngestItem, type SqliteLibrary } from '../src/library/sqlite-library.js';
import type { Library, StatementHit, StoredArticle } from '../src/library/types.js';
import type { Statement } from '../src/model/types.js';
import { bigBatches, buildAnalysis, DAILY_V1, DAILY_V2, NOTE, PAPER, RADIO, SCENARIO, SEARCHES, WIRE, quoteAnalysis, type ArticleSpec } from './helpers/library-scenario.js';

// Batched ingest: one transaction for several articles, a savepoint for each. It must store exactly what one-by-one
// ingest stores, lose only the bad article of a batch, leave committed batches whole when killed, and see what
// other connections wrote in between.

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');
const directory = mkdtempSync(join(tmpdir(), 'hearsay-batch-'));
let databases = 0;
const freshPath = (): string => join(directory, `library-${++databases}.db`);

after(() => rmSync(directory, { recursive: true, force: true }));

const itemOf = (spec: ArticleSpec): IngestItem => ({ document: spec.document, analysis: buildAnalysis(spec) });

async function ingestOneByOne(specs: readonly ArticleSpec[]): Promise<SqliteLibrary> {
  const library = openLibrary(freshPath());
  for (const spec of specs) assert.notEqual((await library.ingest(spec.document, buildAnalysis(spec))).status, 'failed');
  return library;
}

function withoutScore(hit: StatementHit): Omit<StatementHit, 'score'> {
  const { score: _score, ...rest } = hit;
  return rest;
}

function withoutIngestTime(article: StoredArticle): Omit<StoredArticle, 'ingestedAt'> {
  const { ingestedAt: _ingestedAt, ...rest } = article;
  return rest;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Everything a reader can see: articles and their links, statements and clusters, entities, every search. */
async function assertSameLibrary(actual: Library, expected: Library): Promise<void> {
  assert.deepEqual(await actual.stats(), await expected.stats());
  assert.deepEqual((await actual.listArticles({ limit: 100 })).items.map(withoutIngestTime), (await expected.listArticles({ limit: 100 })).items.map(withoutIngestTime));
  assert.deepEqual((await collect(actual.exportStatements())).map(withoutScore), (await collect(expected.exportStatements())).map(withoutScore));
  assert.deepEqual(await actual.listClusters({ limit: 100 }), await expected.listClusters({ limit: 100 }));
  assert.deepEqual(await actual.listEntities({ limit: 100 }), await expected.listEntities({ limit: 100 }));
  for (const query of SEARCHES) {
    const found = async (library: Library): Promise<unknown> => (await library.search({ limit: 50, ...query })).items.map(withoutScore);
    assert.deepEqual(await found(actual), await found(expected), JSON.stringify(query));
  }
}

/** An analysis that fails half-way through storing: its last statement cannot be serialized (after the article row is written). */
function unstorable(spec: ArticleSpec): IngestItem {
  const analysis = buildAnalysis(spec);
  const last = analysis.statements.length - 1;
  const statements = analysis.statements.map((statement, index) => (index === last ? ({ ...statement, weight: 1n } as unknown as Statement) : statement));
  return { document: spec.document, analysis: { ...analysis, statements } };
}

describe('batched ingest (SQLite)', () => {
  test('a batch stores exactly what one-by-one ingest stores: versions, copies, clusters, entities and search', async () => {
    const expected = openLibrary(freshPath());
    const expectedResults = [];
    for (const spec of SCENARIO) expectedResults.push(await expected.ingest(spec.document, buildAnalysis(spec)));
    const batched = openLibrary(freshPath());
    // The scenario updates an article within the batch: the first version's statements must leave the search index.
    const results = await batched.ingestBatch(SCENARIO.map(itemOf));
    assert.deepEqual(results, expectedResults);
    await assertSameLibrary(batched, expected);
    await expected.close();
    await batched.close();
  });

  test('a bad article rolls back alone: the articles around it in its batch are stored, and it can be stored later', async () => {
    const batched = openLibrary(freshPath());
    const wrongText: IngestItem = { document: { ...NOTE.document, id: 'wrong-text' }, analysis: { ...buildAnalysis(NOTE), document: { ...NOTE.document, text: 'Another text.' } } };
    const results = await batched.ingestBatch([itemOf(WIRE), unstorable(PAPER), itemOf(RADIO), wrongText, itemOf(NOTE)]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['stored', 'failed', 'stored', 'failed', 'stored'],
    );
    assert.match(results[1]!.error ?? '', /BigInt/u);
    assert.match(results[3]!.error ?? '', /different text/u);
    assert.equal(await batched.lookup(PAPER.document), null, 'nothing of the bad article is stored');
    const again = await batched.ingest(PAPER.document, buildAnalysis(PAPER));
    assert.equal(again.status, 'stored');
    assert.equal(again.copyOf, results[0]!.articleId);
    // The same library as storing the good articles one by one: no row, cluster or cached id of the rolled-back article is left.
    const expected = await ingestOneByOne([WIRE, RADIO, NOTE, PAPER]);
    await assertSameLibrary(batched, expected);
    await expected.close();
    await batched.close();
  });

  test('an update that fails leaves the version stored earlier in its batch current and searchable', async () => {
    const batched = openLibrary(freshPath());
    const results = await batched.ingestBatch([itemOf(DAILY_V1), unstorable(DAILY_V2), itemOf(NOTE)]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['stored', 'failed', 'stored'],
    );
    assert.equal((await batched.search({ text: '"40 million"' })).total, 1);
    const expected = await ingestOneByOne([DAILY_V1, NOTE]);
    await assertSameLibrary(batched, expected);
    await Promise.all([batched.close(), expected.close()]);
  });

  test("another connection's articles in between are linked as if one connection had stored everything", async () => {
    const path = freshPath();
    const first = openLibrary(path);
    const second = openLibrary(path);
    assert.equal((await first.ingest(WIRE.document, buildAnalysis(WIRE))).status, 'stored');
    // The second connection clusters the copy's quotes with the wire's; the first must not keep its own view of them.
    assert.equal((await second.ingest(PAPER.document, buildAnalysis(PAPER))).status, 'stored');
    assert.equal((await first.ingestBatch([itemOf(RADIO), itemOf(NOTE)])).every((result) => result.status === 'stored'), true);
    const expected = await ingestOneByOne([WIRE, PAPER, RADIO, NOTE]);
    await assertSameLibrary(first, expected);
    await Promise.all([first.close(), second.close(), expected.close()]);
  });

  test('an ingest killed inside a batch keeps the batches committed before it, and a re-run stores the rest once', async () => {
    const inputs = join(directory, 'killed-inputs');
    mkdirSync(inputs);
    const texts = new Map<string, string>();
    for (let index = 0; index < 12; index++) {
      const id = `article-${String(index).padStart(2, '0')}`;
      const text = `Report ${index} from the city hall.\nMayor Ilona Varga said "the ${index}th section of the bridge opens in ${2030 + index}".\n`;
      texts.set(id, text);
      writeFileSync(join(inputs, `${id}.txt`), text);
    }
    const path = freshPath();
    const script = join(directory, 'killed-ingest.mjs');
    const module = (path: string): string => JSON.stringify(pathToFileURL(join(DIST, path)).href);
    writeFileSync(
      script,
      [
        `import { openLibrary } from ${module('src/library/sqlite-library.js')};`,
        `import { ingestInputs } from ${module('src/library/ingest-inputs.js')};`,
        `import { quoteAnalysis } from ${module('test/helpers/library-scenario.js')};`,
        'const library = openLibrary(process.argv[2]);',
        // The process kills itself while storing article-06, the third article of its batch of four (articles 04–07).
        "library.connection.function('crash_now', () => process.kill(process.pid, 'SIGKILL'));",
        "library.connection.exec(\"CREATE TEMP TRIGGER crash AFTER INSERT ON main.articles WHEN NEW.document_id = 'article-06' BEGIN SELECT crash_now(); END\");",
        'await ingestInputs({ inputs: [process.argv[3]], library, read: { recursive: true }, analyze: quoteAnalysis, stream: process.stderr, batch: { articles: 4, milliseconds: 3_600_000 } });',
        'await library.close();',
      ].join('\n'),
    );
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => spawn(process.execPath, [script, path, inputs], { stdio: 'ignore' }).on('close', (_code, signal) => resolve(signal)));
    assert.equal(exit, 'SIGKILL');
    const inspect = (): Array<{ documentId: string; stored: number; actual: number }> => {
      const database = new Database(path);
      try {
        assert.equal(database.pragma('integrity_check', { simple: true }), 'ok');
        return database
          .prepare('SELECT document_id AS documentId, statement_count AS stored, (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS actual FROM articles a ORDER BY id')
          .all() as Array<{ documentId: string; stored: number; actual: number }>;
      } finally {
        database.close();
      }
    };
    assert.deepEqual(
      inspect().map((row) => row.documentId),
      ['article-00', 'article-01', 'article-02', 'article-03'],
      'the first batch is committed, nothing of the interrupted one',
    );
    const library = openLibrary(path);
    const { counts } = await ingestInputs({ inputs: [inputs], library, read: { recursive: true }, analyze: quoteAnalysis, stream: new PassThrough(), batch: { articles: 4, milliseconds: 3_600_000 } });
    await library.close();
    assert.deepEqual(counts, { stored: 8, unchanged: 4, updated: 0, failed: 0 });
    const rows = inspect();
    assert.deepEqual(rows.map((row) => row.documentId).sort(), [...texts.keys()]);
    for (const row of rows) assert.equal(row.actual, row.stored, `${row.documentId}: its statement rows`);
    assert.equal(rows.reduce((sum, row) => sum + row.stored, 0), 12);
  });

  test('a long ingest checkpoints on a thread of its own; closing leaves one whole database file', async () => {
    const path = freshPath();
    const library = openLibrary(path);
    const batches = bigBatches(8, 4);
    for (const batch of batches) assert.ok((await library.ingestBatch(batch)).every((result) => result.status === 'stored'));
    // The connection's own checkpoints would start at 40 MB of log: before that the database file stays nearly empty.
    let polls = 0;
    while (statSync(path).size < 8 * 1024 * 1024 && ++polls < 1000) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(statSync(path).size >= 8 * 1024 * 1024, `the thread copied the log into the database (${statSync(path).size} bytes)`);
    await library.close();
    assert.equal(existsSync(`${path}-wal`), false, 'the log is checkpointed and removed on close');
    const reopened = openLibrary(path);
    assert.equal(reopened.connection.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((await reopened.stats()).articles, batches.flat().length);
    await reopened.close();
  });

  test('a process killed while its checkpoint thread runs leaves every committed batch, and a sound database', async () => {
    const path = freshPath();
    const script = join(directory, 'killed-checkpoints.mjs');
    const module = (file: string): string => JSON.stringify(pathToFileURL(join(DIST, file)).href);
    writeFileSync(
      script,
      [
        `import { openLibrary } from ${module('src/library/sqlite-library.js')};`,
        `import { bigBatches } from ${module('test/helpers/library-scenario.js')};`,
        'const library = openLibrary(process.argv[2]);',
        'for (const batch of bigBatches(8, 4)) await library.ingestBatch(batch);',
        // Right after a commit that asked the thread for a checkpoint.
        "process.kill(process.pid, 'SIGKILL');",
      ].join('\n'),
    );
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => spawn(process.execPath, [script, path], { stdio: 'ignore' }).on('close', (_code, signal) => resolve(signal)));
    assert.equal(exit, 'SIGKILL');
    const reopened = openLibrary(path);
    assert.equal(reopened.connection.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((await reopened.stats()).articles, 32);
    await reopened.close();
  });

  test('a waiting batch is committed while the next input is slow to arrive', async () => {
    const path = freshPath();
    const watcher = openLibrary(path);
    await watcher.close();
    let seenBeforeSecond: boolean | null = null;
    const committed = (): number => {
      const database = new Database(path, { readonly: true });
      try {
        return (database.prepare('SELECT COUNT(*) AS count FROM articles').get() as { count: number }).count;
      } finally {
        database.close();
      }
    };
    const server: Server = createServer((request, response) => {
      const number = request.url === '/first' ? 1 : 2;
      const reply = (): void => {
        response.writeHead(200, { 'content-type': 'text/plain' }).end(`Mayor Ilona Varga said "report number ${number} is ready".\n`);
      };
      if (number === 1) return reply();
      // Held until the first article is committed; after many polls, answered anyway so that a failure cannot hang the suite.
      let polls = 0;
      const poll = (): void => {
        if (committed() === 1 || ++polls > 1000) {
          seenBeforeSecond = committed() === 1;
          reply();
        } else setTimeout(poll, 10);
      };
      poll();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const library = openLibrary(path);
      const { counts } = await ingestInputs({
        inputs: [`${base}/first`, `${base}/second`],
        library,
        read: { allowPrivate: true },
        analyze: quoteAnalysis,
        stream: new PassThrough(),
        batch: { articles: 100, milliseconds: 20 },
      });
      await library.close();
      assert.deepEqual(counts, { stored: 2, unchanged: 0, updated: 0, failed: 0 });
      assert.equal(seenBeforeSecond, true, 'the first article was committed before the second one arrived');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
