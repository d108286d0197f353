import { ADDRESSEE_VERBS, CUE_VERBS, UTTERANCE_STANCES } from '../lexicon/cues.js';
import { ARTICLES_AND_POSSESSIVES } from '../lexicon/pronouns.js';
import { relayRoleByHead } from '../lexicon/relays.js';
import { makeSpan, trimRange, type Span } from '../model/span.js';
import type { Relay, RelayRole, ResolvedSpeaker, Statement } from '../model/types.js';
import { afterAddressee, clauseStart } from './content-boundaries.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);
const FIRST_PERSON = new Set(['i', 'we']);
/** Subjects that deny any report ("Nobody told us", "None of them said"). */
const NEGATED_SUBJECTS = new Set(['nobody', 'none', 'nothing', 'neither', 'no-one']);
const SKIPPABLE = new Set(['also', 'later', 'had', 'has', 'have', 'then', 'reportedly', 'once', 'privately', 'publicly', 'personally', 'even']);

function isCapitalized(tokens: Tokens, index: number): boolean {
  const char = tokens.text[tokens.starts[index]!] ?? '';
  return char !== char.toLowerCase();
}

function isPast(word: string): boolean {
  // By the last letter first: most words end in none of d, e, t and are ruled out without a string comparison.
  const last = word.charCodeAt(word.length - 1);
  if (last === 100) return word.endsWith('ed') || word === 'said' || word === 'told';
  if (last === 101) return word === 'wrote' || word === 'spoke';
  return last === 116 && word === 'thought';
}


/** "The port authority of Selin": a name after "of" heads a noun phrase that may open a few words earlier, at a determiner. */
function nounPhraseStart(tokens: Tokens, first: number, nameStart: number): number {
  if (nameStart - 2 < first || tokens.lower[nameStart - 1] !== 'of') return nameStart;
  for (let index = nameStart - 2; index >= first && index >= nameStart - 6; index--) {
    if (tokens.kinds[index] !== TokenKind.Word) return nameStart;
    if (ARTICLES_AND_POSSESSIVES.has(tokens.lower[index]!)) return index;
  }
  return nameStart;
}


/** Most lower-case words of a description read back from a verb to its article ("the port director told"). */
const MAX_DESCRIPTION_WORDS = 4;

/**
 * "The port director told …" inside reported content: a description subject, read back from `last` over lower-case
 * words to an article or possessive that opens the content or follows a comma; its first token, or -1.
 */
function descriptionStart(tokens: Tokens, first: number, last: number): number {
  if (tokens.kinds[last] !== TokenKind.Word || isCapitalized(tokens, last)) return -1;
  for (let at = last - 1; at >= first && last - at <= MAX_DESCRIPTION_WORDS; at--) {
    if (tokens.kinds[at] !== TokenKind.Word) return -1;
    if (ARTICLES_AND_POSSESSIVES.has(tokens.lower[at]!)) return at === first || tokens.lower[at - 1] === ',' ? at : -1;
  }
  return -1;
}

/** A relay is a document when its head (last) word names one ("according to a statement"), else a relaying speaker. */
function relayRoleOf(source: Span): RelayRole {
  // Only the last word is lower-cased (no list of words): lower-casing neither adds nor removes spaces.
  return relayRoleByHead(source.text.slice(source.text.lastIndexOf(' ') + 1).toLowerCase(), 'relay');
}

export interface NestedInput {
  readonly tokens: Tokens;
  readonly statements: readonly Statement[];
  /** Token ranges of each statement's content pieces, parallel to `statements`. */
  readonly contentTokens: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly speakerOf: (source: Span) => ResolvedSpeaker | null;
}

/**
 * Finds statements reported inside another statement's content ("Zelenskyy revealed that Lukashenko apologized … and
 * denied responsibility …"): a past-tense speech verb with a named or pronoun subject inside the content, and verbs
 * coordinated with it. Each becomes a statement `within` the outer one, with the outer speaker as its first relay.
 * Linear in the content tokens. Limit: one level deep, subjects written right before the verb.
 */
