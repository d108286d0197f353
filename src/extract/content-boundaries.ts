import { ADDRESSEE_VERBS, CONTRASTED_SPEECH_ACTS, CUE_VERBS, INFERENCE_HEDGES, QUESTION_VERBS, UTTERANCE_STANCES } from '../lexicon/cues.js';
import { PREPOSITIONS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS } from '../lexicon/pronouns.js';
import { CALENDAR_UNITS, DAY_PARTS, MONTHS, RELATIVE_DAYS, WEEKDAYS } from '../lexicon/time-words.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';
import type { TaggedSpan } from './tagger.js';
import { attributionFirst, attributionLast, claimedTokens, closesQuotation, type Draft, FINITE_AUXILIARIES, firstTokenOf, holdsCueVerb, isLowerCase, isPassiveCue, isRaisingCue, isRelayCue, lastTokenOf, MAX_ADDRESSEE_WORDS, NOT_ADDRESSEE_OPENERS, opensNounPhrase, removeMerged, sentenceLastWord, spanWith, wordsIn } from './drafts.js';

/** Rules that move where a draft's content pieces start and end: clause starts, parentheticals, tails that are no report. */

const DASHES = new Set(['-', '–', '—']);

/** Most tokens a dateline may take before its dash ("WASHINGTON, March 3 (Reuters) -"). */
const MAX_DATELINE_TOKENS = 12;

/**
 * The token after the dash of a dateline that opens at `opening` ("KYIV, March 3 (Reuters) - …": a word of two or more
 * capitals, then a dash within a few tokens, before `limit`), or -1 when `opening` starts no dateline.
 */
export function tokenAfterDateline(tokens: Tokens, opening: number, limit: number): number {
  if (!isCapitalsWord(tokens, opening)) return -1;
  for (let at = opening + 1; at < limit && at - opening <= MAX_DATELINE_TOKENS; at++) if (DASHES.has(tokens.lower[at]!)) return at + 1;
  return tokenAfterColonDateline(tokens, opening, limit);
}

