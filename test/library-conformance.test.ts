import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isHearsayError } from '../src/model/errors.js';
import { exportLibrary } from '../src/library/export.js';
import { openLibraryFromSpec } from '../src/library/open.js';
import { createScratchDatabase, postgresAvailable, type ScratchDatabase } from '../src/library/postgres/scratch-database.js';
import type { IngestResult, Library, SearchQuery, StatementHit, StoredArticle } from '../src/library/types.js';
import { buildAnalysis, DAILY_V1, DAILY_V2, document, HELD, NOTE, PAPER, RADIO, SCENARIO, SEARCHES, VARGA, WIRE, WIRE_REWRAPPED } from './helpers/library-scenario.js';

/**
 * One behaviour suite, run against both library backends: SQLite in a temporary file and PostgreSQL in a scratch
 * database created for this run (and dropped after it). Every article below is invented for this test.
 */

interface Backend {
  readonly name: string;
  library: Library | null;
  results: IngestResult[];
  readonly open: () => Promise<Library>;
  readonly skip: string | false;
}

const directory = mkdtempSync(join(tmpdir(), 'hearsay-conformance-'));
const postgresUp = await postgresAvailable();
let scratch: ScratchDatabase | null = null;

const backends: Backend[] = [
  { name: 'sqlite', library: null, results: [], open: () => openLibraryFromSpec(join(directory, 'library.db')), skip: false },
  {
    name: 'postgres',
    library: null,
    results: [],
    open: async () => {
      scratch ??= await createScratchDatabase('hearsay_test_conformance');
      return openLibraryFromSpec(scratch.url);
    },
    skip: postgresUp ? false : 'PostgreSQL is not reachable (set HEARSAY_TEST_POSTGRES to an admin connection string)',
  },
];
const active = (): Backend[] => backends.filter((backend) => backend.skip === false);

function libraryOf(backend: Backend): Library {
  assert.ok(backend.library !== null, `${backend.name} library is open`);
  return backend.library;
}

/** A hit without its score (bm25 and ts_rank_cd differ in scale) for comparing backends. */
function withoutScore(hit: StatementHit): Omit<StatementHit, 'score'> {
  const { score: _score, ...rest } = hit;
  return rest;
}

function withoutIngestTime<T extends StoredArticle>(article: T): Omit<T, 'ingestedAt'> {
  const { ingestedAt: _ingestedAt, ...rest } = article;
  return rest;
}

async function articleOf(library: Library, documentId: string): Promise<StoredArticle> {
  const page = await library.listArticles({ limit: 100 });
  const found = page.items.filter((article) => article.documentId === documentId && article.current !== false);
  assert.equal(found.length, 1, `one current article ${documentId}`);
  return found[0]!;
}

