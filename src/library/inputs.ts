import { listInputs, readInputs, type InputResult, type ReadOptions } from '../ingest/index.js';

/** The library's view of the ingest readers: every input analyze reads, with the expanded input count for progress. */
export interface LibraryInputs {
  /** Expanded input count (a JSON Lines file or a feed counts once; progress grows the total as their articles arrive). */
  readonly total: number;
  readonly results: AsyncIterable<InputResult>;
}

/** Expands directories up front (for a progress total), then reads every input lazily. */
export async function openInputs(inputs: readonly string[], options: ReadOptions): Promise<LibraryInputs> {
  const listed = await listInputs(inputs, { recursive: options.recursive === true });
  return { total: listed.length, results: readInputs(inputs, options) };
}
