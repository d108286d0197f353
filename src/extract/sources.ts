import { BETWEEN_SUBJECT_AND_CUE } from '../lexicon/cues.js';
import { GROUP_MODIFIERS, GROUP_NOUNS } from '../lexicon/titles.js';
import { lowerBound, makeSpan, sortByPackedKey } from '../model/span.js';
import type { Entity, EntityMention } from '../model/types.js';
import { ARTICLES, ARTICLES_AND_POSSESSIVES, PREPOSITIONS, RELATIVE_PRONOUNS, SUBJECT_DETERMINERS, SUBJECT_PRONOUNS } from '../lexicon/pronouns.js';
import { CALENDAR_UNITS, DAY_PARTS, MONTHS, WEEKDAYS } from '../lexicon/time-words.js';
import { LY_NOT_VERB_MODIFIERS } from '../lexicon/adverbs.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';
import { tokenAfterDateline } from './content-boundaries.js';
import { holdsCueVerb, isPassiveCue, isRaisingCue, opensNounPhrase } from './drafts.js';
import type { DraftStatement } from './statements.js';

/** Tokens that may open the clause whose subject we look for. */
const CLAUSE_OPENERS = new Set([',', ';', ':', 'and', 'but', 'that', 'while', 'as', 'because', 'when', 'though', 'although', '—', '–', '(']);
const NOT_SUBJECT_WORDS = new Set(['and', 'but', 'or', 'that', 'which', 'who', 'whom', 'whose', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'than', 'if', 'when', 'while', 'because', 'not', 'it', 'there', 'this']);

function isCapitalized(tokens: Tokens, index: number): boolean {
  const char = tokens.text[tokens.starts[index]!] ?? '';
  return char !== char.toLowerCase();
}

/** The subject noun phrase that ends right before `cueFirst` (skipping adverbs and auxiliaries), as a token range. */
function subjectBefore(tokens: Tokens, cueFirst: number, quotations: QuotationResult): [number, number] | null {
  const sentenceStart = tokens.sentenceStarts[tokens.sentence[cueFirst]!]!;
  let last = cueFirst - 1;
  while (last >= sentenceStart && BETWEEN_SUBJECT_AND_CUE.has(tokens.lower[last]!)) last--;
  if (last < sentenceStart || quotations.tokenQuotation[last]! >= 0) return null;
  if (tokens.kinds[last] !== TokenKind.Word) return null;
  const opensClause = (index: number): boolean => index < sentenceStart || CLAUSE_OPENERS.has(tokens.lower[index]!) || tokens.kinds[index] === TokenKind.Quote;
  if (SUBJECT_PRONOUNS.has(tokens.lower[last]!)) return opensClause(last - 1) ? [last, last] : null;
  // "a | claim the union denied", "his | remarks", "After | arguing": an article, possessive or preposition ends no
  // subject ("A:" before a colon labels an interview's answer).
  if (NOT_SUBJECT_WORDS.has(tokens.lower[last]!) || PREPOSITIONS.has(tokens.lower[last]!) || (ARTICLES_AND_POSSESSIVES.has(tokens.lower[last]!) && tokens.lower[cueFirst] !== ':')) return null;
  // A short noun phrase: capitalised words, or lower-case words introduced by a determiner ("The Belarusian leader").
  let first = last;
  while (first - 1 >= sentenceStart && last - first < 6) {
    const previous = first - 1;
    const word = tokens.lower[previous]!;
    // "The employers' association": the apostrophe of a plural possessive is part of the phrase.
    if (isPluralPossessive(tokens, previous, quotations)) {
      first = previous;
      continue;
    }
    if (tokens.kinds[previous] !== TokenKind.Word || NOT_SUBJECT_WORDS.has(word) || CLAUSE_OPENERS.has(word)) break;
    first = previous;
    if (SUBJECT_DETERMINERS.has(word)) break;
  }
  const startsWell = SUBJECT_DETERMINERS.has(tokens.lower[first]!) || isCapitalized(tokens, first);
  const headIsName = isCapitalized(tokens, last);
  if (!startsWell || !opensClause(first - 1)) return null;
  // "Denmark's government": a possessive name opens the phrase as a determiner does.
  const possessiveOpening = first + 1 < last && (tokens.lower[first + 1] === "'s" || tokens.lower[first + 1] === '’s');
  // "Western diplomats, speaking on condition of anonymity, said": a plural group noun heads a phrase without a determiner.
  if (!headIsName && !SUBJECT_DETERMINERS.has(tokens.lower[first]!) && !possessiveOpening && !GROUP_NOUNS.has(tokens.lower[last]!)) return null;
  return [first, last];
}

/** An apostrophe written right after a word in "s", in no quotation: a plural possessive ("the workers' union"). */
function isPluralPossessive(tokens: Tokens, at: number, quotations: QuotationResult): boolean {
  const mark = tokens.lower[at];
  if ((mark !== "'" && mark !== '’') || tokens.spaceBefore[at] !== 0 || quotations.tokenQuotation[at]! >= 0 || at === 0) return false;
  return tokens.kinds[at - 1] === TokenKind.Word && tokens.lower[at - 1]!.endsWith('s');
}

