import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { Paged, StatementCluster, StatementHit, StoredArticle, StoredArticleWithAnalysis, LibraryEntity, LibraryStats, Library } from '../src/library/types.js';
import type { Analysis } from '../src/model/types.js';
import { createApp } from '../src/web/app.js';
import { apiRoutes, MAX_LIMIT } from '../src/web/api-routes.js';
import { buildFixture, HOSTILE_SCRIPT, type Fixture } from './web-fixtures.test.js';

interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

let fixture: Fixture;
let app: Hono;

before(async () => {
  fixture = await buildFixture();
  app = createApp({ library: fixture.library, logError: () => undefined });
});
after(async () => {
  await fixture.close();
});

async function json<T>(path: string, init?: RequestInit, on: Hono = app): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await on.request(path, init);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

function assertProblem(body: unknown, status: number): asserts body is Problem {
  const problem = body as Problem;
  assert.deepEqual(Object.keys(problem).sort(), ['detail', 'status', 'title', 'type'], 'exactly the problem fields');
  assert.equal(problem.status, status);
  assert.equal(typeof problem.title, 'string');
  assert.ok(problem.detail.length > 0);
  assert.doesNotMatch(problem.detail, /\n\s+at /u, 'no stack trace');
}

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): RequestInit => ({ method: 'POST', body, headers });

describe('articles', () => {
  test('list is paged: limit and offset give disjoint pages with the same total', async () => {
    const first = await json<Paged<StoredArticle>>('/api/articles?limit=3');
    const second = await json<Paged<StoredArticle>>('/api/articles?limit=3&offset=3');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 3);
    assert.equal(first.body.limit, 3);
    assert.equal(second.body.offset, 3);
    assert.equal(first.body.total, second.body.total);
    assert.ok(first.body.total >= 10);
    const ids = new Set(first.body.items.map((article) => article.id));
    for (const article of second.body.items) assert.ok(!ids.has(article.id), `article ${article.id} on both pages`);
  });

  test('the limit is capped and must be a whole number', async () => {
    const tooMany = await json<Problem>(`/api/articles?limit=${MAX_LIMIT + 1}`);
    assert.equal(tooMany.status, 400);
    assertProblem(tooMany.body, 400);
    assert.match(tooMany.body.detail, /limit/u);
    const notNumber = await json<Problem>('/api/articles?offset=-1');
    assertProblem(notNumber.body, 400);
  });

  test('an unknown query parameter is refused rather than ignored', async () => {
    const response = await json<Problem>('/api/articles?limt=5');
    assertProblem(response.body, 400);
    assert.match(response.body.detail, /limt/u);
  });

  test('get returns the text and every span of the stored analysis, slicing the text', async () => {
    const list = await json<Paged<StoredArticle>>('/api/articles?limit=100');
    const withStatements = list.body.items.find((article) => article.statementCount > 0);
    assert.ok(withStatements !== undefined);
    const { status, body } = await json<StoredArticleWithAnalysis>(`/api/articles/${withStatements.id}`);
    assert.equal(status, 200);
    const text = body.analysis.document.text;
    assert.ok(body.analysis.statements.length > 0);
    for (const statement of body.analysis.statements) {
      for (const span of [...statement.content, ...(statement.cue === null ? [] : [statement.cue]), ...(statement.source === null ? [] : [statement.source])]) {
        assert.equal(text.slice(span.start, span.end), span.text);
      }
    }
  });

  test('an unknown id is a 404 problem', async () => {
    const response = await json<Problem>('/api/articles/no-such-article');
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/u);
    assertProblem(response.body, 404);
  });
});

