// Robustness report: runs hostile inputs, linearity ratios and (with --faults) kill/concurrency faults, and prints a
// table per section (input, result, time). Not a test: it reports what happens, it asserts nothing.
//
//   npx tsc -p tsconfig.json && node dist/scripts/robustness-report.js [--big] [--faults] [--json]
//
// --big adds the 50 MB text and the 20 MB single line (about two minutes and 3.5 GB of memory); --faults adds SIGKILL
// rounds and two concurrent ingests (spawns bin/hearsay.js, which runs dist).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { findClaims } from '../src/extract/claims.js';
import { findEntities } from '../src/extract/entities.js';
import { extractFeatures } from '../src/extract/features.js';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { findQuotations } from '../src/extract/quotations.js';
import { findRelays } from '../src/extract/relays.js';
import { assembleStatements } from '../src/extract/statements.js';
import { labelsToSpans, loadDefaultModel, tagTokens } from '../src/extract/tagger.js';
import { findTimes } from '../src/extract/times.js';
import { tokenize } from '../src/text/tokenize.js';
import { PATHOLOGICAL, article, articleOfLength, documentOf, loopbackServer, randomSource, runHearsay, scaling, type CliRun } from '../test/helpers/robustness.js';

interface Row {
  readonly section: string;
  readonly input: string;
  readonly result: string;
  readonly ms: number;
}

const rows: Row[] = [];
const args = new Set(process.argv.slice(2));

function summarize(run: CliRun): string {
  if (run.thrown !== undefined) return `CRASH: ${String(run.thrown instanceof Error ? run.thrown.message : run.thrown).slice(0, 80)}`;
  const firstError = run.stderr.split('\n').find((line) => line.startsWith('hearsay: '));
  const stack = /\n\s+at \S/u.test(run.stderr) ? ' [STACK TRACE]' : '';
  if (run.code === 0) {
    const diagnostics = run.stdout.match(/"ruleId":"([a-z-]+)"/gu) ?? [];
    const unique = [...new Set(diagnostics.map((match) => match.slice(10, -1)))];
    return `exit 0, ${run.stdoutBytes} bytes out${unique.length > 0 ? `, diagnostics: ${unique.slice(0, 3).join(', ')}` : ''}${stack}`;
  }
  return `exit ${run.code}: ${(firstError ?? run.stderr).replace(/^hearsay: [^:]*(?::\d+)?: /u, '').slice(0, 90)}${stack}`;
}

async function cli(section: string, input: string, argv: readonly string[], keepStdout = true): Promise<void> {
  const started = performance.now();
  const run = await runHearsay(argv, { keepStdout });
  rows.push({ section, input, result: summarize(run), ms: performance.now() - started });
}

