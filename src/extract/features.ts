import { CUE_NOUNS, CUE_VERBS } from '../lexicon/cues.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';
import { loadWordClusters } from './word-clusters.js';

/** Number of feature templates: every token gets exactly one hashed value per template. */
export const TEMPLATE_COUNT = 52;

const STANCE_CLASSES = ['neutral', 'emphatic', 'distancing', 'admission', 'denial', 'warning', 'revelation', 'argument', 'question', 'belief', 'evidential'];

/** FNV-1a over a string's UTF-16 code units. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Combines a template's seed (`templateSeed(template)`) with up to three values into one well-mixed 32-bit feature
 * key. row-sums.ts's `mix` computes the same in WebAssembly: a change here is a change there.
 */
function mixSeeded(seed: number, a: number, b: number, c: number): number {
  let hash = seed ^ a;
  hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b) ^ b;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) ^ c;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The first step of a template's keys, the same for every token. */
function templateSeed(template: number): number {
  return Math.imul(template + 1, 0x9e3779b1);
}

/** A coarse word shape: X, Xx, x, d, punctuation by character, quote. Reads char codes: no allocation. */
function shapeOf(kind: number, lower: string, text: string, start: number, end: number): number {
  if (kind === TokenKind.Number) return 1;
  if (kind === TokenKind.Quote) return 2;
  if (kind === TokenKind.Punct) return 16 + (lower.charCodeAt(0) & 0xff);
  if (text.charCodeAt(start) === lower.charCodeAt(0)) return 3;
  // Capitalised: all capitals (two letters or more) or an initial capital.
  let allUpper = end - start > 1;
  for (let offset = start + 1; offset < end && allUpper; offset++) {
    if (text.charCodeAt(offset) === lower.charCodeAt(offset - start) && lower.charCodeAt(offset - start) !== 46 && lower.charCodeAt(offset - start) !== 45) allUpper = false;
  }
  if (allUpper) return 4;
  return text.charCodeAt(start) < 128 ? 5 : 6;
}

/** The length of a crude lemma: the word without a final -s, -es, -ed, -d or -ing (tweets, tweeted, tweeting → tweet). */
function lemmaLength(word: string): number {
  const end = word.length;
  // Character codes rather than endsWith: g 103, n 110, i 105, d 100, e 101, s 115.
  const last = word.charCodeAt(end - 1);
  const beforeLast = word.charCodeAt(end - 2);
  if (end > 5 && last === 103 && beforeLast === 110 && word.charCodeAt(end - 3) === 105) return end - 3;
  if (end > 4 && beforeLast === 101 && (last === 100 || last === 115)) return end - 2;
  if (end > 3 && last === 115 && beforeLast !== 115) return end - 1;
  return end;
}

/** FNV-1a of the last three code units of `word` (the whole word when shorter), without slicing; unrolled, as it runs per token. */
function hashSuffix(word: string): number {
  const end = word.length;
  let hash = 0x811c9dc5;
  if (end >= 3) hash = Math.imul(hash ^ word.charCodeAt(end - 3), 0x01000193);
  if (end >= 2) hash = Math.imul(hash ^ word.charCodeAt(end - 2), 0x01000193);
  if (end >= 1) hash = Math.imul(hash ^ word.charCodeAt(end - 1), 0x01000193);
  return hash >>> 0;
}

/** A distance in tokens as one of nine buckets: 0 none (negative), 1–4 for 0–3, 5 up to 6, 6 up to 10, 7 up to 20, 8 beyond. */
function bucket(distance: number): number {
  return distance < 0 ? 0 : distance > 20 ? 8 : NEAR_BUCKETS[distance]!;
}

/** `bucket` of 0 … 20, read from a table: one load instead of a chain of branches. */
const NEAR_BUCKETS = Uint8Array.from({ length: 21 }, (_, distance) => (distance <= 3 ? distance + 1 : distance <= 6 ? 5 : distance <= 10 ? 6 : 7));

