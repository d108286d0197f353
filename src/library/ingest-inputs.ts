import type { ReadOptions } from '../ingest/index.js';
import { isHearsayError } from '../model/errors.js';
import type { Analysis, SourceDocument } from '../model/types.js';
import { openInputs } from './inputs.js';
import { IngestProgress, type ProgressCounts } from './progress.js';
import type { Library } from './types.js';

export interface IngestRunOptions {
  readonly inputs: readonly string[];
  readonly library: Library;
  readonly read: ReadOptions;
  /** The extraction pipeline (analyzeDocument in the CLI; a stand-in in tests). */
  readonly analyze: (document: SourceDocument) => Analysis;
  /** Where progress and per-input problems go (stderr in the CLI). */
  readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export interface IngestRunSummary {
  readonly counts: ProgressCounts;
  readonly summary: string;
}

/**
 * Reads, analyzes and stores every input, each article in its own transaction: a bad input or article is reported
 * and skipped, an article already stored is recognized before analysis (so an interrupted run simply resumes).
 */
export async function ingestInputs(options: IngestRunOptions): Promise<IngestRunSummary> {
  const { library, stream } = options;
  const inputs = await openInputs(options.inputs, options.read);
  const progress = new IngestProgress({ stream, total: inputs.total });
  for await (const result of inputs.results) {
    if (!result.ok) {
      progress.note(`hearsay: ${result.input}: ${result.error.message}`);
      progress.record('failed');
      continue;
    }
    const document = result.document;
    if ((await library.lookup(document)) !== null) {
      progress.record('unchanged');
      continue;
    }
    let analysis: Analysis;
    try {
      analysis = options.analyze(document);
    } catch (error) {
      // A HearsayError here is about the setup (a missing model), not this article: stop instead of failing every article.
      if (isHearsayError(error)) throw error;
      progress.note(`hearsay: ${result.input}: not stored: extraction failed: ${error instanceof Error ? error.message : String(error)}`);
      progress.record('failed');
      continue;
    }
    const outcome = await library.ingest(document, analysis);
    if (outcome.status === 'failed') progress.note(`hearsay: ${result.input}: not stored: ${outcome.error ?? 'unknown error'}`);
    progress.record(outcome.status);
  }
  return { counts: progress.counts, summary: progress.finish() };
}
