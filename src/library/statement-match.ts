import { fnv1a } from './minhash.js';
import { wordTokens } from './normalize.js';
import { STOPWORDS } from './stopwords.js';

/** Containment (shared / smaller set) of content words at or above which two reports are the same utterance. */
export const SAME_UTTERANCE_CONTAINMENT = 0.7;
/** Fewer shared content words than this is never enough, however short the quote. */
export const MIN_SHARED_WORDS = 3;
/** How many content-word keys of a statement go into the candidate index. */
export const MAX_INDEX_KEYS = 32;

/** Light stemming so "cuts"/"cut", "warned"/"warn" meet; the words stay readable enough for debugging. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The word without a final 's or ’s (as replacing /[’']s$/u, without a regular expression per word). */
function withoutPossessive(word: string): string {
  const last = word.length - 1;
  if (last < 1 || word.charCodeAt(last) !== 0x73) return word;
  const mark = word.charCodeAt(last - 1);
  return mark === 0x27 || mark === 0x2019 ? word.slice(0, -2) : word;
}

/** The distinct content words of a statement (stopwords dropped, numbers kept, lightly stemmed). */
export function contentWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of wordTokens(text)) {
    if (STOPWORDS.has(word)) continue;
    words.add(stem(withoutPossessive(word)));
  }
  return [...words];
}

/** Integer keys for the candidate index: hashes of the content words (31 bits, portable integer column). */
export function contentKeys(words: readonly string[]): number[] {
  return words.slice(0, MAX_INDEX_KEYS).map((word) => fnv1a(word) & 0x7fffffff);
}

/** Containment of the smaller set in the larger: a partial quote inside a longer quote scores 1. */
export function containment(first: readonly string[], second: readonly string[]): number {
  const [small, large] = first.length <= second.length ? [first, second] : [second, first];
  if (small.length === 0) return 0;
  const lookup = new Set(large);
  let shared = 0;
  for (const word of small) if (lookup.has(word)) shared++;
  return shared < Math.min(MIN_SHARED_WORDS, small.length) ? 0 : shared / small.length;
}

/**
 * containment(first, second) with the first statement's words already in a set: both lists hold distinct words, so
 * the shared count is the same from either side and the longer list never needs a set of its own.
 */
export function containmentIn(first: ReadonlySet<string>, second: readonly string[]): number {
  const smaller = Math.min(first.size, second.length);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const word of second) if (first.has(word)) shared++;
  return shared < Math.min(MIN_SHARED_WORDS, smaller) ? 0 : shared / smaller;
}

/** True when two reports' words say the same thing (same speaker is checked by the caller). */
export function sameUtterance(first: readonly string[], second: readonly string[]): boolean {
  const small = Math.min(first.length, second.length);
  if (small < MIN_SHARED_WORDS) return false;
  return containment(first, second) >= SAME_UTTERANCE_CONTAINMENT;
}

/**
 * The earlier reports a new report joins: all those tied for the best containment at or above
 * SAME_UTTERANCE_CONTAINMENT (joining only the first of equal reports made clusters depend on ingest order), as the
 * unclustered ones and the clusters of the others. Ids are row ids (numbers, or PostgreSQL's bigint strings).
 */
export class TiedReports<Id extends number | string> {
  private best = SAME_UTTERANCE_CONTAINMENT;
  unclustered: Id[] = [];
  private clusters = new Set<Id>();

  offer(id: Id, cluster: Id | null, score: number): void {
    if (score < this.best) return;
    if (score > this.best) {
      this.best = score;
      this.unclustered = [];
      this.clusters = new Set<Id>();
    }
    if (cluster === null) this.unclustered.push(id);
    else this.clusters.add(cluster);
  }

  get none(): boolean {
    return this.unclustered.length === 0 && this.clusters.size === 0;
  }

  /** Their clusters, oldest (lowest id) first: the first is kept, the others merge into it. */
  clustersOldestFirst(): Id[] {
    return [...this.clusters].sort((a, b) => Number(a) - Number(b));
  }
}

/** Notes that clusters `others` merged into `into`, also for earlier merges of one article that pointed at them. */
export function recordMerges<Id>(merged: Map<Id, Id>, others: readonly Id[], into: Id): void {
  for (const other of others) merged.set(other, into);
  for (const [from, to] of merged) if (others.includes(to)) merged.set(from, into);
}
