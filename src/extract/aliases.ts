import { readFileSync } from 'node:fs';
import { transliterate } from 'transliteration';
import { knownLower, knownName } from '../lexicon/demonyms.js';
import { HearsayError } from '../model/errors.js';
import type { MergeReason } from '../model/types.js';

/** User decisions on names: pairs to merge and pairs never to merge (forbid beats everything). */
export interface AliasOverrides {
  merge: Array<[string, string]>;
  forbid: Array<[string, string]>;
}

export interface SameEntityResult {
  readonly same: boolean;
  readonly reason: MergeReason['reason'] | null;
}

// Keys repeat across articles; the cache is cleared when it grows, to bound memory over a long run.
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 200_000;
const NON_ASCII = /[^\u0000-\u007f]/;

/** Lower-case ASCII letters of a name: transliterated (Cyrillic, diacritics), dots and apostrophes dropped, hyphens as spaces. */
function asciiWords(name: string): string[] {
  const latin = NON_ASCII.test(name) ? transliterate(name) : name;
  const lowered = latin.toLowerCase();
  const result: string[] = [];
  let word = '';
  // Letters are sliced by runs, not appended one by one: most words are a single run.
  let run = -1;
  for (let index = 0; index < lowered.length; index++) {
    const code = lowered.charCodeAt(index);
    if (code >= 97 && code <= 122) {
      if (run < 0) run = index;
      continue;
    }
    if (run >= 0) {
      word += lowered.slice(run, index);
      run = -1;
    }
    if (code === 46 || code === 39 || code === 0x2019) continue;
    if (word !== '') {
      result.push(word);
      word = '';
    }
  }
  if (run >= 0) word += lowered.slice(run);
  if (word !== '') result.push(word);
  return result;
}

const VOWELS = 'aeiou';

/**
 * A phonetic-ish skeleton of one word for Slavic transliteration variants: kh→h, initial ye→e, final -iy/-yy/-yi/-ij/-yj/-y→i,
 * -iev/-iyev/-yev→ev, vowel+y+consonant→vowel+i, and -nko/-nka→nk for words of six letters or more (Lukashenko/Lukashenka).
 * Conservative on purpose: no vowel folding elsewhere, so Maria/Mario, Ivanov/Ivanova, Smith/Smyth stay apart.
 */
function skeleton(word: string): string {
  // Each rewrite runs only when its letters occur: most words need none, and skip the regular expressions and the copy.
  let text = word.includes('kh') ? word.replace(/kh/g, 'h') : word;
  if (text.length > 3 && text.startsWith('ye')) text = text.slice(1);
  const final = text.charCodeAt(text.length - 1);
  if (final === 121 || final === 105 || final === 106 || text.endsWith('ev')) {
    text = text.replace(/(?:iy|yy|yi|ij|yj|ii)$/, 'i').replace(/y$/, 'i').replace(/(?:iy|yi|y|i)ev$/, 'ev');
  }
  let out = text;
  if (text.includes('y')) {
    out = '';
    for (let index = 0; index < text.length; index++) {
      const char = text[index]!;
      const previous = text[index - 1] ?? '';
      const next = text[index + 1] ?? '';
      // "Shoygu"/"Shoigu": y after a vowel and before a consonant is the vowel i.
      if (char === 'y' && VOWELS.includes(previous) && previous !== '' && next !== '' && !VOWELS.includes(next)) out += 'i';
      else out += char;
    }
  }
  if (out.length >= 6 && /nk[ao]$/.test(out)) out = out.slice(0, -1);
  return out;
}

/**
 * A normalization key under which spelling and transliteration variants of a name meet: Lukashenko / Lukashenka /
 * Лукашенко / Лукашэнка; Zelenskyy / Zelensky / Зеленський; gazetteer aliases (Türkiye / Turkey, Kyiv / Kiev) map to
 * their canonical name first. Limit: names only the gazetteer knows as variants of a different spelling.
 */
export function aliasKey(name: string): string {
  const plain = plainKey(name);
  if (plain !== null) return plain;
  const cached = KEY_CACHE.get(name);
  if (cached !== undefined) return cached;
  const key = aliasKeyByRules(name);
  if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
  KEY_CACHE.set(name, key);
  return key;
}

/** `aliasKey` without its shortcut for plain names and without the cache (exported for the test that they agree). */
export function aliasKeyByRules(name: string): string {
  const trimmed = name.trim();
  // Written in another script: the gazetteer may know its transliteration ("Київ" → "Kiyiv" → Kyiv).
  const known = knownName(trimmed) ?? (NON_ASCII.test(trimmed) ? knownName(transliterate(trimmed)) : undefined);
  const base = known !== undefined ? known.canonical : name;
  return asciiWords(base).map(skeleton).join(' ');
}

/**
 * The key of a plain name without the cache (in the pipeline a hit in the large cache measured about 1 µs: it misses
 * the CPU caches): ASCII letters in words joined by single spaces, not in the gazetteer, and no word that `skeleton`
 * could rewrite, so the key is the lower-case name itself. Null for any other name (conservative: any y, kh, final
 * i or j, -ev, or -nka/-nko); about 60% of the names of news articles are plain.
 */
