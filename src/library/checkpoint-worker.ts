import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * The library's write-ahead-log checkpoints, on a thread of their own (see BackgroundCheckpoints): copying the log
 * into the database file ends with an fsync that waits on the disk, which would otherwise stall ingest. On the message
 * 'checkpoint' it checkpoints, adds the time it took to the shared counter and marks the shared state idle; on 'close'
 * it closes its connection and ends.
 */
const port = parentPort;
const data = workerData as { path?: unknown; shared?: unknown } | null;
if (port === null || typeof data?.path !== 'string' || !(data.shared instanceof Int32Array)) {
  throw new Error('checkpoint-worker runs as a worker thread, given the database path and the shared state');
}
const shared = data.shared;
const database = new Database(data.path);
// The log is synced before the copy and the database file after it, as the ingesting connection's own checkpoints did.
database.pragma('synchronous = NORMAL');
port.on('message', (message: unknown) => {
  if (message === 'close') {
    database.close();
    port.close();
    return;
  }
  const started = performance.now();
  try {
    // PASSIVE: copy what no reader still needs, without waiting for, or blocking, the writer.
    database.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    Atomics.add(shared, 1, Math.round(performance.now() - started));
    Atomics.store(shared, 0, 0);
  }
});
