import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Writable } from 'node:stream';
import { runCli } from '../src/cli/main.js';
import { isHearsayError } from '../src/model/errors.js';
import type { Analysis, Entity, NumericClaim, RelayRole, SourceDocument, Stance, Statement, StatementKind } from '../src/model/types.js';
import { exportLibrary } from '../src/library/export.js';
import { ingestInputs } from '../src/library/ingest-inputs.js';
import { openLibrary, SqliteLibrary } from '../src/library/sqlite-library.js';
import { applyMigrations, MIGRATIONS } from '../src/library/migrations.js';
import Database from 'better-sqlite3';
import type { Library } from '../src/library/types.js';

/** A hand-written statement: spans are found in the text by their surface strings, in order. */
interface StatementSpec {
  readonly kind: StatementKind;
  readonly content: readonly string[];
  readonly cue: readonly [surface: string, lemma: string, stance: Stance];
  /** The speaker as written in the text, and the resolved full name. */
  readonly source: string;
  readonly speaker: string;
  readonly via?: ReadonlyArray<readonly [surface: string, role: RelayRole]>;
  readonly claim?: readonly [surface: string, value: number, unit: string];
}

const KOVALENKO = 'Pavel Kovalenko';
const KOVALENKA = 'Pavel Kovalenka';
const RAIL_QUOTE = 'The new rail link will not be ready before 2027, and it might cost up to 4.2 billion euros,';
const WIRE_SPECS: readonly StatementSpec[] = [
  { kind: 'direct', content: [RAIL_QUOTE], cue: ['told', 'tell', 'neutral'], source: 'Kovalenko told', speaker: KOVALENKO, claim: ['4.2 billion euros', 4.2e9, 'EUR'] },
  { kind: 'direct', content: ['We will not cut corners on safety to win back a few months,'], cue: ['added', 'add', 'neutral'], source: 'he added', speaker: KOVALENKO },
  { kind: 'partial', content: ['a broken promise to every commuter in the north'], cue: ['said', 'say', 'neutral'], source: 'Marta Ilves', speaker: 'Marta Ilves' },
];

/** Statements a good extractor finds in each sample article (the extractor is still being built). */
const SAMPLE_SPECS: Readonly<Record<string, readonly StatementSpec[]>> = {
  'cpa-rail-delay': WIRE_SPECS,
  'ledger-rail-delay': WIRE_SPECS,
  'metro-minister-admits': [
    { kind: 'partial', content: ['will not be ready before 2027'], cue: ['said', 'say', 'neutral'], source: 'Kovalenka said', speaker: KOVALENKA },
    { kind: 'direct', content: ['We were promised trains in 2025, and now we are told to wait another two years,'], cue: ['said', 'say', 'neutral'], source: 'Jonas Berg', speaker: 'Jonas Berg' },
  ],
  'evening-post-cost': [
    { kind: 'indirect', content: ['The Northern Rail Link will cost 4.2 billion euros and will not be ready before 2027'], cue: ['said', 'say', 'neutral'], source: 'Transport Minister Pavel Kovalenko', speaker: KOVALENKO },
    { kind: 'partial', content: ['hiding the real numbers for two years'], cue: ['accused', 'accuse', 'distancing'], source: 'Marta Ilves', speaker: 'Marta Ilves' },
  ],
  'north-herald-stake': [
    {
      kind: 'indirect',
      content: ['The government is considering selling a minority stake in the Northern Rail Link to private investors'],
      cue: ['according to', 'according to', 'evidential'],
      source: 'an unnamed official at the Finance Ministry',
      speaker: 'Finance Ministry official',
      via: [['Daily Ledger', 'outlet']],
    },
    { kind: 'indirect', content: ['any sale was planned'], cue: ['denied', 'deny', 'denial'], source: 'Finance Minister Elena Sorokina', speaker: 'Elena Sorokina' },
    { kind: 'direct', content: ['There is no plan to sell the railway, not now and not next year,'], cue: ['told', 'tell', 'neutral'], source: 'Sorokina told', speaker: 'Elena Sorokina' },
  ],
  'cpa-audit-rejected': [{ kind: 'direct', content: ['An audit now would only delay the project further,'], cue: ['said', 'say', 'neutral'], source: 'Kovalenko said', speaker: KOVALENKO }],
  'valley-gazette-audit': [
    { kind: 'partial', content: ['would only delay the project further'], cue: ['said', 'say', 'neutral'], source: 'Transport Minister Pavel Kovalenka', speaker: KOVALENKA },
    { kind: 'indirect', content: ['the rail link might still open in late 2026 if tunnel work speeds up'], cue: ['told', 'tell', 'neutral'], source: 'Kovalenka reportedly', speaker: KOVALENKA },
  ],
  'harbour-weekly-rail': [
    {
      kind: 'indirect',
      content: ['the rail link will open in late 2026'],
      cue: ['told', 'tell', 'neutral'],
      source: 'Kovalenko said',
      speaker: 'Kovalenko',
      via: [['colleagues of the minister', 'relay'], ['the Valley Gazette', 'outlet']],
    },
    { kind: 'direct', content: ['Two years is two years too many,'], cue: ['said', 'say', 'neutral'], source: 'Berg said', speaker: 'Jonas Berg' },
  ],
  'channel9-interview': [
    { kind: 'partial', content: ['nobody will lose their job over the delay'], cue: ['said', 'say', 'neutral'], source: 'Transport Minister Pavel Kovalenko', speaker: KOVALENKO, via: [['Channel 9', 'interview']] },
    { kind: 'partial', content: ['will not be ready before 2027'], cue: ['told', 'tell', 'neutral'], source: 'Kovalenko told', speaker: KOVALENKO, via: [['Channel 9', 'interview']] },
  ],
};

