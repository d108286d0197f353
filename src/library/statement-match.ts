import { fnv1a } from './minhash.js';
import { scanWords } from './normalize.js';
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

/** Joins the words of one multi-word name into one content word ("Northern Rail Link" → "northern_rail_link"). */
const NAME_JOINER = '_';

/**
 * The distinct content words of a statement (stopwords dropped, numbers kept, lightly stemmed), in order of first
 * occurrence. Capitalized words next to each other (only spaces between) are one multi-word name and count as one
 * word: two short reports that share only "the Northern Rail Link" and one more word were the same utterance by
 * containment when each word of the name counted. Limit: a capitalized sentence opener joins a name right after it.
 */
export function contentWords(text: string): string[] {
  const original = text.normalize('NFC');
  const lower = original.toLowerCase();
  // One scan finds the content words, where each starts and ends, and how many are capitalized; case is read at the
  // same offsets, which needs a lower-casing that keeps the length (nearly every text). An empty word marks a stopword.
  const sameOffsets = lower.length === original.length;
  const found: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let contentCount = 0;
  let capitalizedCount = 0;
  scanWords(lower, (start, end) => {
    const word = lower.slice(start, end);
    const stop = STOPWORDS.has(word);
    if (stop && (found.length === 0 || found[found.length - 1] === '')) return;
    found.push(stop ? '' : stem(withoutPossessive(word)));
    starts.push(start);
    ends.push(end);
    if (stop) return;
    contentCount++;
    if (sameOffsets && isCapitalized(original, lower, start)) capitalizedCount++;
  });
  // A text in title case (every content word capitalized, three or more: a headline) tells no names from other words.
  const readNames = sameOffsets && capitalizedCount > 1 && !(contentCount >= 3 && capitalizedCount === contentCount);
  const words = new Set<string>();
  for (let index = 0; index < found.length; index++) {
    const word = found[index]!;
    if (word === '') continue;
    let last = index;
    if (readNames && isCapitalized(original, lower, starts[index]!)) {
      while (last + 1 < found.length && found[last + 1] !== '' && isCapitalized(original, lower, starts[last + 1]!) && onlySpacesBetween(lower, ends[last]!, starts[last + 1]!)) last++;
    }
    words.add(last === index ? word : found.slice(index, last + 1).join(NAME_JOINER));
    index = last;
  }
  return [...words];
}

function isCapitalized(original: string, lower: string, start: number): boolean {
  return original.charCodeAt(start) !== lower.charCodeAt(start);
}

function onlySpacesBetween(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (text.charCodeAt(index) !== 0x20) return false;
  return true;
}

/**
 * Integer keys for the candidate index: hashes of the distinct single words (a name's words one by one, so the keys are
 * those of the words as they were before names were joined), the first MAX_INDEX_KEYS of them, 31 bits each.
 */
export function contentKeys(words: readonly string[]): number[] {
  const singles = new Set<string>();
  for (const word of words) {
    if (singles.size >= MAX_INDEX_KEYS) break;
    if (!word.includes(NAME_JOINER)) singles.add(word);
    else for (const part of word.split(NAME_JOINER)) singles.add(part);
  }
  return [...singles].slice(0, MAX_INDEX_KEYS).map((word) => fnv1a(word) & 0x7fffffff);
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

/**
 * True when two reports' words say the same thing (same speaker is checked by the caller), as clustering decides for
 * one pair: the candidate index finds reports sharing at least MIN_SHARED_WORDS single words, and their containment
 * (a name counting once) must reach SAME_UTTERANCE_CONTAINMENT.
 */
export function sameUtterance(first: readonly string[], second: readonly string[]): boolean {
  const firstKeys = new Set(contentKeys(first));
  let sharedKeys = 0;
  for (const key of new Set(contentKeys(second))) if (firstKeys.has(key)) sharedKeys++;
  return sharedKeys >= MIN_SHARED_WORDS && containment(first, second) >= SAME_UTTERANCE_CONTAINMENT;
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
