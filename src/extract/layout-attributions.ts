import { makeSpan, trimRange, type Span } from '../model/span.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import { tokenAfterColonDateline } from './content-boundaries.js';
import type { DraftStatement } from './statements.js';

/** Dashes that attribute a quotation to the name after them ("“…” ― Jane Roe"). */
const ATTRIBUTION_DASHES = new Set(['―', '—']);
const MAX_NAME_TOKENS = 5;
/** Capitalised labels that open a line as a rubric or a metadata field ("BYLINE: …", "WATCH: …"), not as a speaker. */
const RUBRIC_LABELS = new Set(['byline', 'email', 'e-mail', 'photo', 'photos', 'video', 'videos', 'watch', 'look', 'listen', 'boom', 'busted', 'breaking', 'exclusive', 'source', 'sources', 'credit', 'credits', 'contact', 'related', 'dateline', 'length', 'section', 'highlights', 'tags', 'copyright', 'graphic', 'map']);

function isCapitalized(tokens: Tokens, index: number): boolean {
  const char = tokens.text[tokens.starts[index]!] ?? '';
  return tokens.kinds[index] === TokenKind.Word && char !== char.toLowerCase();
}

function isAllCapitals(tokens: Tokens, index: number): boolean {
  // Kind and length first: most tokens are ruled out before their text is sliced and case-mapped.
  if (tokens.kinds[index] !== TokenKind.Word || tokens.ends[index]! - tokens.starts[index]! < 2) return false;
  const word = tokens.text.slice(tokens.starts[index]!, tokens.ends[index]!);
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

function draftOf(tokens: Tokens, source: [number, number], cue: number, content: [number, number], stripFinalPeriod: boolean, verbatim = false): DraftStatement | null {
  let last = content[1];
  if (stripFinalPeriod && tokens.lower[last] === '.' && last > content[0]) last--;
  const [start, end] = trimRange(tokens.text, tokens.starts[content[0]]!, tokens.ends[last]!);
  if (end <= start) return null;
  const sourceSpan = makeSpan(tokens.text, tokens.starts[source[0]]!, tokens.ends[source[1]]!);
  const cueSpan = makeSpan(tokens.text, tokens.starts[cue]!, tokens.ends[cue]!);
  const quoted = tokens.kinds[content[0]] === TokenKind.Quote;
  return {
    kind: quoted || verbatim ? 'direct' : 'indirect',
    content: [makeSpan(tokens.text, start, end)],
    cue: { ...cueSpan, stance: 'neutral', lemma: cueSpan.text },
    source: sourceSpan,
    contentTokens: [[content[0], last]],
    cueTokens: [cue, cue],
    sourceTokens: source,
  };
}

/** Interview labels: "Q:"/"Question:" open the interviewer's line, "A:"/"Answer:" the interviewee's answer. */
const QUESTION_LABELS = new Set(['q', 'question']);
const ANSWER_LABELS = new Set(['a', 'answer']);
/** Words before "with" that introduce the person interviewed ("An interview with Mayor Ilona Varga", "Q&A with …"). */
const INTERVIEW_NOUNS = new Set(['interview', 'interviews', 'conversation', 'q&a', 'a']);
/** How far back (tokens) from the first question the introduction naming the interviewee is looked for. */
const MAX_INTRO_TOKENS = 400;
const MAX_INTERVIEWEE_TOKENS = 6;

type InterviewLabel = 'question' | 'answer';

/** An answer being read: its label, colon and one token range per paragraph, until the next label. */
interface OpenAnswer {
  readonly label: number;
  readonly pieces: Array<[number, number]>;
}

/** "Q:", "Question:", "ANSWER:" opening a line: the label, or null. */
function interviewLabelOf(tokens: Tokens, first: number, last: number): InterviewLabel | null {
  if (last - first < 2 || tokens.lower[first + 1] !== ':' || !isCapitalized(tokens, first)) return null;
  const word = tokens.lower[first]!;
  if (QUESTION_LABELS.has(word)) return 'question';
  if (ANSWER_LABELS.has(word)) return 'answer';
  return null;
}

/**
 * The person an interview's introduction names before its first question ("An interview with Mayor Ilona Varga",
 * "Q&A with Vice President Joe Biden"): the capitalised words after the nearest "interview with". Bounded look-back.
 * Known limit: an introduction that names the interviewee only as a subject ("Varga spoke to the Courier") gives none.
 */
function findInterviewee(tokens: Tokens, question: number): Span | null {
  const floor = Math.max(0, question - MAX_INTRO_TOKENS);
  for (let index = question - 1; index > floor; index--) {
    if (tokens.lower[index] !== 'with' || !INTERVIEW_NOUNS.has(tokens.lower[index - 1]!)) continue;
    // "a with" only as the end of "Q&A with".
    if (tokens.lower[index - 1] === 'a' && (tokens.lower[index - 2] !== '&' || tokens.lower[index - 3] !== 'q')) continue;
    let last = index;
    while (last + 1 < question && last - index < MAX_INTERVIEWEE_TOKENS && isCapitalized(tokens, last + 1)) last++;
    if (last === index) continue;
    return makeSpan(tokens.text, tokens.starts[index + 1]!, tokens.ends[last]!);
  }
  return null;
}

/** Marks that end a spoken sentence, or the quotation closing one. */
const SENTENCE_CLOSERS = new Set(['.', '!', '?', '…', '"', '”', '’', "'", '»']);

/** Whether a line ends as an answer's paragraph does: with a full stop, "!", "?", an ellipsis or a closing quotation mark. */
function endsLikeSentence(tokens: Tokens, lineEnd: number): boolean {
  return SENTENCE_CLOSERS.has(tokens.lower[lineEnd]!);
}

/** An answer's statement: the "A" label is its source as written, the colon its cue, each paragraph a content piece. */
function answerDraft(tokens: Tokens, answer: OpenAnswer, interviewee: Span | null): DraftStatement | null {
  const single = answer.pieces.length === 1 ? answer.pieces[0]! : null;
  const stripFinalPeriod = single !== null && tokens.sentence[single[0]] === tokens.sentence[single[1]];
  const draft = draftOf(tokens, [answer.label, answer.label], answer.label + 1, answer.pieces[0]!, stripFinalPeriod, true);
  if (draft === null) return null;
  const content: Span[] = [...draft.content];
  const contentTokens: Array<readonly [number, number]> = [...draft.contentTokens];
  for (let piece = 1; piece < answer.pieces.length; piece++) {
    const [first, last] = answer.pieces[piece]!;
    const [start, end] = trimRange(tokens.text, tokens.starts[first]!, tokens.ends[last]!);
    if (end <= start) continue;
    content.push(makeSpan(tokens.text, start, end));
    contentTokens.push([first, last]);
  }
  return { ...draft, content, contentTokens, ...(interviewee === null ? {} : { standsFor: interviewee }) };
}

/**
 * Attributions written by layout rather than by a verb: a transcript or headline line opening with a speaker and a
 * colon ("PENCE: …", "John McCain: …"), a quotation line closed by a dash and a name ("“…” ― Jane Roe"), and an
 * interview's "Q:"/"A:" lines, each answer running on over its paragraphs until the next label.
 * One pass over the paragraphs (lines); each line is read a bounded number of times.
 */
export function findLayoutAttributions(tokens: Tokens): DraftStatement[] {
  const drafts: DraftStatement[] = [];
  let interviewee: Span | null | undefined;
  let answer: OpenAnswer | null = null;
  const closeAnswer = (): void => {
    if (answer === null) return;
    const draft = answerDraft(tokens, answer, interviewee ?? null);
    if (draft !== null) drafts.push(draft);
    answer = null;
  };
  let lineStart = 0;
  for (let index = 1; index <= tokens.count; index++) {
    if (index < tokens.count && tokens.breaksBefore[index] === 0) continue;
    const lineEnd = index - 1;
    const label = interviewLabelOf(tokens, lineStart, lineEnd);
    if (label === 'question') {
      closeAnswer();
      if (interviewee === undefined) interviewee = findInterviewee(tokens, lineStart);
      // The question is the interviewer's line, as a named transcript line ("HOST: …") is.
      const draft = draftOf(tokens, [lineStart, lineStart], lineStart + 1, [lineStart + 2, lineEnd], false, true);
      if (draft !== null) drafts.push(draft);
    } else if (label === 'answer' && interviewee !== undefined) {
      // An "A:" line counts only after a question: "A: …" alone is too rare a layout to trust.
      closeAnswer();
      answer = { label: lineStart, pieces: [[lineStart + 2, lineEnd]] };
    } else if (answer !== null && !endsLikeSentence(tokens, lineEnd)) {
      // A line that does not end like a sentence (a headline, "Read also", a list of links) ends the interview.
      closeAnswer();
      readLine(tokens, lineStart, lineEnd, drafts);
    } else if (answer !== null) {
      const before = drafts.length;
      readLine(tokens, lineStart, lineEnd, drafts);
      if (drafts.length > before) {
        // A named transcript line ends the answer: keep it after the answer, in reading order.
        const named = drafts.pop()!;
        closeAnswer();
        drafts.push(named);
      } else (answer as OpenAnswer).pieces.push([lineStart, lineEnd]);
    } else readLine(tokens, lineStart, lineEnd, drafts);
    lineStart = index;
  }
  closeAnswer();
  return drafts;
}

function readLine(tokens: Tokens, first: number, last: number, drafts: DraftStatement[]): void {
  if (last - first < 2) return;
  // "PENCE: …" or "“WALLACE: …" (transcripts), "John McCain: …" (a headline's first line).
  let nameFirst = first;
  if (tokens.kinds[nameFirst] === TokenKind.Quote) nameFirst++;
  let nameLast = nameFirst;
  while (nameLast <= last && nameLast - nameFirst < 4 && isCapitalized(tokens, nameLast) && tokens.lower[nameLast + 1] !== ':') nameLast++;
  // "PUNALI: Residents …" opening the paragraph after the headline is a dateline, not a speaker's line.
  if (tokenAfterColonDateline(tokens, first, last + 1) > 0) return;
  if (nameLast <= last && isCapitalized(tokens, nameLast) && tokens.lower[nameLast + 1] === ':' && nameLast + 2 <= last) {
    const allCapitals = isAllCapitals(tokens, nameLast);
    const headline = first === 0 && nameLast - nameFirst >= 1;
    if ((allCapitals || headline) && !(nameFirst === nameLast && RUBRIC_LABELS.has(tokens.lower[nameFirst]!))) {
      const content: [number, number] = [nameLast + 2, last];
      const multiSentence = tokens.sentence[content[0]] !== tokens.sentence[content[1]];
      // A transcript's words are the speaker's own (direct); a headline's "Name: …" is the outlet's summary.
      const draft = draftOf(tokens, [nameFirst, nameLast], nameLast + 1, content, !multiSentence, allCapitals);
      if (draft !== null) drafts.push(draft);
      return;
    }
  }
  // "QUESTION (Ingrid Solberg, Vassby Dagblad): …": a transcript label with the speaker named in parentheses.
  if (tokens.lower[nameFirst + 1] === '(' && isAllCapitals(tokens, nameFirst)) {
    const open = nameFirst + 1;
    let close = open + 1;
    while (close <= last && close - open <= 12 && tokens.lower[close] !== ')') close++;
    if (close > last || tokens.lower[close] !== ')' || tokens.lower[close + 1] !== ':' || close + 2 > last) return;
    let speakerLast = open + 1;
    while (speakerLast + 1 < close && isCapitalized(tokens, speakerLast + 1)) speakerLast++;
    const named = isCapitalized(tokens, open + 1);
    const draft = draftOf(tokens, named ? [open + 1, speakerLast] : [nameFirst, nameFirst], close + 1, [close + 2, last], false, true);
    if (draft !== null) drafts.push(draft);
    return;
  }
  // "“…” ― Jane Roe": a quotation, a dash, then a short capitalised name ending the line.
  let dash = last - 1;
  while (dash > first && last - dash <= MAX_NAME_TOKENS && !ATTRIBUTION_DASHES.has(tokens.lower[dash]!)) dash--;
  if (!ATTRIBUTION_DASHES.has(tokens.lower[dash]!) || dash <= first) return;
  for (let name = dash + 1; name <= last; name++) if (!isCapitalized(tokens, name) && tokens.kinds[name] !== TokenKind.Punct) return;
  if (tokens.kinds[dash - 1] !== TokenKind.Quote || tokens.kinds[first] !== TokenKind.Quote) return;
  let nameLastToken = last;
  while (nameLastToken > dash && tokens.kinds[nameLastToken] === TokenKind.Punct) nameLastToken--;
  if (nameLastToken <= dash) return;
  const draft = draftOf(tokens, [dash + 1, nameLastToken], dash, [first, dash - 1], false);
  if (draft !== null) drafts.push(draft);
}