function spanOf(text: string, surface: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, `fixture: '${surface}' not found in the text`);
  return { start, end: start + surface.length, text: surface };
}

/** Builds the Analysis a good extractor would return for `document`, from hand-written specs. */
function buildAnalysis(document: SourceDocument, specs: readonly StatementSpec[]): Analysis {
  const text = document.text;
  const entities = new Map<string, Entity>();
  const statements: Statement[] = [];
  const claims: NumericClaim[] = [];
  specs.forEach((spec, index) => {
    const id = `s${index + 1}`;
    let cursor = 0;
    const content = spec.content.map((piece) => {
      const span = spanOf(text, piece, cursor);
      cursor = span.end;
      return span;
    });
    const source = spanOf(text, spec.source);
    const cueSpan = spanOf(text, spec.cue[0]);
    let entity = entities.get(spec.speaker);
    if (entity === undefined) {
      const surname = spec.speaker.split(' ').pop()!;
      entity = { id: `e${entities.size + 1}`, name: spec.speaker, type: 'person', aliases: [...new Set([spec.speaker, surname])], mentions: [source], why: surname === spec.speaker ? [] : [{ alias: surname, reason: 'surname' }] };
      entities.set(spec.speaker, entity);
    }
    statements.push({
      id,
      kind: spec.kind,
      content,
      cue: { ...cueSpan, lemma: spec.cue[1], stance: spec.cue[2] },
      source,
      speaker: { name: spec.speaker, entity: entity.id, evidence: [source] },
      via: (spec.via ?? []).map(([surface, role]) => ({ ...spanOf(text, surface), name: surface.replace(/^the /u, ''), role })),
    });
    if (spec.claim !== undefined) {
      const [surface, value, unit] = spec.claim;
      claims.push({ ...spanOf(text, surface), statement: id, value, unit, qualifier: 'up to', predicate: 'cost' });
    }
  });
  return {
    document: { id: document.id, title: document.title, url: document.url, publishedAt: document.publishedAt, text },
    statements,
    entities: [...entities.values()],
    times: [],
    claims,
    diagnostics: [],
  };
}

function fixtureAnalyze(document: SourceDocument): Analysis {
  return buildAnalysis(document, SAMPLE_SPECS[document.id] ?? []);
}

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const SAMPLES = join(process.cwd(), 'samples');
let directory: string;
let dbPath: string;
let library: Library;

async function ingestSamples(target: Library): Promise<{ stored: number; unchanged: number; updated: number; failed: number }> {
  const stream = new Collect();
  const { counts } = await ingestInputs({ inputs: [SAMPLES], library: target, read: { recursive: true }, analyze: fixtureAnalyze, stream });
  assert.equal(counts.failed, 0, stream.text);
  return counts;
}

async function articleIdOf(target: Library, documentId: string): Promise<string> {
  const page = await target.listArticles({ limit: 100 });
  const found = page.items.filter((article) => article.documentId === documentId && article.current !== false);
  assert.equal(found.length, 1, `one current article ${documentId}`);
  return found[0]!.id;
}

