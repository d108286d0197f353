import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeDate, readHtml } from '../src/ingest/index.js';
import { HearsayError } from '../src/model/errors.js';

const ARTICLE = `<!DOCTYPE html>
<html lang="en"><head>
  <title>Bridge will reopen, mayor says | The Riverside Courier</title>
  <meta property="og:title" content="Bridge will reopen, mayor says">
  <meta property="og:url" content="https://courier.example/news/bridge-og">
  <link rel="canonical" href="/news/bridge">
  <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
  <meta name="author" content="Dana Okafor">
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article>
    <h1>Bridge will reopen, mayor says</h1>
    <p>The old river bridge will reopen in May, Mayor Lena Fischer said on Tuesday.</p>
    <p>&ldquo;We owe the commuters a crossing that is safe,&rdquo; Fischer told reporters at
       city hall. &ldquo;The repairs are <em>nearly</em> done.&rdquo;</p>
    <p>The council&rsquo;s finance chair, Omar Haddad, said the work had cost
       &euro;4.2&nbsp;million, more than planned.<br>He called the overrun &quot;regrettable&quot;.</p>
    <blockquote>It was a long winter for everyone.</blockquote>
    <ul><li>Opening: May 2</li><li>Lanes: two</li></ul>
  </article>
  <footer>Copyright The Riverside Courier</footer>
</body></html>`;

test('readHtml extracts the article text with paragraph breaks and decoded entities', () => {
  const document = readHtml(ARTICLE, { id: 'bridge', url: 'https://courier.example/news/bridge?utm=1' });
  const paragraphs = document.text.split('\n\n');
  assert.ok(paragraphs.includes('The old river bridge will reopen in May, Mayor Lena Fischer said on Tuesday.'), document.text);
  assert.ok(paragraphs.includes('“We owe the commuters a crossing that is safe,” Fischer told reporters at city hall. “The repairs are nearly done.”'));
  assert.ok(document.text.includes('€4.2\u00a0million, more than planned.\nHe called the overrun "regrettable".'), 'br becomes one line break, nbsp is kept');
  assert.ok(paragraphs.includes('It was a long winter for everyone.'));
  assert.ok(paragraphs.includes('Opening: May 2') && paragraphs.includes('Lanes: two'), 'list items are blocks');
  assert.ok(!document.text.includes('Home') && !document.text.includes('Copyright'), 'navigation and footer are not article text');
  assert.ok(!/ {2}|^\s|\s$/.test(document.text), 'white space is collapsed and trimmed');
});

test('readHtml reads title, byline, canonical URL and publication date from meta tags', () => {
  const document = readHtml(ARTICLE, { id: 'bridge', url: 'https://courier.example/news/bridge?utm=1' });
  assert.equal(document.id, 'bridge');
  assert.equal(document.title, 'Bridge will reopen, mayor says');
  assert.equal(document.byline, 'Dana Okafor');
  assert.equal(document.url, 'https://courier.example/news/bridge', 'link rel=canonical, resolved against the page URL');
  assert.equal(document.publishedAt, '2024-03-05T09:30:00+01:00');
});

test('readHtml prefers JSON-LD headline, author and datePublished, and survives broken JSON-LD', () => {
  const html = `<html><head><title>Site title</title>
    <script type="application/ld+json">{ broken</script>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Courier"},
      {"@type":["NewsArticle"],"headline":"Port strike ends","datePublished":"2023-11-20",
       "author":[{"@type":"Person","name":"Ines Duarte"},{"@type":"Person","name":"Tom Berg"}],
       "mainEntityOfPage":{"@id":"https://courier.example/port"}}]}</script>
  </head><body><article><p>The strike is over, the union said.</p></article></body></html>`;
  const document = readHtml(html, { id: 'port' });
  assert.equal(document.title, 'Port strike ends');
  assert.equal(document.byline, 'Ines Duarte, Tom Berg');
  assert.equal(document.publishedAt, '2023-11-20');
  assert.equal(document.url, 'https://courier.example/port');
  assert.equal(document.text, 'The strike is over, the union said.');
});

test('readHtml finds the date in other meta names and in <time datetime>', () => {
  const cases: Array<{ head: string; body?: string; expected: string | null }> = [
    { head: '<meta name="dc.date" content="2022-06-01">', expected: '2022-06-01' },
    { head: '<meta name="date" content="2022-06-02T08:00:00Z">', expected: '2022-06-02T08:00:00Z' },
    { head: '<meta name="pubdate" content="2022-06-03 10:15">', expected: '2022-06-03T10:15' },
    { head: '<meta property="og:published_time" content="2022-06-04">', expected: '2022-06-04' },
    { head: '<meta name="date" content="not a date">', expected: null },
    { head: '', body: '<p>Posted <time datetime="2022-06-05T12:00:00Z">June 5</time>.</p>', expected: '2022-06-05T12:00:00Z' },
    { head: '<meta name="date" content="2022-02-30">', expected: null },
  ];
  for (const { head, body, expected } of cases) {
    const document = readHtml(`<html><head>${head}</head><body>${body ?? ''}<p>The minister said the talks had failed.</p></body></html>`, { id: 'd' });
    assert.equal(document.publishedAt, expected, head || body);
  }
});

test('readHtml reads fragments, falls back to the body, and refuses pages without text', () => {
  const fragment = readHtml('<p>"No comment," he said.</p><p>Then he left.</p>', { id: 'frag' });
  assert.equal(fragment.text, '"No comment," he said.\n\nThen he left.');
  assert.equal(fragment.title, null);
  assert.equal(fragment.url, null);
  const pre = readHtml('<pre>line one\n  indented\n\nafter blank</pre>', { id: 'pre' });
  assert.equal(pre.text, 'line one\n  indented\n\nafter blank');
  for (const empty of ['<html><body></body></html>', '<html><body><script>var said = "x";</script><style>p{}</style></body></html>', '   ']) {
    assert.throws(() => readHtml(empty, { id: 'e.html' }), (error: unknown) => error instanceof HearsayError && error.input === 'e.html' && /empty input/.test(error.message), empty);
  }
});

test('normalizeDate keeps ISO dates, converts RFC 822, rejects the rest', () => {
  const cases: Array<[unknown, string | null]> = [
    ['2024-03-05', '2024-03-05'],
    [' 2024-03-05T10:00:00Z ', '2024-03-05T10:00:00Z'],
    ['2024-03-05T10:00:00.123+0100', '2024-03-05T10:00:00.123+0100'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
    ['2024-13-01', null],
    ['yesterday', null],
    ['', null],
    [20240305, null],
    [null, null],
  ];
  for (const [value, expected] of cases) assert.equal(normalizeDate(value), expected, String(value));
});