/** Whether token `index` is a word of two or more letters written in capitals only ("KYIV", "PUNALI"). */
function isCapitalsWord(tokens: Tokens, index: number): boolean {
  const start = tokens.starts[index]!;
  const end = tokens.ends[index]!;
  if (tokens.kinds[index] !== TokenKind.Word || end - start < 2) return false;
  const word = tokens.text.slice(start, end);
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Whether token `index` is a word opening on a capital letter. */
function isCapitalised(tokens: Tokens, index: number): boolean {
  const first = tokens.text[tokens.starts[index]!] ?? '';
  return tokens.kinds[index] === TokenKind.Word && first !== first.toLowerCase();
}

/** Most words of a place in capitals before a colon dateline ("NEW DELHI:"). */
const MAX_COLON_DATELINE_WORDS = 3;

/** Most tokens of a headline line before a dateline's paragraph (a longer first line is body text, not a headline). */
const MAX_HEADLINE_TOKENS = 60;

/**
 * "PUNALI: Residents of …": a place in capitals and a colon opening the paragraph after the headline (the document's
 * second line) is a dateline, as South Asian and some wire styles write it; the token after the colon, or -1. Limit:
 * only the second line counts — on the first line "AP: …" is a headline's attribution — and only when no other line
 * opens so (a transcript's "HOST: …", "VARGA: …").
 */
export function tokenAfterColonDateline(tokens: Tokens, opening: number, limit: number): number {
  if (opening === 0 || tokens.breaksBefore[opening]! === 0) return -1;
  let colon = opening + 1;
  while (colon < limit && colon - opening < MAX_COLON_DATELINE_WORDS && isCapitalsWord(tokens, colon)) colon++;
  // The body's first sentence follows, opening on a capital ("UPDATE: 5/12 …" is a rubric, not a place).
  if (colon + 1 >= limit || tokens.lower[colon] !== ':' || !isCapitalsWord(tokens, colon - 1) || !isCapitalised(tokens, colon + 1)) return -1;
  // The line before must be the first: no line break between the document's start and it.
  for (let at = opening - 1; at > 0; at--) {
    if (opening - at > MAX_HEADLINE_TOKENS) return -1;
    if (tokens.breaksBefore[at]! > 0) return -1;
  }
  return labelledLineCount(tokens) > 1 ? -1 : colon + 1;
}

/** Lines opening with a label in capitals and a colon, by document (counted once: the dateline test asks per draft). */
const LABELLED_LINES = new WeakMap<Tokens, number>();

/**
 * How many lines open with words in capitals and a colon ("HOST: …", "VARGA: …"): more than one makes the document a
 * transcript, whose second line names a speaker, not a place.
 */
function labelledLineCount(tokens: Tokens): number {
  const known = LABELLED_LINES.get(tokens);
  if (known !== undefined) return known;
  let count = 0;
  for (let at = 0; at < tokens.count; at++) {
    if (at > 0 && tokens.breaksBefore[at]! === 0) continue;
    let colon = at;
    while (colon < tokens.count && colon - at < MAX_COLON_DATELINE_WORDS && isCapitalsWord(tokens, colon)) colon++;
    if (colon > at && tokens.lower[colon] === ':') count++;
  }
  LABELLED_LINES.set(tokens, count);
  return count;
}

/**
 * "KYIV, March 3 (Reuters) - Ukraine said …": a source opening a paragraph with a dateline (a capitalised place, then
 * a dash within a few tokens) starts after the dash — the dateline is where the story was filed, not who spoke.
 */
export function cutDateline(tokens: Tokens, draft: Draft): void {
  const source = draft.source;
  if (source === null) return;
  let opening = source.first;
  while (opening > 0 && tokens.breaksBefore[opening]! === 0 && source.first - opening < MAX_DATELINE_TOKENS) opening--;
  if (!(opening === 0 || tokens.breaksBefore[opening]! > 0)) return;
  const after = tokenAfterDateline(tokens, opening, source.last);
  if (after > source.first) draft.source = spanWith(source, after, source.last);
}

/**
 * "KYIV, March 3 (Reuters) - Ukraine's army said …" read as reported content: a piece opening a paragraph with a
 * dateline starts after it — where the story was filed is the writer's, not the speaker's.
 */
export function cutContentDateline(tokens: Tokens, draft: Draft): void {
  const piece = draft.pieces[0];
  if (piece === undefined || !(piece.first === 0 || tokens.breaksBefore[piece.first]! > 0)) return;
  const after = tokenAfterDateline(tokens, piece.first, piece.last);
  if (after > piece.first && after <= piece.last) draft.pieces[0] = spanWith(piece, after, piece.last);
}

/** Words that open a clause on a noun of the attribution or a contrast of the writer's, not the report's rest. */
const CLOSING_NOT_CONTINUED = new Set(['where', 'which', 'who', 'whom', 'whose', 'when', 'but', 'though', 'although']);

/** Words that open the writer's background after a closing attribution ("…, the union said, after talks collapsed"). */
const BACKGROUND_OPENERS = new Set(['after', 'despite', 'amid', 'following']);

/**
 * "Dock workers walked out, their union said on Tuesday, after talks collapsed late on Sunday.": a clause of time or
 * concession after the closing comma is the writer's background to the report, not its second piece. Limit: a
 * speaker's own "after …" reason set off this way is left out too.
 */
export function opensWritersAdjunct(tokens: Tokens, first: number): boolean {
  return BACKGROUND_OPENERS.has(tokens.lower[first]!);
}

/** Most words of an addressee or adjunct between an attribution's verb and its closing comma ("told them", "said in an interview"). */
const MAX_ATTRIBUTION_TAIL = 6;

/**
 * ", Ortiz told reporters on Monday, …": the last token of an attribution (cue and source) and the unclaimed words
 * after it up to a comma — the person told, an occasion. Without such a comma, the cue's or source's last token.
 */
function attributionEnd(tokens: Tokens, draft: Draft, claimed: Uint8Array): number {
  const cue = draft.cue!;
  const last = attributionLast(cue, draft.source);
  for (let index = last + 1; index < tokens.count && index <= last + MAX_ATTRIBUTION_TAIL + 1; index++) {
    if (tokens.lower[index] === ',') return index - 1;
    if (claimed[index] === 1 || (tokens.kinds[index] !== TokenKind.Word && tokens.kinds[index] !== TokenKind.Number)) break;
  }
  return last;
}

/**
 * "The fix, Ortiz said, was simple.": content before an attribution set off by commas, in the middle of its sentence,
 * continues after the closing comma when the words there up to the sentence's end are unclaimed: the second piece.
 */
export function addParentheticalClosings(tokens: Tokens, drafts: Draft[], quotations: QuotationResult): void {
  if (drafts.length === 0) return;
  // Built on the first candidate: most documents have none.
  let claimed: Uint8Array | null = null;
  for (const draft of drafts) {
    // "The bill, opposed by the council, …" is a passive aside, not an attribution; "…, according to …" closes its report.
    if (draft.cue === null || draft.pieces.length !== 1 || isPassiveCue(tokens, draft.cue.first, draft.cue.last) || isRelayCue(tokens, draft.cue)) continue;
    if (tokens.lower[draft.cue.last] === 'by' || tokens.lower[draft.cue.last + 1] === 'by') continue;
    const piece = draft.pieces[0]!;
    const blockFirst = attributionFirst(draft.cue, draft.source);
    if (piece.last !== blockFirst - 2 || tokens.lower[blockFirst - 1] !== ',') continue;
    // A quotation before the attribution is its own report; narrative after it is not the speaker's.
    if (tokens.kinds[piece.last] === TokenKind.Quote || quotations.tokenQuotation[piece.last]! >= 0) continue;
    claimed ??= claimedTokens(tokens, drafts);
    const blockLast = attributionEnd(tokens, draft, claimed);
    const first = blockLast + 2;
    if (tokens.lower[blockLast + 1] !== ',' || first >= tokens.count || tokens.sentence[first] !== tokens.sentence[piece.last]) continue;
    const last = sentenceLastWord(tokens, first);
    // Two words at least ("…, Va." closes a place name), not a clause on a noun of the attribution ("…, where …").
    if (last <= first || tokens.kinds[first] !== TokenKind.Word || CLOSING_NOT_CONTINUED.has(tokens.lower[first]!)) continue;
    if (opensWritersAdjunct(tokens, first)) continue;
    let clear = true;
    for (let index = first; index <= last && clear; index++) if (claimed[index] === 1 || tokens.kinds[index] === TokenKind.Quote) clear = false;
    if (clear) draft.pieces = [piece, { type: 'content', first, last }];
  }
}

/**
 * "In March, the council said, the port lost money every day." — an attribution set off by commas inside its
 * sentence splits one utterance: when the content runs from the closing comma and the words before the opening comma
 * are tagged as nothing else, they are the utterance's first piece. Linear: each statement looks back over its sentence once.
 */
export function addParentheticalOpenings(tokens: Tokens, drafts: Draft[], quotations: QuotationResult): void {
  if (drafts.length === 0) return;
  // Spans some statement uses: a stray span the tagger left unclaimed ("Harbour/source fees, the mayor says, …")
  // does not stop the rule.
  const tagged = claimedTokens(tokens, drafts);
  for (const draft of drafts) {
    if (draft.cue === null || draft.pieces.length !== 1) continue;
    let piece = draft.pieces[0]!;
    const blockFirst = attributionFirst(draft.cue, draft.source);
    const ownLast = attributionLast(draft.cue, draft.source);
    // "…, Ortiz told reporters, …": words after the verb up to the comma belong to the attribution, for reported
    // (unquoted) content only, not opening with a participle: before a quotation ("After the vote, he told CNN, “…”") or
    // a participle clause ("Days later, she relented, telling CNN …") the opening words are narrative.
    const tail = attributionEnd(tokens, draft, tagged);
    const blockLast = tail !== ownLast && quotations.tokenQuotation[tail + 2]! < 0 && tokens.kinds[tail + 2] !== TokenKind.Quote && !(tokens.lower[tail + 2] ?? '').endsWith('ing') ? tail : ownLast;
    if (tokens.lower[blockLast + 1] !== ',' || blockFirst < 2 || tokens.lower[blockFirst - 1] !== ',') continue;
    // "…, Ortiz said, until the mill closed": up to two untagged words after the comma ("until") open the content.
    if (piece.first > blockLast + 2 && piece.first <= blockLast + 4) {
      let open = true;
      for (let index = blockLast + 2; index < piece.first && open; index++) if (tagged[index] === 1 || tokens.kinds[index] !== TokenKind.Word) open = false;
      if (open) piece = spanWith(piece, blockLast + 2, piece.last);
    }
    if (piece.first !== blockLast + 2) continue;
    let sentenceFirst = tokens.sentenceStarts[tokens.sentence[piece.first]!]!;
    // A closing mark the sentence splitter left at this sentence's start ends the previous sentence's quotation.
    while (sentenceFirst < blockFirst - 2 && tokens.kinds[sentenceFirst] === TokenKind.Quote && closesQuotation(quotations, sentenceFirst)) sentenceFirst++;
    if (sentenceFirst > blockFirst - 2 || tokens.sentence[blockFirst - 1] !== tokens.sentence[piece.first]) continue;
    let clear = true;
    for (let index = sentenceFirst; index <= blockFirst - 2 && clear; index++) if (tagged[index] === 1 || tokens.kinds[index] === TokenKind.Quote) clear = false;
    if (clear) draft.pieces = [{ type: 'content', first: sentenceFirst, last: blockFirst - 2 }, piece];
  }
}

/** Words that open a framing clause, not an adjunct of the report. */
const FRAMING_OPENERS = new Set(['as', 'although', 'though', 'despite', 'while', 'whereas', 'because', 'unlike']);

/** Most tokens of a sentence's opening words a content piece before its cue takes back. */
const MAX_OPENING_ADJUNCT = 10;

/**
 * "The port authority of Selin warned …, according to a statement": content before its cue that starts a few untagged
 * words into its sentence (no punctuation between) starts at the sentence: the tagger dropped the opening of a noun phrase.
 */
export function extendToSentenceStart(tokens: Tokens, drafts: Draft[], tagged: Uint8Array): void {
  for (const draft of drafts) {
    if (draft.cue === null) continue;
    const piece = draft.pieces[0]!;
    if (piece.last >= draft.cue.first) continue;
    const sentenceFirst = tokens.sentenceStarts[tokens.sentence[piece.first]!]!;
    if (sentenceFirst >= piece.first || piece.first - sentenceFirst > MAX_OPENING_ADJUNCT) continue;
    let words = true;
    let open = true;
    for (let index = sentenceFirst; index < piece.first && open; index++) {
      if (tagged[index] === 1) open = false;
      else if (tokens.kinds[index] !== TokenKind.Word) {
        words = false;
        if (tokens.kinds[index] !== TokenKind.Number && tokens.lower[index] !== ',') open = false;
      }
    }
    if (!open) continue;
    if ((words && piece.first - sentenceFirst <= 6) || opensWithAdjunct(tokens, draft, sentenceFirst)) draft.pieces[0] = spanWith(piece, sentenceFirst, piece.last);
  }
}

/**
 * "In earlier winters, “we …”", "Some 40 to 60 boats …": untagged opening words of a content piece's sentence that a
 * comma closes right before the piece (or, up to six tokens, numbers and commas in a noun phrase) open the report too.
 */
function opensWithAdjunct(tokens: Tokens, draft: Draft, sentenceFirst: number): boolean {
  const piece = draft.pieces[0]!;
  const opener = tokens.lower[sentenceFirst]!;
  if (opener === ',') return false;
  // "Still, …" is the writer's link; a passive cue's subject ("On Monday, the deal was announced") is no report of its own.
  if (tokens.lower[sentenceFirst + 1] === ',' && SENTENCE_ADVERBS.has(opener)) return false;
  if (isPassiveCue(tokens, draft.cue!.first, draft.cue!.last)) return false;
  // "As it stands, …", "Although …, …": a subordinate clause or comparison frames the report in the writer's words.
  if (FRAMING_OPENERS.has(opener)) return false;
  // Past six tokens, only an adjunct closed by a comma right before the piece.
  return piece.first - sentenceFirst <= 6 || tokens.lower[piece.first - 1] === ',';
}

/**
 * "Mayor blames “a culture of fear” at city | hall": a headline has no final period, and the tagger, which learnt to end
 * content before one, leaves the line's last word or two out. Content ending one or two untagged words before the end
 * of a line without terminal punctuation runs to the line's end.
 */
export function extendToLineEnd(tokens: Tokens, drafts: Draft[], tagged: Uint8Array): void {
  for (const draft of drafts) {
    const index = draft.pieces.length - 1;
    const piece = draft.pieces[index]!;
    let last = piece.last;
    while (last + 1 < tokens.count && last - piece.last < 2 && tokens.breaksBefore[last + 1] === 0 && tagged[last + 1] === 0 && (tokens.kinds[last + 1] === TokenKind.Word || tokens.kinds[last + 1] === TokenKind.Number)) last++;
    const lineEnds = last + 1 >= tokens.count || tokens.breaksBefore[last + 1]! > 0;
    if (last > piece.last && lineEnds) draft.pieces[index] = spanWith(piece, piece.first, last);
  }
}

/** Longest run of untagged words a reported clause is carried over (see extendToClauseEnd). */
const MAX_CLAUSE_EXTENSION = 12;

/**
 * "said the firm has | been insolvent since May": reported content the tagger stopped in mid-phrase, before a
 * word nothing else claims, runs on to the clause's end (the next punctuation) when that is near.
 */
export function extendToClauseEnd(tokens: Tokens, drafts: Draft[], tagged: Uint8Array): void {
  for (const draft of drafts) {
    if (draft.cue === null) continue;
    const index = draft.pieces.length - 1;
    const piece = draft.pieces[index]!;
    if (piece.first <= draft.cue.last) continue;
    const next = piece.last + 1;
    if (next >= tokens.count || tagged[next] === 1 || tokens.breaksBefore[next]! > 0) continue;
    if (tokens.kinds[next] !== TokenKind.Word && tokens.kinds[next] !== TokenKind.Number) continue;
    if (tokens.sentence[next] !== tokens.sentence[piece.last]) continue;
    let last = piece.last;
    while (last + 1 < tokens.count && last - piece.last < MAX_CLAUSE_EXTENSION && tagged[last + 1] === 0 && tokens.breaksBefore[last + 1] === 0 && (tokens.kinds[last + 1] === TokenKind.Word || tokens.kinds[last + 1] === TokenKind.Number)) last++;
    const stop = last + 1;
    const closes = stop >= tokens.count || tokens.breaksBefore[stop]! > 0 || (tokens.kinds[stop] === TokenKind.Punct && tagged[stop] === 0);
    if (!closes) continue;
    draft.pieces[index] = spanWith(piece, piece.first, last);
  }
}

/**
 * "“…,” said Ada Holm, who | runs the depot for the county.": an inverted source the tagger ended
 * on a relative pronoun takes its relative clause to the sentence end (as annotators mark it), and statements the
 * tagger read inside that clause go. Drafts are sorted by their first piece, so the clause's drafts follow this one.
 */
export function joinRelativeClauses(tokens: Tokens, drafts: Draft[]): void {
  const dropped = new Set<Draft>();
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    const source = draft.source;
    if (source === null || draft.cue === null || source.first <= draft.cue.last || dropped.has(draft) || !RELATIVE_PRONOUNS.has(tokens.lower[source.last]!)) continue;
    if (draft.pieces[draft.pieces.length - 1]!.last > source.last) continue;
    const last = sentenceLastWord(tokens, source.last);
    if (last <= source.last) continue;
    let quoted = false;
    for (let at = source.last + 1; at <= last && !quoted; at++) quoted = tokens.kinds[at] === TokenKind.Quote;
    if (quoted) continue;
    for (let other = index + 1; other < drafts.length && drafts[other]!.pieces[0]!.first <= last; other++) {
      const inner = drafts[other]!;
      if (firstTokenOf(inner) > source.last && lastTokenOf(inner) <= last) dropped.add(inner);
    }
    draft.source = spanWith(source, source.first, last);
  }
  removeMerged(drafts, dropped);
}