/** Index of the content piece before a raising cue (its subject), or -1. */
function raisedSubject(tokens: Tokens, draft: DraftStatement): number {
  const cue = draft.cueTokens;
  if (cue === null || !isRaisingCue(tokens, cue[0], cue[1]) || draft.contentTokens.length < 2) return -1;
  return draft.contentTokens[0]![1] < cue[0] ? 0 : -1;
}

/** Words that never name a speaker on their own ("having allowed", "being"): a tagger slip, not a source. */
const NOT_SOURCES = new Set(['having', 'being', 'including', 'after', 'before', 'while', 'despite', 'also', 'however']);

function isPlausibleSource(tokens: Tokens, [first, last]: readonly [number, number]): boolean {
  if (first !== last) return true;
  const word = tokens.lower[first]!;
  // "a | comment", "the | criticism": an article the tagger took for a source, its noun for a cue, names nobody.
  if (ARTICLES.has(word)) return false;
  return !NOT_SOURCES.has(word) && tokens.kinds[first] !== TokenKind.Punct;
}

/** A participle or coordinated cue ("…, claiming that", "and highlighted") shares the speaker of the statement before it. */
function sharesPreviousSpeaker(tokens: Tokens, cueFirst: number): boolean {
  const word = tokens.lower[cueFirst]!;
  const previous = cueFirst > 0 ? tokens.lower[cueFirst - 1]! : '';
  return word.endsWith('ing') || previous === 'and' || previous === 'but' || previous === ',';
}

/** Every entity mention, sorted by start (stable). */
function mentionsByStart(entities: readonly Entity[]): EntityMention[] {
  // A loop, not flatMap: V8's flatMap measured twice as slow as loop and sort together on ~85 mentions per article.
  const mentions: EntityMention[] = [];
  let lastStart = 0;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      mentions.push(mention);
      if (mention.start > lastStart) lastStart = mention.start;
    }
  }
  return sortByPackedKey(mentions, (mention) => mention.start, lastStart + 1) ?? mentions.sort((a, b) => a.start - b.start);
}

export interface SourceResult {
  readonly drafts: readonly DraftStatement[];
  /** For each statement, the index of an earlier statement whose speaker it shares (same sentence), or -1. */
  readonly sharesSpeakerWith: Int32Array;
}

/**
 * Completes sources the tagger left out: the subject right before the cue ("He warned that"), and for participle or
 * coordinated cues, a link to the previous statement of the same sentence whose speaker is shared — the source as
 * written stays empty there, since the text does not repeat it.
 */
export function completeSources(input: { tokens: Tokens; drafts: readonly DraftStatement[]; quotations: QuotationResult; entities: readonly Entity[] }): SourceResult {
  const { tokens, drafts, quotations } = input;
  const sharesSpeakerWith = new Int32Array(drafts.length).fill(-1);
  // A loop, not flatMap: V8's flatMap measured twice as slow as loop and sort together on ~85 mentions per article.
  const mentions = mentionsByStart(input.entities);
  const completed: DraftStatement[] = [];
  drafts.forEach((original, index) => {
    let draft = original;
    if (draft.source !== null && draft.sourceTokens !== null && !isPlausibleSource(tokens, draft.sourceTokens)) draft = { ...draft, source: null, sourceTokens: null };
    const previous = index > 0 ? completed[index - 1]! : undefined;
    if (draft.source !== null) {
      // "Varga, who chairs the panel, said": the tagger's source over the relative clause is the name it describes.
      const named = draft.sourceTokens !== null && draft.cueTokens !== null ? nameBeforeRelative(tokens, draft.sourceTokens, draft.cueTokens[0], quotations) : null;
      if (named !== null) draft = withSourceTokens(tokens, draft, named[0], named[1]);
      completed.push(trimSourceTail(tokens, widenSource(tokens, cutRelativeHead(tokens, draft), mentions)));
      return;
    }
    if (draft.cueTokens === null) {
      // A quotation introduced by a colon after a statement of the same sentence ("He addressed Trump: “…”") is that speaker's.
      const opening = draft.contentTokens[0]![0];
      const colon = tokens.lower[opening] === ':' ? opening : opening - 1;
      if (previous?.cueTokens != null && colon > previous.cueTokens[1] && tokens.lower[colon] === ':' && tokens.sentence[colon] === tokens.sentence[previous.cueTokens[0]]) {
        sharesSpeakerWith[index] = index - 1;
        draft = { ...draft, source: previous.source, sourceTokens: previous.sourceTokens, cue: previous.cue, cueTokens: previous.cueTokens };
      }
      completed.push(draft);
      return;
    }
    const cueFirst = draft.cueTokens[0];
    // A passive cue's subject is what the statement is about (statements.ts moved it into the content).
    if (isPassiveCue(tokens, cueFirst, draft.cueTokens[1])) {
      // "… has been criticised by several EU governments": the agent after "by" is the speaker.
      const agent = agentAfter(tokens, draft.cueTokens[1], quotations);
      if (agent === null) completed.push(draft);
      else completed.push(widenSource(tokens, withSourceTokens(tokens, draft, agent[0], agent[1]), mentions));
      return;
    }
    // "The plan seemed to stall", "The vote is expected to pass": no one speaks (statements.ts made the subject part of the content).
    if (isRaisingCue(tokens, cueFirst, draft.cueTokens[1])) {
      completed.push(draft);
      return;
    }
    const sameSentence = previous?.cueTokens != null && tokens.sentence[previous.cueTokens[0]] === tokens.sentence[cueFirst];
    // "She addressed the leaders directly: “…”": a cue ending in a colon continues the previous statement's speaker.
    if (sameSentence && (sharesPreviousSpeaker(tokens, cueFirst) || tokens.lower[draft.cueTokens[1]] === ':')) {
      // "…, claiming that" / "and highlighted": the same subject, written once; it is this statement's source too.
      sharesSpeakerWith[index] = index - 1;
      const named = previous!.sourceTokens !== null ? nameBeforeRelative(tokens, previous!.sourceTokens, cueFirst, quotations) : null;
      if (named !== null) completed.push(widenSource(tokens, withSourceTokens(tokens, draft, named[0], named[1]), mentions));
      else if (previous!.source === null) {
        // "Ortiz seemed unmoved, saying …": the subject of seeming (its content's first piece) is the participle's speaker.
        const subject = raisedSubject(tokens, previous!);
        completed.push(subject < 0 ? draft : { ...draft, source: previous!.content[subject]!, sourceTokens: previous!.contentTokens[subject]! });
      } else completed.push({ ...draft, source: previous!.source, sourceTokens: previous!.sourceTokens });
      return;
    }
    const subject =
      subjectBefore(tokens, cueFirst, quotations) ??
      participleSubject(tokens, cueFirst, quotations) ??
      subjectBeforeAside(tokens, cueFirst, quotations) ??
      subjectAfter(tokens, draft.cueTokens[1], quotations) ??
      gerundClauseSubject(tokens, cueFirst, quotations);
    if (subject === null) {
      completed.push(draft);
      return;
    }
    completed.push(widenSource(tokens, withSourceTokens(tokens, draft, subject[0], subject[1]), mentions));
  });
  return { drafts: completed, sharesSpeakerWith };
}

