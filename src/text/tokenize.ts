import { ABBREVIATIONS, TITLE_ABBREVIATIONS } from '../lexicon/abbreviations.js';
import { NOT_NAME_WORDS } from '../lexicon/pronouns.js';
import { MONTHS, TIME_ZONE_WORDS, WEEKDAYS } from '../lexicon/time-words.js';
import { isQuoteChar } from '../lexicon/quotes.js';
import { isSpaceCode } from '../model/span.js';
import { mayBeKey, shapesOf } from './word-shapes.js';

export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
  Quote = 3,
}

/**
 * Tokens of one text, stored column-wise so that later stages scan them without per-token objects.
 * Offsets are UTF-16 code units into the untouched source text.
 */
export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  /** Line breaks between the previous token and this one (2+ means a paragraph break). */
  readonly breaksBefore: Uint8Array;
  /** 1 when white space separates this token from the previous one. */
  readonly spaceBefore: Uint8Array;
  /** Lower-cased token text. */
  readonly lower: string[];
  /** Sentence index of each token. */
  readonly sentence: Int32Array;
  /** Token index where each sentence starts; one extra entry holds `count`. */
  readonly sentenceStarts: Int32Array;
}

// Shapes of the abbreviations: most words before a period (a sentence's last) are ruled out without hashing them into the set.
const ABBREVIATION_SHAPES = shapesOf(ABBREVIATIONS);

const LETTER = /\p{L}|\p{M}/u;
// Non-ASCII code units, classified on first sight: 0 not yet, 1 letter, 2 not a letter (an array: no hashing per character).
const wideLetters = new Uint8Array(0x10000);
// ASCII letters and digits: one load instead of three range tests in the per-character loops.
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++) if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) ASCII_WORD[code] = 1;

function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  if (code >= 0xd800 && code <= 0xdfff) return true; // astral letters are rare; keep surrogate pairs inside words
  let known = wideLetters[code]!;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
    wideLetters[code] = known;
  }
  return known === 1;
}

