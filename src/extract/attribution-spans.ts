import { CUE_VERBS, NAMING_PARTICIPLES, UTTERANCE_STANCES } from '../lexicon/cues.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';
import type { TaggedSpan } from './tagger.js';
import { isLowerCase, isRelayCue, sentenceLastWord } from './drafts.js';

/**
 * Rules over the tagger's source and cue spans before cues are paired with content: relays and speakers told apart,
 * anonymity asides and ages dropped, coordinated reports split.
 */

/**
 * "According to Iron Ledger, Arkady Voss said …": one source span the tagger drew over the relay's name and the speaker
 * after it is two, split at the comma: the first is the relay's (the relays stage reads it), the second the speaker.
 */
export function splitRelaySources(tokens: Tokens, spans: readonly TaggedSpan[]): readonly TaggedSpan[] {
  let result: TaggedSpan[] | null = null;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    const previous = spans[index - 1];
    const comma = previous === undefined ? -1 : relaySourceComma(tokens, previous, span);
    if (comma < 0) {
      result?.push(span);
      continue;
    }
    result ??= spans.slice(0, index);
    // "According to police, three people died.": with no cue after it in the sentence, what follows the comma is
    // the relay's content, not a speaker of its own.
    const next = spans[index + 1];
    const speakerFollows = next !== undefined && next.type === 'cue' && tokens.sentence[next.first] === tokens.sentence[span.last];
    // The tagger often stops such a clause early ("the pier / was closed"): untagged words up to the sentence's end join it.
    const last = speakerFollows || (next !== undefined && tokens.sentence[next.first] === tokens.sentence[span.last]) ? span.last : Math.max(span.last, sentenceLastWord(tokens, span.last));
    result.push({ type: 'source', first: span.first, last: comma - 1 }, { type: speakerFollows ? 'source' : 'content', first: comma + 1, last });
  }
  return result ?? spans;
}

/**
 * "According to court documents, Delaney/source accepted/content …": with no cue of its own, the subject the tagger
 * marked after a relay's name and comma opens the relay's content.
 */
export function joinSubjectAfterRelay(tokens: Tokens, spans: readonly TaggedSpan[]): readonly TaggedSpan[] {
  let result: TaggedSpan[] | null = null;
  for (let index = 0; index < spans.length; index++) {
    const [cue, relay, subject, content] = [spans[index - 2], spans[index - 1], spans[index], spans[index + 1]];
    const joins =
      cue?.type === 'cue' &&
      relay?.type === 'source' &&
      subject!.type === 'source' &&
      content?.type === 'content' &&
      isRelayCue(tokens, cue) &&
      relay.first === cue.last + 1 &&
      subject!.first === relay.last + 2 &&
      tokens.lower[relay.last + 1] === ',' &&
      content.first === subject!.last + 1 &&
      tokens.sentence[content.first] === tokens.sentence[cue.first];
    if (!joins) {
      result?.push(spans[index]!);
      continue;
    }
    result ??= spans.slice(0, index);
    result.push({ type: 'content', first: subject!.first, last: content.last });
    index++; // the content span is merged
  }
  return result ?? spans;
}

/** Words joining two clauses each with its own speaker ("X said A, and Y accused B of C"). */
const CLAUSE_COORDINATORS = new Set(['and', 'but', 'while', 'whereas']);

/** Most capitalized words in the name of a coordinated clause's speaker. */
const MAX_COORDINATED_NAME = 4;

/** Fewest tokens a report keeps before a coordinated one is split off: shorter, it is more likely a compound subject ("the board and Northport Council accused …"). */
const MIN_REPORT_BEFORE = 5;

/**
 * "Farmers said the new levy was unfair and Mayor Ilona Varga accused them of …": the tagger read
 * the second speaker's report as the end of the first one's content. An unquoted content span holding a coordinator,
 * a capitalized name and a speech verb is split there into the first content, the second source, cue and content.
 * Limit: names only ("and he said" may be the same speaker's next words); the name must be written right before the verb.
 */
export function splitCoordinatedReports(tokens: Tokens, quotations: QuotationResult, spans: readonly TaggedSpan[]): readonly TaggedSpan[] {
  let result: TaggedSpan[] | null = null;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    let split = -1;
    let nameEnd = -1;
    if (span.type === 'content') {
      for (let at = span.first + MIN_REPORT_BEFORE; at + 2 < span.last; at++) {
        // A capitalized word next first: a character read rules out most tokens before a set lookup.
        if (tokens.kinds[at + 1] !== TokenKind.Word || isLowerCase(tokens, at + 1)) continue;
        if (!CLAUSE_COORDINATORS.has(tokens.lower[at]!) || quotations.tokenQuotation[at]! >= 0) continue;
        // "Selin and Northport show …": a name before the coordinator makes one compound subject, not two clauses.
        if (tokens.kinds[at - 1] === TokenKind.Word && !isLowerCase(tokens, at - 1)) continue;
        let end = at;
        while (end + 1 < span.last && end - at < MAX_COORDINATED_NAME && tokens.kinds[end + 1] === TokenKind.Word && !isLowerCase(tokens, end + 1)) end++;
        if (end === at || tokens.sentence[end + 1] !== tokens.sentence[at]) continue;
        const verb = CUE_VERBS.get(tokens.lower[end + 1]!);
        if (verb === undefined || !UTTERANCE_STANCES.has(verb.stance) || tokens.kinds[end + 2] === TokenKind.Punct) continue;
        split = at;
        nameEnd = end;
        break;
      }
    }
    if (split < 0) {
      result?.push(span);
      continue;
    }
    result ??= spans.slice(0, index);
    let contentLast = split - 1;
    while (contentLast > span.first && tokens.kinds[contentLast] === TokenKind.Punct) contentLast--;
    result.push(
      { type: 'content', first: span.first, last: contentLast },
      { type: 'source', first: split + 1, last: nameEnd },
      { type: 'cue', first: nameEnd + 1, last: nameEnd + 1 },
      { type: 'content', first: nameEnd + 2, last: span.last },
    );
  }
  return result ?? spans;
}

