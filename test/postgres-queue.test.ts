import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { runQueueCommand } from '../src/cli/commands/queue.js';
import type { CliIo } from '../src/cli/main.js';
import { isHearsayError } from '../src/model/errors.js';
import { linkingSummary, type LinkingSummary } from '../src/library/postgres/linking-summary.js';
import { openPostgresLibrary } from '../src/library/postgres/postgres-library.js';
import { queueCounts } from '../src/library/postgres/queue.js';
import { createScratchDatabase, postgresAvailable, type ScratchDatabase } from '../src/library/postgres/scratch-database.js';

/**
 * Distributed ingest end to end: `enqueue`, then worker processes (this file forked with --queue-worker-child, the
 * same code `hearsay worker` runs) share the queue while one of them is killed with SIGKILL mid-job.
 */
const CHILD_FLAG = '--queue-worker-child';

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function io(): CliIo & { stdout: Collect; stderr: Collect } {
  return { stdout: new Collect(), stderr: new Collect(), stdin: new PassThrough() };
}

if (process.argv[2] === CHILD_FLAG) {
  process.exitCode = await runQueueCommand('worker', process.argv.slice(3), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
} else {
  defineTests(await postgresAvailable());
}

const SPEAKERS = ['Ilona Varga', 'Tomas Held', 'Marta Ilves', 'Jonas Berg'] as const;
const QUOTES: ReadonlyArray<readonly [speaker: number, quote: string]> = [
  [0, 'We will not raise the harbour fees for local fishermen this year'],
  [1, 'The new cranes must arrive before the winter storms begin'],
  [2, 'Taxpayers deserve a proper audit of these hidden contracts'],
  [3, 'Commuters waited two winters for trains that never came'],
  [0, 'The ferry terminal opens before midsummer whatever the weather brings'],
];
const WORDS = ['amber', 'basalt', 'cedar', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kelp', 'lumen', 'marble', 'nectar', 'onyx', 'pepper'];

/** Templated news items (invented): two quotes each, filler only this item uses, every fourth one syndicated elsewhere a day later. */
function collection(count: number): string {
  const lines: string[] = [];
  const filler = (index: number, sentence: number): string =>
    `The council also discussed ${Array.from({ length: 10 }, (_, position) => `${WORDS[(index + position + sentence) % WORDS.length]}${index}${sentence}${position}`).join(' ')}.`;
  for (let index = 0; index < count; index++) {
    const [first, second] = [QUOTES[index % QUOTES.length]!, QUOTES[(index * 3 + 1) % QUOTES.length]!];
    const text = [
      `The harbour board of Northport met on Monday to discuss the budget. ${filler(index, 0)}`,
      `"${first[1]}," ${SPEAKERS[first[0]]} said after the meeting.`,
      filler(index, 1),
      `"${second[1]}," said ${SPEAKERS[second[0]]}.`,
      filler(index, 2),
    ].join('\n\n');
    const day = String(1 + (index % 27)).padStart(2, '0');
    lines.push(JSON.stringify({ id: `item${index}`, title: `Harbour item ${index}`, url: `https://outlet${index % 5}.test/harbour/${index}`, publishedAt: `2024-04-${day}`, text }));
    if (index % 4 === 0) {
      lines.push(
        JSON.stringify({ id: `item${index}-copy`, title: `Harbour item ${index}`, url: `https://syndicate.test/${index}`, publishedAt: `2024-04-${String(2 + (index % 27)).padStart(2, '0')}`, text: `${text}\n\nDistributed by a news service.` }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function defineTests(postgresUp: boolean): void {
  describe('distributed ingest through the PostgreSQL work queue', { skip: postgresUp ? false : 'PostgreSQL is not reachable (set HEARSAY_TEST_POSTGRES)' }, () => {
    const directory = mkdtempSync(join(tmpdir(), 'hearsay-queue-'));
    const input = join(directory, 'items.jsonl');
    const databases: ScratchDatabase[] = [];
    let reference: LinkingSummary;

    before(async () => {
      writeFileSync(input, collection(40));
    });

    after(async () => {
      for (const database of databases) await database.drop();
      rmSync(directory, { recursive: true, force: true });
    });

    test('enqueue and worker need a PostgreSQL library and valid options', async () => {
      await assert.rejects(runQueueCommand('worker', ['--db', join(directory, 'x.db')], io()), (error: unknown) => isHearsayError(error) && error.exitCode === 2);
      await assert.rejects(runQueueCommand('enqueue', ['--db', 'postgres://localhost/x'], io()), (error: unknown) => isHearsayError(error) && /nothing to enqueue/u.test(error.message));
      await assert.rejects(runQueueCommand('worker', ['--db', 'postgres://localhost/x', '--concurrency', '0'], io()), (error: unknown) => isHearsayError(error) && error.input === '--concurrency');
      const help = io();
      assert.equal(await runQueueCommand('worker', ['--help'], help), 0);
      assert.match(help.stdout.text, /--until-idle/u);
    });

    test('one worker process: every document once; enqueueing again adds nothing', async () => {
      const database = await createScratchDatabase('hearsay_test_queue_one');
      databases.push(database);
      const enqueue = io();
      assert.equal(await runQueueCommand('enqueue', [input, '--db', database.url], enqueue), 0, enqueue.stderr.text);
      assert.match(enqueue.stderr.text, /enqueued 50 jobs/u);
      const again = io();
      assert.equal(await runQueueCommand('enqueue', [input, '--db', database.url], again), 0);
      assert.match(again.stderr.text, /enqueued 0 jobs, 50 already queued or done/u);
      const worker = io();
      assert.equal(await runQueueCommand('worker', ['--db', database.url, '--until-idle'], worker), 0, worker.stderr.text);
      assert.match(worker.stderr.text, /50 jobs done \(50 stored/u);
      const library = await openPostgresLibrary(database.url);
      try {
        reference = await linkingSummary(library);
        assert.equal(reference.articles.length, 50);
        assert.ok(reference.clusters.length >= QUOTES.length, `clusters: ${reference.clusters.length}`);
        assert.ok(reference.copies.length >= 8, `copies: ${reference.copies.length}`);
        assert.equal((await library.stats()).failedJobs, 0);
      } finally {
        await library.close();
      }
    });

    test('several worker processes, one killed with SIGKILL mid-job: every article stored once, same clusters, poison job parked', async () => {
      assert.ok(reference !== undefined, 'the single-process run ran first');
      const database = await createScratchDatabase('hearsay_test_queue_many');
      databases.push(database);
      assert.equal(await runQueueCommand('enqueue', [input, '--db', database.url], io()), 0);
      const library = await openPostgresLibrary(database.url);
      try {
        // A job no worker can process: retried (no delay here) and parked after its three attempts.
        await library.pool.query("INSERT INTO hearsay_jobs (dedupe_key, input, payload) VALUES ('poison', 'poison.jsonl:1', '{\"document\": {\"id\": \"poison\"}}')");
        const args = ['--db', database.url, '--until-idle', '--concurrency', '2', '--lease', '3', '--retry-delay', '0'];
        const children = Array.from({ length: 3 }, () => fork(fileURLToPath(import.meta.url), [CHILD_FLAG, ...args], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }));
        const logs = children.map(() => '');
        children.forEach((child, index) => child.stderr?.on('data', (chunk: Buffer) => (logs[index] += chunk.toString())));
        const victim = children[0]!;
        const prefix = `${hostname()}:${victim.pid}/%`;
        // Wait until the victim holds a job, then kill it without warning.
        let held = 0;
        while (held === 0 && victim.exitCode === null) {
          held = (await library.pool.query("SELECT 1 FROM hearsay_jobs WHERE state = 'running' AND locked_by LIKE $1", [prefix])).rowCount ?? 0;
          if (held === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        }
        victim.kill('SIGKILL');
        await exited(victim);
        const orphaned = (await library.pool.query<{ id: string }>("SELECT id FROM hearsay_jobs WHERE state = 'running' AND locked_by LIKE $1", [prefix])).rows.map((row) => row.id);
        assert.ok(orphaned.length >= 1, 'the killed worker held a job');
        for (const [index, child] of children.slice(1).entries()) assert.equal(await exited(child), 0, logs[index + 1]);

        const counts = await queueCounts(library.pool);
        assert.deepEqual({ queued: counts.queued, running: counts.running, done: counts.done, failed: counts.failed }, { queued: 0, running: 0, done: 50, failed: 1 });
        const retried = await library.pool.query<{ state: string; attempts: number }>('SELECT state, attempts FROM hearsay_jobs WHERE id = ANY($1::bigint[])', [orphaned]);
        assert.ok(retried.rows.every((row) => row.state === 'done' && row.attempts >= 2), JSON.stringify(retried.rows));
        const poison = (await library.pool.query<{ state: string; attempts: number; last_error: string }>("SELECT state, attempts, last_error FROM hearsay_jobs WHERE dedupe_key = 'poison'")).rows[0]!;
        assert.equal(poison.state, 'failed');
        assert.equal(poison.attempts, 3);
        assert.match(poison.last_error, /malformed job payload/u);
        assert.equal((await library.stats()).failedJobs, 1);

        const summary = await linkingSummary(library);
        assert.deepEqual(summary.articles, reference.articles, 'every article stored exactly once');
        assert.deepEqual(summary.copies, reference.copies);
        assert.deepEqual(summary.clusters, reference.clusters);
      } finally {
        await library.close();
      }
    });
  });
}
