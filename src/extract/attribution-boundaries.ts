import { AS_CLAUSE_ADJUNCT_OPENERS, AS_CLAUSE_LEMMAS, ASPECTUAL_VERBS, BETWEEN_SUBJECT_AND_CUE, CUE_MODIFIERS, CUE_VERBS } from '../lexicon/cues.js';
import { PREPOSITIONS, RELATIVE_PRONOUNS } from '../lexicon/pronouns.js';
import { MONTHS, WEEKDAYS } from '../lexicon/time-words.js';
import { GENERIC_LEADER_HEADS, SINGULAR_GROUP_HEADS, TITLE_WORDS } from '../lexicon/titles.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';
import type { TaggedSpan } from './tagger.js';
import { tokenAfterDateline } from './content-boundaries.js';
import { COMMON_PREPOSITIONS, type Draft, isLowerCase, isPassiveCue, isRaisingCue, opensNounPhrase, removeMerged, sentenceLastWord, spanWith } from './drafts.js';

/** Rules that move words between a draft's cue, source and content: passive and raised subjects, verb phrases, descriptions. */

/** Most words of a description between a quotation and the name it describes ("…," the head of the central bank, Ana Roe, said). */
const MAX_QUOTE_DESCRIPTION_WORDS = 8;

const DESCRIPTION_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'another']);

/**
 * "“…,” the head of the central bank, Ana Roe, told reporters": the words between a quotation and the name after them
 * describe the speaker; a content piece the tagger ran on past the closing mark over them ends at the mark, and the
 * source starts at the description. Limit: only a description opened by an article or possessive, with a role word
 * (a title, "head", "official") and without a cue verb; "a friend, Ana Roe," is left as it is.
 */
export function moveDescriptionToSource(tokens: Tokens, draft: Draft, quotations: QuotationResult): void {
  const { source, cue } = draft;
  if (source === null || cue === null || cue.first <= source.last) return;
  let pieceIndex = draft.pieces.length - 1;
  while (pieceIndex >= 0 && draft.pieces[pieceIndex]!.last >= source.first) pieceIndex--;
  const piece = draft.pieces[pieceIndex];
  if (piece === undefined) return;
  const quotation = quotations.quotations[quotations.tokenQuotation[piece.first]!];
  if (quotation === undefined || quotation.openToken !== piece.first || quotation.closeToken >= piece.last) return;
  const first = quotation.closeToken + 1;
  if (!DESCRIPTION_OPENERS.has(tokens.lower[first]!) || piece.last - first + 1 > MAX_QUOTE_DESCRIPTION_WORDS) return;
  // Only a comma between the description and the name.
  if (source.first !== piece.last + 2 || tokens.lower[piece.last + 1] !== ',') return;
  let role = false;
  for (let at = first; at <= piece.last; at++) {
    const word = tokens.lower[at]!;
    if (tokens.kinds[at] !== TokenKind.Word || CUE_VERBS.has(word)) return;
    if (TITLE_WORDS.has(word) || GENERIC_LEADER_HEADS.has(word) || SINGULAR_GROUP_HEADS.has(word)) role = true;
  }
  // A role names the speaker ("the head of the central bank"); other words there are the writer's ("his secret weapon").
  if (!role) return;
  draft.pieces[pieceIndex] = spanWith(piece, piece.first, quotation.closeToken);
  let last = source.last;
  // The name's closing comma belongs to the apposition, not to the source.
  if (tokens.lower[last] === ',' && last > source.first) last--;
  draft.source = spanWith(source, first, last);
}

const APPOSITIVE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'another', 'one', 'our', 'my', 'your']);

/** Capitalized words that open a sentence's adjunct, not a name. */
const SENTENCE_OPENERS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'since', 'until', 'while', 'when', 'as', 'but', 'and', 'or', 'so', 'yet', 'still', 'also', 'moreover', 'however', 'meanwhile', 'earlier', 'later', 'last', 'this', 'that', 'for', 'from', 'by', 'with', 'without', 'of', 'to', 'like', 'unlike', 'instead', 'then', 'now', 'today', 'yesterday', 'separately', 'indeed', 'thus', 'if', 'although', 'though', 'because']);

/** Longest noun phrase an appositive source takes back from before its comma (see joinAppositiveHead). */
const MAX_APPOSITIVE_HEAD = 8;

/**
 * "Ada Holm, | the county's harbour master, | noted": a source the tagger began at an appositive, right after
 * a comma that follows the sentence's untagged opening words, starts at the sentence (the name the appositive describes).
 */
