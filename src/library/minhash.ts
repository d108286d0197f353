import { scanWords, tokenCase, wordTokens } from './normalize.js';

/** Number of hash functions in a signature, and how they are banded for locality-sensitive lookup. */
export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
/** Estimated Jaccard similarity (of word 5-gram shingles) above which two articles are the same story. */
export const COPY_THRESHOLD = 0.5;
export const SHINGLE_WORDS = 5;

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  return fnv1aRange(text, 0, text.length);
}

/** fnv1a of text.slice(start, end), without making the slice. */
function fnv1aRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finalizer: a cheap bijective mix so one base hash yields many independent-looking ones. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Hashes of the word 5-grams of a text (fewer words: one shingle of all of them). */
export function shingleHashes(text: string, size: number = SHINGLE_WORDS): Uint32Array {
  return shingleHashesOfWords(wordTokens(text), size);
}

function shingleHashesOfWords(words: readonly string[], size: number): Uint32Array {
  return shingleHashesOfWordHashes(words.map(fnv1a), size);
}

function shingleHashesOfWordHashes(wordHashes: readonly number[], size: number): Uint32Array {
  const count = Math.max(1, wordHashes.length - size + 1);
  const shingles = new Uint32Array(wordHashes.length === 0 ? 0 : count);
  for (let start = 0; start < shingles.length; start++) {
    let hash = 0x811c9dc5;
    const end = Math.min(wordHashes.length, start + size);
    for (let index = start; index < end; index++) hash = mix(hash ^ wordHashes[index]!);
    shingles[start] = hash;
  }
  return shingles;
}

const BIN_BITS = 6; // 2^6 = MINHASH_SIZE bins
const EMPTY = 0xffffffff;
/** Added per bin of distance when an empty bin borrows a neighbour's value, so borrowed values differ from real ones. */
const BORROW_STEP = 0x9e3779b9;

/**
 * The MinHash signature of an article's word 5-grams, by one-permutation hashing with rotation densification
 * (Li et al. 2012; Shrivastava 2017): each shingle hash goes to one of 64 bins by its top bits and the bin keeps its
 * smallest value. One hash per shingle instead of 64 — the same estimate of Jaccard similarity for article-sized texts —
 * and an empty bin borrows the nearest non-empty bin to its right, so short texts still compare consistently.
 */
export function minhashSignature(text: string): Uint32Array {
  return minhashOfWords(wordTokens(text));
}

/** minhashSignature for an already tokenized text (the library tokenizes once per article). */
export function minhashOfWords(words: readonly string[]): Uint32Array {
  return minhashOfShingles(shingleHashesOfWords(words, SHINGLE_WORDS));
}

/** minhashSignature hashing each word where it stands in the text: no token strings are made (the library signs every article). */
export function minhashOfText(text: string): Uint32Array {
  const lower = tokenCase(text);
  const wordHashes: number[] = [];
  scanWords(lower, (start, end) => {
    wordHashes.push(fnv1aRange(lower, start, end));
  });
  return minhashOfShingles(shingleHashesOfWordHashes(wordHashes, SHINGLE_WORDS));
}

function minhashOfShingles(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(EMPTY);
  for (let position = 0; position < shingles.length; position++) {
    const hash = mix(shingles[position]!);
    const bin = hash >>> (32 - BIN_BITS);
    const value = hash & ((1 << (32 - BIN_BITS)) - 1);
    if (value < signature[bin]!) signature[bin] = value;
  }
  if (shingles.length === 0) return signature;
  const filled = Uint32Array.from(signature);
  for (let bin = 0; bin < MINHASH_SIZE; bin++) {
    if (signature[bin] !== EMPTY) continue;
    let distance = 1;
    while (signature[(bin + distance) % MINHASH_SIZE] === EMPTY) distance++;
    filled[bin] = (signature[(bin + distance) % MINHASH_SIZE]! + Math.imul(distance, BORROW_STEP)) >>> 0;
  }
  return filled;
}

/** One bucket key per band: the band's rows hashed together to 31 bits, plus band * 2^31 so every band has its own keys. */
export function lshBuckets(signature: Uint32Array): number[] {
  const buckets: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let hash = 0x811c9dc5 ^ band;
    for (let row = 0; row < LSH_ROWS; row++) hash = mix(hash ^ signature[band * LSH_ROWS + row]!);
    buckets.push(band * 0x80000000 + (hash & 0x7fffffff));
  }
  return buckets;
}

/** Fraction of equal positions: an estimate of the Jaccard similarity of the two shingle sets. */
export function estimatedJaccard(first: Uint32Array, second: Uint32Array): number {
  let same = 0;
  for (let index = 0; index < MINHASH_SIZE; index++) if (first[index] === second[index]) same++;
  return same / MINHASH_SIZE;
}

export function signatureToBytes(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, MINHASH_SIZE);
}
