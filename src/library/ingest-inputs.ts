import type { InputResult, ReadOptions } from '../ingest/index.js';
import { isHearsayError } from '../model/errors.js';
import type { Analysis, SourceDocument } from '../model/types.js';
import { openInputs } from './inputs.js';
import { IngestProgress, type ProgressCounts } from './progress.js';
import { SqliteLibrary, type IngestItem } from './sqlite-library.js';
import type { IngestResult, Library } from './types.js';

export interface IngestRunOptions {
  readonly inputs: readonly string[];
  readonly library: Library;
  readonly read: ReadOptions;
  /** The extraction pipeline (analyzeDocument in the CLI; a stand-in in tests). */
  readonly analyze: (document: SourceDocument) => Analysis;
  /** Where progress and per-input problems go (stderr in the CLI). */
  readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** How many analyzed articles may wait for one commit (SQLite only; default DEFAULT_BATCH_LIMITS). */
  readonly batch?: BatchLimits;
}

export interface IngestRunSummary {
  readonly counts: ProgressCounts;
  readonly summary: string;
}

/** Bounds of one SQLite ingest transaction: at most this many articles, committed at most this long after the first. */
export interface BatchLimits {
  readonly articles: number;
  readonly milliseconds: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { articles: 200, milliseconds: 250 };

/**
 * Reads, analyzes and stores every input: a bad input or article is reported and skipped, an article already stored
 * is recognized before analysis (so an interrupted run simply resumes). On SQLite the analyzed articles are stored a
 * batch at a time (see IngestBatcher): each in its own savepoint, one commit per batch.
 */
export async function ingestInputs(options: IngestRunOptions): Promise<IngestRunSummary> {
  const { library, stream } = options;
  const inputs = await openInputs(options.inputs, options.read);
  const progress = new IngestProgress({ stream, total: inputs.total });
  const batcher = new IngestBatcher<string>(library, options.batch ?? DEFAULT_BATCH_LIMITS, (input, outcome) => {
    if (outcome.status === 'failed') progress.note(`hearsay: ${input}: not stored: ${outcome.error ?? 'unknown error'}`);
    progress.record(outcome.status);
  });
  const iterator = inputs.results[Symbol.asyncIterator]();
  let finished = false;
  try {
    let next = iterator.next();
    for (;;) {
      // While a batch waits, reading the next input (a slow URL, a quiet stdin) must not hold its commit back.
      const step = await batcher.within(next);
      if (step === null) {
        await batcher.flush();
        continue;
      }
      if (step.done === true) {
        finished = true;
        break;
      }
      await ingestOne(step.value, options, progress, batcher);
      next = iterator.next();
    }
  } finally {
    // Also when extraction stopped the run: what was analyzed before it is stored.
    await batcher.flush();
    if (!finished) await iterator.return?.(undefined);
  }
  return { counts: progress.counts, summary: progress.finish() };
}

async function ingestOne(result: InputResult, options: IngestRunOptions, progress: IngestProgress, batcher: IngestBatcher<string>): Promise<void> {
  if (!result.ok) {
    progress.note(`hearsay: ${result.input}: ${result.error.message}`);
    progress.record('failed');
    return;
  }
  const document = result.document;
  if ((await options.library.lookup(document)) !== null) {
    progress.record('unchanged');
    return;
  }
  let analysis: Analysis;
  try {
    analysis = options.analyze(document);
  } catch (error) {
    // A HearsayError here is about the setup (a missing model), not this article: stop instead of failing every article.
    if (isHearsayError(error)) throw error;
    progress.note(`hearsay: ${result.input}: not stored: extraction failed: ${error instanceof Error ? error.message : String(error)}`);
    progress.record('failed');
    return;
  }
  await batcher.add({ document, analysis }, result.input);
}

/**
 * Stores analyzed articles a batch at a time on SQLite, one by one on any other library. A batch is one transaction
 * with a savepoint per article, so a bad article is rolled back alone and reported; it is committed once it holds
 * `limits.articles` articles or `limits.milliseconds` after its first one (the caller races slow inputs with `within`).
 * A crash loses at most the uncommitted batch, which a re-run stores again: ingest is idempotent. The write lock is
 * held only while a batch is written, never while articles are read or analyzed.
 */
export class IngestBatcher<Tag> {
  private readonly batching: SqliteLibrary | null;
  private queue: Array<{ item: IngestItem; tag: Tag }> = [];
  private firstQueuedAt = 0;

  constructor(
    private readonly library: Library,
    private readonly limits: BatchLimits,
    private readonly report: (tag: Tag, result: IngestResult, item: IngestItem) => void,
  ) {
    this.batching = library instanceof SqliteLibrary && limits.articles > 1 ? library : null;
  }

  get pending(): number {
    return this.queue.length;
  }

  async add(item: IngestItem, tag: Tag): Promise<void> {
    if (this.batching === null) {
      this.report(tag, await this.library.ingest(item.document, item.analysis), item);
      return;
    }
    if (this.queue.length === 0) this.firstQueuedAt = performance.now();
    this.queue.push({ item, tag });
    if (this.queue.length >= this.limits.articles || performance.now() - this.firstQueuedAt >= this.limits.milliseconds) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batching === null || this.queue.length === 0) return;
    const queue = this.queue;
    this.queue = [];
    const results = await this.batching.ingestBatch(queue.map((entry) => entry.item));
    queue.forEach((entry, index) => this.report(entry.tag, results[index]!, entry.item));
  }

  /** The promise's value, or null when the waiting batch is due before it settles. */
  async within<T>(promise: Promise<T>): Promise<T | null> {
    if (this.queue.length === 0) return promise;
    const remaining = this.firstQueuedAt + this.limits.milliseconds - performance.now();
    if (remaining <= 0) return null;
    let timer: NodeJS.Timeout | undefined;
    const due = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), remaining);
    });
    try {
      return await Promise.race([promise, due]);
    } finally {
      clearTimeout(timer);
    }
  }
}
