import { isHearsayError } from '../model/errors.js';
import { WebError, type ProblemStatus } from './web-error.js';

/** The one JSON problem shape (RFC 9457 subset) every error response uses. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

const TYPES: Readonly<Record<number, string>> = {
  400: 'invalid-request',
  401: 'unauthorized',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  500: 'internal-error',
};

/** Builds the problem body for a status; `type` is a stable relative URI naming the kind of problem. */
export function makeProblem(status: ProblemStatus | 500, title: string, detail: string): Problem {
  return { type: `/problems/${TYPES[status] ?? 'error'}`, title, status, detail };
}

/** A problem JSON response (content type application/problem+json). */
export function problemResponse(problem: Problem, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/**
 * Maps any thrown value to a problem: WebError keeps its status, other HearsayErrors (bad article content from the
 * readers) are 422, anything else is a 500 with a fixed detail so no stack trace or internal message leaks.
 */
export function problemFromError(error: unknown): Problem {
  if (error instanceof WebError) return makeProblem(error.status, error.title, error.message);
  if (isHearsayError(error)) return makeProblem(422, 'Unprocessable content', error.input === undefined ? error.message : `${error.input}: ${error.message}`);
  return makeProblem(500, 'Internal error', 'the server could not complete the request (see the server log)');
}