export function joinAppositiveHead(tokens: Tokens, draft: Draft, tagged: Uint8Array): void {
  const source = draft.source;
  if (source === null || draft.cue === null || source.last >= draft.cue.first) return;
  const comma = source.first - 1;
  if (comma < 1 || tokens.lower[comma] !== ',' || tokens.lower[source.last] !== ',') return;
  const sentenceFirst = tokens.sentenceStarts[tokens.sentence[source.first]!]!;
  if (sentenceFirst >= comma || comma - sentenceFirst > MAX_APPOSITIVE_HEAD) return;
  for (let index = sentenceFirst; index < comma; index++) {
    if (tagged[index] === 1 || (tokens.kinds[index] !== TokenKind.Word && tokens.kinds[index] !== TokenKind.Number)) return;
  }
  if (isLowerCase(tokens, sentenceFirst)) return;
  // The head is a name ("Ada Holm") described by a lower-case appositive, or a determiner's phrase ("Another
  // critic, Bo Lind,"); a sentence's opening adjunct ("In October, the harbour master,") is neither.
  const opener = tokens.lower[sentenceFirst]!;
  if (APPOSITIVE_DETERMINERS.has(opener)) {
    draft.source = spanWith(source, sentenceFirst, source.last);
    return;
  }
  if (!isLowerCase(tokens, source.first) || SENTENCE_OPENERS.has(opener)) return;
  for (let index = sentenceFirst; index < comma; index++) if (isLowerCase(tokens, index)) return;
  draft.source = spanWith(source, sentenceFirst, source.last);
}

/** Words after which "'s" is a contracted "is" or "has", never a possessive ("she's", "who's"). */
const CONTRACTING_PRONOUNS = new Set(['he', 'she', 'it', 'who', 'that', 'there', 'what']);

/** "She's | argued …": a contracted verb the tagger left at the end of a pronoun source is not the speaker; it opens the cue. */
export function cutContractedVerb(tokens: Tokens, draft: Draft): void {
  const source = draft.source;
  if (source === null || source.last === source.first) return;
  const clitic = tokens.lower[source.last]!;
  if ((clitic !== "'s" && clitic !== '’s') || !CONTRACTING_PRONOUNS.has(tokens.lower[source.last - 1]!)) return;
  draft.source = spanWith(source, source.first, source.last - 1);
  const cue = draft.cue;
  if (cue !== null && cue.first === source.last + 1) draft.cue = spanWith(cue, source.last, cue.last);
}

/**
 * "faced strong international criticism calling it a sham": a sourceless cue the tagger drew over a verb, a noun
 * phrase and a reporting participle is the participle; the noun phrase between is who speaks. (With a source before
 * it, measured on PolNeAR dev, the split does more harm than good.)
 */
export function splitParticipleCue(tokens: Tokens, draft: Draft): void {
  const cue = draft.cue;
  if (cue === null || draft.source !== null || cue.last - cue.first < 2) return;
  const participle = tokens.lower[cue.last]!;
  if (!participle.endsWith('ing') || !CUE_VERBS.has(participle)) return;
  for (let at = cue.first + 1; at < cue.last; at++) if (tokens.kinds[at] !== TokenKind.Word || CUE_VERBS.has(tokens.lower[at]!)) return;
  draft.source = { type: 'source', first: cue.first + 1, last: cue.last - 1 };
  draft.cue = { type: 'cue', first: cue.last, last: cue.last };
}

/**
 * "Mr. Aros was accused of hiding …", "A developer accused of paying bribes …": the subject of a passive cue is
 * what the statement is about, not who made it (PolNeAR marks it as the content's first piece, and the speaker is
 * unnamed or comes after "by"). Only a subject right before the cue; raising cues are moveSubjectOfRaising's.
 */
export function moveSubjectOfPassive(tokens: Tokens, draft: Draft): void {
  const { cue, source } = draft;
  if (cue === null || source === null || source.last + 1 !== cue.first || !isPassiveCue(tokens, cue.first, cue.last)) return;
  draft.pieces = [{ type: 'content', first: source.first, last: source.last }, ...draft.pieces];
  draft.source = null;
}

/** Longest subject taken back before a raising cue. */
const MAX_RAISED_SUBJECT = 10;