/** Most words of a subject inside a relative clause ("a plan that the city's shopkeepers say …"). */
const MAX_RELATIVE_SUBJECT_WORDS = 4;

/**
 * "a plan that shopkeepers say will hurt them": the tagger may take the head noun and "that" into the source; the
 * speaker is the relative clause's subject, right before the cue. Cut when that subject is one word (a verb cannot
 * stand between "that" and the cue) or opens with a determiner, a pronoun or a capital ("which the mayor says").
 */
function cutRelativeHead(tokens: Tokens, draft: DraftStatement): DraftStatement {
  if (draft.sourceTokens === null || draft.cueTokens === null) return draft;
  const [first, last] = draft.sourceTokens;
  if (last >= draft.cueTokens[0] || last - first < 2) return draft;
  for (let at = last - 1; at > first && at >= last - MAX_RELATIVE_SUBJECT_WORDS; at--) {
    const word = tokens.lower[at]!;
    if (word !== 'that' && word !== 'which') continue;
    // "a majority of that segment": a demonstrative after a preposition opens no clause; a cue with no reporting verb is a misreading.
    if (NOT_SUBJECT_WORDS.has(tokens.lower[at - 1]!) || !holdsCueVerb(tokens, draft.cueTokens[0], draft.cueTokens[1])) return draft;
    // "the mayors that the Courier polled predicted": a participle ends the clause, which then is all the source's.
    if (isLowerCaseWord(tokens, last) && tokens.lower[last]!.endsWith('ed')) return draft;
    for (let between = last + 1; between < draft.cueTokens[0]; between++) if (!BETWEEN_SUBJECT_AND_CUE.has(tokens.lower[between]!)) return draft;
    const opening = at + 1;
    for (let inside = opening; inside <= last; inside++) if (tokens.kinds[inside] !== TokenKind.Word) return draft;
    const single = opening === last && !NOT_SUBJECT_WORDS.has(tokens.lower[opening]!);
    if (!single && !SUBJECT_DETERMINERS.has(tokens.lower[opening]!) && !SUBJECT_PRONOUNS.has(tokens.lower[opening]!) && !isCapitalized(tokens, opening)) return draft;
    return withSourceTokens(tokens, draft, opening, last);
  }
  return draft;
}


/**
 * "Varga, who says the port should close, said …": the cue after a relative clause's closing comma shares the
 * clause's speaker, who is the name the clause describes (tokens [sourceFirst, last] are the clause's source: its
 * pronoun, or words of the clause after it).
 */
function nameBeforeRelative(tokens: Tokens, [sourceFirst, last]: readonly [number, number], cueFirst: number, quotations: QuotationResult): [number, number] | null {
  const first = relativeOpening(tokens, sourceFirst);
  if (!RELATIVE_PRONOUNS.has(tokens.lower[first]!) || tokens.lower[first - 1] !== ',' || cueFirst <= first + 2) return null;
  let before = cueFirst - 1;
  while (before > first && BETWEEN_SUBJECT_AND_CUE.has(tokens.lower[before]!)) before--;
  if (tokens.lower[before] !== ',' || before <= first + 1 || last > before || tokens.sentence[before] !== tokens.sentence[first]) return null;
  // The clause holds no quotation and no other comma: "X, who …, said", not a list or a quoted aside.
  for (let at = first + 1; at < before; at++) if (tokens.lower[at] === ',' || quotations.tokenQuotation[at]! >= 0) return null;
  return subjectBefore(tokens, first - 1, quotations);
}

