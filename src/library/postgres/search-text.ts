import { requireFtsQuery } from '../fts-query.js';

/** The text search configuration: no stemming and no stopwords, like the SQLite library's unicode61 tokenizer. */
export const SEARCH_CONFIG = 'simple';

/**
 * Text as it goes into (and is looked up in) the tsvector: lower-cased with diacritics removed (NFD, combining marks
 * dropped), as SQLite's `remove_diacritics 2` does; done here so no database extension (unaccent) is needed.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
}

export interface TsQueryParts {
  /** For websearch_to_tsquery: words, "quoted phrases", OR, -excluded words (never a syntax error). */
  readonly websearch: string;
  /** For to_tsquery: prefix terms built from letters and digits only (`rail:*`, `!bus:*`), ANDed to the rest. */
  readonly prefixes: readonly string[];
  /**
   * The folded text of every quoted word or phrase the query requires (not negated, not next to an OR): its
   * adjacent word pairs must all occur in a match, which the index can check through its '~p' pair lexemes.
   */
  readonly required: readonly string[];
}

/**
 * Splits a user's query into what websearch_to_tsquery understands and the `word*` prefix terms it does not.
 * The same inputs are rejected as for SQLite (no searchable word: a HearsayError naming the query).
 */
export function tsQueryParts(input: string): TsQueryParts {
  requireFtsQuery(input);
  const kept: string[] = [];
  const prefixes: string[] = [];
  // The folded text of each positive entry of kept (null for OR and negated entries).
  const texts: Array<string | null> = [];
  let pendingNot = false;
  let index = 0;
  while (index < input.length) {
    const char = input[index]!;
    if (char === '"') {
      const close = input.indexOf('"', index + 1);
      const end = close === -1 ? input.length : close + 1;
      const phrase = foldText(input.slice(index + 1, close === -1 ? input.length : close)).replace(/"/gu, ' ');
      kept.push(`${pendingNot ? '-' : ''}"${phrase}"`);
      texts.push(pendingNot ? null : phrase);
      pendingNot = false;
      index = end;
      continue;
    }
    if (/\s/u.test(char)) {
      index++;
      continue;
    }
    let end = index;
    while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    const word = input.slice(index, end);
    index = end;
    // -"tram stop": the minus stops at the quotation mark and negates the phrase, as in the SQLite library's reader.
    if (word === '-' && input[end] === '"') {
      pendingNot = true;
      continue;
    }
    // The operators of buildFtsQuery: upper-case OR, AND (ignored) and NOT; in lower case they are plain words.
    if (word === 'OR') {
      kept.push('OR');
      texts.push(null);
      continue;
    }
    if (word === 'AND') continue;
    if (word === 'NOT') {
      pendingNot = true;
      continue;
    }
    const negated = pendingNot || (word.startsWith('-') && word.length > 1);
    pendingNot = false;
    const bare = foldText(word.startsWith('-') ? word.slice(1) : word);
    if (bare.endsWith('*') && bare.length > 1) {
      const parts = bare.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (parts.length === 0) continue;
      // "rail-li*": every part but the last must match whole, the last as a prefix.
      const term = parts.map((part, position) => (position === parts.length - 1 ? `${part}:*` : part)).join(' & ');
      prefixes.push(negated ? `!(${term})` : term);
      continue;
    }
    const cleaned = bare.replace(/[*^:()+{}[\],]/gu, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(cleaned)) continue;
    // Quoted, so a lower-case "or" stays a word for websearch_to_tsquery.
    kept.push(`${negated ? '-' : ''}"${cleaned}"`);
    texts.push(negated ? null : cleaned);
  }
  // websearch_to_tsquery binds OR tighter than the implicit AND: an entry next to an OR is one alternative of it.
  // A lone run of letters and digits is one token: it has no pairs to check.
  const required = texts.filter(
    (phrase, index): phrase is string => phrase !== null && kept[index - 1] !== 'OR' && kept[index + 1] !== 'OR' && !/^[\p{L}\p{N}]+$/u.test(phrase),
  );
  return { websearch: kept.join(' '), prefixes, required };
}
