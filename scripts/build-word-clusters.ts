/**
 * Builds models/word-clusters.bin: distributional clusters of the most frequent lower-cased words of a directory of
 * .txt files (PolNeAR train text; never dev). Each word gets a vector of its left and right neighbours (counts over
 * the most frequent context words, PPMI-weighted with smoothed context probabilities, L2-normalized); seeded spherical
 * k-means clusters the vectors, once per level (the shipped table: one level of 256 clusters). Deterministic: the same corpus
 * and options give the same bytes.
 *
 *   node dist/scripts/build-word-clusters.js --corpus ../shared/corpus/polnear/train/text [--words 20000] [--min-count 3]
 *     [--contexts 1000] [--window 1] [--clusters 256] [--iterations 20] [--seed 7] [--out models/word-clusters.bin]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashString } from '../src/extract/features.js';
import { DEFAULT_WORD_CLUSTERS_PATH, serializeWordClusters, type WordClusterTable } from '../src/extract/word-clusters.js';
import { seededRandom } from '../src/library/synthetic.js';
import { tokenize } from '../src/text/tokenize.js';
import { argument } from '../src/eval/script.js';

export interface ClusterOptions {
  /** At most this many words get a cluster, the most frequent first. */
  readonly words: number;
  /** Words seen fewer times get none (their context vectors are noise). */
  readonly minCount: number;
  /** Context words counted: the most frequent ones, plus one sentence-boundary symbol. */
  readonly contexts: number;
  /** Neighbour positions on each side (1: the previous and the next token). */
  readonly window: number;
  /** Cluster count per level, each at most 256. */
  readonly clusters: readonly number[];
  readonly iterations: number;
  readonly seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { words: 20000, minCount: 3, contexts: 1000, window: 1, clusters: [256], iterations: 20, seed: 7 };

/** Sparse rows: the nonzero dimensions of word `w` are `dimensions[rowStarts[w] … rowStarts[w + 1] - 1]`. */
interface SparseRows {
  readonly rowStarts: Uint32Array;
  readonly dimensions: Uint32Array;
  readonly values: Float64Array;
  readonly width: number;
}

/** Words by descending count, ties by code units (not locale): a stable order on every machine. */
function byFrequency(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([word]) => word);
}

/** Co-occurrence counts → PPMI (context probabilities smoothed to the power 0.75) → L2-normalized sparse rows. */
function contextVectors(documents: readonly string[][][], vocabulary: ReadonlyMap<string, number>, contexts: ReadonlyMap<string, number>, window: number): SparseRows {
  const symbols = contexts.size + 1; // the last symbol stands for "beyond the sentence"
  const boundary = contexts.size;
  const width = 2 * window * symbols;
  // One event per (word, position, neighbour) as word * width + dimension, sorted and run-length counted below.
  let events = new Uint32Array(1 << 20);
  let eventCount = 0;
  for (const sentences of documents) {
    for (const sentence of sentences) {
      for (let index = 0; index < sentence.length; index++) {
        const row = vocabulary.get(sentence[index]!);
        if (row === undefined) continue;
        for (let offset = -window, slot = 0; offset <= window; offset++) {
          if (offset === 0) continue;
          const neighbour = sentence[index + offset];
          const symbol = neighbour === undefined ? boundary : contexts.get(neighbour);
          if (symbol !== undefined) {
            if (eventCount === events.length) {
              const grown = new Uint32Array(events.length * 2);
              grown.set(events);
              events = grown;
            }
            events[eventCount++] = row * width + slot * symbols + symbol;
          }
          slot++;
        }
      }
    }
  }
  const sorted = events.subarray(0, eventCount).sort();
  const rowCount = vocabulary.size;
  const keys: number[] = [];
  const counts: number[] = [];
  for (let index = 0; index < sorted.length; ) {
    const key = sorted[index]!;
    let end = index + 1;
    while (end < sorted.length && sorted[end] === key) end++;
    keys.push(key);
    counts.push(end - index);
    index = end;
  }
  const rowTotals = new Float64Array(rowCount);
  const columnTotals = new Float64Array(width);
  keys.forEach((key, index) => {
    const count = counts[index]!;
    rowTotals[Math.floor(key / width)]! += count;
    columnTotals[key % width]! += count;
  });
  let smoothedTotal = 0;
  const smoothed = columnTotals.map((count) => Math.pow(count, 0.75));
  for (const value of smoothed) smoothedTotal += value;
  const rowStarts = new Uint32Array(rowCount + 1);
  const dimensions: number[] = [];
  const values: number[] = [];
  let key = 0;
  for (let row = 0; row < rowCount; row++) {
    rowStarts[row] = dimensions.length;
    let norm = 0;
    const first = dimensions.length;
    for (; key < keys.length && Math.floor(keys[key]! / width) === row; key++) {
      const dimension = keys[key]! % width;
      const pmi = Math.log((counts[key]! * smoothedTotal) / (rowTotals[row]! * smoothed[dimension]!));
      if (pmi <= 0) continue;
      dimensions.push(dimension);
      values.push(pmi);
      norm += pmi * pmi;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let index = first; index < values.length; index++) values[index]! *= scale;
  }
  rowStarts[rowCount] = dimensions.length;
  return { rowStarts, dimensions: Uint32Array.from(dimensions), values: Float64Array.from(values), width };
}