/** Most words of a relative clause read back from a source inside it to its pronoun. */
const MAX_RELATIVE_LOOKBACK = 8;

/**
 * The relative pronoun opening the clause a source lies in ("The council, which meets | on Fridays, | said": the
 * tagger took the clause's tail for the source), read back over words only; `first` itself when none is found.
 */
function relativeOpening(tokens: Tokens, first: number): number {
  if (RELATIVE_PRONOUNS.has(tokens.lower[first]!)) return first;
  for (let at = first - 1; at >= 0 && first - at <= MAX_RELATIVE_LOOKBACK; at--) {
    if (RELATIVE_PRONOUNS.has(tokens.lower[at]!)) return at;
    if (tokens.kinds[at] !== TokenKind.Word && tokens.kinds[at] !== TokenKind.Number) break;
  }
  return first;
}

/** A word written in lower case. */
function isLowerCaseWord(tokens: Tokens, index: number): boolean {
  return tokens.kinds[index] === TokenKind.Word && !isCapitalized(tokens, index);
}

/** Words that open a verb's object ("kept its rate", "cut a forecast"): the word before them ends the subject's verb. */
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'these', 'those', 'some', 'no']);
/** Most words of a sentence-opening subject read up to its verb ("Tarvonia's central bank kept its …"). */
const MAX_OPENING_SUBJECT_WORDS = 6;
/** Verbs that end a subject read word by word ("The court is …", "The plan has …"). */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'do', 'does', 'did']);
/** The first token after a dateline opening a paragraph ("LONDON, March 4 (Reuters) - The bank …"), else `first`. */
function afterDateline(tokens: Tokens, first: number): number {
  if (first > 0 && tokens.breaksBefore[first]! === 0) return first;
  const after = tokenAfterDateline(tokens, first, tokens.sentenceStarts[tokens.sentence[first]! + 1] ?? tokens.count);
  return after < 0 ? first : after;
}

/**
 * "The mayor has tried …, accusing the unions of …": a participle after a comma takes the sentence's opening subject
 * (after a dateline): the words before the first lower-case word followed by an object ("Tarvonia's central bank" in
 * "… kept its rate …"), else a run of capitalized words followed by a lower-case word. Limit: no syntax, a verb
 * without an object ("rose 3 percent" aside) is found only after a capitalized run.
 */
function participleSubject(tokens: Tokens, cueFirst: number, quotations: QuotationResult): [number, number] | null {
  if (!tokens.lower[cueFirst]!.endsWith('ing') || tokens.lower[cueFirst - 1] !== ',') return null;
  return openingSubject(tokens, afterDateline(tokens, tokens.sentenceStarts[tokens.sentence[cueFirst]!]!), cueFirst, quotations);
}

/** Prepositions that open an adverbial gerund clause ("by dismissing …", "after arguing that …", "while denouncing …"). */
const GERUND_PREPOSITIONS = new Set(['by', 'after', 'before', 'while', 'when', 'without', 'since', 'upon']);
/** Connectives that may open a sentence before its clauses ("But after arguing …, the team …"). */
const SENTENCE_CONNECTIVES = new Set(['but', 'and', 'yet', 'so', 'still']);
/** Most tokens read from a fronted gerund clause to the comma that closes it. */
const MAX_GERUND_CLAUSE = 40;

/**
 * "The campaign erred by dismissing him as …", "After arguing that …, his team said …": the subject of an adverbial
 * gerund clause is the main clause's — its opening subject when the gerund follows it, the subject after the closing
 * comma when the gerund clause opens the sentence. Limit: the closing comma is the first one after the cue.
 */
function gerundClauseSubject(tokens: Tokens, cueFirst: number, quotations: QuotationResult): [number, number] | null {
  if (!tokens.lower[cueFirst]!.endsWith('ing') || tokens.kinds[cueFirst] !== TokenKind.Word || tokens.lower[cueFirst] === 'according') return null;
  const sentence = tokens.sentence[cueFirst]!;
  let first = afterDateline(tokens, tokens.sentenceStarts[sentence]!);
  if (SENTENCE_CONNECTIVES.has(tokens.lower[first]!)) first++;
  const opener = GERUND_PREPOSITIONS.has(tokens.lower[cueFirst - 1]!) ? cueFirst - 1 : cueFirst;
  if (opener > first) return opener === cueFirst - 1 ? openingSubject(tokens, first, opener, quotations) : null;
  if (opener !== first) return null;
  for (let at = cueFirst + 1; at < tokens.count && at - cueFirst <= MAX_GERUND_CLAUSE && tokens.sentence[at] === sentence; at++) {
    if (tokens.lower[at] === ',' && quotations.tokenQuotation[at]! < 0) return subjectOfVerbAfter(tokens, at + 1, quotations);
  }
  return null;
}