export function findNestedStatements(input: NestedInput): Statement[] {
  const { tokens, statements, contentTokens } = input;
  const { text, ends } = tokens;
  const nested: Statement[] = [];
  statements.forEach((outer, statementIndex) => {
    if (outer.within !== undefined) return;
    // Fields copied by name, not spread: spreading statement spans here measured ~1.5% of an analysis (a slow generic copy).
    const source = outer.source;
    // Built on the first nested statement (undefined until then): most statements report none.
    let outerRelay: Relay | null | undefined;
    const relayOfOuter = (): Relay | null => {
      if (outerRelay === undefined) outerRelay = source === null ? null : { start: source.start, end: source.end, text: source.text, name: outer.speaker?.name ?? source.text, role: relayRoleOf(source) };
      return outerRelay;
    };
    for (const [first, last] of contentTokens[statementIndex] ?? []) {
      let previousInner: { source: Span | null; speaker: ResolvedSpeaker | null } | null = null;
      const found: Array<{ cue: number; subject: [number, number] | null }> = [];
      for (let index = first + 1; index <= last; index++) {
        // The last letter read from the text first (ASCII: its lower case is the word's): most token strings stay untouched.
        const lastCode = text.charCodeAt(ends[index]! - 1) | 32;
        if (lastCode !== 100 && lastCode !== 101 && lastCode !== 116 && lastCode < 128) continue;
        const word = tokens.lower[index]!;
        if (!isPast(word)) continue; // before the Map lookup: most content words are not past tense
        const entry = CUE_VERBS.get(word);
        if (entry === undefined || !UTTERANCE_STANCES.has(entry.stance)) continue;
        let subjectEnd = index - 1;
        while (subjectEnd > first && SKIPPABLE.has(tokens.lower[subjectEnd]!)) subjectEnd--;
        // "the prime minister, Ana Lisk, had admitted": the comma closing an apposition ends the subject's name.
        if (tokens.lower[subjectEnd] === ',' && subjectEnd - 1 > first && isCapitalized(tokens, subjectEnd - 1)) subjectEnd--;
        const subjectWord = tokens.lower[subjectEnd]!;
        // "Nobody told us anything": a negated subject reports that nothing was said.
        if (NEGATED_SUBJECTS.has(subjectWord)) continue;
        const described = SUBJECT_PRONOUNS.has(subjectWord) ? -1 : descriptionStart(tokens, first, subjectEnd);
        if (SUBJECT_PRONOUNS.has(subjectWord) || (tokens.kinds[subjectEnd] === TokenKind.Word && isCapitalized(tokens, subjectEnd) && subjectEnd > first - 1)) {
          let subjectStart = subjectEnd;
          while (subjectStart - 1 >= first && tokens.kinds[subjectStart - 1] === TokenKind.Word && isCapitalized(tokens, subjectStart - 1)) subjectStart--;
          found.push({ cue: index, subject: [nounPhraseStart(tokens, first, subjectStart), subjectEnd] });
        } else if (described >= 0) {
          found.push({ cue: index, subject: [described, subjectEnd] });
        } else if ((subjectWord === 'and' || subjectWord === 'but') && found.length > 0) {
          found.push({ cue: index, subject: null });
        }
      }
      found.forEach((item, position) => {
        let contentFirst = clauseStart(tokens, item.cue + 1, last);
        // "told reporters the cranes would …": the person told is not what was said.
        if (contentFirst === item.cue + 1 && ADDRESSEE_VERBS.has(tokens.lower[item.cue]!)) contentFirst = afterAddressee(tokens, contentFirst, last);
        // "He said, ‘Keep the keys,’ …": the reported words start after the comma or colon that introduces them.
        while (contentFirst < last && (tokens.lower[contentFirst] === ',' || tokens.lower[contentFirst] === ':')) contentFirst++;
        // "… just as the mayor said. The rest is noise.": a verb that ends its clause reports nothing here.
        if (tokens.kinds[contentFirst] === TokenKind.Punct || tokens.sentence[contentFirst] !== tokens.sentence[item.cue]) return;
        const next = found[position + 1];
        // The clause runs to the next coordinated verb (without its "and") or to the end of the outer content.
        let contentLast = next === undefined ? last : (next.subject?.[0] ?? next.cue) - 1;
        while (contentLast >= contentFirst && (tokens.lower[contentLast] === 'and' || tokens.lower[contentLast] === 'but' || tokens.kinds[contentLast] === TokenKind.Punct || tokens.kinds[contentLast] === TokenKind.Quote)) contentLast--;
        if (contentLast < contentFirst) return;
        const [start, end] = trimRange(tokens.text, tokens.starts[contentFirst]!, tokens.ends[contentLast]!);
        const source = item.subject === null ? null : makeSpan(tokens.text, tokens.starts[item.subject[0]]!, tokens.ends[item.subject[1]]!);
        // "I said it in October" inside a speaker's own words: the speaker reports themself, and is no relay of it.
        const firstPerson = source !== null && FIRST_PERSON.has(source.text.toLowerCase()) && outer.speaker !== null;
        const speaker = firstPerson ? outer.speaker : source !== null ? input.speakerOf(source) : (previousInner?.speaker ?? null);
        const cueWord = tokens.lower[item.cue]!;
        const entry = CUE_VERBS.get(cueWord)!;
        const relay = relayOfOuter();
        const cueSpan = makeSpan(tokens.text, tokens.starts[item.cue]!, tokens.ends[item.cue]!);
        nested.push({
          id: '',
          kind: 'indirect',
          content: [makeSpan(tokens.text, start, end)],
          cue: { start: cueSpan.start, end: cueSpan.end, text: cueSpan.text, stance: entry.stance, lemma: entry.lemma },
          source,
          speaker,
          via: relay === null || firstPerson ? [...outer.via] : [relay, ...outer.via],
          within: outer.id,
        });
        previousInner = { source, speaker };
      });
    }
  });
  return nested;
}
