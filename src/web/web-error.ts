import { HearsayError } from '../model/errors.js';

/** HTTP statuses a user mistake can map to. */
export type ProblemStatus = 400 | 401 | 404 | 405 | 413 | 415 | 422;

/**
 * A HearsayError that also knows its HTTP status and problem title: still the one user-error type (it extends
 * HearsayError), so the CLI and the server report it the same way.
 */
export class WebError extends HearsayError {
  readonly status: ProblemStatus;
  readonly title: string;

  constructor(message: string, options: { status: ProblemStatus; title: string; input?: string; cause?: unknown }) {
    super(message, { exitCode: 1, ...(options.input === undefined ? {} : { input: options.input }), ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.status = options.status;
    this.title = options.title;
  }
}
