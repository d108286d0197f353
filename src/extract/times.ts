import { findContaining, type Span } from '../model/span.js';
import type { TimeExpression, TimePrecision } from '../model/types.js';
import type { Tokens } from '../text/tokenize.js';
import { mayBeKey, shapesOf } from '../text/word-shapes.js';
import {
  AMOUNT_FOLLOWERS,
  CALENDAR_UNITS,
  DAY_PARTS,
  DIRECTIONS,
  EVENT_HEADS,
  FUTURE_CUES,
  MODAL_CUES,
  MODIFIER_STOPS,
  MONTH_CONTEXT,
  MONTHS,
  PERIOD_PARTS,
  PHASE_OPENERS,
  PHASE_POINTS,
  PHASE_SPANS,
  RELATIVE_DAYS,
  SMALL_COUNTS,
  STRONG_MONTH_CONTEXT,
  WEEKDAYS,
  YEAR_CONTEXT,
  YEAR_DETERMINERS,
  YEAR_NOUNS,
  type CalendarUnit,
  type PeriodPart,
} from '../lexicon/time-words.js';

export interface FindTimesInput {
  readonly text: string;
  readonly tokens: Tokens;
  /** ISO date (YYYY-MM-DD, or a date-time whose first ten characters are one); null when unknown. */
  readonly publishedAt: string | null;
  /** Quotation spans, for the hypothetical-date rule. */
  readonly quotations: readonly Span[];
}

// Token kinds as numbers (the tokenizer's const enum: Word 0, Number 1, Punct 2, Quote 3).
const WORD = 0;
const NUMBER = 1;

type Direction = -1 | 0 | 1;
type Part = PeriodPart | 'earlier' | 'later';

/** What a matched expression means before it is resolved against the publication date. */
type Meaning =
  | { readonly kind: 'date'; readonly year: number | null; readonly month: number; readonly day: number }
  | { readonly kind: 'month'; readonly year: number | null; readonly month: number; readonly direction: Direction | null; readonly part: PeriodPart | null }
  | { readonly kind: 'year'; readonly year: number; readonly part: PeriodPart | null }
  | { readonly kind: 'years'; readonly from: number; readonly to: number }
  | { readonly kind: 'decade'; readonly decade: number; readonly part: PeriodPart | null }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly direction: Direction | null }
  | { readonly kind: 'offset'; readonly days: number }
  | { readonly kind: 'unit'; readonly unit: CalendarUnit; readonly direction: Direction; readonly part: Part | null }
  | { readonly kind: 'ago'; readonly unit: CalendarUnit; readonly amount: number }
  | { readonly kind: 'span'; readonly unit: CalendarUnit; readonly amount: number; readonly direction: -1 | 1 }
  | { readonly kind: 'phase'; readonly head: string; readonly family: string; readonly modifiers: readonly string[]; readonly reach: number | null };

/** A match over tokens [first, last). */
interface Match {
  readonly first: number;
  readonly last: number;
  readonly meaning: Meaning;
}

interface Resolved {
  readonly value: string;
  readonly precision: TimePrecision;
  readonly until?: string;
}

interface Publication {
  readonly year: number;
  readonly month: number;
  readonly days: number;
}

interface Anchor {
  readonly head: string;
  readonly family: string;
  readonly modifiers: readonly string[];
  readonly time: Resolved;
}

// ---- calendar arithmetic on days since 1970-01-01 (proleptic Gregorian, integer only) ----

function daysFromCivil(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const monthIndex = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [month <= 2 ? yearOfEra + era * 400 + 1 : yearOfEra + era * 400, month, day];
}

/** Sunday 0 … Saturday 6 (1970-01-01 was a Thursday). */
function weekdayOf(days: number): number {
  return (((days % 7) + 7) % 7 + 4) % 7;
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value));
  return (value < 0 ? '-' : '') + (digits.length >= width ? digits : '0'.repeat(width - digits.length) + digits);
}

function formatYear(year: number): string {
  return pad(year, 4);
}

function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

function formatMonthIndex(index: number): string {
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

function formatDay(days: number): string {
  const [year, month, day] = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function dayRange(from: number, to: number): Resolved {
  return { value: formatDay(from), precision: 'range', until: formatDay(to) };
}

/** Parses the first ten characters of an ISO date; null when they are not a real date. */
function parsePublication(publishedAt: string | null): Publication | null {
  if (publishedAt === null || publishedAt.length < 10) return null;
  const year = parseDigits(publishedAt, 0, 4);
  const month = parseDigits(publishedAt, 5, 7);
  const day = parseDigits(publishedAt, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || publishedAt[4] !== '-' || publishedAt[7] !== '-') return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, days: daysFromCivil(year, month, day) };
}

/** The non-negative integer written by digits in value[from, to), or -1. */
function parseDigits(value: string, from: number, to: number): number {
  if (to > value.length || from >= to) return -1;
  let result = 0;
  for (let index = from; index < to; index++) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return -1;
    result = result * 10 + code - 48;
  }
  return result;
}

