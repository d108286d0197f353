import { makeSpan, trimRange } from '../model/span.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';
import type { DraftStatement } from './statements.js';

/** Dashes that attribute a quotation to the name after them ("“…” ― Jane Roe"). */
const ATTRIBUTION_DASHES = new Set(['―', '—']);
const MAX_NAME_TOKENS = 5;

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

/**
 * Attributions written by layout rather than by a verb: a transcript or headline line opening with a speaker and a
 * colon ("PENCE: …", "John McCain: …"), and a quotation line closed by a dash and a name ("“…” ― Jane Roe").
 * One pass over the paragraphs (lines); each line is read a bounded number of times.
 */
export function findLayoutAttributions(tokens: Tokens): DraftStatement[] {
  const drafts: DraftStatement[] = [];
  let lineStart = 0;
  for (let index = 1; index <= tokens.count; index++) {
    if (index < tokens.count && tokens.breaksBefore[index] === 0) continue;
    const lineEnd = index - 1;
    readLine(tokens, lineStart, lineEnd, drafts);
    lineStart = index;
  }
  return drafts;
}

function readLine(tokens: Tokens, first: number, last: number, drafts: DraftStatement[]): void {
  if (last - first < 2) return;
  // "PENCE: …" or "“WALLACE: …" (transcripts), "John McCain: …" (a headline's first line).
  let nameFirst = first;
  if (tokens.kinds[nameFirst] === TokenKind.Quote) nameFirst++;
  let nameLast = nameFirst;
  while (nameLast <= last && nameLast - nameFirst < 4 && isCapitalized(tokens, nameLast) && tokens.lower[nameLast + 1] !== ':') nameLast++;
  if (nameLast <= last && isCapitalized(tokens, nameLast) && tokens.lower[nameLast + 1] === ':' && nameLast + 2 <= last) {
    const allCapitals = isAllCapitals(tokens, nameLast);
    const headline = first === 0 && nameLast - nameFirst >= 1;
    if (allCapitals || headline) {
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
