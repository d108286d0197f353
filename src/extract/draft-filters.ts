import { CUE_VERBS, INFERENCE_HEDGES, NAMING_PARTICIPLES, UTTERANCE_STANCES } from '../lexicon/cues.js';
import { ARTICLES, PRONOUNS } from '../lexicon/pronouns.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import { type Draft, firstTokenOf, holdsCueVerb, lastTokenOf, onlyPunctuationBetween, removeMerged, spanWith } from './drafts.js';

/** Rules that drop or merge whole drafts: cue-less words, scare quotes, anonymity requests, hedged inferences. */

/**
 * "“…,” said Ada Holm, who runs the depot and has backed the plan. “…”": a statement the tagger read in the
 * appositive after a quotation's inverted speaker (no quotation of its own, in the same sentence, after the quoted
 * statement's source) is no speaker's turn; the next quotation continues the quoted statement before it.
 */
function isAppositiveTail(tokens: Tokens, quoted: Draft, tail: Draft): boolean {
  if (quoted.cue === null || quoted.source === null || quoted.source.first < quoted.cue.first) return false;
  if (!quoted.pieces.some((piece) => tokens.kinds[piece.first] === TokenKind.Quote)) return false;
  if (tail.pieces.some((piece) => tokens.kinds[piece.first] === TokenKind.Quote || tokens.kinds[piece.last] === TokenKind.Quote)) return false;
  const firstOfTail = firstTokenOf(tail);
  return firstOfTail > quoted.source.last && tokens.sentence[firstOfTail] === tokens.sentence[quoted.source.last];
}

/**
 * A quotation with no cue of its own that directly follows an attributed quotation (“Here he is,” she said. “Come
 * in.”), or directly precedes one, continues that utterance: it becomes another piece of it. Sorted drafts, one pass.
 */
export function mergeUnattributedQuotes(tokens: Tokens, drafts: Draft[]): void {
  // Merged drafts are dropped in one pass at the end (splicing inside the loop would be quadratic).
  const merged = new Set<Draft>();
  let previousKept: Draft | undefined;
  let keptBefore: Draft | undefined;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    if (index > 0 && !merged.has(drafts[index - 1]!)) {
      keptBefore = previousKept;
      previousKept = drafts[index - 1];
    }
    if (draft.cue !== null || draft.pieces.length !== 1) continue;
    const previous = previousKept !== undefined && keptBefore !== undefined && isAppositiveTail(tokens, keptBefore, previousKept) ? keptBefore : previousKept;
    const next = index + 1 < drafts.length ? drafts[index + 1]! : undefined;
    const piece = draft.pieces[0]!;
    // "she said of the election, in which …. “In my head, anyway.”" — by newsroom convention a quotation that follows
    // an attributed quotation in the same paragraph, with no other statement between, is the same speaker's.
    const previousQuoted = previous !== undefined && previous.pieces.some((before) => tokens.kinds[before.first] === TokenKind.Quote);
    const trailingWords = previousQuoted ? Number.MAX_SAFE_INTEGER : 3;
    // Past other words, only a quotation that opens its sentence is a speaker's next turn: one inside the outlet's
    // sentence is a title or a scare quote (“… on the radio show “Harbour Hour.””).
    const opensSentence = tokens.sentenceStarts[tokens.sentence[piece.first]!] === piece.first || onlyPunctuationBetween(tokens, lastTokenOf(previous ?? draft), piece.first, 3, 0);
    if (previous?.cue != null && opensSentence && onlyPunctuationBetween(tokens, lastTokenOf(previous), piece.first, trailingWords, previousQuoted ? 1 : 0) && tokens.kinds[piece.first] === TokenKind.Quote) {
      // "He addressed Trump: “…”" — after a colon the quotation is what was said; an unquoted object before it is not.
      const colon = piece.first > 0 && tokens.lower[piece.first - 1] === ':';
      const quotedBefore = previous.pieces.some((before) => tokens.kinds[before.first] === TokenKind.Quote || tokens.kinds[before.last] === TokenKind.Quote);
      if (colon && !quotedBefore) previous.pieces = [piece];
      else previous.pieces.push(piece);
      merged.add(draft);
    } else if (next?.cue != null && next.pieces[0]!.first > piece.last && next.pieces[0]!.first < next.cue.first && onlyPunctuationBetween(tokens, piece.last, next.pieces[0]!.first, 0, 1) && tokens.kinds[next.pieces[0]!.first] === TokenKind.Quote) {
      next.pieces.unshift(piece);
      merged.add(draft);
    }
  }
  removeMerged(drafts, merged);
}