describe('statement library on the sample collection', () => {
  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'hearsay-library-'));
    dbPath = join(directory, 'nested', 'hearsay.db');
    library = openLibrary(dbPath);
    const first = await ingestSamples(library);
    assert.deepEqual(first, { stored: 9, unchanged: 0, updated: 1, failed: 0 });
  });

  after(async () => {
    await library.close();
    rmSync(directory, { recursive: true, force: true });
  });

  test('a second ingest of the samples stores nothing new, and reopening keeps everything', async () => {
    const before = await library.stats();
    const second = await ingestSamples(library);
    assert.deepEqual(second, { stored: 0, unchanged: 10, updated: 0, failed: 0 });
    await library.close();
    library = openLibrary(dbPath);
    assert.deepEqual(await library.stats(), before);
  });

  test('stats count current articles, versions, copies and clusters', async () => {
    const stats = await library.stats();
    assert.equal(stats.articles, 9);
    assert.equal(stats.versions, 10);
    assert.equal(stats.updated, 1);
    assert.equal(stats.copies, 1);
    assert.equal(stats.statements, 20);
    assert.ok(stats.clusters >= 3, `expected at least 3 clusters, found ${stats.clusters}`);
  });

  test('a changed article at the same URL is a new version pointing at the previous one', async () => {
    const page = await library.listArticles({ limit: 100 });
    const versions = page.items.filter((article) => article.documentId === 'evening-post-cost');
    assert.equal(versions.length, 2);
    const [older, newer] = versions as [(typeof versions)[number], (typeof versions)[number]];
    assert.equal(older.current, false);
    assert.equal(newer.version, 2);
    assert.equal(newer.previousVersion, older.id);
    const stored = await library.getArticle(newer.id);
    assert.ok(stored !== null && stored.analysis.document.text.includes('Correction (May 9)'));
    // Superseded versions stay stored but leave search.
    const hits = await library.search({ text: 'hiding real numbers' });
    assert.deepEqual(hits.items.map((hit) => hit.articleId), [newer.id]);
  });

  test('the wire story republished with other boilerplate is a syndicated copy of the earliest one', async () => {
    const wire = await articleIdOf(library, 'cpa-rail-delay');
    const copy = await library.getArticle(await articleIdOf(library, 'ledger-rail-delay'));
    assert.equal(copy?.copyOf, wire);
    const original = await library.getArticle(wire);
    assert.equal(original?.copyOf, null);
    const all = await library.search({ text: 'broken promise' });
    const originals = await library.search({ text: 'broken promise', originalsOnly: true });
    assert.equal(all.total, 2);
    assert.deepEqual(originals.items.map((hit) => hit.articleId), [wire]);
  });

  test('reports of one quote form a cluster, earliest first, with drift flagged', async () => {
    const hits = await library.search({ text: '"not be ready before 2027"', speaker: 'Kovalenko', limit: 50 });
    const clusterIds = new Set(hits.items.map((hit) => hit.clusterId));
    assert.equal(clusterIds.size, 1, 'every report of the delay quote is in one cluster');
    const cluster = await library.getCluster([...clusterIds][0]!);
    assert.ok(cluster !== null);
    assert.deepEqual(
      cluster.reports.map((report) => [report.outlet, report.kind, report.copy]),
      [
        ['cpa-wire.test', 'direct', false],
        ['daily-ledger.test', 'direct', true],
        ['metro-times.test', 'partial', false],
        ['evening-post.test', 'indirect', false],
        ['river-radio.test', 'partial', false],
      ],
    );
    assert.equal(cluster.speaker, KOVALENKO);
    assert.deepEqual(cluster.drift[0]!.flags, [], 'the syndicated copy quotes word for word');
    assert.ok(cluster.drift[1]!.flags.includes('truncated'), `partial quote is truncated: ${cluster.drift[1]!.flags.join()}`);
    assert.ok(!cluster.drift[1]!.flags.includes('meaning-changed'), 'dropping words around a kept quote is not a change of meaning');
    const paraphrase = cluster.drift[2]!.flags;
    for (const flag of ['words-changed', 'hedge-lost', 'direct-to-indirect', 'meaning-changed']) assert.ok(paraphrase.includes(flag), `${flag} in ${paraphrase.join()}`);
    assert.deepEqual(cluster.reports[4]!.via.map((relay) => [relay.name, relay.role]), [['Channel 9', 'interview']]);
  });

  test('a hedged report turned flat is flagged as hedge lost, across spelling variants and relays', async () => {
    const hits = await library.search({ text: 'late 2026', limit: 10 });
    assert.equal(hits.total, 2);
    const cluster = await library.getCluster(hits.items[0]!.clusterId ?? '');
    assert.ok(cluster !== null);
    assert.deepEqual(cluster.reports.map((report) => report.outlet), ['valley-gazette.test', 'harbour-weekly.test']);
    const flags = cluster.drift[0]!.flags;
    assert.ok(flags.includes('hedge-lost') && flags.includes('meaning-changed'), flags.join());
    const deleted = cluster.drift[0]!.changes.filter((change) => change.op === 'delete').map((change) => change.words).join(' ');
    assert.match(deleted, /might/u);
  });

  test('a speaker is found under every spelling, with the reason the names were merged', async () => {
    const entity = await library.getEntity('Kovalenka');
    const same = await library.getEntity('Павел Коваленко');
    assert.ok(entity !== null && same !== null);
    assert.equal(same.id, entity.id);
    for (const alias of [KOVALENKO, KOVALENKA, 'Kovalenko']) assert.ok(entity.aliases.includes(alias), `alias ${alias} in ${entity.aliases.join(', ')}`);
    assert.ok(entity.why.some((reason) => reason.alias === KOVALENKA && reason.reason === 'transliteration'));
    const bySpelling = await library.search({ speaker: 'Kovalenka', limit: 100 });
    const outlets = new Set(bySpelling.items.map((hit) => hit.outlet));
    for (const outlet of ['cpa-wire.test', 'metro-times.test', 'valley-gazette.test', 'harbour-weekly.test']) assert.ok(outlets.has(outlet), `statements from ${outlet}`);
    assert.equal(bySpelling.total, (await library.search({ speaker: 'Pavel Kovalenko', limit: 100 })).total);
    const timeline = await library.timeline('Kovalenko', { limit: 100 });
    const dates = timeline.items.map((hit) => hit.publishedAt ?? '');
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(timeline.total, entity.statementCount);
  });

  test('search ranks by relevance and filters by outlet, date, stance and speaker', async () => {
    const ranked = await library.search({ text: 'audit delay project' });
    assert.ok(ranked.items.length >= 2);
    assert.ok(ranked.items.every((hit, index) => index === 0 || ranked.items[index - 1]!.score <= hit.score), 'bm25 order');
    assert.ok(ranked.items[0]!.snippet.includes('audit'));
    const byOutlet = await library.search({ text: 'delay', outlet: 'valley-gazette.test' });
    assert.ok(byOutlet.total >= 1 && byOutlet.items.every((hit) => hit.outlet === 'valley-gazette.test'));
    const inRange = await library.search({ speaker: 'Kovalenko', from: '2024-05-08', to: '2024-05-09', limit: 100 });
    assert.ok(inRange.total >= 2 && inRange.items.every((hit) => hit.publishedAt !== null && hit.publishedAt >= '2024-05-08' && hit.publishedAt <= '2024-05-09T99'));
    const denials = await library.search({ stance: 'denial' });
    assert.deepEqual(denials.items.map((hit) => hit.statement.content[0]?.text), ['any sale was planned']);
    const nobody = await library.search({ text: 'rail', speaker: 'Nobody Atall' });
    assert.equal(nobody.total, 0);
    const relayed = await library.getEntity('Elena Sorokina');
    assert.equal(relayed?.statementCount, 2);
  });

  test('syntax-hostile queries give results or a clear error, never a raw SQLite error', async () => {
    const hostile = ['"unbalanced', 'AND OR', '*', 'rail AND', 'OR rail', 'NEAR(rail', 'content:rail', '-', '"', '""', '(((', 'rail*', 'NOT', '^rail', 'rail -audit', "l'audit", 'x:y:z', '{rail}'];
    for (const query of hostile) {
      try {
        const result = await library.search({ text: query });
        assert.ok(Array.isArray(result.items), query);
      } catch (error) {
        assert.ok(isHearsayError(error), `${query}: ${String(error)}`);
        assert.doesNotMatch(error.message, /fts5|SQLITE/iu, query);
      }
    }
    assert.ok((await library.search({ text: '"unbalanced rail' })).total === 0);
    assert.ok((await library.search({ text: 'rail -audit' })).items.every((hit) => !/audit/iu.test(hit.statement.content.map((piece) => piece.text).join(' '))));
    assert.ok((await library.search({ text: 'corn*' })).total >= 1, 'prefix search');
  });

  test('exports: JSON Lines and CSV have one row per statement, annotations carry both selectors and schema.org claims', async () => {
    const stats = await library.stats();
    let jsonl = '';
    await exportLibrary(library, 'jsonl', (chunk) => void (jsonl += chunk));
    const records = jsonl.trim().split('\n').map((line) => JSON.parse(line) as { statement: Statement; articleId: string });
    assert.equal(records.length, stats.statements);

    let csv = '';
    await exportLibrary(library, 'csv', (chunk) => void (csv += chunk));
    const rows = parseCsv(csv);
    assert.equal(rows.length, stats.statements + 1);
    assert.ok(rows.every((row) => row.length === rows[0]!.length), 'every row has every column');
    const contentColumn = rows[0]!.indexOf('content');
    assert.ok(rows.some((row) => row[contentColumn] === RAIL_QUOTE), 'a quote with commas survives quoting');

    let jsonld = '';
    await exportLibrary(library, 'annotations', (chunk) => void (jsonld += chunk));
    const collection = JSON.parse(jsonld) as { type: string; first: { items: Array<{ body: { type: string }; target: { source: string; selector: Array<Record<string, unknown>> } }> } };
    assert.equal(collection.type, 'AnnotationCollection');
    const items = collection.first.items;
    assert.ok(items.length >= stats.statements);
    const texts = new Map<string, string>();
    for await (const article of library.exportArticles()) texts.set(article.url ?? '', article.analysis.document.text);
    for (const item of items) {
      const quote = item.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
      const position = item.target.selector.find((selector) => selector.type === 'TextPositionSelector');
      assert.ok(quote !== undefined && position !== undefined);
      const text = texts.get(item.target.source);
      assert.ok(text !== undefined);
      assert.equal(text.slice(position.start as number, position.end as number), quote.exact);
    }
    assert.ok(items.some((item) => item.body.type === 'schema:Claim'));
  });

  test('a bad article is reported and skipped; nothing stored is lost', async () => {
    const before = await library.stats();
    const document: SourceDocument = { id: 'broken', text: 'Someone said "something" today.', title: null, url: 'https://broken.test/a', publishedAt: '2024-06-01' };
    const analysis = buildAnalysis(document, []);
    const wrong: Analysis = {
      ...analysis,
      statements: [{ id: 's1', kind: 'direct', content: [{ start: 0, end: 4, text: 'Nope' }], cue: null, source: null, speaker: null, via: [] }],
    };
    const result = await library.ingest(document, wrong);
    assert.equal(result.status, 'failed');
    assert.match(result.error ?? '', /span/u);
    assert.deepEqual(await library.stats(), before);
    assert.equal(await library.lookup(document), null);
  });

  test('CLI: search --format json, stats, cluster and usage errors', async () => {
    const run = async (...args: string[]): Promise<{ status: number; out: string; err: string }> => {
      const stdout = new Collect();
      const stderr = new Collect();
      const status = await runCli(args, { stdout, stderr, stdin: process.stdin });
      return { status, out: stdout.text, err: stderr.text };
    };
    const search = await run('search', 'cut corners', '--speaker', 'Kovalenka', '--format', 'json', '--db', dbPath);
    assert.equal(search.status, 0);
    const results = JSON.parse(search.out) as Array<{ statement: Statement; articleId: string; title: string; publishedAt: string }>;
    assert.ok(results.length >= 1);
    assert.ok(results.every((result) => typeof result.articleId === 'string' && result.statement.content.length > 0 && 'title' in result && 'publishedAt' in result));
    const stats = await run('stats', '--format', 'json', '--db', dbPath);
    assert.equal((JSON.parse(stats.out) as { versions: number }).versions, 10);
    const text = await run('search', 'broken promise', '--originals-only', '--db', dbPath);
    assert.match(text.out, /cpa-wire\.test/u);
    assert.doesNotMatch(text.out, /daily-ledger\.test/u);
    const clusters = await run('cluster', '--db', dbPath);
    assert.match(clusters.out, /cluster \d+: Pavel Kovalenko/u);
    const badStance = await run('search', 'rail', '--stance', 'angry', '--db', dbPath);
    assert.equal(badStance.status, 2);
    assert.match(badStance.err, /^hearsay: --stance: unknown stance 'angry' \(expected one of: neutral/u);
    const badOption = await run('stats', '--bogus', '--db', dbPath);
    assert.equal(badOption.status, 2);
    assert.match(badOption.err, /--bogus/u);
    const noSpeaker = await run('speaker', 'Nobody Atall', '--db', dbPath);
    assert.equal(noSpeaker.status, 1);
    const speaker = await run('speaker', 'Kovalenka', '--db', dbPath);
    assert.match(speaker.out, /merged "Pavel Kovalenka": transliteration/u);
  });
});