const EVENT_PREPOSITIONS = new Set(['in', 'at', 'during', 'on']);

const SPEECH_EVENTS = new Set(['statement', 'interview', 'speech', 'rally', 'tweet', 'tweets', 'post', 'stop', 'conference', 'appearance', 'address', 'remarks', 'briefing', 'debate', 'op-ed', 'email', 'website', 'forum']);

const EVENT_DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'this', 'that', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Longest speech-event adjunct cut from the end of reported content (see cutSpeechEventTail). */
const MAX_EVENT_TAIL = 10;

/**
 * "…called for more school funding during a campaign stop in Leeds": an adjunct at the end of reported content
 * naming the occasion of the speech (a statement, an interview, a rally, a tweet) tells where it was said, not what.
 */
export function cutSpeechEventTail(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  if (draft.cue === null) return;
  const index = draft.pieces.length - 1;
  const piece = draft.pieces[index]!;
  if (piece.first <= draft.cue.last || quotations.tokenQuotation[piece.last]! >= 0) return;
  const from = Math.max(piece.first + 2, piece.last - MAX_EVENT_TAIL);
  for (let at = from; at <= piece.last - 1; at++) {
    if (!EVENT_PREPOSITIONS.has(tokens.lower[at]!) || !EVENT_DETERMINERS.has(tokens.lower[at + 1]!) || quotations.tokenQuotation[at]! >= 0) continue;
    let event = false;
    for (let look = at + 1; look <= piece.last && look <= at + 4 && !event; look++) {
      if (tokens.kinds[look] === TokenKind.Punct) break;
      event = SPEECH_EVENTS.has(tokens.lower[look]!);
    }
    if (!event) continue;
    let last = at - 1;
    while (last > piece.first && tokens.kinds[last] === TokenKind.Punct) last--;
    draft.pieces[index] = spanWith(piece, piece.first, last);
    return;
  }
}

