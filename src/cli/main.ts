import { isHearsayError } from '../model/errors.js';
import { runAnalyze } from './commands/analyze.js';
import { runLibraryCommand, LIBRARY_COMMANDS } from './commands/library.js';
import { QUEUE_COMMANDS, runQueueCommand } from './commands/queue.js';
import { runServe } from './commands/serve.js';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
}

const USAGE = `usage: hearsay <command> [options]

commands:
  analyze [PATH|URL|-]...   extract statements from articles (text, HTML, JSON Lines, URLs, stdin)
  ingest PATH|URL|FEED...   analyze articles and store them in the library
  search QUERY              search stored statements
  speaker NAME              a speaker's statements over time
  cluster ID                every report of one statement
  article ID                one stored article with its analysis (and previous version)
  stats                     what the library holds
  export                    export the library (jsonl, csv, annotations)
  serve                     serve the web app and HTTP API
  enqueue PATH|URL|FEED...  add ingest jobs to a PostgreSQL work queue (--db postgres://…)
  worker                    process queued ingest jobs (--db postgres://… [--concurrency N] [--until-idle])

Every command that takes --db accepts a file path (SQLite, default ./data/hearsay.db) or a
postgres:// connection string; HEARSAY_DB sets the default.

Run 'hearsay <command> --help' for a command's options.
`;

/** Runs the CLI with `args`; returns the exit status. User mistakes print one line, never a stack trace. */
export async function runCli(args: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout).write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'analyze') return await runAnalyze(rest, io);
    if (command === 'serve') return await runServe(rest, io);
    if (LIBRARY_COMMANDS.has(command)) return await runLibraryCommand(command, rest, io);
    if (QUEUE_COMMANDS.has(command)) return await runQueueCommand(command, rest, io);
    io.stderr.write(`hearsay: unknown command '${command}' (expected one of: analyze, ingest, search, speaker, cluster, article, stats, export, serve, enqueue, worker)\n`);
    return 2;
  } catch (error) {
    if (isHearsayError(error)) {
      io.stderr.write(`hearsay: ${error.input === undefined ? '' : `${error.input}: `}${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
