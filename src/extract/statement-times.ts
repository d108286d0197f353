import { lowerBound, type Span } from '../model/span.js';
import type { Statement, StatementTime, TimeExpression } from '../model/types.js';
import { OCCASION_OPENERS } from '../lexicon/time-words.js';
import { firstTokenEndingAfter, type Tokens } from '../text/tokenize.js';

export interface AttachStatementTimesInput {
  readonly statements: readonly Statement[];
  /** Time expressions from findTimes, sorted by start. */
  readonly times: readonly TimeExpression[];
  readonly publishedAt: string | null;
  readonly text: string;
  readonly tokens: Tokens;
}

const PUNCT = 2; // the tokenizer's TokenKind.Punct

/** Punctuation that separates the segments of a sentence (attribution clauses sit between commas): , ; : — – ( ) */
function isSegmentBreak(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 0x2014 || code === 0x2013 || code === 40 || code === 41;
}

/**
 * Gives each statement its time axes: `reported` (the publication date), `said` (a time in the attribution —
 * in the segment of the cue or source, between them, or in an introductory phrase right before them — outside the content),
 * and `refers` (event times inside the content). Known limit: a said-time in another sentence ("On Monday he spoke. He said …")
 * is not found.
 */
export function attachStatementTimes(input: AttachStatementTimesInput): Statement[] {
  const { tokens } = input;
  const times = isSorted(input.times) ? input.times : [...input.times].sort((left, right) => left.start - right.start);
  let segments: Int32Array | null = null;
  let reported: ReportedContent | null = null;
  // Built at the first opening phrase that needs it: most statements never ask.
  const reportedContent = (): ReportedContent => (reported ??= indexContent(input.statements));
  return input.statements.map((statement) => {
    const refers: TimeExpression[] = [];
    for (const piece of statement.content) {
      for (let index = lowerBound(times, piece.start); index < times.length && times[index]!.start < piece.end; index++) {
        const time = times[index]!;
        if (time.end <= piece.end && time.event !== false) refers.push(time);
      }
    }
    let said: TimeExpression | null = null;
    if (times.length > 0 && (statement.cue !== null || statement.source !== null)) {
      segments ??= segmentIndex(tokens);
      said = saidTime(statement, times, tokens, segments, reportedContent);
    }
    if (input.publishedAt === null && said === null && refers.length === 0) return statement;
    if (statement.time !== undefined) {
      const merged: StatementTime = {
        ...statement.time,
        ...(input.publishedAt !== null ? { reported: input.publishedAt } : {}),
        ...(said !== null ? { said } : {}),
        ...(refers.length > 0 ? { refers } : {}),
      };
      return withTime(statement, merged);
    }
    // The usual case, without spreads (a slow generic copy): the same fields in the same order.
    const time: { reported?: string; said?: TimeExpression; refers?: readonly TimeExpression[] } = {};
    if (input.publishedAt !== null) time.reported = input.publishedAt;
    if (said !== null) time.said = said;
    if (refers.length > 0) time.refers = refers;
    return withTime(statement, time);
  });
}

/**
 * The statement with `time` set. For a statement whose fields are in the interface's order (as the pipeline builds them),
 * the fields and their order are those of `{ ...statement, time }`. Copied by name, not spread: statements come in several
 * shapes, and the spread measured ~1% of an analysis (a slow generic copy).
 */
function withTime(statement: Statement, time: StatementTime): Statement {
  const { id, kind, content, cue, source, speaker, via, within } = statement;
  return within === undefined ? { id, kind, content, cue, source, speaker, via, time } : { id, kind, content, cue, source, speaker, via, within, time };
}

function isSorted(times: readonly TimeExpression[]): boolean {
  for (let index = 1; index < times.length; index++) if (times[index - 1]!.start > times[index]!.start) return false;
  return true;
}

/**
 * Every content piece of the document's statements, by start, with the furthest end reached up to each. Questions are
 * left out: "Asked during a debate in January, X said …" dates the answer.
 */
interface ReportedContent {
  readonly pieces: readonly Span[];
  readonly furthestEnds: Int32Array;
}

function indexContent(statements: readonly Statement[]): ReportedContent {
  const pieces: Span[] = [];
  for (const statement of statements) {
    if (statement.cue?.stance === 'question') continue;
    for (const piece of statement.content) pieces.push(piece);
  }
  pieces.sort((left, right) => left.start - right.start);
  const furthestEnds = new Int32Array(pieces.length);
  let furthest = -1;
  pieces.forEach((piece, index) => {
    furthest = Math.max(furthest, piece.end);
    furthestEnds[index] = furthest;
  });
  return { pieces, furthestEnds };
}

/** Whether some content piece holds the whole span: among the pieces starting at or before it, one reaches its end. */
function insideReported(reported: ReportedContent, span: { start: number; end: number }): boolean {
  const after = lowerBound(reported.pieces, span.start + 1);
  return after > 0 && reported.furthestEnds[after - 1]! >= span.end;
}