/** Farthest the commas of an anonymity aside may lie from "anonymity" (before it, after it). */
const ANONYMITY_ASIDE_BEFORE = 8;

const ANONYMITY_ASIDE_AFTER = 30;

/** Verbs that refuse a name before "to be named" ("who declined to be named"; "asked not to be named" is removeAnonymityRequests'). */
const NAME_REFUSALS = new Set(['declined', 'declining', 'refused', 'refusing']);

/** "condition of anonymity" ending at `at`, or "declined to be named" (identified, quoted) ending there. */
function isAnonymityCondition(tokens: Tokens, at: number): boolean {
  // The word before first: it rules out nearly every token with one comparison, no hashing (this runs on each token).
  const before = tokens.lower[at - 1];
  if (before === 'of') return tokens.lower[at] === 'anonymity' && tokens.lower[at - 2] === 'condition';
  return before === 'be' && tokens.lower[at - 2] === 'to' && NAMING_PARTICIPLES.has(tokens.lower[at]!) && NAME_REFUSALS.has(tokens.lower[at - 3] ?? '');
}

/**
 * "The diplomat, who spoke on condition of anonymity because he was not authorised to speak publicly, said …" (or "who
 * declined to be named because …"): the
 * aside is the outlet's note on the source, so spans the tagger drew inside it (often "he was not authorised" as a
 * source) are dropped; the subject before it then speaks (sources.ts reads past the aside).
 */
export function dropAnonymityAsides(tokens: Tokens, spans: readonly TaggedSpan[]): readonly TaggedSpan[] {
  const asides: Array<[number, number]> = [];
  for (let at = 2; at < tokens.count; at++) {
    if (!isAnonymityCondition(tokens, at)) continue;
    const sentence = tokens.sentence[at]!;
    let left = at - 3;
    while (left > at - ANONYMITY_ASIDE_BEFORE && left > 0 && tokens.lower[left] !== ',' && tokens.sentence[left] === sentence) left--;
    if (tokens.lower[left] !== ',') continue;
    let right = at + 1;
    while (right < at + ANONYMITY_ASIDE_AFTER && right < tokens.count && tokens.lower[right] !== ',' && tokens.sentence[right] === sentence) right++;
    if (tokens.lower[right] === ',') asides.push([left, right]);
  }
  if (asides.length === 0) return spans;
  // Both lists are sorted by position: one pointer walks the asides.
  let aside = 0;
  return spans.filter((span) => {
    while (aside < asides.length && asides[aside]![1] < span.first) aside++;
    const range = asides[aside];
    return range === undefined || !(span.first > range[0] && span.last < range[1]);
  });
}

/** "Costa, 52, told reporters": an age set off by commas after a source is not a source of its own. */
export function dropAgeSources(tokens: Tokens, spans: readonly TaggedSpan[]): readonly TaggedSpan[] {
  const isAge = (span: TaggedSpan, previous: TaggedSpan | undefined): boolean => {
    if (span.type !== 'source' || previous?.type !== 'source' || previous.last + 2 !== span.first || tokens.lower[span.first - 1] !== ',') return false;
    if (tokens.kinds[span.first] !== TokenKind.Number || Number(tokens.lower[span.first]) >= 130) return false;
    for (let at = span.first + 1; at <= span.last; at++) if (tokens.lower[at] !== ',') return false;
    return true;
  };
  return spans.some((span, index) => isAge(span, spans[index - 1])) ? spans.filter((span, index) => !isAge(span, spans[index - 1])) : spans;
}

/** The comma inside a source right after a relay cue that separates the relay's name from a speaker, or -1. */
function relaySourceComma(tokens: Tokens, previous: TaggedSpan, span: TaggedSpan): number {
  if (span.type !== 'source' || previous.type !== 'cue' || !isRelayCue(tokens, previous)) return -1;
  const after = tokens.lower[previous.last + 1] === 'by' && tokens.lower[previous.last] !== 'by' ? previous.last + 2 : previous.last + 1;
  if (after !== span.first) return -1;
  for (let at = span.first + 1; at < span.last; at++) if (tokens.lower[at] === ',') return at;
  return -1;
}
