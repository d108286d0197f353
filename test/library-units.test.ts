import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { pageOf, regroupCopies } from '../src/library/backend-rules.js';
import { compareReports } from '../src/library/drift.js';
import { csvField } from '../src/library/export.js';
import { buildFtsQuery } from '../src/library/fts-query.js';
import { applyMigrations, MIGRATIONS } from '../src/library/migrations.js';
import { estimatedJaccard, minhashSignature } from '../src/library/minhash.js';
import { canonicalUrl, normalizeText, outletOf, textHash, wordTokens } from '../src/library/normalize.js';
import { containment, containmentIn, contentKeys, contentWords, sameUtterance } from '../src/library/statement-match.js';
import { IngestProgress } from '../src/library/progress.js';
import { ClusterCandidates, packKeys } from '../src/library/cluster-candidates.js';
import { mostShared } from '../src/library/sqlite-library.js';
import { collapseWhiteSpace } from '../src/library/statement-frame.js';
import { diffWords } from '../src/library/word-diff.js';
import { Writable } from 'node:stream';

describe('word diff', () => {
  test('applying the script rebuilds both sides (property)', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'the', 'not'), { maxLength: 30 });
    fc.assert(
      fc.property(words, words, (before, after) => {
        const changes = diffWords(before, after);
        const left = changes.filter((change) => change.op !== 'insert').flatMap((change) => change.words.split(' '));
        const right = changes.filter((change) => change.op !== 'delete').flatMap((change) => change.words.split(' '));
        assert.deepEqual(left, before);
        assert.deepEqual(right, after);
      }),
    );
  });

  test('a minimal script for a one-word substitution', () => {
    assert.deepEqual(diffWords('it might cost more'.split(' '), 'it will cost more'.split(' ')), [
      { op: 'same', words: 'it' },
      { op: 'delete', words: 'might' },
      { op: 'insert', words: 'will' },
      { op: 'same', words: 'cost more' },
    ]);
  });
});

describe('quote drift flags', () => {
  const report = (kind: 'direct' | 'partial' | 'indirect', text: string, frame = text) => ({ kind, text, frame });
  const cases: ReadonlyArray<[string, ReturnType<typeof report>, ReturnType<typeof report>, string[], string[]]> = [
    ['identical', report('direct', 'We will win'), report('direct', 'We will win'), [], ['words-changed']],
    ['truncated', report('direct', 'The plan will not be ready before 2027, and it costs more'), report('partial', 'will not be ready before 2027'), ['truncated'], ['meaning-changed']],
    ['hedge lost', report('direct', 'it might cost 4 billion'), report('indirect', 'it will cost 4 billion'), ['hedge-lost', 'meaning-changed', 'direct-to-indirect'], []],
    ['negation dropped', report('direct', 'we will not raise taxes'), report('direct', 'we will raise taxes'), ['meaning-changed', 'truncated'], []],
    ['number changed', report('direct', 'it costs 4 billion'), report('direct', 'it costs 5 billion'), ['meaning-changed', 'words-changed'], ['truncated']],
    ['indirect turned direct', report('indirect', 'the talks failed'), report('direct', 'the talks failed'), ['indirect-to-direct'], ['words-changed']],
    ['reportedly outside the quote', report('indirect', 'the link opens in 2026', 'He reportedly said the link opens in 2026.'), report('indirect', 'the link opens in 2026', 'He said the link opens in 2026.'), ['hedge-lost'], []],
  ];
  for (const [name, earlier, later, present, absent] of cases) {
    test(name, () => {
      const flags = compareReports(0, 1, earlier, later).flags;
      for (const flag of present) assert.ok(flags.includes(flag), `${flag} expected in [${flags.join(', ')}]`);
      for (const flag of absent) assert.ok(!flags.includes(flag), `${flag} unexpected in [${flags.join(', ')}]`);
    });
  }
});