/**
 * "…, his team said it would appeal": the noun phrase opening at `first` up to the first verb-like word (a reporting
 * verb, an auxiliary, a word in "-ed"), within a few words; null when it opens no noun phrase.
 */
function subjectOfVerbAfter(tokens: Tokens, first: number, quotations: QuotationResult): [number, number] | null {
  if (first >= tokens.count || quotations.tokenQuotation[first]! >= 0 || !opensNounPhrase(tokens, first)) return null;
  if (SUBJECT_PRONOUNS.has(tokens.lower[first]!)) return [first, first];
  for (let at = first + 1; at < tokens.count && at - first <= MAX_OPENING_SUBJECT_WORDS && tokens.sentence[at] === tokens.sentence[first]; at++) {
    if (tokens.kinds[at] !== TokenKind.Word && tokens.lower[at] !== "'s" && tokens.lower[at] !== '’s') return null;
    const word = tokens.lower[at]!;
    if (!isCapitalized(tokens, at) && (holdsCueVerb(tokens, at, at) || AUXILIARIES.has(word) || BETWEEN_SUBJECT_AND_CUE.has(word) || word.endsWith('ed'))) return [first, at - 1];
  }
  return null;
}

/**
 * The subject opening a clause at `first` (before `limit`): a subject pronoun, or the words before the first lower-case
 * word followed by an object, else a run of capitalized words followed by a lower-case word.
 */
function openingSubject(tokens: Tokens, first: number, limit: number, quotations: QuotationResult): [number, number] | null {
  const cueFirst = limit;
  if (first >= cueFirst || quotations.tokenQuotation[first]! >= 0 || tokens.kinds[first] !== TokenKind.Word) return null;
  if (SUBJECT_PRONOUNS.has(tokens.lower[first]!)) return [first, first];
  // After a comma the subject may open in lower case ("…, the minister praised …").
  if (!(isCapitalized(tokens, first) || SUBJECT_DETERMINERS.has(tokens.lower[first]!)) || NOT_SUBJECT_WORDS.has(tokens.lower[first]!)) return null;
  // Lower-case words belong to the subject only after an article or a possessive ("The company", "Tarvonia's central bank").
  let nounPhrase = SUBJECT_DETERMINERS.has(tokens.lower[first]!);
  for (let at = first + 1; at < cueFirst && at - first <= MAX_OPENING_SUBJECT_WORDS && tokens.kinds[at] === TokenKind.Word; at++) {
    const word = tokens.lower[at]!;
    if (word === "'s" || word === '’s') nounPhrase = true;
    if (isCapitalized(tokens, at) || word === "'s" || word === '’s') continue;
    if (!nounPhrase || AUXILIARIES.has(word) || NOT_SUBJECT_WORDS.has(word)) break;
    if (at + 1 < cueFirst && (OBJECT_OPENERS.has(tokens.lower[at + 1]!) || tokens.kinds[at + 1] === TokenKind.Number)) return [first, at - 1];
  }
  let last = first;
  while (last + 1 < cueFirst && tokens.kinds[last + 1] === TokenKind.Word && isCapitalized(tokens, last + 1)) last++;
  // A lone article is no subject ("The company cut …" without an object found).
  if (last === first && SUBJECT_DETERMINERS.has(tokens.lower[first]!)) return null;
  // The run must be followed by a verb-like lower-case word, not be the start of a longer phrase.
  return last + 1 < cueFirst && tokens.kinds[last + 1] === TokenKind.Word && !isCapitalized(tokens, last + 1) ? [first, last] : null;
}

/** Longest aside between a subject and its cue that is skipped ("Zelensky, speaking in his nightly address, urged"). */
const MAX_ASIDE_TOKENS = 24;

/** "Zelensky, speaking in his nightly video address, urged …": the subject before an aside set off by commas. */
function subjectBeforeAside(tokens: Tokens, cueFirst: number, quotations: QuotationResult): [number, number] | null {
  if (tokens.lower[cueFirst - 1] !== ',') return null;
  const sentenceStart = tokens.sentenceStarts[tokens.sentence[cueFirst]!]!;
  for (let at = cueFirst - 2; at > sentenceStart && cueFirst - at <= MAX_ASIDE_TOKENS; at--) {
    if (tokens.kinds[at] === TokenKind.Quote || quotations.tokenQuotation[at]! >= 0) return null;
    if (tokens.lower[at] !== ',') continue;
    if (at === cueFirst - 2) return null;
    // Only a short subject opening the sentence: a longer run before the comma is a clause of its own.
    const subject = subjectBefore(tokens, at, quotations);
    return subject !== null && subject[0] === sentenceStart && subject[1] - subject[0] < 4 ? subject : null;
  }
  return null;
}

/** Most words of a passive cue's agent ("by the European Commission's legal service"). */
const MAX_AGENT_WORDS = 6;

