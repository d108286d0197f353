import { CUE_MODIFIERS, CUE_VERBS } from '../lexicon/cues.js';
import { QUANTIFIERS, SUBJECT_DETERMINERS, SUBJECT_PRONOUNS } from '../lexicon/pronouns.js';
import { makeSpan, trimRange, type Span } from '../model/span.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';
import type { TaggedSpan } from './tagger.js';

/**
 * The draft statement (a cue, its source and content pieces as token ranges) and the token-level grammar tests the
 * statement rules share: spans of tokens, gaps, reporting verbs, passive and raising cues.
 */

/** The ten commonest prepositions (the lexicon has them all): content right after one is its object ("In an interview on [CBS],"), no utterance. */
export const COMMON_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'of', 'to', 'with', 'by', 'from', 'for']);

/** Tokens scanned between a cue and a candidate at most (punctuation included). */
const MAX_SCAN = 64;

/** A tagged span of the same type over other tokens (written out: an object spread here is a slow generic copy). */
export function spanWith(span: TaggedSpan, first: number, last: number): TaggedSpan {
  return { type: span.type, first, last };
}

/** First token of an attribution: its source or its cue, whichever comes first. */
export function attributionFirst(cue: TaggedSpan, source: TaggedSpan | null): number {
  return source !== null && source.first < cue.first ? source.first : cue.first;
}

/** Last token of an attribution: its source or its cue, whichever ends later. */
export function attributionLast(cue: TaggedSpan, source: TaggedSpan | null): number {
  return source !== null && source.last > cue.last ? source.last : cue.last;
}

export function spanOfTokens(tokens: Tokens, first: number, last: number): Span {
  const [start, end] = trimRange(tokens.text, tokens.starts[first]!, tokens.ends[last]!);
  return makeSpan(tokens.text, start, end);
}

/** Tokens strictly between two token ranges that are neither punctuation, quotation marks nor inside `skip`. */
export function gapBetween(tokens: Tokens, leftLast: number, rightFirst: number, skip: TaggedSpan | null): number {
  let gap = 0;
  // Bounded: past a few dozen tokens no content or source can belong to the cue, so the scan stops (linear overall).
  if (rightFirst - leftLast > MAX_SCAN + (skip === null ? 0 : skip.last - skip.first + 1)) return Infinity;
  for (let index = leftLast + 1; index < rightFirst; index++) {
    if (skip !== null && index >= skip.first && index <= skip.last) continue;
    const kind = tokens.kinds[index];
    if (kind === TokenKind.Punct || kind === TokenKind.Quote) continue;
    gap++;
  }
  return gap;
}

export interface Draft {
  cue: TaggedSpan | null;
  source: TaggedSpan | null;
  pieces: TaggedSpan[];
}

/** True when at most `words` words (and any punctuation) lie between two tokens, crossing at most `breaks` paragraph breaks. */
export function onlyPunctuationBetween(tokens: Tokens, leftLast: number, rightFirst: number, words = 0, breaks = 0): boolean {
  let seenWords = 0;
  let seenBreaks = 0;
  for (let index = leftLast + 1; index <= rightFirst; index++) {
    if (tokens.breaksBefore[index]! > 0 && ++seenBreaks > breaks) return false;
    if (index < rightFirst && tokens.kinds[index] !== TokenKind.Punct && tokens.kinds[index] !== TokenKind.Quote && ++seenWords > words) return false;
  }
  return true;
}

export const SENTENCE_ENDS = new Set(['.', '!', '?']);

/** Whether a full stop, "!" or "?" lies between two tokens. */
export function sentenceEndBetween(tokens: Tokens, leftLast: number, rightFirst: number): boolean {
  for (let index = leftLast + 1; index < rightFirst; index++) if (SENTENCE_ENDS.has(tokens.lower[index]!)) return true;
  return false;
}

/** The first token any span of the draft covers (content, cue or source). */
export function firstTokenOf(draft: Draft): number {
  let first = draft.pieces[0]!.first;
  if (draft.cue !== null) first = Math.min(first, draft.cue.first);
  if (draft.source !== null) first = Math.min(first, draft.source.first);
  return first;
}

export function lastTokenOf(draft: Draft): number {
  let last = draft.pieces[draft.pieces.length - 1]!.last;
  if (draft.cue !== null) last = Math.max(last, draft.cue.last);
  if (draft.source !== null) last = Math.max(last, draft.source.last);
  return last;
}

/** Auxiliaries right after "that": a relative clause missing its subject ("a plan that has stalled"). */
/** Finite auxiliaries and forms of "be" and "have" that open a clause whose subject stands elsewhere ("… that has stalled"). */
export const FINITE_AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'does', 'did', 'do']);