/** "28", "28th", "1st" → the day number 1..31, else -1. */
function parseDayNumber(word: string): number {
  let digits = word.length;
  const suffix = word.length >= 3 ? word.slice(-2) : '';
  if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') digits -= 2;
  if (digits < 1 || digits > 2) return -1;
  const day = parseDigits(word, 0, digits);
  return day >= 1 && day <= 31 ? day : -1;
}

/** A four-digit year 1000..2999, else -1. */
function parseYear(word: string): number {
  if (word.length !== 4) return -1;
  const year = parseDigits(word, 0, 4);
  return year >= 1000 && year <= 2999 ? year : -1;
}

/** Start and end day of a resolved value ("2022", "2022-02", "2022-02-28"); null when it is not one of these. */
function boundsOf(value: string): [number, number] | null {
  const year = parseDigits(value, 0, 4);
  if (year < 0) return null;
  if (value.length === 4) return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)];
  const month = parseDigits(value, 5, 7);
  if (month < 1 || month > 12) return null;
  if (value.length === 7) return [daysFromCivil(year, month, 1), daysFromCivil(year, month, daysInMonth(year, month))];
  const day = parseDigits(value, 8, 10);
  if (value.length !== 10 || day < 1) return null;
  const days = daysFromCivil(year, month, day);
  return [days, days];
}

/** Formats `days` at the granularity of `like` (a year, month or day value). */
function formatLike(like: string, days: number): string {
  const [year, month] = civilFromDays(days);
  if (like.length === 4) return formatYear(year);
  if (like.length === 7) return formatMonth(year, month);
  return formatDay(days);
}

const PRECISION_RANK: Readonly<Record<TimePrecision, number>> = { day: 4, month: 3, range: 2, year: 1, unknown: 0 };

// ---- resolution ----

function partOfMonth(year: number, month: number, part: PeriodPart): Resolved {
  const first = daysFromCivil(year, month, 1);
  if (part === 'early') return dayRange(first, first + 9);
  if (part === 'mid') return dayRange(first + 10, first + 19);
  return dayRange(first + 20, first + daysInMonth(year, month) - 1);
}

function partOfYear(year: number, part: PeriodPart): Resolved {
  const [from, to] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
  return { value: formatMonth(year, from), precision: 'range', until: formatMonth(year, to) };
}