/** The noun phrase after a passive cue ending in "by", up to punctuation or the sentence's end, as a token range. */
function agentAfter(tokens: Tokens, cueLast: number, quotations: QuotationResult): [number, number] | null {
  if (tokens.lower[cueLast] !== 'by') return null;
  const first = cueLast + 1;
  if (first >= tokens.count || tokens.sentence[first] !== tokens.sentence[cueLast] || tokens.kinds[first] !== TokenKind.Word || quotations.tokenQuotation[first]! >= 0) return null;
  if (!(SUBJECT_DETERMINERS.has(tokens.lower[first]!) || isCapitalized(tokens, first) || SUBJECT_PRONOUNS.has(tokens.lower[first]!))) return null;
  let last = first;
  while (last + 1 < tokens.count && last + 1 - first < MAX_AGENT_WORDS && tokens.sentence[last + 1] === tokens.sentence[first] && tokens.kinds[last + 1] === TokenKind.Word && !NOT_SUBJECT_WORDS.has(tokens.lower[last + 1]!)) last++;
  return [first, last];
}

/** Words that open a speaker's noun phrase after an inverted cue (",” said the harbour master"). */
const INVERTED_OPENERS = new Set(['the', 'a', 'an', 'one', 'another']);
/** Most words of such a phrase; a longer run is a clause, not a speaker. */
const MAX_INVERTED_WORDS = 12;

/** ",” said the harbour master of Selin, …": the phrase after an inverted cue up to the next punctuation mark or the sentence's end. */
function invertedPhrase(tokens: Tokens, first: number, quotations: QuotationResult): [number, number] | null {
  let last = first;
  while (last + 1 < tokens.count && tokens.sentence[last + 1] === tokens.sentence[first] && (tokens.kinds[last + 1] === TokenKind.Word || tokens.kinds[last + 1] === TokenKind.Number) && quotations.tokenQuotation[last + 1]! < 0) {
    if (last + 1 - first >= MAX_INVERTED_WORDS) return null;
    last++;
  }
  // A phrase cut by a quoted title ("the authors of the “…”") is not whole.
  const next = last + 1;
  if (next < tokens.count && tokens.sentence[next] === tokens.sentence[first] && (tokens.kinds[next] === TokenKind.Quote || quotations.tokenQuotation[next]! >= 0)) return null;
  return last > first ? [first, last] : null;
}

/** ",” said Ana Ruiz" / ",” says Mr. Smith": the name right after a cue that follows a quotation or comma. */
function subjectAfter(tokens: Tokens, cueLast: number, quotations: QuotationResult): [number, number] | null {
  let cueFirst = cueLast;
  while (cueFirst > 0 && tokens.kinds[cueFirst - 1] === TokenKind.Word && !isCapitalized(tokens, cueFirst - 1) && cueLast - cueFirst < 2) cueFirst--;
  const before = tokens.lower[cueFirst - 1];
  if (before !== ',' && tokens.kinds[cueFirst - 1] !== TokenKind.Quote) return null;
  // ", claiming Trump University is a fraud": after a participle comes its object, never an inverted speaker.
  if (tokens.lower[cueLast]!.endsWith('ing')) return null;
  const first = cueLast + 1;
  if (first >= tokens.count || tokens.sentence[first] !== tokens.sentence[cueLast] || quotations.tokenQuotation[first]! >= 0) return null;
  if (SUBJECT_PRONOUNS.has(tokens.lower[first]!)) return [first, first];
  // Only right after a closing quotation mark is a lower-case phrase the speaker ("…,” said the harbour master"), not an object.
  if (INVERTED_OPENERS.has(tokens.lower[first]!) && tokens.kinds[first] === TokenKind.Word) return cueFirst === cueLast && tokens.kinds[cueFirst - 1] === TokenKind.Quote ? invertedPhrase(tokens, first, quotations) : null;
  if (tokens.kinds[first] !== TokenKind.Word || !isCapitalized(tokens, first)) return null;
  let last = first;
  while (last + 1 < tokens.count && tokens.sentence[last + 1] === tokens.sentence[first] && tokens.kinds[last + 1] === TokenKind.Word && isCapitalized(tokens, last + 1)) last++;
  return [first, last];
}

/**
 * Widens a source to the whole entity mention it cuts ("The Belarusian" → "The Belarusian leader") and over group
 * modifiers right before it ("criticism" → "international criticism"). Only ever widens, within the sentence.
 */
function widenSource(tokens: Tokens, draft: DraftStatement, mentions: readonly EntityMention[]): DraftStatement {
  if (draft.source === null || draft.sourceTokens === null) return draft;
  let [first, last] = draft.sourceTokens;
  const sentence = tokens.sentence[first]!;
  for (let position = Math.max(0, lowerBound(mentions, draft.source.start) - 4); position < mentions.length; position++) {
    const mention = mentions[position]!;
    if (mention.start >= draft.source.end) break;
    if (mention.end <= draft.source.start || mention.form === 'pronoun') continue;
    while (first > 0 && tokens.starts[first - 1]! >= mention.start && tokens.sentence[first - 1] === sentence) first--;
    while (last + 1 < tokens.count && tokens.ends[last + 1]! <= mention.end && tokens.sentence[last + 1] === sentence) last++;
  }
  while (first > 0 && tokens.sentence[first - 1] === sentence && GROUP_MODIFIERS.has(tokens.lower[first - 1]!) && tokens.kinds[first - 1] === TokenKind.Word) first--;
  if (draft.cueTokens !== null && first <= draft.cueTokens[1] && last >= draft.cueTokens[0]) return draft;
  if (first === draft.sourceTokens[0] && last === draft.sourceTokens[1]) return draft;
  return withSourceTokens(tokens, draft, first, last);
}