/** Longest cue-less quotation inside a sentence taken for a title or scare quote (a longer one may be an unattributed report). */
const MAX_SCARE_QUOTE_WORDS = 8;

/**
 * A quotation nobody is said to have said, inside the outlet's own sentence (not opening it, not after a colon), is a
 * title or a scare quote (the film “Salt Roads.”, a so-called ''reform''), not a statement.
 */
export function dropScareQuotes(tokens: Tokens, drafts: Draft[]): void {
  const dropped = new Set<Draft>();
  for (const draft of drafts) {
    if (draft.cue !== null || draft.pieces.length !== 1) continue;
    const piece = draft.pieces[0]!;
    const sentenceFirst = tokens.sentenceStarts[tokens.sentence[piece.first]!]!;
    if (piece.first === sentenceFirst || tokens.lower[piece.first - 1] === ':' || tokens.breaksBefore[piece.first]! > 0) continue;
    let words = 0;
    for (let index = piece.first; index <= piece.last && words <= MAX_SCARE_QUOTE_WORDS; index++) if (tokens.kinds[index] === TokenKind.Word || tokens.kinds[index] === TokenKind.Number) words++;
    if (words <= MAX_SCARE_QUOTE_WORDS) dropped.add(draft);
  }
  removeMerged(drafts, dropped);
}

/**
 * "…, asking not to be named": a condition of the report, not something the source said. Drops those drafts in place.
 * "A doctor at the hospital, who asked not to be identified, said …": the noun phrase that opens the sentence before
 * ", who" becomes the source of the next statement when it has none (at most eight words, no punctuation).
 */
export function removeAnonymityRequests(tokens: Tokens, drafts: Draft[]): void {
  const dropped = new Set<Draft>();
  drafts.forEach((draft, index) => {
    const first = draft.pieces[0]!.first;
    if (draft.pieces.length !== 1 || tokens.lower[first] !== 'not' || tokens.lower[first + 1] !== 'to' || tokens.lower[first + 2] !== 'be' || !NAMING_PARTICIPLES.has(tokens.lower[first + 3] ?? '')) return;
    // Replaced in place: the loop reads each index once, and the replacement is no request.
    const reported = reportAfterAnonymityRequest(tokens, draft);
    if (reported !== null) {
      drafts[index] = reported;
      return;
    }
    dropped.add(draft);
    const next = drafts[index + 1];
    const relative = draft.source;
    if (next === undefined || next.source !== null || next.cue === null || relative === null || relative.first !== relative.last) return;
    if (tokens.lower[relative.first] !== 'who' || tokens.lower[relative.first - 1] !== ',' || tokens.sentence[next.cue.first] !== tokens.sentence[relative.first]) return;
    const sentenceFirst = tokens.sentenceStarts[tokens.sentence[relative.first]!]!;
    const last = relative.first - 2;
    if (last < sentenceFirst || last - sentenceFirst >= 8) return;
    for (let at = sentenceFirst; at <= last; at++) if (tokens.kinds[at] !== TokenKind.Word) return;
    next.source = { type: 'source', first: sentenceFirst, last };
  });
  removeMerged(drafts, dropped);
}

/** How far past "not to be named" the tagger's content may run to the real reporting verb ("… because she feared for her job said"). */
const MAX_REQUEST_TAIL = 16;

/**
 * "A nurse who asked not to be named said morale was low": without commas the tagger reads one statement, cue "asked",
 * source "A nurse who", content running on over "said". The statement is the one after the first utterance verb in
 * that content (within a bounded window) not right after a subject pronoun, its source the phrase before "who"; null
 * when the draft is not so shaped.
 */
