import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Library } from '../library/types.js';
import { apiRoutes } from './api-routes.js';
import { loadAssets, repositoryRoot, type AssetMap } from './assets.js';
import { buildOpenApi, schemaToComponents } from './openapi.js';
import { makeProblem, problemFromError, problemResponse } from './problem.js';
import { RESPONSE_SCHEMAS } from './response-schemas.js';
import { defineRoute, honoPath, type Route } from './route.js';
import type { JsonSchema } from './schema.js';
import { WebError } from './web-error.js';

export interface AppOptions {
  readonly library: Library;
  /** When set, writes (POST /api/analyze with store) need `Authorization: Bearer TOKEN`. */
  readonly token?: string;
  /** The web app's files; read from the repository at start when not given. */
  readonly assets?: AssetMap;
  /** Largest accepted request body in bytes (default 2 MiB). */
  readonly maxBodyBytes?: number;
  /** Where unexpected (500) errors are logged; the client only sees a generic problem. */
  readonly logError?: (error: unknown) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Strict headers: the page runs only its own scripts, so even a rendering slip cannot run injected markup. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** The Hono app serving the HTTP API and the web app; shared by `hearsay serve` and the tests. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const assets = options.assets ?? loadAssets();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  app.use('*', async (context, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) context.res.headers.set(name, value);
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => problemResponse(makeProblem(413, 'Payload too large', `the request body is larger than ${maxBodyBytes} bytes`)),
    }),
  );

  const routes: Route[] = [...apiRoutes(options.library, options.token)];
  const components: Record<string, JsonSchema> = { ...analysisComponents(), ...RESPONSE_SCHEMAS };
  let document: Record<string, unknown> | null = null;
  routes.push(
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'getOpenApi',
      summary: 'This OpenAPI document, generated from the route table',
      tag: 'meta',
      responses: { 200: { description: 'OpenAPI 3.1 document', schema: { type: 'object' } } },
      handle: async () => (document ??= buildOpenApi(routes, { title: 'Hearsay API', version: '0.1.0', components })),
    }),
  );
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), (context) => route.run(context));
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method.toUpperCase()]);
  }
  for (const [path, methods] of methodsByPath) {
    app.all(honoPath(path), () => {
      throw new WebError(`use ${methods.join(' or ')} for ${path}`, { status: 405, title: 'Method not allowed' });
    });
  }

  app.get('*', (context) => {
    const asset = assets.get(context.req.path);
    if (asset === undefined) return notFound(context.req.path);
    return new Response(asset.body, { status: 200, headers: { 'content-type': asset.type, 'cache-control': 'no-cache' } });
  });
  app.notFound((context) => notFound(context.req.path));
  app.onError((error) => {
    const problem = problemFromError(error);
    if (problem.status >= 500) logError(error);
    return problemResponse(problem, problem.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
  });
  return app;
}

function notFound(path: string): Response {
  return problemResponse(makeProblem(404, 'Not found', `nothing at ${path.slice(0, 200)}`));
}

/** The analysis contract (schema/analysis.schema.json) as OpenAPI components, read once at start. */
function analysisComponents(): Record<string, JsonSchema> {
  const path = join(repositoryRoot(), 'schema', 'analysis.schema.json');
  if (!existsSync(path)) return { Analysis: { type: 'object', description: 'The analysis contract (docs/contract.md).' } };
  return schemaToComponents('Analysis', JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
}