/** The class of every cue word, in one table: a verb's is 1 + its stance's index, a noun's 20, the markers' 21 (a verb's wins). */
const CUE_CLASSES = new Map<string, number>([
  ...['according', ':', '―'].map((word): [string, number] => [word, 21]),
  ...[...CUE_NOUNS.keys()].map((word): [string, number] => [word, 20]),
  ...[...CUE_VERBS].map(([word, verb]): [string, number] => [word, 1 + STANCE_CLASSES.indexOf(verb.stance)]),
]);

/**
 * CUE_CLASSES keyed by the word's `hashString`, which `extractFeatures` computes for every token anyway: open
 * addressing at most one sixteenth full, with a bit per slot (2 KB, so it stays in the nearest cache) saying whether
 * it is taken. A word that is no cue (most tokens) usually costs one bit read, and never a look at its string; a hash
 * that matches is confirmed against the word.
 */
const CUE_BITS = Math.max(5, Math.ceil(Math.log2(16 * CUE_CLASSES.size)));
const CUE_MASK = (1 << CUE_BITS) - 1;
const CUE_TAKEN = new Int32Array(1 << (CUE_BITS - 5));
const CUE_SLOT_HASHES = new Uint32Array(1 << CUE_BITS);
const CUE_SLOT_CLASSES = new Uint8Array(1 << CUE_BITS);
const CUE_SLOT_WORDS: string[] = new Array<string>(1 << CUE_BITS).fill('');
for (const [word, cueClass] of CUE_CLASSES) {
  if (cueClass === 0) continue; // the class a missing word gets
  const hash = hashString(word);
  let slot = Math.imul(hash, 0x9e3779b1) >>> (32 - CUE_BITS);
  while ((CUE_TAKEN[slot >>> 5]! & (1 << (slot & 31))) !== 0) slot = (slot + 1) & CUE_MASK;
  CUE_TAKEN[slot >>> 5]! |= 1 << (slot & 31);
  CUE_SLOT_HASHES[slot] = hash;
  CUE_SLOT_CLASSES[slot] = cueClass;
  CUE_SLOT_WORDS[slot] = word;
}

/** `CUE_CLASSES.get(word) ?? 0`, given `hash` = `hashString(word)`. */
function cueClassOf(word: string, hash: number): number {
  for (let slot = Math.imul(hash, 0x9e3779b1) >>> (32 - CUE_BITS); ; slot = (slot + 1) & CUE_MASK) {
    if ((CUE_TAKEN[slot >>> 5]! & (1 << (slot & 31))) === 0) return 0;
    if (CUE_SLOT_HASHES[slot] === hash && CUE_SLOT_WORDS[slot] === word) return CUE_SLOT_CLASSES[slot]!;
  }
}

/**
 * he, she, they, i, we, it, you: compared by length and character codes, as string equality is a call per comparison
 * and most tokens are short words. Codes: i 105, h 104, e 101, w 119, t 116, s 115, y 121, o 111, u 117.
 */
function isPronoun(word: string): boolean {
  const first = word.charCodeAt(0);
  switch (word.length) {
    case 1: return first === 105;
    case 2: {
      const second = word.charCodeAt(1);
      return second === 101 ? first === 104 || first === 119 : first === 105 && second === 116;
    }
    case 3: return first === 115 ? word.charCodeAt(1) === 104 && word.charCodeAt(2) === 101 : first === 121 && word.charCodeAt(1) === 111 && word.charCodeAt(2) === 117;
    case 4: return first === 116 && word.charCodeAt(1) === 104 && word.charCodeAt(2) === 101 && word.charCodeAt(3) === 121;
    default: return false;
  }
}

/**
 * The per-token values read from each word's characters, one column each. Kept out of `extractFeatures`: in a small
 * function V8 inlines `hashSuffix`, which it did not do inside that large one.
 */