/** Words that end a subject scanned leftward (a clause opener or conjunction before it). */
const SUBJECT_BREAKS = new Set(['and', 'but', 'or', 'because', 'since', 'if', 'although', 'though', 'while', 'when', 'as', 'so', 'than', 'where', 'whether', 'said', 'says']);

/**
 * "It seems unfair that …", "It is expected to rise", "there appear to be …": a subject that is only "it" or "there"
 * (after a conjunction at most) is no part of the report.
 */
function isExpletive(tokens: Tokens, span: TaggedSpan): boolean {
  const word = tokens.lower[span.last]!;
  if (word !== 'it' && word !== 'there') return false;
  return span.first === span.last || (span.first + 1 === span.last && SUBJECT_BREAKS.has(tokens.lower[span.first]!));
}

/**
 * "The plan | seemed | to stall", "Ortiz | is expected | to resign": the subject of a raising cue is the first piece
 * of what is reported (PolNeAR marks it so, with no source); the tagger's source right before the cue moves there.
 */
export function moveSubjectOfRaising(tokens: Tokens, draft: Draft, tagged: Uint8Array): void {
  const { cue, source } = draft;
  if (cue === null || draft.pieces.length !== 1 || draft.pieces[0]!.first !== cue.last + 1 || !isRaisingCue(tokens, cue.first, cue.last)) return;
  if (source !== null) {
    if (source.last + 1 !== cue.first) return;
    // "It seems that …": an empty "it" is neither speaker nor content.
    draft.source = null;
    if (isExpletive(tokens, source)) return;
    draft.pieces = [{ type: 'content', first: source.first, last: source.last }, ...draft.pieces];
    return;
  }
  // No source: the untagged words before the cue, back to a clause break, are the subject ("Last week, the plan | seemed | …").
  const sentenceFirst = tokens.sentenceStarts[tokens.sentence[cue.first]!]!;
  let first = cue.first;
  for (;;) {
    if (first - 1 < sentenceFirst) break;
    const at = first - 1;
    const word = tokens.lower[at]!;
    if (tagged[at] === 1 || cue.first - first >= MAX_RAISED_SUBJECT) return;
    if ((tokens.kinds[at] !== TokenKind.Word && tokens.kinds[at] !== TokenKind.Number) || SUBJECT_BREAKS.has(word)) break;
    // "plans that are expected to …": a relative pronoun right before the cue is the whole subject; further left it opens the clause.
    if (RELATIVE_PRONOUNS.has(word)) {
      if (first === cue.first) first--;
      break;
    }
    first--;
  }
  if (first === cue.first) return;
  if (isExpletive(tokens, { type: 'content', first, last: cue.first - 1 })) return;
  draft.pieces = [{ type: 'content', first, last: cue.first - 1 }, ...draft.pieces];
}

/**
 * "The vote | is expected | to pass": content right before a raising cue (nothing between but the cue's own words) and
 * content after it are the two pieces of one report, the subject and its complement.
 */
export function isRaisedSubject(tokens: Tokens, cue: TaggedSpan, source: TaggedSpan | null, before: TaggedSpan, after: TaggedSpan): boolean {
  if (source !== null && source.first > before.last && source.last < cue.first) return false;
  // The complement follows the cue at once ("were known, there was …" is a clause of its own).
  if (before.last + 1 !== cue.first || after.first !== cue.last + 1 || isExpletive(tokens, before)) return false;
  if (tokens.sentence[before.first] !== tokens.sentence[cue.first]) return false;
  return isRaisingCue(tokens, cue.first, cue.last);
}

/**
 * "strong international | criticism calling it", "A property | developer accused of": a cue the tagger began at the
 * head noun of the source, ending in a participle (a cue verb in -ing or -ed), gives the noun back to the source.
 */
export function moveHeadNounToSource(tokens: Tokens, draft: Draft): void {
  const { cue, source } = draft;
  if (cue === null || source === null || source.last + 1 !== cue.first || cue.last === cue.first) return;
  const participle = cue.first + 1;
  const word = tokens.lower[participle]!;
  if (!CUE_VERBS.has(word) || !(word.endsWith('ing') || word.endsWith('ed'))) return;
  const noun = tokens.lower[cue.first]!;
  if (tokens.kinds[cue.first] !== TokenKind.Word || CUE_VERBS.has(noun) || BETWEEN_SUBJECT_AND_CUE.has(noun) || !isLowerCase(tokens, cue.first)) return;
  // Adverbs ("increasingly"), negated auxiliaries ("isn't") and prepositions ("despite") are no head nouns.
  if (noun.endsWith('ly') || noun.includes("'") || noun.includes('’') || COMMON_PREPOSITIONS.has(noun)) return;
  // Only a source left without its head ("strong international", "A property"): a name ("Voss | avoids") is whole.
  if (!isLowerCase(tokens, source.last)) return;
  draft.source = spanWith(source, source.first, cue.first);
  draft.cue = spanWith(cue, participle, cue.last);
}