/** Words that open a time adjunct closing reported content ("on Monday", "last week", "in early June", "for decades"). */
const TIME_TAIL_OPENERS = new Set(['on', 'in', 'last', 'this', 'earlier', 'since', 'during', 'for', 'until', 'over']);

/** Words inside such an adjunct that name no time themselves ("in the past", "in early June", "over the past two years"). */
const TIME_TAIL_FILLERS = new Set(['the', 'early', 'late', 'mid', 'recent', 'last', 'this', 'next', 'coming', 'same', 'past', 'earlier', ',']);

/** Longest time adjunct cut from the end of reported content (see cutTimeTail). */
const MAX_TIME_TAIL = 5;

/** Words before a time adjunct that make it part of a longer phrase ("later this week", "back in the day"). */
const TIME_TAIL_BLOCKERS = new Set(['later', 'earlier', 'back']);

/** Whether a word names a time: a weekday, a month written out, a part of a day, a calendar unit, a relative day, "past". */
function isTimeAnchor(tokens: Tokens, at: number): boolean {
  const word = tokens.lower[at]!;
  if (tokens.kinds[at] !== TokenKind.Word) return false;
  return WEEKDAYS.has(word) || DAY_PARTS.has(word) || CALENDAR_UNITS.has(word) || RELATIVE_DAYS.has(word) || word === 'past' || (MONTHS.has(word) && !word.includes('.') && word.length > 3);
}

/** Words that make reported content a clause: auxiliaries, forms of "be", "that", "to" (a bare object has none). */
const FINITE_MARKERS = new Set([...FINITE_AUXILIARIES, 'be', 'been', "'s", '’s', 'that', 'to']);

/** Most words of reported content read as a bare object ("the harbour plan"), not a clause. */
const MAX_BARE_OBJECT = 8;

/** Whether tokens [first, last] look like a noun phrase object (a few words, no auxiliary, "that" or "to"), not a clause. */
function isBareObject(tokens: Tokens, first: number, last: number): boolean {
  let words = 0;
  for (let at = first; at <= last; at++) {
    const word = tokens.lower[at]!;
    if (FINITE_MARKERS.has(word) || word.endsWith("n't") || word.endsWith('n’t')) return false;
    if ((tokens.kinds[at] === TokenKind.Word || tokens.kinds[at] === TokenKind.Number) && ++words > MAX_BARE_OBJECT) return false;
  }
  return true;
}

/** The last piece of a draft when it is reported content after its cue (the piece the tail rules trim), else -1. */
function trailingPieceAfterCue(draft: Draft): number {
  if (draft.cue === null) return -1;
  const index = draft.pieces.length - 1;
  return draft.pieces[index]!.first > draft.cue.last ? index : -1;
}

/** Ends `draft`'s piece `index` before token `at`, dropping punctuation left at its end. */
function endPieceBefore(tokens: Tokens, draft: Draft, index: number, at: number): void {
  const piece = draft.pieces[index]!;
  let last = at - 1;
  while (last > piece.first && tokens.kinds[last] === TokenKind.Punct) last--;
  draft.pieces[index] = spanWith(piece, piece.first, last);
}

/**
 * "Ortiz praised the harbour plan on Monday": a time adjunct (only words of time, no bare year) ending a bare object
 * reported after its cue dates the speech, not the matter; the content stops before it. A clause keeps it ("said the
 * vote will be held on Monday"): the date is then part of what was said.
 */
