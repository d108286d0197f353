import { ARTICLES, ARTICLES_AND_POSSESSIVES, PREPOSITIONS, RELATIVE_PRONOUNS } from '../lexicon/pronouns.js';
import { DEGREE_MODIFIERS, PARTY_WORDS, TITLE_WORDS } from '../lexicon/titles.js';
import { lowerBound, sortByPackedKey, type Span } from '../model/span.js';
import type { Entity, EntityMention, ResolvedSpeaker } from '../model/types.js';
import type { DraftStatement } from './statements.js';

interface IndexedMention {
  readonly start: number;
  readonly end: number;
  readonly mention: EntityMention;
  readonly entity: Entity;
}

/** Mentions longer than this are sorted with a comparator (the packed key gives their length 12 bits). */
const LENGTH_LIMIT = 4096;

/** Every entity mention sorted by start, then longer first, for binary search (mentions of one text do not nest deeply). */
function indexMentions(entities: readonly Entity[]): IndexedMention[] {
  const index: IndexedMention[] = [];
  let packable = true;
  let lastStart = 0;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      index.push({ start: mention.start, end: mention.end, mention, entity });
      if (mention.end - mention.start >= LENGTH_LIMIT) packable = false;
      if (mention.start > lastStart) lastStart = mention.start;
    }
  }
  const packed = packable ? sortByPackedKey(index, (item) => item.start * LENGTH_LIMIT + (LENGTH_LIMIT - 1 - (item.end - item.start)), (lastStart + 1) * LENGTH_LIMIT) : null;
  return packed ?? index.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Widest mention lookback: a mention that starts this far before the source cannot overlap it in practice. */
const LOOKBACK = 8;

/**
 * The entity a source names: among the mentions inside it, a speaker-like one (not a place) first, then the earliest
 * ("Victor Cha, who served at the National Security Council" is Victor Cha), then a written name over a pronoun.
 */