describe('FTS query building', () => {
  const cases: ReadonlyArray<[string, string | null]> = [
    ['rail link', '("rail" "link")'],
    ['"rail link" delay', '("rail link" "delay")'],
    ['"unbalanced quote', '"unbalanced quote"'],
    ['rail OR tram', '("rail" OR "tram")'],
    ['rail -audit', '"rail" NOT "audit"'],
    ['rail NOT audit', '"rail" NOT "audit"'],
    ['corn*', '"corn"*'],
    ['AND OR', null],
    ['*', null],
    ['"', null],
    ['NEAR(rail', '"NEAR rail"'],
    ['col:umn', '"col umn"'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(buildFtsQuery(input), expected));
  }

  test('any input compiles in SQLite FTS5 (property)', () => {
    const database = new Database(':memory:');
    database.exec("CREATE VIRTUAL TABLE t USING fts5(a); INSERT INTO t VALUES ('rail link delay')");
    const query = database.prepare('SELECT COUNT(*) AS count FROM t WHERE t MATCH ?');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom('"', '*', '(', ')', 'AND', 'OR', 'NOT', 'NEAR', ':', '-', '^', '+', 'rail', ' '), { maxLength: 12 }), (noise, tokens) => {
        const fts = buildFtsQuery(`${noise} ${tokens.join(' ')}`);
        if (fts !== null) assert.doesNotThrow(() => query.get(fts), fts);
      }),
      { numRuns: 500 },
    );
    database.close();
  });
});

describe('near-duplicates and identity', () => {
  const story = Array.from({ length: 80 }, (_, index) => `word${index % 37} item${index} said the minister on day ${index}.`).join(' ');
  test('the same story with other boilerplate is estimated similar; another story is not', () => {
    const copy = `Subscribe now | Daily News\n\n${story.replace('item40', 'thing40')}\n\nAll rights reserved.`;
    assert.ok(estimatedJaccard(minhashSignature(story), minhashSignature(copy)) >= 0.6);
    assert.ok(estimatedJaccard(minhashSignature(story), minhashSignature('A completely different article about the weather and the hills.')) < 0.2);
  });

  test('normalized hash ignores case, white space and Unicode composition', () => {
    assert.equal(textHash('Café  said\n"Yes"'), textHash('cafe\u0301 said "yes"'.replace('cafe\u0301', 'Cafe\u0301')));
    assert.notEqual(textHash('one text'), textHash('another text'));
  });

  // The hand-written scanners must give exactly what the regular expressions they replace gave: stored hashes and signatures depend on it.
  const pieces = fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\u3000', "'", '’', '.', ',', '-', '--', 'Word', 'ÉTÉ', 'e\u0301', 'İ', 'ß', 'Σ', '²', '½', '٣', 'Лукашенко', '中文', '𝐀𝐁', '😀', '\ud835', '\udc00', 'x', '7', '4.2', "O'Brien", 'co-op');
  const texts = fc.oneof(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 80 }));
  test('word tokens are the matches of the word pattern (property)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(wordTokens(text), text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu) ?? []);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  test('normalized text collapses every white-space run to one space (property)', () => {
    fc.assert(
      fc.property(texts, (text) => assert.equal(normalizeText(text), text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim())),
      { numRuns: 2000, seed: 6 },
    );
  });

  test('canonical URLs drop tracking, fragments, www and trailing slashes', () => {
    assert.equal(canonicalUrl('https://WWW.Example.test/a/b/?utm_source=x&b=2&a=1#top'), 'https://example.test/a/b?a=1&b=2');
    assert.equal(canonicalUrl('not a url'), null);
    assert.equal(outletOf('https://www.daily-ledger.test/x'), 'daily-ledger.test');
  });
});