function hashWords(tokens: Tokens, words: Uint32Array, lemma: Uint32Array, suffix: Uint32Array, cues: Uint32Array, pronoun: Uint32Array, shapes: Uint32Array): void {
  const { count, lower, kinds, starts, ends, text } = tokens;
  for (let index = 0; index < count; index++) {
    const word = lower[index]!;
    // One pass gives both hashes: the lemma's is the word's hash part way through.
    const lemmaEnd = lemmaLength(word);
    let hash = 0x811c9dc5;
    for (let offset = 0; offset < lemmaEnd; offset++) hash = Math.imul(hash ^ word.charCodeAt(offset), 0x01000193);
    lemma[index] = hash >>> 0;
    for (let offset = lemmaEnd; offset < word.length; offset++) hash = Math.imul(hash ^ word.charCodeAt(offset), 0x01000193);
    words[index] = hash >>> 0;
    suffix[index] = hashSuffix(word);
    cues[index] = cueClassOf(word, hash >>> 0);
    pronoun[index] = isPronoun(word) ? 1 : 0;
    shapes[index] = shapeOf(kinds[index]!, word, text, starts[index]!, ends[index]!);
  }
}

/**
 * Hashed feature keys for every token: `keys[token * TEMPLATE_COUNT + template]`. Linear in the token count:
 * nearest-cue distances come from one left and one right sweep per sentence. With `into` (at least count ×
 * TEMPLATE_COUNT values), the keys are written to its start and a view of them returned instead of a new array: a
 * document's keys are 200 KB, and fresh memory that size measured a third of this function's time. With `mixer`
 * holding `into` (the tagger's WebAssembly memory), the keys are hashed there four tokens at a time.
 */