describe('statements, entities, clusters, timeline, stats', () => {
  test('search finds words and filters by speaker across aliases', async () => {
    const { status, body } = await json<Paged<StatementHit>>('/api/statements?q=rail&speaker=Kovalenka&limit=50');
    assert.equal(status, 200);
    assert.ok(body.items.length > 0, 'statements found');
    for (const hit of body.items) assert.equal(hit.speakerEntity, body.items[0]?.speakerEntity, 'one speaker entity');
    assert.ok(body.items.some((hit) => hit.statement.speaker?.name === 'Pavel Kovalenko'));
  });

  test('search validates stance and dates', async () => {
    assertProblem((await json<Problem>('/api/statements?stance=furious')).body, 400);
    assertProblem((await json<Problem>('/api/statements?from=yesterday')).body, 400);
    const denials = await json<Paged<StatementHit>>('/api/statements?stance=neutral&from=2024-05-01&to=2024-12-31');
    assert.equal(denials.status, 200);
    for (const hit of denials.body.items) assert.equal(hit.statement.cue?.stance, 'neutral');
  });

  test('an entity by name carries its aliases and why they were merged', async () => {
    const { status, body } = await json<LibraryEntity>('/api/entities/Kovalenko');
    assert.equal(status, 200);
    assert.equal(body.name, 'Pavel Kovalenko');
    assert.ok(body.aliases.includes('Pavel Kovalenka'));
    assert.ok(body.why.some((reason) => reason.alias === 'Pavel Kovalenka' && reason.reason === 'transliteration'));
    assertProblem((await json<Problem>('/api/entities/Nobody%20Atall')).body, 404);
  });

  test('entities list pages and filters by type', async () => {
    const { body } = await json<Paged<LibraryEntity>>('/api/entities?type=person&limit=2');
    assert.ok(body.items.length <= 2);
    for (const entity of body.items) assert.equal(entity.type, 'person');
  });

  test('clusters list and one cluster with reports (earliest first) and drift', async () => {
    const list = await json<Paged<StatementCluster>>('/api/clusters?limit=2');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length > 0 && list.body.items.length <= 2);
    const id = list.body.items[0]!.id;
    const { body } = await json<StatementCluster>(`/api/clusters/${id}`);
    assert.ok(body.reports.length >= 2);
    const dates = body.reports.map((report) => report.publishedAt ?? '');
    assert.deepEqual(dates, [...dates].sort(), 'earliest report first');
    assert.ok(body.drift.length >= 1);
    assertProblem((await json<Problem>('/api/clusters/99999')).body, 404);
  });

  test('a timeline lists the speaker’s statements in time order', async () => {
    const { status, body } = await json<Paged<StatementHit> & { entity: LibraryEntity }>('/api/timeline/Kovalenko?limit=200');
    assert.equal(status, 200);
    assert.equal(body.entity.name, 'Pavel Kovalenko');
    const days = body.items.map((hit) => (hit.statement.time?.said?.value ?? hit.publishedAt ?? '').slice(0, 10));
    assert.deepEqual(days, [...days].sort());
    assertProblem((await json<Problem>('/api/timeline/Nobody')).body, 404);
  });

  test('stats count the library', async () => {
    const { body } = await json<LibraryStats>('/api/stats');
    assert.ok(body.articles >= 10);
    assert.ok(body.statements > body.articles);
  });
});

describe('analyze', () => {
  const TEXT = 'The mayor said on Monday that "the bridge will open in June." Critics denied it.';

  test('returns the analyze contract with spans that slice the posted text, and stores nothing', async () => {
    const before = await json<LibraryStats>('/api/stats');
    const { status, body } = await json<Analysis>('/api/analyze', post(JSON.stringify({ text: TEXT, publishedAt: '2024-05-06', title: 'Bridge' })));
    assert.equal(status, 200);
    assert.equal(body.document.text, TEXT);
    assert.equal(body.document.title, 'Bridge');
    assert.ok(body.statements.length >= 1);
    for (const statement of body.statements) for (const piece of statement.content) assert.equal(TEXT.slice(piece.start, piece.end), piece.text);
    for (const time of body.times) assert.equal(TEXT.slice(time.start, time.end), time.text);
    const afterwards = await json<LibraryStats>('/api/stats');
    assert.deepEqual(afterwards.body, before.body);
  });

  test('reads posted HTML and keeps markup out of the text', async () => {
    const html = `<html><head><title>T</title></head><body><article><p>The minister said "${HOSTILE_SCRIPT} prices will fall" on Friday.</p></article></body></html>`;
    const { status, body } = await json<Analysis>('/api/analyze', post(JSON.stringify({ html })));
    assert.equal(status, 200);
    assert.ok(body.document.text.includes('The minister said'));
    assert.ok(!body.document.text.includes('<p>'));
  });

  test('malformed JSON is 400, a non-JSON body 415, neither text nor html 400, empty text 422', async () => {
    const malformed = await json<Problem>('/api/analyze', post('{"text": '));
    assert.equal(malformed.status, 400);
    assertProblem(malformed.body, 400);
    assert.match(malformed.body.detail, /malformed JSON/u);
    assertProblem((await json<Problem>('/api/analyze', post('text=hello', { 'content-type': 'application/x-www-form-urlencoded' }))).body, 415);
    assertProblem((await json<Problem>('/api/analyze', post(JSON.stringify({ title: 'nothing' })))).body, 400);
    assertProblem((await json<Problem>('/api/analyze', post(JSON.stringify({ text: 'a', html: '<p>b</p>' })))).body, 400);
    assertProblem((await json<Problem>('/api/analyze', post(JSON.stringify({ text: '   ' })))).body, 422);
    assertProblem((await json<Problem>('/api/analyze', post(JSON.stringify({ text: 'x', extra: 1 })))).body, 400);
    assertProblem((await json<Problem>('/api/analyze', post(JSON.stringify([TEXT])))).body, 400);
  });

  test('a body over the limit is 413', async () => {
    const big = JSON.stringify({ text: 'word '.repeat(450_000) });
    assert.ok(big.length > 2 * 1024 * 1024);
    const response = await json<Problem>('/api/analyze', post(big));
    assert.equal(response.status, 413);
    assertProblem(response.body, 413);
    const small = createApp({ library: fixture.library, maxBodyBytes: 100, logError: () => undefined });
    assert.equal((await json<Problem>('/api/analyze', post(JSON.stringify({ text: TEXT.repeat(3) })), small)).status, 413);
  });

  test('storing needs the bearer token when the server has one', async () => {
    const secured = createApp({ library: fixture.library, token: 's3cret-token', logError: () => undefined });
    const text = 'Spokeswoman Lena Park said the depot "will close in August," according to the Harbour Gazette.';
    const body = JSON.stringify({ text, store: true, url: 'https://harbour-gazette.test/depot', publishedAt: '2024-07-01' });
    const missing = await json<Problem>('/api/analyze', post(body), secured);
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    assertProblem(missing.body, 401);
    const wrong = await json<Problem>('/api/analyze', post(body, { 'content-type': 'application/json', authorization: 'Bearer guess' }), secured);
    assert.equal(wrong.status, 401);
    const before = await json<LibraryStats>('/api/stats', undefined, secured);
    const analyzeOnly = await json<Analysis>('/api/analyze', post(JSON.stringify({ text })), secured);
    assert.equal(analyzeOnly.status, 200, 'analysis without storing needs no token');
    const right = await json<Analysis>('/api/analyze', post(body, { 'content-type': 'application/json', authorization: 'Bearer s3cret-token' }), secured);
    assert.equal(right.status, 201);
    const location = right.headers.get('location') ?? '';
    assert.match(location, /^\/api\/articles\/./u);
    const stored = await json<StoredArticleWithAnalysis>(location, undefined, secured);
    assert.equal(stored.status, 200);
    assert.equal(stored.body.analysis.document.text, text);
    const afterwards = await json<LibraryStats>('/api/stats', undefined, secured);
    assert.equal(afterwards.body.articles, before.body.articles + 1);
  });
});

