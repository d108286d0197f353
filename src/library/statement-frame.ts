import type { Statement } from '../model/types.js';

const MAX_REACH = 200;

/** The range a statement covers in its text: content pieces, cue and source together. */
export function statementRange(statement: Statement): [number, number] {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  // Plain loops rather than one spread array of the spans: this runs for every stored statement.
  for (const span of statement.content) {
    if (span.start < start) start = span.start;
    if (span.end > end) end = span.end;
  }
  for (const span of [statement.cue, statement.source]) {
    if (span === null) continue;
    if (span.start < start) start = span.start;
    if (span.end > end) end = span.end;
  }
  return Number.isFinite(start) ? [start, end] : [0, 0];
}

/** Plain text of the sentence(s) around a statement (at most 200 characters beyond it on either side), for snippets and hedges. */
export function statementFrame(text: string, statement: Statement): string {
  const [start, end] = statementRange(statement);
  let from = start;
  const leftLimit = Math.max(0, start - MAX_REACH);
  while (from > leftLimit && !isSentenceEnd(text, from - 1)) from--;
  let to = end;
  const rightLimit = Math.min(text.length, end + MAX_REACH);
  while (to < rightLimit && !isSentenceEnd(text, to - 1)) to++;
  while (to < text.length && isClosingQuote(text.charCodeAt(to))) to++;
  return collapseWhiteSpace(text.slice(from, to));
}

/** Every white-space run as one space, trimmed: replaces only runs that are not one plain space already (as /\s+/gu → ' ', in a third of the time). */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/ \s+|[^\S ]\s*/gu, ' ').trim();
}

/** Reads char codes, not one-character strings: this runs for every character near every stored statement. */
function isSentenceEnd(text: string, index: number): boolean {
  let at = index;
  while (at > 0 && isClosingQuote(text.charCodeAt(at))) at--;
  const code = text.charCodeAt(at);
  if (code === 10) return true; // a line end, possibly after closing marks
  if (code !== 46 && code !== 33 && code !== 63) return false; // . ! ?
  const next = text.charCodeAt(at + 1);
  return Number.isNaN(next) || next === 32 || next === 10 || isClosingQuote(next);
}

/** " ” ’ » ' */
function isClosingQuote(code: number): boolean {
  return code === 0x22 || code === 0x201d || code === 0x2019 || code === 0xbb || code === 0x27;
}