function plainKey(name: string): string | null {
  const length = name.length;
  if (length === 0) return null;
  let wordStart = 0;
  for (let index = 0; index <= length; index++) {
    const code = index < length ? name.charCodeAt(index) | 32 : 32;
    if (code === 32) {
      // A space (or the end): the word [wordStart, index) must be non-empty and left alone by skeleton().
      if (index === wordStart || index < length && name.charCodeAt(index) !== 32) return null;
      const wordLength = index - wordStart;
      const final = name.charCodeAt(index - 1) | 32;
      const before = wordLength >= 2 ? name.charCodeAt(index - 2) | 32 : 0;
      if (final === 105 || final === 106 || (final === 118 && before === 101)) return null;
      if (wordLength >= 6 && (final === 97 || final === 111) && before === 107 && (name.charCodeAt(index - 3) | 32) === 110) return null;
      wordStart = index + 1;
      continue;
    }
    // Letters only (| 32 folds capitals), and never y (the y rewrites, "ye-") nor an h after a k.
    if (code < 97 || code > 122 || code === 121) return null;
    if (code === 104 && index > wordStart && (name.charCodeAt(index - 1) | 32) === 107) return null;
  }
  const lowered = name.toLowerCase();
  return knownLower(lowered) === undefined ? lowered : null;
}

function normalized(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function lastWord(name: string): string {
  const words = normalized(name).split(' ');
  return words[words.length - 1] ?? '';
}

function pairMatches(pairs: ReadonlyArray<readonly [string, string]>, a: string, b: string): boolean {
  const keyA = aliasKey(a);
  const keyB = aliasKey(b);
  for (const [first, second] of pairs) {
    const one = aliasKey(first);
    const two = aliasKey(second);
    if ((one === keyA && two === keyB) || (one === keyB && two === keyA)) return true;
  }
  return false;
}

/**
 * Whether two written names name the same entity, and why: user forbid (never), user merge ('user-alias'),
 * identical ('same-name'), gazetteer ('known-alias'), same key ('transliteration'), or one is the last word of the
 * other ('surname'). Limit: a bare surname meets every full name ending in it (Trump / Donald Trump / Ivanka Trump).
 */
export function sameEntity(a: string, b: string, overrides?: AliasOverrides): SameEntityResult {
  if (overrides !== undefined) {
    if (pairMatches(overrides.forbid, a, b)) return { same: false, reason: null };
    if (pairMatches(overrides.merge, a, b)) return { same: true, reason: 'user-alias' };
  }
  if (normalized(a) === normalized(b)) return { same: true, reason: 'same-name' };
  const knownA = knownName(a.trim());
  const knownB = knownName(b.trim());
  if (knownA !== undefined && knownB !== undefined && knownA.canonical === knownB.canonical) return { same: true, reason: 'known-alias' };
  const keyA = aliasKey(a);
  const keyB = aliasKey(b);
  if (keyA === '' || keyB === '') return { same: false, reason: null };
  if (keyA === keyB) return { same: true, reason: 'transliteration' };
  const wordsA = keyA.split(' ');
  const wordsB = keyB.split(' ');
  // A written surname is 'surname'; a variant spelling of it ("Lukashenka" for "Alexander Lukashenko") is 'transliteration'.
  if (wordsA.length === 1 && wordsB.length > 1 && wordsB[wordsB.length - 1] === wordsA[0]) return { same: true, reason: lastWord(b) === normalized(a) ? 'surname' : 'transliteration' };
  if (wordsB.length === 1 && wordsA.length > 1 && wordsA[wordsA.length - 1] === wordsB[0]) return { same: true, reason: lastWord(a) === normalized(b) ? 'surname' : 'transliteration' };
  return { same: false, reason: null };
}

function isPairList(value: unknown): value is Array<[string, string]> {
  return Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string');
}

/** Reads a user alias file `{"merge": [["A","B"]], "forbid": [["A","B"]]}`; a bad file is a HearsayError naming it. */
export function loadAliasFile(path: string): AliasOverrides {
  const expected = 'a JSON object {"merge": [["A","B"], ...], "forbid": [["A","B"], ...]} with pairs of names';
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new HearsayError(`alias file ${path}: cannot be read`, { input: path, cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new HearsayError(`alias file ${path}: not valid JSON; expected ${expected}`, { input: path, cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HearsayError(`alias file ${path}: expected ${expected}`, { input: path });
  }
  const record = parsed as Record<string, unknown>;
  const merge = record['merge'] ?? [];
  const forbid = record['forbid'] ?? [];
  if (!isPairList(merge)) throw new HearsayError(`alias file ${path}: "merge" must be a list of [name, name] pairs; expected ${expected}`, { input: path });
  if (!isPairList(forbid)) throw new HearsayError(`alias file ${path}: "forbid" must be a list of [name, name] pairs; expected ${expected}`, { input: path });
  return { merge: merge.map(([first, second]) => [first, second]), forbid: forbid.map(([first, second]) => [first, second]) };
}
