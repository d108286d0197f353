import { ARTICLES_AND_POSSESSIVES, POSSESSIVE_DETERMINERS } from '../lexicon/pronouns.js';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../lexicon/given-names.js';
import { MEDIA_SUFFIXES, MEDIA_WORDS } from '../lexicon/titles.js';
import { DOCUMENT_NOUNS, relayRoleByHead, RELAY_BACK_REFERENCES, RELAY_DESCRIPTORS, RELAY_PHRASES, type RelayPhrase } from '../lexicon/relays.js';
import { lowerBound, makeSpan, overlaps } from '../model/span.js';
import type { Relay } from '../model/types.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import { mayBeKey, SHAPE_TABLE_SIZE, shapesOf, textMayBeKey } from '../text/word-shapes.js';
import type { QuotationResult } from './quotations.js';
import type { DraftStatement } from './statements.js';

interface FoundRelay {
  readonly relay: Relay;
  order: number;
  /** Token range of the phrase and the name, so a statement built on the phrase itself can be recognised. */
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
}

const PHRASES_BY_FIRST_WORD = new Map<string, RelayPhrase[]>();
for (const phrase of RELAY_PHRASES) {
  const list = PHRASES_BY_FIRST_WORD.get(phrase.words[0]!) ?? [];
  list.push(phrase);
  PHRASES_BY_FIRST_WORD.set(phrase.words[0]!, list);
}
/** Shapes of the phrases' first words: most tokens are ruled out before the Map hashes their string. */
const FIRST_WORD_SHAPES = shapesOf(PHRASES_BY_FIRST_WORD.keys());
// The words the token scan acts on (phrase starts and "the"), by shape read from the text: most tokens' strings stay
// untouched. Exact for ASCII words only (see word-shapes.ts): a non-ASCII one lets every token through.
const SCAN_WORDS = [...PHRASES_BY_FIRST_WORD.keys(), 'the'];
const SCAN_SHAPES = SCAN_WORDS.every((word) => /^[\x00-\x7f]*$/.test(word)) ? shapesOf(SCAN_WORDS) : new Int32Array(SHAPE_TABLE_SIZE).fill(-1);

function isCapitalized(tokens: Tokens, index: number): boolean {
  if (tokens.kinds[index] !== TokenKind.Word && tokens.kinds[index] !== TokenKind.Number) return false;
  const code = tokens.text.charCodeAt(tokens.starts[index]!);
  const char = tokens.text[tokens.starts[index]!] ?? '';
  return (code >= 65 && code <= 90) || (code > 127 && char !== char.toLowerCase());
}

const NAME_CONNECTORS = new Set(['of', 'de', 'al', 'bin', 'von', 'van', 'der', '-', '&', 'and']);

/** The relay's name after a phrase: a capitalised run, or the words of a quotation (“Pool Pervogo”). */
function readName(tokens: Tokens, from: number, sentenceEnd: number, quotations: QuotationResult): [number, number] | null {
  let index = from;
  while (index < sentenceEnd && RELAY_DESCRIPTORS.has(tokens.lower[index]!) && !isCapitalizedName(tokens, index, sentenceEnd)) index++;
  // "according to state media", "citing the channel": descriptors with no name after them are the relay as written.
  // Not the speaker's own outlet ("posted on its website"): that adds no step to the chain.
  const described = (): [number, number] | null =>
    index > from && !ARTICLES_AND_POSSESSIVES.has(tokens.lower[index - 1]!) && !POSSESSIVE_DETERMINERS.has(tokens.lower[from]!) ? [from, index - 1] : null;
  if (index >= sentenceEnd) return described();
  if (tokens.kinds[index] === TokenKind.Punct) return described();
  // "according to a statement posted on its website": a document named by its kind.
  if (DOCUMENT_NOUNS.has(tokens.lower[index]!) && index > from) return [from, index];
  if (tokens.kinds[index] === TokenKind.Quote) {
    const quotation = quotations.quotations[quotations.tokenQuotation[index]!];
    if (quotation === undefined || quotation.openToken !== index) return null;
    let last = quotation.closeToken - 1;
    while (last > index && tokens.kinds[last] === TokenKind.Punct) last--;
    return last > index && last - index <= 8 ? [index + 1, last] : null;
  }
  if (!isCapitalized(tokens, index)) return described();
  let last = index;
  while (last + 1 < sentenceEnd) {
    if (isCapitalized(tokens, last + 1) && tokens.lower[last + 1] !== '’s') {
      last++;
    } else if (NAME_CONNECTORS.has(tokens.lower[last + 1]!) && last + 2 < sentenceEnd && isCapitalized(tokens, last + 2) && tokens.lower[last + 1] !== 'and') {
      last += 2;
    } else break;
  }
  return [index, last];
}

