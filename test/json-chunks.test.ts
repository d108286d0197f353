import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { jsonChunks } from '../src/cli/json-chunks.js';

const join = (pieces: Iterable<string>): string => [...pieces].join('');

test('json chunks: joined, the pieces are JSON.stringify of the value, compact and indented, at any split depth', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 0, max: 4 }), (value, splitDepth) => {
      assert.equal(join(jsonChunks(value, 0, splitDepth)), JSON.stringify(value));
      assert.equal(join(jsonChunks(value, 2, splitDepth)), JSON.stringify(value, null, 2));
    }),
    { numRuns: 300 },
  );
});

test('json chunks: an element written at depth 1 is indented as inside an array', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      assert.equal(`[\n  ${join(jsonChunks(value, 2, 3, 1))}\n]`, JSON.stringify([value], null, 2));
    }),
    { numRuns: 200 },
  );
});

test('json chunks: undefined members are left out and undefined elements become null, as JSON.stringify does', () => {
  const value = { a: 1, b: undefined, c: [1, undefined, { d: undefined, e: 'x' }], f: {} };
  assert.equal(join(jsonChunks(value, 2, 4)), JSON.stringify(value, null, 2));
  assert.equal(join(jsonChunks(value, 0, 4)), JSON.stringify(value));
});

test('json chunks: a value is split into members down to the split depth, so no single piece holds the whole', () => {
  const analysis = { document: { text: 'x'.repeat(1000) }, statements: Array.from({ length: 50 }, (_, index) => ({ id: `s${index}` })) };
  const pieces = [...jsonChunks(analysis, 2)];
  const longest = Math.max(...pieces.map((piece) => piece.length));
  assert.ok(longest < 1100, `longest piece ${longest} characters`);
  assert.ok(pieces.length > 100);
});