export function extractFeatures(tokens: Tokens, quotations: QuotationResult, into?: Uint32Array, mixer?: KeyMixer): Uint32Array {
  const { count, lower, kinds, sentence, breaksBefore, sentenceStarts } = tokens;
  if (into !== undefined && into.length < count * TEMPLATE_COUNT) throw new Error(`extractFeatures: expected room for ${count * TEMPLATE_COUNT} keys, found ${into.length}`);
  const keys = into === undefined ? new Uint32Array(count * TEMPLATE_COUNT) : into.subarray(0, count * TEMPLATE_COUNT);
  const pool = BASE_COLUMNS;
  lastWords = null; // the pool's columns are about to be rewritten
  pool.begin(count);
  const column = (): Uint32Array => pool.uint32(0);
  // Columns every token writes need no zeroing first.
  const written = (): Uint32Array => pool.written();
  const words = written();
  const shapes = written();
  const cues = written();
  const suffix = written(), lemma = written(), pronoun = written();
  hashWords(tokens, words, lemma, suffix, cues, pronoun, shapes);
  lastWords = { tokens, words };

  // Nearest cue word to the left and right within the sentence, and whether "that" lies between: each sweep writes
  // the distance's bucket and the cue's word hash directly (0 and NONE where no cue is in reach).
  const left = column(), right = column(), leftWord = pool.uint32(NONE), rightWord = pool.uint32(NONE);
  const leftThat = column();
  const leftCommas = column();
  for (let sentenceIndex = 0; sentenceIndex + 1 < sentenceStarts.length; sentenceIndex++) {
    const first = sentenceStarts[sentenceIndex]!;
    const last = sentenceStarts[sentenceIndex + 1]!;
    let cue = -1;
    let cueWord = 0;
    let that = 0;
    let commas = 0;
    for (let index = first; index < last; index++) {
      if (cue >= 0) {
        left[index] = bucket(index - cue);
        leftWord[index] = cueWord;
        leftThat[index] = that;
        leftCommas[index] = commas > 3 ? 3 : commas;
      }
      // The word hash first: most tokens are neither, and a hash comparison is cheaper than a string one.
      const word = words[index]!;
      if (cues[index]! > 0) {
        cue = index;
        cueWord = word;
        that = 0;
        commas = 0;
      } else if (word === HASH_THAT && lower[index] === 'that') that = 1;
      else if (word === HASH_COMMA && lower[index] === ',') commas++;
    }
    cue = -1;
    for (let index = last - 1; index >= first; index--) {
      if (cue >= 0) {
        right[index] = bucket(cue - index);
        rightWord[index] = cueWord;
      }
      if (cues[index]! > 0) {
        cue = index;
        cueWord = words[index]!;
      }
    }
  }

  // Per quotation: how far after the closing mark a cue follows (", he said"; ", Alan Cole, an economist, said") and
  // how far before the opening mark one precedes ("said: “"), within the sentence around it.
  const { quotations: quotationList, tokenQuotation } = quotations;
  const cueAfter = new Uint8Array(quotationList.length);
  const cueBefore = new Uint8Array(quotationList.length);
  quotationList.forEach((quotation, quotationIndex) => {
    const limitAfter = Math.min(count, quotation.closeToken + 16);
    for (let index = quotation.closeToken + 1; index < limitAfter; index++) {
      if (cues[index]! > 0) {
        cueAfter[quotationIndex] = bucket(index - quotation.closeToken);
        break;
      }
      if (lower[index] === '.' || breaksBefore[index]! > 0) break;
    }
    for (let index = quotation.openToken - 1; index >= Math.max(0, quotation.openToken - 8); index--) {
      if (cues[index]! > 0) {
        cueBefore[quotationIndex] = bucket(quotation.openToken - index);
        break;
      }
      if (breaksBefore[index + 1]! > 0) break;
    }
  });

  // Transcript paragraphs ("PENCE: …", "“WALLACE: …"): 1 on the speaker, 2 on the colon, 3 after it.
  const transcript = column();
  for (let index = 0; index < count; index++) {
    if (!(index === 0 || breaksBefore[index]! > 0)) continue;
    let first = index;
    if (kinds[first] === TokenKind.Quote) first++;
    let last = first;
    while (last < count && last - first < 3 && kinds[last] === TokenKind.Word && shapes[last] === 4 && breaksBefore[last + 1] === 0) last++;
    if (last === first || last >= count || lower[last] !== ':') continue;
    for (let token = first; token < last; token++) transcript[token] = 1;
    transcript[last] = 2;
    for (let token = last + 1; token < count && breaksBefore[token] === 0; token++) transcript[token] = 3;
  }

  // Per-token values, one column each; neighbours are views into padded copies (no per-template copying).
  const wordWindow = paddedWindow(pool, words, count, NONE);
  const shapeWindow = paddedWindow(pool, shapes, count, 0);
  const cueWindow = paddedWindow(pool, cues, count, 99);
  const w0 = wordWindow(0), s0 = shapeWindow(0);
  const quoteRole = column(), depth = column(), quoteContext = column(), inQuote = column();
  const position3 = written(), remaining3 = written(), sentenceStart = written(), paragraphStart = written();
  const transcriptInQuote = written();
  for (let index = 0; index < count; index++) {
    const sentenceIndex = sentence[index]!;
    const position = index - sentenceStarts[sentenceIndex]!;
    const remaining = sentenceStarts[sentenceIndex + 1]! - 1 - index;
    position3[index] = position > 3 ? 3 : position;
    remaining3[index] = remaining > 3 ? 3 : remaining;
    sentenceStart[index] = position === 0 ? 1 : 0;
    paragraphStart[index] = breaksBefore[index]! > 0 || index === 0 ? 1 : 0;
    const quotationIndex = tokenQuotation[index]!;
    const quotation = quotationIndex >= 0 ? quotationList[quotationIndex] : undefined;
    if (quotation !== undefined) {
      inQuote[index] = 1;
      quoteRole[index] = quotation.openToken === index ? 1 : quotation.closeToken === index ? 2 : 3;
      depth[index] = quotation.depth;
      quoteContext[index] = 1 + cueAfter[quotationIndex]! + 16 * cueBefore[quotationIndex]!;
    }
    transcriptInQuote[index] = inQuote[index]! + 2 * transcript[index]!;
  }
  // Distributional word clusters (models/word-clusters.bin): 1 + cluster index, 0 for a word outside the table; the
  // padding beyond the document's ends is a value no cluster takes.
  const cluster = written();
  loadWordClusters().fill(words, count, [cluster]);
  const clusterWindow = paddedWindow(pool, cluster, count, 0x1ff);
  const c0 = clusterWindow(0);
  const one = column().fill(1);
  // One row per template, in template order: the values it combines (changing a row changes the keys: retrain).
  const templates: ReadonlyArray<readonly Uint32Array[]> = [
    [one],
    [w0],
    [wordWindow(-1)],
    [wordWindow(1)],
    [wordWindow(-2)],
    [wordWindow(2)],
    [wordWindow(-1), w0],
    [w0, wordWindow(1)],
    [s0],
    [shapeWindow(-1), s0, shapeWindow(1)],
    [suffix],
    [cueWindow(0)],
    [cueWindow(-1)],
    [cueWindow(1)],
    [quoteRole, depth],
    [quoteContext, quoteRole],
    [position3, remaining3],
    [left],
    [right],
    [leftWord],
    [rightWord],
    [left, leftThat],
    [paragraphStart, sentenceStart, transcript],
    [s0, sentenceStart],
    [w0, left],
    [w0, right],
    [pronoun, right, left],
    [leftCommas, left],
    [left, right],
    [s0, left],
    [s0, right],
    [inQuote, left],
    [inQuote, right],
    [quoteContext, left, right],
    [leftWord, left],
    [rightWord, right],
    [wordWindow(-1), w0, wordWindow(1)],
    [lemma],
    [lemma, left, right],
    [remaining3, right, transcriptInQuote],
    [c0],
    [clusterWindow(-1), c0],
    [c0, clusterWindow(1)],
    [c0, left],
    [c0, right],
    [clusterWindow(-1), c0, clusterWindow(1)],
    [clusterWindow(-2), clusterWindow(-1)],
    [clusterWindow(1), clusterWindow(2)],
    [wordWindow(-2), wordWindow(-1)],
    [wordWindow(-1), c0],
    [cueWindow(-1), c0],
    [c0, left, leftThat],
  ];
  fillTemplates(keys, templates, 0, count, column(), 'extractFeatures', mixer !== undefined && mixer.holds(keys) ? pool.stage(mixer) : null);
  return keys;
}

