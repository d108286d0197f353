import { HearsayError } from '../../model/errors.js';
import type { CliIo } from '../main.js';

export const LIBRARY_COMMANDS: ReadonlySet<string> = new Set(['ingest', 'search', 'speaker', 'cluster', 'stats', 'export']);

/** The statement library's commands (stub until the library lands). */
export async function runLibraryCommand(command: string, _args: readonly string[], _io: CliIo): Promise<number> {
  throw new HearsayError(`${command} is not implemented yet`, { exitCode: 2 });
}
