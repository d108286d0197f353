import { countryOfWord, demonymOf, knownLower, knownName, PLACE_PREFIXES, PLACE_SUFFIXES, startsKnownName, type KnownName } from '../lexicon/demonyms.js';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../lexicon/given-names.js';
import { NOT_NAME_WORDS, PREPOSITIONS, PRONOUNS } from '../lexicon/pronouns.js';
import {
  DETERMINERS,
  DOCUMENT_HEADS,
  FEMALE_TITLES,
  GROUP_MODIFIERS,
  GROUP_NEEDS_MODIFIER,
  GROUP_NOUNS,
  MALE_TITLES,
  MEDIA_SUFFIXES,
  MEDIA_WORDS,
  NAME_CONNECTORS,
  ORGANIZATION_WORDS,
  PARTY_WORDS,
  ROLE_MODIFIERS,
  SINGULAR_GROUP_HEADS,
  STANDALONE_DOCUMENTS,
  TITLE_EXPANSIONS,
  TITLE_WORDS,
} from '../lexicon/titles.js';
import type { Span } from '../model/span.js';
import type { Entity, EntityMention, EntityType, MergeReason } from '../model/types.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import { addShape, letterIndex, SHAPE_TABLE_SIZE, shapesOf, textMayBeKey } from '../text/word-shapes.js';
import { aliasKey, sameEntity, type AliasOverrides } from './aliases.js';
import { resolveCoreference, type Anaphor, type ClusterFacts, type NamedMention } from './coreference.js';

export interface FindEntitiesInput {
  readonly text: string;
  readonly tokens: Tokens;
  /** Quotation spans (delimiters included or not): names inside still count; pronouns inside are left alone. */
  readonly quotations: readonly Span[];
  readonly aliases?: AliasOverrides | undefined;
}

type Form = 'name' | 'surname' | 'possessive' | 'nominal' | 'pronoun';
type Reason = MergeReason['reason'];

/** One mention found by a scan, before clustering. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Index of the first token of the name. */
  readonly token: number;
  readonly tokenCount: number;
  /** Right after a preposition (before the name or its role): not its sentence's subject ("with blogger Mario Naufal"). */
  readonly governed: boolean;
  readonly sentence: number;
  readonly type: EntityType;
  /** 4 context or gazetteer, 3 role or head word, 2 demonym or group pattern, 1 guessed person, 0 unknown. */
  readonly strength: number;
  readonly role: Span | null;
  readonly roleWords: readonly string[];
  readonly countries: readonly string[];
  readonly gender: 'm' | 'f' | null;
  /** The gender its given name says ("Rachel Stein"), weaker than a title's: "Bill Clinton" and "Mrs. Clinton" may share a cluster. */
  readonly nameGender: 'm' | 'f' | null;
  readonly possessive: boolean;
  readonly inQuote: boolean;
  /** A single capitalized word at a sentence start with no type cue: kept only when something else supports it. */
  readonly initialOnly: boolean;
  /** Demonyms and group descriptions: clustered by this key instead of the written name. */
  readonly key: string | null;
  readonly form: Form;
  /** Gazetteer canonical name, used as the entity name when no proper name is written (demonyms only). */
  readonly canonical: string | null;
}

interface Cluster {
  members: number[];
  type: EntityType;
  strength: number;
  /** Token count of the longest person name: surnames join multi-word person names only. */
  longest: number;
  /** The first member with a written name (no gazetteer key), or -1: what later names are compared with. */
  written: number;
}

const POSSESSIVE = new Set(['’s', "'s"]);
/** A possessive token ("’s", "'s"): two comparisons, no hashing. */
const isPossessive = (word: string | undefined): boolean => word === '’s' || word === "'s";
const NO_WORDS: ReadonlySet<string> = new Set();
const NO_STRINGS: readonly string[] = [];
/** Words an "of" phrase after a description's title may have before an apposed name ("the head of the central bank, …"). */
const APPOSITION_OF_WORDS = 6;
const NO_EXTRA: ReadonlyArray<{ mention: EntityMention; reason: MergeReason }> = [];

// One lookup per token in pass 2: which patterns a word can start or head.
const PRONOUN_BIT = 1;
const DESCRIPTION_BIT = 2;
const PLURAL_GROUP_BIT = 4;
const SINGULAR_GROUP_BIT = 8;
const TRIGGERS = new Map<string, number>();
const addTrigger = (word: string, bit: number): void => {
  TRIGGERS.set(word, (TRIGGERS.get(word) ?? 0) | bit);
};
for (const word of PRONOUNS.keys()) addTrigger(word, PRONOUN_BIT);
for (const word of ['the', ...POSSESSIVE]) addTrigger(word, DESCRIPTION_BIT);
for (const word of GROUP_NOUNS) addTrigger(word, PLURAL_GROUP_BIT);
for (const word of SINGULAR_GROUP_HEADS) addTrigger(word, SINGULAR_GROUP_BIT);

/** Most words skip the trigger lookup (see word-shapes.ts). */
const TRIGGER_SHAPES = shapesOf(TRIGGERS.keys());

// One lookup per word in pass 1 and the chunk tests, instead of one per word list: which lists a word is on.
const NOT_NAME_CLASS = 1;
const TITLE_CLASS = 2;
const ROLE_MODIFIER_CLASS = 4;
const ORGANIZATION_CLASS = 8;
const DOCUMENT_HEAD_CLASS = 16;
const STANDALONE_DOCUMENT_CLASS = 32;
const MEDIA_SUFFIX_CLASS = 64;
const MEDIA_WORD_CLASS = 128;
const NAME_CONNECTOR_CLASS = 256;
const DETERMINER_CLASS = 512;
const PLACE_PREFIX_CLASS = 1024;
const PREPOSITION_CLASS = 2048;
const PARTY_CLASS = 4096;
const PLACE_SUFFIX_CLASS = 8192;
const WORD_CLASSES = new Map<string, number>();
const addClass = (words: Iterable<string>, bit: number): void => {
  for (const word of words) WORD_CLASSES.set(word, (WORD_CLASSES.get(word) ?? 0) | bit);
};
addClass(NOT_NAME_WORDS, NOT_NAME_CLASS);
addClass(TITLE_WORDS, TITLE_CLASS);
addClass(ROLE_MODIFIERS, ROLE_MODIFIER_CLASS);
addClass(ORGANIZATION_WORDS, ORGANIZATION_CLASS);
addClass(DOCUMENT_HEADS, DOCUMENT_HEAD_CLASS);
addClass(STANDALONE_DOCUMENTS, STANDALONE_DOCUMENT_CLASS);
addClass(MEDIA_SUFFIXES, MEDIA_SUFFIX_CLASS);
addClass(MEDIA_WORDS, MEDIA_WORD_CLASS);
addClass(NAME_CONNECTORS, NAME_CONNECTOR_CLASS);
addClass(DETERMINERS, DETERMINER_CLASS);
addClass(PLACE_PREFIXES, PLACE_PREFIX_CLASS);
addClass(PREPOSITIONS, PREPOSITION_CLASS);
addClass(PARTY_WORDS, PARTY_CLASS);
addClass(PLACE_SUFFIXES, PLACE_SUFFIX_CLASS);

