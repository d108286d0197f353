import type { Context } from 'hono';
import { parseFields, type Fields, type JsonSchema, type Parsed, type Schema } from './schema.js';
import { WebError } from './web-error.js';

export type Method = 'get' | 'post';

export interface ResponseDoc {
  readonly description: string;
  readonly schema?: JsonSchema;
}

export interface RouteInput<P extends Fields, Q extends Fields, B> {
  readonly params: Parsed<P>;
  readonly query: Parsed<Q>;
  readonly body: B;
  readonly request: Request;
}

/** What one route is: the single source for both the Hono registration and its OpenAPI operation. */
export interface RouteDefinition<P extends Fields, Q extends Fields, B> {
  readonly method: Method;
  /** OpenAPI path template, e.g. /api/articles/{id}. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: { readonly schema: Schema<B>; readonly description: string };
  /** When the route may need the bearer token (documented as a security requirement). */
  readonly secured?: boolean;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  /** Returns a JSON-serializable value (200) or a full Response. */
  readonly handle: (input: RouteInput<P, Q, B>) => Promise<unknown>;
}

/** A route with its types erased, as the app and the OpenAPI generator see it. */
export interface Route {
  readonly method: Method;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly params: Fields;
  readonly query: Fields;
  readonly body: { readonly schema: Schema<unknown>; readonly description: string } | null;
  readonly secured: boolean;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  readonly run: (context: Context) => Promise<Response>;
}

const NO_FIELDS: Fields = {};

/** Defines a route: validates path, query and body at the edge, then calls `handle` with typed values. */
export function defineRoute<P extends Fields = Record<never, never>, Q extends Fields = Record<never, never>, B = undefined>(definition: RouteDefinition<P, Q, B>): Route {
  const params = definition.params ?? NO_FIELDS;
  const query = definition.query ?? NO_FIELDS;
  const body = definition.body;
  return {
    method: definition.method,
    path: definition.path,
    operationId: definition.operationId,
    summary: definition.summary,
    tag: definition.tag,
    params,
    query,
    body: body === undefined ? null : (body as { readonly schema: Schema<unknown>; readonly description: string }),
    secured: definition.secured === true,
    responses: definition.responses,
    async run(context) {
      const parsedParams = parseFields(params, context.req.param() as Record<string, string>, (name) => `path parameter '${name}'`) as Parsed<P>;
      const parsedQuery = parseFields(query, context.req.query(), (name) => `query parameter '${name}'`) as Parsed<Q>;
      const parsedBody = (body === undefined ? undefined : body.schema.parse(await readJson(context.req.raw), 'body')) as B;
      const result = await definition.handle({ params: parsedParams, query: parsedQuery, body: parsedBody, request: context.req.raw });
      if (result instanceof Response) return result;
      return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
    },
  };
}

/** Reads a JSON request body: 415 for another content type, 400 for malformed JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/iu.test(type)) {
    throw new WebError('expected a JSON body (content-type: application/json)', { status: 415, title: 'Unsupported media type', input: 'content-type' });
  }
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new WebError(`malformed JSON (${error instanceof Error ? error.message : 'cannot parse'})`, { status: 400, title: 'Malformed JSON', input: 'body', cause: error });
  }
}

/** /api/articles/{id} → /api/articles/:id (Hono's path syntax). */
export function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z]\w*)\}/gu, ':$1');
}
