import type { Library } from '../library/types.js';
import type { EntityType, Stance, StatementKind } from '../model/types.js';
import { analyzeRequest } from './analyze.js';
import { requireBearer } from './auth.js';
import { pagedSchema, ref } from './response-schemas.js';
import { defineRoute, type Route } from './route.js';
import { booleanSchema, enumSchema, integerSchema, objectSchema, stringSchema } from './schema.js';
import { WebError } from './web-error.js';

export const STANCES: readonly Stance[] = ['neutral', 'emphatic', 'distancing', 'admission', 'denial', 'warning', 'revelation', 'argument', 'question', 'belief', 'evidential'];
export const KINDS: readonly StatementKind[] = ['direct', 'partial', 'indirect'];
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'media', 'group', 'document', 'other'];
/** The largest page any list returns; the timeline allows more so the speaker chart can show a long career. */
export const MAX_LIMIT = 100;
export const MAX_TIMELINE_LIMIT = 500;

const date = stringSchema({ pattern: /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u, patternHint: 'YYYY-MM-DD, YYYY-MM or YYYY', description: 'ISO date: YYYY-MM-DD, YYYY-MM or YYYY' });
const name = stringSchema({ minLength: 1, maxLength: 200 });
const id = { schema: stringSchema({ minLength: 1, maxLength: 200 }), required: true } as const;
const offset = { schema: integerSchema({ minimum: 0, maximum: 1_000_000_000, description: 'Items to skip (default 0).' }) } as const;
const limit = (maximum: number, fallback: number) => ({ schema: integerSchema({ minimum: 1, maximum, description: `Page size (default ${fallback}, at most ${maximum}).` }) }) as const;

const notFound = (what: string) => ({ 404: { description: `No such ${what}` } });
const invalid = { 400: { description: 'Invalid parameter' } };

const analyzeBody = objectSchema(
  {
    text: { schema: stringSchema({ maxLength: 2_000_000, description: 'Plain article text (give text or html).' }) },
    html: { schema: stringSchema({ maxLength: 2_000_000, description: 'An HTML page; the article text is read with Readability.' }) },
    publishedAt: { schema: date },
    title: { schema: stringSchema({ maxLength: 1000 }) },
    url: { schema: stringSchema({ maxLength: 2000, pattern: /^https?:\/\/\S+$/u, patternHint: 'an http(s) URL' }) },
    store: { schema: booleanSchema('Store the article in the library (needs the bearer token when the server has one).') },
  },
  'An article to analyze: exactly one of text and html.',
);

