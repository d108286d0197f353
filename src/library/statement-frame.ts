import type { Statement } from '../model/types.js';

const MAX_REACH = 200;

/** The range a statement covers in its text: content pieces, cue and source together. */
export function statementRange(statement: Statement): [number, number] {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  const spans = [...statement.content, ...(statement.cue === null ? [] : [statement.cue]), ...(statement.source === null ? [] : [statement.source])];
  for (const span of spans) {
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
  while (to < text.length && CLOSING_QUOTES.includes(text[to]!)) to++;
  return text.slice(from, to).replace(/\s+/gu, ' ').trim();
}

function isSentenceEnd(text: string, index: number): boolean {
  const char = text[index];
  if (char === '\n') return true;
  if (char !== undefined && CLOSING_QUOTES.includes(char) && index > 0) return isSentenceEnd(text, index - 1);
  if (char !== '.' && char !== '!' && char !== '?') return false;
  const next = text[index + 1];
  return next === undefined || next === ' ' || next === '\n' || CLOSING_QUOTES.includes(next);
}

const CLOSING_QUOTES = '"\u201d\u2019\u00bb\'';
