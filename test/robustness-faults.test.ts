import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { article, documentOf, randomSource } from './helpers/robustness.js';

// Faults: an ingest killed (SIGKILL) at random points and run again leaves a sound database with every article stored
// exactly once and never half; two ingests into one database at once both finish, nothing lost or doubled.

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'hearsay.js');
const ARTICLES = 200;

let root = '';
const texts = new Map<string, string>();

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearsay-faults-'));
  const random = randomSource(2024);
  await mkdir(join(root, 'all'));
  await mkdir(join(root, 'first'));
  await mkdir(join(root, 'second'));
  for (let index = 0; index < ARTICLES; index++) {
    const id = `article-${String(index).padStart(3, '0')}`;
    // A unique opening line keeps every article distinct (no two are syndicated copies of each other).
    const text = `Report ${index}: ${article(random, 3)}`;
    texts.set(id, text);
    await writeFile(join(root, 'all', `${id}.txt`), text);
    if (index < 120) await writeFile(join(root, 'first', `${id}.txt`), text);
    if (index >= 80) await writeFile(join(root, 'second', `${id}.txt`), text);
  }
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function ingest(directory: string, db: string): { child: ChildProcess; done: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, 'ingest', directory, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Integrity, no half-stored article, every article exactly once with the statement count a fresh analysis gives. */
function checkDatabase(db: string, expected: ReadonlyMap<string, string>): void {
  const database = new Database(db, { readonly: true });
  try {
    assert.equal(database.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(database.pragma('foreign_key_check'), []);
    const rows = database.prepare('SELECT a.id, a.document_id AS documentId, a.statement_count AS stored, (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS actual FROM articles a').all() as Array<{ id: number; documentId: string; stored: number; actual: number }>;
    const seen = new Map<string, number>();
    for (const row of rows) {
      seen.set(row.documentId, (seen.get(row.documentId) ?? 0) + 1);
      assert.equal(row.actual, row.stored, `${row.documentId}: statement rows (${row.actual}) match the article's statement count (${row.stored})`);
    }
    for (const [id, count] of seen) assert.equal(count, 1, `${id} stored ${count} times`);
    assert.deepEqual([...seen.keys()].sort(), [...expected.keys()].sort(), 'every article stored');
    for (const row of rows) {
      const text = expected.get(row.documentId)!;
      assert.equal(row.stored, analyzeDocument(documentOf(text, row.documentId, null)).statements.length, `${row.documentId}: stored statements = a fresh analysis's`);
    }
    const orphans = database.prepare('SELECT COUNT(*) AS count FROM statements WHERE article_id NOT IN (SELECT id FROM articles)').get() as { count: number };
    assert.equal(orphans.count, 0, 'no statement without its article');
  } finally {
    database.close();
  }
}

test('an ingest killed with SIGKILL at random points, then run to completion: sound database, each article exactly once', async () => {
  const db = join(root, 'killed.db');
  const random = randomSource(7);
  let killedMidway = 0;
  for (let round = 0; round < 6; round++) {
    const run = ingest(join(root, 'all'), db);
    // Node starts, loads the model, then stores articles: kill anywhere from start-up to well into the run.
    await sleep(150 + Math.floor(random() * 2500));
    const stillRunning = run.child.exitCode === null && run.child.signalCode === null;
    if (stillRunning) run.child.kill('SIGKILL');
    const exit = await run.done;
    if (exit.signal === 'SIGKILL') killedMidway++;
    else assert.equal(exit.code, 0, `round ${round}: ${exit.stderr}`);
  }
  assert.ok(killedMidway >= 1, 'at least one round was killed mid-run');
  const final = await ingest(join(root, 'all'), db).done;
  assert.equal(final.code, 0, final.stderr);
  assert.ok(!/\n\s+at \S/u.test(final.stderr), 'no stack trace');
  checkDatabase(db, texts);
  // A second full run changes nothing.
  const again = await ingest(join(root, 'all'), db).done;
  assert.equal(again.code, 0, again.stderr);
  checkDatabase(db, texts);
});

// Found by this test (fixed): the second writer failed at once with "database is locked" because the ingest
// transaction was DEFERRED; it is now BEGIN IMMEDIATE, so the second writer waits for the first.
test('two ingests into one database at once (overlapping inputs): both finish, nothing lost or doubled', async () => {
  const db = join(root, 'concurrent.db');
  // Create the database first, so both runs find the schema (a race on the first migration is a separate matter).
  const first = ingest(join(root, 'first'), db);
  const second = ingest(join(root, 'second'), db);
  const [one, two] = await Promise.all([first.done, second.done]);
  assert.equal(one.code, 0, `first ingest: ${one.stderr.slice(-2000)}`);
  assert.equal(two.code, 0, `second ingest: ${two.stderr.slice(-2000)}`);
  for (const exit of [one, two]) assert.ok(!/SQLITE_BUSY|database is locked/u.test(exit.stderr), exit.stderr);
  checkDatabase(db, texts);
});
