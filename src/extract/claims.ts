import { findContaining } from '../model/span.js';
import type { NumericClaim, Statement, TimeExpression } from '../model/types.js';
import { firstTokenEndingAfter, firstTokenStartingFrom, type Tokens } from '../text/tokenize.js';
import { shapesOf, textMayBeKey } from '../text/word-shapes.js';
import {
  AUXILIARIES,
  CARDINALS,
  CURRENCY_SIGNS,
  FRACTIONS,
  IRREGULAR_PLURALS,
  IRREGULAR_PREDICATES,
  LABEL_WORDS,
  NON_COUNT_FOLLOWERS,
  NOT_ED_VERBS,
  QUALIFIERS,
  SCALES,
  TENS,
  UNIT_STOPS,
  UNIT_WORDS,
  VAGUE_PLURALS,
} from '../lexicon/number-words.js';
import { MONTHS, WEEKDAYS } from '../lexicon/time-words.js';

export interface FindClaimsInput {
  readonly text: string;
  readonly tokens: Tokens;
  readonly statements: readonly Statement[];
  /** Time expressions (from findTimes), sorted by start: numbers inside them are dates, not claims. */
  readonly times?: readonly TimeExpression[];
}

// Token kinds as numbers (the tokenizer's const enum: Word 0, Number 1, Punct 2, Quote 3).
const WORD = 0;
const NUMBER = 1;

/** Scale words that may stand alone after a number ("1.2 million"); one-letter newsroom scales only attach ("5m"). */
const SPACED_SCALES: ReadonlySet<string> = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'bn', 'mn', 'mln', 'tn']);
/** Words that can start a number expression, in one set, so that the common token costs one lookup. */
const NUMBER_STARTS: ReadonlySet<string> = new Set([...CARDINALS.keys(), ...VAGUE_PLURALS.keys(), ...FRACTIONS.keys(), 'a', 'an']);
/** Shapes of NUMBER_STARTS: most words are ruled out before the Set hashes their string. */
const NUMBER_START_SHAPES = shapesOf(NUMBER_STARTS);
/** A bit per first letter (a = bit 0) of the tens words ("twenty-five"): an ASCII word starting otherwise skips the hyphen test. */
const TENS_INITIALS = [...TENS.keys()].reduce((bits, word) => bits | (1 << (word.charCodeAt(0) - 97)), 0);
const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);

/** A number read at some tokens, before its qualifier, unit and predicate are attached. */
interface NumberReading {
  readonly first: number;
  /** Exclusive token index. */
  readonly last: number;
  readonly value: number;
  /** "hundreds", "tens of thousands": a vague magnitude that doubles as qualifier. */
  readonly vague: string | null;
  /** A unit written inside the number token ("10km"). */
  readonly unit: string | null;
}

/** Digits with thousands commas and a decimal point, then an optional letter suffix: "1,200", "2.5", "1.2bn", "10km". */
function parseNumeral(word: string): { value: number; suffix: string } | null {
  let digits = '';
  let index = 0;
  let seenDigit = false;
  for (; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      digits += word[index];
      seenDigit = true;
    } else if (code === 44 && seenDigit) continue;
    else if (code === 46 && seenDigit) digits += '.';
    else break;
  }
  if (!seenDigit) return null;
  const suffix = word.slice(index);
  for (let position = 0; position < suffix.length; position++) {
    const code = suffix.charCodeAt(position);
    if (code < 97 || code > 122) return null; // hyphens ("30-year"), digits after letters ("3-2") and the like are not counts
  }
  const value = Number(digits);
  return Number.isFinite(value) ? { value, suffix } : null;
}

/** A cardinal word or a hyphenated compound ("twenty-five"), else -1. */
function cardinalValue(word: string): number {
  const direct = CARDINALS.get(word);
  if (direct !== undefined) return direct;
  const hyphen = word.indexOf('-');
  if (hyphen < 0) return -1;
  const tens = TENS.get(word.slice(0, hyphen));
  const unit = CARDINALS.get(word.slice(hyphen + 1));
  return tens !== undefined && unit !== undefined && unit >= 1 && unit <= 9 ? tens + unit : -1;
}

function isPluralHead(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  return word.length > 2 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is') && !word.endsWith('’s') && !word.endsWith("'s");
}

function isVerbLike(word: string): boolean {
  if (IRREGULAR_PREDICATES.has(word)) return true;
  return word.length > 4 && word.endsWith('ed') && !NOT_ED_VERBS.has(word);
}

/** Reads numbers, qualifiers, units and governing verbs within one statement's content pieces. */
class ClaimReader {
  private readonly lower: string[];
  private readonly count: number;