/** Drops the merged drafts in place, keeping the order. */
export function removeMerged(drafts: Draft[], merged: ReadonlySet<Draft>): void {
  if (merged.size === 0) return;
  let write = 0;
  for (const draft of drafts) if (!merged.has(draft)) drafts[write++] = draft;
  drafts.length = write;
}

/** 1 on every token a draft's cue, source or content covers. */
export function claimedTokens(tokens: Tokens, drafts: readonly Draft[]): Uint8Array {
  const claimed = new Uint8Array(tokens.count);
  // Spans written out, not gathered in an array per draft: this runs several times per document.
  for (const draft of drafts) {
    if (draft.cue !== null) claimed.fill(1, draft.cue.first, draft.cue.last + 1);
    if (draft.source !== null) claimed.fill(1, draft.source.first, draft.source.last + 1);
    for (const piece of draft.pieces) claimed.fill(1, piece.first, piece.last + 1);
  }
  return claimed;
}

/** Word and number tokens in [first, last]. */
export function wordsIn(tokens: Tokens, first: number, last: number): number {
  let words = 0;
  for (let at = first; at <= last; at++) if (tokens.kinds[at] === TokenKind.Word || tokens.kinds[at] === TokenKind.Number) words++;
  return words;
}

/** Whether a reporting verb of the cue lexicon lies in tokens [first, last]. */
export function holdsCueVerb(tokens: Tokens, first: number, last: number): boolean {
  for (let at = first; at <= last; at++) if (CUE_VERBS.has(tokens.lower[at]!)) return true;
  return false;
}

export function closesQuotation(quotations: QuotationResult, token: number): boolean {
  const index = quotations.tokenQuotation[token]!;
  return index >= 0 && quotations.quotations[index]!.closeToken === token;
}

/** Words that open a clause, not the person told. */
export const NOT_ADDRESSEE_OPENERS = new Set(['that', 'how', 'what', 'why', 'when', 'where', 'whether', 'if', 'he', 'she', 'they', 'i', 'we', 'it', 'there', 'this', 'those', 'these']);

/** Most words of the person told before the reported clause ("told the UN Security Council that …"). */
export const MAX_ADDRESSEE_WORDS = 5;

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Participles that, right before "of", "for" or "with" and with no auxiliary, make a reduced passive ("a developer accused of …"). */
const PASSIVE_PARTICIPLES = new Set(['accused', 'criticized', 'criticised', 'charged', 'blamed', 'suspected', 'condemned', 'praised', 'faulted', 'cleared']);

const PASSIVE_PREPOSITIONS = new Set(['of', 'for', 'with']);

/** Past participles not in -ed that make a passive after a form of "be" ("was said", "were seen", "is known"). */
const IRREGULAR_PARTICIPLES = new Set(['said', 'seen', 'known', 'thought', 'told', 'shown', 'given', 'understood', 'held', 'heard', 'written', 'taken']);

/** A past participle: in -ed, or an irregular one ("said", "seen"). */
function isParticiple(word: string): boolean {
  return word.endsWith('ed') || IRREGULAR_PARTICIPLES.has(word);
}

/** Words after "appeared" that make it showing up somewhere ("appeared on television"), not seeming. */
const SHOWING_UP = new Set(['on', 'at', 'in', 'with', 'before', 'alongside', 'onstage', 'together', 'for']);

/** Participles of feeling or conviction: "are worried", "was convinced" say what the subject feels or believes. */
const FEELING_PARTICIPLES = new Set(['concerned', 'worried', 'convinced', 'pleased', 'disappointed', 'frustrated', 'outraged', 'angered', 'alarmed', 'troubled', 'encouraged', 'satisfied', 'dissatisfied', 'surprised', 'shocked', 'annoyed', 'irritated', 'relieved', 'excited', 'thrilled', 'delighted', 'upset', 'offended', 'persuaded', 'assured', 'impressed', 'disturbed', 'dismayed', 'disgusted', 'unconvinced', 'puzzled', 'confused', 'interested', 'opposed', 'committed', 'determined', 'inclined', 'prepared', 'resigned', 'skeptical']);

