import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { runCli } from '../src/cli/main.js';
import type { Analysis } from '../src/model/types.js';
import { assertAnalysisSpans } from './helpers/spans.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `hearsay analyze ...args` in-process with collected stdout/stderr and an optional stdin. */
async function analyze(args: readonly string[], stdinText?: string): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  stdin.end(stdinText ?? '');
  const code = await runCli(['analyze', ...args], { stdout, stderr, stdin });
  return { code, stdout: out, stderr: err };
}

function assertOneLineErrors(run: Run): void {
  for (const line of run.stderr.split('\n').filter((line) => line.length > 0)) {
    assert.match(line, /^hearsay: \S.*: .+/, `stderr line: ${line}`);
  }
  assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
}

const ARTICLE = [
  '"We will rebuild the bridge before winter," Mayor Lena Fischer said on Tuesday.',
  '',
  'The council\'s finance chair, Omar Haddad, told reporters the repairs would cost about 4 million euros.',
  '',
  'According to the city engineer, the old pillars are sound.',
].join('\r\n');

let root = '';
let server: Server;
let base = '';
const hanging: ServerResponse[] = [];

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearsay-cli-'));
  await writeFile(join(root, 'bridge.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')]));
  await writeFile(join(root, 'page.html'), `<!DOCTYPE html><html><head><title>Ignored | Site</title>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier opens","datePublished":"2024-02-01","author":{"name":"R. Cole"}}</script>
    <link rel="canonical" href="https://harbour.example/pier"></head>
    <body><article><p>"The pier is open," the harbour master said.</p><p>She thanked the workers.</p></article></body></html>`);
  await writeFile(join(root, 'feed.jsonl'), '{"id":"one","text":"\\"Yes,\\" she said."}\n{"text": broken}\n{"text":"He denied it.","publishedAt":"2024-06-01"}\n');
  await writeFile(join(root, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  await writeFile(join(root, 'blank.txt'), ' \r\n ');
  await writeFile(join(root, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('"Ready," the coach said.', 'utf16le')]));
  await mkdir(join(root, 'dir'));
  await writeFile(join(root, 'dir', 'b.txt'), 'Second, the clerk said.');
  await writeFile(join(root, 'dir', 'a.txt'), 'First, the clerk said.');
  server = createServer((request, response) => {
    if (request.url === '/article') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><meta property="article:published_time" content="2024-04-04"></head><body><p>"It works," the engineer said.</p></body></html>');
    else if (request.url === '/loop') response.writeHead(302, { location: '/loop2' }).end();
    else if (request.url === '/loop2') response.writeHead(302, { location: '/loop' }).end();
    else if (request.url === '/slow') hanging.push(response);
    else if (request.url === '/big') response.writeHead(200, { 'content-type': 'text/plain' }).end('z'.repeat(4096));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

test('a .txt file with BOM and CRLF: one JSON object, text minus the BOM, spans into it', async () => {
  const run = await analyze([join(root, 'bridge.txt')]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  const analysis = JSON.parse(run.stdout) as Analysis;
  assert.equal(analysis.document.id, 'bridge');
  assert.equal(analysis.document.text, ARTICLE, 'CRLF kept, BOM dropped');
  assert.equal(analysis.document.publishedAt, null);
  assertAnalysisSpans(analysis);
  for (const statement of analysis.statements) {
    for (const piece of statement.content) assert.equal(ARTICLE.slice(piece.start, piece.end), piece.text);
  }
});

test('a directory gives a JSON array in name order; --format jsonl gives one line per document', async () => {
  const json = await analyze([join(root, 'dir')]);
  assert.equal(json.code, 0, json.stderr);
  const analyses = JSON.parse(json.stdout) as Analysis[];
  assert.deepEqual(analyses.map((analysis) => analysis.document.id), ['a', 'b']);
  analyses.forEach(assertAnalysisSpans);
  const jsonl = await analyze(['--format', 'jsonl', join(root, 'dir'), join(root, 'utf16.txt')]);
  const lines = jsonl.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 3);
  assert.deepEqual(lines.map((line) => (JSON.parse(line) as Analysis).document.text), ['First, the clerk said.', 'Second, the clerk said.', '"Ready," the coach said.']);
});

test('stdin: "-" or no input at all reads it, with id "stdin"', async () => {
  for (const args of [['-'], []]) {
    const run = await analyze(args, '"Enough," the referee said.\n');
    assert.equal(run.code, 0, run.stderr);
    const analysis = JSON.parse(run.stdout) as Analysis;
    assert.equal(analysis.document.id, 'stdin');
    assert.equal(analysis.document.text, '"Enough," the referee said.\n');
    assertAnalysisSpans(analysis);
  }
});

test('HTML: title, canonical URL and date from JSON-LD and links; text from the article', async () => {
  const run = await analyze([join(root, 'page.html')]);
  assert.equal(run.code, 0, run.stderr);
  const analysis = JSON.parse(run.stdout) as Analysis;
  assert.deepEqual(
    { id: analysis.document.id, title: analysis.document.title, url: analysis.document.url, publishedAt: analysis.document.publishedAt, text: analysis.document.text },
    { id: 'page', title: 'Pier opens', url: 'https://harbour.example/pier', publishedAt: '2024-02-01', text: '"The pier is open," the harbour master said.\n\nShe thanked the workers.' },
  );
  assertAnalysisSpans(analysis);
});

test('JSON Lines: a broken line is reported as file:LINE, the good lines still go through, exit 1', async () => {
  const path = join(root, 'feed.jsonl');
  const run = await analyze(['--format', 'jsonl', path]);
  assert.equal(run.code, 1);
  assertOneLineErrors(run);
  assert.match(run.stderr, new RegExp(`^hearsay: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid JSON`));
  assert.equal(run.stderr.trimEnd().split('\n').length, 1);
  const ids = run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as Analysis).document.id);
  assert.deepEqual(ids, ['one', 'feed:3']);
});

test('bad inputs are reported one line each and the rest still runs: binary, empty, missing', async () => {
  const run = await analyze(['--format', 'jsonl', join(root, 'photo.txt'), join(root, 'blank.txt'), join(root, 'missing.txt'), join(root, 'dir', 'a.txt')]);
  assert.equal(run.code, 1);
  assertOneLineErrors(run);
  const errors = run.stderr.trimEnd().split('\n');
  assert.equal(errors.length, 3);
  assert.match(errors[0]!, /photo\.txt: .*expected UTF-8 text/);
  assert.match(errors[1]!, /blank\.txt: empty input/);
  assert.match(errors[2]!, /missing\.txt: no such file or directory/);
  assert.equal(run.stdout.trimEnd().split('\n').length, 1, 'the good file is analyzed');
});

test('--published fills in a missing date only, and must be a real YYYY-MM-DD day', async () => {
  const run = await analyze(['--format', 'jsonl', '--published', '2024-05-05', join(root, 'dir', 'a.txt'), join(root, 'page.html')]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as Analysis).document.publishedAt), ['2024-05-05', '2024-02-01']);
  for (const bad of ['2024-5-5', '05/05/2024', '2024-02-30', 'tomorrow']) {
    const refused = await analyze(['--published', bad, join(root, 'dir', 'a.txt')]);
    assert.equal(refused.code, 2, bad);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^hearsay: --published: '.*' is not a date \(expected YYYY-MM-DD/);
  }
});