/**
 * Working columns of one call, carved from chunks kept between calls: a document needs a few dozen columns, and
 * allocating each typed array afresh (zeroed by the allocator, then collected) measured slower than reusing memory.
 * `begin` hands the chunks out again, so no column may outlive the call that took it; each pool serves one function.
 */
class ColumnPool {
  private readonly chunks: ArrayBuffer[] = [];
  private chunk = 0;
  private used = 0;
  private count = 0;
  private offset = 0;

  /** Bytes used of each chunk before the current one in this call. */
  private readonly usedOf: number[] = [];

  /** Starts a call whose columns hold `count` values; every column taken before is released. */
  begin(count: number): void {
    this.count = count;
    this.chunk = 0;
    this.used = 0;
  }

  /** Copies the chunks this call used into `mixer`'s memory; a column's address there is `at(column)` (-1: not copied). */
  stage(mixer: KeyMixer): StagedColumns | null {
    const buffers = this.chunks.slice(0, Math.min(this.chunk + 1, this.chunks.length));
    const lengths = buffers.map((_, index) => (index < this.chunk ? this.usedOf[index]! : this.used));
    const offsets = mixer.stage(buffers, lengths);
    if (offsets === null) return null;
    return {
      mixer,
      at: (column) => {
        const index = buffers.indexOf(column.buffer as ArrayBuffer);
        return index < 0 ? -1 : offsets[index]! + column.byteOffset;
      },
    };
  }

  /** A column of `length` (default: the call's count) 32-bit values, all `fill`. */
  uint32(fill: number, length = this.count): Uint32Array {
    const buffer = this.take(length);
    return new Uint32Array(buffer, this.offset, length).fill(fill);
  }

  /** A column of the call's count 32-bit values left as the memory held them: only for columns the caller writes in full. */
  written(): Uint32Array {
    const buffer = this.take(this.count);
    return new Uint32Array(buffer, this.offset, this.count);
  }