async function inputs(root: string): Promise<void> {
  const write = async (name: string, content: string | Buffer): Promise<string> => {
    const path = join(root, name);
    await writeFile(path, content);
    return path;
  };
  const random = randomSource(1);
  const text = '\u201cWe are ready,\u201d Mayor Lena Fischer said on Tuesday.';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le).swap16();
  const files: Array<[string, string | Buffer]> = [
    ['empty.txt', ''],
    ['whitespace.txt', ' \n\t\u00a0\u3000 \n'],
    ['binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff])],
    ['invalid-utf8.txt', Buffer.from([0x48, 0xc3, 0x28, 0xa0, 0xa1])],
    ['utf16le-bom.txt', le],
    ['utf16be-bom.txt', be],
    ['unterminated-100k.txt', `Kovalenko said: \u201c${'and the work goes on '.repeat(5000)}`],
    ['quotes-10k.txt', '"'.repeat(10_000)],
    ['curly-quotes-10k.txt', '\u201c'.repeat(10_000)],
    ['nested-div-10k.html', `<html><body>${'<div>'.repeat(10_000)}<p>\u201cIt holds,\u201d the engineer said.</p>${'</div>'.repeat(10_000)}</body></html>`],
    ['nested-div-1k.html', `<html><body>${'<div>'.repeat(1_000)}<p>\u201cIt holds,\u201d the engineer said.</p>${'</div>'.repeat(1_000)}</body></html>`],
    ['unclosed-10k.html', `<html><body>${'<div><b>'.repeat(10_000)}\u201cIt holds,\u201d the engineer said.</body></html>`],
    ['scripts.html', '<html><body><p onclick="SECRET()">\u201cFine,\u201d she said.</p><script>SECRET</script><img onerror="SECRET"></body></html>'],
    ['malformed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Open'],
    ['not-a-feed.xml', '<?xml version="1.0"?><html/>'],
    ['broken.jsonl', `${JSON.stringify({ text: '\u201cOne,\u201d she said.' })}\n{"text": broken\n${JSON.stringify({ text: 'Two, he said.' })}\n`],
    ['article.txt', article(random, 20)],
  ];
  for (const [name, content] of files) await cli('inputs', name, ['analyze', '--format', 'jsonl', await write(name, content)]);

  if (args.has('--big')) {
    const line = articleOfLength(randomSource(20), 20_000_000).replace(/\n+/gu, ' ');
    await cli('inputs', 'single-line-20MB.txt', ['analyze', '--format', 'jsonl', await write('line.txt', line)], false);
    const big = articleOfLength(randomSource(50), 50_000_000);
    await cli('inputs', 'text-50MB.txt', ['analyze', '--format', 'jsonl', await write('big.txt', big)], false);
  }

  // Network: a silent TCP server, a closed port, loops, a gzip bomb; then the address guard.
  const sockets = new Set<Socket>();
  const silent = createTcpServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as { port: number }).port;
  const { gzipSync } = await import('node:zlib');
  const server = await loopbackServer({
    '/loop-a': (_request, response) => response.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_request, response) => response.writeHead(302, { location: '/loop-a' }).end(),
    '/bomb': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x61))),
  });
  const allow = ['analyze', '--allow-private-urls', '--timeout-ms', '500', '--max-bytes', '1000000'];
  await cli('network', 'silent server (--timeout-ms 500)', [...allow, `http://127.0.0.1:${silentPort}/`]);
  await cli('network', 'redirect loop', [...allow, `${server.base}/loop-a`]);
  await cli('network', 'gzip bomb 64 MB (--max-bytes 1e6)', [...allow, `${server.base}/bomb`]);
  for (const host of ['localhost', '127.0.0.1', '2130706433', '0x7f.1', '0177.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[::127.0.0.1]', '0.0.0.0', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '[fc00::1]', '[fe80::1]']) {
    await cli('url guard', `http://${host}:${server.port}/`, ['analyze', `http://${host}:${server.port}/`]);
  }
  rows.push({ section: 'url guard', input: 'requests that reached the loopback server', result: String(server.hits() - 3), ms: 0 });
  for (const socket of sockets) socket.destroy();
  silent.close();
  await server.close();

  // Search syntax.
  const directory = join(root, 'search');
  await mkdir(directory);
  for (let index = 0; index < 5; index++) await writeFile(join(directory, `a${index}.txt`), article(random, 5));
  const db = join(root, 'search.db');
  await cli('search', 'ingest 5 articles', ['ingest', directory, '--db', db]);
  for (const query of ['"unbalanced', 'AND', 'NEAR(', 'content:bridge', '*', '-', "'; DROP TABLE articles; --", '((((bridge', 'x'.repeat(10_000)]) {
    await cli('search', `search ${JSON.stringify(query.slice(0, 30))}`, ['search', query, '--db', db, '--limit', '3']);
  }
}

function linearity(): void {
  const quotationSpans = (text: string): Array<{ start: number; end: number; text: string }> =>
    findQuotations(tokenize(text)).quotations.map((quotation) => ({ start: quotation.start, end: quotation.end, text: text.slice(quotation.start, quotation.end) }));
  const stages: Record<string, (text: string) => () => unknown> = {
    tokenize: (text) => () => tokenize(text),
    findQuotations: (text) => {
      const tokens = tokenize(text);
      return () => findQuotations(tokens);
    },
    findEntities: (text) => {
      const tokens = tokenize(text);
      const quotations = quotationSpans(text);
      return () => findEntities({ text, tokens, quotations });
    },
    findTimes: (text) => {
      const tokens = tokenize(text);
      const quotations = quotationSpans(text);
      return () => findTimes({ text, tokens, publishedAt: '2024-05-01', quotations });
    },
    findClaims: (text) => {
      const tokens = tokenize(text);
      const analysis = analyzeDocument(documentOf(text));
      return () => findClaims({ text, tokens, statements: analysis.statements, times: analysis.times });
    },
    analyzeDocument: (text) => () => analyzeDocument(documentOf(text)),
  };
  for (const [stage, prepare] of Object.entries(stages)) {
    let worst = { family: '', ratio: 0, small: 0, large: 0, n: 0 };
    for (const [family, make] of Object.entries(PATHOLOGICAL)) {
      let cached: { text: string; call: () => unknown } | null = null;
      const result = scaling(make, (text) => {
        if (cached?.text !== text) cached = { text, call: prepare(text) };
        return cached.call();
      }, 20_000);
      if (result.ratio > worst.ratio) worst = { family, ...result };
    }
    rows.push({ section: 'linearity 4n/n', input: `${stage} (worst: ${worst.family})`, result: `ratio ${worst.ratio.toFixed(1)} (n=${worst.n}: ${worst.small.toFixed(1)} ms → ${worst.large.toFixed(1)} ms)`, ms: 0 });
  }
  // findRelays on long articles (a known quadratic stage, see docs/robustness.md).
  let cached: { text: string; call: () => unknown } | null = null;
  const relays = scaling((n) => articleOfLength(randomSource(5), n), (text) => {
    if (cached?.text !== text) {
      const tokens = tokenize(text);
      const quotations = findQuotations(tokens);
      const drafts = assembleStatements({ tokens, spans: labelsToSpans(tagTokens(loadDefaultModel(), tokens, extractFeatures(tokens, quotations))), quotations });
      cached = { text, call: () => findRelays({ tokens, drafts, quotations }) };
    }
    return cached.call();
  }, 250_000);
  rows.push({ section: 'linearity 4n/n', input: 'findRelays (generated articles)', result: `ratio ${relays.ratio.toFixed(1)} (n=${relays.n}: ${relays.small.toFixed(0)} ms → ${relays.large.toFixed(0)} ms)`, ms: 0 });
}