/** The HTTP API's route table: each entry validates its input and documents itself in /api/openapi.json. */
export function apiRoutes(library: Library, token: string | undefined): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/articles',
      operationId: 'listArticles',
      summary: 'Stored articles (current versions), newest first',
      tag: 'articles',
      query: { limit: limit(MAX_LIMIT, 20), offset },
      responses: { 200: { description: 'A page of articles', schema: pagedSchema(ref('StoredArticle')) }, ...invalid },
      handle: ({ query }) => library.listArticles({ limit: query.limit ?? 20, offset: query.offset ?? 0 }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/articles/{id}',
      operationId: 'getArticle',
      summary: 'One stored article: its text and the whole stored analysis (every span)',
      tag: 'articles',
      params: { id },
      responses: { 200: { description: 'The article', schema: ref('StoredArticleWithAnalysis') }, ...notFound('article') },
      handle: async ({ params }) => (await library.getArticle(params.id)) ?? missing('article', params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/statements',
      operationId: 'searchStatements',
      summary: 'Search statements (as `hearsay search`); no words lists the newest',
      tag: 'statements',
      query: {
        q: { schema: stringSchema({ maxLength: 500, description: 'Words (all must match), "quoted phrases", OR, -word, word*.' }) },
        speaker: { schema: name },
        outlet: { schema: name },
        from: { schema: date },
        to: { schema: date },
        stance: { schema: enumSchema(STANCES) },
        kind: { schema: enumSchema(KINDS) },
        originalsOnly: { schema: booleanSchema('Leave syndicated copies out.') },
        limit: limit(MAX_LIMIT, 20),
        offset,
      },
      responses: { 200: { description: 'A page of statements', schema: pagedSchema(ref('StatementHit')) }, ...invalid },
      handle: ({ query }) =>
        library.search({
          ...query,
          text: query.q ?? '',
          limit: query.limit ?? 20,
          offset: query.offset ?? 0,
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/entities',
      operationId: 'listEntities',
      summary: 'Speakers and other entities',
      tag: 'entities',
      query: { q: { schema: name }, type: { schema: enumSchema(ENTITY_TYPES) }, limit: limit(MAX_LIMIT, 20), offset },
      responses: { 200: { description: 'A page of entities', schema: pagedSchema(ref('LibraryEntity')) }, ...invalid },
      handle: ({ query }) =>
        library.listEntities({ limit: query.limit ?? 20, offset: query.offset ?? 0, ...(query.q === undefined ? {} : { query: query.q }), ...(query.type === undefined ? {} : { type: query.type }) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/entities/{idOrName}',
      operationId: 'getEntity',
      summary: 'An entity by id or any of its names, with aliases, why they were merged, and who relays it most',
      tag: 'entities',
      params: { idOrName: id },
      responses: { 200: { description: 'The entity', schema: ref('LibraryEntity') }, ...notFound('entity') },
      handle: async ({ params }) => (await library.getEntity(params.idOrName)) ?? missing('entity', params.idOrName),
    }),
    defineRoute({
      method: 'get',
      path: '/api/clusters',
      operationId: 'listClusters',
      summary: 'Statements reported more than once',
      tag: 'clusters',
      query: { speaker: { schema: name }, limit: limit(MAX_LIMIT, 20), offset },
      responses: { 200: { description: 'A page of clusters', schema: pagedSchema(ref('StatementCluster')) }, ...invalid },
      handle: ({ query }) => library.listClusters({ limit: query.limit ?? 20, offset: query.offset ?? 0, ...(query.speaker === undefined ? {} : { speaker: query.speaker }) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/clusters/{id}',
      operationId: 'getCluster',
      summary: 'Every report of one utterance, earliest first, with the word drift between versions',
      tag: 'clusters',
      params: { id },
      responses: { 200: { description: 'The cluster', schema: ref('StatementCluster') }, ...notFound('cluster') },
      handle: async ({ params }) => (await library.getCluster(params.id)) ?? missing('cluster', params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/timeline/{idOrName}',
      operationId: 'getTimeline',
      summary: "A speaker's statements ordered by when they were said (or reported)",
      tag: 'entities',
      params: { idOrName: id },
      query: { from: { schema: date }, to: { schema: date }, limit: limit(MAX_TIMELINE_LIMIT, 100), offset },
      responses: {
        200: { description: 'The entity and a page of its statements', schema: { allOf: [pagedSchema(ref('StatementHit')), { type: 'object', properties: { entity: ref('LibraryEntity') } }] } },
        ...invalid,
        ...notFound('speaker'),
      },
      handle: async ({ params, query }) => {
        const entity = await library.getEntity(params.idOrName);
        if (entity === null) return missing('speaker', params.idOrName);
        const page = await library.timeline(entity.id, {
          limit: query.limit ?? 100,
          offset: query.offset ?? 0,
          ...(query.from === undefined ? {} : { from: query.from }),
          ...(query.to === undefined ? {} : { to: query.to }),
        });
        return { entity, ...page };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats',
      operationId: 'getStats',
      summary: 'What the library holds',
      tag: 'library',
      responses: { 200: { description: 'Counts', schema: ref('LibraryStats') } },
      handle: () => library.stats(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/analyze',
      operationId: 'analyze',
      summary: 'Analyze posted text or HTML and return the analysis contract; stores it only with "store": true',
      tag: 'analyze',
      body: { schema: analyzeBody, description: 'The article' },
      secured: true,
      responses: {
        200: { description: 'The analysis (not stored)', schema: ref('Analysis') },
        201: { description: 'The analysis; the article was stored (Location names it)', schema: ref('Analysis') },
        400: { description: 'Malformed JSON or invalid field' },
        401: { description: 'store: true without the right bearer token' },
        413: { description: 'Body larger than the limit' },
        415: { description: 'Not a JSON body' },
        422: { description: 'No article text in the input' },
      },
      handle: async ({ body, request }) => {
        if (body.store === true) requireBearer(request, token);
        const outcome = await analyzeRequest(body, library);
        if (outcome.stored === undefined) return outcome.analysis;
        const articleId = outcome.stored.articleId ?? '';
        return new Response(JSON.stringify(outcome.analysis), {
          status: 201,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', location: `/api/articles/${encodeURIComponent(articleId)}`, 'x-hearsay-ingest': outcome.stored.status },
        });
      },
    }),
  ];
}

function missing(what: string, key: string): never {
  throw new WebError(`no such ${what}: '${key.slice(0, 100)}'`, { status: 404, title: 'Not found', input: key });
}