function isCapitalizedName(tokens: Tokens, index: number, sentenceEnd: number): boolean {
  // "US" or "State" in descriptor position is part of a name when another capitalised word follows.
  return isCapitalized(tokens, index) && index + 1 < sentenceEnd && isCapitalized(tokens, index + 1) && tokens.lower[index] !== 'the';
}

function matchPhrase(tokens: Tokens, index: number, sentenceEnd: number): RelayPhrase | null {
  const word = tokens.lower[index]!;
  const candidates = mayBeKey(FIRST_WORD_SHAPES, word) ? PHRASES_BY_FIRST_WORD.get(word) : undefined;
  if (candidates === undefined) return null;
  let best: RelayPhrase | null = null;
  for (const phrase of candidates) {
    if (index + phrase.words.length > sentenceEnd) continue;
    if (phrase.words.every((word, offset) => tokens.lower[index + offset] === word) && (best === null || phrase.words.length > best.words.length)) best = phrase;
  }
  return best;
}

/** Tokens on either side of a cue within which relays and earlier cues of its sentence are looked for. */
const RELAY_WINDOW = 80;

/** Whether a statement with a real cue (not "according to") comes shortly before `cueStart` in the same sentence. */
function hasEarlierCue(drafts: readonly DraftStatement[], index: number, cueStart: number, sentence: number, tokens: Tokens): boolean {
  for (let other = index - 1, seen = 0; other >= 0 && seen < 16; other--, seen++) {
    const cue = drafts[other]!.cueTokens;
    if (cue === null) continue;
    if (cue[1] < cueStart - RELAY_WINDOW || tokens.sentence[cue[0]] !== sentence) return false;
    if (cue[1] < cueStart && drafts[other]!.cue?.lemma !== 'according to') return true;
  }
  return false;
}

/** "…, citing the council's own figures": a citing participle whose content runs past the name it cites reports what was cited. */
function citesMoreThanName(tokens: Tokens, draft: DraftStatement, relay: FoundRelay): boolean {
  if (tokens.lower[relay.first] !== 'citing') return false;
  const pieces = draft.contentTokens;
  return pieces.length > 0 && pieces[pieces.length - 1]![1] > relay.last + 1;
}

/**
 * "As reported by the Herald, the port will close.": a relay phrase opening with "as" that begins its sentence and ends
 * at a comma, its name the statement's source, with no other statement cued in the sentence, is the outlet's own report
 * of the clause after it (PolNeAR marks it so). Limit: with another cue there ("As reported by the Herald, Ortiz said
 * …") the outlet stays a relay of that cue's statement.
 */
function opensAsReport(tokens: Tokens, drafts: readonly DraftStatement[], index: number, relay: FoundRelay): boolean {
  const source = drafts[index]!.sourceTokens;
  if (tokens.lower[relay.first] !== 'as' || tokens.lower[relay.last + 1] !== ',' || source === null || source[0] < relay.first || source[1] > relay.last) return false;
  if (relay.first !== tokens.sentenceStarts[relay.sentence] && !(relay.first > 0 && (tokens.lower[relay.first - 1] === '-' || tokens.lower[relay.first - 1] === '—' || tokens.lower[relay.first - 1] === '–'))) return false;
  const sameSentence = (other: DraftStatement | undefined): boolean => other?.cueTokens != null && tokens.sentence[other.cueTokens[0]] === relay.sentence;
  return !sameSentence(drafts[index - 1]) && !sameSentence(drafts[index + 1]);
}

const AUTHOR_PREPOSITIONS = new Set(['from', 'by']);