function reportAfterAnonymityRequest(tokens: Tokens, draft: Draft): Draft | null {
  const piece = draft.pieces[0]!;
  const source = draft.source;
  if (source === null || source.first >= source.last || tokens.lower[source.last] !== 'who' || tokens.kinds[source.last - 1] !== TokenKind.Word) return null;
  const limit = Math.min(piece.last - 1, piece.first + 4 + MAX_REQUEST_TAIL);
  for (let at = piece.first + 4; at <= limit; at++) {
    if (tokens.kinds[at] !== TokenKind.Word) return null;
    const entry = CUE_VERBS.get(tokens.lower[at]!);
    // "because she feared …": a verb right after a subject pronoun belongs to a clause inside the request.
    if (entry === undefined || !UTTERANCE_STANCES.has(entry.stance) || PRONOUNS.get(tokens.lower[at - 1]!)?.subject === true) continue;
    return { cue: { type: 'cue', first: at, last: at }, source: { type: 'source', first: source.first, last: source.last - 1 }, pieces: [spanWith(piece, at + 1, piece.last)] };
  }
  return null;
}

/**
 * "X revealed that Y apologized and denied Z": a sourceless cue joined by "and" right after a that-clause continues
 * that clause (Y denied), so its words join the clause instead of becoming X's statement. Known limit: the reading
 * where X did both ("X said that … and denied …") is the rarer one in news and is not produced.
 */
export function mergeCoordinatedComplements(tokens: Tokens, drafts: Draft[]): void {
  const merged = new Set<Draft>();
  let previous = drafts[0];
  for (let index = 1; index < drafts.length; index++, previous = merged.has(drafts[index - 1]!) ? previous : drafts[index - 1]) {
    const draft = drafts[index]!;
    if (previous === undefined) continue;
    if (draft.source !== null || draft.cue === null || previous.cue === null || draft.pieces.length !== 1) continue;
    const clause = previous.pieces[previous.pieces.length - 1]!;
    const conjunction = draft.cue.first - 1;
    if (conjunction !== clause.last + 1 || (tokens.lower[conjunction] !== 'and' && tokens.lower[conjunction] !== 'but')) continue;
    if (tokens.lower[clause.first] !== 'that' || clause.first < previous.cue.last) continue;
    const following = draft.pieces[0]!;
    if (following.first <= draft.cue.last) continue;
    previous.pieces[previous.pieces.length - 1] = { type: 'content', first: clause.first, last: following.last };
    merged.add(draft);
  }
  removeMerged(drafts, merged);
}

/** Words that are never a cue on their own (prepositions, articles, bare forms of "be" and "have", modals): a statement the tagger hung on one of them is its misreading. */
const FUNCTION_WORD_CUES = new Set(['to', 'of', 'about', 'for', 'from', 'with', 'on', 'in', 'at', 'by', 'as', 'and', 'or', 'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', 'have', 'had', "aren't", "isn't", "wasn't", 'would', 'could', 'should', 'will', 'can', 'may', 'might', 'must']);

/** A draft whose whole cue is one function word ("… the editor | of | a science blog"). */
export function isFunctionWordCue(tokens: Tokens, draft: Draft): boolean {
  return draft.cue !== null && draft.cue.first === draft.cue.last && FUNCTION_WORD_CUES.has(tokens.lower[draft.cue.first]!);
}

/** Words before "show" that make it a programme ("a reality show", "his weekly show"), not a verb of evidence ("polls show"). */
const PROGRAMME_MODIFIERS = new Set(['tv', 'television', 'reality', 'talk', 'radio', 'cooking', 'comedy', 'variety', 'weekly', 'daily', 'nightly', 'morning', 'evening', 'late-night', 'music', 'favorite', 'favourite', 'cable', 'his', 'her', 'their', 'its', 'my', 'your', 'our']);

