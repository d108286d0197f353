import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../src/text/tokenize.js';

const words = (text: string): string[] => {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.count }, (_, index) => text.slice(tokens.starts[index]!, tokens.ends[index]!));
};

test('tokenize: table of edge cases', () => {
  const table: Array<[string, string[]]> = [
    ['He said “no.”', ['He', 'said', '“', 'no', '.', '”']],
    ['Belarus’s location', ['Belarus', '’s', 'location']],
    ["don't stop", ["don't", 'stop']],
    ['the U.S. and Mr. Smith', ['the', 'U.S.', 'and', 'Mr.', 'Smith']],
    ['self-proclaimed 1,200.5 people', ['self-proclaimed', '1,200.5', 'people']],
    ['wait... what?!', ['wait', '...', 'what', '?', '!']],
    ['', []],
    ['   \n ', []],
  ];
  for (const [input, expected] of table) assert.deepEqual(words(input), expected, input);
});

test('tokenize: sentences split at terminal punctuation and line breaks, not after titles', () => {
  const text = 'Gov. Mike Pence spoke. He said “Yes.” Then he left\nNew paragraph here.';
  const tokens = tokenize(text);
  const sentences: string[] = [];
  for (let index = 0; index + 1 < tokens.sentenceStarts.length; index++) {
    const first = tokens.sentenceStarts[index]!;
    const last = tokens.sentenceStarts[index + 1]! - 1;
    sentences.push(text.slice(tokens.starts[first]!, tokens.ends[last]!));
  }
  assert.deepEqual(sentences, ['Gov. Mike Pence spoke.', 'He said “Yes.”', 'Then he left', 'New paragraph here.']);
});

test('tokenize: each lower form is the lower-cased token text, whichever path joined the word', () => {
  const text = 'Self-Made well-known well-Known o’Neil O’Brien u.S. don’t U.S. Gov. No. 5 the No. ÉCOLE Straße İstanbul ΟΔΟΣ. 1,200.5 ’S x’s ‘‘quoted’’ ``Ⅻ`` — end.';
  const tokens = tokenize(text);
  for (let index = 0; index < tokens.count; index++) {
    const source = text.slice(tokens.starts[index]!, tokens.ends[index]!);
    assert.equal(tokens.lower[index], source.toLowerCase(), source);
  }
});