/**
 * "according to a Selin Herald tally", "according to Harbour Board records": a relay name followed by a word (not a comma or
 * "from"/"by") modifies the noun after it; that noun phrase is the source, whole. Limit: a name running on without
 * punctuation into a new subject ("cited by Iron Ledger General Voss") is then kept whole too.
 */
function modifiesNounAfter(tokens: Tokens, nameLast: number): boolean {
  const next = nameLast + 1;
  return next < tokens.count && tokens.kinds[next] === TokenKind.Word && !AUTHOR_PREPOSITIONS.has(tokens.lower[next]!) && !isCapitalized(tokens, next);
}

/** The draft with its source starting after a relay phrase or name it opens with (and a comma), when some word is left. */
function withoutLeadingRelay(tokens: Tokens, draft: DraftStatement, relays: readonly FoundRelay[]): DraftStatement {
  const sourceTokens = draft.sourceTokens;
  if (sourceTokens === null) return draft;
  // The tagger may begin the source at the phrase ("cited by Iron Ledger, …") or at the relay's name ("Iron Ledger, …").
  const leading = relays.find((relay) => relay.first <= sourceTokens[0] && sourceTokens[0] <= relay.last && relay.last < sourceTokens[1]);
  if (leading === undefined || modifiesNounAfter(tokens, leading.last)) return draft;
  let first = leading.last + 1;
  while (first <= sourceTokens[1] && tokens.kinds[first] === TokenKind.Punct) first++;
  // "according to a statement from the union": the document's author, after "from" or "by", is the speaker.
  if (first < sourceTokens[1] && AUTHOR_PREPOSITIONS.has(tokens.lower[first]!)) first++;
  if (first > sourceTokens[1]) return draft;
  const [start, end] = [tokens.starts[first]!, tokens.ends[sourceTokens[1]]!];
  return { ...draft, source: makeSpan(tokens.text, start, end), sourceTokens: [first, sourceTokens[1]] };
}

export interface RelayResult {
  /** Statements left after removing those that were only a relay phrase ("cited by X" read as a statement). */
  readonly drafts: readonly DraftStatement[];
  /** Relay chain of each remaining statement, innermost first. */
  readonly via: ReadonlyArray<readonly Relay[]>;
}

/** Most tokens between a relay and a "cited by" phrase that cites it ("according to a statement, cited by …"). */
const MAX_CITED_GAP = 2;

/**
 * "according to a statement cited by the agency SNA": what a "cited by" relay directly follows is what it cites, so it
 * sits inside it in the chain, whatever the phrases' usual order (an "according to" relay is otherwise outermost).
 */
function citedInOrder(tokens: Tokens, found: FoundRelay[]): void {
  for (let index = 0; index + 1 < found.length; index++) {
    const cited = found[index]!;
    const citing = found[index + 1]!;
    if (citing.relay.role !== 'relay' || citing.sentence !== cited.sentence || citing.first - cited.last > MAX_CITED_GAP || cited.order <= citing.order) continue;
    if (tokens.lower[citing.first] !== 'cited' && tokens.lower[citing.first] !== 'quoted') continue;
    cited.order = citing.order - 0.5;
  }
}

/**
 * Finds relay phrases (in an interview with X, cited by X, according to X, told X, in a post on X) in each sentence
 * outside quotations, and gives every statement cued in that sentence its chain, innermost first. "according to X"
 * is a relay only when the statement names another source. A later statement that refers back to "the interview"
 * inherits the most recent chain that had one. Linear: one scan of the tokens, phrase lookup by first word.
 */
/**
 * "Judge Lee told Raymond Bellweather that …": a person told by name, with no descriptor such as "blogger" before the
 * name, is the one addressed, not an interviewer relaying the words. Read by the first name being a given name.
 */
function isPersonTold(tokens: Tokens, phrase: RelayPhrase, index: number, nameFirst: number): boolean {
  if (phrase.words.length !== 1 || phrase.words[0] !== 'told' || nameFirst !== index + 1) return false;
  const word = tokens.lower[nameFirst]!;
  return FEMALE_GIVEN_NAMES.has(word) || MALE_GIVEN_NAMES.has(word);
}

/** Lemmas of the verbs an outlet reports with ("the agency reported", "the paper said", "the daily wrote"). */
const OUTLET_REPORT_LEMMAS = new Set(['report', 'say', 'write']);