export function cutTimeTail(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  const index = trailingPieceAfterCue(draft);
  // "The bridge had appeared unsafe for months": after a raising cue the time is the state's, not a speech's.
  if (index < 0 || (draft.cue !== null && isRaisingCue(tokens, draft.cue.first, draft.cue.last))) return;
  const piece = draft.pieces[index]!;
  if (quotations.tokenQuotation[piece.last]! >= 0 || !isTimeAnchor(tokens, piece.last)) return;
  for (let at = Math.max(piece.first + 1, piece.last - MAX_TIME_TAIL); at < piece.last; at++) {
    if (!TIME_TAIL_OPENERS.has(tokens.lower[at]!)) continue;
    let fits = true;
    // "last" takes any one word after it ("last fall"); the rest must be time words or fillers.
    for (let look = at + 1; look < piece.last && fits; look++) fits = isTimeAnchor(tokens, look) || TIME_TAIL_FILLERS.has(tokens.lower[look]!) || (tokens.lower[at] === 'last' && look === at + 1);
    if (!fits) continue;
    if (TIME_TAIL_BLOCKERS.has(tokens.lower[at - 1]!) || !isBareObject(tokens, piece.first, at - 1)) return;
    endPieceBefore(tokens, draft, index, at);
    return;
  }
}

/** Words that open an adverbial clause or phrase after a reported object ("… after the vote", "… because of the fees"). */
const SUBORDINATORS = new Set(['after', 'before', 'when', 'since', 'until', 'following', 'while', 'because', 'despite']);

/** Most words of a reported object an adverbial tail is cut from (longer objects often carry it as their own part). */
const MAX_SUBORDINATE_OBJECT = 2;

/**
 * "Ortiz thanked the crew after the vote": an adverbial opened by "after", "when", "because" … that follows a short
 * bare object (one or two words) reported after its cue tells when or why it was said, not what; the content stops
 * before it.
 */
export function cutSubordinateTail(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  const index = trailingPieceAfterCue(draft);
  if (index < 0) return;
  const piece = draft.pieces[index]!;
  if (quotations.tokenQuotation[piece.last]! >= 0) return;
  for (let at = piece.first + 1; at < piece.last && at <= piece.first + MAX_SUBORDINATE_OBJECT + 2; at++) {
    if (!SUBORDINATORS.has(tokens.lower[at]!) || quotations.tokenQuotation[at]! >= 0) continue;
    if (!isBareObject(tokens, piece.first, at - 1) || wordsIn(tokens, piece.first, at - 1) > MAX_SUBORDINATE_OBJECT) return;
    // "after learning that …", "while most say …": an adverbial holding a report of its own keeps it.
    if (tokens.lower[at + 1]!.endsWith('ing') || tokens.lower[piece.first]!.endsWith('ing') || holdsCueVerb(tokens, at + 1, piece.last)) return;
    endPieceBefore(tokens, draft, index, at);
    return;
  }
}

/** Adverbs between "and" and the verb of a coordinated predicate ("and even questioned"). */
const PREDICATE_ADVERBS = new Set(['even', 'then', 'later', 'repeatedly', 'again', 'still', 'never', 'quickly', 'once', 'further', 'publicly', 'immediately', 'subsequently']);

/** Past participles of reporting verbs mostly read as adjectives before a noun ("related job losses", "continued risks"). */
const ADJECTIVAL_PARTICIPLES = new Set(['related', 'continued', 'alleged', 'reported', 'expected', 'known', 'concerned', 'disputed']);

/** Particles a reporting verb takes into its cue before its content ("called for", "warned against"). */
const CUE_PARTICLES = new Set(['on', 'for', 'against']);

/**
 * "and", or "but" before a verb of a contrasting speech act ("said the figures were strong but warned that costs
 * could rise"): the contrast joins the speaker's second report as "and" does. Limit: a reported subject that itself
 * warns ("the plan was costly but promised savings") is read as the speaker's act too, as with "and".
 */
function isPredicateCoordinator(tokens: Tokens, at: number, verb: number): boolean {
  const word = tokens.lower[at]!;
  return word === 'and' || (word === 'but' && CONTRASTED_SPEECH_ACTS.has(tokens.lower[verb]!));
}

/** Most tokens of reported content scanned for a coordinated reporting verb. */
const MAX_COORDINATION_SCAN = 80;

/**
 * "Ortiz said the pier was unsafe and urged the council to close it": a reporting verb of an utterance in the past
 * tense, joined by "and" with no subject of its own after reported content (outside quotations), is the same
 * speaker's second statement: the content stops before "and", and the verb (with a particle: "called for") becomes a
 * statement of the same source over the words after it.
 */
export function splitCoordinatedCues(tokens: Tokens, drafts: Draft[], quotations: QuotationResult, cues: readonly TaggedSpan[]): void {
  // Verbs the tagger itself read as cues were joined to the clause by mergeCoordinatedComplements ("revealed that Aros
  // apologized and denied …" is Aros's denial): that reading stands.
  // Built on the first candidate: most documents have none.
  let taggedCue: Uint8Array | null = null;
  const added: Draft[] = [];
  for (const draft of drafts) {
    const index = trailingPieceAfterCue(draft);
    if (index < 0) continue;
    const piece = draft.pieces[index]!;
    for (let at = piece.first + 2; at + 2 < piece.last && at <= piece.first + MAX_COORDINATION_SCAN; at++) {
      if ((tokens.lower[at] !== 'and' && tokens.lower[at] !== 'but') || quotations.tokenQuotation[at]! >= 0) continue;
      let verb = at + 1;
      while (verb < at + 3 && PREDICATE_ADVERBS.has(tokens.lower[verb]!)) verb++;
      if (!isPredicateCoordinator(tokens, at, verb)) continue;
      const word = tokens.lower[verb]!;
      const entry = CUE_VERBS.get(word);
      // A past form only: "-ing", "-s" and the bare lemma are rarely the speaker's next act; "spoke with …" reports nothing.
      if (entry === undefined || !UTTERANCE_STANCES.has(entry.stance) || !isLowerCase(tokens, verb) || word === entry.lemma || word.endsWith('ing') || (word.endsWith('s') && !word.endsWith('ss'))) continue;
      if (ADJECTIVAL_PARTICIPLES.has(word) || entry.lemma === 'speak') continue;
      if (taggedCue === null) {
        taggedCue = new Uint8Array(tokens.count);
        for (const cue of cues) taggedCue.fill(1, cue.first, cue.last + 1);
      }
      if (taggedCue[verb] === 1) continue;
      const cueLast = CUE_PARTICLES.has(tokens.lower[verb + 1]!) ? verb + 1 : verb;
      if (cueLast + 1 > piece.last || tokens.kinds[cueLast + 1] === TokenKind.Punct) continue;
      endPieceBefore(tokens, draft, index, at);
      added.push({ cue: { type: 'cue', first: verb, last: cueLast }, source: draft.source, pieces: [spanWith(piece, cueLast + 1, piece.last)] });
      break;
    }
  }
  if (added.length === 0) return;
  drafts.push(...added);
  drafts.sort((a, b) => a.pieces[0]!.first - b.pieces[0]!.first);
}

