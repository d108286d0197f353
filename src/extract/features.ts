import { CUE_NOUNS, CUE_VERBS } from '../lexicon/cues.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';

/** Number of feature templates: every token gets exactly one hashed value per template. */
export const TEMPLATE_COUNT = 40;

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

/** Combines a template id with up to three values into one well-mixed 32-bit feature key. */
function mix(template: number, a: number, b = 0, c = 0): number {
  let hash = Math.imul(template + 1, 0x9e3779b1) ^ a;
  hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b) ^ b;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) ^ c;
  hash ^= hash >>> 16;
  return hash >>> 0;
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

/** FNV-1a of a crude lemma: the word without a final -s, -es, -ed, -d or -ing (tweets, tweeted, tweeting → tweet). */
function hashLemma(word: string): number {
  let end = word.length;
  if (end > 5 && word.endsWith('ing')) end -= 3;
  else if (end > 4 && word.endsWith('ed')) end -= 2;
  else if (end > 4 && word.endsWith('es')) end -= 2;
  else if (end > 3 && word.endsWith('s') && !word.endsWith('ss')) end -= 1;
  let hash = 0x811c9dc5;
  for (let index = 0; index < end; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** FNV-1a of the last three code units of `word` (the whole word when shorter), without slicing. */
function hashSuffix(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = word.length > 3 ? word.length - 3 : 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function bucket(distance: number): number {
  if (distance < 0) return 0; // none
  if (distance <= 3) return distance + 1;
  if (distance <= 6) return 5;
  if (distance <= 10) return 6;
  if (distance <= 20) return 7;
  return 8;
}

function cueClassOf(word: string): number {
  const verb = CUE_VERBS.get(word);
  if (verb !== undefined) return 1 + STANCE_CLASSES.indexOf(verb.stance);
  if (CUE_NOUNS.has(word)) return 20;
  if (word === 'according' || word === ':' || word === '―') return 21;
  return 0;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);

/**
 * Hashed feature keys for every token: `keys[token * TEMPLATE_COUNT + template]`. Linear in the token count:
 * nearest-cue distances come from one left and one right sweep per sentence.
 */
export function extractFeatures(tokens: Tokens, quotations: QuotationResult): Uint32Array {
  const { count, lower, kinds, starts, ends, text, sentence, breaksBefore, sentenceStarts } = tokens;
  const keys = new Uint32Array(count * TEMPLATE_COUNT);
  const words = new Uint32Array(count);
  const shapes = new Uint16Array(count);
  const cues = new Uint8Array(count);
  for (let index = 0; index < count; index++) {
    const word = lower[index]!;
    words[index] = hashString(word);
    shapes[index] = shapeOf(kinds[index]!, word, text, starts[index]!, ends[index]!);
    cues[index] = cueClassOf(word);
  }

  // Nearest cue word to the left and right within the sentence, and whether "that" lies between.
  const leftDistance = new Int32Array(count).fill(-1);
  const leftCue = new Int32Array(count).fill(-1);
  const leftThat = new Uint8Array(count);
  const leftCommas = new Uint8Array(count);
  const rightDistance = new Int32Array(count).fill(-1);
  const rightCue = new Int32Array(count).fill(-1);
  for (let sentenceIndex = 0; sentenceIndex + 1 < sentenceStarts.length; sentenceIndex++) {
    const first = sentenceStarts[sentenceIndex]!;
    const last = sentenceStarts[sentenceIndex + 1]!;
    let cue = -1;
    let that = 0;
    let commas = 0;
    for (let index = first; index < last; index++) {
      if (cue >= 0) {
        leftDistance[index] = index - cue;
        leftCue[index] = cue;
        leftThat[index] = that;
        leftCommas[index] = commas > 3 ? 3 : commas;
      }
      if (cues[index]! > 0) {
        cue = index;
        that = 0;
        commas = 0;
      } else if (lower[index] === 'that') that = 1;
      else if (lower[index] === ',') commas++;
    }
    cue = -1;
    for (let index = last - 1; index >= first; index--) {
      if (cue >= 0) {
        rightDistance[index] = cue - index;
        rightCue[index] = cue;
      }
      if (cues[index]! > 0) cue = index;
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
  const transcript = new Uint8Array(count);
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

  const none = 0x5bd1e995;
  for (let index = 0; index < count; index++) {
    const base = index * TEMPLATE_COUNT;
    const w0 = words[index]!;
    const wm1 = index > 0 ? words[index - 1]! : none;
    const wm2 = index > 1 ? words[index - 2]! : none;
    const wp1 = index + 1 < count ? words[index + 1]! : none;
    const wp2 = index + 2 < count ? words[index + 2]! : none;
    const s0 = shapes[index]!;
    const sm1 = index > 0 ? shapes[index - 1]! : 0;
    const sp1 = index + 1 < count ? shapes[index + 1]! : 0;
    const sentenceIndex = sentence[index]!;
    const position = index - sentenceStarts[sentenceIndex]!;
    const remaining = sentenceStarts[sentenceIndex + 1]! - 1 - index;
    const quotationIndex = tokenQuotation[index]!;
    const inQuote = quotationIndex >= 0 ? 1 : 0;
    const quotation = quotationIndex >= 0 ? quotationList[quotationIndex] : undefined;
    const quoteRole = quotation === undefined ? 0 : quotation.openToken === index ? 1 : quotation.closeToken === index ? 2 : 3;
    const quoteContext = quotation === undefined ? 0 : 1 + cueAfter[quotationIndex]! + 16 * cueBefore[quotationIndex]!;
    const left = bucket(leftDistance[index]!);
    const right = bucket(rightDistance[index]!);
    const leftWord = leftCue[index]! >= 0 ? words[leftCue[index]!]! : none;
    const rightWord = rightCue[index]! >= 0 ? words[rightCue[index]!]! : none;
    const word = lower[index]!;
    const suffix = hashSuffix(word);
    const pronoun = PRONOUNS.has(word) ? 1 : 0;
    const paragraphStart = breaksBefore[index]! > 0 || index === 0 ? 1 : 0;
    keys[base] = mix(0, 1);
    keys[base + 1] = mix(1, w0);
    keys[base + 2] = mix(2, wm1);
    keys[base + 3] = mix(3, wp1);
    keys[base + 4] = mix(4, wm2);
    keys[base + 5] = mix(5, wp2);
    keys[base + 6] = mix(6, wm1, w0);
    keys[base + 7] = mix(7, w0, wp1);
    keys[base + 8] = mix(8, s0);
    keys[base + 9] = mix(9, sm1, s0, sp1);
    keys[base + 10] = mix(10, suffix);
    keys[base + 11] = mix(11, cues[index]!);
    keys[base + 12] = mix(12, index > 0 ? cues[index - 1]! : 99);
    keys[base + 13] = mix(13, index + 1 < count ? cues[index + 1]! : 99);
    keys[base + 14] = mix(14, quoteRole, quotation?.depth ?? 0);
    keys[base + 15] = mix(15, quoteContext, quoteRole);
    keys[base + 16] = mix(16, position > 3 ? 3 : position, remaining > 3 ? 3 : remaining);
    keys[base + 17] = mix(17, left);
    keys[base + 18] = mix(18, right);
    keys[base + 19] = mix(19, leftWord);
    keys[base + 20] = mix(20, rightWord);
    keys[base + 21] = mix(21, left, leftThat[index]!);
    keys[base + 22] = mix(22, paragraphStart, position === 0 ? 1 : 0, transcript[index]!);
    keys[base + 23] = mix(23, s0, position === 0 ? 1 : 0);
    keys[base + 24] = mix(24, w0, left);
    keys[base + 25] = mix(25, w0, right);
    keys[base + 26] = mix(26, pronoun, right, left);
    keys[base + 27] = mix(27, leftCommas[index]!, left);
    keys[base + 28] = mix(28, left, right);
    keys[base + 29] = mix(29, s0, left);
    keys[base + 30] = mix(30, s0, right);
    keys[base + 31] = mix(31, inQuote, left);
    keys[base + 32] = mix(32, inQuote, right);
    keys[base + 33] = mix(33, quoteContext, left, right);
    keys[base + 34] = mix(34, leftWord, left);
    keys[base + 35] = mix(35, rightWord, right);
    keys[base + 36] = mix(36, wm1, w0, wp1);
    const lemma = hashLemma(word);
    keys[base + 37] = mix(37, lemma);
    keys[base + 38] = mix(38, lemma, left, right);
    keys[base + 39] = mix(39, remaining > 3 ? 3 : remaining, right, inQuote + 2 * transcript[index]!);
  }
  return keys;
}

/** Extra templates of the second (stacked) pass, computed from the first pass's labels. */
export const STACKED_TEMPLATE_COUNT = 16;

const SPAN_TYPE_OF_LABEL = [0, 1, 1, 2, 2, 3, 3];

/**
 * Second-pass features (the base keys are read alongside, not copied): templates over the first pass's predicted labels (neighbouring labels,
 * the nearest predicted spans on each side, whether the token sits inside a predicted span). Linear.
 */
export function extractStackedFeatures(tokens: Tokens, firstPass: Uint8Array): Uint32Array {
  const { count, lower, breaksBefore } = tokens;
  const width = STACKED_TEMPLATE_COUNT;
  const keys = new Uint32Array(count * width);
  // Span extents of the first pass: for each token, the start and end token of the predicted span it is in.
  const spanFirst = new Int32Array(count).fill(-1);
  const spanLast = new Int32Array(count).fill(-1);
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
  const leftType = new Uint8Array(count);
  const leftDistance = new Int32Array(count).fill(-1);
  const leftCue = new Int32Array(count).fill(-1);
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
      leftDistance[index] = index - lastEnd;
    }
    leftCue[index] = lastCue >= 0 ? index - lastCue : -1;
    if (spanLast[index] === index) {
      lastType = SPAN_TYPE_OF_LABEL[firstPass[index]!]!;
      lastEnd = index;
      if (lastType === 2) lastCue = index;
    }
  }
  const rightType = new Uint8Array(count);
  const rightDistance = new Int32Array(count).fill(-1);
  const rightCue = new Int32Array(count).fill(-1);
  let nextType = 0;
  let nextStart = -1;
  let nextCue = -1;
  for (let index = count - 1; index >= 0; index--) {
    if (nextStart >= 0) {
      rightType[index] = nextType;
      rightDistance[index] = nextStart - index;
    }
    rightCue[index] = nextCue >= 0 ? nextCue - index : -1;
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
  for (let index = 0; index < count; index++) {
    const base = index * width;
    const label = firstPass[index]!;
    const previous = index > 0 ? firstPass[index - 1]! : 9;
    const previous2 = index > 1 ? firstPass[index - 2]! : 9;
    const next = index + 1 < count ? firstPass[index + 1]! : 9;
    const next2 = index + 2 < count ? firstPass[index + 2]! : 9;
    const word = hashString(lower[index]!);
    const first = spanFirst[index]!;
    const last = spanLast[index]!;
    const positionInSpan = first < 0 ? 0 : first === index && last === index ? 4 : first === index ? 1 : last === index ? 3 : 2;
    const before = first > 0 ? firstPass[first - 1]! : 9;
    const after = last >= 0 && last + 1 < count ? firstPass[last + 1]! : 9;
    keys[base] = mix(100, label);
    keys[base + 1] = mix(101, previous, label);
    keys[base + 2] = mix(102, label, next);
    keys[base + 3] = mix(103, previous2, previous, label);
    keys[base + 4] = mix(104, label, next, next2);
    keys[base + 5] = mix(105, leftType[index]!, bucket(leftDistance[index]!));
    keys[base + 6] = mix(106, rightType[index]!, bucket(rightDistance[index]!));
    keys[base + 7] = mix(107, SPAN_TYPE_OF_LABEL[label]!, positionInSpan);
    keys[base + 8] = mix(108, word, label);
    keys[base + 9] = mix(109, bucket(leftCue[index]!), bucket(rightCue[index]!));
    keys[base + 10] = mix(110, leftType[index]!, rightType[index]!, SPAN_TYPE_OF_LABEL[label]!);
    keys[base + 11] = mix(111, before, after, SPAN_TYPE_OF_LABEL[label]!);
    keys[base + 12] = mix(112, word, leftType[index]!, rightType[index]!);
    keys[base + 13] = mix(113, label, bucket(leftCue[index]!));
    keys[base + 14] = mix(114, label, bucket(rightCue[index]!));
    keys[base + 15] = mix(115, word, bucket(leftCue[index]!), bucket(rightCue[index]!));
  }
  return keys;
}