test('usage errors exit 2 with one line; --help prints usage and exits 0', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--bogus'], /^hearsay: --bogus: unknown option/],
    [['--format'], /^hearsay: --format: missing value \(expected json, jsonl or text\)/],
    [['--format', 'xml', 'a.txt'], /^hearsay: --format: 'xml' is not a format/],
    [['--timeout-ms', '-5'], /^hearsay: --timeout-ms: '-5' is not a positive integer/],
    [['--max-bytes=0'], /^hearsay: --max-bytes: '0' is not a positive integer/],
    [['--recursive=yes'], /^hearsay: --recursive: takes no value/],
  ];
  for (const [args, pattern] of cases) {
    const run = await analyze(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, pattern);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
  }
  const help = await analyze(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: hearsay analyze/);
  assert.match(help.stdout, /--allow-private-urls/);
});

test('URLs: fetched with --allow-private-urls, refused without it', async () => {
  const allowed = await analyze(['--allow-private-urls', `${base}/article`]);
  assert.equal(allowed.code, 0, allowed.stderr);
  const analysis = JSON.parse(allowed.stdout) as Analysis;
  assert.equal(analysis.document.id, `${base}/article`);
  assert.equal(analysis.document.url, `${base}/article`);
  assert.equal(analysis.document.publishedAt, '2024-04-04');
  assert.equal(analysis.document.text, '"It works," the engineer said.');
  assertAnalysisSpans(analysis);

  const refused = await analyze([`${base}/article`]);
  assert.equal(refused.code, 1);
  assert.equal(refused.stdout, '');
  assertOneLineErrors(refused);
  assert.match(refused.stderr, /refusing to fetch a loopback, private or link-local address: 127\.0\.0\.1/);
});

test('URLs: redirect loop, time limit and size limit are clear errors', async () => {
  const run = await analyze(['--allow-private-urls', '--timeout-ms', '300', '--max-bytes', '1024', `${base}/loop`, `${base}/slow`, `${base}/big`, `${base}/article`, '--format=jsonl']);
  assert.equal(run.code, 1);
  assertOneLineErrors(run);
  const errors = run.stderr.trimEnd().split('\n');
  assert.deepEqual(errors, [
    `hearsay: ${base}/loop: redirect loop at ${base}/loop (expected a redirect to end at a page)`,
    `hearsay: ${base}/slow: timed out after 300 ms (expected a response within the time limit; see --timeout-ms)`,
    `hearsay: ${base}/big: response larger than 1024 bytes (expected at most 1024; see --max-bytes)`,
  ]);
  assert.equal(run.stdout.trimEnd().split('\n').length, 1, 'the good URL is analyzed');
});

test('--format text lists each document title and its statements', async () => {
  const run = await analyze(['--format', 'text', join(root, 'page.html'), join(root, 'bridge.txt')]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^# Pier opens\npage · https:\/\/harbour\.example\/pier · published 2024-02-01\n/);
  assert.match(run.stdout, /\n# bridge\nbridge\n/);
  const analysis = JSON.parse((await analyze([join(root, 'bridge.txt')])).stdout) as Analysis;
  assert.ok(analysis.statements.length > 0, 'the article quotes the mayor');
  for (const statement of analysis.statements) {
    const speaker = statement.speaker?.name ?? statement.source?.text ?? '(unattributed)';
    assert.ok(run.stdout.includes(`${statement.kind} · ${speaker}`), `listing shows ${statement.id}`);
  }
});

test('the bin/hearsay.js executable runs analyze and exits with the status', () => {
  const bin = fileURLToPath(new URL('../../bin/hearsay.js', import.meta.url));
  const ok = spawnSync(process.execPath, [bin, 'analyze', '--format', 'jsonl', '-'], { input: '"Fine," he said.', encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as Analysis).document.text, '"Fine," he said.');
  const bad = spawnSync(process.execPath, [bin, 'analyze', '--nope'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, "hearsay: --nope: unknown option (expected --format, --published, --aliases, --recursive, --allow-private-urls, --timeout-ms, --max-bytes or --help)\n");
});
