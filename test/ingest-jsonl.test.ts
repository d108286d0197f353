import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readJsonLine, readJsonLines, type InputResult } from '../src/ingest/index.js';

test('readJsonLines reads each line as a document and reports broken lines as file:LINE', () => {
  const content = [
    '{"id":"a1","text":"\\"We are ready,\\" the coach said.","title":"Coach","url":"https://x.example/a1","publishedAt":"2024-04-01"}',
    '{"text": "no id here"',
    '',
    '{"html":"<p>First.</p><p>Second.</p>","title":"From HTML"}',
    '[1,2]',
    '{"id":7,"text":"Numeric id."}',
    '{"title":"no body"}',
    '{"text":"   "}',
    '{"text":"x","publishedAt":"March"}',
    '{"text":42}',
    '{"text":"Windows line."}\r',
  ].join('\n');
  const results: InputResult[] = [...readJsonLines(content, 'news.jsonl', 'news')];
  const summary = results.map((result) => (result.ok ? `ok ${result.input} ${result.document.id}` : `error ${result.input}`));
  assert.deepEqual(summary, [
    'ok news.jsonl:1 a1',
    'error news.jsonl:2',
    'ok news.jsonl:4 news:4',
    'error news.jsonl:5',
    'ok news.jsonl:6 7',
    'error news.jsonl:7',
    'error news.jsonl:8',
    'error news.jsonl:9',
    'error news.jsonl:10',
    'ok news.jsonl:11 news:11',
  ]);
  const first = results[0]!;
  assert.ok(first.ok);
  assert.deepEqual(first.document, { id: 'a1', text: '"We are ready," the coach said.', title: 'Coach', url: 'https://x.example/a1', publishedAt: '2024-04-01' });
  const html = results[2]!;
  assert.ok(html.ok);
  assert.equal(html.document.text, 'First.\n\nSecond.');
  assert.equal(html.document.title, 'From HTML');
  const messages = results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.message));
  assert.match(messages[0]!, /invalid JSON .*expected one JSON object per line/);
  assert.match(messages[1]!, /expected a JSON object/);
  assert.match(messages[2]!, /missing "text" or "html"/);
  assert.match(messages[3]!, /empty input/);
  assert.match(messages[4]!, /"publishedAt" is 'March' \(expected an ISO date/);
  assert.match(messages[5]!, /"text" is number \(expected a string\)/);
});

test('readJsonLines reports a file with no records as empty input', () => {
  const results = [...readJsonLines('\n  \n', 'blank.jsonl', 'blank')];
  assert.equal(results.length, 1);
  assert.ok(!results[0]!.ok && /empty input/.test(results[0]!.error.message));
});

test('readJsonLine prefers text over html and keeps the text exactly', () => {
  const document = readJsonLine('{"text":"  Keep  spacing. ","html":"<p>ignored</p>"}', 'f.jsonl:1', 'f:1');
  assert.equal(document.text, '  Keep  spacing. ');
  assert.equal(document.id, 'f:1');
});