async function faults(root: string): Promise<void> {
  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'hearsay.js');
  const directory = join(root, 'faults');
  await mkdir(directory);
  const random = randomSource(3);
  for (let index = 0; index < 200; index++) await writeFile(join(directory, `a${String(index).padStart(3, '0')}.txt`), `Report ${index}: ${article(random, 3)}`);
  const ingest = (db: string, kill: number | null): Promise<string> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, 'ingest', directory, '--db', db], { stdio: 'ignore' });
      const timer = kill === null ? null : setTimeout(() => child.kill('SIGKILL'), kill);
      child.on('close', (code, signal) => {
        if (timer !== null) clearTimeout(timer);
        resolve(signal ?? `exit ${code}`);
      });
    });
  const db = join(root, 'faults.db');
  for (let round = 0; round < 6; round++) {
    const delay = 150 + Math.floor(random() * 2500);
    const started = performance.now();
    rows.push({ section: 'faults', input: `ingest 200, SIGKILL after ${delay} ms`, result: await ingest(db, delay), ms: performance.now() - started });
  }
  const started = performance.now();
  const final = await ingest(db, null);
  const database = new Database(db, { readonly: true });
  const integrity = database.pragma('integrity_check', { simple: true });
  const counts = database.prepare('SELECT COUNT(*) AS articles, COUNT(DISTINCT document_id) AS distinctIds, SUM(statement_count != (SELECT COUNT(*) FROM statements s WHERE s.article_id = articles.id)) AS half FROM articles').get() as { articles: number; distinctIds: number; half: number };
  database.close();
  rows.push({ section: 'faults', input: 'final run to completion', result: `${final}; integrity ${String(integrity)}; ${counts.articles} articles, ${counts.distinctIds} distinct, ${counts.half} half-stored`, ms: performance.now() - started });
  const concurrent = join(root, 'concurrent.db');
  const both = performance.now();
  const results = await Promise.all([ingest(concurrent, null), ingest(concurrent, null)]);
  const check = new Database(concurrent, { readonly: true });
  const stored = check.prepare('SELECT COUNT(*) AS articles, COUNT(DISTINCT document_id) AS distinctIds FROM articles').get() as { articles: number; distinctIds: number };
  check.close();
  rows.push({ section: 'faults', input: 'two concurrent ingests of the same 200', result: `${results.join(', ')}; ${stored.articles} articles, ${stored.distinctIds} distinct`, ms: performance.now() - both });
}

function print(): void {
  if (args.has('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const width = Math.min(60, Math.max(...rows.map((row) => row.input.length)));
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      process.stdout.write(`\n## ${section}\n${'input'.padEnd(width)}  ${'time'.padStart(9)}  result\n`);
    }
    const time = row.ms === 0 ? '' : `${row.ms.toFixed(0)} ms`;
    process.stdout.write(`${row.input.slice(0, width).padEnd(width)}  ${time.padStart(9)}  ${row.result}\n`);
  }
}

const root = await mkdtemp(join(tmpdir(), 'hearsay-report-'));
try {
  await inputs(root);
  linearity();
  if (args.has('--faults')) await faults(root);
} finally {
  await rm(root, { recursive: true, force: true });
}
print();