/** Words that open a description of the speaker (or of the claim) after an attribution: an indefinite article, "which", "whose". */
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'which', 'whose']);

/**
 * "Rents rose by a third, according to Ada Holm, an analyst at the bank.": a piece right after an attribution set
 * inside its sentence that opens with an indefinite article, "which" or "whose" describes the speaker (or the claim);
 * it does not continue the report, and goes.
 */
export function dropAppositivePiece(tokens: Tokens, draft: Draft): void {
  const { cue, source } = draft;
  if (cue === null || draft.pieces.length < 2) return;
  const last = draft.pieces[draft.pieces.length - 1]!;
  const before = draft.pieces[draft.pieces.length - 2]!;
  if (before.last >= cue.first || last.first <= cue.last) return;
  const closing = attributionLast(cue, source);
  if (last.first !== closing + 2 || tokens.lower[closing + 1] !== ',') return;
  if (!APPOSITIVE_OPENERS.has(tokens.lower[last.first]!)) return;
  draft.pieces.pop();
}

/** Words that open an adverbial put before the subject of a reported clause ("that as the vote nears, …"). */
const FRONTED_OPENERS = new Set(['as', 'if', 'when', 'while', 'since', 'although', 'though', 'because', 'after', 'before', 'despite', 'contrary', 'unlike', 'once', 'until', 'given', 'unless', 'whether', 'even', 'with', 'without', 'during', 'in', 'for', 'by', 'at', 'on', 'under', 'amid', 'following', 'like']);

/** Most tokens a reported clause is carried past its fronted adverbial (see extendFrontedAdjunct). */
const MAX_FRONTED_EXTENSION = 40;

/**
 * "said that as the vote nears, | the council will meet daily": a reported clause ("that", "how", "why") the tagger
 * ended at the first comma after an adverbial put before its subject has not reached its subject yet; it runs on to
 * the sentence end over words no other statement holds (no quotation, no paragraph break).
 */
export function extendFrontedAdjunct(tokens: Tokens, drafts: Draft[], quotations: QuotationResult): void {
  // Built on the first candidate: most documents have none.
  let claimed: Uint8Array | null = null;
  for (const draft of drafts) {
    const index = trailingPieceAfterCue(draft);
    if (index < 0) continue;
    const piece = draft.pieces[index]!;
    const opener = tokens.lower[piece.first]!;
    if ((opener !== 'that' && opener !== 'how' && opener !== 'why') || !FRONTED_OPENERS.has(tokens.lower[piece.first + 1] ?? '')) continue;
    // Only the comma closing the adverbial: a piece that already holds one has reached its clause.
    let inner = false;
    for (let at = piece.first; at <= piece.last && !inner; at++) inner = tokens.lower[at] === ',';
    const comma = piece.last + 1;
    if (inner || tokens.lower[comma] !== ',' || quotations.tokenQuotation[comma]! >= 0) continue;
    const last = sentenceLastWord(tokens, comma);
    if (last <= comma + 1 || last - comma > MAX_FRONTED_EXTENSION) continue;
    claimed ??= claimedTokens(tokens, drafts);
    let free = true;
    for (let at = comma + 1; at <= last && free; at++) free = claimed[at] === 0 && tokens.breaksBefore[at] === 0 && tokens.kinds[at] !== TokenKind.Quote;
    if (!free) continue;
    draft.pieces[index] = spanWith(piece, piece.first, last);
    claimed.fill(1, comma, last + 1);
  }
}

/**
 * "On the subject of the port, Ortiz said: “…”", "Holding up a map, she said, “…”": a scene-setting phrase opening the
 * sentence before the attribution is no piece of a quotation that follows it; the quotation alone is the content.
 */
export function dropSceneSettingPiece(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  const cue = draft.cue;
  if (cue === null || draft.pieces.length !== 2) return;
  const [scene, quotation] = draft.pieces as [TaggedSpan, TaggedSpan];
  if (scene.last >= cue.first || quotation.first <= cue.last || quotations.tokenQuotation[quotation.first]! < 0) return;
  for (let at = scene.first; at <= scene.last; at++) if (quotations.tokenQuotation[at]! >= 0) return;
  if (scene.first !== tokens.sentenceStarts[tokens.sentence[scene.first]!]) return;
  const opener = tokens.lower[scene.first]!;
  if (!FRONTED_OPENERS.has(opener) && !(opener.endsWith('ing') && tokens.kinds[scene.first] === TokenKind.Word)) return;
  draft.pieces = [quotation];
}

/** Most tokens of a relative clause on a source read past before the content it sets off. */
const MAX_SOURCE_RELATIVE = 16;

/**
 * "According to Mira Osk, who spoke to reporters, the government is …": a relative clause set off by commas right
 * after the source describes the source; the content starts after its closing comma.
 */
export function skipSourceRelativeClause(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  const source = draft.source;
  if (source === null || draft.cue === null) return;
  const index = draft.pieces.findIndex((piece) => piece.first === source.last + 2);
  if (index < 0) return;
  const piece = draft.pieces[index]!;
  if (tokens.lower[source.last + 1] !== ',' || (tokens.lower[piece.first] !== 'who' && tokens.lower[piece.first] !== 'which')) return;
  for (let at = piece.first + 1; at < piece.last && at - piece.first <= MAX_SOURCE_RELATIVE; at++) {
    if (quotations.tokenQuotation[at]! >= 0) return;
    if (tokens.lower[at] === ',') {
      draft.pieces[index] = spanWith(piece, at + 1, piece.last);
      return;
    }
  }
}

/** Sentence adverbs that open a sentence before its subject, set off by a comma. */
const SENTENCE_ADVERBS = new Set(['however', 'still', 'meanwhile', 'instead', 'moreover', 'indeed', 'separately', 'nevertheless', 'similarly', 'likewise', 'also', 'yet', 'now', 'later', 'earlier', 'then', 'and', 'but', 'so']);

/** "However, Rep. Ada Holm said …" / "Later Ortiz said …": a sentence adverb the tagger put at the head of a source is not part of it. */
export function cutSentenceAdverb(tokens: Tokens, draft: Draft): void {
  const source = draft.source;
  if (source === null || source.last - source.first < 1 || !SENTENCE_ADVERBS.has(tokens.lower[source.first]!)) return;
  let first = source.first + 1;
  if (tokens.lower[first] === ',') first++;
  if (first > source.last) return;
  draft.source = spanWith(source, first, source.last);
}