  constructor(
    private readonly text: string,
    private readonly tokens: Tokens,
    private readonly times: readonly TimeExpression[],
  ) {
    this.lower = tokens.lower;
    this.count = tokens.count;
  }

  word(index: number): string {
    return index >= 0 && index < this.count ? this.lower[index]! : '';
  }

  kind(index: number): number {
    return index >= 0 && index < this.count ? this.tokens.kinds[index]! : -1;
  }

  capitalized(index: number): boolean {
    const code = this.text.charCodeAt(this.tokens.starts[index]!);
    return code >= 65 && code <= 90;
  }

  sentenceInitial(index: number): boolean {
    return index === 0 || this.tokens.sentence[index - 1] !== this.tokens.sentence[index];
  }

  /** Adjacent: no white space between token `index` and the one before it. */
  attached(index: number): boolean {
    return index > 0 && index < this.count && this.tokens.spaceBefore[index] === 0;
  }

  insideTime(index: number): boolean {
    return this.times.length > 0 && findContaining(this.times, this.tokens.starts[index]!) !== undefined;
  }

  /** Reads a number starting at token `index`, within tokens [index, limit). */
  readNumber(index: number, limit: number): NumberReading | null {
    const word = this.lower[index]!;
    const kind = this.tokens.kinds[index];
    let value: number;
    let last = index + 1;
    let vague: string | null = null;
    let unit: string | null = null;
    if (kind === NUMBER) {
      const numeral = parseNumeral(word);
      if (numeral === null || ORDINAL_SUFFIXES.has(numeral.suffix)) return null;
      if (this.insideTime(index) || this.looksLikeLabel(index) || this.looksLikeClock(index)) return null;
      value = numeral.value;
      if (numeral.suffix !== '') {
        const scale = SCALES.get(numeral.suffix);
        if (scale !== undefined) value *= scale;
        else if (numeral.suffix === 's') return null; // decades ("1990s")
        else unit = numeral.suffix;
      }
      // A bare year-like number with nothing counted after it is a date the time stage left out.
      if (numeral.suffix === '' && word.length === 4 && value >= 1800 && value <= 2100 && !this.countedAfter(index + 1, limit)) return null;
    } else if (kind === WORD) {
      const vagueBase = VAGUE_PLURALS.get(word);
      if (vagueBase !== undefined) {
        // "hundreds of", "tens of thousands of": the base value, the words as qualifier.
        if (this.word(index + 1) !== 'of') return null;
        value = vagueBase;
        last = index + 2;
        const more = VAGUE_PLURALS.get(this.word(last));
        if (more !== undefined && this.word(last + 1) === 'of' && last + 1 < limit) {
          value *= more;
          last += 2;
        }
        vague = this.text.slice(this.tokens.starts[index]!, this.tokens.ends[last - 2]!).toLowerCase();
        return last <= limit ? { first: index, last, value, vague, unit } : null;
      }
      const fraction = FRACTIONS.get(word);
      if (fraction !== undefined) {
        // "half a million": only before a scale.
        const article = this.word(index + 1);
        const scale = SCALES.get(this.word(index + 2));
        if ((article !== 'a' && article !== 'an') || scale === undefined || !SPACED_SCALES.has(this.word(index + 2)) || index + 3 > limit) return null;
        return { first: index, last: index + 3, value: fraction * scale, vague, unit };
      }
      if (word === 'a' || word === 'an') {
        const next = this.word(index + 1);
        const scale = next === 'dozen' ? 12 : SPACED_SCALES.has(next) && next !== 'bn' && next !== 'mn' && next !== 'mln' && next !== 'tn' ? SCALES.get(next) : undefined;
        if (scale === undefined || index + 2 > limit) return null;
        value = scale;
        last = index + 2;
      } else {
        value = cardinalValue(word);
        if (value < 0 || word === 'dozen') return null;
        // "one" is a pronoun or determiner far more often than a count; take it only when qualified.
        if (word === 'one' && this.qualifierBefore(index, 0) === null) return null;
      }
    } else return null;
    // Scales: "1.2 million", "two hundred thousand".
    while (last < limit && SPACED_SCALES.has(this.word(last)) && this.kind(last) === WORD) {
      value *= SCALES.get(this.word(last))!;
      last++;
    }
    return { first: index, last, value, vague, unit };
  }

  /** "Section 230", "No. 5", "Boeing 737": a label word or a capitalized name right before. */
  looksLikeLabel(index: number): boolean {
    if (index === 0) return false;
    const previous = this.lower[index - 1]!;
    if (LABEL_WORDS.has(previous)) return true;
    if (this.kind(index - 1) !== WORD || !this.capitalized(index - 1) || this.sentenceInitial(index - 1)) return false;
    if (MONTHS.has(previous) || WEEKDAYS.has(previous)) return false;
    return this.tokens.sentence[index - 1] === this.tokens.sentence[index];
  }