/** Writes into `scores[k]` the dot product of row `row` with every centroid (stored transposed: `centroids[d * k + c]`). */
function scoreRow(rows: SparseRows, row: number, centroids: Float64Array, clusterCount: number, scores: Float64Array): void {
  scores.fill(0);
  for (let entry = rows.rowStarts[row]!; entry < rows.rowStarts[row + 1]!; entry++) {
    const value = rows.values[entry]!;
    const base = rows.dimensions[entry]! * clusterCount;
    for (let cluster = 0; cluster < clusterCount; cluster++) scores[cluster]! += value * centroids[base + cluster]!;
  }
}

/** Seeded spherical k-means (cosine), k-means++ seeding; returns each row's cluster index. */
function sphericalKMeans(rows: SparseRows, clusterCount: number, iterations: number, seed: number): Uint8Array {
  const rowCount = rows.rowStarts.length - 1;
  const { width } = rows;
  const random = seededRandom(seed);
  const centroids = new Float64Array(width * clusterCount);
  const setCentroidToRow = (cluster: number, row: number): void => {
    for (let dimension = 0; dimension < width; dimension++) centroids[dimension * clusterCount + cluster] = 0;
    for (let entry = rows.rowStarts[row]!; entry < rows.rowStarts[row + 1]!; entry++) centroids[rows.dimensions[entry]! * clusterCount + cluster] = rows.values[entry]!;
  };
  const dotWithCentroid = (row: number, cluster: number): number => {
    let sum = 0;
    for (let entry = rows.rowStarts[row]!; entry < rows.rowStarts[row + 1]!; entry++) sum += rows.values[entry]! * centroids[rows.dimensions[entry]! * clusterCount + cluster]!;
    return sum;
  };
  // k-means++: each next seed drawn with probability proportional to its squared distance from the nearest seed so far.
  const nearest = new Float64Array(rowCount).fill(Infinity);
  let chosen = Math.floor(random() * rowCount);
  for (let cluster = 0; cluster < clusterCount; cluster++) {
    setCentroidToRow(cluster, chosen);
    let sum = 0;
    for (let row = 0; row < rowCount; row++) {
      const distance = Math.max(0, 2 - 2 * dotWithCentroid(row, cluster));
      if (distance < nearest[row]!) nearest[row] = distance;
      sum += nearest[row]!;
    }
    let target = random() * sum;
    chosen = rowCount - 1;
    for (let row = 0; row < rowCount; row++) {
      target -= nearest[row]!;
      if (target < 0) {
        chosen = row;
        break;
      }
    }
  }
  const assignment = new Uint8Array(rowCount);
  const similarity = new Float64Array(rowCount);
  const scores = new Float64Array(clusterCount);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let changed = 0;
    for (let row = 0; row < rowCount; row++) {
      scoreRow(rows, row, centroids, clusterCount, scores);
      let best = 0;
      for (let cluster = 1; cluster < clusterCount; cluster++) if (scores[cluster]! > scores[best]!) best = cluster;
      if (iteration === 0 || assignment[row] !== best) changed++;
      assignment[row] = best;
      similarity[row] = scores[best]!;
    }
    if (changed === 0) break;
    // New centroids: the normalized sum of their members; an empty cluster takes the worst-fitting word.
    centroids.fill(0);
    const sizes = new Uint32Array(clusterCount);
    for (let row = 0; row < rowCount; row++) {
      const cluster = assignment[row]!;
      sizes[cluster]!++;
      for (let entry = rows.rowStarts[row]!; entry < rows.rowStarts[row + 1]!; entry++) centroids[rows.dimensions[entry]! * clusterCount + cluster]! += rows.values[entry]!;
    }
    for (let cluster = 0; cluster < clusterCount; cluster++) {
      if (sizes[cluster] === 0) {
        let worst = 0;
        for (let row = 1; row < rowCount; row++) if (similarity[row]! < similarity[worst]!) worst = row;
        similarity[worst] = Infinity;
        setCentroidToRow(cluster, worst);
        continue;
      }
      let norm = 0;
      for (let dimension = 0; dimension < width; dimension++) norm += centroids[dimension * clusterCount + cluster]! ** 2;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let dimension = 0; dimension < width; dimension++) centroids[dimension * clusterCount + cluster]! *= scale;
    }
  }
  return assignment;
}

