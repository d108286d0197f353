/**
 * The one error type for user mistakes (bad input, bad arguments): the CLI prints its message on one line,
 * without a stack trace. `input` names what was wrong (a path, a URL, an argument).
 */
export class HearsayError extends Error {
  override readonly name = 'HearsayError';
  readonly input: string | undefined;
  /** 1 = bad input (the run goes on with other inputs); 2 = usage error. */
  readonly exitCode: 1 | 2;

  constructor(message: string, options: { input?: string; exitCode?: 1 | 2; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.input = options.input;
    this.exitCode = options.exitCode ?? 1;
  }
}

export function isHearsayError(value: unknown): value is HearsayError {
  return value instanceof HearsayError;
}
