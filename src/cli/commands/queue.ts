import { readInputs } from '../../ingest/index.js';
import { analyzeDocument } from '../../extract/pipeline.js';
import { HearsayError } from '../../model/errors.js';
import { isPostgresSpec, librarySpec } from '../../library/open.js';
import { openPostgresLibrary, redactConnectionString, type PostgresLibrary } from '../../library/postgres/postgres-library.js';
import { DEFAULT_LEASE_SECONDS, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DELAY_SECONDS, enqueueDocuments, queueCounts, runWorker, type EnqueueItem } from '../../library/postgres/queue.js';
import type { CliIo } from '../main.js';
import { parseArgs } from './library.js';

/** The distributed-ingest commands: `enqueue` adds one job per input document, `worker` processes jobs. */
export const QUEUE_COMMANDS: ReadonlySet<string> = new Set(['enqueue', 'worker']);

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

const HELP: Record<string, string> = {
  enqueue:
    'usage: hearsay enqueue PATH|URL|FEED... --db postgres://… [--published YYYY-MM-DD] [--max-attempts N] [--allow-private-urls]\n' +
    '  reads every input now and adds one job per document (the document travels in the job); a document already queued or done is skipped\n',
  worker:
    'usage: hearsay worker --db postgres://… [--concurrency N] [--until-idle] [--lease SECONDS] [--retry-delay SECONDS]\n' +
    '  analyzes and stores queued documents; run one per core on as many machines as you like; --until-idle exits once nothing is queued or running\n',
};

const OPTIONS = {
  enqueue: { db: 'string', published: 'string', 'max-attempts': 'string', 'allow-private-urls': 'boolean' },
  worker: { db: 'string', concurrency: 'string', 'until-idle': 'boolean', lease: 'string', 'retry-delay': 'string' },
} as const;

export async function runQueueCommand(command: string, args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP[command] ?? '');
    return 0;
  }
  if (command !== 'enqueue' && command !== 'worker') throw new HearsayError(`unknown queue command (expected one of: ${[...QUEUE_COMMANDS].join(', ')})`, { input: command, exitCode: 2 });
  const parsed = parseArgs(command, args, { ...OPTIONS[command] });
  const spec = librarySpec(parsed.strings.get('db'));
  if (!isPostgresSpec(spec)) {
    throw new HearsayError('the work queue needs a PostgreSQL library (expected --db postgres://… or HEARSAY_DB=postgres://…)', { input: parsed.strings.get('db') ?? '--db', exitCode: 2 });
  }
  if (command === 'enqueue') return runEnqueue(spec, parsed.positional, parsed.strings, parsed.flags, io);
  return runWorkerCommand(spec, parsed.positional, parsed.strings, parsed.flags, io);
}

async function runEnqueue(spec: string, inputs: readonly string[], strings: ReadonlyMap<string, string>, flags: ReadonlySet<string>, io: CliIo): Promise<number> {
  if (inputs.length === 0) throw new HearsayError('nothing to enqueue (expected one or more files, directories, URLs or feeds)', { input: 'enqueue', exitCode: 2 });
  const published = strings.get('published');
  if (published !== undefined && !DATE.test(published)) throw new HearsayError(`'${published}' is not a date (expected YYYY-MM-DD)`, { input: '--published', exitCode: 2 });
  const maxAttempts = countOption(strings, 'max-attempts', DEFAULT_MAX_ATTEMPTS, 1);
  const library = await openPostgresLibrary(spec, { poolSize: 2, applicationName: 'hearsay enqueue' });
  let unreadable = 0;
  try {
    async function* documents(): AsyncIterable<EnqueueItem> {
      for await (const result of readInputs(inputs, { recursive: true, allowPrivate: flags.has('allow-private-urls'), stdin: io.stdin, ...(published === undefined ? {} : { publishedAt: published }) })) {
        if (result.ok) {
          yield { input: result.input, document: result.document };
        } else {
          unreadable++;
          io.stderr.write(`hearsay: ${result.input}: ${result.error.message}\n`);
        }
      }
    }
    const counts = await enqueueDocuments(library.pool, documents(), { maxAttempts, ...(published === undefined ? {} : { publishedAt: published }) });
    const queue = await queueCounts(library.pool);
    io.stderr.write(
      `enqueued ${counts.enqueued} job${counts.enqueued === 1 ? '' : 's'}` +
        `${counts.requeued > 0 ? `, re-queued ${counts.requeued} failed` : ''}` +
        `${counts.duplicates > 0 ? `, ${counts.duplicates} already queued or done` : ''}` +
        `${unreadable > 0 ? `, ${unreadable} unreadable` : ''}` +
        ` — queue: ${queue.queued} queued, ${queue.running} running, ${queue.done} done, ${queue.failed} failed\n`,
    );
    return unreadable > 0 ? 1 : 0;
  } finally {
    await library.close();
  }
}

async function runWorkerCommand(spec: string, positional: readonly string[], strings: ReadonlyMap<string, string>, flags: ReadonlySet<string>, io: CliIo): Promise<number> {
  if (positional.length > 0) throw new HearsayError('worker takes no inputs (expected options only; add inputs with hearsay enqueue)', { input: positional[0]!, exitCode: 2 });
  const concurrency = countOption(strings, 'concurrency', 1, 1);
  const leaseSeconds = countOption(strings, 'lease', DEFAULT_LEASE_SECONDS, 1);
  const retryDelaySeconds = countOption(strings, 'retry-delay', DEFAULT_RETRY_DELAY_SECONDS, 0);
  let library: PostgresLibrary;
  try {
    library = await openPostgresLibrary(spec, { poolSize: concurrency + 2, applicationName: 'hearsay worker' });
  } catch (error) {
    if (error instanceof HearsayError) throw error;
    throw new HearsayError('cannot open the PostgreSQL library', { input: redactConnectionString(spec), cause: error });
  }
  // SIGINT/SIGTERM: stop claiming, finish the jobs in flight, exit. (SIGKILL leaves the lease to expire.)
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const summary = await runWorker({
      library,
      analyze: (document, publishedAt) => analyzeDocument(document, publishedAt === undefined ? {} : { publishedAt }),
      concurrency,
      untilIdle: flags.has('until-idle'),
      leaseSeconds,
      retryDelaySeconds,
      signal: controller.signal,
      log: (line) => io.stderr.write(`${line}\n`),
    });
    const { stored, updated, unchanged, failed } = summary.byStatus;
    io.stderr.write(
      `worker: ${summary.processed} job${summary.processed === 1 ? '' : 's'} done (${stored} stored, ${updated} updated, ${unchanged} unchanged); ` +
        `${failed} failed attempt${failed === 1 ? '' : 's'} (${summary.retried} to retry, ${summary.parked} parked)\n`,
    );
    return 0;
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    await library.close();
  }
}

function countOption(strings: ReadonlyMap<string, string>, name: string, fallback: number, least: number): number {
  const value = strings.get(name);
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/u.test(value) || Number(value) < least) throw new HearsayError(`'${value}' is not a count of at least ${least} (expected a whole number)`, { input: `--${name}`, exitCode: 2 });
  return Number(value);
}