describe('same utterance', () => {
  test('a partial quote inside a longer quote counts; a different statement does not', () => {
    const full = contentWords('The new rail link will not be ready before 2027, and it might cost up to 4.2 billion euros');
    assert.ok(sameUtterance(full, contentWords('will not be ready before 2027')));
    assert.equal(containment(full, contentWords('ready before 2027')), 1);
    assert.ok(!sameUtterance(full, contentWords('We will not cut corners on safety')));
    assert.ok(!sameUtterance(contentWords('yes'), contentWords('yes')), 'too short to tell');
  });

  test('a multi-word name counts as one word, so short reports sharing a name and little else are different utterances', () => {
    const table: Array<[string, string, boolean]> = [
      ['that the Northern Rail Link will be late', 'nobody will lose their job over the delay to the Northern Rail Link', false],
      ['that the Northern Rail Link will be late', 'an independent audit of the Northern Rail Link', false],
      ['that the Northern Rail Link will be late', 'The Northern Rail Link will open at least two years late', true],
      ['Anna Berg Holm backed the plan', 'the plan was backed by Anna Berg Holm', true],
      ['the rail link will open in late 2026', 'The Northern Rail Link will open at least two years late', false],
      ['that the rail link might still open in late 2026 if tunnel work speeds up', 'the rail link will open in late 2026', true],
    ];
    for (const [first, second, same] of table) assert.equal(sameUtterance(contentWords(first), contentWords(second)), same, `${first} / ${second}`);
    assert.deepEqual(contentWords("Minister Pavel Kovalenko's plan for the new line was criticized by Rail Link unions"), ['minister_pavel_kovalenko', 'plan', 'new', 'line', 'criticiz', 'rail_link', 'union']);
    assert.deepEqual(contentWords('Minister Says Rail Link Will Be Late'), ['minister', 'rail', 'link', 'late'], 'a headline in title case tells no names');
  });

  test('index keys are those of the single words, whether or not names were joined (property)', () => {
    const word = fc.constantFrom('Northern', 'rail', 'Rail', 'link', 'Link', 'the', 'The', 'will', 'be', 'late', 'Kovalenko', "Kovalenko's", 'audit', '2027', 'ready', 'İstanbul', 'delays');
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ', ', '. ', '  ')), { maxLength: 60 }).map((pairs) => pairs.map(([w, gap]) => w + gap).join(''));
    fc.assert(
      fc.property(text, (sample) => assert.deepEqual(contentKeys(contentWords(sample)), contentKeys(contentWords(sample.toLowerCase())))),
      { numRuns: 500, seed: 11 },
    );
  });

  test('containment with one side as a set is containment (property)', () => {
    const words = fc.uniqueArray(fc.constantFrom('rail', 'link', 'ready', '2027', 'cost', 'euros', 'safety', 'corners', 'bridge', 'steel'), { maxLength: 10 });
    fc.assert(
      fc.property(words, words, (first, second) => assert.equal(containmentIn(new Set(first), second), containment(first, second))),
      { numRuns: 500, seed: 7 },
    );
  });

  test('candidates sharing keys: counted in an array or by sorting, the same (property)', () => {
    const database = new Database(':memory:');
    applyMigrations(database);
    // Postings for speaker 1, loaded at its first look-up: key → ascending statement ids (some far apart, past the array's reach).
    const postings = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 2 ** 40 }))), { maxLength: 80 });
    fc.assert(
      fc.property(postings, fc.integer({ min: 1, max: 4 }), (rows, needed) => {
        database.exec('DELETE FROM speaker_statements');
        const insert = database.prepare("INSERT INTO speaker_statements (speaker_entity, sort_at, statement, keys) VALUES (1, '', ?, ?)");
        const keysOf = new Map<number, Set<number>>();
        for (const [key, statement] of rows) keysOf.set(statement, (keysOf.get(statement) ?? new Set<number>()).add(key));
        for (const [statement, keys] of keysOf) insert.run(statement, packKeys([...keys]));
        const expected = new Map<number, number>();
        for (const [, statement] of new Map(rows.map(([key, statement]) => [`${key} ${statement}`, [key, statement] as const])).values()) {
          expected.set(statement, (expected.get(statement) ?? 0) + 1);
        }
        const wanted = [...expected].filter(([, count]) => count >= needed).sort((a, b) => a[0] - b[0]);
        const candidates = new ClusterCandidates(database);
        const shared = candidates.sharing(1, [1, 2, 3, 4, 5, 6], needed).sort((a, b) => a[0] - b[0]);
        assert.deepEqual(shared, wanted);
      }),
      { numRuns: 300, seed: 8 },
    );
    database.close();
  });

  test('the most shared candidates are the first of them all sorted (property)', () => {
    const entries = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 6 })), { selector: (entry) => entry[0], maxLength: 40 });
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 10 }), (shared, most) => {
        const sorted = [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, most);
        assert.deepEqual(mostShared(shared, most), sorted);
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});

describe('statement frames', () => {
  test('white space collapses as /\\s+/gu → one space, then trimmed (property)', () => {
    const pieces = fc.array(fc.constantFrom('He said', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u3000', '. ', '“', 'tax', '\n\n'), { maxLength: 40 });
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('');
        assert.equal(collapseWhiteSpace(text), text.replace(/\s+/gu, ' ').trim());
      }),
      { numRuns: 2000, seed: 10 },
    );
  });
});

