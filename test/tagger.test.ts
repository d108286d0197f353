import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFeatures, extractStackedFeatures, STACKED_TEMPLATE_COUNT, TEMPLATE_COUNT } from '../src/extract/features.js';
import { findQuotations } from '../src/extract/quotations.js';
import { decode, isAllowed, LABEL_COUNT, tagDocument, tagTokens, type AttributionModel, type TaggerModel } from '../src/extract/tagger.js';
import { seededRandom } from '../src/library/synthetic.js';
import { tokenize } from '../src/text/tokenize.js';

const TEXT = [
  'Marta Vell, the mayor of Port Selin, said on Tuesday that talks would start soon, according to the Selin Courier.',
  '“We can meet here next week,” Vell said, “and settle this.”',
  'Union spokesman Piet Aros denied that the crews had been told. Critics called the offer a “stunt.”',
].join('\n');

/** A model of small random weights; `step` > 0 makes every weight a multiple of it with one at ±127 steps (int8-exact). */
function randomTagger(random: () => number, bits: number, width: number, step: number): TaggerModel {
  const size = (1 << bits) * LABEL_COUNT;
  const weights = step > 0 ? new Int16Array(size) : new Float32Array(size);
  for (let index = 0; index < size; index++) weights[index] = step > 0 ? Math.round(random() * 254 - 127) * step : random() * 2 - 1;
  if (step > 0) weights[0] = 127 * step;
  const transitions = new Float32Array(LABEL_COUNT * LABEL_COUNT).map(() => random() * 4 - 2);
  const starts = new Float32Array(LABEL_COUNT).map(() => random() * 2 - 1);
  return { bits, width, weights, scale: step > 0 ? 0.01 : 1, transitions, starts };
}

/** The two passes as the training script runs them: plain decode over each pass's own weights. */
function decodeBothPasses(model: AttributionModel, text: string): Uint8Array {
  const tokens = tokenize(text);
  const keys = extractFeatures(tokens, findQuotations(tokens));
  const first = decode(model.first, keys, tokens.count);
  return model.second === null ? first : decode(model.second, keys, tokens.count, extractStackedFeatures(tokens, first));
}

function tag(model: AttributionModel, text: string): Uint8Array {
  const tokens = tokenize(text);
  return tagTokens(model, tokens, extractFeatures(tokens, findQuotations(tokens)));
}

/** The best-scoring allowed label sequence by enumeration (tiny inputs only). */
function bruteForceBest(model: TaggerModel, emissions: number[][]): number[] {
  let best: number[] = [];
  let bestScore = -Infinity;
  const count = emissions.length;
  for (let code = 0; code < LABEL_COUNT ** count; code++) {
    const labels: number[] = [];
    for (let rest = code, index = 0; index < count; index++, rest = Math.floor(rest / LABEL_COUNT)) labels.push(rest % LABEL_COUNT);
    if (labels[0] === 2 || labels[0] === 4 || labels[0] === 6) continue;
    if (labels.some((label, index) => index > 0 && !isAllowed(labels[index - 1]!, label))) continue;
    let score = model.starts[labels[0]!]!;
    labels.forEach((label, index) => {
      score += emissions[index]![label]!;
      if (index > 0) score += model.transitions[labels[index - 1]! * LABEL_COUNT + label]!;
    });
    if (score > bestScore) {
      bestScore = score;
      best = labels;
    }
  }
  return best;
}

