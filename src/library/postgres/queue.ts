import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import { isHearsayError } from '../../model/errors.js';
import type { Analysis, SourceDocument } from '../../model/types.js';
import { hashNormalized, normalizeText } from '../normalize.js';
import type { IngestStatus } from '../types.js';
import type { PostgresLibrary } from './postgres-library.js';

/**
 * The distributed-ingest work queue: one row of hearsay_jobs per input document, claimed with
 * `FOR UPDATE SKIP LOCKED` and held by a lease (run_at while running). A worker killed mid-job leaves a lease
 * that runs out, and the job is claimed again; the library's idempotent ingest makes a second run harmless.
 */

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_LEASE_SECONDS = 300;
export const DEFAULT_RETRY_DELAY_SECONDS = 10;
/** Longest sleep between polls of an idle queue. */
const MAX_POLL_MS = 1000;
const ENQUEUE_BATCH = 100;

/** What a job carries: the document itself, so workers need the database and nothing else (no shared files). */
export interface JobPayload {
  readonly document: SourceDocument;
  /** Publication date for the analysis when the document has none (enqueue --published). */
  readonly publishedAt?: string;
}

export interface EnqueueItem {
  readonly input: string;
  readonly document: SourceDocument;
}

export interface EnqueueCounts {
  /** New jobs. */
  readonly enqueued: number;
  /** Jobs parked as failed, queued again by this enqueue. */
  readonly requeued: number;
  /** Documents already queued, running or done. */
  readonly duplicates: number;
}

export interface EnqueueOptions {
  readonly publishedAt?: string;
  readonly maxAttempts?: number;
}

/**
 * Adds one job per document, keyed by the document's normalized text hash: enqueueing a document twice adds one
 * job; enqueueing again a document whose job was parked as failed queues it again with fresh attempts.
 */
export async function enqueueDocuments(pool: pg.Pool, items: AsyncIterable<EnqueueItem> | Iterable<EnqueueItem>, options: EnqueueOptions = {}): Promise<EnqueueCounts> {
  let enqueued = 0;
  let requeued = 0;
  let duplicates = 0;
  let batch: EnqueueItem[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const keys = batch.map((item) => hashNormalized(normalizeText(item.document.text)));
    const payloads = batch.map((item) => JSON.stringify({ document: item.document, ...(options.publishedAt === undefined ? {} : { publishedAt: options.publishedAt }) } satisfies JobPayload));
    // xmax = 0 tells a fresh insert from an update of a parked job; rows left alone (duplicates) return nothing.
    const result = await pool.query<{ inserted: boolean }>(
      `INSERT INTO hearsay_jobs (dedupe_key, input, payload, max_attempts)
       SELECT DISTINCT ON (u.dedupe_key) u.dedupe_key, u.input, u.payload::json, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(dedupe_key, input, payload)
       ON CONFLICT (dedupe_key) DO UPDATE SET state = 'queued', attempts = 0, run_at = now(), last_error = NULL, locked_by = NULL, finished_at = NULL,
         payload = EXCLUDED.payload, input = EXCLUDED.input, max_attempts = EXCLUDED.max_attempts
         WHERE hearsay_jobs.state = 'failed'
       RETURNING (xmax = 0) AS inserted`,
      [keys, batch.map((item) => item.input), payloads, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS],
    );
    const fresh = result.rows.filter((row) => row.inserted).length;
    enqueued += fresh;
    requeued += result.rows.length - fresh;
    duplicates += batch.length - result.rows.length;
    batch = [];
  };
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= ENQUEUE_BATCH) await flush();
  }
  await flush();
  return { enqueued, requeued, duplicates };
}

export interface ClaimedJob {
  readonly id: string;
  readonly input: string;
  readonly payload: unknown;
  /** This claim's number (1 for the first). */
  readonly attempts: number;
  readonly maxAttempts: number;
  /** The lease token: only the holder of the current claim may finish the job. */
  readonly token: string;
}

/**
 * Claims the next ready job (queued, or running with an expired lease) and leases it for `leaseSeconds`. SKIP
 * LOCKED lets many workers claim at once without waiting on each other's rows.
 */