/** The word-list bits of a lower-case word (0 for none, or past either end of the tokens). */
function classOf(word: string | undefined): number {
  return word === undefined ? 0 : (WORD_CLASSES.get(word) ?? 0);
}

function isAscii(word: string): boolean {
  for (let at = 0; at < word.length; at++) if (word.charCodeAt(at) >= 128) return false;
  return true;
}


function isUpperCode(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const char = text[offset] ?? '';
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** Whether a hyphen inside [start, end) is followed by a lower-case letter ("Award-winner", not "Jean-Luc"); reads only the word. */
function hasLowerAfterHyphen(text: string, start: number, end: number): boolean {
  for (let at = start; at < end - 1; at++) if (text.charCodeAt(at) === 45 && !isUpperCode(text, at + 1)) return true;
  return false;
}

function isLowerCode(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 97 && code <= 122) return true;
  if (code < 128) return false;
  const char = text[offset] ?? '';
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

// Per-token scratch arrays reused across calls: allocating fresh typed arrays per article costs more than the scans.
// Safe because findEntities is synchronous and never re-entered.
const byteSlots: Uint8Array[] = [];
const intSlots: Int32Array[] = [];

/** Scratch bytes for `slot`, zeroed over [0, size). */
function scratchBytes(slot: number, size: number): Uint8Array {
  let array = byteSlots[slot];
  if (array === undefined || array.length < size) {
    array = new Uint8Array(Math.max(1024, size * 2));
    byteSlots[slot] = array;
  } else {
    array.fill(0, 0, size);
  }
  return array;
}

/** Scratch integers for `slot`, set to `value` over [0, size). */
function scratchInts(slot: number, size: number, value: number): Int32Array {
  let array = intSlots[slot];
  if (array === undefined || array.length < size) {
    array = new Int32Array(Math.max(1024, size * 2));
    intSlots[slot] = array;
  }
  array.fill(value, 0, size);
  return array;
}

/** Marks tokens that lie inside any quotation span. Linear in the tokens, plus a binary search per quotation. */
function markQuoted(tokens: Tokens, quotations: readonly Span[]): Uint8Array {
  const marks = scratchBytes(0, tokens.count);
  if (quotations.length === 0) return marks;
  const sorted = quotations.slice().sort((a, b) => a.start - b.start);
  const { starts, ends, count } = tokens;
  // Every token from the current quotation's first token up to `marked` is already marked (starts never decrease):
  // nested quotations (thousands of marks in a row) do not re-mark their enclosing quotation's tokens, so this is linear.
  let marked = 0;
  for (const quotation of sorted) {
    // The quotation's first token, by binary search: a few quotations need not walk every token before them.
    let index = 0;
    let high = count;
    while (index < high) {
      const middle = (index + high) >>> 1;
      if (starts[middle]! < quotation.start) index = middle + 1;
      else high = middle;
    }
    let token = Math.max(index, marked);
    for (; token < count && ends[token]! <= quotation.end; token++) marks[token] = 1;
    marked = Math.max(marked, token);
  }
  return marks;
}

/**
 * Finds mentions of people, organizations, places, media, groups and documents, clusters them into one entity per
 * referent (names, surnames, possessives, transliteration variants, gazetteer aliases, user aliases), and resolves
 * pronouns and descriptions ("the Belarusian leader") by salience. Linear in the tokens.
 * Limits: capitalization-driven (all-caps or lower-case text finds little); a guessed person is any two-to-four-word
 * capitalized name without other cues; titles and roles come from a fixed table.
 */
export function findEntities(input: FindEntitiesInput): Entity[] {
  const { text, tokens, quotations } = input;
  const { count, starts, ends, kinds, lower, sentence, sentenceStarts, breaksBefore } = tokens;
  const quoted = markQuoted(tokens, quotations);
  const found: Found[] = [];
  const anaphors: Array<Anaphor & { end: number; text: string }> = [];

  // One pass per sentence: capitals, the first word, headline style, and the doubtful capitals (see below).
  const capital = scratchBytes(1, count);
  const sentenceCount = sentenceStarts.length - 1;
  const headline = scratchBytes(2, Math.max(0, sentenceCount));
  const firstWord = scratchInts(0, Math.max(0, sentenceCount), -1);
  // Capitalized words where a capital says nothing (sentence starts, after a quotation mark or colon, headlines):
  // those that also occur in lower case are not names.
  const doubtful = new Set<string>();
  // Per first letter and length, a bit per last letter of the doubtful words: most lower-case words skip the set lookup.
  const doubtfulShapes = scratchInts(2, SHAPE_TABLE_SIZE, 0);
  const addDoubtful = (index: number): void => {
    const word = lower[index]!;
    if (NOT_NAME_WORDS.has(word) || doubtful.has(word)) return;
    doubtful.add(word);
    if (isAscii(word)) addShape(doubtfulShapes, word);
    // A non-ASCII word may be longer or shorter than its token's text: any length and last letter pass the filter below.
    else doubtfulShapes.fill(-1, letterIndex(word) * 32, letterIndex(word) * 32 + 32);
  };
  for (let current = 0; current < sentenceCount; current++) {
    const first = sentenceStarts[current]!;
    const after = sentenceStarts[current + 1]!;
    let capitals = 0;
    let long = 0;
    let sentenceFirst = -1;
    for (let index = first; index < after; index++) {
      const kind = kinds[index];
      if (sentenceFirst === -1 && (kind === TokenKind.Word || kind === TokenKind.Number)) sentenceFirst = index;
      if (kind !== TokenKind.Word) continue;
      if (isUpperCode(text, starts[index]!)) {
        capital[index] = 1;
        if (index === sentenceFirst || (index > 0 && (kinds[index - 1] === TokenKind.Quote || lower[index - 1] === ':'))) addDoubtful(index);
      }
      if (ends[index]! - starts[index]! < 4) continue;
      long++;
      if (capital[index] === 1) capitals++;
    }
    firstWord[current] = sentenceFirst;
    // A headline has no final period or stands alone on its line; a name-dense sentence in a paragraph is prose.
    const lastToken = after - 1;
    if (long < 4 || capitals * 10 <= long * 7) continue;
    const endsWithPeriod = lastToken >= 0 && (lower[lastToken] === '.' || (kinds[lastToken] === TokenKind.Quote && lower[lastToken - 1] === '.'));
    const alone = (first === 0 || breaksBefore[first]! > 0) && (lastToken + 1 >= count || breaksBefore[lastToken + 1]! > 0);
    if (endsWithPeriod && !alone) continue;
    headline[current] = 1;
    for (let index = first; index < after; index++) if (capital[index] === 1) addDoubtful(index);
  }

  // "US" is not "us": an all-capital word is never taken for a function word.
  const isAcronym = (index: number): boolean => ends[index]! - starts[index]! >= 2 && isUpperCode(text, starts[index]! + 1);
  // After an opening quotation mark or a colon a capital says nothing either.
  const firstWordOfSentence = (index: number): boolean =>
    firstWord[sentence[index]!] === index || (index > 0 && (kinds[index - 1] === TokenKind.Quote || lower[index - 1] === ':'));

  const lowerVocabulary = new Set<string>();
  if (doubtful.size > 0) {
    for (let index = 0; index < count; index++) {
      if (capital[index] !== 0 || kinds[index] !== TokenKind.Word) continue;
      // Shape read from the text: most tokens' strings are never touched.
      if (!textMayBeKey(doubtfulShapes, text, starts[index]!, ends[index]!)) continue;
      const word = lower[index]!;
      if (doubtful.has(word) && isLowerCode(text, starts[index]!)) lowerVocabulary.add(word);
    }
  }

  // Word-list bits per token, looked up once: the chunk tests ask about the same few tokens several times.
  const classes = scratchInts(3, count, -1);
  const classAt = (index: number): number => {
    if (index < 0 || index >= count) return 0;
    let value = classes[index]!;
    if (value < 0) {
      value = classOf(lower[index]);
      classes[index] = value;
    }
    return value;
  };
  const isWord = (index: number): boolean => index >= 0 && index < count && kinds[index] === TokenKind.Word;
  const sameRun = (from: number, to: number): boolean => to < count && sentence[to] === sentence[from] && breaksBefore[to] === 0;
  const spanOf = (from: number, to: number): Span => ({ start: starts[from]!, end: ends[to]!, text: text.slice(starts[from]!, ends[to]!) });
  const isCapitalWord = (index: number): boolean => isWord(index) && capital[index] === 1;
  // The gazetteer entry for the text of tokens [from, to]; most runs of several words are ruled out by their first word.
  const knownRange = (from: number, to: number): KnownName | undefined => {
    if (from === to) return knownLower(lower[from]!);
    if (text.charCodeAt(ends[from]!) === 32 && !startsKnownName(lower[from]!)) return undefined;
    return knownName(text.slice(starts[from]!, ends[to]!));
  };
  const isGoverned = (index: number): boolean => index > 0 && sentence[index - 1] === sentence[index] && (classAt(index - 1) & PREPOSITION_CLASS) !== 0;

  const pushPlaceWord = (index: number, leadToken: number): void => {
    const word = lower[index]!;
    const demonym = demonymOf(word);
    const country = demonym?.country ?? countryOfWord(word);
    if (country === undefined) return;
    const isDemonym = demonym !== undefined;
    if (isDemonym && demonym.plural) {
      found.push(makeFound(index, index, leadToken, 'group', 2, `group:${word}`, 'name', null));
      return;
    }
    found.push(makeFound(index, index, leadToken, 'place', isDemonym ? 2 : 4, isDemonym ? aliasKey(country) : null, isDemonym ? 'nominal' : 'name', country));
  };

  function makeFound(from: number, to: number, leadToken: number, type: EntityType, strength: number, key: string | null, form: Form, canonical: string | null): Found {
    return {
      start: starts[from]!,
      end: ends[to]!,
      name: text.slice(starts[from]!, ends[to]!),
      token: from,
      tokenCount: to - from + 1,
      governed: isGoverned(leadToken),
      sentence: sentence[from]!,
      type,
      strength,
      role: null,
      roleWords: NO_STRINGS,
      countries: NO_STRINGS,
      gender: null,
      nameGender: null,
      possessive: isPossessive(lower[to + 1]),
      inQuote: quoted[from] === 1,
      initialOnly: false,
      key,
      form,
      canonical,
    };
  }

  // Tokens inside some name's role: an unknown capitalized word there ("Republican" in a role) is part of the role.
  const roleTokens = scratchBytes(3, count);

  // Pass 1: capitalized chunks.
  let index = 0;
  while (index < count) {
    // Only word tokens are marked capital: the plain byte test skips the rest without the closure calls.
    if (capital[index] !== 1) {
      index++;
      continue;
    }
    let last = index;
    for (;;) {
      const next = last + 1;
      // A determiner starts a new name ("Calif. The Islamic State").
      if (sameRun(last, next) && isCapitalWord(next) && (classAt(next) & DETERMINER_CLASS) === 0) {
        last = next;
        continue;
      }
      // The cheap tests first: most runs end before a word that is neither a connector nor followed by a capital.
      // "Department for Transport", "Institute for Fiscal Studies": after an organization word, "for" joins the name too.
      // "Norman Baker of Campaign for Better Transport": after a two-word run that is no organization, "of" starts an employer.
      if (sameRun(last, next) && sameRun(next, next + 1) && isCapitalWord(next + 1) && isLowerCode(text, starts[next]!) && ((classAt(next) & NAME_CONNECTOR_CLASS) !== 0 || (lower[next] === 'for' && (classAt(last) & ORGANIZATION_CLASS) !== 0)) && !(lower[next] === 'of' && ((last > index && (classAt(last) & (ORGANIZATION_CLASS | TITLE_CLASS)) === 0) || GROUP_NOUNS.has(lower[last]!)))) {
        last = next + 1;
        continue;
      }
      // "Democratic Republic of Congo", "United States of America": a known name goes on over "of" (and "the").
      const knownEnd = lower[next] === 'of' && last > index ? knownOfEnd(index, last) : -1;
      if (knownEnd > 0) {
        last = knownEnd;
        continue;
      }
      break;
    }
    handleChunk(index, last);
    index = last + 1;
  }

  /**
   * The last token of a gazetteer name that a capitalized run [from, last] begins and that goes on with "of", an
   * optional "the" and one or two capitalized words; -1 when there is none. Bounded: at most two lookups per run.
   */
  function knownOfEnd(from: number, last: number): number {
    const start = (classAt(from) & DETERMINER_CLASS) !== 0 && from < last ? from + 1 : from;
    if (!startsKnownName(lower[start]!)) return -1;
    const after = lower[last + 2] === 'the' && sameRun(last + 1, last + 2) ? last + 3 : last + 2;
    if (!sameRun(last, last + 1) || !sameRun(last + 1, after) || !isCapitalWord(after)) return -1;
    // The longer name first ("… of the Grenadines" before "… of the").
    if (sameRun(after, after + 1) && isCapitalWord(after + 1) && knownName(text.slice(starts[start]!, ends[after + 1]!)) !== undefined) return after + 1;
    return knownName(text.slice(starts[start]!, ends[after]!)) !== undefined ? after : -1;
  }

  /** A title, or a modifier right before one ("Prime Minister", "Foreign Minister"), at `index`. */
  function opensTitle(index: number): boolean {
    const wordClass = classAt(index);
    return (wordClass & TITLE_CLASS) !== 0 || ((wordClass & ROLE_MODIFIER_CLASS) !== 0 && (classAt(index + 1) & TITLE_CLASS) !== 0);
  }

  function handleChunk(chunkStart: number, chunkEnd: number): void {
    let first = chunkStart;
    let last = chunkEnd;
    const inHeadline = headline[sentence[first]!] === 1;
    let whole = knownRange(first, last);
    if (whole === undefined) {
      // Leading function words, determiners, and (at a sentence start or in a headline) ordinary words are not the name.
      // A title stays ("Senator Anna Berg", "Prime Minister Pedro Alves" opening a sentence, though "the senator" or
      // "the prime minister" occurs lower-case): it becomes the role.
      while (first <= last && (((classAt(first) & NOT_NAME_CLASS) !== 0 && !isAcronym(first)) || ((inHeadline || firstWordOfSentence(first)) && lowerVocabulary.has(lower[first]!) && demonymOf(lower[first]!) === undefined && !(first < last && opensTitle(first))))) first++;
      // "The Democratic Republic of the Congo" in a headline: the known name after the article is not cut at "of".
      if (first !== chunkStart && first <= last) whole = knownRange(first, last);
      if (inHeadline && whole === undefined) {
        for (let cut = first + 1; cut <= last; cut++) {
          const word = lower[cut]!;
          const wordClass = classAt(cut);
          if ((lowerVocabulary.has(word) && (wordClass & (TITLE_CLASS | ROLE_MODIFIER_CLASS)) === 0) || ((wordClass & NOT_NAME_CLASS) !== 0 && !isAcronym(cut))) {
            last = cut - 1;
            break;
          }
        }
      }
      while (whole === undefined && last >= first && (classAt(last) & NAME_CONNECTOR_CLASS) !== 0) last--;
      if (first > last) return;
      if (whole === undefined && (first !== chunkStart || last !== chunkEnd)) whole = knownRange(first, last);
    }

    // A lone demonym is a mention of its country ("Belarusian interests"); compounds ("Russo-Ukrainian") are adjectives.
    if (first === last && whole === undefined) {
      const word = lower[first]!;
      if (demonymOf(word) !== undefined) {
        pushPlaceWord(first, first);
        return;
      }
      if (word.includes('-') && word.split('-').some((part) => demonymOf(part) !== undefined || part === 'russo' || part === 'anglo' || part === 'franco' || part === 'sino')) return;
    }

    // A title inside the chunk: "Russian President Vladimir Putin" → role "Russian President", name "Vladimir Putin".
    let roleFrom = -1;
    let roleTo = -1;
    if (whole === undefined) {
      let titleAt = -1;
      for (let at = last; at >= first; at--) {
        if ((classAt(at) & TITLE_CLASS) !== 0) {
          titleAt = at;
          break;
        }
      }
      if (titleAt >= 0) {
        let end = titleAt;
        if (lower[titleAt + 1] === 'of' && titleAt + 3 <= last) end = titleAt + 2;
        const rest = last - end;
        if (rest >= 1 && (classAt(last) & (ORGANIZATION_CLASS | DOCUMENT_HEAD_CLASS | MEDIA_SUFFIX_CLASS)) === 0) {
          roleFrom = first;
          roleTo = end;
          first = end + 1;
        } else if (rest === 0) {
          let roleOnly = true;
          for (let at = first; at <= last; at++) {
            const word = lower[at]!;
            if ((classAt(at) & (TITLE_CLASS | ROLE_MODIFIER_CLASS)) === 0 && countryOfWord(word) === undefined && word !== 'of') roleOnly = false;
          }
          // A title with no name after it ("Russian President") is a description, found by pass 2; its country words are places.
          if (roleOnly) {
            for (let at = first; at <= last; at++) pushPlaceWord(at, first);
            return;
          }
        }
      }
      if (roleFrom >= 0) whole = knownRange(first, last);
    }

    // A party word before a personal name ("Republican Ana Reyes", "Democrat Jo Marsh") is a role, not part of the
    // name; "Republican National Committee" (an organization word) and longer runs stay whole.
    if (roleFrom < 0 && whole === undefined && (classAt(first) & PARTY_CLASS) !== 0) {
      // "Liberal Democrat Jo Marsh": up to two party words, then a name of two or three words.
      const partyEnd = first < last && (classAt(first + 1) & PARTY_CLASS) !== 0 ? first + 1 : first;
      let personal = last - partyEnd >= 2 && last - partyEnd <= 3;
      for (let at = partyEnd + 1; at <= last && personal; at++) {
        // Capitalized words of letters ("Award-winner" is a description, "Jean-Luc" a name).
        const nameWord = capital[at] && ends[at]! - starts[at]! >= 2 && isLowerCode(text, starts[at]! + 1) && !hasLowerAfterHyphen(text, starts[at]!, ends[at]!);
        if (!nameWord || (classAt(at) & (NOT_NAME_CLASS | TITLE_CLASS | ORGANIZATION_CLASS | DOCUMENT_HEAD_CLASS | MEDIA_SUFFIX_CLASS | NAME_CONNECTOR_CLASS | PARTY_CLASS)) !== 0) personal = false;
      }
      if (personal && knownRange(partyEnd + 1, last) === undefined) {
        roleFrom = first;
        roleTo = partyEnd;
        first = partyEnd + 1;
      }
    }

    // A lower-case role right before the name: "blogger Mario Naufal", "Russian president Vladimir Putin".
    if (roleFrom < 0 && first === chunkStart && isWord(first - 1) && (classAt(first - 1) & TITLE_CLASS) !== 0 && !capital[first - 1] && sentence[first - 1] === sentence[first]) {
      roleTo = first - 1;
      roleFrom = first - 1;
      for (let at = first - 2; at >= 0 && first - at <= 6 && isWord(at) && sentence[at] === sentence[first]; at--) {
        const word = lower[at]!;
        if ((classAt(at) & (TITLE_CLASS | ROLE_MODIFIER_CLASS)) !== 0 || countryOfWord(word) !== undefined) roleFrom = at;
        else break;
      }
    }

    const nameText = text.slice(starts[first]!, ends[last]!);
    const lastClass = classAt(last);
    const tokenCount = last - first + 1;
    let type: EntityType = 'other';
    let strength = 0;
    const beforeName = kinds[first - 1] === TokenKind.Quote ? first - 2 : first - 1;
    // "broadcaster NTV": a word naming both a job and an outlet introduces an outlet when a single word follows it.
    const mediaBefore = beforeName >= 0 && (classAt(beforeName) & MEDIA_WORD_CLASS) !== 0 && sentence[beforeName] === sentence[first];
    if (mediaBefore && (roleFrom < 0 || (roleFrom === beforeName && roleTo === beforeName && tokenCount === 1))) {
      type = 'media';
      strength = 4;
    } else if (whole !== undefined) {
      type = whole.type;
      strength = 4;
    } else if (roleFrom >= 0) {
      type = 'person';
      strength = 3;
    } else if ((lastClass & (tokenCount === 1 ? STANDALONE_DOCUMENT_CLASS : DOCUMENT_HEAD_CLASS)) !== 0) {
      type = 'document';
      strength = 3;
    } else if (tokenCount > 1 && (lastClass & MEDIA_SUFFIX_CLASS) !== 0) {
      type = 'media';
      strength = 3;
    } else if ((lastClass & ORGANIZATION_CLASS) !== 0 || (first !== last && (classAt(first) & ORGANIZATION_CLASS) !== 0)) {
      type = 'organization';
      strength = 3;
    } else if (tokenCount >= 2 && ((classAt(first) & PLACE_PREFIX_CLASS) !== 0 || (lastClass & PLACE_SUFFIX_CLASS) !== 0)) {
      type = 'place';
      strength = 2;
    } else if (tokenCount >= 2 && tokenCount <= 4) {
      let plain = true;
      for (let at = first; at <= last; at++) {
        // All-caps words, connectors and calendar or function words ("Born May") make it something else than a personal name.
        // A particle inside the name ("Pieter de Wit", "Ursula von Bergen") keeps it personal.
        if (at > first && at < last && !capital[at] && (classAt(at) & NAME_CONNECTOR_CLASS) !== 0 && lower[at] !== 'of') continue;
        if (!capital[at] || ends[at]! - starts[at]! < 2 || !isLowerCode(text, starts[at]! + 1) || (classAt(at) & NOT_NAME_CLASS) !== 0) plain = false;
      }
      if (plain) {
        type = 'person';
        strength = 1;
      }
    }

    // An appositive role: "Alexander Lukashenko, self-proclaimed president of Belarus, ...".
    let role: Span | null = null;
    const roleWords: string[] = [];
    const countries: string[] = [];
    // A lone letter is no personal name ("In a post on X, the governor said"): X is the platform, not the governor.
    if (roleFrom < 0 && (type === 'person' || type === 'other') && ends[last]! - starts[first]! > 1 && lower[last + 1] === ',' && sentence[last + 1] === sentence[last]) {
      let at = last + 2;
      if ((classAt(at) & DETERMINER_CLASS) !== 0) at++;
      const from = at;
      let titleAt = -1;
      for (; at < count && at - from < 5 && isWord(at) && sentence[at] === sentence[last]; at++) {
        const word = lower[at]!;
        const wordClass = classAt(at);
        if ((wordClass & TITLE_CLASS) !== 0) titleAt = at;
        else if ((wordClass & ROLE_MODIFIER_CLASS) === 0 && countryOfWord(word) === undefined) break;
      }
      if (titleAt >= 0 && titleAt === at - 1) {
        let end = titleAt;
        if (lower[titleAt + 1] === 'of' && isCapitalWord(titleAt + 2)) {
          end = titleAt + 2;
          while (end - titleAt < 4 && isCapitalWord(end + 1) && sameRun(end, end + 1)) end++;
          const place = knownRange(titleAt + 2, end);
          if (place?.country !== null && place?.country !== undefined) countries.push(place.country);
          else if (place !== undefined) countries.push(place.canonical);
        }
        roleFrom = from;
        roleTo = end;
        type = 'person';
        strength = 3;
      }
    }
    if (roleFrom >= 0) {
      role = spanOf(roleFrom, roleTo);
      roleTokens.fill(1, roleFrom, roleTo + 1);
      for (let at = roleFrom; at <= roleTo; at++) {
        const word = lower[at]!;
        roleWords.push(word);
        const expanded = TITLE_EXPANSIONS.get(word);
        if (expanded !== undefined) roleWords.push(expanded);
        const country = countryOfWord(word);
        if (country !== undefined) countries.push(country);
        // Country words inside a role are mentions of the country ("US" in "US President").
        if (country !== undefined && capital[at] === 1) pushPlaceWord(at, roleFrom);
      }
    }
    let gender: 'm' | 'f' | null = null;
    for (const word of roleWords) {
      if (FEMALE_TITLES.has(word)) gender = 'f';
      else if (MALE_TITLES.has(word)) gender = 'm';
    }
    // A lone word may be a surname ("Grant said"): only a first word with a name after it is read as a given name.
    const givenWord = type === 'person' && tokenCount >= 2 ? lower[first]! : '';
    const nameGender = FEMALE_GIVEN_NAMES.has(givenWord) ? 'f' : MALE_GIVEN_NAMES.has(givenWord) ? 'm' : null;
    const leadToken = roleFrom >= 0 && roleFrom < first ? roleFrom : first;
    found.push({
      start: starts[first]!,
      end: ends[last]!,
      name: nameText,
      token: first,
      tokenCount,
      governed: isGoverned(leadToken),
      sentence: sentence[first]!,
      type,
      strength,
      role,
      roleWords,
      countries,
      gender,
      nameGender,
      possessive: isPossessive(lower[last + 1]),
      inQuote: quoted[first] === 1,
      initialOnly: tokenCount === 1 && strength === 0 && firstWordOfSentence(first),
      key: null,
      form: 'name',
      canonical: whole?.canonical ?? null,
    });
  }

  // Unknown words inside a role found later (the role reached back over them) are not names.
  for (let at = found.length - 1; at >= 0; at--) {
    const mention = found[at]!;
    if (mention.strength === 0 && roleTokens[mention.token] === 1) found.splice(at, 1);
  }

  // Persons found in pass 1 by their first token: a description in apposition before one describes it.
  const personAt = new Map<number, number>();
  for (const mention of found) if (mention.type === 'person') personAt.set(mention.token, mention.start);

  // Pass 2: pronouns, descriptions ("the Belarusian leader", "Belarus’s president") and groups ("Ukrainian authorities").
  for (let at = 0; at < count; at++) {
    if (kinds[at] !== TokenKind.Word) continue;
    // Shape read from the text (trigger words are ASCII, or start with a non-ASCII apostrophe): most strings stay untouched.
    if (!textMayBeKey(TRIGGER_SHAPES, text, starts[at]!, ends[at]!)) continue;
    const word = lower[at]!;
    const trigger = TRIGGERS.get(word);
    if (trigger === undefined) continue;
    const pronoun = (trigger & PRONOUN_BIT) !== 0 ? PRONOUNS.get(word) : undefined;
    if (pronoun !== undefined) {
      if (quoted[at] === 1) continue;
      const governed = (classAt(at - 1) & PREPOSITION_CLASS) !== 0;
      anaphors.push({
        start: starts[at]!,
        end: ends[at]!,
        text: text.slice(starts[at]!, ends[at]!),
        sentence: sentence[at]!,
        kind: 'pronoun',
        gender: pronoun.gender,
        plural: pronoun.plural,
        subjectCandidate: pronoun.subject && !governed,
        head: null,
        country: null,
        modifiers: NO_STRINGS,
        ofOther: false,
        apposedTo: -1,
      });
      continue;
    }
    const possessivePlace = (trigger & DESCRIPTION_BIT) !== 0 && word !== 'the' && at > 0 && capital[at - 1] === 1 && knownLower(lower[at - 1]!)?.country != null;
    if (word === 'the' || possessivePlace) {
      let headAt = -1;
      let country: string | null = possessivePlace ? (knownLower(lower[at - 1]!)?.country ?? null) : null;
      const modifiers: string[] = [];
      let next = at + 1;
      for (; next < count && next - at <= 5 && sentence[next] === sentence[at]; next++) {
        const part = lower[next]!;
        // An age says nothing of the role ("the 61-year-old former minister"): passed over, not a modifier.
        if (headAt < 0 && kinds[next] === TokenKind.Number && part.endsWith('-year-old')) continue;
        if (!isWord(next)) break;
        const partClass = classAt(next);
        if ((partClass & TITLE_CLASS) !== 0) headAt = next;
        else if (headAt < 0 && (partClass & ROLE_MODIFIER_CLASS) !== 0) modifiers.push(TITLE_EXPANSIONS.get(part) ?? part);
        else if (headAt < 0 && countryOfWord(part) !== undefined) country = countryOfWord(part) ?? null;
        else break;
      }
      // The description must end at its title, and a name right after makes it a role ("the blogger Mario Naufal").
      if (headAt < 0 || headAt !== next - 1 || (isCapitalWord(headAt + 1) && sameRun(headAt, headAt + 1))) continue;
      let end = headAt;
      if (lower[headAt + 1] === 'of' && isCapitalWord(headAt + 2)) {
        const place = knownLower(lower[headAt + 2]!);
        if (place !== undefined && (place.country !== null || place.type === 'place')) {
          country = place.country ?? place.canonical;
          end = headAt + 2;
        }
      }
      // "the head of the central bank": the office of something else than a country, not a generic leader.
      const ofOther = lower[headAt + 1] === 'of' && end === headAt;
      let phraseEnd = end;
      if (ofOther) {
        let after = headAt + 2;
        while (after < count && after - headAt <= APPOSITION_OF_WORDS && isWord(after) && sentence[after] === sentence[at]) after++;
        if (after > headAt + 2 && lower[after] === ',') phraseEnd = after - 1;
      }
      // "the head of the central bank, Aurel Vane,": a person named right after the comma is the one described.
      let apposedTo = -1;
      if (lower[phraseEnd + 1] === ',' && sentence[phraseEnd + 2] === sentence[at]) {
        const named = personAt.get(phraseEnd + 2);
        if (named !== undefined) {
          apposedTo = named;
          end = phraseEnd;
        }
      }
      const from = possessivePlace ? at - 1 : at;
      anaphors.push({
        start: starts[from]!,
        end: ends[end]!,
        text: text.slice(starts[from]!, ends[end]!),
        sentence: sentence[at]!,
        kind: 'nominal',
        gender: FEMALE_TITLES.has(lower[headAt]!) ? 'f' : MALE_TITLES.has(lower[headAt]!) ? 'm' : null,
        plural: false,
        subjectCandidate: quoted[at] !== 1 && (classAt(from - 1) & PREPOSITION_CLASS) === 0,
        head: lower[headAt]!,
        country,
        modifiers,
        ofOther,
        apposedTo,
      });
      continue;
    }
    const plural = (trigger & PLURAL_GROUP_BIT) !== 0;
    const singular = (trigger & SINGULAR_GROUP_BIT) !== 0;
    if ((plural || singular) && (capital[at] === 0 || firstWordOfSentence(at))) {
      let from = at;
      while (from - 1 >= 0 && at - from < 3 && isWord(from - 1) && sentence[from - 1] === sentence[at] && (GROUP_MODIFIERS.has(lower[from - 1]!) || (capital[from - 1] === 1 && demonymOf(lower[from - 1]!) !== undefined))) from--;
      const determiner = lower[from - 1] ?? '';
      if (!plural && !(determiner === 'a' || determiner === 'an' || determiner === 'one')) continue;
      if (plural && from === at && GROUP_NEEDS_MODIFIER.has(word)) continue;
      const keyWords = lower.slice(from, at + 1).join(' ');
      const spanFrom = plural ? from : from - 1;
      found.push({
        ...makeFound(spanFrom, at, spanFrom, 'group', 2, `group:${keyWords}`, 'name', null),
        possessive: false,
      });
    }
  }

  return cluster(found, anaphors, input.aliases);
}

/** Groups the found mentions into entities, resolves anaphors, and writes the entities out. */
function cluster(found: Found[], anaphors: Array<Anaphor & { end: number; text: string }>, overrides: AliasOverrides | undefined): Entity[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: Cluster[] = [];
  const owner = scratchInts(1, found.length, -1);
  const reasons: Array<Reason | null> = new Array<Reason | null>(found.length).fill(null);
  const forms: Form[] = found.map((mention) => (mention.possessive && mention.form === 'name' ? 'possessive' : mention.form));
  const byKey = new Map<string, number>();
  // The first cluster each written name joined: a repeat there is 'same-name' without comparing.
  const nameOwner = new Map<string, number>();
  // A small per-article memo in front of the large process-wide key cache (fewer cache misses).
  const localKeys = new Map<string, string>();
  const keyFor = (name: string): string => {
    let key = localKeys.get(name);
    if (key === undefined) {
      key = aliasKey(name);
      localKeys.set(name, key);
    }
    return key;
  };
  const keyOf = found.map((mention) => mention.key ?? keyFor(mention.name));

  const forbidden = (clusterIndex: number, name: string): boolean => {
    if (overrides === undefined || overrides.forbid.length === 0) return false;
    for (const member of clusters[clusterIndex]!.members) if (!sameEntity(found[member]!.name, name, { merge: [], forbid: overrides.forbid }).same && sameEntity(found[member]!.name, name).same) return true;
    return false;
  };
  const join = (mentionIndex: number, clusterIndex: number, reason: Reason): void => {
    const target = clusters[clusterIndex]!;
    const mention = found[mentionIndex]!;
    target.members.push(mentionIndex);
    if (target.written < 0 && mention.key === null) target.written = mentionIndex;
    if (nameOwner.get(mention.name) === undefined) nameOwner.set(mention.name, clusterIndex);
    owner[mentionIndex] = clusterIndex;
    reasons[mentionIndex] = reason;
    if (mention.strength > target.strength) {
      target.strength = mention.strength;
      target.type = mention.type;
    }
    if (mention.type === 'person' && mention.tokenCount > target.longest) target.longest = mention.tokenCount;
  };
  const open = (mentionIndex: number): number => {
    const mention = found[mentionIndex]!;
    clusters.push({ members: [], type: mention.type, strength: -1, longest: 0, written: -1 });
    join(mentionIndex, clusters.length - 1, 'same-name');
    reasons[mentionIndex] = null;
    return clusters.length - 1;
  };
  const reasonBetween = (mention: Found, clusterIndex: number, fallback: Reason): Reason => {
    if (nameOwner.get(mention.name) === clusterIndex) return 'same-name';
    if (mention.key !== null) return mention.form === 'nominal' ? 'known-alias' : 'same-name';
    // Compare with the first written name (not a demonym, which no name spelling matches).
    const target = clusters[clusterIndex]!;
    const first = found[target.written >= 0 ? target.written : target.members[0]!]!;
    const verdict = sameEntity(mention.name, first.name);
    return verdict.same && verdict.reason !== null ? verdict.reason : fallback;
  };

  // Step 1: full names, typed names and keyed mentions meet by key; bare single words wait for step 2.
  const single = (mention: Found): boolean => mention.key === null && mention.tokenCount === 1 && (mention.type === 'person' || mention.type === 'other');
  for (let index = 0; index < found.length; index++) {
    const mention = found[index]!;
    if (single(mention)) continue;
    const key = keyOf[index]!;
    const existing = byKey.get(key);
    if (existing !== undefined && !forbidden(existing, mention.name)) join(index, existing, reasonBetween(mention, existing, 'transliteration'));
    else byKey.set(key, open(index));
  }

  // Step 2: single words join a multi-word person whose last word has the same key (before or after: headlines), else their key.
  const surnames = new Map<string, number[]>();
  for (let index = 0; index < found.length; index++) {
    const mention = found[index]!;
    if (owner[index]! < 0 || mention.key !== null || mention.tokenCount < 2 || clusters[owner[index]!]!.type !== 'person') continue;
    const lastWord = mention.name.slice(mention.name.lastIndexOf(' ') + 1);
    const key = keyFor(lastWord);
    let list = surnames.get(key);
    if (list === undefined) {
      list = [];
      surnames.set(key, list);
    }
    if (!list.includes(owner[index]!)) list.push(owner[index]!);
  }
  // Linear, not members × mentions: step 1's members of each cluster are in text order, and this loop runs in text
  // order too, so a pointer per cluster finds its last member before the mention; surnames joined here come later.
  // Typed arrays, not Array#map results: those change element kinds between articles, and optimized code kept deoptimizing.
  // A plain loop: Int32Array.from with a mapping function is several times slower.
  const stepOneCount = new Int32Array(clusters.length);
  for (let clusterIndex = 0; clusterIndex < clusters.length; clusterIndex++) stepOneCount[clusterIndex] = clusters[clusterIndex]!.members.length;
  const passed = new Int32Array(clusters.length);
  const lastSurname = new Int32Array(clusters.length).fill(-1);
  const surnameJoins = new Int32Array(clusters.length);
  const fullNames = new Map<number, string>();
  for (let index = 0; index < found.length; index++) {
    const mention = found[index]!;
    if (!single(mention)) continue;
    const key = keyOf[index]!;
    const candidates = surnames.get(key);
    let chosen = -1;
    if (candidates !== undefined) {
      // Several full names share the surname: the one mentioned most so far (nearest on a tie), else the first named after.
      let bestBefore = -1;
      let bestStart = -1;
      let bestCount = 0;
      for (const candidate of candidates) {
        if (forbidden(candidate, mention.name)) continue;
        const members = clusters[candidate]!.members;
        while (passed[candidate]! < stepOneCount[candidate]! && found[members[passed[candidate]!]!]!.start < mention.start) passed[candidate]!++;
        const before = Math.max(passed[candidate]! > 0 ? found[members[passed[candidate]! - 1]!]!.start : -1, lastSurname[candidate]!);
        const count = passed[candidate]! + surnameJoins[candidate]!;
        if (before >= 0 && (count > bestCount || (count === bestCount && before > bestStart))) {
          bestStart = before;
          bestCount = count;
          bestBefore = candidate;
        }
        if (chosen < 0) chosen = candidate;
      }
      if (bestBefore >= 0) chosen = bestBefore;
    }
    if (chosen >= 0) {
      lastSurname[chosen] = mention.start;
      surnameJoins[chosen]!++;
      let fullName = fullNames.get(chosen);
      if (fullName === undefined) {
        fullName = clusters[chosen]!.members.map((member) => found[member]!.name).find((name) => name.includes(' ')) ?? '';
        fullNames.set(chosen, fullName);
      }
      const written = fullName.slice(fullName.lastIndexOf(' ') + 1);
      const reason: Reason = written === mention.name ? 'surname' : knownName(written)?.canonical === knownName(mention.name)?.canonical && knownName(written) !== undefined ? 'known-alias' : written.toLowerCase() === mention.name.toLowerCase() ? 'surname' : 'transliteration';
      join(index, chosen, reason);
      if (forms[index] === 'name') forms[index] = 'surname';
      continue;
    }
    const existing = byKey.get(key);
    if (existing !== undefined && !forbidden(existing, mention.name)) join(index, existing, reasonBetween(mention, existing, 'transliteration'));
    else byKey.set(key, open(index));
  }

  // Step 3: user merges join whole clusters.
  const redirect = clusters.map((_, clusterIndex) => clusterIndex);
  const root = (clusterIndex: number): number => {
    let current = clusterIndex;
    while (redirect[current] !== current) current = redirect[current]!;
    return current;
  };
  if (overrides !== undefined && overrides.merge.length > 0) {
    for (const [left, right] of overrides.merge) {
      const leftCluster = byKey.get(aliasKey(left));
      const rightCluster = byKey.get(aliasKey(right));
      if (leftCluster === undefined || rightCluster === undefined) continue;
      const into = root(leftCluster);
      const from = root(rightCluster);
      if (into === from) continue;
      redirect[from] = into;
      for (const member of clusters[from]!.members) {
        reasons[member] = 'user-alias';
        join(member, into, 'user-alias');
      }
      clusters[from]!.members = [];
    }
  }

  // Step 4: coreference over the named mentions, in text order.
  const facts: ClusterFacts[] = clusters.map((entry) => {
    // Most clusters have no role: they share one empty set.
    let roles: Set<string> | null = null;
    let countries: Set<string> | null = null;
    let gender: 'm' | 'f' | null = null;
    let nameGender: 'm' | 'f' | null = null;
    for (const member of entry.members) {
      const mention = found[member]!;
      for (const word of mention.roleWords) (roles ??= new Set()).add(word);
      for (const country of mention.countries) (countries ??= new Set()).add(country);
      gender ??= mention.gender;
      nameGender ??= mention.nameGender;
    }
    // A title's gender wins over a given name's ("Mrs. Clinton" in a cluster that also holds "Bill Clinton").
    return { type: entry.type, roles: roles ?? NO_WORDS, countries: countries ?? NO_WORDS, gender: gender ?? nameGender };
  });
  const named: NamedMention[] = [];
  for (let index = 0; index < found.length; index++) {
    const mention = found[index]!;
    const clusterIndex = owner[index]!;
    if (clusterIndex < 0 || clusters[clusterIndex]!.members.length === 0 || mention.form === 'nominal') continue;
    named.push({ start: mention.start, sentence: mention.sentence, cluster: clusterIndex, subjectCandidate: !mention.inQuote && !mention.possessive && !mention.governed });
  }
  anaphors.sort((a, b) => a.start - b.start);
  const resolved = resolveCoreference({ mentions: named, anaphors, clusters: facts });

  // Step 5: write entities, dropping lone sentence-initial capitalized words nothing supports.
  // Most clusters resolve no anaphor: their list stays unallocated.
  const extra: Array<Array<{ mention: EntityMention; reason: MergeReason }> | undefined> = new Array(clusters.length);
  anaphors.forEach((anaphor, anaphorIndex) => {
    const clusterIndex = resolved[anaphorIndex]!;
    if (clusterIndex < 0) return;
    const span: Span = { start: anaphor.start, end: anaphor.end, text: anaphor.text };
    const mention: EntityMention = { start: anaphor.start, end: anaphor.end, text: anaphor.text, form: anaphor.kind };
    (extra[clusterIndex] ??= []).push({ mention, reason: { alias: anaphor.text, reason: 'coreference', evidence: span } });
  });
  const entities: Array<{ -readonly [K in keyof Entity]: Entity[K] }> = [];
  clusters.forEach((entry, clusterIndex) => {
    if (entry.members.length === 0) return;
    // Members join in text order except surnames joining from step 2: sort only when that happened.
    if (!isAscending(entry.members)) entry.members.sort((a, b) => a - b);
    if (entry.strength <= 0 && entry.members.every((member) => found[member]!.initialOnly)) return;
    const mentions: EntityMention[] = [];
    let previousStart = -1;
    let previousEnd = -1;
    for (const member of entry.members) {
      const mention = found[member]!;
      // Members are in text order, so a repeated span is the previous one.
      if (mention.start === previousStart && mention.end === previousEnd) continue;
      previousStart = mention.start;
      previousEnd = mention.end;
      mentions.push(
        mention.role !== null
          ? { start: mention.start, end: mention.end, text: mention.name, form: forms[member]!, role: mention.role }
          : { start: mention.start, end: mention.end, text: mention.name, form: forms[member]! },
      );
    }
    const resolvedHere = extra[clusterIndex] ?? NO_EXTRA;
    for (const { mention } of resolvedHere) mentions.push(mention);
    if (resolvedHere.length > 0) mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    // The longest proper name written; a cluster of demonyms only takes the gazetteer name.
    let name = '';
    let canonicalWritten = false;
    for (const member of entry.members) {
      const mention = found[member]!;
      if (mention.form !== 'name' || canonicalWritten) continue;
      // A place written by its gazetteer name keeps it over a longer alias ("United States", not "United States of America").
      if (entry.type === 'place' && mention.canonical === mention.name) {
        name = mention.name;
        canonicalWritten = true;
      } else if (mention.name.length > name.length) name = mention.name;
    }
    if (name === '') {
      const known = entry.members.find((member) => found[member]!.canonical !== null);
      name = known !== undefined ? found[known]!.canonical! : found[entry.members[0]!]!.name;
    }
    const aliases: string[] = [];
    const why: MergeReason[] = [];
    for (const member of entry.members) {
      const mention = found[member]!;
      if (mention.name === name || aliases.includes(mention.name)) continue;
      aliases.push(mention.name);
      const recorded = reasons[member] ?? null;
      // How the mention joined; for the cluster's first name, how it meets the entity's name.
      let reason: Reason = recorded ?? 'same-name';
      if (mention.form === 'nominal') reason = 'known-alias';
      else if (recorded === null || recorded === 'same-name') {
        const verdict = sameEntity(mention.name, name, overrides);
        if (verdict.same && verdict.reason !== null) reason = verdict.reason;
      }
      why.push({ alias: mention.name, reason, evidence: { start: mention.start, end: mention.end, text: mention.name } });
    }
    for (const { reason } of resolvedHere) why.push(reason);
    entities.push({ id: '', name, type: entry.type, aliases, mentions, why });
  });
  // Usually already in order of first mention; the sort is stable, so skipping it then changes nothing.
  let ordered = true;
  for (let position = 1; ordered && position < entities.length; position++) if (entities[position - 1]!.mentions[0]!.start > entities[position]!.mentions[0]!.start) ordered = false;
  if (!ordered) entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  for (let position = 0; position < entities.length; position++) entities[position]!.id = entityId(position);
  return entities;
}

function isAscending(values: readonly number[]): boolean {
  for (let at = 1; at < values.length; at++) if (values[at - 1]! > values[at]!) return false;
  return true;
}

// Entity ids repeat in every article: built once each.
const ENTITY_IDS: string[] = [];

function entityId(position: number): string {
  for (let next = ENTITY_IDS.length; next <= position; next++) ENTITY_IDS.push(`e${next + 1}`);
  return ENTITY_IDS[position]!;
}

/**
 * The entity with a mention overlapping [start, end), preferring the longest overlap, then a written name over a
 * pronoun, then the shorter mention. An empty range matches a mention containing the offset.
 */
export function entityAt(entities: readonly Entity[], start: number, end: number): Entity | undefined {
  let best: Entity | undefined;
  let bestOverlap = -1;
  let bestNamed = false;
  let bestLength = Number.POSITIVE_INFINITY;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      const overlap = start === end ? (mention.start <= start && start < mention.end ? 0 : -1) : Math.min(end, mention.end) - Math.max(start, mention.start);
      if (overlap < 0 || (overlap === 0 && start !== end)) continue;
      const named = mention.form !== 'pronoun';
      const length = mention.end - mention.start;
      if (overlap > bestOverlap || (overlap === bestOverlap && ((named && !bestNamed) || (named === bestNamed && length < bestLength)))) {
        best = entity;
        bestOverlap = overlap;
        bestNamed = named;
        bestLength = length;
      }
    }
  }
  return best;
}
