import { HearsayError } from '../../model/errors.js';
import type { CliIo } from '../main.js';

/** `hearsay analyze [PATH|URL|-]...` (stub until the ingest readers land). */
export async function runAnalyze(_args: readonly string[], _io: CliIo): Promise<number> {
  throw new HearsayError('analyze is not implemented yet', { exitCode: 2 });
}