/** Removes in place, in one pass, the drafts `reportsNothing` picks. */
export function dropDrafts(tokens: Tokens, drafts: Draft[], reportsNothing: (tokens: Tokens, draft: Draft) => boolean): void {
  let write = 0;
  for (const draft of drafts) if (!reportsNothing(tokens, draft)) drafts[write++] = draft;
  drafts.length = write;
}

/** "the reality TV | show | “Salt Roads”", "Ortiz's show ran for years": a statement hung on "show" naming a programme. */
function isProgrammeShow(tokens: Tokens, draft: Draft): boolean {
  const cue = draft.cue;
  if (cue === null || cue.first !== cue.last || cue.first === 0) return false;
  const word = tokens.lower[cue.first]!;
  if (word !== 'show' && word !== 'shows') return false;
  const before = tokens.lower[cue.first - 1]!;
  return PROGRAMME_MODIFIERS.has(before) || before.endsWith("'s") || before.endsWith('’s');
}

/** Words that open a relative clause as its subject or object ("who", "what", "whom"). */
const RELATIVE_WH_WORDS = new Set(['what', 'who', 'whom', 'whatever', 'whoever']);

/**
 * "Because what Ortiz says is taken as fact …", "Voss, whom he criticized, …": a content that is only the wh-word,
 * before its cue, opens a relative clause about something else; it reports nothing.
 */
function isLoneRelativeWord(tokens: Tokens, draft: Draft): boolean {
  if (draft.cue === null || draft.pieces.length !== 1) return false;
  const piece = draft.pieces[0]!;
  if (piece.last >= draft.cue.first) return false;
  let last = piece.last;
  while (last > piece.first && tokens.kinds[last] === TokenKind.Punct) last--;
  return last === piece.first && RELATIVE_WH_WORDS.has(tokens.lower[piece.first]!);
}

/** "Ada Holm reported from Selin.": "reported from" a place credits where a journalist worked; it reports nothing. */
function isReportedFrom(tokens: Tokens, draft: Draft): boolean {
  const cue = draft.cue;
  if (cue === null || draft.pieces.length !== 1 || draft.pieces[0]!.first <= cue.last || tokens.lower[cue.last + 1] !== 'from') return false;
  return tokens.lower[cue.last] === 'reported' || tokens.lower[cue.last] === 'reporting';
}

/** Interface verbs ("click “Sign up”", "tap the link"): instructions to the reader, never a report. */
const INTERFACE_VERBS = new Set(['click', 'clicking', 'clicked', 'tap', 'tapping', 'tapped']);

/** A draft whose whole cue is an interface verb ("… and | click | “subscribe.”"). */
function isInterfaceCue(tokens: Tokens, draft: Draft): boolean {
  return draft.cue !== null && draft.cue.first === draft.cue.last && INTERFACE_VERBS.has(tokens.lower[draft.cue.first]!);
}

const REFLEXIVES = new Set(['himself', 'herself', 'itself', 'themselves', 'myself', 'ourselves', 'yourself', 'yourselves']);

const FIND_FORMS = new Set(['find', 'finds', 'found', 'finding']);

/** "Ortiz found himself on the defensive": "find" with a reflexive object says where someone ended up, not what was found. */
function isReflexiveFind(tokens: Tokens, draft: Draft): boolean {
  const cue = draft.cue;
  if (cue === null || !FIND_FORMS.has(tokens.lower[cue.last]!)) return false;
  const piece = draft.pieces[draft.pieces.length - 1]!;
  return piece.first > cue.last && REFLEXIVES.has(tokens.lower[piece.first]!);
}

/** Statements that report nothing, whatever the tagger read: a programme "show", a reader's "click", "found himself". */
export function isNoReport(tokens: Tokens, draft: Draft): boolean {
  return isProgrammeShow(tokens, draft) || isInterfaceCue(tokens, draft) || isReflexiveFind(tokens, draft);
}

/** Longest clause read as the relative clause of a noun cue ("a claim the association denied"). */
const MAX_NOUN_RELATIVE_WORDS = 8;

