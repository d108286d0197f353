import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sortByPackedKey } from '../src/model/span.js';

test('sortByPackedKey: the order of a stable comparator sort (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 5000 }), { maxLength: 300 }), (keys) => {
      const items = keys.map((key, position) => ({ key, position }));
      const expected = [...items].sort((a, b) => a.key - b.key);
      assert.deepEqual(sortByPackedKey(items, (item) => item.key, 5001), expected);
    }),
    { numRuns: 500 },
  );
});

test('sortByPackedKey: null when key and position cannot share one exact float, or a key is out of range', () => {
  assert.equal(sortByPackedKey([1, 2, 3], (key) => key, 2 ** 52), null);
  assert.equal(sortByPackedKey([1, 7], (key) => key, 5), null);
  assert.equal(sortByPackedKey([1, -1], (key) => key, 5), null);
  assert.deepEqual(sortByPackedKey([], (key: number) => key, 2 ** 60), []);
  assert.deepEqual(sortByPackedKey([3, 1, 2], (key) => key, 2 ** 50), [1, 2, 3]);
});