export async function claimJob(pool: pg.Pool, workerId: string, leaseSeconds: number): Promise<ClaimedJob | null> {
  for (;;) {
    const token = `${workerId}/${randomUUID()}`;
    const result = await pool.query<{ id: string; input: string; payload: unknown; attempts: number; max_attempts: number; last_error: string | null }>(
      `WITH next AS (
         SELECT id FROM hearsay_jobs WHERE state IN ('queued', 'running') AND run_at <= now()
         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
       )
       UPDATE hearsay_jobs j SET state = 'running', attempts = j.attempts + 1, run_at = now() + make_interval(secs => $2), locked_by = $1
       FROM next WHERE j.id = next.id
       RETURNING j.id, j.input, j.payload, j.attempts, j.max_attempts, j.last_error`,
      [token, leaseSeconds],
    );
    const row = result.rows[0];
    if (row === undefined) return null;
    if (row.attempts <= row.max_attempts) return { id: row.id, input: row.input, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts, token };
    // Every allowed attempt ended without a result (its worker died or overran the lease): park the job.
    const previous = row.last_error === null ? '' : `; last error: ${row.last_error}`;
    await pool.query("UPDATE hearsay_jobs SET state = 'failed', finished_at = now(), locked_by = NULL, last_error = $3 WHERE id = $1 AND locked_by = $2", [
      row.id,
      token,
      `gave up after ${row.max_attempts} attempts: the worker's lease expired (killed, or slower than --lease)${previous}`,
    ]);
  }
}

/** Marks a claimed job done; false when the lease was lost meanwhile (another worker holds the job now). */
export async function completeJob(pool: pg.Pool, job: ClaimedJob, result: unknown): Promise<boolean> {
  const updated = await pool.query(
    "UPDATE hearsay_jobs SET state = 'done', result = $3::json, finished_at = now(), locked_by = NULL, last_error = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'",
    [job.id, job.token, JSON.stringify(result)],
  );
  return updated.rowCount === 1;
}

/** Records a failed attempt: retried later (backing off) while attempts remain, else parked as failed with its error. */
export async function failJob(pool: pg.Pool, job: ClaimedJob, error: string, retryDelaySeconds: number): Promise<'retry' | 'parked' | 'lost'> {
  const park = job.attempts >= job.maxAttempts;
  const delay = retryDelaySeconds * 2 ** (job.attempts - 1);
  const updated = park
    ? await pool.query("UPDATE hearsay_jobs SET state = 'failed', last_error = $3, finished_at = now(), locked_by = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'", [
        job.id,
        job.token,
        error,
      ])
    : await pool.query(
        "UPDATE hearsay_jobs SET state = 'queued', last_error = $3, run_at = now() + make_interval(secs => $4), locked_by = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'",
        [job.id, job.token, error, delay],
      );
  if (updated.rowCount !== 1) return 'lost';
  return park ? 'parked' : 'retry';
}

/** Gives a claimed job back untouched (the attempt does not count): the worker is stopping for a reason not the job's. */
export async function releaseJob(pool: pg.Pool, job: ClaimedJob): Promise<void> {
  await pool.query("UPDATE hearsay_jobs SET state = 'queued', attempts = attempts - 1, run_at = now(), locked_by = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'", [
    job.id,
    job.token,
  ]);
}

/** Extends a running job's lease; false when it was lost. */
export async function extendLease(pool: pg.Pool, job: ClaimedJob, leaseSeconds: number): Promise<boolean> {
  const updated = await pool.query("UPDATE hearsay_jobs SET run_at = now() + make_interval(secs => $3) WHERE id = $1 AND locked_by = $2 AND state = 'running'", [
    job.id,
    job.token,
    leaseSeconds,
  ]);
  return updated.rowCount === 1;
}

export interface QueueCounts {
  readonly queued: number;
  readonly running: number;
  readonly done: number;
  readonly failed: number;
  /** Milliseconds until the earliest queued or leased job becomes claimable (0 when one is ready; null when none is pending). */
  readonly nextInMs: number | null;
}

export async function queueCounts(pool: pg.Pool): Promise<QueueCounts> {
  const row = (
    await pool.query<{ queued: number; running: number; done: number; failed: number; next_in_ms: number | null }>(
      `SELECT count(*) FILTER (WHERE state = 'queued')::integer AS queued, count(*) FILTER (WHERE state = 'running')::integer AS running,
              count(*) FILTER (WHERE state = 'done')::integer AS done, count(*) FILTER (WHERE state = 'failed')::integer AS failed,
              GREATEST(0, EXTRACT(EPOCH FROM min(run_at) FILTER (WHERE state IN ('queued', 'running')) - now()) * 1000)::float8 AS next_in_ms
       FROM hearsay_jobs`,
    )
  ).rows[0]!;
  return { queued: row.queued, running: row.running, done: row.done, failed: row.failed, nextInMs: row.next_in_ms };
}