export interface BuiltClusters {
  readonly table: WordClusterTable;
  /** The clustered words in frequency order, with their clusters (for inspection; not written). */
  readonly words: readonly string[];
  readonly assignments: readonly Uint8Array[];
  readonly tokenCount: number;
}

/** Clusters the words of `texts` (each a whole document). Linear in the text, then k-means over the vocabulary. */
export function buildWordClusters(texts: readonly string[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): BuiltClusters {
  if (options.clusters.some((count) => count < 1 || count > 256)) throw new Error(`build-word-clusters: expected cluster counts in 1…256, found ${options.clusters.join(',')}`);
  const counts = new Map<string, number>();
  let tokenCount = 0;
  const documents = texts.map((text) => {
    const tokens = tokenize(text);
    tokenCount += tokens.count;
    const sentences: string[][] = [];
    for (let index = 0; index + 1 < tokens.sentenceStarts.length; index++) sentences.push(tokens.lower.slice(tokens.sentenceStarts[index]!, tokens.sentenceStarts[index + 1]!));
    for (const word of tokens.lower) counts.set(word, (counts.get(word) ?? 0) + 1);
    return sentences;
  });
  const ranked = byFrequency(counts);
  const words = ranked.filter((word) => counts.get(word)! >= options.minCount).slice(0, options.words);
  const vocabulary = new Map(words.map((word, index) => [word, index]));
  const contexts = new Map(ranked.slice(0, options.contexts).map((word, index) => [word, index]));
  const rows = contextVectors(documents, vocabulary, contexts, options.window);
  const clusterCounts = options.clusters.map((clusterCount) => Math.min(clusterCount, Math.max(1, words.length)));
  const assignments = clusterCounts.map((clusterCount, level) => sphericalKMeans(rows, clusterCount, options.iterations, options.seed + level));
  // Keyed by hash, sorted; on a (rare) hash collision the more frequent word keeps the entry.
  const order = words.map((word, index) => ({ hash: hashString(word), index }));
  order.sort((a, b) => a.hash - b.hash || a.index - b.index);
  const kept = order.filter((entry, position) => position === 0 || order[position - 1]!.hash !== entry.hash);
  const table: WordClusterTable = {
    hashes: Uint32Array.from(kept, (entry) => entry.hash),
    levels: assignments.map((assignment) => Uint8Array.from(kept, (entry) => assignment[entry.index]!)),
    clusterCounts,
  };
  return { table, words, assignments, tokenCount };
}

function main(): void {
  const args = process.argv.slice(2);
  const corpus = argument(args, '--corpus');
  if (corpus === undefined) {
    process.stderr.write('usage: node dist/scripts/build-word-clusters.js --corpus <dir of .txt> [--words N] [--min-count N] [--contexts N] [--window N] [--clusters 256] [--iterations N] [--seed N] [--out FILE] [--show word,word]\n');
    process.exitCode = 2;
    return;
  }
  const defaults = DEFAULT_CLUSTER_OPTIONS;
  const options: ClusterOptions = {
    words: Number(argument(args, '--words') ?? defaults.words),
    minCount: Number(argument(args, '--min-count') ?? defaults.minCount),
    contexts: Number(argument(args, '--contexts') ?? defaults.contexts),
    window: Number(argument(args, '--window') ?? defaults.window),
    clusters: (argument(args, '--clusters') ?? defaults.clusters.join(',')).split(',').map(Number),
    iterations: Number(argument(args, '--iterations') ?? defaults.iterations),
    seed: Number(argument(args, '--seed') ?? defaults.seed),
  };
  const out = argument(args, '--out') ?? DEFAULT_WORD_CLUSTERS_PATH;
  const started = Date.now();
  const names = readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort();
  const built = buildWordClusters(names.map((name) => readFileSync(join(corpus, name), 'utf8')), options);
  const bytes = serializeWordClusters(built.table);
  writeFileSync(out, bytes);
  process.stderr.write(`${names.length} files, ${built.tokenCount} tokens: ${built.table.hashes.length} words in ${options.clusters.join('/')} clusters, wrote ${out}: ${(bytes.length / 1024).toFixed(0)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  // --show: the fine cluster of each given word, its first members by frequency (to eyeball the clustering).
  const show = argument(args, '--show');
  if (show !== undefined) {
    const fine = built.assignments[0]!;
    for (const probe of show.split(',')) {
      const index = built.words.indexOf(probe);
      if (index < 0) {
        process.stderr.write(`${probe}: not clustered\n`);
        continue;
      }
      const members = built.words.filter((_, other) => fine[other] === fine[index]);
      process.stderr.write(`${probe} (${fine[index]}, ${members.length} words): ${members.slice(0, 25).join(' ')}\n`);
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