  int32(fill: number, length = this.count): Int32Array {
    const buffer = this.take(length);
    return new Int32Array(buffer, this.offset, length).fill(fill);
  }

  /** The memory for the next `length` values, from byte `this.offset`: the current chunk, the next, or (a column too large for a chunk, or the kept chunks used up) memory of its own. */
  private take(length: number): ArrayBuffer {
    const bytes = 4 * length;
    if (this.used + bytes > CHUNK_BYTES && this.chunk < this.chunks.length) {
      this.usedOf[this.chunk] = this.used;
      this.chunk++;
      this.used = 0;
    }
    if (bytes > CHUNK_BYTES || (this.chunk === this.chunks.length && this.chunks.length >= MAX_CHUNKS)) {
      this.offset = 0;
      return new ArrayBuffer(bytes);
    }
    if (this.chunk === this.chunks.length) this.chunks.push(new ArrayBuffer(CHUNK_BYTES));
    this.offset = this.used;
    this.used += bytes;
    return this.chunks[this.chunk]!;
  }
}

/** 64 KB chunks, at most 32 kept per pool (2 MB): enough for the columns of a document of about 10,000 tokens. */
const CHUNK_BYTES = 1 << 16;
const MAX_CHUNKS = 32;
/** Room a `KeyMixer` keeps for one pool's columns. */
export const COLUMN_STAGING_BYTES = CHUNK_BYTES * MAX_CHUNKS;

/**
 * Hashes keys where they live (row-sums.ts's `RowSums`, whose memory holds the tagger's keys): columns are copied in
 * with `stage`, then `mix` writes one template's keys for the first tokens, four at a time, and says how many.
 */
export interface KeyMixer {
  holds(keys: Uint32Array): boolean;
  stage(buffers: readonly ArrayBuffer[], lengths: readonly number[]): number[] | null;
  mix(count: number, width: number, column: number, seed: number, a: number, b: number, c: number): number;
}

/** A pool's columns copied into a mixer's memory. */
interface StagedColumns {
  readonly mixer: KeyMixer;
  at(column: Uint32Array): number;
}
const BASE_COLUMNS = new ColumnPool();
const STACKED_COLUMNS = new ColumnPool();

/** The word hashes of the last `extractFeatures` call (a column of BASE_COLUMNS, valid until its next call) and its tokens. */
let lastWords: { readonly tokens: Tokens; readonly words: Uint32Array } | null = null;

/** The value that stands for "no word" beyond the document's ends and where no cue is in reach. */
const NONE = 0x5bd1e995;

/** `hashString` of "that" and ",", which the cue sweep compares before the strings. */
const HASH_THAT = hashString('that');
const HASH_COMMA = hashString(',');

