import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { test } from 'node:test';
import { runCli, type CliIo } from '../src/cli/main.js';
import { runServe } from '../src/cli/commands/serve.js';
import { isLoopbackHost } from '../src/web/server.js';

function capture(): { io: CliIo; stdout: () => string; stderr: () => string; lines: (listener: (text: string) => void) => void } {
  let out = '';
  let err = '';
  const listeners: Array<(text: string) => void> = [];
  const io: CliIo = {
    stdout: new Writable({ write: (chunk, _encoding, done) => ((out += String(chunk)), done()) }),
    stderr: new Writable({
      write: (chunk, _encoding, done) => {
        err += String(chunk);
        for (const listener of listeners) listener(err);
        done();
      },
    }),
    stdin: new PassThrough(),
  };
  return { io, stdout: () => out, stderr: () => err, lines: (listener) => listeners.push(listener) };
}

test('loopback hosts are recognized', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.org', '128.0.0.1']) assert.equal(isLoopbackHost(host), false, host);
});

test('serve refuses a non-loopback host without a token, and a bad port, as usage errors', async () => {
  const previous = process.env['HEARSAY_TOKEN'];
  delete process.env['HEARSAY_TOKEN'];
  try {
    const open = capture();
    assert.equal(await runCli(['serve', '--host', '0.0.0.0', '--db', '/nonexistent/never-created.db'], open.io), 2);
    assert.match(open.stderr(), /refusing to listen on non-loopback host 0\.0\.0\.0 without --token/u);
    const port = capture();
    assert.equal(await runCli(['serve', '--port', '70000'], port.io), 2);
    assert.match(port.stderr(), /not a port/u);
    const unknown = capture();
    assert.equal(await runCli(['serve', '--verbose'], unknown.io), 2);
    assert.match(unknown.stderr(), /--verbose/u);
  } finally {
    if (previous !== undefined) process.env['HEARSAY_TOKEN'] = previous;
  }
});

test('serve listens on 127.0.0.1 by default, answers the API, and stops cleanly', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'hearsay-serve-'));
  const output = capture();
  const stop = new AbortController();
  const address = new Promise<string>((resolve) => output.lines((text) => {
    const match = /(http:\/\/[^\s/]+)\//u.exec(text);
    if (match?.[1] !== undefined) resolve(match[1]);
  }));
  const running = runServe(['--port', '0', '--db', join(directory, 'library.db'), '--token', 'tok'], output.io, stop.signal);
  try {
    const url = await address;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/u);
    const stats = await fetch(`${url}/api/stats`);
    assert.equal(stats.status, 200);
    assert.equal(((await stats.json()) as { articles: number }).articles, 0);
    const refused = await fetch(`${url}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'The mayor said "yes."', store: true }) });
    assert.equal(refused.status, 401, 'the token from --token protects writes');
    assert.match(output.stderr(), /writes need the bearer token/u);
  } finally {
    stop.abort();
    assert.equal(await running, 0);
    rmSync(directory, { recursive: true, force: true });
  }
});