  /** "3:30", "9/11", "5 p.m.": clock times, fractions and dates written with digits. */
  looksLikeClock(index: number): boolean {
    const next = this.word(index + 1);
    const previous = this.word(index - 1);
    if ((next === ':' || next === '/') && this.attached(index + 1)) return true;
    if ((previous === ':' || previous === '/') && this.attached(index)) return true;
    return NON_COUNT_FOLLOWERS.has(next);
  }

  /** Whether a unit, percent sign or plural noun follows at `index`. */
  countedAfter(index: number, limit: number): boolean {
    if (index >= limit) return false;
    const word = this.word(index);
    return UNIT_WORDS.has(word) || SPACED_SCALES.has(word) || (this.kind(index) === WORD && isPluralHead(word) && !UNIT_STOPS.has(word));
  }

  /** The qualifier ending right before token `index` and starting at or after `floor`, as [first token, words]. */
  qualifierBefore(index: number, floor: number): [number, string] | null {
    for (const words of QUALIFIERS) {
      const first = index - words.length;
      if (first < floor) continue;
      let matches = true;
      for (let offset = 0; offset < words.length && matches; offset++) matches = this.lower[first + offset] === words[offset];
      if (matches) return [first, words.join(' ')];
    }
    return null;
  }

  /** The unit after a number: percent, a currency word, or a counted noun phrase ending at its plural head. Returns [unit, exclusive end]. */
  unitAfter(index: number, limit: number, single: boolean): [string, number] | null {
    const word = this.word(index);
    if (index >= limit) return null;
    if (word === '%' && this.attached(index)) return ['percent', index + 1];
    if (word === 'per' && this.word(index + 1) === 'cent' && index + 2 <= limit) return ['percent', index + 2];
    if (word === 'percentage' && this.word(index + 1) === 'points' && index + 2 <= limit) return ['percentage points', index + 2];
    const unitWord = UNIT_WORDS.get(word);
    if (unitWord !== undefined) return [unitWord, index + 1];
    let cursor = index;
    if (word === 'of' && (this.word(index + 1) === 'the' || this.kind(index + 1) === WORD)) cursor = this.word(index + 1) === 'the' ? index + 2 : index + 1;
    const start = cursor;
    for (let steps = 0; steps < 3 && cursor < limit; steps++, cursor++) {
      const current = this.word(cursor);
      if (this.kind(cursor) !== WORD || UNIT_STOPS.has(current) || CARDINALS.has(current)) break;
      // A plural noun before a verb reading: "40 arrests", "3 wounds".
      if (isPluralHead(current)) return [this.text.slice(this.tokens.starts[start]!, this.tokens.ends[cursor]!), cursor + 1];
      if (isVerbLike(current)) break;
    }
    // A singular head only for one ("one child").
    if (single && cursor > start && cursor === start + 1) return [this.text.slice(this.tokens.starts[start]!, this.tokens.ends[start]!), start + 1];
    return null;
  }

  /** The verb governing a number: a verb-like word shortly before it, else a (passive) verb after its unit. */
  predicateAround(first: number, last: number, floor: number, limit: number): string | null {
    for (let index = first - 1; index >= floor && index >= first - 4; index--) {
      const kind = this.kind(index);
      if (kind !== WORD) break;
      const word = this.lower[index]!;
      if (word === 'that' || word === 'which' || word === 'who' || word === 'and' || word === 'but' || word === 'or') break;
      if (isVerbLike(word)) return word;
    }
    for (let index = last, steps = 0; index < limit && steps < 4; index++, steps++) {
      if (this.kind(index) !== WORD) break;
      const word = this.lower[index]!;
      if (AUXILIARIES.has(word)) continue;
      return isVerbLike(word) ? word : null;
    }
    return null;
  }
}

/**
 * Finds numeric claims inside statements' content: value, unit, qualifier and governing verb, with the span of the words used.
 * Known limits: a unit shared by coordinated numbers ("detained 75 citizens and killed three") is not carried over (unit null);
 * "two hundred and fifty" reads as 200; ranges ("10 to 20") give two claims; fractions other than "half a" are skipped.
 */