/**
 * "…, a claim the association denied": a noun cue after an article, then a clause that ends in a reporting verb missing
 * its object, is a relative clause about the noun (the denial's object is the claim), not the claim's content.
 * Limit: a claim whose content itself ends in such a verb ("the claim that voters denied") goes too; it is rare.
 */
function isNounCueRelative(tokens: Tokens, draft: Draft): boolean {
  const cue = draft.cue;
  if (cue === null || cue.first !== cue.last || !ARTICLES.has(tokens.lower[cue.first - 1] ?? '') || draft.pieces.length !== 1) return false;
  // No source, or the article itself taken for one.
  if (draft.source !== null && !(draft.source.first === draft.source.last && draft.source.last + 1 === cue.first)) return false;
  const piece = draft.pieces[0]!;
  if (piece.first !== cue.last + 1 || piece.last - piece.first >= MAX_NOUN_RELATIVE_WORDS || !holdsCueVerb(tokens, piece.last, piece.last)) return false;
  const after = tokens.lower[piece.last + 1] ?? '.';
  return tokens.kinds[piece.last + 1] !== TokenKind.Word || after === 'and' || after === 'but';
}

/** Verbs of speaking whose object may be only the audience or the occasion ("spoke to reporters in parliament"). */
const SPEAKING_VERBS = new Set(['spoke', 'speak', 'speaks', 'speaking', 'talked', 'talk', 'talks', 'talking']);
/** Prepositions that name who was spoken to or where ("to reporters", "with the BBC", "at a rally", "before the committee"). */
const AUDIENCE_PREPOSITIONS = new Set(['to', 'with', 'at', 'before']);
/** Words that bring a topic after the audience ("spoke to reporters about the budget"): then something was said. */
const TOPIC_WORDS = new Set(['about', 'of', 'on', 'that', 'regarding']);
/** Longest audience phrase read as no report. */
const MAX_AUDIENCE_WORDS = 8;

/** "…, who spoke to reporters in parliament, …": speaking to an audience with no topic or clause reports nothing. */
function isAudienceOnly(tokens: Tokens, draft: Draft): boolean {
  const cue = draft.cue;
  if (cue === null || cue.first !== cue.last || !SPEAKING_VERBS.has(tokens.lower[cue.first]!) || draft.pieces.length !== 1) return false;
  const piece = draft.pieces[0]!;
  if (piece.first !== cue.last + 1 || !AUDIENCE_PREPOSITIONS.has(tokens.lower[piece.first]!) || piece.last - piece.first >= MAX_AUDIENCE_WORDS) return false;
  for (let at = piece.first; at <= piece.last; at++) if (TOPIC_WORDS.has(tokens.lower[at]!) || tokens.kinds[at] === TokenKind.Quote) return false;
  return true;
}

/** After content boundaries settle: a lone relative word as content, "reported from" a place, a noun cue's relative clause, an audience only. */
export function isNoReportAfterBoundaries(tokens: Tokens, draft: Draft): boolean {
  return isLoneRelativeWord(tokens, draft) || isReportedFrom(tokens, draft) || isNounCueRelative(tokens, draft) || isAudienceOnly(tokens, draft);
}

/**
 * "…, likely referring to the meeting": the outlet's hedged reading read by the tagger as a statement of its own (the
 * hedge as its source, the participle as its cue) is nobody's statement; such drafts go.
 */
export function dropHedgedInferences(tokens: Tokens, drafts: Draft[]): void {
  const dropped = new Set<Draft>();
  for (const draft of drafts) {
    const cue = draft.cue;
    if (cue === null || !tokens.lower[cue.first]!.endsWith('ing')) continue;
    const hedge = draft.source !== null && draft.source.first === draft.source.last && draft.source.last + 1 === cue.first ? draft.source.first : cue.first - 1;
    if (hedge < 1 || !INFERENCE_HEDGES.has(tokens.lower[hedge]!) || tokens.lower[hedge - 1] !== ',') continue;
    if (draft.source !== null && draft.source.first !== hedge) continue;
    dropped.add(draft);
  }
  removeMerged(drafts, dropped);
}