describe('tagger', () => {
  it('packed decoding (int8 weights summed in 16-bit lanes) gives the same labels as plain decoding when the weights are int8-exact', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const model: AttributionModel = {
        first: randomTagger(random, 10, TEMPLATE_COUNT, 3),
        second: randomTagger(random, 10, TEMPLATE_COUNT + STACKED_TEMPLATE_COUNT, 5),
      };
      const packed = tag(model, TEXT);
      assert.deepEqual([...packed], [...decodeBothPasses(model, TEXT)], `seed ${seed}`);
      assert.ok(new Set(packed).size > 1, 'random weights should produce more than one label');
    }
  });

  it('packed decoding breaks ties between previous labels toward the lower label, as plain decoding does', () => {
    // Weights of 0 or ±127 steps, transitions of 0 or 1 and zero starts: many paths score exactly the same.
    const tiedTagger = (random: () => number, width: number): TaggerModel => {
      const model = randomTagger(random, 10, width, 3);
      for (let index = 1; index < model.weights.length; index++) model.weights[index] = random() < 0.9 ? 0 : (random() < 0.5 ? 381 : -381);
      for (let index = 0; index < model.transitions.length; index++) model.transitions[index] = random() < 0.5 ? 0 : 1;
      model.starts.fill(0);
      return model;
    };
    for (const seed of [6, 7, 8]) {
      const random = seededRandom(seed);
      const model: AttributionModel = { first: tiedTagger(random, TEMPLATE_COUNT), second: tiedTagger(random, TEMPLATE_COUNT + STACKED_TEMPLATE_COUNT) };
      const tokens = tokenize(TEXT);
      assert.deepEqual([...tagDocument(model, tokens, findQuotations(tokens))], [...decodeBothPasses(model, TEXT)], `seed ${seed}`);
    }
  });

  it('refuses to pack more templates than 16-bit lanes can sum without overflowing', () => {
    const random = seededRandom(4);
    const model: AttributionModel = { first: randomTagger(random, 6, TEMPLATE_COUNT, 3), second: randomTagger(random, 6, 259, 3) };
    assert.throws(() => tag(model, TEXT), /expected at most 258 templates per pass, found 259/);
  });

  it('tagDocument (keys written to reused memory) gives the labels of plain decoding, document after document of any length', () => {
    const random = seededRandom(5);
    const model: AttributionModel = {
      first: randomTagger(random, 10, TEMPLATE_COUNT, 3),
      second: randomTagger(random, 10, TEMPLATE_COUNT + STACKED_TEMPLATE_COUNT, 5),
    };
    // Short, then long enough to be summed in blocks (over 4,096 tokens), then longer than the kept memory (over 16,384
    // tokens), then short again: memory left by one document must not leak into the next.
    for (const repeats of [1, 120, 420, 2, 1]) {
      const text = Array.from({ length: repeats }, (_, index) => TEXT.replace('Tuesday', index % 2 === 0 ? 'Monday' : 'Friday')).join('\n\n');
      const tokens = tokenize(text);
      const expected = decodeBothPasses(model, text);
      assert.deepEqual([...tagDocument(model, tokens, findQuotations(tokens))], [...expected], `${repeats} repeats`);
      assert.deepEqual([...tag(model, text)], [...expected], `${repeats} repeats, tagTokens`);
    }
  });

  it('a model that cannot be packed (float weights, as in training) decodes through the plain path', () => {
    const random = seededRandom(9);
    const model: AttributionModel = { first: randomTagger(random, 9, TEMPLATE_COUNT, 0), second: randomTagger(random, 9, TEMPLATE_COUNT + STACKED_TEMPLATE_COUNT, 0) };
    assert.deepEqual([...tag(model, TEXT)], [...decodeBothPasses(model, TEXT)]);
  });

  it('Viterbi finds the best allowed sequence (checked by enumeration on short inputs)', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 40; trial++) {
      const count = 1 + (trial % 4);
      // One template whose key selects a row per token: the emission of token i is that row's weights.
      const model: TaggerModel = { ...randomTagger(random, 3, 1, 0), scale: 1 };
      const keys = Uint32Array.from({ length: count }, (_, index) => (index * 3 + trial) % 8);
      const emissions = [...keys].map((key) => Array.from({ length: LABEL_COUNT }, (_, label) => model.weights[key * LABEL_COUNT + label]!));
      assert.deepEqual([...decode(model, keys, count)], bruteForceBest(model, emissions), `trial ${trial}`);
    }
  });
});
