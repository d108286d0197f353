import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HearsayError, isHearsayError } from '../model/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its argument errors turned into usage errors (exit 2). */
export function parseScriptArgs<T extends Options>(args: readonly string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>>['values'] {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw new HearsayError(`${(error as Error).message.split('\n')[0]} (see --help)`, { exitCode: 2 });
    throw error;
  }
}

/** The value after `--name` in a plain argument list (the older scripts' style), or undefined. */
export function argument(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A flag that must be a positive number (`integer` for counts). */
export function positiveNumber(value: string | undefined, flag: string, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
    throw new HearsayError(`${flag} expects a positive ${integer ? 'integer' : 'number'}, found '${value}'`, { exitCode: 2 });
  }
  return parsed;
}

/** Runs a script's main; a user mistake prints one line (no stack trace) and sets the exit status. */
export async function runScript(name: string, main: (args: readonly string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (!isHearsayError(error)) throw error;
    process.stderr.write(`${name}: ${error.input === undefined ? '' : `${error.input}: `}${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}