/** Turns a library of the current schema back into one of version 1: candidate keys one row per key, the speaker index, default merging. */
function downgradeToVersionOne(database: Database.Database): void {
  database.exec(`
    CREATE TABLE statement_keys (speaker_entity INTEGER NOT NULL, word_key INTEGER NOT NULL, statement INTEGER NOT NULL, PRIMARY KEY (speaker_entity, word_key, statement)) WITHOUT ROWID;
    CREATE INDEX statements_speaker ON statements(speaker_entity, sort_at);
  `);
  const insert = database.prepare('INSERT INTO statement_keys (speaker_entity, word_key, statement) VALUES (?, ?, ?)');
  const rows = database.prepare('SELECT speaker_entity, statement, keys FROM speaker_statements').all() as Array<{ speaker_entity: number; statement: number; keys: Buffer }>;
  for (const row of rows) for (let at = 0; at < row.keys.length; at += 4) insert.run(row.speaker_entity, row.keys.readUInt32BE(at), row.statement);
  assert.ok(rows.some((row) => row.keys.length > 0));
  database.exec(`
    DROP TABLE speaker_statements;
    INSERT INTO statement_fts (statement_fts, rank) VALUES ('automerge', 4);
    DELETE FROM migrations WHERE version > 1;
  `);
}

