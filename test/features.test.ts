import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLUMN_STAGING_BYTES, extractFeatures, extractStackedFeatures, fillStackedFeatures, STACKED_TEMPLATE_COUNT, TEMPLATE_COUNT } from '../src/extract/features.js';
import { findQuotations } from '../src/extract/quotations.js';
import { RowSums } from '../src/extract/row-sums.js';
import { tokenize, type Tokens } from '../src/text/tokenize.js';

const FIRST = 'Mayor Ilse Varga said on Monday that the bridge would reopen. “It is safe,” she told reporters.';
const SECOND = [
  'The council, according to a memo seen by the Harbour Post, will vote again.',
  'Union leader Tomas Rell denied the claim: “Nobody asked us.”',
  'Rell added that crews had not been paid since March.',
].join('\n\n');

function features(tokens: Tokens, into?: Uint32Array): Uint32Array {
  return extractFeatures(tokens, findQuotations(tokens), into);
}

/** First-pass labels of some variety, made up: the stacked features read any label sequence. */
function someLabels(count: number): Uint8Array {
  return Uint8Array.from({ length: count }, (_, index) => [0, 1, 2, 0, 3, 5, 6, 6, 0][index % 9]!);
}

describe('features', () => {
  it('gives the same keys whether they go to a new array or into given memory, and keys returned earlier stay as they were', () => {
    const first = tokenize(FIRST);
    const second = tokenize(SECOND);
    const firstKeys = features(first);
    const firstCopy = Uint32Array.from(firstKeys);
    const secondKeys = features(second);
    // Working columns are reused between calls: a later document must not change keys already returned.
    assert.deepEqual([...firstKeys], [...firstCopy]);
    const into = new Uint32Array(second.count * TEMPLATE_COUNT + 7).fill(0xdeadbeef);
    const written = features(second, into);
    assert.equal(written.length, second.count * TEMPLATE_COUNT);
    assert.equal(written.buffer, into.buffer);
    assert.deepEqual([...written], [...secondKeys]);
    assert.deepEqual([...features(first)], [...firstCopy], 'the first document again, after a longer one');
  });

  it('refuses memory too small for the keys', () => {
    const tokens = tokenize(FIRST);
    assert.throws(() => features(tokens, new Uint32Array(tokens.count * TEMPLATE_COUNT - 1)), /expected room for \d+ keys, found \d+/);
  });

  it('gives the same stacked keys whether or not the base features of the same tokens were the last computed', () => {
    const first = tokenize(FIRST);
    const second = tokenize(SECOND);
    const labels = someLabels(first.count);
    const alone = extractStackedFeatures(first, labels);
    features(first);
    assert.deepEqual([...extractStackedFeatures(first, labels)], [...alone], 'word hashes reused from the base features');
    features(second);
    assert.deepEqual([...extractStackedFeatures(first, labels)], [...alone], 'another document computed since');
    assert.deepEqual([...extractStackedFeatures(second, someLabels(second.count))], [...extractStackedFeatures(tokenize(SECOND), someLabels(second.count))]);
  });

  it('gives the same keys hashed in WebAssembly as in JavaScript, for token counts of every remainder by four', () => {
    const sums = new RowSums(16, () => undefined);
    const sentences = ['Rell said so.', SECOND, FIRST, `${FIRST} ${SECOND}`];
    const texts = [...sentences, ...sentences.map((text) => `${text} Yes`)];
    const remainders = new Set<number>();
    for (const text of texts) {
      const tokens = tokenize(text);
      remainders.add(tokens.count % 4);
      const plain = Uint32Array.from(features(tokens));
      const mixed = extractFeatures(tokens, findQuotations(tokens), sums.keys(tokens.count, TEMPLATE_COUNT, COLUMN_STAGING_BYTES), sums);
      assert.ok(sums.holds(mixed));
      assert.deepEqual([...mixed], [...plain], text);
      const labels = someLabels(tokens.count);
      const stacked = sums.keys(tokens.count, STACKED_TEMPLATE_COUNT, COLUMN_STAGING_BYTES);
      fillStackedFeatures(stacked, tokens, labels, sums);
      assert.deepEqual([...stacked], [...extractStackedFeatures(tokens, labels)], text);
    }
    assert.equal(remainders.size, 4, 'every remainder by four is exercised');
  });

  it('gives the same keys hashed in WebAssembly for a document whose shifted columns no longer fit the kept memory', () => {
    const sums = new RowSums(16, () => undefined);
    // 4 tokens a sentence: 16,384 tokens make padded columns (count + 4 values) too long for a 64 KB chunk.
    const tokens = tokenize('Rell said so. '.repeat(4096));
    assert.equal(tokens.count, 16384);
    const plain = Uint32Array.from(features(tokens));
    const mixed = extractFeatures(tokens, findQuotations(tokens), sums.keys(tokens.count, TEMPLATE_COUNT, COLUMN_STAGING_BYTES), sums);
    assert.ok(mixed.every((key, index) => key === plain[index]));
  });
});