function entityOf(index: readonly IndexedMention[], span: Span): { entity: Entity; mention: EntityMention } | null {
  let best: IndexedMention | null = null;
  let bestScore = -Infinity;
  for (let position = Math.max(0, lowerBound(index, span.start) - LOOKBACK); position < index.length; position++) {
    const candidate = index[position]!;
    if (candidate.start >= span.end) break;
    const overlap = Math.min(span.end, candidate.end) - Math.max(span.start, candidate.start);
    if (overlap <= 0 || !headsSource(span, candidate)) continue;
    // A person named in apposition ("the head of the Nurses' Federation, Elise Varga,") is the speaker the description describes.
    const speakerLike = candidate.entity.type === 'place' ? 0 : candidate.entity.type === 'person' && isAppositive(span, candidate) ? 2 : 1;
    const score = speakerLike * 1_000_000 - Math.max(0, candidate.start - span.start) * 2 + (candidate.mention.form === 'pronoun' ? 0 : 1);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best === null ? null : { entity: best.entity, mention: best.mention };
}

/** ", who …" / ", which …" inside a source as written (one comma, then the pronoun: no backtracking). */
const RELATIVE_CLAUSE = /,\s(?:who|which|whose|whom)\s/;

const GOVERNING_WORDS = /\b(?:at|of|for|from|with|in|on|by|to|about|against|under)\s+(?:the\s+|a\s+|an\s+)?$/i;
/** The lower-case word right after a mention (a noun it modifies, or a function word that leaves it the head). */
const NEXT_LOWER_WORD = /^[\s\u00a0]*(\p{Ll}[\p{Ll}'’-]*)/u;
const POSSESSIVE_NEXT = /^['’]s?[\s\u00a0]+\p{Ll}/u;
/** Words after a name that leave it the head of its phrase ("Noor Halvorsen of the Kestrel Institute"). */
const HEAD_KEEPING_WORDS = new Set(['of', 'in', 'at', 'from', 'for', 'on', 'with', 'who', 'which', 'whose', 'and', 'or', 'also', 'himself', 'herself', 'itself', 'themselves']);

/**
 * Whether a mention inside a source names the speaker: not when a noun follows it ("His lawyer", "E.U. leaders",
 * "The Republican nominee", "Farrow's company") nor when a preposition governs it ("a professor at New York
 * University", "the head of the Nurses' Federation"); a preposition or relative after it leaves it the head.
 */
function headsSource(span: Span, candidate: IndexedMention): boolean {
  const after = span.text.slice(Math.max(0, candidate.end - span.start));
  if (POSSESSIVE_NEXT.test(after)) return false;
  const next = NEXT_LOWER_WORD.exec(after);
  // "Critics of the council" stays a description: only a person's name keeps the head before "of".
  if (next !== null && (!HEAD_KEEPING_WORDS.has(next[1]!) || (next[1] === 'of' && candidate.entity.type !== 'person'))) return false;
  // A role written before the name belongs to it ("supporters of Republican Ana Reyes", "critics of President Ana
  // Ruiz", "aides to Sen. Ana Reyes"). A title cut after "of the" ("Speaker of the House Rep. Paul Ryan") is no
  // governed noun: there the preposition follows a title word and the name still heads the source.
  const role = candidate.mention.role;
  const lead = role !== undefined && role.start < candidate.start ? role.start : candidate.start;
  const before = span.text.slice(0, Math.max(0, lead - span.start));
  if (GOVERNING_WORDS.test(before) && (lead === candidate.start || isPartyRole(role!.text) || !followsTitle(before))) return false;
  if (lead !== candidate.start && GOVERNING_WORDS.test(span.text.slice(0, Math.max(0, candidate.start - span.start)))) return false;
  // "Residents of the capital, Port Adel,": a place in apposition to a governed noun is governed too (a person or an
  // organization there names the speaker: "the head of the Nurses' Federation, Elise Varga,").
  return !(candidate.entity.type === 'place' && isAppositive(span, candidate) && PREPOSITION.test(before));
}

/** Whether `before` ends with "of" (and an article) after a title word ("Speaker of the "; not "a spokesman for "). */
function followsTitle(before: string): boolean {
  const words = before.trimEnd().split(' ');
  let at = words.length - 1;
  if (at >= 0 && ARTICLES.has(words[at]!.toLowerCase())) at--;
  return at >= 1 && words[at]!.toLowerCase() === 'of' && TITLE_WORDS.has(words[at - 1]!.toLowerCase());
}

/** A preposition anywhere in a text. */
const PREPOSITION = /\b(?:at|of|for|from|in|on|with|by|about|against|under)\s/i;

/** True when every word of a role is a party word ("Republican", "Liberal Democrat"). */
function isPartyRole(role: string): boolean {
  return role.split(' ').every((word) => PARTY_WORDS.has(word.toLowerCase()));
}

/** "…, Elise Varga," — a mention right after a comma inside the source, ending it (a closing comma allowed). */
function isAppositive(span: Span, candidate: IndexedMention): boolean {
  const before = span.text.slice(0, Math.max(0, candidate.start - span.start));
  const after = span.text.slice(Math.max(0, candidate.end - span.start));
  return /,[\s\u00a0]*$/.test(before) && /^[,\s\u00a0]*$/.test(after);
}

/** Place prepositions: in "Democrats in Westmark, who", the relative clause describes the noun before the place. */
const PLACE_PREPOSITIONS = new Set(['on', 'in', 'at', 'from', 'across', 'throughout', 'inside', 'outside', 'near']);

/**
 * The antecedent of a relative pronoun: the nearest non-pronoun mention before it in its sentence, with a short gap of
 * punctuation only or an appositive after a comma ("Peabody, the largest coal company, which"). Words right after the
 * mention make it a modifier ("the Saudi government, which"): none. A mention after a place preposition gives way to
 * the mention right before the phrase, or none (for "who", unless the mention is a person); a phrase after the mention
 * that opens with a preposition is no such modifier ("Republicans across the country, who"). Limit: an "of" phrase keeps its object ("the head of the agency, who").
 */
function mentionBefore(index: readonly IndexedMention[], span: Span, text: string): { entity: Entity; mention: EntityMention } | null {
  const upper = lowerBound(index, span.start);
  const personal = span.text.toLowerCase() === 'who';
  for (let position = upper - 1; position >= 0 && position >= upper - LOOKBACK; position--) {
    const candidate = index[position]!;
    if (candidate.end > span.start || candidate.mention.form === 'pronoun') continue;
    const between = text.slice(candidate.end, span.start);
    if (between.length > 40 || /[.!?\n]/.test(between) || !isAntecedentGap(between)) return null;
    const preposition = wordEndingAt(text, candidate.start);
    // "which" may well stand for a place or an outlet ("his years at Radio Selin, which"); "who" stands for a person ("a reply from Ann Lee, who") or a group.
    if (!(personal && candidate.entity.type !== 'person' && PLACE_PREPOSITIONS.has(text.slice(preposition, candidate.start).trim().toLowerCase()))) return { entity: candidate.entity, mention: candidate.mention };
    for (let earlier = position - 1; earlier >= 0 && earlier >= upper - LOOKBACK; earlier--) {
      const head = index[earlier]!;
      if (head.end > preposition || head.mention.form === 'pronoun') continue;
      return text.slice(head.end, preposition).trim() === '' ? { entity: head.entity, mention: head.mention } : null;
    }
    return null;
  }
  return null;
}

/** Between an antecedent and its relative pronoun: punctuation (after an adverb of place or time: "protesters here, who"), or a comma first (an appositive). */
const ANTECEDENT_GAP = /^(?:(?:[\s\u00a0]+(?:here|there|too|now|then|today|abroad|alone))?[\s\u00a0,;:—–-]*|[\s\u00a0]*,.*)$/isu;

/** Whether `between` may separate an antecedent from its relative pronoun: that gap, or a phrase after a preposition ("Republicans across the country, who"). */
function isAntecedentGap(between: string): boolean {
  if (ANTECEDENT_GAP.test(between)) return true;
  const first = /^[\s\u00a0]+(\p{L}+)[\s\u00a0]/u.exec(between);
  return first !== null && PREPOSITIONS.has(first[1]!.toLowerCase());
}

/** Where the word before `at` starts (spaces before `at` skipped; `at` itself when no word precedes). */
function wordEndingAt(text: string, at: number): number {
  let start = at;
  while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 0xa0)) start--;
  const end = start;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return start === end ? at : start;
}

/** The named (non-pronoun) mention of a person ending right before ", " and a description: the name the description is set off after. */
function appositiveOf(index: readonly IndexedMention[], description: Span, text: string): IndexedMention | null {
  let comma = description.start;
  while (comma > 0 && (text.charCodeAt(comma - 1) === 32 || text.charCodeAt(comma - 1) === 0xa0)) comma--;
  if (comma === 0 || text.charCodeAt(comma - 1) !== 44) return null;
  const upper = lowerBound(index, comma);
  for (let position = upper - 1; position >= 0 && position >= upper - LOOKBACK; position--) {
    const candidate = index[position]!;
    if (candidate.end > comma - 1 || candidate.mention.form === 'pronoun') continue;
    return candidate.end === comma - 1 && candidate.entity.type === 'person' ? candidate : null;
  }
  return null;
}

/** The first written name of an entity: the evidence a resolution rests on. */
function nameEvidence(entity: Entity): EntityMention | undefined {
  return entity.mentions.find((mention) => mention.form === 'name') ?? entity.mentions.find((mention) => mention.form !== 'pronoun');
}

/**
 * Resolves each statement's speaker: the entity whose mention covers the source as written (pronouns and
 * descriptions were clustered by coreference); a statement that shares the speaker of an earlier one
 * ("…, claiming that") takes that speaker; an unnamed source ("sources", "international critics") stays as written.
 * Evidence: the source span and the named mention it was linked to.
 */
export function resolveSpeakers(input: {
  drafts: readonly DraftStatement[];
  sharesSpeakerWith: Int32Array;
  entities: readonly Entity[];
  text: string;
  /** The document's resolver when the caller already made one (its mention index is built once per document). */
  resolve?: (source: Span) => ResolvedSpeaker;
}): Array<ResolvedSpeaker | null> {
  const { drafts, sharesSpeakerWith, entities, text } = input;
  const resolve = input.resolve ?? makeSourceResolver(entities, text);
  const speakers: Array<ResolvedSpeaker | null> = [];
  drafts.forEach((draft, position) => {
    const shared = sharesSpeakerWith[position]!;
    if (draft.source === null) speakers.push(shared >= 0 ? (speakers[shared] ?? null) : null);
    else if (draft.standsFor !== undefined) speakers.push(labelled(resolve(draft.standsFor), draft.source));
    else speakers.push(resolve(draft.source));
  });
  return speakers;
}

/** A speaker resolved from the name a label stands for: the label as written leads its evidence. */
function labelled(speaker: ResolvedSpeaker, label: Span): ResolvedSpeaker {
  return { ...speaker, evidence: [label, ...speaker.evidence] };
}

/**
 * The speaker of one source as written, for a stage that resolves sources one at a time (nested statements): the
 * mention index is built once per document, not per source, which would be quadratic in a long document.
 */
export function makeSourceResolver(entities: readonly Entity[], text: string): (source: Span) => ResolvedSpeaker {
  const index = indexMentions(entities);
  return (source) => {
    // A relative pronoun ("…, which proposed …") speaks for the mention right before it in its sentence.
    const relative = RELATIVE_PRONOUNS.has(source.text.toLowerCase()) ? mentionBefore(index, source, text) : null;
    const found = relative ?? entityOf(index, source);
    if (found === null) {
      const antecedent = RELATIVE_PRONOUNS.has(source.text.toLowerCase()) ? antecedentBefore(text, source.start, source.text.toLowerCase() === 'who') : null;
      if (antecedent !== null) {
        // "Ann Lee, the union's treasurer, who …": a description set off after a name stands for that name.
        const named = appositiveOf(index, antecedent, text);
        if (named !== null) return { name: named.entity.name, entity: named.entity.id, evidence: [source, antecedent, { start: named.start, end: named.end, text: text.slice(named.start, named.end) }] };
        return { name: antecedent.text, entity: null, evidence: [source, antecedent] };
      }
      return { name: unnamedSpeakerName(source.text), entity: null, evidence: [source] };
    }
    const named = nameEvidence(found.entity);
    const evidence: Span[] = [source];
    if (named !== undefined && (named.start !== source.start || named.end !== source.end)) {
      evidence.push({ start: named.start, end: named.end, text: named.text });
    }
    return { name: found.entity.name, entity: found.entity.id, evidence };
  };
}

/** An unnamed source's name is its words without leading words of degree: "strong international criticism" → "international criticism". */
function unnamedSpeakerName(written: string): string {
  // "Denmark's government, which owns half of Orsted,": the relative clause describes the speaker; the name stops before it.
  const relative = RELATIVE_CLAUSE.exec(written);
  if (relative !== null && relative.index > 0) written = written.slice(0, relative.index);
  let end = written.length;
  while (end > 0 && (written[end - 1] === ',' || written[end - 1] === ' ')) end--;
  written = written.slice(0, end);
  const words = written.split(' ');
  let first = 0;
  while (first < words.length - 1 && DEGREE_MODIFIERS.has(words[first]!.toLowerCase())) first++;
  return first === 0 ? written : words.slice(first).join(' ');
}

const ANTECEDENT_DETERMINERS = new Set([...ARTICLES_AND_POSSESSIVES, 'one', 'another', 'some', 'several', 'many']);
const MAX_ANTECEDENT_WORDS = 5;
const COORDINATORS = new Set(['and', 'or', 'but']);
/** Prepositions whose object is a place or field more often than a speaker ("in the country", "across the region"). */
const ENCLOSING_PLACE_PREPOSITIONS = new Set(['in', 'across', 'throughout', 'inside', 'near']);

/**
 * "an architect who said …": an unnamed antecedent of a relative pronoun, read back from the pronoun to a determiner
 * over at most five words (an optional comma first), or null: also after "and" (a second relative clause) and, for
 * "who" (`personal`), for the object of a place preposition. Reads char codes backwards; bounded, so linear overall.
 */
function antecedentBefore(text: string, pronounStart: number, personal: boolean): Span | null {
  let at = pronounStart;
  const skipSpaces = (): void => {
    while (at > 0 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 0xa0)) at--;
  };
  skipSpaces();
  if (at > 0 && text.charCodeAt(at - 1) === 44) at--; // ", who"
  skipSpaces();
  const end = at;
  for (let words = 0; words < MAX_ANTECEDENT_WORDS && at > 0; words++) {
    const wordEnd = at;
    while (at > 0 && isWordChar(text.charCodeAt(at - 1))) at--;
    if (at === wordEnd || !/[\p{L}\p{N}]/u.test(text.slice(at, wordEnd))) return null; // "--" is no word
    const word = text.slice(at, wordEnd).toLowerCase();
    // "the plant's owners and who …": a coordinated relative clause; its antecedent is further back than five words allow.
    if (words === 0 && COORDINATORS.has(word)) return null;
    if (ANTECEDENT_DETERMINERS.has(word)) {
      if (words === 0) return null;
      // "Greens across the region, who": a person is no place; "which" may describe the place ("in the report, which").
      if (personal && ENCLOSING_PLACE_PREPOSITIONS.has(text.slice(wordEndingAt(text, at), at).trim().toLowerCase())) return null;
      return { start: at, end, text: text.slice(at, end) };
    }
    if (at === 0 || text.charCodeAt(at - 1) !== 32) return null;
    at--;
  }
  return null;
}

/** Letters (any script), digits, hyphen and apostrophes: the characters of a word in an antecedent. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 39 || code === 0x2019 || (code > 127 && code !== 0xa0 && code !== 0x201c && code !== 0x201d);
}