describe('CSV and migrations', () => {
  test('CSV fields are quoted only when needed, quotes doubled', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(42), '42');
  });

  test('migrations apply once, in order, and are recorded', () => {
    const directory = mkdtempSync(join(tmpdir(), 'hearsay-migrations-'));
    try {
      const database = new Database(join(directory, 'm.db'));
      assert.equal(applyMigrations(database), MIGRATIONS.length);
      assert.equal(applyMigrations(database), MIGRATIONS.length);
      const rows = database.prepare('SELECT version FROM migrations ORDER BY version').all() as Array<{ version: number }>;
      assert.deepEqual(rows.map((row) => row.version), MIGRATIONS.map((migration) => migration.version));
      database.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('progress', () => {
  class Collect extends Writable {
    text = '';
    override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
      this.text += chunk.toString();
      done();
    }
  }
  test('plain progress lines every N articles and a summary', () => {
    const stream = new Collect();
    let clock = 0;
    const progress = new IngestProgress({ stream, total: 5, every: 2, intervalMs: 1_000_000, now: () => clock });
    for (const status of ['stored', 'stored', 'unchanged', 'updated', 'failed'] as const) {
      clock += 100;
      progress.record(status);
    }
    const summary = progress.finish();
    assert.match(stream.text, /^2\/5 articles, 10\.0\/s, ETA 1 s \(0 failed\)\n4\/5 articles/mu);
    assert.equal(summary, 'ingested 5 articles in 0.5 s (10.0/s): 2 stored, 1 unchanged, 1 updated, 1 failed');
  });

  test('a TTY gets a bar redrawn in place', () => {
    const stream = Object.assign(new Collect(), { isTTY: true, columns: 100 });
    let clock = 0;
    const progress = new IngestProgress({ stream, total: 2, now: () => clock });
    clock = 500;
    progress.record('stored');
    clock = 1000;
    progress.record('stored');
    assert.match(stream.text, /\r\x1b\[K\[#+-*\] 1\/2 articles/u);
    assert.match(stream.text, /\[#+\] 2\/2 articles/u);
  });
});

describe('rules both backends share', () => {
  test('a new near-duplicate regroups its group under the earliest published (undated last, ingest order on a tie), changing only what moves', () => {
    const table: Array<{ name: string; article: [number, string | null]; copies: Array<[number, string | null, number | null]>; original: number; changes: Array<[number, number | null]> }> = [
      { name: 'a later copy joins the group', article: [9, '2024-03-05'], copies: [[1, '2024-03-01', null], [4, '2024-03-02', 1]], original: 1, changes: [[9, 1]] },
      { name: 'an earlier article becomes the original of all', article: [9, '2024-02-01'], copies: [[1, '2024-03-01', null], [4, '2024-03-02', 1]], original: 9, changes: [[1, 9], [4, 9]] },
      { name: 'an undated article never displaces a dated original', article: [2, null], copies: [[5, '2024-03-01', null]], original: 5, changes: [[2, 5]] },
      { name: 'same date: the one stored first', article: [7, '2024-03-01'], copies: [[3, '2024-03-01', null]], original: 3, changes: [[7, 3]] },
      { name: 'two groups found merge under the earliest', article: [8, '2024-03-09'], copies: [[2, '2024-03-03', null], [6, '2024-03-04', 2], [4, '2024-03-01', null]], original: 4, changes: [[2, 4], [6, 4], [8, 4]] },
    ];
    for (const row of table) {
      const copies = row.copies.map(([id, published, copyOf]) => ({ id, published_at: published, copy_of: copyOf }));
      const result = regroupCopies(row.article[0], row.article[1], copies);
      assert.equal(result.original, row.original, row.name);
      assert.deepEqual(
        result.changes.map((change) => [change.id, change.copyOf]).sort((a, b) => a[0]! - b[0]!),
        row.changes,
        row.name,
      );
    }
  });

  test('pages are bounded whole numbers', () => {
    assert.deepEqual(pageOf({}), { limit: 20, offset: 0 });
    assert.deepEqual(pageOf({ limit: 0, offset: -5 }), { limit: 1, offset: 0 });
    assert.deepEqual(pageOf({ limit: 1e9, offset: 2.7 }), { limit: 10_000, offset: 2 });
  });
});