describe('the OpenAPI document and the edges', () => {
  test('lists every route with its parameters, generated from the route table', async () => {
    const { status, body } = await json<{ openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown }>> }>('/api/openapi.json');
    assert.equal(status, 200);
    assert.match(body.openapi, /^3\./u);
    const documented = Object.entries(body.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)).sort();
    const routes = apiRoutes(fixture.library, undefined).map((route) => `${route.method} ${route.path}`);
    assert.deepEqual(documented, [...routes, 'get /api/openapi.json'].sort());
    for (const expected of ['get /api/articles', 'get /api/articles/{id}', 'get /api/statements', 'get /api/entities', 'get /api/entities/{idOrName}', 'get /api/clusters', 'get /api/clusters/{id}', 'get /api/timeline/{idOrName}', 'get /api/stats', 'post /api/analyze']) {
      assert.ok(documented.includes(expected), `${expected} documented`);
    }
    const search = body.paths['/api/statements']?.['get']?.parameters?.map((parameter) => parameter.name) ?? [];
    for (const name of ['q', 'speaker', 'outlet', 'from', 'to', 'stance', 'limit', 'offset']) assert.ok(search.includes(name), `search parameter ${name}`);
    assert.ok(body.paths['/api/analyze']?.['post']?.requestBody !== undefined);
    const text = JSON.stringify(body);
    assert.ok(!text.includes('#/$defs/'), 'analysis schema references rewritten into components');
  });

  test('every documented GET path answers (no route is documented but missing)', async () => {
    const { body } = await json<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    for (const path of Object.keys(body.paths)) {
      if (body.paths[path]?.['get'] === undefined) continue;
      const response = await app.request(path.replace(/\{[^}]+\}/gu, '1'));
      assert.ok(response.status === 200 || response.status === 404, `${path}: ${response.status}`);
      if (response.status === 404) assert.match(((await response.json()) as Problem).detail, /^no such/u, `${path} is routed`);
    }
  });

  test('a wrong method is 405, an unknown path 404, both as problems', async () => {
    const wrong = await json<Problem>('/api/articles', { method: 'DELETE' });
    assertProblem(wrong.body, 405);
    assertProblem((await json<Problem>('/api/nothing-here')).body, 404);
  });

  test('static assets come from the in-memory map only; the page is served with a strict CSP', async () => {
    const page = await app.request('/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<main id="main"/u);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/u);
    const script = await app.request('/assets/js/web/src/main.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/u);
    for (const path of ['/assets/../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/package.json', '/assets/js/../../../../etc/passwd', '/dist/src/web/app.js']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
    }
  });

  test('an unexpected failure is a 500 problem without internals', async () => {
    const logged: unknown[] = [];
    const broken = new Proxy({} as Library, {
      get: () => async () => {
        throw new Error('SQLITE_CORRUPT: secret internal detail at /var/lib/db');
      },
    });
    const failing = createApp({ library: broken, logError: (error) => logged.push(error) });
    const response = await json<Problem>('/api/stats', undefined, failing);
    assert.equal(response.status, 500);
    assert.equal(response.body.status, 500);
    assert.doesNotMatch(JSON.stringify(response.body), /SQLITE|secret|\/var\/lib/u);
    assert.equal(logged.length, 1, 'the real error goes to the server log');
  });
});
