import type { Analysis } from '../../src/model/types.js';
import type { LibraryEntity, LibraryStats, Paged, StatementCluster, StatementHit, StoredArticle, StoredArticleWithAnalysis } from '../../src/library/types.js';

export type { Analysis, LibraryEntity, LibraryStats, Paged, StatementCluster, StatementHit, StoredArticle, StoredArticleWithAnalysis };

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

/** An API error carrying the server's problem detail. */
export class ApiError extends Error {
  readonly status: number;
  constructor(problem: Problem) {
    super(`${problem.title}: ${problem.detail}`);
    this.status = problem.status;
  }
}

/** GET a JSON resource; throws ApiError with the problem's detail on a 4xx/5xx. */
export async function getJson<T>(path: string, parameters: Readonly<Record<string, string | number | undefined>> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined && value !== '') query.set(name, String(value));
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  const response = await fetch(`${path}${suffix}`, { headers: { accept: 'application/json' }, ...(signal === undefined ? {} : { signal }) });
  return readResponse<T>(response);
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), ...(signal === undefined ? {} : { signal }) });
  return readResponse<T>(response);
}

async function readResponse<T>(response: Response): Promise<T> {
  const body = (await response.json()) as unknown;
  if (!response.ok) {
    const problem = body as Partial<Problem>;
    throw new ApiError({ type: problem.type ?? 'error', title: problem.title ?? `HTTP ${response.status}`, status: response.status, detail: problem.detail ?? '' });
  }
  return body as T;
}

export function segment(value: string): string {
  return encodeURIComponent(value);
}