export function findClaims(input: FindClaimsInput): NumericClaim[] {
  const { text, tokens } = input;
  const times = input.times === undefined ? [] : [...input.times].sort((left, right) => left.start - right.start);
  const reader = new ClaimReader(text, tokens, times);
  // One claim per number: the innermost statement (smallest content piece) that contains it.
  const byStart = new Map<number, { claim: NumericClaim; pieceLength: number }>();
  const candidates = candidateTokens(tokens);
  for (const statement of input.statements) {
    for (const piece of statement.content) {
      const floor = firstTokenStartingFrom(tokens, piece.start);
      const limit = firstTokenEndingAfter(tokens, piece.end, floor);
      let skipUntil = -1;
      for (let position = firstAtOrAfter(candidates, floor); position < candidates.length && candidates[position]! < limit; position++) {
        const index = candidates[position]!;
        if (index <= skipUntil) continue;
        const reading = reader.readNumber(index, limit);
        if (reading === null || isAgeApposition(text, tokens, reading)) continue;
        const claim = buildClaim(reader, text, tokens, statement.id, reading, floor, limit);
        skipUntil = lastTokenBefore(tokens, claim.end, index);
        const known = byStart.get(claim.start);
        if (known === undefined || piece.end - piece.start < known.pieceLength) byStart.set(claim.start, { claim, pieceLength: piece.end - piece.start });
      }
    }
  }
  return [...byStart.values()].map((entry) => entry.claim).sort((left, right) => left.start - right.start || left.end - right.end);
}

/** "Gideon Farrow, 58, paid …": a whole number set off by commas right after a capitalized name is an age, not a claim. */
function isAgeApposition(text: string, tokens: Tokens, reading: NumberReading): boolean {
  if (reading.last !== reading.first + 1 || reading.unit !== null || !Number.isInteger(reading.value) || reading.value < 1 || reading.value > 120) return false;
  if (tokens.lower[reading.first - 1] !== ',' || tokens.lower[reading.last] !== ',') return false;
  const name = reading.first - 2;
  if (name < 0 || tokens.kinds[name] !== WORD) return false;
  const initial = text.charCodeAt(tokens.starts[name]!);
  return initial >= 65 && initial <= 90;
}

function buildClaim(reader: ClaimReader, text: string, tokens: Tokens, statement: string, reading: NumberReading, floor: number, limit: number): NumericClaim {
  let first = reading.first;
  let last = reading.last;
  let unit = reading.unit;
  // Currency sign before the number: "$5 million", "US$5".
  const sign = first > floor ? CURRENCY_SIGNS.get(reader.word(first - 1)) : undefined;
  if (sign !== undefined) {
    unit = sign;
    first--;
    if (first > floor && reader.word(first - 1) === 'us' && reader.attached(first)) first--;
  }
  const qualifier = reader.qualifierBefore(first, floor);
  if (qualifier !== null) first = qualifier[0];
  if (unit === null) {
    const after = reader.unitAfter(last, limit, reading.value === 1);
    if (after !== null) [unit, last] = after;
  } else if (reading.unit === null && last < limit && (reader.word(last) === 'dollars' || reader.word(last) === 'euros')) {
    last++;
  }
  const predicate = reader.predicateAround(first, last, floor, limit);
  const start = tokens.starts[first]!;
  const end = tokens.ends[last - 1]!;
  return {
    start,
    end,
    text: text.slice(start, end),
    statement,
    value: reading.value,
    unit,
    qualifier: qualifier !== null ? qualifier[1] : reading.vague,
    predicate,
  };
}

/** Tokens that may start a number expression, found in one pass so that overlapping statements do not rescan the text. */
function candidateTokens(tokens: Tokens): Int32Array {
  const { text, count, kinds, starts, ends, lower } = tokens;
  const found: number[] = [];
  for (let index = 0; index < count; index++) {
    const kind = kinds[index];
    if (kind === NUMBER) found.push(index);
    else if (kind === WORD) {
      // Shape and first letter read from the text: most token strings stay untouched.
      const start = starts[index]!;
      if (textMayBeKey(NUMBER_START_SHAPES, text, start, ends[index]!) && NUMBER_STARTS.has(lower[index]!)) {
        found.push(index);
        continue;
      }
      const initial = text.charCodeAt(start);
      // An ASCII code unit ORed with 32 is a lower-case letter only for a letter (its lower case): 0–25, else out of range.
      const letter = (initial | 32) - 97;
      if (initial < 128 && (letter < 0 || letter > 25 || (TENS_INITIALS & (1 << letter)) === 0)) continue;
      const word = lower[index]!;
      const hyphen = word.length > 6 ? word.indexOf('-') : -1;
      if (hyphen > 0 && TENS.has(word.slice(0, hyphen))) found.push(index);
    }
  }
  return Int32Array.from(found);
}

function firstAtOrAfter(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the last token ending at or before `end`, not below `floor`. */
function lastTokenBefore(tokens: Tokens, end: number, floor: number): number {
  let index = floor;
  while (index + 1 < tokens.count && tokens.ends[index + 1]! <= end) index++;
  return index;
}