/**
 * "Rehn said …, the state news agency VNA reported on Sunday.": a report whose source names an outlet (a media word in
 * it, or a name ending in one such as "Herald"), set off by a comma after another statement of its sentence, with no
 * content before its cue: the outlet is a relay of that statement. Keyed by draft index; each value is the relay found.
 */
function closingOutletReports(tokens: Tokens, drafts: readonly DraftStatement[]): Map<number, FoundRelay> {
  const reports = new Map<number, FoundRelay>();
  drafts.forEach((draft, index) => {
    const source = draft.sourceTokens;
    const cue = draft.cueTokens;
    if (source === null || cue === null || draft.source === null || draft.cue === null || !OUTLET_REPORT_LEMMAS.has(draft.cue.lemma)) return;
    if (source[1] >= cue[0] || tokens.lower[source[0] - 1] !== ',' || draft.contentTokens.some((piece) => piece[0] < cue[0])) return;
    const previous = drafts[index - 1];
    const sentence = tokens.sentence[cue[0]]!;
    if (previous?.cueTokens == null || tokens.sentence[previous.cueTokens[0]] !== sentence || previous.cueTokens[1] >= source[0]) return;
    if (!namesOutlet(tokens, source[0], source[1])) return;
    // The relay's name is the name after its descriptors ("the state news agency VNA" → "VNA"), else the phrase.
    let name = source[0];
    while (name < source[1] && RELAY_DESCRIPTORS.has(tokens.lower[name]!) && !isCapitalized(tokens, name)) name++;
    const relayName = isCapitalized(tokens, name) ? tokens.text.slice(tokens.starts[name]!, tokens.ends[source[1]]!) : draft.source.text;
    reports.set(index, { relay: { ...draft.source, name: relayName, role: 'relay' }, order: 2, first: source[0], last: cue[1], sentence });
  });
  return reports;
}

/** Whether tokens [first, last] name an outlet: a media word among them, or a capitalized last word such as "Herald". */
function namesOutlet(tokens: Tokens, first: number, last: number): boolean {
  for (let at = first; at <= last; at++) if (MEDIA_WORDS.has(tokens.lower[at]!)) return true;
  return isCapitalized(tokens, last) && last > first && MEDIA_SUFFIXES.has(tokens.lower[last]!);
}