const REFUSALS = new Set(['declined', 'refused', 'declining', 'refusing']);

const REFUSED_ACTS = new Set(['comment', 'elaborate', 'give', 'provide', 'say', 'discuss', 'answer', 'identify', 'name', 'specify', 'disclose', 'confirm']);

/**
 * "She said both were under review and declined to give details": the speaker's refusal after the reported clause is
 * an act of the speaker, not part of what was said; the content stops before "and" / "but". Bounded scan of the last piece.
 */
export function cutRefusalTail(tokens: Tokens, draft: Draft): void {
  const index = draft.pieces.length - 1;
  const piece = draft.pieces[index]!;
  if (draft.cue === null || piece.first <= draft.cue.last) return;
  for (let at = piece.first + 1; at + 3 <= piece.last + 1 && at <= piece.first + 80; at++) {
    const joiner = tokens.lower[at]!;
    if ((joiner !== 'and' && joiner !== 'but') || !REFUSALS.has(tokens.lower[at + 1]!) || tokens.lower[at + 2] !== 'to' || !REFUSED_ACTS.has(tokens.lower[at + 3] ?? '')) continue;
    let last = at - 1;
    while (last > piece.first && tokens.kinds[last] === TokenKind.Punct) last--;
    draft.pieces[index] = spanWith(piece, piece.first, last);
    return;
  }
}

/**
 * "…said that certain forces were at work, likely referring to the protests": the outlet's hedged reading after a
 * comma ("likely/probably …-ing", "in an apparent reference to") is not part of what was said. Outside quotations.
 */
export function cutInferenceTail(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  const index = draft.pieces.length - 1;
  const piece = draft.pieces[index]!;
  if (draft.cue === null || piece.first <= draft.cue.last) return;
  for (let at = piece.first + 2; at + 1 < piece.last && at <= piece.first + 120; at++) {
    if (tokens.lower[at] !== ',' || quotations.tokenQuotation[at]! >= 0) continue;
    // "likely referring", "in an apparent reference", "an apparent allusion".
    let hedge = at + 1;
    if (tokens.lower[hedge] === 'in') hedge++;
    if (tokens.lower[hedge] === 'an' || tokens.lower[hedge] === 'a') hedge++;
    if (!INFERENCE_HEDGES.has(tokens.lower[hedge]!)) continue;
    const next = tokens.lower[hedge + 1] ?? '';
    if (!next.endsWith('ing') && next !== 'reference' && next !== 'allusion') continue;
    draft.pieces[index] = spanWith(piece, piece.first, at - 1);
    return;
  }
}

/** Words that open an adjunct between a verb and its clause ("warned on Monday that", "said Tuesday that"). */
const ADJUNCT_OPENERS = new Set(['on', 'in', 'at', 'during', 'last', 'this', 'earlier', 'later', 'yesterday', 'today', 'again', 'repeatedly']);

/** "said on Monday that …": the reported clause after its cue starts at "that" (or after an addressee or the person asked), as annotators mark it. */
export function startReportedClause(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  const piece = draft.pieces[draft.pieces.length - 1]!;
  if (draft.cue === null || piece.first <= draft.cue.last) return;
  let first = clauseStart(tokens, piece.first, piece.last);
  if (first === piece.first && ADDRESSEE_VERBS.has(tokens.lower[draft.cue.last]!) && quotations.tokenQuotation[piece.first]! < 0) first = afterAddressee(tokens, piece.first, piece.last);
  if (first === piece.first && QUESTION_VERBS.has(tokens.lower[draft.cue.last]!) && quotations.tokenQuotation[piece.first]! < 0) first = afterPersonAsked(tokens, piece.first, piece.last);
  if (first !== piece.first) draft.pieces[draft.pieces.length - 1] = spanWith(piece, first, piece.last);
}

/**
 * "warned on Monday that …": where the words after a verb (from token `first`) open with an adjunct and a "that"
 * follows within a few words, the reported clause starts at the "that"; else at `first`. Only past an adjunct: in
 * "said the deal that the council made was bad" the "that" is inside the clause.
 */
export function clauseStart(tokens: Tokens, first: number, last: number): number {
  const opener = tokens.lower[first] ?? '';
  if (!ADJUNCT_OPENERS.has(opener) && !WEEKDAYS.has(opener)) return first;
  for (let index = first + 1; index <= last && index <= first + 4; index++) {
    if (tokens.lower[index] === 'that') return index;
    if (tokens.kinds[index] !== TokenKind.Word && tokens.kinds[index] !== TokenKind.Number) break;
  }
  return first;
}

/** Determiners and possessives that open the subject of a reported clause after the person told ("told the court his client had …"). */
const CLAUSE_SUBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Most words of such a subject before its finite verb. */
const MAX_SUBJECT_WORDS = 4;

/**
 * "told the court his client had …", "told the paper the team was …": a determiner after the person told (not after a
 * preposition or "and": "told the head of the board", "told him and his aides") opens the clause's subject when a
 * finite auxiliary follows within a few words. Limit: a subject whose verb has no auxiliary ("the team lost") is not seen.
 */
function opensDeterminedSubject(tokens: Tokens, at: number, last: number): boolean {
  const before = tokens.lower[at - 1]!;
  if (!CLAUSE_SUBJECT_DETERMINERS.has(tokens.lower[at]!) || PREPOSITIONS.has(before) || before === 'and' || before === 'or') return false;
  for (let index = at + 1; index <= last && index <= at + MAX_SUBJECT_WORDS; index++) {
    if (FINITE_AUXILIARIES.has(tokens.lower[index]!)) return index > at + 1 && tokens.lower[index - 1] !== 'to';
    // A second determiner or a pronoun opens another noun phrase ("the court | the money had …", "the crowd | he was"):
    // the first was the person told.
    if (tokens.kinds[index] !== TokenKind.Word || CLAUSE_SUBJECT_DETERMINERS.has(tokens.lower[index]!) || NOT_ADDRESSEE_OPENERS.has(tokens.lower[index]!)) return false;
  }
  return false;
}

/**
 * "told the Security Council that …", "told reporters she …": content that opens with the person told (words only, then
 * "that" or a subject pronoun within a few words) starts there; else at `first`. The addressee is not what was said.
 */
