import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { isHearsayError } from '../src/model/errors.js';
import type { Analysis, SourceDocument, Statement } from '../src/model/types.js';
import { isPostgresSpec, librarySpec, openLibraryFromSpec } from '../src/library/open.js';
import { applyPostgresMigrations, POSTGRES_MIGRATIONS } from '../src/library/postgres/migrations.js';
import { openPostgresLibrary, PostgresLibrary } from '../src/library/postgres/postgres-library.js';
import { createScratchDatabase, postgresAvailable, type ScratchDatabase } from '../src/library/postgres/scratch-database.js';
import { linkingSummary } from '../src/library/postgres/linking-summary.js';
import { tsQueryParts } from '../src/library/postgres/search-text.js';
import { openLibrary } from '../src/library/sqlite-library.js';
import type { Library } from '../src/library/types.js';

const postgresUp = await postgresAvailable();
const skip = postgresUp ? false : 'PostgreSQL is not reachable (set HEARSAY_TEST_POSTGRES to an admin connection string)';

const SPEAKERS = ['Ilona Varga', 'Tomas Held', 'Marta Ilves', 'Jonas Berg', 'Elena Sorokina'] as const;
/** Quotes with disjoint vocabularies, so which reports belong together does not depend on ingest order. */
const QUOTES: ReadonlyArray<readonly [speaker: number, quote: string]> = [
  [0, 'We will not raise the harbour fees for local fishermen this year'],
  [0, 'The ferry terminal opens before midsummer whatever the weather brings'],
  [1, 'Steel deliveries from the northern mills remain our biggest worry'],
  [1, 'Every crane operator receives additional safety training in March'],
  [2, 'Taxpayers deserve a proper audit of these hidden contracts'],
  [2, 'Nobody consulted fishermen about moving the market square'],
  [3, 'Commuters waited two winters for trains that never came'],
  [4, 'Selling the railway company was never part of our programme'],
];
const NUMBERS = ['amber', 'basalt', 'cedar', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kelp', 'lumen', 'marble', 'nectar', 'onyx', 'pepper'];

/** A filler sentence made of words only article `index` uses, so distinct articles are never near-duplicates. */
function filler(index: number, sentence: number): string {
  const words: string[] = [];
  for (let position = 0; position < 14; position++) words.push(`${NUMBERS[(index + position * 3 + sentence) % NUMBERS.length]}${index}x${sentence}${position}`);
  return `${words.join(' ')}.`;
}

interface Generated {
  readonly document: SourceDocument;
  readonly analysis: Analysis;
}

/** Article `index` quotes two of QUOTES; every fifth one also runs as a syndicated copy a day later elsewhere. */
function generateCollection(count: number): Generated[] {
  const articles: Generated[] = [];
  for (let index = 0; index < count; index++) {
    const picks = [QUOTES[(index * 3) % QUOTES.length]!, QUOTES[(index * 5 + 1) % QUOTES.length]!];
    const lines = [filler(index, 0)];
    for (const [speaker, quote] of picks) lines.push(`"${quote}," ${SPEAKERS[speaker]} said on Monday.`, filler(index, lines.length));
    const text = `${lines.join('\n')}\n`;
    const day = String(1 + (index % 27)).padStart(2, '0');
    const outlet = `outlet${index % 6}.test`;
    const original = makeArticle(`a${index}`, text, `https://${outlet}/story/${index}`, `2024-03-${day}`, picks);
    articles.push(original);
    if (index % 5 === 0) {
      const copyText = `${text}Distributed by the outlet${index % 6} news service.\n`;
      articles.push(makeArticle(`a${index}-copy`, copyText, `https://syndicate.test/${index}`, `2024-03-${String(2 + (index % 27)).padStart(2, '0')}`, picks));
    }
  }
  return articles;
}

function makeArticle(id: string, text: string, url: string, publishedAt: string, picks: ReadonlyArray<readonly [number, string]>): Generated {
  const document: SourceDocument = { id, text, url, publishedAt, title: `Story ${id}` };
  const statements: Statement[] = picks.map(([speaker, quote], index) => {
    const contentStart = text.indexOf(`"${quote},"`);
    const content = { start: contentStart, end: contentStart + quote.length + 3, text: `"${quote},"` };
    const sourceStart = text.indexOf(SPEAKERS[speaker]!, content.end);
    const source = { start: sourceStart, end: sourceStart + SPEAKERS[speaker]!.length, text: SPEAKERS[speaker]! };
    const cueStart = text.indexOf('said', source.end);
    return {
      id: `s${index + 1}`,
      kind: 'direct',
      content: [content],
      cue: { start: cueStart, end: cueStart + 4, text: 'said', lemma: 'say', stance: 'neutral' },
      source,
      speaker: { name: SPEAKERS[speaker]!, entity: `e${speaker}`, evidence: [source] },
      via: [],
    };
  });
  const entities = [...new Set(picks.map(([speaker]) => speaker))].map((speaker) => ({
    id: `e${speaker}`,
    name: SPEAKERS[speaker]!,
    type: 'person' as const,
    aliases: [SPEAKERS[speaker]!, SPEAKERS[speaker]!.split(' ')[1]!],
    mentions: [],
    why: [],
  }));
  return { document, analysis: { document: { id, title: document.title, url, publishedAt, text }, statements, entities, times: [], claims: [], diagnostics: [] } };
}

describe('PostgreSQL library', { skip }, () => {
  let scratch: ScratchDatabase;
  before(async () => {
    scratch = await createScratchDatabase('hearsay_test_pglib');
  });
  after(async () => {
    await scratch?.drop();
  });

  test('several processes opening a new database at once migrate it exactly once', async () => {
    const libraries = await Promise.all(Array.from({ length: 6 }, () => openPostgresLibrary(scratch.url, { poolSize: 2 })));
    const rows = await libraries[0]!.pool.query<{ version: number }>('SELECT version FROM hearsay_migrations ORDER BY version');
    assert.deepEqual(
      rows.rows.map((row) => row.version),
      POSTGRES_MIGRATIONS.map((migration) => migration.version),
    );
    await Promise.all(libraries.map((library) => library.close()));
  });

  test('a released migration that changed, or a database newer than the code, is refused', async () => {
    const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    try {
      const changed = POSTGRES_MIGRATIONS.map((migration) => (migration.version === 1 ? { ...migration, sql: `${migration.sql} -- edited` } : migration));
      await assert.rejects(applyPostgresMigrations(pool, changed), (error: unknown) => isHearsayError(error) && /immutable/u.test(error.message));
      await assert.rejects(applyPostgresMigrations(pool, POSTGRES_MIGRATIONS.slice(0, 1)), (error: unknown) => isHearsayError(error) && /newer/u.test(error.message));
      assert.equal(await applyPostgresMigrations(pool), POSTGRES_MIGRATIONS.length);
    } finally {
      await pool.end();
    }
  });

  test('the connection string chooses the backend; HEARSAY_DB is the default', async () => {
    assert.ok(isPostgresSpec('postgres://host/db'));
    assert.ok(isPostgresSpec('postgresql://host/db'));
    assert.ok(!isPostgresSpec('data/hearsay.db'));
    assert.equal(librarySpec('given.db', { HEARSAY_DB: 'postgres://x/y' }), 'given.db');
    assert.equal(librarySpec(undefined, { HEARSAY_DB: 'postgres://x/y' }), 'postgres://x/y');
    assert.equal(librarySpec(undefined, {}), './data/hearsay.db');
    const library = await openLibraryFromSpec(scratch.url);
    assert.ok(library instanceof PostgresLibrary);
    await library.close();
  });

  test('an unreachable server is a one-line user error without the password', async () => {
    await assert.rejects(openLibraryFromSpec('postgres://someone:s3cret@127.0.0.1:1/nowhere'), (error: unknown) => {
      assert.ok(isHearsayError(error));
      assert.ok(!error.message.includes('s3cret') && !(error.input ?? '').includes('s3cret'), error.message);
      assert.ok(!error.message.includes('\n'));
      return true;
    });
  });

  test('query words become websearch_to_tsquery text plus prefix terms', () => {
    assert.deepEqual(tsQueryParts('Rail "Link Opens" OR train -bus'), { websearch: '"rail" "link opens" OR "train" -"bus"', prefixes: [], required: [] });
    assert.deepEqual(tsQueryParts('bridg* -steel* or Gdańsk'), { websearch: '"or" "gdansk"', prefixes: ['bridg:*', '!(steel:*)'], required: [] });
    // Phrases (and hyphenated words) the query requires: their word pairs must occur in every match.
    assert.deepEqual(tsQueryParts('"Rail Link" opens OR closes rail-link NOT "tram stop"').required, ['rail link', 'rail-link']);
    assert.deepEqual(tsQueryParts('rail -"tram stop"'), { websearch: '"rail" -"tram stop"', prefixes: [], required: [] });
    assert.throws(() => tsQueryParts('"" -'), (error: unknown) => isHearsayError(error));
  });

  test('the pair and outlet lexemes of migration 3 find exactly what phrase positions and outlet patterns find', async () => {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await openLibraryFromSpec(scratch.url).then((library) => library.close());
      const texts = ['the rail link opens in May', 'rail-link opens', 'link rail opens', "it's the rail rail link", 'opens the link', 'a b a b c'];
      const phrases = ['rail link', 'rail-link opens', 'link opens', "it's the", 'the rail rail', 'b a b c', 'a b c d', 'rail', 'opens  the'];
      for (const text of texts) {
        for (const phrase of phrases) {
          const row = (
            await client.query<{ plain: boolean; paired: boolean }>(
              `SELECT to_tsvector('simple', $1) @@ websearch_to_tsquery('simple', $3) AS plain,
                      hearsay_search_document(to_tsvector('simple', $1), NULL) @@ hearsay_with_pairs(websearch_to_tsquery('simple', $3), to_tsvector('simple', $2)) AS paired`,
              [text, phrase, `"${phrase}"`],
            )
          ).rows[0]!;
          assert.equal(row.paired, row.plain, `${phrase} in ${text}`);
        }
      }
      for (const [outlet, filter, expected] of [
        ['news.example.org', 'example.org', true],
        ['news.example.org', 'news.example.org', true],
        ['news.example.org', 'ample.org', false],
        ['example.org', 'news.example.org', false],
        ["o'brien.test", "o'brien.test", true],
      ] as const) {
        const row = (
          await client.query<{ found: boolean }>(`SELECT hearsay_search_document(to_tsvector('simple', 'word'), $1) @@ $2::tsquery AS found`, [
            outlet,
            `'~o ${filter.replace(/[\\']/gu, (char) => `\\${char}`)}'`,
          ])
        ).rows[0]!;
        assert.equal(row.found, expected, `${filter} for ${outlet}`);
      }
    } finally {
      await client.end();
    }
  });

  test('articles of one cluster stored by concurrent writers link as in a sequential run', async () => {
    const collection = generateCollection(60);
    // Reference: one writer, in order, on SQLite.
    const directory = mkdtempSync(join(tmpdir(), 'hearsay-pg-reference-'));
    const reference = openLibrary(join(directory, 'reference.db'));
    for (const article of collection) assert.notEqual((await reference.ingest(article.document, article.analysis)).status, 'failed');
    const expected = await linkingSummary(reference);
    await reference.close();
    rmSync(directory, { recursive: true, force: true });
    assert.ok(expected.clusters.length >= QUOTES.length, `reference clusters: ${expected.clusters.length}`);
    assert.ok(expected.copies.length >= 10);

    const concurrent = await createScratchDatabase('hearsay_test_pglink');
    try {
      const writers = await Promise.all(Array.from({ length: 6 }, () => openPostgresLibrary(concurrent.url, { poolSize: 3 })));
      // Every article twice, in a shuffled order, by six writers at once: copies and quotes of one story collide.
      const work = [...collection, ...collection].map((article, position) => ({ article, order: (position * 7919) % 1009 })).sort((a, b) => a.order - b.order);
      let next = 0;
      await Promise.all(
        writers.flatMap((writer) =>
          [0, 1].map(async () => {
            while (next < work.length) {
              const { article } = work[next++]!;
              const result = await writer.ingest(article.document, article.analysis);
              assert.notEqual(result.status, 'failed', result.error);
            }
          }),
        ),
      );
      const actual = await linkingSummary(writers[0]!);
      assert.deepEqual(actual.articles, expected.articles, 'every article stored exactly once');
      assert.deepEqual(actual.copies, expected.copies);
      assert.deepEqual(actual.clusters, expected.clusters);
      await Promise.all(writers.map((writer) => writer.close()));
    } finally {
      await concurrent.drop();
    }
  });
});