describe('libraries made before a migration', () => {
  test('a library of schema version 1 opens, is migrated, and its statements stay searchable next to new ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearsay-migrate-'));
    const path = join(dir, 'v1.db');
    try {
      const text = `${KOVALENKO} told reporters: "${RAIL_QUOTE}" Kovalenko told the council.`;
      const older: SourceDocument = { id: 'older', text, title: 'Rail link late', url: 'https://wire.test/rail', publishedAt: '2024-03-01' };
      const database = new Database(path);
      database.pragma('journal_mode = WAL');
      // Today's code writes only today's schema: store with it, then take the file back to version 1 by hand (the rows of
      // articles, statements and the full-text index are the same in both).
      applyMigrations(database);
      const before = new SqliteLibrary(database);
      assert.equal((await before.ingest(older, buildAnalysis(older, [WIRE_SPECS[0]!]))).status, 'stored');
      downgradeToVersionOne(database);
      await before.close();

      const after = openLibrary(path);
      try {
        const version = after.connection.prepare('SELECT MAX(version) FROM migrations').pluck().get();
        assert.equal(version, MIGRATIONS.length);
        const automerge = after.connection.prepare("SELECT v FROM statement_fts_config WHERE k = 'automerge'").pluck().get();
        assert.equal(automerge, 8);
        const newer: SourceDocument = { id: 'newer', text: text.replace('the council', 'the press'), title: 'Rail link late again', url: 'https://daily.test/rail', publishedAt: '2024-03-02' };
        assert.equal((await after.ingest(newer, buildAnalysis(newer, [WIRE_SPECS[0]!]))).status, 'stored');
        const hits = await after.search({ text: 'rail link 2027' });
        assert.equal(hits.total, 2);
        assert.deepEqual(new Set(hits.items.map((hit) => hit.title)), new Set(['Rail link late', 'Rail link late again']));
        // Both reports of the quote (one stored before the migration) are one cluster.
        assert.equal(hits.items[0]!.clusterId, hits.items[1]!.clusterId);
        assert.notEqual(hits.items[0]!.clusterId, null);
        after.connection.exec("INSERT INTO statement_fts (statement_fts, rank) VALUES ('integrity-check', 0)");
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('syndicated copies regroup under the earliest article', () => {
  test('a copy ingested before its original is re-pointed when the earlier original arrives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearsay-copies-'));
    const store = openLibrary(join(dir, 'copies.db'));
    try {
      const body = Array.from({ length: 60 }, (_, index) => `Sentence ${index} of the wire story about harbour cranes and port fees.`).join(' ');
      const late: SourceDocument = { id: 'late', text: `Harbour Weekly. ${body} Subscribe now.`, title: 'Cranes', url: 'https://harbour.test/cranes', publishedAt: '2024-03-02' };
      const early: SourceDocument = { id: 'early', text: `${body} (Wire)`, title: 'Cranes', url: 'https://wire.test/cranes', publishedAt: '2024-03-01' };
      const other: SourceDocument = { id: 'other', text: 'An unrelated story about the weather in the hills, with rain expected all week long.', title: null, url: 'https://wire.test/rain', publishedAt: '2024-03-01' };
      const first = await store.ingest(late, buildAnalysis(late, []));
      const second = await store.ingest(early, buildAnalysis(early, []));
      const third = await store.ingest(other, buildAnalysis(other, []));
      assert.equal(first.status, 'stored');
      assert.equal(second.copyOf, undefined, 'the earlier article is the original');
      assert.equal((await store.getArticle(first.articleId!))?.copyOf, second.articleId);
      assert.equal((await store.getArticle(third.articleId!))?.copyOf, null);
      const again = await store.ingest(late, buildAnalysis(late, []));
      assert.deepEqual([again.status, again.articleId], ['unchanged', first.articleId]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bulk writes and ranking', () => {
  test('an article with more statements than one multi-row insert holds round-trips exactly, and re-ingesting it stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearsay-bulk-'));
    const store = openLibrary(join(dir, 'bulk.db'));
    try {
      // 75 statements: more than one chunk of every multi-row insert (statements, index rows, word keys).
      const sentences = Array.from({ length: 75 }, (_, index) => `Speaker${index % 4} Person said "we will build bridge number ${index} over river ${index % 9} quickly".`);
      const text = sentences.join(' ');
      const document: SourceDocument = { id: 'bulk', text, title: 'Bridges', url: 'https://bulk.test/bridges', publishedAt: '2024-02-01' };
      const specs: StatementSpec[] = sentences.map((sentence, index) => ({
        kind: 'direct',
        content: [`we will build bridge number ${index} over river ${index % 9} quickly`],
        cue: ['said', 'say', 'neutral'],
        source: `Speaker${index % 4} Person`,
        speaker: `Speaker${index % 4} Person`,
      }));
      // spanOf finds the first occurrence of a surface; make each cue and source unique to its sentence by position instead.
      const analysis = buildAnalysis(document, specs);
      let offset = 0;
      const statements = analysis.statements.map((statement, index) => {
        const sentence = sentences[index]!;
        const start = text.indexOf(sentence, offset);
        offset = start + sentence.length;
        const source = { start, end: start + `Speaker${index % 4} Person`.length, text: `Speaker${index % 4} Person` };
        const cueStart = source.end + 1;
        return { ...statement, source, cue: { ...statement.cue!, start: cueStart, end: cueStart + 4, text: 'said' }, speaker: { ...statement.speaker!, evidence: [source] } };
      });
      const stored = await store.ingest(document, { ...analysis, statements });
      assert.equal(stored.status, 'stored', stored.error);
      const article = await store.getArticle(stored.articleId!);
      assert.deepEqual(article?.analysis, { ...analysis, statements });
      assert.equal((await store.stats()).statements, 75);
      assert.equal((await store.ingest(document, { ...analysis, statements })).status, 'unchanged');
      // "bridge" is in every statement, "42" in one: the rarer word decides the order.
      const hits = await store.search({ text: 'bridge OR 42', limit: 5 });
      assert.deepEqual([hits.order, hits.total], ['relevance', 75]);
      assert.match(hits.items[0]!.statement.content[0]!.text, /number 42 /u);
      const byRiver = await store.search({ text: 'river 7', limit: 100 });
      assert.ok(byRiver.items.length >= 8 && byRiver.items.every((hit) => / 7 /u.test(` ${hit.statement.content[0]!.text} `)));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A small RFC 4180 parser (quoted fields, doubled quotes, CRLF) to check the export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
