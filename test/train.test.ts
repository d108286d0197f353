import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode, LABEL_COUNT, type TaggerModel } from '../src/extract/tagger.js';
import { seededRandom } from '../src/library/synthetic.js';
import { algorithmFrom, costAugmentedViterbi, passiveAggressiveStep } from '../scripts/train.js';

/** A float model of random weights and one random key per token, with its per-token emission sums. */
function randomCase(seed: number, count: number): { model: TaggerModel; keys: Uint32Array; emissions: Float64Array } {
  const random = seededRandom(seed);
  const bits = 6;
  const weights = new Float32Array((1 << bits) * LABEL_COUNT).map(() => random() * 4 - 2);
  const transitions = new Float32Array(LABEL_COUNT * LABEL_COUNT).map(() => random() * 4 - 2);
  const starts = new Float32Array(LABEL_COUNT).map(() => random() * 2 - 1);
  const keys = new Uint32Array(count).map(() => Math.floor(random() * 2 ** 32));
  const emissions = new Float64Array(count * LABEL_COUNT);
  for (let token = 0; token < count; token++) {
    const row = (keys[token]! & ((1 << bits) - 1)) * LABEL_COUNT;
    for (let label = 0; label < LABEL_COUNT; label++) emissions[token * LABEL_COUNT + label] = weights[row + label]!;
  }
  return { model: { bits, width: 1, weights, scale: 1, transitions, starts }, keys, emissions };
}

/** Emissions where every token prefers `gold` by `lead` over all other labels; transitions and starts neutral. */
function goldLeading(gold: Uint8Array, lead: number): Float64Array {
  const emissions = new Float64Array(gold.length * LABEL_COUNT);
  gold.forEach((label, token) => (emissions[token * LABEL_COUNT + label] = lead));
  return emissions;
}

describe('costAugmentedViterbi', () => {
  for (const [seed, count] of [[1, 1], [2, 7], [3, 40], [4, 200]] as const) {
    it(`with zero costs equals the tagger's decode (seed ${seed}, ${count} tokens)`, () => {
      const { model, keys, emissions } = randomCase(seed, count);
      const gold = new Uint8Array(count);
      assert.deepEqual(costAugmentedViterbi(emissions, count, model.transitions, model.starts, gold, new Float64Array(LABEL_COUNT)), decode(model, keys, count));
    });
  }

  const gold = Uint8Array.from([0, 1, 2, 0, 3, 5, 6, 6, 0]);
  const none = new Float32Array(LABEL_COUNT * LABEL_COUNT);
  const noStarts = new Float32Array(LABEL_COUNT);
  const cases: ReadonlyArray<{ name: string; lead: number; costs: number[]; wrongTokens: number }> = [
    { name: 'a cost below the lead keeps gold', lead: 5, costs: [3, 3, 3, 3, 3, 3, 3], wrongTokens: 0 },
    { name: 'a cost above the lead moves every token off gold', lead: 5, costs: [10, 10, 10, 10, 10, 10, 10], wrongTokens: gold.length },
    { name: 'a cost on O-gold tokens only moves those', lead: 5, costs: [10, 0, 0, 0, 0, 0, 0], wrongTokens: 3 },
  ];
  for (const { name, lead, costs, wrongTokens } of cases) {
    it(name, () => {
      const labels = costAugmentedViterbi(goldLeading(gold, lead), gold.length, none, noStarts, gold, Float64Array.from(costs));
      assert.equal(labels.filter((label, token) => label !== gold[token]).length, wrongTokens);
    });
  }
});

describe('passiveAggressiveStep', () => {
  const cases: ReadonlyArray<{ name: string; loss: number; advantage: number; norm: number; clip: number; step: number }> = [
    { name: 'closes the missing margin', loss: 10, advantage: 2, norm: 4, clip: 100, step: 2 },
    { name: 'a prediction ahead of gold needs a larger step', loss: 10, advantage: -6, norm: 4, clip: 100, step: 4 },
    { name: 'is clipped', loss: 10, advantage: 2, norm: 4, clip: 1.5, step: 1.5 },
    { name: 'is zero when gold already wins by the loss', loss: 10, advantage: 12, norm: 4, clip: 100, step: 0 },
    { name: 'is zero for an empty difference', loss: 10, advantage: 0, norm: 0, clip: 100, step: 0 },
  ];
  for (const { name, loss, advantage, norm, clip, step } of cases) it(name, () => assert.equal(passiveAggressiveStep(loss, advantage, norm, clip), step));
});

describe('algorithmFrom', () => {
  it('defaults to loss-augmented passive-aggressive steps', () => {
    const algorithm = algorithmFrom([]);
    assert.deepEqual(Array.from(algorithm.costs), [1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    assert.equal(algorithm.clip, 1000 / 30);
    assert.equal(algorithm.augment, true);
  });
  it('--cost 0 is the plain perceptron', () => {
    const algorithm = algorithmFrom(['--cost', '0']);
    assert.deepEqual(Array.from(algorithm.costs), [0, 0, 0, 0, 0, 0, 0]);
    assert.equal(algorithm.clip, 0);
  });
  it('--label-costs scales the cost per gold label', () => {
    assert.deepEqual(Array.from(algorithmFrom(['--cost', '2', '--label-costs', '1,2,1,3,1,2,1']).costs), [2, 4, 2, 6, 2, 4, 2]);
  });
  for (const args of [['--cost', '0', '--pa', '1'], ['--cost', '-1'], ['--label-costs', '1,2'], ['--pa', 'x']]) {
    it(`rejects ${args.join(' ')}`, () => assert.throws(() => algorithmFrom(args)));
  }
});
