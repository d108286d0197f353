import { QUOTE_MARKS } from '../lexicon/quotes.js';
import type { Diagnostic } from '../model/types.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';

/** A quotation: from its opening mark to its closing mark (both included), with the token range inside. */
export interface Quotation {
  readonly start: number;
  readonly end: number;
  /** Offsets of the quoted words, without the marks. */
  readonly innerStart: number;
  readonly innerEnd: number;
  /** Token index of the opening mark, and of the closing mark (or the last token inside when unterminated). */
  readonly openToken: number;
  readonly closeToken: number;
  /** Nesting depth: 0 for an outermost quotation. */
  readonly depth: number;
  /** True when the quotation runs over a paragraph break (each continued paragraph opens with a mark). */
  readonly multiParagraph: boolean;
  readonly terminated: boolean;
}

export interface QuotationResult {
  readonly quotations: readonly Quotation[];
  /** For each token, the index of the innermost quotation containing it, or -1. */
  readonly tokenQuotation: Int32Array;
  readonly diagnostics: readonly Diagnostic[];
}

interface OpenMark {
  readonly token: number;
  readonly char: string;
  readonly closers: readonly string[];
  readonly weight: 1 | 2;
  multiParagraph: boolean;
}

function isWordLike(kind: number | undefined): boolean {
  return kind === TokenKind.Word || kind === TokenKind.Number;
}

/**
 * At most this many unterminated-quotation diagnostics per document, then one that says there are more: a text of
 * nothing but opening marks would otherwise give one per character (and 200,000 of them overflowed the stack of
 * the caller that spreads them into its own list).
 */
export const MAX_QUOTATION_DIAGNOSTICS = 1000;

/**
 * Pairs quotation marks into quotations with a stack (linear). Straight marks open or close by their neighbours;
 * a single ’ that closes nothing is an apostrophe. An open quotation at a paragraph end continues when the next
 * paragraph opens with a mark of the same weight, and is otherwise closed there with a diagnostic.
 */
export function findQuotations(tokens: Tokens): QuotationResult {
  const { count, kinds, starts, ends, text, breaksBefore, spaceBefore } = tokens;
  const quotations: Quotation[] = [];
  const diagnostics: Diagnostic[] = [];
  const stack: OpenMark[] = [];

  const close = (open: OpenMark, closeToken: number, terminated: boolean): void => {
    const openStart = starts[open.token]!;
    const closeEnd = ends[closeToken]!;
    const innerEnd = terminated ? starts[closeToken]! : ends[closeToken]!;
    quotations.push({
      start: openStart,
      end: closeEnd,
      innerStart: ends[open.token]!,
      innerEnd: Math.max(innerEnd, ends[open.token]!),
      openToken: open.token,
      closeToken,
      depth: stack.length,
      multiParagraph: open.multiParagraph,
      terminated,
    });
  };

  /** Closes every open quotation at `lastToken`, unterminated, with a diagnostic on each opening mark. */
  const closeAllOpen = (lastToken: number, reason: string): void => {
    while (stack.length > 0) {
      const open = stack.pop()!;
      if (diagnostics.length < MAX_QUOTATION_DIAGNOSTICS) diagnostics.push({ severity: 'info', ruleId: 'unterminated-quotation', reason, start: starts[open.token]!, end: ends[open.token]! });
      else if (diagnostics.length === MAX_QUOTATION_DIAGNOSTICS) diagnostics.push({ severity: 'info', ruleId: 'unterminated-quotation', reason: `more than ${MAX_QUOTATION_DIAGNOSTICS} quotation marks are never closed; the rest are not listed` });
      close(open, lastToken, false);
    }
  };

  for (let index = 0; index < count; index++) {
    if (breaksBefore[index]! > 0 && stack.length > 0) {
      // Paragraph break inside a quotation: continue only when this paragraph opens with a mark of the same weight.
      const outer = stack[0]!;
      const mark = kinds[index] === TokenKind.Quote ? QUOTE_MARKS.get(text.slice(starts[index]!, ends[index]!)) : undefined;
      if (mark !== undefined && mark.role !== 'close' && mark.weight === outer.weight && stack.length === 1) {
        outer.multiParagraph = true;
        continue; // the continuation mark is part of the same quotation
      }
      closeAllOpen(index - 1, 'quotation mark opened here is not closed before the paragraph ends');
    }
    if (kinds[index] !== TokenKind.Quote) continue;
    const char = text.slice(starts[index]!, ends[index]!);
    const mark = QUOTE_MARKS.get(char);
    if (mark === undefined) continue;
    const previousWordLike = index > 0 && isWordLike(kinds[index - 1]) && spaceBefore[index] === 0;
    const nextWordLike = index + 1 < count && isWordLike(kinds[index + 1]) && spaceBefore[index + 1] === 0;
    const top = stack[stack.length - 1];
    const closesTop = top !== undefined && top.closers.includes(char);
    if (mark.role === 'close' || (mark.role === 'either' && closesTop && !(nextWordLike && !previousWordLike && spaceBefore[index] === 1 && mark.weight === 1))) {
      if (closesTop) {
        stack.pop();
        close(top, index, true);
        continue;
      }
      // A closer with nothing to close: an apostrophe (’90s, Belarus’) or a stray mark.
      continue;
    }
    if (mark.role === 'either' && mark.weight === 1) {
      // A straight or right single quote opens only at a word start: "'tis" is rare, "rock 'n' roll" tolerated.
      if (previousWordLike || !nextWordLike) continue;
    }
    if (mark.role === 'either' && previousWordLike && !nextWordLike) continue;
    stack.push({ token: index, char, closers: mark.closers, weight: mark.weight, multiParagraph: false });
  }
  closeAllOpen(count - 1, 'quotation mark opened here is never closed');
  quotations.sort((a, b) => a.start - b.start || b.end - a.end);

  const tokenQuotation = new Int32Array(count).fill(-1);
  // Quotations nest (they come from a stack), so one sweep with a stack gives each token its innermost quotation.
  const active: number[] = [];
  let nextQuotation = 0;
  for (let token = 0; token < count; token++) {
    while (active.length > 0 && quotations[active[active.length - 1]!]!.closeToken < token) active.pop();
    while (nextQuotation < quotations.length && quotations[nextQuotation]!.openToken === token) active.push(nextQuotation++);
    tokenQuotation[token] = active.length > 0 ? active[active.length - 1]! : -1;
  }
  return { quotations, tokenQuotation, diagnostics };
}
