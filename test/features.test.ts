import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFeatures, extractStackedFeatures, TEMPLATE_COUNT } from '../src/extract/features.js';
import { findQuotations } from '../src/extract/quotations.js';
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
});
