import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** The ingesting connection's own checkpoint threshold, in pages (~40 MB), used until the thread runs or when it fails. */
export const AUTOCHECKPOINT_PAGES = 10_000;
/** Log size from which checkpoints move to their thread: small ingests (and tests) never start one. */
const START_BYTES = 16 * 1024 * 1024;
/** Log size the file is cut back to whenever the writer starts the log over. */
const KEPT_BYTES = 64 * 1024 * 1024;
/** Log size at which the ingesting connection checkpoints itself after all: the thread is not keeping up (a slow disk). */
const BEHIND_BYTES = 256 * 1024 * 1024;
/**
 * Least time between two checkpoint requests. Each checkpoint copies every page the commits since the last one wrote,
 * and index pages are rewritten by batch after batch: at 50-article batches, a checkpoint after each commit kept the
 * thread about twice as busy (copying the same pages again) as one after every fourth, about a second of ingest.
 */
const CHECKPOINT_INTERVAL_MS = 1000;
/** Slots of the memory shared with the thread: its state, and the milliseconds it has spent checkpointing. */
const STATE = 0;
const BUSY_MS = 1;
const IDLE = 0;
const BUSY = 1;

/**
 * Write-ahead-log checkpoints on a worker thread, for a connection that ingests. SQLite checkpoints on the committing
 * connection (every AUTOCHECKPOINT_PAGES), and the fsync that ends a checkpoint waited on the disk for about half a
 * millisecond per ingested article. Here each commit asks the thread for a PASSIVE checkpoint when none is running;
 * it usually finishes before the next batch begins, so the writer starts the log over and the log stays small (about a
 * second of ingest, as checkpoints are asked for at most once every CHECKPOINT_INTERVAL_MS).
 * Durability is unchanged: the same syncs happen, on another thread. The thread reports through shared memory, not
 * messages, so an ingest loop that never yields to the event loop still sees it finish.
 */
export class BackgroundCheckpoints {
  private worker: Worker | null = null;
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private failed = false;
  /** When the thread was last asked for a checkpoint (performance.now()). */
  private requestedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly database: Database.Database,
    private readonly path: string,
  ) {}

  /** After each commit by the ingesting connection. */
  committed(): void {
    if (this.failed) return;
    const logBytes = statSync(`${this.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (this.worker === null) {
      if (logBytes < START_BYTES) return;
      this.start();
    }
    if (logBytes >= BEHIND_BYTES) {
      // The log never emptied between batches: checkpoint here, waiting as before, so that the next commit starts it over.
      this.database.pragma('wal_checkpoint(RESTART)');
      return;
    }
    const now = performance.now();
    if (now - this.requestedAt < CHECKPOINT_INTERVAL_MS) return;
    if (Atomics.compareExchange(this.shared, STATE, IDLE, BUSY) === IDLE) {
      this.requestedAt = now;
      this.worker?.postMessage('checkpoint');
    }
  }

  /** Milliseconds the thread has spent checkpointing (CPU and disk waits), for benchmarks. */
  get busyMilliseconds(): number {
    return Atomics.load(this.shared, BUSY_MS);
  }

  /** Stops the thread (after the checkpoint it is running, if any); closing the connection then checkpoints the rest. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Referenced again: the process waits for the thread's last checkpoint rather than leaving the close unfinished.
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private start(): void {
    const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { path: this.path, shared: this.shared } });
    // A process that ends without closing the library must not wait for this thread; a checkpoint cut short is harmless.
    worker.unref();
    worker.on('error', () => this.stop(worker));
    worker.on('exit', () => this.stop(worker));
    this.worker = worker;
    this.database.pragma('wal_autocheckpoint = 0');
    this.database.pragma(`journal_size_limit = ${KEPT_BYTES}`);
  }

  /** Back to checkpoints on the ingesting connection. */
  private stop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    this.failed = true;
    if (this.database.open) this.database.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }
}