function shiftMonths(days: number, months: number): number {
  const [year, month, day] = civilFromDays(days);
  const index = year * 12 + month - 1 + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Resolves a meaning against the publication date; null when it cannot be resolved (no date, or an impossible day). */
function resolve(meaning: Meaning, publication: Publication | null, future: boolean, anchors: readonly Anchor[]): Resolved | null {
  switch (meaning.kind) {
    case 'date': {
      let year = meaning.year;
      if (year === null) {
        if (publication === null) return null;
        year = publication.year;
        if (meaning.day > daysInMonth(year, meaning.month)) year = future ? year + 1 : year - 1;
        else {
          const candidate = daysFromCivil(year, meaning.month, meaning.day);
          if (future && candidate < publication.days) year++;
          else if (!future && candidate > publication.days) year--;
        }
      }
      if (meaning.day > daysInMonth(year, meaning.month)) return null;
      return { value: formatDay(daysFromCivil(year, meaning.month, meaning.day)), precision: 'day' };
    }
    case 'month': {
      let year = meaning.year;
      if (year === null) {
        if (publication === null) return null;
        const current = publication.year * 12 + publication.month - 1;
        const sameYear = publication.year * 12 + meaning.month - 1;
        let index = sameYear;
        if (meaning.direction === -1) index = sameYear < current ? sameYear : sameYear - 12;
        else if (meaning.direction === 1) index = sameYear > current ? sameYear : sameYear + 12;
        else if (meaning.direction === null) index = future ? (sameYear >= current ? sameYear : sameYear + 12) : sameYear <= current ? sameYear : sameYear - 12;
        year = Math.floor(index / 12);
      }
      if (meaning.part !== null) return partOfMonth(year, meaning.month, meaning.part);
      return { value: formatMonth(year, meaning.month), precision: 'month' };
    }
    case 'year':
      return meaning.part === null ? { value: formatYear(meaning.year), precision: 'year' } : partOfYear(meaning.year, meaning.part);
    case 'years':
      return { value: formatYear(meaning.from), precision: 'range', until: formatYear(meaning.to) };
    case 'decade': {
      const [from, to] = meaning.part === 'early' ? [0, 3] : meaning.part === 'mid' ? [4, 6] : meaning.part === 'late' ? [7, 9] : [0, 9];
      return { value: formatYear(meaning.decade + from), precision: 'range', until: formatYear(meaning.decade + to) };
    }
    case 'weekday': {
      if (publication === null) return null;
      const today = weekdayOf(publication.days);
      const back = (today - meaning.weekday + 7) % 7;
      const forward = (meaning.weekday - today + 7) % 7;
      let days: number;
      if (meaning.direction === -1) days = publication.days - (back === 0 ? 7 : back);
      else if (meaning.direction === 1) days = publication.days + (forward === 0 ? 7 : forward);
      else days = future ? publication.days + forward : publication.days - back;
      return { value: formatDay(days), precision: 'day' };
    }
    case 'offset':
      return publication === null ? null : { value: formatDay(publication.days + meaning.days), precision: 'day' };
    case 'unit':
      return publication === null ? null : resolveUnit(meaning.unit, meaning.direction, meaning.part, publication);
    case 'ago': {
      if (publication === null) return null;
      const { unit, amount } = meaning;
      if (unit === 'day') return { value: formatDay(publication.days - amount), precision: 'day' };
      if (unit === 'week') {
        const target = publication.days - 7 * amount;
        const monday = target - ((weekdayOf(target) + 6) % 7);
        return dayRange(monday, monday + 6);
      }
      if (unit === 'month') return { value: formatMonthIndex(publication.year * 12 + publication.month - 1 - amount), precision: 'month' };
      if (unit === 'year') return { value: formatYear(publication.year - amount), precision: 'year' };
      if (unit === 'decade') return { value: formatYear(publication.year - 10 * amount), precision: 'year' };
      return null;
    }
    case 'span': {
      if (publication === null) return null;
      const { unit, amount, direction } = meaning;
      let other: number;
      if (unit === 'day') other = publication.days + direction * amount;
      else if (unit === 'week') other = publication.days + direction * 7 * amount;
      else if (unit === 'month') other = shiftMonths(publication.days, direction * amount);
      else if (unit === 'year') other = shiftMonths(publication.days, direction * 12 * amount);
      else if (unit === 'decade') other = shiftMonths(publication.days, direction * 120 * amount);
      else return null;
      return direction === -1 ? dayRange(other, publication.days) : dayRange(publication.days, other);
    }
    case 'phase':
      return resolvePhase(meaning, anchors);
  }
}

function resolveUnit(unit: CalendarUnit, direction: Direction, part: Part | null, publication: Publication): Resolved | null {
  const today = publication.days;
  if (unit === 'week' || unit === 'weekend') {
    const monday = today - ((weekdayOf(today) + 6) % 7) + 7 * direction;
    if (unit === 'weekend') return dayRange(monday + 5, monday + 6);
    if (part === 'earlier' && direction === 0) return dayRange(monday, today);
    if (part === 'later' && direction === 0) return dayRange(today, monday + 6);
    return dayRange(monday, monday + 6);
  }
  if (unit === 'month') {
    const index = publication.year * 12 + publication.month - 1 + direction;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (part === 'earlier' && direction === 0) return dayRange(daysFromCivil(year, month, 1), today);
    if (part === 'later' && direction === 0) return dayRange(today, daysFromCivil(year, month, daysInMonth(year, month)));
    if (part === 'early' || part === 'mid' || part === 'late') return partOfMonth(year, month, part);
    return { value: formatMonth(year, month), precision: 'month' };
  }
  if (unit === 'year') {
    const year = publication.year + direction;
    if (part === 'earlier' && direction === 0) return { value: formatMonth(year, 1), precision: 'range', until: formatMonth(year, publication.month) };
    if (part === 'later' && direction === 0) return { value: formatMonth(year, publication.month), precision: 'range', until: formatMonth(year, 12) };
    if (part === 'early' || part === 'mid' || part === 'late') return partOfYear(year, part);
    return { value: formatYear(year), precision: 'year' };
  }
  if (unit === 'decade') {
    if (direction === 0) {
      const decade = publication.year - (publication.year % 10);
      return { value: formatYear(decade), precision: 'range', until: formatYear(decade + 9) };
    }
    return direction === -1
      ? { value: formatYear(publication.year - 10), precision: 'range', until: formatYear(publication.year) }
      : { value: formatYear(publication.year), precision: 'range', until: formatYear(publication.year + 10) };
  }
  return null;
}

/** "the early days of the full-scale war": the best earlier anchor of the same family whose modifiers agree. */
function resolvePhase(meaning: Extract<Meaning, { kind: 'phase' }>, anchors: readonly Anchor[]): Resolved | null {
  let best: Anchor | null = null;
  for (const anchor of anchors) {
    if (anchor.family !== meaning.family) continue;
    const shared = meaning.modifiers.filter((modifier) => anchor.modifiers.includes(modifier)).length;
    const agrees = anchor.head === meaning.head ? meaning.modifiers.length === 0 || shared > 0 : shared > 0;
    if (!agrees) continue;
    // Prefer the most precise anchor, then the latest one.
    if (best === null || PRECISION_RANK[anchor.time.precision] >= PRECISION_RANK[best.time.precision]) best = anchor;
  }
  if (best === null) return null;
  if (meaning.reach === null) return best.time;
  const bounds = boundsOf(best.time.until ?? best.time.value);
  if (bounds === null) return null;
  return { value: best.time.value, precision: 'range', until: formatLike(best.time.value, bounds[1] + meaning.reach) };
}

function isRelative(meaning: Meaning): boolean {
  switch (meaning.kind) {
    case 'date':
    case 'month':
      return meaning.year === null;
    case 'year':
    case 'years':
    case 'decade':
    case 'phase':
      return false;
    default:
      return true;
  }
}

// ---- matching over tokens ----

const CLAUSE_PUNCTUATION: ReadonlySet<string> = new Set([',', ';', ':', '—', '–', '(', ')', '.', '!', '?', '"', '“', '”']);
/** Capitalized words that may lead a weekday at a sentence start ("On Friday"), unlike names ("Black Friday"). */
const WEEKDAY_LEADS: ReadonlySet<string> = new Set(['on', 'by', 'since', 'until', 'till', 'from', 'before', 'after', 'through', 'every', 'each', 'and', 'but', 'or', 'as', 'early', 'late', 'that']);
const RANGE_JOINERS: ReadonlySet<string> = new Set(['–', '-', '—']);
/** Words after which "last" is the verb ("to last", "will last", "could last"). */
const VERB_LAST_BEFORE: ReadonlySet<string> = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'not', '’ll', "'ll"]);

