import type { Statement } from '../model/types.js';
import type { SearchQuery } from './types.js';

// Synthetic statements and queries shared by the SQLite and PostgreSQL search benchmarks (no real text is used).

const STATEMENTS_PER_ARTICLE = 10;
const WORDS_PER_STATEMENT = 14;
const VOCABULARY_SIZE = 30_000;
const SPEAKER_COUNT = 5_000;

/** The seeded word source both backends' search benchmarks draw from, so they store the same statements and ask the same queries. */
export interface SyntheticCollection {
  readonly random: () => number;
  readonly vocabulary: readonly string[];
  /** A word rank, Zipf-distributed. */
  readonly zipf: () => number;
  readonly speakers: readonly string[];
}

export function makeSyntheticCollection(): SyntheticCollection {
  const random = seededRandom(42);
  const vocabulary = makeVocabulary(VOCABULARY_SIZE, random);
  const zipf = zipfSampler(VOCABULARY_SIZE, random);
  const speakers = Array.from({ length: SPEAKER_COUNT }, (_, index) => `${capitalize(vocabulary[(index * 7) % VOCABULARY_SIZE]!)} ${capitalize(vocabulary[(index * 13 + 5) % VOCABULARY_SIZE]!)}`);
  return { random, vocabulary, zipf, speakers };
}

export interface SyntheticArticle {
  /** Statements generated before this article's first: a run-unique number for ids and URLs. */
  readonly index: number;
  /** Unique per article (an article's text hash column holds it). */
  readonly key: string;
  readonly url: string;
  readonly outlet: string;
  readonly title: string;
  /** YYYY-MM-DD, 2020–2024. */
  readonly day: string;
  /** The statements' contents, one per line. */
  readonly text: string;
  /** Direct quotations without a cue; each speaker is an index into the collection's speakers. */
  readonly statements: ReadonlyArray<{ readonly statement: Statement; readonly speakerIndex: number }>;
}

/** `count` synthetic statements in articles of ten (the last may hold fewer), drawn in a fixed order from the collection. */
export function* syntheticArticles(collection: SyntheticCollection, count: number): Generator<SyntheticArticle> {
  const { random, vocabulary, zipf, speakers } = collection;
  for (let done = 0; done < count; ) {
    const batch = Math.min(STATEMENTS_PER_ARTICLE, count - done);
    const contents: string[] = [];
    for (let index = 0; index < batch; index++) {
      const words: string[] = [];
      for (let position = 0; position < WORDS_PER_STATEMENT; position++) words.push(vocabulary[zipf()]!);
      contents.push(`${words.join(' ')}.`);
    }
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
    const title = `${capitalize(vocabulary[zipf()]!)} ${vocabulary[zipf()]!} ${vocabulary[zipf()]!}`;
    const outlet = `outlet${Math.floor(random() * 50)}.test`;
    const key = `synthetic-${done}-${random()}`;
    let offset = 0;
    const statements = contents.map((content, index) => {
      const speakerIndex = Math.floor(random() * speakers.length);
      const statement: Statement = {
        id: `s${index + 1}`,
        kind: 'direct',
        content: [{ start: offset, end: offset + content.length, text: content }],
        cue: null,
        source: null,
        speaker: { name: speakers[speakerIndex]!, entity: null, evidence: [] },
        via: [],
      };
      offset += content.length + 1;
      return { statement, speakerIndex };
    });
    yield { index: done, key, url: `https://${outlet}/story/${done}`, outlet, title, day, text: contents.join('\n'), statements };
    done += batch;
  }
}

/** Latency figures of one run of queries, in milliseconds. */
export function latencyFigures(timings: readonly number[]): { queries: number; p50Ms: number; p95Ms: number; p99Ms: number; meanMs: number } {
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    queries: sorted.length,
    p50Ms: round(percentile(sorted, 0.5), 2),
    p95Ms: round(percentile(sorted, 0.95), 2),
    p99Ms: round(percentile(sorted, 0.99), 2),
    meanMs: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length), 2),
  };
}

/** A realistic query mix: one to three words (frequent and rare), phrases, speaker/outlet/date filters. */
export function makeQuery(index: number, collection: SyntheticCollection): SearchQuery {
  const { vocabulary, zipf, speakers, random } = collection;
  const word = (): string => vocabulary[zipf()]!;
  const shape = index % 6;
  if (shape === 0) return { text: word(), limit: 20 };
  if (shape === 1) return { text: `${word()} ${word()}`, limit: 20 };
  if (shape === 2) return { text: `"${word()} ${word()}"`, limit: 20 };
  if (shape === 3) return { text: word(), speaker: speakers[Math.floor(random() * speakers.length)]!, limit: 20 };
  if (shape === 4) return { text: `${word()} ${word()} ${word()}`, from: '2023-01-01', to: '2023-12-31', limit: 20 };
  return { text: `${word()} OR ${word()}`, outlet: `outlet${Math.floor(random() * 50)}.test`, limit: 20 };
}

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