/** Participles of asking people whose agent names who asked ("economists surveyed by Reuters", "analysts polled by the bank"). */
const POLLING_PARTICIPLES = new Set(['polled', 'surveyed', 'interviewed', 'questioned', 'contacted', 'consulted']);
/** Most words of the noun phrase read back before such a participle. */
const MAX_POLLED_WORDS = 4;

/**
 * "Economists surveyed by Reuters | expected …": the pollster after "by" is no speaker; the people polled are, with
 * the whole reduced relative ("Economists surveyed by Reuters"), as annotators mark it. Read back from the participle
 * over words to the clause start (the sentence start or a comma); unchanged otherwise.
 */
function polledSubject(tokens: Tokens, draft: DraftStatement): DraftStatement {
  const [first, last] = draft.sourceTokens!;
  const participle = first - 2;
  if (participle < 1 || tokens.lower[first - 1] !== 'by' || !POLLING_PARTICIPLES.has(tokens.lower[participle]!)) return draft;
  const sentenceStart = tokens.sentenceStarts[tokens.sentence[first]!]!;
  let start = participle;
  while (start - 1 >= sentenceStart && participle - start < MAX_POLLED_WORDS && tokens.kinds[start - 1] === TokenKind.Word && !NOT_SUBJECT_WORDS.has(tokens.lower[start - 1]!)) start--;
  if (start === participle || !(start === sentenceStart || tokens.lower[start - 1] === ',')) return draft;
  return withSourceTokens(tokens, draft, start, last);
}

/** The rules that narrow a tagged source standing before its cue to the subject of the cue's clause, in order. */
function trimSourceTail(tokens: Tokens, draft: DraftStatement): DraftStatement {
  if (draft.sourceTokens === null || draft.cueTokens === null || draft.sourceTokens[1] >= draft.cueTokens[0]) return draft;
  let trimmed = polledSubject(tokens, relativeClauseSubject(tokens, draft));
  // The predicate's words at the source's end: a time adjunct, an adverb (into the cue), a contracted verb.
  trimmed = cutSourceTimeAdjunct(tokens, trimmed);
  trimmed = adverbIntoCue(tokens, draft, cutSourceAdverb(tokens, trimmed));
  return cutVerbClitic(tokens, trimmed);
}

/** The draft with its source over tokens [first, last]. */
function withSourceTokens(tokens: Tokens, draft: DraftStatement, first: number, last: number): DraftStatement {
  return { ...draft, source: makeSpan(tokens.text, tokens.starts[first]!, tokens.ends[last]!), sourceTokens: [first, last] };
}

/** Whether only adverbs and auxiliaries (BETWEEN_SUBJECT_AND_CUE) stand between token `last` and the cue. */
function adjoinsCue(tokens: Tokens, last: number, cueFirst: number): boolean {
  for (let at = last + 1; at < cueFirst; at++) if (!BETWEEN_SUBJECT_AND_CUE.has(tokens.lower[at]!)) return false;
  return true;
}

/** Words that open an object relative clause in a source ("which the mayor proposed", "what voters want"). */
const OBJECT_RELATIVE_OPENERS = new Set(['which', 'who', 'whom', 'what']);

/**
 * A relative clause in a source: the speaker is the clause's subject. "the dockers who | warned": right before the
 * cue the pronoun is that subject (as PolNeAR marks it; the speaker is then its antecedent). "which the board |
 * approved": after a pronoun opening the source, the noun phrase that follows is. Limit: "most of whom" stays whole.
 */
function relativeClauseSubject(tokens: Tokens, draft: DraftStatement): DraftStatement {
  const [first, last] = draft.sourceTokens!;
  if (last === first) return draft;
  if (RELATIVE_PRONOUNS.has(tokens.lower[last]!) && tokens.lower[last - 1] !== 'of' && adjoinsCue(tokens, last, draft.cueTokens![0])) return withSourceTokens(tokens, draft, last, last);
  if (OBJECT_RELATIVE_OPENERS.has(tokens.lower[first]!) && opensNounPhrase(tokens, first + 1)) return withSourceTokens(tokens, draft, first + 1, last);
  return draft;
}

/** Words that open a time adjunct between a speaker's name and the cue ("on Monday", "later Thursday", "at the time"). */
const TIME_ADJUNCT_OPENERS = new Set(['on', 'at', 'in', 'during', 'last', 'this', 'earlier', 'later', 'late']);
/** Words inside such an adjunct that name no time themselves ("at the time", "late last week"). */
const TIME_ADJUNCT_FILLERS = new Set(['the', 'early', 'late', 'last', 'this', 'past', 'same', 'earlier', 'later']);
/** Longest time adjunct cut from a source. */
const MAX_TIME_ADJUNCT = 4;

