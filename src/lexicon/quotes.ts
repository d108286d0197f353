/**
 * Quotation marks. `role` says what a mark can be: an opener, a closer, or either (the straight marks, and
 * ’ which closes ‘ in English but also closes „ ‚ in German-style typography).
 */
export type QuoteRole = 'open' | 'close' | 'either';

export interface QuoteMark {
  readonly role: QuoteRole;
  /** Marks that may close a quotation opened by this one (for openers and either-marks). */
  readonly closers: readonly string[];
  /** 2 for double marks, 1 for single ones: nested quotations alternate. */
  readonly weight: 1 | 2;
}

export const QUOTE_MARKS: ReadonlyMap<string, QuoteMark> = new Map<string, QuoteMark>([
  ['“', { role: 'either', closers: ['”'], weight: 2 }], // closes „ in German typography, opens elsewhere
  ['”', { role: 'either', closers: ['”'], weight: 2 }],
  ['„', { role: 'open', closers: ['“', '”'], weight: 2 }],
  ['‟', { role: 'open', closers: ['”'], weight: 2 }],
  ['"', { role: 'either', closers: ['"'], weight: 2 }],
  ['«', { role: 'open', closers: ['»'], weight: 2 }],
  ['»', { role: 'either', closers: ['«', '»'], weight: 2 }],
  ['‘', { role: 'either', closers: ['’'], weight: 1 }], // closes ‚ in German typography, opens elsewhere
  ['’', { role: 'close', closers: [], weight: 1 }], // never opens: ’90s and ’em are apostrophes
  ['‚', { role: 'open', closers: ['‘', '’'], weight: 1 }],
  ["'", { role: 'either', closers: ["'"], weight: 1 }],
  ['‹', { role: 'open', closers: ['›'], weight: 1 }],
  ['›', { role: 'either', closers: ['‹', '›'], weight: 1 }],
  ["''", { role: 'either', closers: ["''"], weight: 2 }],
  ['``', { role: 'open', closers: ["''"], weight: 2 }],
  ['「', { role: 'open', closers: ['」'], weight: 2 }],
  ['」', { role: 'close', closers: [], weight: 2 }],
]);

export function isQuoteChar(code: number): boolean {
  return (
    code === 0x22 || code === 0x27 || code === 0xab || code === 0xbb ||
    (code >= 0x2018 && code <= 0x201f) || code === 0x2039 || code === 0x203a || code === 0x300c || code === 0x300d
  );
}