/** Views of `values` shifted by -2..2 tokens, reading `outside` beyond either end (one padded copy, no per-shift copy). */
function paddedWindow(pool: ColumnPool, values: Uint32Array | Uint8Array, count: number, outside: number): (shift: number) => Uint32Array {
  const padded = pool.uint32(outside, count + 4);
  // One native copy: an element loop here served two array types and ran slower for it.
  padded.set(values.subarray(0, count), 2);
  // One view per shift, however many templates read it (a typed array view costs about as much as a short loop).
  const views: (Uint32Array | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
  return (shift) => (views[2 + shift] ??= padded.subarray(2 + shift, 2 + shift + count));
}

/**
 * Fills `keys` (one row of `templates.length` keys per token) from a template table; template ids start at `firstId`.
 * A template combines one to three columns; missing ones read zero. With `staged`, the mixer hashes what it can.
 */
function fillTemplates(keys: Uint32Array, templates: ReadonlyArray<readonly Uint32Array[]>, firstId: number, count: number, zero: Uint32Array, caller: string, staged: StagedColumns | null = null): void {
  const width = templates.length;
  if (keys.length !== count * width) throw new Error(`${caller}: expected ${keys.length / Math.max(1, count)} templates, found ${width}`);
  for (let template = 0; template < width; template++) {
    const values = templates[template]!;
    const seed = templateSeed(firstId + template);
    const a = values[0]!, b = values[1] ?? zero, c = values[2] ?? zero;
    // Tokens the mixer hashed (all but up to three, when every column was copied to it); the rest here.
    let start = 0;
    if (staged !== null) {
      const atA = staged.at(a), atB = staged.at(b), atC = staged.at(c);
      if (atA >= 0 && atB >= 0 && atC >= 0) start = staged.mixer.mix(count, width, template, seed, atA, atB, atC);
    }
    // One or two columns: a loop that reads no column of zeros (mix with a literal 0 gives the same key).
    if (values.length === 1) fillTemplate1(keys, width, template, seed, start, count, a);
    else if (values.length === 2) fillTemplate2(keys, width, template, seed, start, count, a, b);
    else fillTemplate(keys, width, template, seed, start, count, a, b, c);
  }
}

/**
 * Writes one template's key for tokens start … count - 1: `keys[token * width + column] = mixSeeded(seed, a, b, c)`. A
 * loop per template, not a call per key: in one small loop V8 inlines the hash, which it stops doing after a few dozen
 * call sites in one function.
 */
function fillTemplate(keys: Uint32Array, width: number, column: number, seed: number, start: number, count: number, a: Uint32Array, b: Uint32Array, c: Uint32Array): void {
  for (let index = start, at = start * width + column; index < count; index++, at += width) keys[at] = mixSeeded(seed, a[index]!, b[index]!, c[index]!);
}

/** `fillTemplate` of a one-column template. */
function fillTemplate1(keys: Uint32Array, width: number, column: number, seed: number, start: number, count: number, a: Uint32Array): void {
  for (let index = start, at = start * width + column; index < count; index++, at += width) keys[at] = mixSeeded(seed, a[index]!, 0, 0);
}

/** `fillTemplate` of a two-column template. */
function fillTemplate2(keys: Uint32Array, width: number, column: number, seed: number, start: number, count: number, a: Uint32Array, b: Uint32Array): void {
  for (let index = start, at = start * width + column; index < count; index++, at += width) keys[at] = mixSeeded(seed, a[index]!, b[index]!, 0);
}

/** Extra templates of the second (stacked) pass, computed from the first pass's labels. */
export const STACKED_TEMPLATE_COUNT = 16;

const SPAN_TYPE_OF_LABEL = [0, 1, 1, 2, 2, 3, 3];

/**
 * Second-pass features (the base keys are read alongside, not copied): templates over the first pass's predicted labels (neighbouring labels,
 * the nearest predicted spans on each side, whether the token sits inside a predicted span). Linear.
 */
export function extractStackedFeatures(tokens: Tokens, firstPass: Uint8Array): Uint32Array {
  const keys = new Uint32Array(tokens.count * STACKED_TEMPLATE_COUNT);
  fillStackedFeatures(keys, tokens, firstPass);
  return keys;
}

/** `extractStackedFeatures` into `keys` (tokens.count × STACKED_TEMPLATE_COUNT values, every one written); hashed by `mixer` when it holds them. */
export function fillStackedFeatures(keys: Uint32Array, tokens: Tokens, firstPass: Uint8Array, mixer?: KeyMixer): void {
  const { count, lower, breaksBefore } = tokens;
  const pool = STACKED_COLUMNS;
  pool.begin(count);
  const column = (): Uint32Array => pool.uint32(0);
  // Span extents of the first pass: for each token, the start and end token of the predicted span it is in.
  const spanFirst = pool.int32(-1);
  const spanLast = pool.int32(-1);
  for (let index = 0; index < count; index++) {
    const label = firstPass[index]!;
    if (label === 0) continue;
    const inside = label === 2 || label === 4 || label === 6;
    spanFirst[index] = inside && index > 0 && spanFirst[index - 1]! >= 0 ? spanFirst[index - 1]! : index;
  }
  for (let index = count - 1; index >= 0; index--) {
    if (firstPass[index] === 0) continue;
    const nextInside = index + 1 < count && (firstPass[index + 1] === 2 || firstPass[index + 1] === 4 || firstPass[index + 1] === 6);
    spanLast[index] = nextInside ? spanLast[index + 1]! : index;
  }
  // Nearest predicted span ending before the token (type, distance) and starting after it, within the paragraph.
  // Distances are written as their buckets directly (0, the bucket of "none", where nothing is in reach).
  const leftType = column(), leftSpan = column(), leftCueBucket = column();
  let lastType = 0;
  let lastEnd = -1;
  let lastCue = -1;
  for (let index = 0; index < count; index++) {
    if (breaksBefore[index]! > 0) {
      lastType = 0;
      lastEnd = -1;
      lastCue = -1;
    }
    if (lastEnd >= 0) {
      leftType[index] = lastType;
      leftSpan[index] = bucket(index - lastEnd);
    }
    if (lastCue >= 0) leftCueBucket[index] = bucket(index - lastCue);
    if (spanLast[index] === index) {
      lastType = SPAN_TYPE_OF_LABEL[firstPass[index]!]!;
      lastEnd = index;
      if (lastType === 2) lastCue = index;
    }
  }
  const rightType = column(), rightSpan = column(), rightCueBucket = column();
  let nextType = 0;
  let nextStart = -1;
  let nextCue = -1;
  for (let index = count - 1; index >= 0; index--) {
    if (nextStart >= 0) {
      rightType[index] = nextType;
      rightSpan[index] = bucket(nextStart - index);
    }
    if (nextCue >= 0) rightCueBucket[index] = bucket(nextCue - index);
    if (spanFirst[index] === index) {
      nextType = SPAN_TYPE_OF_LABEL[firstPass[index]!]!;
      nextStart = index;
      if (nextType === 2) nextCue = index;
    }
    if (breaksBefore[index]! > 0) {
      nextType = 0;
      nextStart = -1;
      nextCue = -1;
    }
  }
  const labelWindow = paddedWindow(pool, firstPass, count, 9);
  // The word hashes of the base features when they were the last computed, for these tokens (the pass that tags a document).
  const hashed = lastWords !== null && lastWords.tokens === tokens ? lastWords.words : null;
  // Copied into this pool's memory rather than read where it is: a mixer is given this pool's columns only.
  const word = pool.written();
  if (hashed !== null) word.set(hashed);
  else for (let index = 0; index < count; index++) word[index] = hashString(lower[index]!);
  // Every token writes these.
  const spanType = pool.written(), positionInSpan = pool.written(), before = pool.written(), after = pool.written();
  for (let index = 0; index < count; index++) {
    spanType[index] = SPAN_TYPE_OF_LABEL[firstPass[index]!]!;
    const first = spanFirst[index]!;
    const last = spanLast[index]!;
    positionInSpan[index] = first < 0 ? 0 : first === index && last === index ? 4 : first === index ? 1 : last === index ? 3 : 2;
    before[index] = first > 0 ? firstPass[first - 1]! : 9;
    after[index] = last >= 0 && last + 1 < count ? firstPass[last + 1]! : 9;
  }
  const label = labelWindow(0);
  // One row per template (ids 100…), in order; as in extractFeatures, changing a row means retraining.
  const templates: ReadonlyArray<readonly Uint32Array[]> = [
    [label],
    [labelWindow(-1), label],
    [label, labelWindow(1)],
    [labelWindow(-2), labelWindow(-1), label],
    [label, labelWindow(1), labelWindow(2)],
    [leftType, leftSpan],
    [rightType, rightSpan],
    [spanType, positionInSpan],
    [word, label],
    [leftCueBucket, rightCueBucket],
    [leftType, rightType, spanType],
    [before, after, spanType],
    [word, leftType, rightType],
    [label, leftCueBucket],
    [label, rightCueBucket],
    [word, leftCueBucket, rightCueBucket],
  ];
  fillTemplates(keys, templates, 100, count, column(), 'extractStackedFeatures', mixer !== undefined && mixer.holds(keys) ? pool.stage(mixer) : null);
}