const PAST_MARKERS: ReadonlySet<string> = new Set(['said', 'told', 'met', 'held', 'began', 'came', 'went', 'was', 'were', 'did', 'had', 'took', 'made', 'gave', 'won', 'lost', 'left', 'spoke', 'wrote', 'ago', 'last', 'since']);

/** The scanner over one text: reads tokens, emits matches left to right. */
class TimeScanner {
  private readonly lower: string[];
  private readonly count: number;

  constructor(
    private readonly text: string,
    private readonly tokens: Tokens,
  ) {
    this.lower = tokens.lower;
    this.count = tokens.count;
  }

  word(index: number): string {
    return index >= 0 && index < this.count ? this.lower[index]! : '';
  }

  /** The word before `index` in the same sentence, or ''. */
  previous(index: number): string {
    return index > 0 && this.tokens.sentence[index - 1] === this.tokens.sentence[index] ? this.lower[index - 1]! : '';
  }

  capitalized(index: number): boolean {
    if (index < 0 || index >= this.count) return false;
    const code = this.text.charCodeAt(this.tokens.starts[index]!);
    return code >= 65 && code <= 90;
  }

  sentenceInitial(index: number): boolean {
    return index === 0 || this.tokens.sentence[index - 1] !== this.tokens.sentence[index];
  }

  sameSentence(first: number, second: number): boolean {
    return second >= 0 && second < this.count && this.tokens.sentence[first] === this.tokens.sentence[second];
  }

  kind(index: number): number {
    return index >= 0 && index < this.count ? this.tokens.kinds[index]! : -1;
  }

  /** A capitalized month token at `index`. */
  month(index: number): { month: number; ambiguous: boolean } | undefined {
    if (!this.capitalized(index)) return undefined;
    return MONTHS.get(this.lower[index]!);
  }

  /** Tries every pattern at token `index`; `previousEnd` is the last token index of the previous match. */
  matchAt(index: number, previousLast: number): Match | null {
    const word = this.lower[index]!;
    const kind = this.tokens.kinds[index];
    if (kind === NUMBER) return this.matchNumber(index, previousLast, null);
    if (kind !== WORD) return null;
    const relativeDay = RELATIVE_DAYS.get(word);
    // "USA TODAY", "NBC's Today": a capitalized name word before a capitalized "today" makes it a name.
    if (relativeDay !== undefined && this.capitalized(index) && index > 0 && !this.sentenceInitial(index) && this.kind(index - 1) === WORD && this.capitalized(index - 1)) return null;
    if (relativeDay !== undefined) return this.withDayPart(index, index + 1, { kind: 'offset', days: relativeDay });
    const monthWord = this.month(index);
    if (monthWord !== undefined) return this.matchMonth(index, index, null, null, previousLast);
    const weekday = WEEKDAYS.get(word);
    if (weekday !== undefined) return this.matchWeekday(index, index, null);
    const direction = DIRECTIONS.get(word);
    if (direction !== undefined) return this.matchDirection(index, word, direction);
    const part = PERIOD_PARTS.get(word);
    if (part !== undefined) {
      const partMatch = this.matchPart(index, part, previousLast);
      if (partMatch !== null) return partMatch;
    }
    if (word.startsWith('mid-')) return this.matchMidToken(index);
    if ((word === 'earlier' || word === 'later') && this.word(index + 1) === 'this') {
      const unit = CALENDAR_UNITS.get(this.word(index + 2));
      if (unit === 'week' || unit === 'month' || unit === 'year') return { first: index, last: index + 3, meaning: { kind: 'unit', unit, direction: 0, part: word } };
    }
    const count = SMALL_COUNTS.get(word);
    if (count !== undefined) {
      const ago = this.matchAgo(index, count);
      if (ago !== null) return ago;
    }
    if (PHASE_OPENERS.has(word) || PHASE_POINTS.has(word)) return this.matchPhase(index);
    return null;
  }