export function afterAddressee(tokens: Tokens, first: number, last: number): number {
  // "told that …", "told how …", "told she believed that …": no addressee written, the clause starts at once.
  if (tokens.kinds[first] !== TokenKind.Word || NOT_ADDRESSEE_OPENERS.has(tokens.lower[first]!)) return first;
  // "her brother was at home that night" (already past the person told): the clause opens at once.
  if (opensDeterminedSubject(tokens, first, last)) return first;
  for (let index = first + 1; index <= last && index <= first + MAX_ADDRESSEE_WORDS; index++) {
    // "told reporters she would run": a subject pronoun after the person told opens a clause without "that" (limit:
    // "told him it" where "it" is the object of a phrasal verb is rare after a person told).
    if (tokens.lower[index] === 'that' || SUBJECT_PRONOUNS.has(tokens.lower[index]!)) return index;
    if (opensDeterminedSubject(tokens, index, last)) return index;
    // "told reporters how surprised she was that …": a clause opened before the "that".
    if (tokens.kinds[index] !== TokenKind.Word || NOT_ADDRESSEE_OPENERS.has(tokens.lower[index]!)) break;
  }
  return first;
}

/** Most words of a reported clause taken after the person told when the tagger marked none (see clauseAfterPersonTold). */
const MAX_TOLD_CLAUSE_WORDS = 40;

/**
 * "The coach told the paper the team had lost heart.": a cue of telling the tagger left without content takes the
 * clause after the person told, when one opens there ("that", a subject pronoun, a determined subject and its
 * auxiliary) and runs unclaimed to the sentence end or the next statement's words (a coordinator before those is
 * dropped). Limit: a clause with no such opener ("told the paper Ortiz lost") is not seen.
 */
export function clauseAfterPersonTold(tokens: Tokens, cue: TaggedSpan, source: TaggedSpan | null, claimed: Uint8Array): TaggedSpan[] {
  if (!ADDRESSEE_VERBS.has(tokens.lower[cue.last]!) || (source !== null && source.first > cue.last)) return [];
  const first = cue.last + 1;
  const sentenceLast = sentenceLastWord(tokens, cue.last);
  if (first > sentenceLast || tokens.kinds[first] !== TokenKind.Word) return [];
  let last = first;
  while (last < sentenceLast && last - first < MAX_TOLD_CLAUSE_WORDS && claimed[last + 1] !== 1 && tokens.kinds[last + 1] !== TokenKind.Quote) last++;
  if (last < sentenceLast && claimed[last + 1] !== 1) return [];
  while (last > first && (tokens.kinds[last] === TokenKind.Punct || tokens.lower[last] === 'and' || tokens.lower[last] === 'but')) last--;
  const start = afterAddressee(tokens, first, last);
  if (start === first || wordsIn(tokens, start, last) < 3) return [];
  return [{ type: 'content', first: start, last }];
}

/** Words that open an indirect question after the person asked ("asked the mayor whether …"). */
const QUESTION_OPENERS = new Set(['if', 'whether', 'why', 'how', 'what', 'who', 'when', 'where', 'which']);

/**
 * "asked the mayor whether …": content that opens with the person asked (a few words, no clause opener) and then an
 * indirect question starts at the question word; the person asked is not what was asked. Limit: a question word inside
 * a longer object ("asked the man who sat there for …") cuts it too.
 */
function afterPersonAsked(tokens: Tokens, first: number, last: number): number {
  if (tokens.kinds[first] !== TokenKind.Word || NOT_ADDRESSEE_OPENERS.has(tokens.lower[first]!)) return first;
  for (let index = first + 1; index <= last && index <= first + MAX_ADDRESSEE_WORDS; index++) {
    if (QUESTION_OPENERS.has(tokens.lower[index]!)) return index;
    // "asked the board to find out whether …", "pressed Ortiz on whether …": the question belongs to the verb or noun after.
    if (tokens.kinds[index] !== TokenKind.Word || NOT_ADDRESSEE_OPENERS.has(tokens.lower[index]!) || tokens.lower[index] === 'to' || tokens.lower[index] === 'on') break;
  }
  return first;
}

/** Pronouns that open a relative clause whose subject and verb report it ("a plan which Ortiz says will fail"). */
const REPORTED_RELATIVES = new Set(['which', 'that', 'who', 'whom', 'what']);
/** Of those, the ones that may also stand for the reported object ("the fee, which Ortiz called unfair"); "that" and "who" mostly open a subject's clause. */
const OBJECT_RELATIVES = new Set(['which', 'whom', 'what']);

/** Auxiliaries and copulas that open a clause whose subject stands before its attribution. */
const CLAUSE_VERBS = new Set([...FINITE_AUXILIARIES, "isn't", "wasn't", "won't", 'isn’t', 'wasn’t', 'won’t']);

/**
 * "a levy which Ortiz says will fail", "the fee, which Ortiz called unfair": a relative pronoun right before the source
 * of a cue whose content follows at once is the subject (or, for "which", "whom", "what", the object) of the reported
 * clause: the content's first piece. A pronoun the tagger marked as content of its own counts while no statement holds
 * it (`claimed`, updated here). Limit: "which" after a preposition ("an interview in which she said …") is the frame,
 * not the report, and stays out.
 */
export function joinReportedRelative(tokens: Tokens, draft: Draft, claimed: Uint8Array): void {
  const { cue, source } = draft;
  if (cue === null || source === null || draft.pieces.length !== 1 || source.last + 1 !== cue.first) return;
  const piece = draft.pieces[0]!;
  if (piece.first !== cue.last + 1) return;
  const pronoun = source.first - 1;
  if (pronoun < 0 || !REPORTED_RELATIVES.has(tokens.lower[pronoun]!) || claimed[pronoun] === 1) return;
  // "The association, which represents 14 operators, said": a source that opens no noun phrase is the clause's tail, no subject of a report.
  if (!opensNounPhrase(tokens, source.first)) return;
  const word = tokens.lower[pronoun]!;
  // "in which", "to whom": the relative stands for a place or an occasion; a free "what" ("to what she called …") does not.
  if (word !== 'what' && pronoun > 0 && PREPOSITIONS.has(tokens.lower[pronoun - 1]!)) return;
  // The clause lacks its subject, opening with a verb ("… says will fail", "… said was unfair"), or the pronoun is its object.
  if (!CLAUSE_VERBS.has(tokens.lower[piece.first]!) && !OBJECT_RELATIVES.has(word)) return;
  draft.pieces = [{ type: 'content', first: pronoun, last: pronoun }, piece];
  claimed[pronoun] = 1;
}
