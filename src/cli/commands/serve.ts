import { HearsayError } from '../../model/errors.js';
import type { CliIo } from '../main.js';

/** `hearsay serve` (stub until the web app lands). */
export async function runServe(_args: readonly string[], _io: CliIo): Promise<number> {
  throw new HearsayError('serve is not implemented yet', { exitCode: 2 });
}
