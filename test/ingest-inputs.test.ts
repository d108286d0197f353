import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { listInputs, readInputs, type InputResult, type ReadOptions } from '../src/ingest/index.js';

let root = '';
let server: Server;
let base = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearsay-inputs-'));
  await writeFile(join(root, 'b-second.txt'), 'Second file, the clerk said.');
  await writeFile(join(root, 'a-first.html'), '<html><head><title>First</title></head><body><p>First page.</p></body></html>');
  await writeFile(join(root, 'c-lines.jsonl'), '{"text":"Line one."}\n{"text":"Line two.","publishedAt":"2023-01-02"}\n');
  await writeFile(join(root, 'notes.md'), 'not picked up from a directory');
  await writeFile(join(root, '.hidden.txt'), 'hidden');
  await mkdir(join(root, 'sub'));
  await writeFile(join(root, 'sub', 'inner.htm'), '<p>Inner page.</p>');
  await symlink(root, join(root, 'sub', 'loop')); // a cycle the recursive walk must not follow twice
  await mkdir(join(root, 'empty-dir'));
  server = createServer((request, response) => {
    if (request.url === '/page') response.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><link rel="canonical" href="https://news.example/page"></head><body><p>Served page.</p></body></html>');
    else if (request.url === '/plain') response.writeHead(200, { 'content-type': 'text/plain' }).end('<p>Literal markup in a text file.</p>');
    else if (request.url === '/untyped') response.writeHead(200).end('<!DOCTYPE html><html><body><p>Sniffed as HTML.</p></body></html>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

async function collect(inputs: string[], options: ReadOptions = {}): Promise<InputResult[]> {
  const results: InputResult[] = [];
  for await (const result of readInputs(inputs, options)) results.push(result);
  return results;
}

const describe = (result: InputResult): string => (result.ok ? `${result.document.id}=${result.document.text}` : `error ${result.error.message}`);

test('a directory yields its .txt, .html, .htm and .jsonl files sorted by name', async () => {
  const results = await collect([root]);
  assert.deepEqual(results.map(describe), ['a-first=First page.', 'b-second=Second file, the clerk said.', 'c-lines:1=Line one.', 'c-lines:2=Line two.']);
  assert.deepEqual(results.map((result) => result.input), [join(root, 'a-first.html'), join(root, 'b-second.txt'), `${join(root, 'c-lines.jsonl')}:1`, `${join(root, 'c-lines.jsonl')}:2`]);
});

test('recursive reading descends into sub-directories in name order and ids keep the relative path', async () => {
  const results = await collect([root], { recursive: true });
  assert.deepEqual(results.map(describe), ['a-first=First page.', 'b-second=Second file, the clerk said.', 'c-lines:1=Line one.', 'c-lines:2=Line two.', 'sub/inner=Inner page.']);
});

test('listInputs expands directories without reading and keeps bad inputs in place', async () => {
  const listed = await listInputs([join(root, 'missing.txt'), root, '-', 'https://news.example/a', join(root, 'empty-dir')], { recursive: true });
  assert.deepEqual(
    listed.map((entry) => `${entry.source} ${entry.source === 'file' ? entry.id : entry.input}`),
    [`error ${join(root, 'missing.txt')}`, 'file a-first', 'file b-second', 'file c-lines', 'file sub/inner', 'stdin -', 'url https://news.example/a', `error ${join(root, 'empty-dir')}`],
  );
  const missing = listed[0]!;
  assert.ok(missing.source === 'error' && /no such file or directory/.test(missing.error.message));
});

test('stdin is read once, sniffed, and named "stdin"', async () => {
  const stdin = new PassThrough();
  stdin.end('<p>"Piped," she said.</p>');
  const results = await collect(['-', '-'], { stdin });
  assert.deepEqual(results.map(describe), ['stdin="Piped," she said.', 'error stdin was already read (expected - at most once)']);
  const jsonl = new PassThrough();
  jsonl.end('{"text":"From a pipe."}\n');
  assert.deepEqual((await collect(['-'], { stdin: jsonl })).map(describe), ['stdin:1=From a pipe.']);
});

test('publishedAt fills in only for documents without a date', async () => {
  const results = await collect([join(root, 'c-lines.jsonl'), join(root, 'b-second.txt')], { publishedAt: '2020-05-05' });
  assert.deepEqual(results.map((result) => (result.ok ? result.document.publishedAt : null)), ['2020-05-05', '2023-01-02', '2020-05-05']);
});

test('files with other extensions are sniffed; unreadable inputs are reported and reading goes on', async () => {
  const results = await collect([join(root, 'notes.md'), join(root, 'nope.txt'), join(root, 'empty-dir'), '', 'ftp://x.example/a', join(root, 'b-second.txt')]);
  assert.deepEqual(results.map(describe), [
    'notes.md=not picked up from a directory',
    'error no such file or directory (expected a file, a directory, an http(s) URL or - for stdin)',
    'error no .txt, .html, .htm or .jsonl files in the directory (use recursive to read sub-directories)',
    'error empty path (expected a file, a directory, a URL or -)',
    "error unsupported URL scheme 'ftp:' (expected http or https)",
    'b-second=Second file, the clerk said.',
  ]);
});

test('URLs: Content-Type decides HTML or text, the id is the URL, the url the canonical one', async () => {
  const results = await collect([`${base}/page`, `${base}/plain`, `${base}/untyped`, `${base}/gone`], { allowPrivate: true });
  assert.deepEqual(results.map(describe), [
    `${base}/page=Served page.`,
    `${base}/plain=<p>Literal markup in a text file.</p>`,
    `${base}/untyped=Sniffed as HTML.`,
    'error HTTP 404 Not Found (expected a 2xx response)',
  ]);
  const page = results[0]!;
  assert.ok(page.ok && page.document.url === 'https://news.example/page');
  const plain = results[1]!;
  assert.ok(plain.ok && plain.document.url === `${base}/plain`);
});