/** For each token, its segment number: segments restart at sentence starts and at segment punctuation. */
function segmentIndex(tokens: Tokens): Int32Array {
  const { text, count, sentence, kinds, starts, ends } = tokens;
  const segments = new Int32Array(count);
  let current = 0;
  for (let index = 1; index < count; index++) {
    // The break marks are single code units that lower-casing keeps: read from the text, no token string is touched.
    if (sentence[index] !== sentence[index - 1] || (kinds[index] === PUNCT && ends[index]! - starts[index]! === 1 && isSegmentBreak(text.charCodeAt(starts[index]!)))) current++;
    segments[index] = current;
  }
  return segments;
}

function tokenAt(tokens: Tokens, offset: number): number {
  const index = firstTokenEndingAfter(tokens, offset);
  return index < tokens.count && tokens.starts[index]! <= offset ? index : -1;
}

function inside(span: { start: number; end: number }, pieces: readonly Span[]): boolean {
  return pieces.some((piece) => span.start < piece.end && piece.start < span.end);
}

const RELATIVE_WORDS = new Set(['who', 'which', 'whose', 'whom']);

/** "Greco-Marsh, who took office in 2022, told …": a time in a relative clause dates what the clause says, not the saying. */
function inRelativeClause(tokens: Tokens, segments: Int32Array, index: number): boolean {
  for (let at = index - 1; at >= 0 && at >= index - 8 && segments[at] === segments[index]; at--) if (RELATIVE_WORDS.has(tokens.lower[at]!)) return true;
  return false;
}

/** Index of the first token whose segment is >= `segment` (segments never decrease along the tokens). */
function firstTokenOfSegment(segments: Int32Array, segment: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (segments[middle]! < segment) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The attribution time nearest the cue (or the source), or null; the earlier one on a tie. Only the times inside the
 * attribution segments are looked at, walking outward from the cue, so a document with many statements and many
 * times stays linear (every statement used to scan every time of the document).
 */
function saidTime(statement: Statement, times: readonly TimeExpression[], tokens: Tokens, segments: Int32Array, reportedContent: () => ReportedContent): TimeExpression | null {
  // The anchors are the cue and the source, in that order; no arrays built per statement.
  const anchor = statement.cue ?? statement.source;
  if (anchor === null || times.length === 0) return null;
  const cueToken = statement.cue === null ? -1 : tokenAt(tokens, statement.cue.start);
  const sourceToken = statement.source === null ? -1 : tokenAt(tokens, statement.source.start);
  if (cueToken < 0 && sourceToken < 0) return null;
  const sentence = tokens.sentence[cueToken >= 0 ? cueToken : sourceToken]!;
  const cueSegment = cueToken >= 0 ? segments[cueToken]! : segments[sourceToken]!;
  const sourceSegment = sourceToken >= 0 ? segments[sourceToken]! : cueSegment;
  const lowestSegment = Math.min(cueSegment, sourceSegment);
  const highestSegment = Math.max(cueSegment, sourceSegment);
  const firstSegmentOfSentence = segments[tokens.sentenceStarts[sentence]!]!;
  const occasionOpener = OCCASION_OPENERS.has(tokens.lower[tokens.sentenceStarts[sentence]!]!);
  const reference = anchor.start;
  // The attribution segments are one contiguous run of tokens: [the opening phrase,] the cue's and the source's segments.
  const fromSegment = firstSegmentOfSentence + 1 === lowestSegment ? firstSegmentOfSentence : lowestSegment;
  const firstToken = firstTokenOfSegment(segments, fromSegment);
  const lastToken = firstTokenOfSegment(segments, highestSegment + 1) - 1;
  if (firstToken > lastToken) return null;
  const rangeStart = tokens.starts[firstToken]!;
  const rangeEnd = tokens.ends[lastToken]!;
  const accepts = (time: TimeExpression): boolean => {
    if (time.event === false || inside(time, statement.content)) return false;
    const index = tokenAt(tokens, time.start);
    if (index < 0 || tokens.sentence[index] !== sentence) return false;
    const segment = segments[index]!;
    if (inRelativeClause(tokens, segments, index)) return false;
    return (
      (segment >= lowestSegment && segment <= highestSegment) ||
      // "On Tuesday, X said …", "In an interview on Sunday, X said …": the sentence's opening phrase, right before the source or
      // cue; not when that opening is another statement's content ("X said he knew nothing of the attack in 2022, though he
      // admitted …") unless it names an occasion ("When she first described the bridge plan in December, the mayor said …").
      (segment === firstSegmentOfSentence && segment + 1 === lowestSegment && (occasionOpener || !insideReported(reportedContent(), time)))
    );
  };
  const pivot = lowerBound(times, reference);
  // Nearest before the reference (the earliest of equal starts), then nearest at or after it.
  let before: TimeExpression | null = null;
  for (let index = pivot - 1; index >= 0 && times[index]!.start >= rangeStart; index--) {
    const time = times[index]!;
    if (before !== null && time.start !== before.start) break;
    if (accepts(time)) before = time;
  }
  let after: TimeExpression | null = null;
  for (let index = pivot; index < times.length && times[index]!.start < rangeEnd; index++) {
    if (accepts(times[index]!)) {
      after = times[index]!;
      break;
    }
  }
  if (before === null) return after;
  if (after === null) return before;
  return reference - before.start <= after.start - reference ? before : after;
}
