import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText, readPlainText, sniffKind, kindFromName, looksLikeFeed } from '../src/ingest/index.js';
import { HearsayError } from '../src/model/errors.js';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Uint8Array => {
  const little = Buffer.from(text, 'utf16le');
  const big = Buffer.alloc(little.length);
  for (let index = 0; index < little.length; index += 2) {
    big[index] = little[index + 1]!;
    big[index + 1] = little[index]!;
  }
  return new Uint8Array([0xfe, 0xff, ...big]);
};

test('decodeText returns the content minus a BOM, keeping CRLF and astral characters', () => {
  const cases: Array<{ name: string; bytes: Uint8Array; expected: string }> = [
    { name: 'plain UTF-8', bytes: utf8('She said "yes".'), expected: 'She said "yes".' },
    { name: 'UTF-8 BOM dropped', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hi.')]), expected: 'Hi.' },
    { name: 'CRLF kept', bytes: utf8('One.\r\nTwo.\r\n'), expected: 'One.\r\nTwo.\r\n' },
    { name: 'astral kept as a surrogate pair', bytes: utf8('Wow 😀 said.'), expected: 'Wow 😀 said.' },
    { name: 'UTF-16LE with BOM', bytes: utf16le('“Sí,” dijo él.'), expected: '“Sí,” dijo él.' },
    { name: 'UTF-16BE with BOM', bytes: utf16be('Ça va, a-t-il dit.'), expected: 'Ça va, a-t-il dit.' },
  ];
  for (const { name, bytes, expected } of cases) assert.equal(decodeText(bytes, 'x.txt'), expected, name);
});

test('decodeText applies a declared charset', () => {
  assert.equal(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'page', 'windows-1252'), 'café');
  assert.throws(() => decodeText(utf8('x'), 'page', 'no-such-charset'), /unknown charset 'no-such-charset'/);
});

test('decodeText refuses binary data as "expected UTF-8 text" naming the input', () => {
  const cases: Array<{ name: string; bytes: Uint8Array }> = [
    { name: 'NUL byte', bytes: new Uint8Array([0x61, 0x00, 0x62]) },
    { name: 'invalid UTF-8', bytes: new Uint8Array([0x61, 0xff, 0xfe, 0xfd, 0x62].slice(0, 1).concat([0xc3, 0x28])) },
    { name: 'PNG header', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) },
    { name: 'lone continuation byte', bytes: new Uint8Array([0x80]) },
  ];
  for (const { name, bytes } of cases) {
    assert.throws(
      () => decodeText(bytes, 'photo.txt'),
      (error: unknown) => error instanceof HearsayError && error.input === 'photo.txt' && /expected UTF-8 text/.test(error.message),
      name,
    );
  }
});

test('readPlainText keeps the text as is and refuses empty or blank input', () => {
  const document = readPlainText('  Text. ', 'doc', 'doc.txt');
  assert.deepEqual(document, { id: 'doc', text: '  Text. ', title: null, url: null, publishedAt: null });
  for (const blank of ['', '   ', '\r\n\r\n', '\t\u00a0\u3000']) {
    assert.throws(() => readPlainText(blank, 'doc', 'doc.txt'), /empty input/, JSON.stringify(blank));
  }
});

test('sniffKind and kindFromName tell feeds, HTML, JSON Lines and text apart', () => {
  const sniffed: Array<[string, string]> = [
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 'feed'],
    ['<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed'],
    ['<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['  <p>Hello</p>', 'html'],
    ['{"text":"a"}\n{"text":"b"}', 'jsonl'],
    ['The <rss> tag was mentioned.', 'text'],
    ['<rssfeed>not a feed root</rssfeed>', 'text'],
    ['Plain words.', 'text'],
  ];
  for (const [text, kind] of sniffed) assert.equal(sniffKind(text), kind, text);
  assert.equal(looksLikeFeed('<feed>'), true);
  const named: Array<[string, string | null]> = [['a.TXT', 'text'], ['b.htm', 'html'], ['c.html', 'html'], ['d.jsonl', 'jsonl'], ['e.rss', 'feed'], ['f.atom', 'feed'], ['g.xml', 'feed'], ['h.md', null], ['noext', null]];
  for (const [name, kind] of named) assert.equal(kindFromName(name), kind, name);
});
