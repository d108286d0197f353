import type { SearchQuery } from './types.js';

// Synthetic statements and queries shared by the SQLite and PostgreSQL search benchmarks (no real text is used).

/** A realistic query mix: one to three words (frequent and rare), phrases, speaker/outlet/date filters. */
export function makeQuery(index: number, vocabulary: readonly string[], zipf: () => number, speakers: readonly string[], random: () => number): SearchQuery {
  const word = (): string => vocabulary[zipf()]!;
  const shape = index % 6;
  if (shape === 0) return { text: word(), limit: 20 };
  if (shape === 1) return { text: `${word()} ${word()}`, limit: 20 };
  if (shape === 2) return { text: `"${word()} ${word()}"`, limit: 20 };
  if (shape === 3) return { text: word(), speaker: speakers[Math.floor(random() * speakers.length)]!, limit: 20 };
  if (shape === 4) return { text: `${word()} ${word()} ${word()}`, from: '2023-01-01', to: '2023-12-31', limit: 20 };
  return { text: `${word()} OR ${word()}`, outlet: `outlet${Math.floor(random() * 50)}.test`, limit: 20 };
}

/** Statements per bulk-load transaction: large enough that commits are rare, small enough to bound the WAL. */

/** Pronounceable pseudo-words, so the benchmark never needs (or copies) real text. */
export function makeVocabulary(size: number, random: () => number): string[] {
  const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'st', 'tr', 'pl', 'gr', 'sh', 'ch'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ee'];
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = '';
    for (let index = 0; index < syllables; index++) word += onsets[Math.floor(random() * onsets.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    if (random() < 0.5) word += onsets[Math.floor(random() * 17)]!;
    words.add(word);
  }
  return [...words];
}

/** Word ranks drawn with a Zipf(1) distribution, like word frequencies in news text. */
export function zipfSampler(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / (rank + 1);
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** mulberry32: a small seeded generator, so every run builds the same library and asks the same queries. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