/**
 * "The harbour master often | says", "the minister had | said": verb-phrase words the tagger left at the end of a source, or
 * between the source and its cue, belong to the cue ("often says", "had said"). Lower-case words only, so a name
 * ("Tom Will") keeps its last word.
 */
export function joinVerbPhrase(tokens: Tokens, draft: Draft): void {
  const source = draft.source;
  if (source !== null) {
    let last = source.last;
    while (last > source.first && CUE_MODIFIERS.has(tokens.lower[last]!) && isLowerCase(tokens, last)) last--;
    if (last < source.last) draft.source = spanWith(source, source.first, last);
  }
  const cue = draft.cue;
  if (cue === null) return;
  // The cue grows left only over words no other span of the statement holds, within its sentence.
  let limit = tokens.sentenceStarts[tokens.sentence[cue.first]!]! - 1;
  for (const span of [draft.source, ...draft.pieces]) if (span !== null && span.last < cue.first && span.last > limit) limit = span.last;
  let first = cue.first;
  while (first - 1 > limit && CUE_MODIFIERS.has(tokens.lower[first - 1]!) && isLowerCase(tokens, first - 1)) first--;
  if (first < cue.first) draft.cue = spanWith(cue, first, cue.last);
}

/** Prepositions whose object, right after a verb, is what the cue is about ("focus on", "speak about", "call for"). */
const OBJECT_PREPOSITIONS = new Set(['of', 'on', 'about', 'for', 'against', 'with', 'at']);

/**
 * "continued | to attack the plan", "tried | to portray him as …", "was quick | to deny …": after a verb of trying,
 * going on, failing or having to (or "quick", "likely"), the infinitive is the reporting verb, so "to" and the verb join
 * the cue (with a preposition whose object is the content: "continue to focus on | …"); the content starts after them.
 * Verbs of intending or refusing ("declined | to comment", "vowed | to …") are cues of their own and keep the
 * infinitive as content, as PolNeAR marks them. Limit: only a one-word infinitive ("to keep pressing" keeps "pressing"
 * in the content), and a phrasal verb's particle ("beat back") stays in the content.
 */
export function joinAspectualInfinitive(tokens: Tokens, draft: Draft): void {
  const cue = draft.cue;
  if (cue === null || !ASPECTUAL_VERBS.has(tokens.lower[cue.last]!)) return;
  const index = draft.pieces.findIndex((piece) => piece.first === cue.last + 1);
  if (index < 0) return;
  const piece = draft.pieces[index]!;
  const verb = piece.first + 1;
  if (tokens.lower[piece.first] !== 'to' || verb >= piece.last || tokens.kinds[verb] !== TokenKind.Word || !isLowerCase(tokens, verb)) return;
  let last = verb;
  if (OBJECT_PREPOSITIONS.has(tokens.lower[last + 1]!) && last + 1 < piece.last) last++;
  draft.cue = spanWith(cue, cue.first, last);
  draft.pieces[index] = spanWith(piece, last + 1, piece.last);
}

/** An attribution opening its sentence with "as": its source, its cue and the comma before the main clause it reports. */
interface AsClause {
  readonly source: readonly [number, number];
  readonly cue: readonly [number, number];
  readonly comma: number;
  /** "As reported by the Herald, …": the source follows the participle. */
  readonly passive: boolean;
}

/** Most tokens of the subject of an "as" clause ("As the port authority's chief engineer noted, …"). */
const MAX_AS_SUBJECT_TOKENS = 8;

/** Most tokens between an "as" clause's verb and its comma ("As Ortiz told the council in March, …"). */
const MAX_AS_ADJUNCT_TOKENS = 8;

/** The lemma of a reporting verb an "as" clause may turn on ("point" for "pointed out"), or null. */
function asClauseLemma(word: string): string | null {
  if (word === 'point' || word === 'points' || word === 'pointed') return 'point';
  const lemma = CUE_VERBS.get(word)?.lemma;
  return lemma !== undefined && AS_CLAUSE_LEMMAS.has(lemma) ? lemma : null;
}