/** A letter or a digit. */
function isWordCode(code: number): boolean {
  return code < 128 ? ASCII_WORD[code] === 1 : isLetterCode(code);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

function isUpperStart(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const char = text[offset] ?? '';
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** `text.slice(start, end).toLowerCase()`, without the lower-casing call when nothing needs it (most tokens). */
function lowerOf(text: string, start: number, end: number): string {
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (code < 97 ? code >= 65 && code <= 90 : code >= 128) return text.slice(start, end).toLowerCase();
  }
  return text.slice(start, end);
}

// Lower-cased one-code-unit tokens (most punctuation and quotation marks), made once per code unit rather than per token.
const singleLowers: (string | undefined)[] = [];

/** `lowerOf` of the one code unit `code`. */
function singleLower(code: number): string {
  let lowered = singleLowers[code];
  if (lowered === undefined) {
    lowered = String.fromCharCode(code).toLowerCase();
    singleLowers[code] = lowered;
  }
  return lowered;
}

/** Index of the first token, from `from` on, that ends after `offset`; `tokens.count` when none does (ends are ordered). */
export function firstTokenEndingAfter(tokens: Tokens, offset: number, from = 0): number {
  let low = from;
  let high = tokens.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens.ends[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first token starting at or after `offset`; `tokens.count` when none does. */
export function firstTokenStartingFrom(tokens: Tokens, offset: number): number {
  let low = 0;
  let high = tokens.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens.starts[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Splits `text` into word, number, punctuation and quotation-mark tokens, and the tokens into sentences. Linear. */
export function tokenize(text: string): Tokens {
  const length = text.length;
  // A token never takes less than one code unit, so `length` bounds the count.
  const capacity = Math.max(16, length);
  let starts = new Int32Array(Math.min(capacity, 1024));
  let ends = new Int32Array(starts.length);
  let kinds = new Uint8Array(starts.length);
  let breaks = new Uint8Array(starts.length);
  let spaces = new Uint8Array(starts.length);
  let count = 0;
  const lower: string[] = [];
  let pendingBreaks = 0;
  let pendingSpace = 0;

  const push = (start: number, end: number, kind: TokenKind, lowered: string): void => {
    if (count === starts.length) {
      const size = Math.min(capacity, starts.length * 2);
      const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
        const fresh = make(size);
        fresh.set(old);
        return fresh;
      };
      starts = grow(starts, (n) => new Int32Array(n));
      ends = grow(ends, (n) => new Int32Array(n));
      kinds = grow(kinds, (n) => new Uint8Array(n));
      breaks = grow(breaks, (n) => new Uint8Array(n));
      spaces = grow(spaces, (n) => new Uint8Array(n));
    }
    starts[count] = start;
    ends[count] = end;
    kinds[count] = kind;
    breaks[count] = pendingBreaks > 255 ? 255 : pendingBreaks;
    spaces[count] = pendingSpace;
    lower.push(lowered);
    pendingBreaks = 0;
    pendingSpace = 0;
    count++;
  };

  let offset = 0;
  while (offset < length) {
    const code = text.charCodeAt(offset);
    if (isSpaceCode(code) || code === 0xfeff || code === 0x200b) {
      if (code === 10 || code === 0x2028 || code === 0x2029) pendingBreaks++;
      pendingSpace = 1;
      offset++;
      continue;
    }
    const start = offset;
    if (isWordCode(code)) {
      let numeric = isDigitCode(code);
      // Whether lower-casing may change the word (a capital or a non-ASCII code unit), noted during the scan so that
      // most words need no second pass; the joiner paths below set it without looking, and lowerOf then checks.
      let cased = code < 97 ? code >= 65 : code >= 128;
      offset++;
      while (offset < length) {
        const next = text.charCodeAt(offset);
        if (isWordCode(next)) {
          if (next < 97 ? next >= 65 : next >= 128) cased = true;
          offset++;
          continue;
        }
        const after = offset + 1 < length ? text.charCodeAt(offset + 1) : 0;
        // Joiners stay inside a word only between two word characters.
        if (isHyphen(next) && isWordCode(after)) {
          cased = true;
          offset += 2;
          continue;
        }
        if (numeric && (next === 44 || next === 46) && isDigitCode(after)) {
          offset += 2;
          continue;
        }
        if (isApostrophe(next) && isLetterCode(after) && !numeric) {
          // Possessive and clitic "’s" become their own token; "don’t", "O’Brien" stay whole.
          const afterNext = offset + 2 < length ? text.charCodeAt(offset + 2) : 0;
          if ((after === 115 || after === 83) && !isLetterCode(afterNext)) break;
          cased = true;
          offset += 2;
          continue;
        }
        if (next === 46 && isLetterCode(after) && offset + 2 <= length && text.charCodeAt(offset + 2) === 46 && offset - start === 1) {
          // Initialisms: U.S., U.N.
          cased = true;
          offset += 3;
          while (offset + 1 < length && isLetterCode(text.charCodeAt(offset)) && text.charCodeAt(offset + 1) === 46) offset += 2;
          break;
        }
        break;
      }
      let word = cased ? lowerOf(text, start, offset) : text.slice(start, offset);
      if (offset < length && text.charCodeAt(offset) === 46) {
        // "No." and "Nos." abbreviate only before a number ("No. 5"); elsewhere "no." ends a sentence.
        const numberAbbreviation = word === 'no' || word === 'nos';
        const abbreviation = numberAbbreviation ? isDigitCode(text.charCodeAt(offset + 2)) : mayBeKey(ABBREVIATION_SHAPES, word) && ABBREVIATIONS.has(word);
        if (abbreviation || (offset - start === 1 && isUpperStart(text, start))) {
          offset++;
          word = cased ? lowerOf(text, start, offset) : text.slice(start, offset);
        }
      }
      numeric = isDigitCode(code);
      push(start, offset, numeric ? TokenKind.Number : TokenKind.Word, word);
      continue;
    }
    if (isApostrophe(code) && offset + 1 < length && (text.charCodeAt(offset + 1) === 115 || text.charCodeAt(offset + 1) === 83) && count > 0 && ends[count - 1] === offset && kinds[count - 1] !== TokenKind.Punct) {
      const afterS = offset + 2 < length ? text.charCodeAt(offset + 2) : 0;
      if (!isLetterCode(afterS)) {
        push(offset, offset + 2, TokenKind.Word, lowerOf(text, offset, offset + 2));
        offset += 2;
        continue;
      }
    }
    if (isQuoteChar(code)) {
      // Doubled marks ('' and ``) stand for a double quotation mark in some newsrooms' plain text.
      const doubled = (code === 0x27 || code === 0x60) && text.charCodeAt(offset + 1) === code;
      push(offset, offset + (doubled ? 2 : 1), TokenKind.Quote, doubled ? lowerOf(text, offset, offset + 2) : singleLower(code));
      offset += doubled ? 2 : 1;
      continue;
    }
    if (code === 0x60 && text.charCodeAt(offset + 1) === 0x60) {
      push(offset, offset + 2, TokenKind.Quote, lowerOf(text, offset, offset + 2));
      offset += 2;
      continue;
    }
    // Runs of the same punctuation (..., --, !!) are one token.
    offset++;
    if (code === 46 || code === 45 || code === 33 || code === 63) {
      while (offset < length && text.charCodeAt(offset) === code) offset++;
    } else if (code >= 0xd800 && code <= 0xdbff && offset < length) {
      offset++; // keep a surrogate pair together
    }
    push(start, offset, TokenKind.Punct, offset - start === 1 ? singleLower(code) : lowerOf(text, start, offset));
  }

  const tokens = { text, count, starts, ends, kinds, breaksBefore: breaks, spaceBefore: spaces, lower };
  const { sentence, sentenceStarts } = splitSentences(tokens);
  // Written out rather than spread: a spread copy of the object costs more than the sentence split.
  return { text, count, starts, ends, kinds, breaksBefore: breaks, spaceBefore: spaces, lower, sentence, sentenceStarts };
}

/** Whether the punctuation token text[start, end) ends a sentence; read from the text, as lower-casing keeps punctuation. */
function isTerminal(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  return last === 46 || last === 33 || last === 63 || (last === 0x2026 && end - start === 1);
}

/**
 * Whether the period token at `index` closes an abbreviation rather than a sentence: the "v." of "Roe v. Wade", and the
 * state in a party tag ("Ortiz (D-Ore.) said", "(R-N.Y.)"), which never ends a sentence. Constant-time look-behind.
 */
function isAbbreviationPeriod(tokens: Omit<Tokens, 'sentence' | 'sentenceStarts'>, index: number): boolean {
  if (index === 0 || tokens.ends[index]! - tokens.starts[index]! !== 1 || tokens.ends[index - 1] !== tokens.starts[index]) return false;
  const before = tokens.lower[index - 1]!;
  if (before === 'v' && tokens.kinds[index - 1] === TokenKind.Word) return true;
  // A party letter, a hyphen and a state: after an opening bracket ("(R-Wis.", "(D-N.Y."), or running on into the
  // state's next letter (", R-N.H.,"); "…, said Ortiz, D-Ore. The bill …" may still end there.
  if (before.length < 3 || before.charCodeAt(1) !== 45 || !isLetterCode(before.charCodeAt(0))) return false;
  if (index >= 2 && tokens.lower[index - 2] === '(') return true;
  return index + 1 < tokens.count && tokens.starts[index + 1] === tokens.ends[index] && tokens.kinds[index + 1] === TokenKind.Word;
}

/**
 * Whether the capitalised word `next` after a clock time ("p.m.") or a person's initials opens a new sentence. After
 * "p.m." any capital does except a weekday, month or time zone ("at 9 p.m. EST"); after initials most capitals
 * continue the name ("George H.W. Bush"), so only a function word or sentence adverb does ("in Selin D.C. He left").
 */
function capitalOpensSentence(next: string, clock: boolean): boolean {
  if (clock) return !(TIME_ZONE_WORDS.has(next) || WEEKDAYS.has(next) || MONTHS.has(next));
  return NOT_NAME_WORDS.has(next);
}

/** Sentence boundaries: line breaks, and terminal punctuation followed (after closing quotes) by a capital, digit or opener. */
function splitSentences(tokens: Omit<Tokens, 'sentence' | 'sentenceStarts'>): { sentence: Int32Array; sentenceStarts: Int32Array } {
  const { count, kinds, lower, breaksBefore, text, starts } = tokens;
  const tokenEnds = tokens.ends;
  const sentence = new Int32Array(count);
  const boundaries: number[] = [0];
  let current = 0;
  for (let index = 0; index < count; index++) {
    if (index > 0 && breaksBefore[index]! > 0 && boundaries[boundaries.length - 1] !== index) {
      current++;
      boundaries.push(index);
    }
    sentence[index] = current;
    let ends = false;
    // What kind of word ended with the period: 0 none (punctuation), 1 an initialism ("U.S."), 2 a clock time ("p.m.").
    let initialism = 0;
    const kind = kinds[index];
    if (kind === TokenKind.Punct && isTerminal(text, starts[index]!, tokenEnds[index]!)) ends = !isAbbreviationPeriod(tokens, index);
    else if (kind === TokenKind.Word && text.charCodeAt(tokenEnds[index]! - 1) === 46) {
      // An abbreviation ends a sentence only when a capitalised non-title word follows, and it is not a title.
      // (A word token ending in a period has two or more characters, like its lower-case form.)
      const bare = lower[index]!.slice(0, -1);
      ends = !TITLE_ABBREVIATIONS.has(bare) && bare.indexOf('.') >= 0;
      initialism = bare === 'a.m' || bare === 'p.m' ? 2 : 1;
    }
    if (!ends) continue;
    // Closing quotes and brackets right after the terminal belong to this sentence.
    let next = index + 1;
    while (next < count && breaksBefore[next] === 0 && (kinds[next] === TokenKind.Quote || lower[next] === ')' || lower[next] === ']') && tokens.spaceBefore[next] === 0) {
      sentence[next] = current;
      next++;
    }
    if (next >= count) {
      index = next - 1;
      continue;
    }
    if (breaksBefore[next]! > 0) {
      index = next - 1;
      continue;
    }
    const nextKind = kinds[next];
    let startsNew = nextKind === TokenKind.Quote || nextKind === TokenKind.Number || isUpperStart(text, starts[next]!) || lower[next] === '(' || lower[next] === '—';
    // An initialism after a capitalised word belongs to a name ("George H.W. Bush", "Selin D.C."); "U.S." is
    // left out: the country often closes a sentence, and after "the" or "of" its capital opens one as before.
    const initials = initialism === 1 && index > 0 && kinds[index - 1] === TokenKind.Word && isUpperStart(text, starts[index - 1]!) && lower[index] !== 'u.s.';
    if (startsNew && nextKind === TokenKind.Word && (initialism === 2 || initials)) startsNew = capitalOpensSentence(lower[next]!, initialism === 2);
    index = next - 1;
    if (startsNew) {
      current++;
      boundaries.push(next);
    }
  }
  if (count === 0) return { sentence, sentenceStarts: Int32Array.of(0) };
  const sentenceStarts = new Int32Array(boundaries.length + 1);
  sentenceStarts.set(boundaries);
  sentenceStarts[boundaries.length] = count;
  return { sentence, sentenceStarts };
}