export interface WorkerOptions {
  readonly library: PostgresLibrary;
  /** Analyzes one document (analyzeDocument in the CLI). */
  readonly analyze: (document: SourceDocument, publishedAt: string | undefined) => Analysis;
  /** Jobs in flight in this process (default 1). Analysis is CPU-bound: for more cores, run more processes. */
  readonly concurrency?: number;
  /** Return once no job is queued or running (instead of waiting for more). */
  readonly untilIdle?: boolean;
  readonly leaseSeconds?: number;
  readonly retryDelaySeconds?: number;
  /** Stops claiming new jobs once aborted; jobs in flight finish. */
  readonly signal?: AbortSignal;
  /** One line per event worth telling an operator (a retried or parked job, a lost lease). */
  readonly log?: (line: string) => void;
  readonly workerId?: string;
}

export interface WorkerSummary {
  readonly processed: number;
  readonly byStatus: Readonly<Record<IngestStatus, number>>;
  readonly retried: number;
  readonly parked: number;
  readonly lostLeases: number;
}

/** Claims and processes jobs until aborted (or, with untilIdle, until nothing is queued or running). */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const pool = options.library.pool;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const retryDelaySeconds = options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS;
  const log = options.log ?? (() => undefined);
  const byStatus: Record<IngestStatus, number> = { stored: 0, unchanged: 0, updated: 0, failed: 0 };
  let processed = 0;
  let retried = 0;
  let parked = 0;
  let lostLeases = 0;

  const processJob = async (job: ClaimedJob): Promise<void> => {
    // Renews the lease while the job waits on the database; analysis itself runs in one synchronous stretch, which --lease must exceed.
    const heartbeat = setInterval(() => {
      extendLease(pool, job, leaseSeconds).catch(() => undefined);
    }, Math.max(1000, (leaseSeconds * 1000) / 3));
    heartbeat.unref();
    try {
      const payload = parsePayload(job.payload);
      const library = options.library;
      let status: IngestStatus = 'unchanged';
      let articleId = await library.lookup(payload.document);
      if (articleId === null) {
        const outcome = await library.ingest(payload.document, options.analyze(payload.document, payload.publishedAt));
        if (outcome.status === 'failed') throw new Error(`not stored: ${outcome.error ?? 'unknown error'}`);
        status = outcome.status;
        articleId = outcome.articleId;
      }
      processed++;
      byStatus[status]++;
      if (!(await completeJob(pool, job, { status, articleId }))) {
        lostLeases++;
        log(`hearsay worker: job ${job.id} (${job.input}): lease lost before completion; the article is stored once (${status})`);
      }
    } catch (error) {
      if (isHearsayError(error)) {
        // About the setup (a missing model), not this job: give it back and stop.
        await releaseJob(pool, job).catch(() => undefined);
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await failJob(pool, job, message, retryDelaySeconds);
      if (outcome === 'retry') retried++;
      if (outcome === 'parked') parked++;
      if (outcome === 'lost') lostLeases++;
      byStatus.failed++;
      log(`hearsay worker: job ${job.id} (${job.input}) attempt ${job.attempts}/${job.maxAttempts} failed: ${message}${outcome === 'parked' ? ' — parked as failed' : outcome === 'retry' ? ' — will retry' : ''}`);
    } finally {
      clearInterval(heartbeat);
    }
  };

  const loop = async (): Promise<void> => {
    let idleMs = 50;
    while (options.signal?.aborted !== true) {
      const job = await claimJob(pool, workerId, leaseSeconds);
      if (job !== null) {
        idleMs = 50;
        await processJob(job);
        continue;
      }
      const counts = await queueCounts(pool);
      if (options.untilIdle === true && counts.queued === 0 && counts.running === 0) return;
      // Sleep until the next job is due (a retry's delay, a dead worker's lease), polling at least every second.
      const wait = Math.min(MAX_POLL_MS, Math.max(idleMs, counts.nextInMs ?? MAX_POLL_MS));
      idleMs = Math.min(MAX_POLL_MS, idleMs * 2);
      await sleep(wait, options.signal);
    }
  };

  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => loop());
  const settled = await Promise.allSettled(loops);
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
  return { processed, byStatus, retried, parked, lostLeases };
}

/** A job's payload checked before use: a malformed one fails the job (and is parked after its attempts) instead of crashing the worker. */
export function parsePayload(payload: unknown): JobPayload {
  const value = payload as Partial<JobPayload> | null;
  const document = value?.document as Partial<SourceDocument> | undefined;
  if (document === undefined || document === null || typeof document.id !== 'string' || typeof document.text !== 'string') {
    throw new Error('malformed job payload (expected {"document": {"id", "text", ...}})');
  }
  const publishedAt = value?.publishedAt;
  return {
    document: { id: document.id, text: document.text, title: document.title ?? null, url: document.url ?? null, publishedAt: document.publishedAt ?? null, ...(document.byline === undefined ? {} : { byline: document.byline }) },
    ...(typeof publishedAt === 'string' ? { publishedAt } : {}),
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
