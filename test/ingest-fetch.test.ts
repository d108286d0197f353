import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { fetchUrl, isBlockedAddress } from '../src/ingest/index.js';
import { HearsayError } from '../src/model/errors.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base = '';
const hanging = new Set<ServerResponse>();

before(async () => {
  server = createServer((request, response) => {
    const handler = routes.get(request.url ?? '');
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set('/article', (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>“Fine,” she said.</p>'));
  routes.set('/latin1', (_request, response) => response.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9])));
  routes.set('/meta-charset', (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from([0x93, 0x48, 0x69, 0x94]), Buffer.from('</p>')])));
  routes.set('/gzip', (_request, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('compressed words')));
  routes.set('/hop1', (_request, response) => response.writeHead(302, { location: '/hop2' }).end());
  routes.set('/hop2', (_request, response) => response.writeHead(301, { location: `${base}/article` }).end());
  routes.set('/loop-a', (_request, response) => response.writeHead(302, { location: '/loop-b' }).end());
  routes.set('/loop-b', (_request, response) => response.writeHead(302, { location: '/loop-a' }).end());
  for (let step = 0; step < 8; step++) routes.set(`/chain${step}`, (_request, response) => response.writeHead(302, { location: `/chain${step + 1}` }).end());
  routes.set('/chain8', (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('end of chain'));
  routes.set('/hang', (_request, response) => void hanging.add(response));
  routes.set('/big-declared', (_request, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' }).end('x'.repeat(5000)));
  routes.set('/big-chunked', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    for (let chunk = 0; chunk < 10; chunk++) response.write('y'.repeat(1000));
    response.end();
  });
  routes.set('/image', (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])));
  routes.set('/binary', (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x61, 0x00, 0x62])));
  routes.set('/to-ftp', (_request, response) => response.writeHead(302, { location: 'ftp://127.0.0.1/file' }).end());
});

after(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const allow = { allowPrivate: true } as const;

async function rejectsWith(url: string, options: Parameters<typeof fetchUrl>[1], pattern: RegExp): Promise<void> {
  await assert.rejects(fetchUrl(url, options), (error: unknown) => {
    assert.ok(error instanceof HearsayError, `expected a HearsayError, got ${String(error)}`);
    assert.equal(error.input, url);
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes('\n'), 'one line');
    return true;
  });
}

test('fetchUrl fetches a page and reports its Content-Type and final URL after redirects', async () => {
  const direct = await fetchUrl(`${base}/article`, allow);
  assert.equal(direct.body, '<p>“Fine,” she said.</p>');
  assert.equal(direct.contentType, 'text/html; charset=utf-8');
  const redirected = await fetchUrl(`${base}/hop1`, allow);
  assert.equal(redirected.finalUrl, `${base}/article`);
  assert.equal(redirected.body, direct.body);
});

test('fetchUrl decodes charsets and compressed bodies', async () => {
  assert.equal((await fetchUrl(`${base}/latin1`, allow)).body, 'café');
  assert.equal((await fetchUrl(`${base}/meta-charset`, allow)).body.includes('“Hi”'), true);
  assert.equal((await fetchUrl(`${base}/gzip`, allow)).body, 'compressed words');
});

test('fetchUrl refuses private addresses unless allowed (SSRF guard)', async () => {
  await rejectsWith(`${base}/article`, {}, /refusing to fetch a loopback, private or link-local address: 127\.0\.0\.1.*--allow-private-urls/);
  await rejectsWith('http://localhost:9/x', {}, /refusing to fetch .*localhost/);
  await rejectsWith('http://[::1]:9/x', {}, /refusing to fetch/);
  await rejectsWith('http://169.254.169.254/latest/meta-data', {}, /refusing to fetch/);
  await rejectsWith('http://10.0.0.8/x', {}, /refusing to fetch/);
});

test('fetchUrl reports redirect loops, too many redirects and redirects to other schemes', async () => {
  await rejectsWith(`${base}/loop-a`, allow, /redirect loop at .*\/loop-a/);
  await rejectsWith(`${base}/chain0`, allow, /too many redirects \(more than 5/);
  assert.equal((await fetchUrl(`${base}/chain0`, { ...allow, maxRedirects: 8 })).body, 'end of chain');
  await rejectsWith(`${base}/to-ftp`, allow, /unsupported URL scheme 'ftp:'/);
});

test('fetchUrl enforces the time limit and the size limit', async () => {
  await rejectsWith(`${base}/hang`, { ...allow, timeoutMs: 200 }, /timed out after 200 ms/);
  await rejectsWith(`${base}/big-declared`, { ...allow, maxBytes: 1000 }, /larger than 1000 bytes/);
  await rejectsWith(`${base}/big-chunked`, { ...allow, maxBytes: 2500 }, /larger than 2500 bytes/);
  assert.equal((await fetchUrl(`${base}/big-chunked`, { ...allow, maxBytes: 10_000 })).body.length, 10_000);
});

test('fetchUrl reports HTTP errors, binary bodies, bad schemes and unreachable hosts', async () => {
  await rejectsWith(`${base}/missing`, allow, /HTTP 404 Not Found \(expected a 2xx response\)/);
  await rejectsWith(`${base}/image`, allow, /unsupported Content-Type 'image\/png'/);
  await rejectsWith(`${base}/binary`, allow, /expected UTF-8 text/);
  await rejectsWith('file:///etc/passwd', allow, /unsupported URL scheme 'file:'/);
  await rejectsWith('http://', allow, /not a valid URL/);
  await rejectsWith('http://127.0.0.1:1/closed', allow, /fetch failed: ECONNREFUSED/);
});

test('isBlockedAddress covers loopback, private, link-local, unspecified and mapped addresses', () => {
  const cases: Array<[string, boolean]> = [
    ['127.0.0.1', true], ['127.255.0.9', true], ['10.20.30.40', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['172.32.0.1', false], ['192.168.0.10', true], ['169.254.169.254', true], ['0.0.0.0', true], ['224.0.0.1', true],
    ['8.8.8.8', false], ['93.184.216.34', false], ['::1', true], ['::', true], ['fc00::1', true], ['fd12:3456::1', true],
    ['fe80::1', true], ['fe80::1%eth0', true], ['::ffff:127.0.0.1', true], ['::ffff:c0a8:0101', true], ['::ffff:8.8.8.8', false],
    ['2001:4860:4860::8888', false],
  ];
  for (const [address, blocked] of cases) assert.equal(isBlockedAddress(address), blocked, address);
  assert.throws(() => isBlockedAddress('example.com'), TypeError);
});