/** Whether token `at` may stand inside a noun phrase: a word, a number, a possessive mark ("The Post's"), a hyphen or a handle's "@". */
function isNounPhraseToken(tokens: Tokens, at: number): boolean {
  const kind = tokens.kinds[at];
  if (kind === TokenKind.Word || kind === TokenKind.Number) return true;
  const word = tokens.lower[at]!;
  return word === "'" || word === '’' || word === "'s" || word === '’s' || word === '.' || word === '-' || word === '@';
}

/** The comma ending a run of noun-phrase words from `from` (at most `limit` tokens, none of them "that"), or -1. */
function commaAfterWords(tokens: Tokens, from: number, end: number, limit: number): number {
  for (let at = from; at < end && at - from <= limit; at++) {
    if (tokens.lower[at] === ',') return at;
    if (!isNounPhraseToken(tokens, at) || tokens.lower[at] === 'that') return -1;
  }
  return -1;
}

/**
 * "As reported by the Herald, …" / "As stated in the council's report, …": a reporting participle and "by" or "in"
 * opening the sentence, the source after them. Limit: "in" with a month or a weekday after it is a time ("As reported
 * in March, …") and gives nothing.
 */
function readPassiveAsClause(tokens: Tokens, verb: number, end: number): AsClause | null {
  const word = tokens.lower[verb]!;
  const lemma = asClauseLemma(word);
  if (lemma === null || lemma === word || !(word.endsWith('ed') || word.endsWith('en'))) return null;
  const preposition = tokens.lower[verb + 1];
  if (preposition !== 'by' && preposition !== 'in') return null;
  const first = verb + 2;
  if (first >= end || !opensNounPhrase(tokens, first) || MONTHS.has(tokens.lower[first]!) || WEEKDAYS.has(tokens.lower[first]!) || tokens.kinds[first] === TokenKind.Number) return null;
  const comma = commaAfterWords(tokens, first, end, MAX_AS_SUBJECT_TOKENS);
  return comma > first ? { source: [first, comma - 1], cue: [verb, verb], comma, passive: true } : null;
}

/**
 * "As Ortiz put it, …" / "As the Herald reported on Monday, …": after "as", a subject (a name, a pronoun or a
 * determined noun phrase), a reporting verb and at most an adjunct (a preposition or time word opening it; the person
 * addressed after "told"), then a comma. The verb may take no object of its own: "As Ortiz wrote the letter, …" and
 * "As he left, …" tell the time. Limit: a subject that itself holds a clause ("As the debate ended and Ortiz said, …")
 * is taken whole.
 */
function readAsClause(tokens: Tokens, opening: number, end: number): AsClause | null {
  if (tokens.lower[opening] !== 'as' || opening + 1 >= end) return null;
  const subject = opening + 1;
  // "As one analyst noted, …": "one" opens a subject too.
  const opensSubject = opensNounPhrase(tokens, subject) || tokens.lower[subject] === 'one';
  if (tokens.kinds[subject] === TokenKind.Word && isLowerCase(tokens, subject) && !opensSubject) return readPassiveAsClause(tokens, subject, end);
  if (!opensSubject) return null;
  let verb = -1;
  for (let at = subject + 1; at < end && at - subject <= MAX_AS_SUBJECT_TOKENS && verb < 0; at++) {
    if (!isNounPhraseToken(tokens, at)) return null;
    // A capitalised word is part of a name ("As the Selin Herald reported"), not the verb.
    if (isLowerCase(tokens, at) && asClauseLemma(tokens.lower[at]!) !== null) verb = at;
  }
  if (verb < 0) return null;
  let cueFirst = verb;
  while (cueFirst - 1 > subject && CUE_MODIFIERS.has(tokens.lower[cueFirst - 1]!)) cueFirst--;
  const lemma = asClauseLemma(tokens.lower[verb]!)!;
  let cueLast = verb;
  // "put it" and "pointed out" are one cue; "As Ortiz put the case, …" is no attribution.
  if (lemma === 'put' || lemma === 'point') {
    if (tokens.lower[verb + 1] !== (lemma === 'put' ? 'it' : 'out')) return null;
    cueLast++;
  }
  const comma = commaAfterWords(tokens, cueLast + 1, end, MAX_AS_ADJUNCT_TOKENS);
  if (comma < 0) return null;
  const adjunct = tokens.lower[cueLast + 1]!;
  if (comma > cueLast + 1 && lemma !== 'tell' && !PREPOSITIONS.has(adjunct) && !AS_CLAUSE_ADJUNCT_OPENERS.has(adjunct) && !WEEKDAYS.has(adjunct)) return null;
  return { source: [subject, cueFirst - 1], cue: [cueFirst, cueLast], comma, passive: false };
}

