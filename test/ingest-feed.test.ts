import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readFeed, readInputs, type InputResult } from '../src/ingest/index.js';
import { HearsayError } from '../src/model/errors.js';

// A full-text item needs more than 500 characters of text; these sentences are written for the test.
const LONG_BODY = Array.from({ length: 12 }, (_, index) => `<p>Paragraph ${index + 1}: the harbour master said the new pier would take ships by autumn.</p>`).join('');

function rss(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbour News</title>
    <link>${base}/</link>
    <item>
      <title>Pier opens &amp; ships arrive</title>
      <link>${base}/pier</link>
      <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
      <description>Teaser only.</description>
      <content:encoded><![CDATA[${LONG_BODY}]]></content:encoded>
    </item>
    <item>
      <title>Council vote</title>
      <link>/council</link>
      <dc:date>2024-03-06</dc:date>
      <description>&lt;p&gt;A short teaser.&lt;/p&gt;</description>
    </item>
    <item>
      <title>No link, short</title>
      <description>Only this sentence, the clerk said.</description>
    </item>
  </channel>
</rss>`;
}

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <entry>
    <title type="text">First entry</title>
    <link rel="self" href="https://atom.example/self/1"/>
    <link rel="alternate" type="text/html" href="https://atom.example/first"/>
    <published>2024-01-10T08:00:00Z</published>
    <updated>2024-01-11T08:00:00Z</updated>
    <content type="html">${LONG_BODY.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content>
  </entry>
  <entry>
    <title>Second entry</title>
    <link href="https://atom.example/second"/>
    <updated>2024-01-12</updated>
    <summary>Just a summary.</summary>
  </entry>
</feed>`;

let server: Server;
let base = '';
let directory = '';

before(async () => {
  server = createServer((request, response) => {
    if (request.url === '/council') response.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Council backs budget</title></head><body><article><p>"The budget passes," the chair said.</p></article></body></html>');
    else if (request.url === '/feed.xml') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  directory = await mkdtemp(join(tmpdir(), 'hearsay-feed-'));
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(directory, { recursive: true, force: true });
});

test('readFeed reads RSS 2.0 items: title, resolved link, date, content and whether it is full', () => {
  const items = readFeed(rss('https://harbour.example'), 'https://harbour.example/feed.xml');
  assert.equal(items.length, 3);
  assert.deepEqual(
    items.map((item) => [item.title, item.link, item.publishedAt, item.full]),
    [
      ['Pier opens & ships arrive', 'https://harbour.example/pier', '2024-03-05T10:00:00.000Z', true],
      ['Council vote', 'https://harbour.example/council', '2024-03-06', false],
      ['No link, short', null, null, false],
    ],
  );
  assert.equal(items[0]!.html, LONG_BODY, 'content:encoded wins over description');
  assert.equal(items[1]!.html, '<p>A short teaser.</p>');
});

test('readFeed reads Atom entries: alternate link, published over updated, typed content', () => {
  const items = readFeed(ATOM, null);
  assert.deepEqual(
    items.map((item) => [item.title, item.link, item.publishedAt, item.full, item.html === null, item.text]),
    [
      ['First entry', 'https://atom.example/first', '2024-01-10T08:00:00Z', true, false, null],
      ['Second entry', 'https://atom.example/second', '2024-01-12', false, true, 'Just a summary.'],
    ],
  );
});

test('readFeed refuses malformed XML and documents that are not feeds', () => {
  const cases: Array<[string, RegExp]> = [
    ['<rss><channel><item><title>open</channel></rss>', /malformed feed: .* at line 1/],
    ['<?xml version="1.0"?><html><body/></html>', /not an RSS 2\.0 or Atom feed/],
    ['<rss version="2.0"><channel><item><title>a & b</title></item></channel></rss>', /malformed feed/],
  ];
  for (const [xml, pattern] of cases) {
    assert.throws(() => readFeed(xml, 'https://f.example/rss'), (error: unknown) => error instanceof HearsayError && pattern.test(error.message) && error.input === 'https://f.example/rss', xml);
  }
});

async function collect(inputs: string[], options: Parameters<typeof readInputs>[1] = {}): Promise<InputResult[]> {
  const results: InputResult[] = [];
  for await (const result of readInputs(inputs, options)) results.push(result);
  return results;
}

test('readInputs reads a feed file: full items directly, teaser items by fetching their link', async () => {
  const path = join(directory, 'harbour.rss');
  await writeFile(path, rss(base));
  const results = await collect([path], { allowPrivate: true });
  assert.equal(results.length, 3);
  const [pier, council, clerk] = results;
  assert.ok(pier?.ok && council?.ok && clerk?.ok, JSON.stringify(results.map((result) => (result.ok ? 'ok' : result.error.message))));
  assert.equal(pier.document.id, `${base}/pier`);
  assert.equal(pier.document.title, 'Pier opens & ships arrive');
  assert.equal(pier.document.publishedAt, '2024-03-05T10:00:00.000Z');
  assert.ok(pier.document.text.startsWith('Paragraph 1: the harbour master said'));
  assert.equal(council.document.title, 'Council backs budget', 'the fetched page names itself');
  assert.equal(council.document.text, '"The budget passes," the chair said.');
  assert.equal(council.document.publishedAt, '2024-03-06', 'the item date fills in for the page');
  assert.equal(clerk.document.text, 'Only this sentence, the clerk said.');
  assert.equal(clerk.document.id, `${path}#3`);
});

test('readInputs guards feed item links like any URL, and reads feeds served over HTTP', async () => {
  const path = join(directory, 'guarded.xml');
  await writeFile(path, rss(base));
  const guarded = await collect([path]);
  assert.deepEqual(guarded.map((result) => result.ok), [true, false, true]);
  const refused = guarded[1]!;
  assert.ok(!refused.ok && refused.input === `${base}/council` && /refusing to fetch/.test(refused.error.message));

  const served = await collect([`${base}/feed.xml`], { allowPrivate: true });
  assert.deepEqual(served.map((result) => (result.ok ? result.document.title : result.error.message)), ['Pier opens & ships arrive', 'Council backs budget', 'No link, short']);
});

test('readInputs reports a malformed feed file and an empty feed', async () => {
  const broken = join(directory, 'broken.xml');
  await writeFile(broken, '<rss><channel><item></channel>');
  const empty = join(directory, 'empty.atom');
  await writeFile(empty, '<feed xmlns="http://www.w3.org/2005/Atom"><title>none</title></feed>');
  const results = await collect([broken, empty]);
  assert.deepEqual(results.map((result) => [result.input, result.ok ? 'ok' : /malformed feed|no items/.exec(result.error.message)?.[0]]), [[broken, 'malformed feed'], [empty, 'no items']]);
});