/** "was accused of", "has been criticized", "accused of" (no auxiliary, right before of/for/with): a passive cue over tokens [first, last]. */
export function isPassiveCue(tokens: Tokens, first: number, last: number): boolean {
  // "Voters are worried that …": a participle of feeling names who feels it, the subject, as the source.
  if (FEELING_PARTICIPLES.has(tokens.lower[last]!)) return false;
  const head = tokens.lower[first]!;
  const second = tokens.lower[first + 1] ?? '';
  const auxiliary = BE_FORMS.has(head) || ((head === 'has' || head === 'have' || head === 'had') && second === 'been');
  if (auxiliary) {
    if (last <= first) return false;
    const word = tokens.lower[last]!;
    // "is seen as", "was described as": a participle, then "as".
    if (word === 'as') return last - 1 > first && isParticiple(tokens.lower[last - 1]!);
    return isParticiple(word) || PASSIVE_PARTICIPLES.has(word) || PASSIVE_PREPOSITIONS.has(word) || word === 'by';
  }
  // "accused of" as the cue, or "accused" with "of" left to the content.
  return PASSIVE_PARTICIPLES.has(head) && last <= first + 1 && PASSIVE_PREPOSITIONS.has(second);
}

/** Verbs that raise the subject of their complement ("The plan seems to work"): the subject is part of what is reported. */
const RAISING_VERBS = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);

/** Participles that, after a form of "be", raise the subject the same way ("The vote is expected to pass", "is seen as"). */
const RAISING_PARTICIPLES = new Set(['expected', 'seen', 'known', 'thought', 'believed', 'considered', 'rumored', 'rumoured', 'said', 'viewed', 'regarded', 'projected', 'slated']);

/** Words a raising cue may end in after its verb ("is seen as", "is known for", "seems like"). */
const RAISING_TAILS = new Set(['as', 'for', 'like', 'to']);

/** Auxiliaries and adverbs inside a raising cue ("might also seem", "is widely expected"). */
const RAISING_INNER = new Set(['might', 'may', 'must', 'can', 'should', 'be', 'been', 'being', "n't", 'not', 'widely', 'generally', 'increasingly', 'best', 'well', 'largely', 'broadly']);

/** "seemed", "is widely expected", "was seen as": a cue over tokens [first, last] whose verb raises its subject. */
export function isRaisingCue(tokens: Tokens, first: number, last: number): boolean {
  let end = last;
  if (end > first && RAISING_TAILS.has(tokens.lower[end]!)) end--;
  const head = tokens.lower[end]!;
  let be = false;
  for (let index = first; index < end; index++) {
    const word = tokens.lower[index]!;
    // Not "'s": "he's predicted" is "he has predicted", an active report.
    if (BE_FORMS.has(word)) be = true;
    else if (!CUE_MODIFIERS.has(word) && !RAISING_INNER.has(word) && !word.endsWith("n't") && !word.endsWith('n’t')) return false;
  }
  // "appeared on television" is showing up, not seeming.
  return (RAISING_VERBS.has(head) && (end < last || !SHOWING_UP.has(tokens.lower[last + 1] ?? ''))) || (be && RAISING_PARTICIPLES.has(head));
}

export function isLowerCase(tokens: Tokens, index: number): boolean {
  const first = tokens.text.charCodeAt(tokens.starts[index]!);
  return first >= 97 && first <= 122;
}

const RELAY_PARTICIPLES = new Set(['cited', 'quoted', 'reported']);

/** A cue that names a relay, not an utterance: "according to", "cited by", "quoted by", "reported by", "citing". */
export function isRelayCue(tokens: Tokens, cue: TaggedSpan): boolean {
  const last = tokens.lower[cue.last]!;
  if (last === 'to') return cue.last > cue.first && tokens.lower[cue.last - 1] === 'according';
  if (last === 'by') return cue.last > cue.first && RELAY_PARTICIPLES.has(tokens.lower[cue.last - 1]!);
  return last === 'citing' || (RELAY_PARTICIPLES.has(last) && tokens.lower[cue.last + 1] === 'by');
}

/** The last token of `token`'s sentence before its closing punctuation (a closing quotation mark stays in). */
export function sentenceLastWord(tokens: Tokens, token: number): number {
  let last = tokens.sentenceStarts[tokens.sentence[token]! + 1]! - 1;
  while (last > token && tokens.kinds[last] === TokenKind.Punct) last--;
  return last;
}

/** Whether token `at` opens a noun phrase: a determiner, a quantifier, a subject pronoun, a number or a capital. */
export function opensNounPhrase(tokens: Tokens, at: number): boolean {
  const word = tokens.lower[at]!;
  if (SUBJECT_DETERMINERS.has(word) || QUANTIFIERS.has(word) || SUBJECT_PRONOUNS.has(word) || tokens.kinds[at] === TokenKind.Number) return true;
  if (tokens.kinds[at] !== TokenKind.Word) return false;
  const char = tokens.text[tokens.starts[at]!]!;
  return char !== char.toLowerCase();
}
