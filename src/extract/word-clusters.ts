import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Distributional word clusters (built from PolNeAR train text by scripts/build-word-clusters.ts): for each of a few
 * thousand frequent words, keyed by `hashString` of its lower-cased form, one cluster index per level (e.g. 256 fine
 * clusters, 32 coarse ones). The tagger reads them as features so that what it learns for one cue word carries over
 * to words that occur in similar contexts.
 */
export interface WordClusterTable {
  /** Sorted ascending, distinct. */
  readonly hashes: Uint32Array;
  /** Per level, the cluster index (0 … clusterCounts[level] - 1) of `hashes[i]`. */
  readonly levels: readonly Uint8Array[];
  readonly clusterCounts: readonly number[];
}

const MAGIC = 0x314c4357; // "WCL1"

/** The gzip file: magic, word count, level count, cluster count per level, sorted hashes, then one byte per word per level. */
export function serializeWordClusters(table: WordClusterTable): Buffer {
  const count = table.hashes.length;
  const header = Buffer.alloc(12 + 4 * table.levels.length);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(count, 4);
  header.writeUInt32LE(table.levels.length, 8);
  table.clusterCounts.forEach((clusters, level) => header.writeUInt32LE(clusters, 12 + 4 * level));
  const hashes = Buffer.alloc(4 * count);
  for (let index = 0; index < count; index++) hashes.writeUInt32LE(table.hashes[index]!, 4 * index);
  return gzipSync(Buffer.concat([header, hashes, ...table.levels.map((level) => Buffer.from(level.buffer, level.byteOffset, level.byteLength))]), { level: 9 });
}

export function deserializeWordClusters(compressed: Buffer): WordClusterTable {
  const buffer = gunzipSync(compressed);
  const magic = buffer.readUInt32LE(0);
  if (magic !== MAGIC) throw new Error(`word clusters: expected magic ${MAGIC.toString(16)}, found ${magic.toString(16)}`);
  const count = buffer.readUInt32LE(4);
  const levelCount = buffer.readUInt32LE(8);
  const clusterCounts: number[] = [];
  for (let level = 0; level < levelCount; level++) clusterCounts.push(buffer.readUInt32LE(12 + 4 * level));
  let offset = 12 + 4 * levelCount;
  const expected = offset + 4 * count + levelCount * count;
  if (buffer.length !== expected) throw new Error(`word clusters: expected ${expected} bytes, found ${buffer.length}`);
  const hashes = new Uint32Array(count);
  for (let index = 0; index < count; index++, offset += 4) hashes[index] = buffer.readUInt32LE(offset);
  const levels: Uint8Array[] = [];
  for (let level = 0; level < levelCount; level++, offset += count) levels.push(Uint8Array.from(buffer.subarray(offset, offset + count)));
  return { hashes, levels, clusterCounts };
}

/**
 * A table laid out for lookup: open addressing over the word hash (load ≤ 1/2), one probe sequence per token that
 * yields every level at once. A probe reads a Uint32Array: cheaper than a Map<number, number> of 30 000 entries.
 */
export class WordClusters {
  readonly levelCount: number;
  readonly clusterCounts: readonly number[];
  private readonly keys: Uint32Array;
  /** `values[slot * levelCount + level]` is the cluster index + 1; 0 marks an empty slot. */
  private readonly values: Uint16Array;
  /**
   * The same slots interleaved for `fill`, when there are at most two levels: `[key, level 0 value | level 1 value <<
   * 16]` per slot, so a probe reads one cache line rather than one in each of two arrays. Null with more levels.
   */
  private readonly packed: Uint32Array | null;
  private readonly shift: number;
  private readonly mask: number;

  constructor(table: WordClusterTable) {
    if (table.levels.length === 0) throw new Error('word clusters: expected at least one level, found none');
    this.levelCount = table.levels.length;
    this.clusterCounts = table.clusterCounts;
    let bits = 4;
    while (1 << bits < 2 * table.hashes.length) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Uint32Array(1 << bits);
    this.values = new Uint16Array((1 << bits) * this.levelCount);
    for (let index = 0; index < table.hashes.length; index++) {
      const hash = table.hashes[index]!;
      let slot = this.slotOf(hash);
      while (this.values[slot * this.levelCount] !== 0 && this.keys[slot] !== hash) slot = (slot + 1) & this.mask;
      this.keys[slot] = hash;
      for (let level = 0; level < this.levelCount; level++) this.values[slot * this.levelCount + level] = table.levels[level]![index]! + 1;
    }
    this.packed = null;
    if (this.levelCount <= 2) {
      const packed = new Uint32Array(2 << bits);
      for (let slot = 0; slot < 1 << bits; slot++) {
        packed[2 * slot] = this.keys[slot]!;
        packed[2 * slot + 1] = this.values[slot * this.levelCount]! | (this.levelCount > 1 ? this.values[slot * this.levelCount + 1]! << 16 : 0);
      }
      this.packed = packed;
    }
  }

  private slotOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  /** Cluster index + 1 of the word with this `hashString`, at `level`; 0 for a word the table does not hold. */
  clusterOf(hash: number, level: number): number {
    const width = this.levelCount;
    for (let slot = this.slotOf(hash); ; slot = (slot + 1) & this.mask) {
      const value = this.values[slot * width + level]!;
      if (value === 0 || this.keys[slot] === hash) return value;
    }
  }

  /** Fills `out[level][token]` with `clusterOf(words[token], level)` for every token, for the first `out.length` levels (at most levelCount). */
  fill(words: Uint32Array, count: number, out: readonly Uint32Array[]): void {
    const width = this.levelCount;
    const levels = Math.min(out.length, width);
    const { keys, values, mask, shift, packed } = this;
    if (packed !== null) {
      // A value is a byte's cluster index + 1, so it fits a half of the packed word.
      const first = levels > 0 ? out[0]! : null, second = levels > 1 ? out[1]! : null;
      const packedMask = 2 * mask + 1;
      for (let token = 0; token < count; token++) {
        const hash = words[token]!;
        let at = (Math.imul(hash, 0x9e3779b1) >>> shift) << 1;
        let value = packed[at + 1]!;
        while (value !== 0 && packed[at] !== hash) {
          at = (at + 2) & packedMask;
          value = packed[at + 1]!;
        }
        if (first !== null) first[token] = value & 0xffff;
        if (second !== null) second[token] = value >>> 16;
      }
      return;
    }
    for (let token = 0; token < count; token++) {
      const hash = words[token]!;
      let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
      // An empty slot has value 0 at every level; its zero key may equal a real hash 0, hence the value test first.
      while (values[slot * width] !== 0 && keys[slot] !== hash) slot = (slot + 1) & mask;
      for (let level = 0; level < levels; level++) out[level]![token] = values[slot * width + level]!;
    }
  }
}

/** Where the shipped table lives: models/word-clusters.bin at the package root (two levels above dist/src/extract). */
export const DEFAULT_WORD_CLUSTERS_PATH = fileURLToPath(new URL('../../../models/word-clusters.bin', import.meta.url));

let cached: WordClusters | undefined;

/** The shipped word clusters, loaded once. The tagger's model was trained with them: a different table mis-scores. */
export function loadWordClusters(): WordClusters {
  if (cached === undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(DEFAULT_WORD_CLUSTERS_PATH);
    } catch (error) {
      throw new Error(`word clusters: expected ${DEFAULT_WORD_CLUSTERS_PATH} (run 'node dist/scripts/build-word-clusters.js' to build it)`, { cause: error });
    }
    cached = new WordClusters(deserializeWordClusters(bytes));
  }
  return cached;
}
