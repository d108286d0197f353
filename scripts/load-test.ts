// A bounded local load test of `hearsay serve` (not a test): a fixed number of requests per endpoint against
// 127.0.0.1 only, printing requests/s, latency percentiles and errors.
// Usage: npm run build && node dist/scripts/load-test.js [--db PATH] [--amount 2000] [--connections 10]
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { readInputs } from '../src/ingest/index.js';
import { openLibrary } from '../src/library/sqlite-library.js';
import type { Library } from '../src/library/types.js';
import type { SourceDocument } from '../src/model/types.js';
import { startServer } from '../src/web/server.js';

/** The part of autocannon's result this script reads (adapter: the package ships no types). */
interface LoadResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly duration: number;
}
type Autocannon = (options: { url: string; amount: number; connections: number; method?: string; headers?: Record<string, string>; body?: string }) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Endpoint {
  readonly name: string;
  readonly path: string;
  readonly method?: 'POST';
  readonly body?: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const index = args.indexOf(`--${name}`);
    return index === -1 ? undefined : args[index + 1];
  };
  const amount = Number(option('amount') ?? '2000');
  const connections = Number(option('connections') ?? '10');
  const given = option('db');
  const directory = given === undefined ? mkdtempSync(join(tmpdir(), 'hearsay-load-')) : null;
  const library = openLibrary(given ?? join(directory!, 'library.db'));
  try {
    if (given === undefined) await fillWithSamples(library);
    const articles = await library.listArticles({ limit: 1 });
    const articleId = articles.items[0]?.id ?? '1';
    const server = await startServer({ library, host: '127.0.0.1', port: 0, logError: (error) => console.error(error) });
    const endpoints: Endpoint[] = [
      { name: 'search (q=rail link)', path: '/api/statements?q=rail%20link&limit=20' },
      { name: 'search (speaker filter)', path: '/api/statements?speaker=Kovalenko&limit=20' },
      { name: `article ${articleId}`, path: `/api/articles/${encodeURIComponent(articleId)}` },
      { name: 'timeline', path: '/api/timeline/Kovalenko' },
      { name: 'web page (/)', path: '/' },
    ];
    console.log(`load test: ${amount} requests per endpoint, ${connections} connections, ${server.url} (${given ?? 'sample collection'})`);
    console.log('endpoint                      req/s    p50 ms   p99 ms   max ms   errors  non-2xx');
    for (const endpoint of endpoints) {
      const result = await autocannon({ url: `${server.url}${endpoint.path}`, amount, connections, ...(endpoint.method === undefined ? {} : { method: endpoint.method, body: endpoint.body ?? '', headers: { 'content-type': 'application/json' } }) });
      const requestsPerSecond = result.requests.total / Math.max(result.duration, 0.001);
      console.log(
        `${endpoint.name.padEnd(28)} ${requestsPerSecond.toFixed(0).padStart(7)} ${result.latency.p50.toFixed(1).padStart(9)} ${result.latency.p99.toFixed(1).padStart(8)} ${result.latency.max.toFixed(1).padStart(8)} ${String(result.errors + result.timeouts).padStart(8)} ${String(result.non2xx).padStart(8)}`,
      );
    }
    await server.close();
  } finally {
    await library.close();
    if (directory !== null) rmSync(directory, { recursive: true, force: true });
  }
}

/** The sample collection, analyzed and stored (what `hearsay ingest samples` does). */
async function fillWithSamples(library: Library): Promise<void> {
  const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
  // As `hearsay ingest samples` reads them: every article file of the folder, in name order.
  const documents: SourceDocument[] = [];
  for await (const result of readInputs([samples], { recursive: true })) {
    if (!result.ok) throw new Error(`sample ${result.input}: ${result.error.message}`);
    documents.push(result.document);
  }
  for (const document of documents) await library.ingest(document, analyzeDocument(document));
}

await main();