  withDayPart(first: number, last: number, meaning: Meaning): Match {
    return { first, last: DAY_PARTS.has(this.word(last)) && this.sameSentence(first, last) ? last + 1 : last, meaning };
  }

  matchAgo(index: number, amount: number): Match | null {
    const unitWord = this.word(index + 1);
    const unit = CALENDAR_UNITS.get(unitWord);
    if (unit === undefined || unit === 'weekend' || this.word(index + 2) !== 'ago') return null;
    // "a week ago" but not "two week ago"; plural with counts above one.
    if ((amount === 1) !== !unitWord.endsWith('s')) return null;
    return { first: index, last: index + 3, meaning: { kind: 'ago', unit, amount } };
  }

  matchNumber(index: number, previousLast: number, part: PeriodPart | null): Match | null {
    const word = this.lower[index]!;
    const length = word.length;
    // Decades: "1990s".
    if (length === 5 && word.charCodeAt(4) === 115) {
      const decade = parseYear(word.slice(0, 4));
      if (decade >= 1000 && decade % 10 === 0) return { first: index, last: index + 1, meaning: { kind: 'decade', decade, part } };
      return null;
    }
    // ISO dates: "2025-02-28".
    if (length === 10 && word[4] === '-' && word[7] === '-') {
      const year = parseYear(word.slice(0, 4));
      const month = parseDigits(word, 5, 7);
      const day = parseDigits(word, 8, 10);
      if (year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { first: index, last: index + 1, meaning: { kind: 'date', year, month, day } };
      return null;
    }
    // Year ranges written as one token: "2019-2022".
    if (length === 9 && word[4] === '-') {
      const from = parseYear(word.slice(0, 4));
      const to = parseYear(word.slice(5));
      if (from >= 1800 && to > from && to - from <= 100) return { first: index, last: index + 1, meaning: { kind: 'years', from, to } };
      return null;
    }
    // Day first: "28 February", "28th of February 2025".
    const day = parseDayNumber(word);
    if (day > 0) {
      let next = index + 1;
      if (this.word(next) === 'of') next++;
      const monthWord = this.month(next);
      if (monthWord !== undefined && this.tokens.spaceBefore[next] === 1) {
        const last = this.yearAfter(next + 1);
        const year = last > next + 1 ? parseYear(this.word(last - 1)) : null;
        return { first: index, last, meaning: { kind: 'date', year, month: monthWord.month, day } };
      }
      return null;
    }
    const year = parseYear(word);
    if (year < 1800 || year > 2100) return null;
    const previous = this.previous(index);
    const after = this.word(index + 1);
    if (AMOUNT_FOLLOWERS.has(after) || previous === '$' || previous === '€' || previous === '£') return null;
    // Ranges across a dash, or "from 2019 to 2022".
    const joiner = after;
    if ((RANGE_JOINERS.has(joiner) || ((joiner === 'to' || joiner === 'and' || joiner === 'through') && (previous === 'from' || previous === 'between'))) && this.kind(index + 2) === NUMBER) {
      const to = parseYear(this.word(index + 2));
      if (to > year && to - year <= 100 && !AMOUNT_FOLLOWERS.has(this.word(index + 3))) return { first: index, last: index + 3, meaning: { kind: 'years', from: year, to } };
    }
    const chained = previousLast === index - 2 && (previous === 'and' || previous === 'to' || previous === 'or' || previous === 'through');
    const possessive = after === '’s' || after === "'s";
    const adjectival = YEAR_DETERMINERS.has(previous) && YEAR_NOUNS.has(after);
    if (part !== null || YEAR_CONTEXT.has(previous) || chained || possessive || adjectival) return { first: index, last: index + 1, meaning: { kind: 'year', year, part } };
    return null;
  }

  /** The token index after an optional year ("2025" or ", 2025") starting at `index`. */
  yearAfter(index: number): number {
    if (this.kind(index) === NUMBER && parseYear(this.word(index)) > 0 && !AMOUNT_FOLLOWERS.has(this.word(index + 1))) return index + 1;
    if (this.word(index) === ',' && this.kind(index + 1) === NUMBER && parseYear(this.word(index + 1)) > 0 && !AMOUNT_FOLLOWERS.has(this.word(index + 2))) return index + 2;
    return index;
  }

  /** A month name at `index` (the match may start earlier, at `first`): "February 28, 2025", "May 2022", "in January". */
  matchMonth(first: number, index: number, direction: Direction | null, part: PeriodPart | null, previousLast: number): Match | null {
    const monthWord = this.month(index);
    if (monthWord === undefined) return null;
    const { month, ambiguous } = monthWord;
    const next = this.word(index + 1);
    if (direction === null && part === null && this.kind(index + 1) === NUMBER) {
      const day = parseDayNumber(next);
      if (day > 0 && !AMOUNT_FOLLOWERS.has(this.word(index + 2))) {
        const last = this.yearAfter(index + 2);
        const year = last > index + 2 ? parseYear(this.word(last - 1)) : null;
        return { first, last, meaning: { kind: 'date', year, month, day } };
      }
    }
    const yearIndex = next === 'of' ? index + 2 : index + 1;
    if (direction === null && this.kind(yearIndex) === NUMBER) {
      const year = parseYear(this.word(yearIndex));
      if (year > 0 && !AMOUNT_FOLLOWERS.has(this.word(yearIndex + 1))) return { first, last: yearIndex + 1, meaning: { kind: 'month', year, month, direction: null, part } };
    }
    // A bare month name needs context; May, March and abbreviations need strong context.
    const previous = this.previous(first);
    const chained = previousLast === first - 2 && (previous === 'and' || previous === 'to' || previous === 'or' || previous === 'through');
    const contextual = direction !== null || part !== null || chained || (ambiguous ? STRONG_MONTH_CONTEXT.has(previous) : MONTH_CONTEXT.has(previous));
    const standalone = !ambiguous && !(this.kind(index + 1) === WORD && this.capitalized(index + 1));
    if (!contextual && !standalone) return null;
    if (ambiguous && (next === '’s' || next === "'s") && !contextual) return null;
    return { first, last: index + 1, meaning: { kind: 'month', year: null, month, direction, part } };
  }

  /** A weekday at `index` ("on Monday", "last Friday", "Monday, March 3"). */
  matchWeekday(first: number, index: number, direction: Direction | null): Match | null {
    if (!this.capitalized(index)) return null;
    const weekday = WEEKDAYS.get(this.lower[index]!)!;
    // "Black Friday", "Super Tuesday": a capitalized word before makes it a name.
    if (first === index && index > 0 && this.kind(index - 1) === WORD && this.capitalized(index - 1) && this.sameSentence(index, index - 1) && !WEEKDAY_LEADS.has(this.lower[index - 1]!)) return null;
    // A following date makes one expression: "Monday, March 3".
    const dateStart = this.word(index + 1) === ',' ? index + 2 : index + 1;
    if (direction === null && this.sameSentence(index, dateStart)) {
      const date = this.kind(dateStart) === NUMBER ? this.matchNumber(dateStart, -1, null) : this.month(dateStart) !== undefined ? this.matchMonth(dateStart, dateStart, null, null, -1) : null;
      if (date !== null && date.meaning.kind === 'date') return { first, last: date.last, meaning: date.meaning };
    }
    // "Sunday Times": a capitalized word after makes it a name.
    if (this.kind(index + 1) === WORD && this.capitalized(index + 1) && this.sameSentence(index, index + 1) && !DAY_PARTS.has(this.word(index + 1))) return null;
    return this.withDayPart(first, index + 1, { kind: 'weekday', weekday, direction });
  }

  /** "last week", "this month", "next year", "the past two weeks", "last March", "last Monday", "last night". */
  matchDirection(index: number, word: string, direction: Direction): Match | null {
    const next = this.word(index + 1);
    // "expected to last six weeks", "could last a year": the verb "last", not a direction.
    if (word === 'last' && VERB_LAST_BEFORE.has(this.previous(index))) return null;
    if (word === 'last' && next === 'night') return { first: index, last: index + 2, meaning: { kind: 'offset', days: -1 } };
    if (word === 'this' && DAY_PARTS.has(next)) return { first: index, last: index + 2, meaning: { kind: 'offset', days: 0 } };
    const unit = CALENDAR_UNITS.get(next);
    if (unit !== undefined && unit !== 'day' && !next.endsWith('s')) {
      if (this.word(index + 2) === 'of' || this.word(index + 2) === 'alone') return null;
      // "the past week", "the last year": the span up to publication.
      if (word === 'past' || (word === 'last' && this.previous(index) === 'the')) return { first: index, last: index + 2, meaning: { kind: 'span', unit, amount: 1, direction: -1 } };
      return { first: index, last: index + 2, meaning: { kind: 'unit', unit, direction, part: null } };
    }
    if (direction !== 0 && word !== 'this') {
      const amount = SMALL_COUNTS.get(next) ?? (this.kind(index + 1) === NUMBER ? parseDigits(next, 0, next.length) : -1);
      const pluralUnit = CALENDAR_UNITS.get(this.word(index + 2));
      if (amount > 1 && amount <= 100 && pluralUnit !== undefined && pluralUnit !== 'weekend' && this.word(index + 2).endsWith('s')) {
        return { first: index, last: index + 3, meaning: { kind: 'span', unit: pluralUnit, amount, direction: direction === 1 ? 1 : -1 } };
      }
    }
    if (word === 'past') return null;
    if (this.month(index + 1) !== undefined) {
      const match = this.matchMonth(index, index + 1, direction, null, -1);
      return match !== null && match.meaning.kind === 'month' ? match : null;
    }
    if (WEEKDAYS.has(next)) return this.matchWeekday(index, index + 1, direction);
    return null;
  }

  /** "early March", "late 2022", "the early 1990s", "late last year", "mid-2022" (as separate words). */
  matchPart(index: number, part: PeriodPart, previousLast: number): Match | null {
    const next = index + 1;
    if (!this.sameSentence(index, next)) return null;
    if (this.kind(next) === NUMBER) {
      const match = this.matchNumber(next, previousLast, part);
      return match !== null && (match.meaning.kind === 'year' || match.meaning.kind === 'decade') ? { first: index, last: match.last, meaning: match.meaning } : null;
    }
    if (this.month(next) !== undefined) {
      const match = this.matchMonth(index, next, null, part, previousLast);
      return match !== null && match.meaning.kind === 'month' ? match : null;
    }
    const direction = DIRECTIONS.get(this.word(next));
    const unit = CALENDAR_UNITS.get(this.word(next + 1));
    if (direction !== undefined && this.word(next) !== 'past' && (unit === 'month' || unit === 'year') && !this.word(next + 1).endsWith('s')) {
      return { first: index, last: next + 2, meaning: { kind: 'unit', unit, direction, part } };
    }
    return null;
  }

  /** One token "mid-2022", "mid-March", "mid-1990s". */
  matchMidToken(index: number): Match | null {
    const rest = this.lower[index]!.slice(4);
    const restStart = this.tokens.starts[index]! + 4;
    const monthWord = MONTHS.get(rest);
    if (monthWord !== undefined) {
      const code = this.text.charCodeAt(restStart);
      if (code < 65 || code > 90) return null;
      const year = this.kind(index + 1) === NUMBER ? parseYear(this.word(index + 1)) : -1;
      if (year > 0) return { first: index, last: index + 2, meaning: { kind: 'month', year, month: monthWord.month, direction: null, part: 'mid' } };
      return { first: index, last: index + 1, meaning: { kind: 'month', year: null, month: monthWord.month, direction: null, part: 'mid' } };
    }
    const year = parseYear(rest);
    if (year >= 1800 && year <= 2100) return { first: index, last: index + 1, meaning: { kind: 'year', year, part: 'mid' } };
    if (rest.length === 5 && rest.endsWith('s')) {
      const decade = parseYear(rest.slice(0, 4));
      if (decade > 0 && decade % 10 === 0) return { first: index, last: index + 1, meaning: { kind: 'decade', decade, part: 'mid' } };
    }
    return null;
  }

  /** "the early days of the full-scale war", "the start of the invasion". */
  matchPhase(index: number): Match | null {
    const word = this.lower[index]!;
    let cursor: number;
    let reach: number | null = null;
    if (PHASE_OPENERS.has(word) && PHASE_SPANS.has(this.word(index + 1)) && this.word(index + 2) === 'of') {
      reach = PHASE_SPANS.get(this.word(index + 1))!;
      cursor = index + 3;
    } else if (PHASE_POINTS.has(word) && this.word(index + 1) === 'of') {
      cursor = index + 2;
    } else return null;
    const determiner = this.word(cursor);
    if (determiner === 'the' || determiner === 'this' || determiner === 'that') cursor++;
    const modifiers: string[] = [];
    for (let steps = 0; steps < 4 && this.sameSentence(index, cursor); steps++) {
      const current = this.word(cursor);
      const event = EVENT_HEADS.get(current);
      if (event !== undefined) {
        const first = this.previous(index) === 'the' ? index - 1 : index;
        return { first, last: cursor + 1, meaning: { kind: 'phase', head: event.head, family: event.family, modifiers, reach } };
      }
      if (current === '’s' || current === "'s") {
        cursor++;
        continue;
      }
      if (this.kind(cursor) !== WORD || MODIFIER_STOPS.has(current)) return null;
      modifiers.push(current);
      cursor++;
    }
    return null;
  }

  /** Whether the clause around [first, last) speaks of the future; the nearest cue wins (a past verb or a future word). */
  futureClause(first: number, last: number): boolean {
    for (let distance = 1; distance <= 10; distance++) {
      for (let side = 0; side < 2; side++) {
        const index = side === 0 ? first - distance : last - 1 + distance;
        if (index < 0 || index >= this.count || !this.sameSentence(first, index)) continue;
        const word = this.lower[index]!;
        if (FUTURE_CUES.has(word) || word.endsWith('’ll') || word.endsWith("'ll")) return true;
        if (PAST_MARKERS.has(word) || (word.length > 4 && word.endsWith('ed'))) return false;
      }
    }
    return false;
  }

  /** The event head an expression over [first, last) dates in its clause: "the 2016 election", "the invasion began in February 2022". */
  anchorFor(first: number, last: number): { head: string; family: string; modifiers: string[] } | null {
    // Adjectival: "the 2016 election", "the February 2022 full-scale invasion".
    for (let index = last; index < last + 3 && this.sameSentence(first, index); index++) {
      const event = EVENT_HEADS.get(this.word(index));
      if (event !== undefined) return { ...event, modifiers: this.modifiersBefore(index, last) };
      if (this.kind(index) !== WORD || MODIFIER_STOPS.has(this.word(index))) break;
    }
    for (let index = first - 1; index >= first - 6 && index >= 0 && this.sameSentence(first, index); index--) {
      const kind = this.kind(index);
      if (kind !== WORD && kind !== NUMBER) break;
      const event = EVENT_HEADS.get(this.word(index));
      if (event !== undefined) return { ...event, modifiers: this.modifiersBefore(index, 0) };
    }
    return null;
  }

  /** Up to three modifier words right before the head at `head`, not before token `floor`. */
  modifiersBefore(head: number, floor: number): string[] {
    const modifiers: string[] = [];
    for (let index = head - 1; index >= floor && index >= head - 4 && this.sameSentence(head, index); index--) {
      const word = this.lower[index]!;
      if (word === '’s' || word === "'s") continue;
      if (this.kind(index) !== WORD || MODIFIER_STOPS.has(word) || modifiers.length === 3) break;
      modifiers.push(word);
    }
    return modifiers;
  }
}

/** Every word that can start a pattern, in one set, so that the common token costs one lookup. */
const TRIGGERS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...RELATIVE_DAYS.keys(), ...DIRECTIONS.keys(), ...PERIOD_PARTS.keys(), ...SMALL_COUNTS.keys(),
  ...PHASE_OPENERS, ...PHASE_POINTS, 'earlier', 'later',
]);
/** Shapes of the triggers: most words are ruled out before the Set hashes their string. */
const TRIGGER_SHAPES = shapesOf(TRIGGERS);

