import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstTokenEndingAfter, firstTokenStartingFrom, tokenize } from '../src/text/tokenize.js';

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

test('token lookups by offset agree with a linear scan at every offset', () => {
  const texts = ['He said “no.”  Then, at 9:30 a.m., the U.S. envoy left.', '', '   ', 'one', '“Quote,” she said. — Next.\n\nAnd more'];
  for (const text of texts) {
    const tokens = tokenize(text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      let endingAfter = 0;
      while (endingAfter < tokens.count && tokens.ends[endingAfter]! <= offset) endingAfter++;
      let startingFrom = 0;
      while (startingFrom < tokens.count && tokens.starts[startingFrom]! < offset) startingFrom++;
      assert.equal(firstTokenEndingAfter(tokens, offset), endingAfter, `ending after ${offset} in ${JSON.stringify(text)}`);
      assert.equal(firstTokenStartingFrom(tokens, offset), startingFrom, `starting from ${offset} in ${JSON.stringify(text)}`);
      for (let from = 0; from <= tokens.count; from++) {
        assert.equal(firstTokenEndingAfter(tokens, offset, from), Math.max(from, endingAfter), `ending after ${offset} from token ${from}`);
      }
    }
  }
});

test('tokenize: abbreviations inside a sentence do not split it', () => {
  const sentencesOf = (text: string): string[] => {
    const tokens = tokenize(text);
    const sentences: string[] = [];
    for (let index = 0; index + 1 < tokens.sentenceStarts.length; index++) {
      sentences.push(text.slice(tokens.starts[tokens.sentenceStarts[index]!]!, tokens.ends[tokens.sentenceStarts[index + 1]! - 1]!));
    }
    return sentences;
  };
  const table: Array<[string, string[]]> = [
    ['The judge cited Selin v. Marten in her ruling. Ortiz left.', ['The judge cited Selin v. Marten in her ruling.', 'Ortiz left.']],
    ['Rep. Ana Ortiz (D-Ore.) Tuesday said the port would close.', ['Rep. Ana Ortiz (D-Ore.) Tuesday said the port would close.']],
    ['Sen. Ben Varga (R-N.Y.) Friday praised the plan.', ['Sen. Ben Varga (R-N.Y.) Friday praised the plan.']],
    ['Sen. Ben Varga, R-N.H., praised the plan.', ['Sen. Ben Varga, R-N.H., praised the plan.']],
    ['The polls close at 8 p.m. Eastern on Monday. Results follow.', ['The polls close at 8 p.m. Eastern on Monday.', 'Results follow.']],
    ['The talks run until 10 a.m. Tuesday, Ortiz said.', ['The talks run until 10 a.m. Tuesday, Ortiz said.']],
    ['The polls close at 8 p.m. Results follow.', ['The polls close at 8 p.m.', 'Results follow.']],
    ['A tribute to George H.W. Bush drew crowds.', ['A tribute to George H.W. Bush drew crowds.']],
    ['She moved to Selin D.C. He stayed.', ['She moved to Selin D.C.', 'He stayed.']],
    ['The fund left the U.S. The plan failed.', ['The fund left the U.S.', 'The plan failed.']],
    ['The doors open at 5 p.m. on Friday.', ['The doors open at 5 p.m. on Friday.']],
  ];
  for (const [input, expected] of table) assert.deepEqual(sentencesOf(input), expected, input);
});