describe('library conformance (SQLite and PostgreSQL)', () => {
  before(async () => {
    for (const backend of active()) {
      backend.library = await backend.open();
      for (const spec of SCENARIO) backend.results.push(await backend.library.ingest(spec.document, buildAnalysis(spec)));
    }
  });

  after(async () => {
    for (const backend of backends) await backend.library?.close();
    await scratch?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  for (const backend of backends) {
    describe(backend.name, { skip: backend.skip }, () => {
      test('ingest is idempotent on the normalized text, and a changed page is a new version', async () => {
        const statuses = backend.results.map((result) => result.status);
        assert.deepEqual(statuses, ['stored', 'stored', 'stored', 'stored', 'updated', 'stored', 'unchanged', 'unchanged']);
        const [wire, , dailyV1, , dailyV2, , wireAgain, rewrapped] = backend.results;
        assert.equal(wireAgain!.articleId, wire!.articleId);
        assert.equal(rewrapped!.articleId, wire!.articleId);
        assert.equal(dailyV2!.previousVersion, dailyV1!.articleId);
        const library = libraryOf(backend);
        assert.equal(await library.lookup(WIRE_REWRAPPED.document), wire!.articleId);
        assert.equal(await library.lookup(document('new', 'Never stored.', null, null, null)), null);
        const old = await library.getArticle(dailyV1!.articleId!);
        assert.equal(old?.current, false);
        const current = await articleOf(library, 'daily-cost');
        assert.equal(current.version, 2);
        assert.equal(current.previousVersion, dailyV1!.articleId);
        assert.equal(current.canonicalUrl, 'https://daily.test/bridge-cost');
      });

      test('a stored article gives back its analysis, text and statements included', async () => {
        const library = libraryOf(backend);
        const stored = await library.getArticle(backend.results[0]!.articleId!);
        assert.ok(stored !== null);
        assert.deepEqual(stored.analysis, buildAnalysis(WIRE));
        assert.equal(stored.outlet, 'wire.test');
        assert.equal(stored.statementCount, 4);
        assert.equal(await library.getArticle('999999'), null);
        assert.equal(await library.getArticle('not-an-id'), null);
      });

      test('a syndicated copy points at the earliest article of its group', async () => {
        const [wire, paper] = backend.results;
        assert.equal(paper!.copyOf, wire!.articleId);
        const library = libraryOf(backend);
        assert.equal((await articleOf(library, 'paper-bridge')).copyOf, wire!.articleId);
        assert.equal((await articleOf(library, 'wire-bridge')).copyOf, null);
        const originals = await library.search({ text: 'bridge', originalsOnly: true, limit: 50 });
        assert.ok(originals.items.every((hit) => hit.articleId !== paper!.articleId));
      });

      test('stats count current articles, versions, copies, statements and clusters', async () => {
        const stats = await libraryOf(backend).stats();
        assert.equal(stats.articles, 5);
        assert.equal(stats.versions, 6);
        assert.equal(stats.updated, 1);
        assert.equal(stats.copies, 1);
        assert.equal(stats.statements, 13);
        assert.equal(stats.outlets, 4);
        assert.equal(stats.entities, 4);
        assert.ok(stats.clusters >= 4, `clusters: ${stats.clusters}`);
      });

      test('reports of one utterance form a cluster, earliest first, with drift', async () => {
        const library = libraryOf(backend);
        const hit = (await library.search({ text: '"45 million"' })).items[0];
        assert.ok(hit?.clusterId !== null && hit?.clusterId !== undefined, 'the new version joined a cluster');
        const cluster = await library.getCluster(hit.clusterId);
        assert.ok(cluster !== null);
        assert.equal(cluster.speaker, VARGA);
        assert.deepEqual(
          cluster.reports.map((report) => [report.outlet, report.kind, report.copy]),
          [
            ['wire.test', 'direct', false],
            ['paper.test', 'direct', true],
            ['daily.test', 'partial', false],
          ],
        );
        assert.equal(cluster.drift.length, 2);
        assert.deepEqual(cluster.drift[0]!.flags, []);
        assert.ok(cluster.drift[1]!.flags.includes('meaning-changed'), cluster.drift[1]!.flags.join(', '));
        const listed = await library.listClusters({ speaker: 'Varga' });
        assert.ok(listed.items.some((item) => item.id === cluster.id));
        assert.equal(await library.getCluster('999999'), null);
      });

      test('spelling variants of a speaker are one entity, found by any alias', async () => {
        const library = libraryOf(backend);
        const entity = await library.getEntity('Kovalenka');
        assert.ok(entity !== null);
        assert.equal(entity.name, 'Pavel Kovalenko');
        assert.ok(entity.aliases.includes('Pavel Kovalenka'));
        assert.equal(entity.statementCount, 4);
        assert.deepEqual(await library.getEntity('pavel kovalenko'), entity);
        assert.deepEqual(await library.getEntity(entity.id), entity);
        assert.equal(await library.getEntity('Nobody Known'), null);
        const hits = await library.search({ speaker: 'Kovalenko', limit: 50 });
        assert.equal(hits.total, 4);
        const listed = await library.listEntities({ query: 'kovalen' });
        assert.deepEqual(listed.items.map((item) => item.id), [entity.id]);
      });

      test('search: words, phrases, prefixes, exclusions, diacritics and filters', async () => {
        const library = libraryOf(backend);
        const contents = async (query: SearchQuery): Promise<string[]> => (await library.search({ limit: 50, ...query })).items.map((hit) => hit.statement.content[0]!.text).sort();
        assert.deepEqual(await contents({ text: '"40 million"' }), ['"We might need another 40 million euros to finish the bridge safely,"', '"We might need another 40 million euros to finish the bridge safely,"']);
        assert.deepEqual(await contents({ text: 'gdansk' }), ['the cranes from Gdańsk would arrive in the spring']);
        assert.deepEqual(await contents({ text: 'funding', stance: 'denial' }), ['the council had approved any extra funding']);
        assert.deepEqual(await contents({ text: 'funding', stance: 'warning' }), []);
        assert.deepEqual(await contents({ text: 'risk', outlet: 'paper.test' }), ['still the main risk for the whole project']);
        assert.equal((await library.search({ text: 'bridg*' })).total, (await library.search({ text: 'bridge' })).total);
        assert.deepEqual(await contents({ text: 'cranes -spring' }), []);
        const ranged = await library.search({ from: '2024-05-02', to: '2024-05' });
        assert.ok(ranged.items.every((hit) => hit.publishedAt !== null && hit.publishedAt >= '2024-05-02' && hit.publishedAt <= '2024-05-31'));
        assert.equal(ranged.total, 6);
        await assert.rejects(library.search({ text: '"" -' }), (error: unknown) => isHearsayError(error));
      });

      test("a speaker's timeline runs in date order and honours the range", async () => {
        const library = libraryOf(backend);
        const timeline = await library.timeline('Varga', { limit: 10 });
        assert.deepEqual(timeline.items.map((hit) => hit.publishedAt), ['2024-05-01', '2024-05-01', '2024-05-02', '2024-05-02', '2024-05-04']);
        const may2 = await library.timeline('Ilona Varga', { from: '2024-05-02', to: '2024-05-02' });
        assert.equal(may2.total, 2);
        assert.equal((await library.timeline('Nobody Known', {})).total, 0);
      });

      test('exports every current statement and article in a stable order', async () => {
        const library = libraryOf(backend);
        let jsonl = '';
        const count = await exportLibrary(library, 'jsonl', (chunk) => {
          jsonl += chunk;
        });
        assert.equal(count, 13);
        assert.equal(jsonl.trim().split('\n').length, 13);
        let articles = 0;
        for await (const article of library.exportArticles()) {
          assert.equal(article.analysis.document.text.length > 0, true);
          articles++;
        }
        assert.equal(articles, 5);
      });
    });
  }

  describe('both backends agree', { skip: active().length < 2 ? 'needs both backends' : false }, () => {
    const [first, second] = [backends[0]!, backends[1]!];

    test('ingest results, stats and article listings are the same', async () => {
      assert.deepEqual(second.results, first.results);
      const { failedJobs: _failed, ...stats } = await libraryOf(second).stats();
      assert.deepEqual(stats, await libraryOf(first).stats());
      const list = async (backend: Backend) => (await libraryOf(backend).listArticles({ limit: 100 })).items.map(withoutIngestTime);
      assert.deepEqual(await list(second), await list(first));
    });

    test('exports are byte-identical (jsonl, csv, annotations)', async () => {
      for (const format of ['jsonl', 'csv', 'annotations'] as const) {
        const outputs: string[] = [];
        for (const backend of [first, second]) {
          let output = '';
          await exportLibrary(libraryOf(backend), format, (chunk) => {
            output += chunk;
          });
          outputs.push(output);
        }
        assert.equal(outputs[1], outputs[0], format);
      }
    });

    test('every search finds the same statements (text searches compared as sets)', async () => {
      for (const query of SEARCHES) {
        const [expected, actual] = await Promise.all([libraryOf(first).search(query), libraryOf(second).search(query)]);
        const hits = (page: typeof expected) => {
          const items = page.items.map(withoutScore);
          const key = (hit: Omit<StatementHit, 'score'>): string => `${hit.articleId.padStart(12, '0')} ${hit.statement.id}`;
          return query.text === undefined ? items : items.sort((a, b) => key(a).localeCompare(key(b)));
        };
        assert.deepEqual(hits(actual), hits(expected), JSON.stringify(query));
        assert.equal(actual.total, expected.total, JSON.stringify(query));
      }
    });

    test('entities, timelines and clusters are the same', async () => {
      for (const name of ['Varga', 'Kovalenka', 'Tomas Held', 'Marta Ilves']) {
        assert.deepEqual(await libraryOf(second).getEntity(name), await libraryOf(first).getEntity(name), name);
        const timeline = async (backend: Backend) => (await libraryOf(backend).timeline(name, { limit: 50 })).items.map(withoutScore);
        assert.deepEqual(await timeline(second), await timeline(first), name);
      }
      assert.deepEqual(await libraryOf(second).listEntities({ limit: 50 }), await libraryOf(first).listEntities({ limit: 50 }));
      assert.deepEqual(await libraryOf(second).listClusters({ limit: 50 }), await libraryOf(first).listClusters({ limit: 50 }));
    });
  });
});
