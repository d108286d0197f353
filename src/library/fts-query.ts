import { HearsayError } from '../model/errors.js';

/**
 * Builds an FTS5 MATCH expression from a user's words so that no input can be a syntax error: every word and every
 * "quoted phrase" becomes a quoted FTS5 string; OR between words is kept, NOT/-word excludes, a trailing * is a prefix.
 * Returns null when the input holds no searchable word.
 */
export function buildFtsQuery(input: string): string | null {
  return parseFtsQuery(input)?.query ?? null;
}

/** An FTS5 MATCH expression and the quoted phrases it requires or offers (those after NOT left out). */
export interface FtsQuery {
  readonly query: string;
  readonly phrases: readonly string[];
  /** How many phrases are excluded (after NOT). */
  readonly negated: number;
}

/** buildFtsQuery with its positive phrases, which search ranks by. */
export function parseFtsQuery(input: string): FtsQuery | null {
  const clauses: string[] = [];
  const excluded: string[] = [];
  let pendingOr = false;
  let pendingNot = false;
  const add = (phrase: string, prefix: boolean, negated: boolean): void => {
    const cleaned = phrase.replace(/"/gu, ' ').replace(/\s+/gu, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(cleaned)) return;
    const quoted = `"${cleaned}"${prefix ? '*' : ''}`;
    if (negated) {
      excluded.push(quoted);
    } else {
      if (pendingOr && clauses.length > 0) clauses.push('OR');
      clauses.push(quoted);
    }
    pendingOr = false;
  };
  let index = 0;
  while (index < input.length) {
    const char = input[index]!;
    if (/\s/u.test(char)) {
      index++;
      continue;
    }
    const negated = pendingNot || (char === '-' && index + 1 < input.length && input[index + 1] !== ' ');
    const start = char === '-' && !pendingNot ? index + 1 : index;
    pendingNot = false;
    if (input[start] === '"') {
      const close = input.indexOf('"', start + 1);
      const end = close === -1 ? input.length : close;
      add(input.slice(start + 1, end), false, negated);
      index = close === -1 ? input.length : close + 1;
      continue;
    }
    let end = start;
    while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    const word = input.slice(start, end);
    index = end;
    if (word === 'OR') {
      pendingOr = true;
      continue;
    }
    if (word === 'AND') continue;
    if (word === 'NOT') {
      pendingNot = true;
      continue;
    }
    const prefix = word.endsWith('*') && word.length > 1;
    add(prefix ? word.replace(/\*+$/u, '') : word.replace(/[*^:()+{}[\],]/gu, ' '), prefix, negated);
  }
  while (clauses[clauses.length - 1] === 'OR') clauses.pop();
  if (clauses.length === 0) return null;
  const positive = clauses.length > 1 ? `(${clauses.join(' ')})` : clauses[0]!;
  const query = excluded.length === 0 ? positive : `${positive} NOT ${excluded.length > 1 ? `(${excluded.join(' OR ')})` : excluded[0]!}`;
  return { query, phrases: clauses.filter((clause) => clause !== 'OR'), negated: excluded.length };
}

/** Like buildFtsQuery, but a query without searchable words is a user error with a one-line message. */
export function requireFtsQuery(input: string): FtsQuery {
  const query = parseFtsQuery(input);
  if (query === null) throw new HearsayError(`search query '${input}' has no words to search for (expected letters or digits)`, { input: 'search', exitCode: 2 });
  return query;
}