/** Most words of a main clause an "as" clause reports on (a longer run is no one clause). */
const MAX_AS_CONTENT_TOKENS = 120;

/**
 * "As Ortiz put it, the levy is a tax on hope." / "As reported by the Herald, the port will close.": a sentence
 * (after a dateline, if any) opening with an attribution in an "as" clause reports its main clause after the comma.
 * A statement the tagger cued inside the clause gets its source, cue and content so; without one, the statement is
 * built from the tokens. A passive clause with another cue in its main clause ("As reported by the Herald, Ortiz said
 * …") is left as a relay. Linear: one look at each sentence's opening, one pass over the cues. Limit: the main clause
 * runs to the sentence end, a trailing attribution of its own included.
 */
export function asClauseAttributions(tokens: Tokens, drafts: Draft[]): void {
  let cueDraft: Int32Array | null = null;
  // Cueless drafts (quotations) by their first token: one the clause now reports is merged into its statement.
  let uncuedDraft: Int32Array | null = null;
  const merged = new Set<Draft>();
  const sentences = tokens.sentenceStarts.length - 1;
  for (let sentence = 0; sentence < sentences; sentence++) {
    const start = tokens.sentenceStarts[sentence]!;
    const end = tokens.sentenceStarts[sentence + 1]!;
    let opening = start;
    if (tokens.lower[opening] !== 'as' && (opening === 0 || tokens.breaksBefore[opening]! > 0)) opening = Math.max(opening, tokenAfterDateline(tokens, opening, end));
    const clause = readAsClause(tokens, opening, end);
    if (clause === null) continue;
    const last = sentenceLastWord(tokens, clause.comma);
    if (last - clause.comma < 3 || last - clause.comma > MAX_AS_CONTENT_TOKENS) continue;
    if (cueDraft === null) {
      cueDraft = new Int32Array(tokens.count).fill(-1);
      uncuedDraft = new Int32Array(tokens.count).fill(-1);
      drafts.forEach((draft, index) => {
        if (draft.cue !== null) cueDraft![draft.cue.first] = index;
        else if (draft.pieces.length > 0) uncuedDraft![draft.pieces[0]!.first] = index;
      });
    }
    let inClause = -1;
    for (let at = opening + 1; at < clause.comma && inClause < 0; at++) inClause = cueDraft[at]!;
    let cueAfter = false;
    for (let at = clause.comma + 1; at <= last && !cueAfter; at++) cueAfter = cueDraft[at]! >= 0;
    if (clause.passive && cueAfter) continue;
    for (let at = clause.comma + 1; at <= last; at++) if (uncuedDraft![at]! >= 0) merged.add(drafts[uncuedDraft![at]!]!);
    const source: TaggedSpan = { type: 'source', first: clause.source[0], last: clause.source[1] };
    const cue: TaggedSpan = { type: 'cue', first: clause.cue[0], last: clause.cue[1] };
    if (inClause < 0) {
      drafts.push({ cue, source, pieces: [{ type: 'content', first: clause.comma + 1, last }] });
      continue;
    }
    const draft = drafts[inClause]!;
    // The verb with its "it"/"out" and modifiers ("put it", "recently noted"), without an adjunct the tagger took ("stated in").
    if (draft.cue !== null && draft.cue.first <= cue.last && draft.cue.last >= cue.first && draft.cue.last < clause.comma) draft.cue = cue;
    if (draft.source === null || draft.source.first < clause.comma) draft.source = source;
    const after = draft.pieces.filter((piece) => piece.last > clause.comma);
    const pieceLast = after.length > 0 ? after[after.length - 1]!.last : last;
    // "As the Herald reported, even on Monday, the port …": content the tagger began after an aside set off by commas stays so.
    const pieceFirst = after.length > 0 && after[0]!.first > clause.comma + 1 && tokens.lower[after[0]!.first - 1] === ',' ? after[0]!.first : clause.comma + 1;
    draft.pieces = [{ type: 'content', first: pieceFirst, last: Math.max(pieceLast, pieceFirst) }];
  }
  removeMerged(drafts, merged);
}