/** True when `word` is a quick trigger for some pattern. */
function mayStart(word: string, kind: number): boolean {
  if (kind === NUMBER) return true;
  if (kind !== WORD) return false;
  return (mayBeKey(TRIGGER_SHAPES, word) && TRIGGERS.has(word)) || (word.charCodeAt(0) === 109 && word.startsWith('mid-'));
}

/**
 * Finds time expressions and normalizes them against the publication date, with a past bias (news reports the past)
 * unless the clause speaks of the future. Without a publication date, relative expressions stay unresolved.
 * Known limits: numeric dates (3/5/2025), clock times, seasons and "the end of …" are not read; "today" inside a quotation
 * is resolved against publication, not the time of speaking.
 */
export function findTimes(input: FindTimesInput): TimeExpression[] {
  const { text, tokens } = input;
  const publication = parsePublication(input.publishedAt);
  const quotations = [...input.quotations].sort((left, right) => left.start - right.start);
  const scanner = new TimeScanner(text, tokens);
  const anchors: Anchor[] = [];
  const results: TimeExpression[] = [];
  let previousLast = -10;
  for (let index = 0; index < tokens.count; index++) {
    if (!mayStart(tokens.lower[index]!, tokens.kinds[index]!)) continue;
    const match = scanner.matchAt(index, previousLast);
    if (match === null) continue;
    const future = scanner.futureClause(match.first, match.last);
    const resolved = resolve(match.meaning, publication, future, anchors);
    // A phase phrase without an anchor is not a time expression; keep the scan conservative.
    if (match.meaning.kind === 'phase' && resolved === null) continue;
    if (resolved === null && (publication !== null || !isRelative(match.meaning))) continue;
    const start = tokens.starts[match.first]!;
    const end = tokens.ends[match.last - 1]!;
    const hypothetical = isHypothetical(scanner, tokens, quotations, match);
    // Optional fields added in place, not spread (a slow generic copy): the same fields in the same order.
    const expression: { start: number; end: number; text: string; value: string | null; precision: TimePrecision; until?: string; event?: boolean } = {
      start,
      end,
      text: text.slice(start, end),
      value: resolved === null ? null : resolved.value,
      precision: resolved === null ? 'unknown' : resolved.precision,
    };
    if (resolved !== null && resolved.until !== undefined) expression.until = resolved.until;
    if (hypothetical) expression.event = false;
    results.push(expression);
    if (resolved !== null && !hypothetical && match.meaning.kind !== 'phase') {
      const anchor = scanner.anchorFor(match.first, match.last);
      if (anchor !== null) anchors.push({ ...anchor, time: resolved });
    }
    previousLast = match.last - 1;
    index = match.last - 1;
  }
  return results;
}

/** A time word inside a quotation whose clause has a modal or conditional ("might … tomorrow … will") is not an event. */
function isHypothetical(scanner: TimeScanner, tokens: Tokens, quotations: readonly Span[], match: Match): boolean {
  if (quotations.length === 0) return false;
  const start = tokens.starts[match.first]!;
  const quotation = findContaining(quotations, start);
  if (quotation === undefined) return false;
  for (let distance = 1; distance <= 25; distance++) {
    for (let side = 0; side < 2; side++) {
      const index = side === 0 ? match.first - distance : match.last - 1 + distance;
      if (index < 0 || index >= tokens.count || !scanner.sameSentence(match.first, index)) continue;
      if (tokens.starts[index]! < quotation.start || tokens.ends[index]! > quotation.end) continue;
      if (MODAL_CUES.has(tokens.lower[index]!)) return true;
    }
  }
  return false;
}