/** Whether a token names a time: a weekday, a month written out, a part of a day, a calendar unit, or "time" of "at the time". */
function isSourceTimeAnchor(tokens: Tokens, at: number): boolean {
  const word = tokens.lower[at]!;
  if (tokens.kinds[at] !== TokenKind.Word) return false;
  if (word === 'time') return tokens.lower[at - 1] === 'the' && tokens.lower[at - 2] === 'at';
  return WEEKDAYS.has(word) || DAY_PARTS.has(word) || CALENDAR_UNITS.has(word) || (MONTHS.has(word) && !word.includes('.') && word.length > 3);
}

/**
 * "Harbour master Ines Roth on Tuesday evening | said": a time adjunct after a name dates the speech; the speaker
 * ends at the name. Only after a capitalized word, a closing parenthesis or a pronoun: after a common noun it may
 * modify the noun ("a poll last month"), which the annotators keep.
 */
function cutSourceTimeAdjunct(tokens: Tokens, draft: DraftStatement): DraftStatement {
  const [first, last] = draft.sourceTokens!;
  if (!isSourceTimeAnchor(tokens, last)) return draft;
  let start = last;
  while (start - 1 > first && last - (start - 1) < MAX_TIME_ADJUNCT) {
    const word = tokens.lower[start - 1]!;
    if (!(TIME_ADJUNCT_OPENERS.has(word) || TIME_ADJUNCT_FILLERS.has(word) || isSourceTimeAnchor(tokens, start - 1))) break;
    start--;
  }
  if (!TIME_ADJUNCT_OPENERS.has(tokens.lower[start]!) || isCapitalized(tokens, start)) return draft;
  const head = start - 1;
  // "an analysis released by the agency last month": a participle in the phrase may own the time.
  for (let at = first; at < head; at++) if (isLowerCaseWord(tokens, at) && (tokens.lower[at]!.endsWith('ed') || tokens.lower[at]!.endsWith('ing'))) return draft;
  const endsName = tokens.lower[head] === ')' || SUBJECT_PRONOUNS.has(tokens.lower[head]!) || (tokens.kinds[head] === TokenKind.Word && isCapitalized(tokens, head));
  return endsName ? withSourceTokens(tokens, draft, first, head) : draft;
}

/** Shortest word taken for an adverb in "-ly": shorter "-ly" words are nouns or adjectives ("ally", "fly"). */
const MIN_ADVERB_LENGTH = 5;

/** Whether a token is an adverb in "-ly" written in lower case ("flatly"), not a noun or adjective of the form ("family"). */
function isLyAdverb(tokens: Tokens, at: number): boolean {
  const word = tokens.lower[at]!;
  return tokens.kinds[at] === TokenKind.Word && !isCapitalized(tokens, at) && word.length >= MIN_ADVERB_LENGTH && word.endsWith('ly') && !LY_NOT_VERB_MODIFIERS.has(word);
}

/**
 * "Mr. Ortiz defiantly | told …", "The panel however | said": an adverb ending a source before its cue modifies the
 * verb, not the speaker. Limit: not inside a relative clause ("who has long"), where the source is broken anyway.
 */
function cutSourceAdverb(tokens: Tokens, draft: DraftStatement): DraftStatement {
  const [first, last] = draft.sourceTokens!;
  if (last === first || !(isLyAdverb(tokens, last) || tokens.lower[last] === 'however')) return draft;
  for (let at = first; at < last; at++) if (RELATIVE_PRONOUNS.has(tokens.lower[at]!)) return draft;
  return withSourceTokens(tokens, draft, first, last - 1);
}

/** Contracted verbs written onto a pronoun's token ("they’re", "I'll", "we've"); "'s" is a token of its own. */
const VERB_CLITIC = /[’'](?:re|ve|ll|m|d)$/;

/**
 * "They’re | convinced that …": a contracted verb on the source's last word is the verb's, not the speaker's; the
 * source ends before the apostrophe. Limit: the token stays whole in `sourceTokens` (and out of `cueTokens`).
 */
function cutVerbClitic(tokens: Tokens, draft: DraftStatement): DraftStatement {
  const last = draft.sourceTokens![1];
  const clitic = VERB_CLITIC.exec(tokens.lower[last]!);
  if (clitic === null || clitic.index === 0 || draft.source === null) return draft;
  const apostrophe = tokens.starts[last]! + clitic.index;
  const source = makeSpan(tokens.text, draft.source.start, apostrophe);
  // Right before the cue, the contracted verb opens it ("’re convinced"), as PolNeAR marks it.
  if (draft.cue === null || draft.cueTokens![0] !== last + 1) return { ...draft, source };
  return { ...draft, source, cue: { ...draft.cue, ...makeSpan(tokens.text, apostrophe, draft.cue.end) } };
}

/** "Ortiz flatly | denied": a "-ly" adverb cut from the source right before the cue opens the cue, as PolNeAR marks it. */
function adverbIntoCue(tokens: Tokens, before: DraftStatement, after: DraftStatement): DraftStatement {
  const adverb = after.sourceTokens![1] + 1;
  if (after.cue === null || adverb !== after.cueTokens![0] - 1 || before.sourceTokens![1] < adverb || !isLyAdverb(tokens, adverb)) return after;
  const cue = { ...after.cue, ...makeSpan(tokens.text, tokens.starts[adverb]!, after.cue.end) };
  return { ...after, cue, cueTokens: [adverb, after.cueTokens![1]] };
}
