import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWordClusters, type ClusterOptions } from '../scripts/build-word-clusters.js';
import { extractFeatures, hashString, TEMPLATE_COUNT } from '../src/extract/features.js';
import { findQuotations } from '../src/extract/quotations.js';
import { deserializeWordClusters, loadWordClusters, serializeWordClusters, WordClusters, type WordClusterTable } from '../src/extract/word-clusters.js';
import { tokenize } from '../src/text/tokenize.js';

/**
 * A tiny synthetic corpus where the speech verbs share one context distribution and the motion verbs another (every
 * name with every speech verb, every place with every motion verb): words of identical vectors must share a cluster.
 */
function syntheticCorpus(): string[] {
  const names = ['Vell', 'Aros', 'Dunmore', 'Kestrel'];
  const speech = ['said', 'stated', 'declared', 'remarked', 'noted'];
  const motion = ['walked', 'drove', 'flew', 'rode', 'sailed'];
  const places = ['Selin', 'Marrow', 'Pella', 'Tarn'];
  const lines: string[] = [];
  for (const verb of speech) for (const name of names) lines.push(`${name} ${verb} that.`);
  for (const move of motion) for (const place of places) lines.push(`The crew ${move} to ${place}.`);
  return [lines.join('\n'), lines.slice().reverse().join('\n')];
}

const OPTIONS: ClusterOptions = { words: 200, minCount: 2, contexts: 50, window: 1, clusters: [16, 3], iterations: 20, seed: 3 };

describe('word clusters', () => {
  it('round-trips a table through its file and looks words up at every level', () => {
    const words = ['said', 'told', 'walked', 'the', ',', '“'];
    const entries = words.map((word, index) => ({ hash: hashString(word), fine: index * 40, coarse: index % 2 })).sort((a, b) => a.hash - b.hash);
    const table: WordClusterTable = {
      hashes: Uint32Array.from(entries, (entry) => entry.hash),
      levels: [Uint8Array.from(entries, (entry) => entry.fine), Uint8Array.from(entries, (entry) => entry.coarse)],
      clusterCounts: [256, 2],
    };
    const decoded = deserializeWordClusters(serializeWordClusters(table));
    assert.deepEqual(decoded.hashes, table.hashes);
    assert.deepEqual(decoded.levels, table.levels);
    assert.deepEqual(decoded.clusterCounts, table.clusterCounts);
    const clusters = new WordClusters(decoded);
    const cases: Array<[string, number, number]> = [
      // word, fine cluster + 1, coarse cluster + 1 (0: not in the table)
      ['said', 1, 1],
      ['told', 41, 2],
      ['walked', 81, 1],
      ['“', 201, 2],
      ['unheard-of', 0, 0],
      ['', 0, 0],
    ];
    for (const [word, fine, coarse] of cases) {
      assert.equal(clusters.clusterOf(hashString(word), 0), fine, word);
      assert.equal(clusters.clusterOf(hashString(word), 1), coarse, word);
      const fineColumn = new Uint32Array(1);
      const coarseColumn = new Uint32Array(1);
      clusters.fill(Uint32Array.of(hashString(word)), 1, [fineColumn, coarseColumn]);
      assert.deepEqual([fineColumn[0], coarseColumn[0]], [fine, coarse], word);
    }
  });

  it('rejects a file that is not a cluster table', () => {
    const table: WordClusterTable = { hashes: new Uint32Array(0), levels: [new Uint8Array(0)], clusterCounts: [4] };
    const bytes = serializeWordClusters(table);
    assert.doesNotThrow(() => deserializeWordClusters(bytes));
    assert.throws(() => deserializeWordClusters(serializeWordClusters({ ...table, hashes: Uint32Array.of(1) })), /expected \d+ bytes/);
  });

  it('builds byte-identical files from the same corpus, and groups words of the same contexts', () => {
    const corpus = syntheticCorpus();
    const first = buildWordClusters(corpus, OPTIONS);
    const second = buildWordClusters(corpus, OPTIONS);
    assert.deepEqual(serializeWordClusters(first.table), serializeWordClusters(second.table));
    const clusters = new WordClusters(first.table);
    const fine = (word: string): number => clusters.clusterOf(hashString(word), 0);
    const groups = [
      ['said', 'stated', 'declared', 'remarked', 'noted'],
      ['walked', 'drove', 'flew', 'rode', 'sailed'],
    ];
    for (const group of groups) {
      for (const word of group) assert.equal(fine(word), fine(group[0]!), `${word} with ${group[0]}`);
      assert.notEqual(fine(group[0]!), 0, `${group[0]} is clustered`);
    }
    assert.notEqual(fine('said'), fine('walked'));
    assert.equal(fine('absent'), 0);
    // Every stored cluster index lies within its level's cluster count.
    first.table.levels.forEach((level, index) => assert.ok(level.every((cluster) => cluster < OPTIONS.clusters[index]!)));
  });

  it('respects the vocabulary limits', () => {
    const table = buildWordClusters(syntheticCorpus(), { ...OPTIONS, words: 5 }).table;
    assert.equal(table.hashes.length, 5);
    const none = buildWordClusters(['one two three'], { ...OPTIONS, minCount: 2 }).table;
    assert.equal(none.hashes.length, 0);
  });

  it('loads the shipped table, which the feature extractor reads', () => {
    const clusters = loadWordClusters();
    assert.ok(clusters.levelCount >= 1);
    assert.notEqual(clusters.clusterOf(hashString('said'), 0), 0);
    const tokens = tokenize('Vell said the talks would start.');
    assert.equal(extractFeatures(tokens, findQuotations(tokens)).length, tokens.count * TEMPLATE_COUNT);
  });
});