export function findRelays(input: { tokens: Tokens; drafts: readonly DraftStatement[]; quotations: QuotationResult }): RelayResult {
  const { tokens, drafts, quotations } = input;
  const found: FoundRelay[] = [];
  /** Descriptor word → the name it last introduced ("channel" → "Iron Ledger"), for later "the channel". */
  const namedBy = new Map<string, string>();
  const backReferenceSentences = new Set<number>();
  const { text, starts, ends, sentenceStarts } = tokens;
  const { tokenQuotation } = quotations;
  for (let sentenceIndex = 0; sentenceIndex + 1 < sentenceStarts.length; sentenceIndex++) {
    const first = sentenceStarts[sentenceIndex]!;
    const end = sentenceStarts[sentenceIndex + 1]!;
    for (let index = first; index < end; index++) {
      if (tokenQuotation[index]! >= 0 || !textMayBeKey(SCAN_SHAPES, text, starts[index]!, ends[index]!)) continue;
      if (tokens.lower[index] === 'the' && index + 1 < end && RELAY_BACK_REFERENCES.has(tokens.lower[index + 1]!)) backReferenceSentences.add(sentenceIndex);
      const phrase = matchPhrase(tokens, index, end);
      if (phrase === null) continue;
      const name = readName(tokens, index + phrase.words.length, end, quotations);
      if (name === null || isPersonTold(tokens, phrase, index, name[0])) continue;
      const span = makeSpan(tokens.text, tokens.starts[name[0]]!, tokens.ends[name[1]]!);
      const role = relayRoleByHead(tokens.lower[name[1]]!, phrase.role);
      // "according to the channel" after "the Telegram channel “Iron Ledger”": the described relay is the one named before.
      let relayName = span.text;
      let describedOnly = true;
      for (let at = name[0]; at <= name[1] && describedOnly; at++) if (!RELAY_DESCRIPTORS.has(tokens.lower[at]!)) describedOnly = false;
      if (describedOnly) relayName = namedBy.get(tokens.lower[name[1]]!) ?? relayName;
      else for (let at = index + phrase.words.length; at < name[0]; at++) if (!ARTICLES_AND_POSSESSIVES.has(tokens.lower[at]!)) namedBy.set(tokens.lower[at]!, span.text);
      found.push({ relay: { ...span, name: relayName, role }, order: phrase.order, first: index, last: name[1], sentence: sentenceIndex });
      index = name[1];
    }
  }

  citedInOrder(tokens, found);
  // "…, the state news agency VNA reported, citing the interview.": an outlet's closing report is a relay of the
  // statements before it in its sentence, not a statement of its own.
  const closingReports = closingOutletReports(tokens, drafts);
  if (closingReports.size > 0) {
    for (const relay of closingReports.values()) found.push(relay);
    found.sort((a, b) => a.first - b.first);
  }

  const kept: DraftStatement[] = [];
  const via: Relay[][] = [];
  let lastInterviewChain: Relay[] | null = null;
  // A relay seen before with relays inside it ("the interview, cited by Pool Pervogo") brings them along later.
  const innerRelaysOf = new Map<string, Relay[]>();
  // Relays and earlier cues are looked up within a window around each statement's cue, by binary search on the
  // relays (found in text order): a relay further away is not this statement's, and the pass stays linear.
  const relayStarts = found.map((relay) => ({ start: relay.first }));
  const nearby = (token: number): FoundRelay[] => {
    const near: FoundRelay[] = [];
    for (let position = lowerBound(relayStarts, token - RELAY_WINDOW); position < found.length && found[position]!.first <= token + RELAY_WINDOW; position++) near.push(found[position]!);
    return near;
  };
  drafts.forEach((original, draftIndex) => {
    if (closingReports.has(draftIndex)) return;
    const cueToken = original.cueTokens?.[0] ?? original.contentTokens[0]![0];
    const sentenceIndex = tokens.sentence[cueToken]!;
    const close = nearby(cueToken);
    // A "statement" whose cue is a relay phrase ("cited by the channel") is a relay, not an utterance; so is
    // "according to X" after another cue of the same sentence ("Lukashenko stated, according to Pool Pervogo").
    const cueStart = original.cueTokens?.[0] ?? -1;
    const relayCue = close.find((relay) => relay.first <= cueStart && cueStart <= relay.last);
    if (relayCue !== undefined && relayCue.order === 2 && !citesMoreThanName(tokens, original, relayCue) && !opensAsReport(tokens, drafts, draftIndex, relayCue)) return;
    if (relayCue !== undefined && relayCue.order === 3 && hasEarlierCue(drafts, draftIndex, cueStart, sentenceIndex, tokens)) return;
    // "…, cited by Iron Ledger, Lieutenant General Arkady Voss said": a source the tagger began at a relay phrase starts after it.
    const draft = withoutLeadingRelay(tokens, original, close);
    const chain = close
      .filter((relay) => relay.sentence === sentenceIndex)
      .filter((relay) => draft.source === null || !overlaps(relay.relay, draft.source))
      .filter((relay) => draft.cue === null || !(relay.order === 3 && draft.cue.lemma === 'according to'))
      .filter((relay) => !draft.content.some((piece) => overlaps(piece, relay.relay)))
      .sort((a, b) => a.order - b.order || a.first - b.first)
      .map((relay) => relay.relay);
    for (let position = 0; position < chain.length; position++) {
      const known = innerRelaysOf.get(chain[position]!.name.toLowerCase());
      if (known === undefined) continue;
      const missing = known.filter((relay) => !chain.some((present) => present.name.toLowerCase() === relay.name.toLowerCase()));
      chain.splice(position, 0, ...missing);
      position += missing.length;
    }
    chain.forEach((relay, position) => {
      if (position > 0) innerRelaysOf.set(relay.name.toLowerCase(), chain.slice(0, position));
    });
    if (chain.some((relay) => relay.role === 'interview')) lastInterviewChain = chain;
    else if (chain.length === 0 && backReferenceSentences.has(sentenceIndex) && lastInterviewChain !== null) chain.push(...lastInterviewChain);
    kept.push(draft);
    via.push(chain);
  });
  return { drafts: kept, via };
}
