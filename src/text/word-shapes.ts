/**
 * A word-shape filter in front of a large word set: per first letter (a–z, then anything else) and length (up to 31),
 * one bit per last letter. A word whose shape no key has is not a key, so most words are ruled out without hashing
 * their string into the set (entities and the gazetteer look up nearly every token).
 */

/** Entries of a shape table: 27 first letters × 32 lengths. */
export const SHAPE_TABLE_SIZE = 27 * 32;

/** 0–25 for a lower-case ASCII letter at `at`, 26 for anything else. */
export function letterIndex(word: string, at = 0): number {
  const code = word.charCodeAt(at) - 97;
  return code >= 0 && code < 26 ? code : 26;
}

/** Adds the shape of a lower-case key to `shapes`. */
export function addShape(shapes: Int32Array, key: string): void {
  shapes[letterIndex(key) * 32 + Math.min(31, key.length)]! |= 1 << letterIndex(key, key.length - 1);
}

/** The shape table of lower-case keys. */
export function shapesOf(keys: Iterable<string>): Int32Array {
  const shapes = new Int32Array(SHAPE_TABLE_SIZE);
  for (const key of keys) addShape(shapes, key);
  return shapes;
}

/** False when no key has the shape of the lower-case `word`. */
export function mayBeKey(shapes: Int32Array, word: string): boolean {
  return (shapes[letterIndex(word) * 32 + Math.min(31, word.length)]! & (1 << letterIndex(word, word.length - 1))) !== 0;
}

/**
 * `mayBeKey` for the lower-case form of `text[start, end)`, read from the text (no token string is touched). True when
 * an end character is not ASCII: lower-casing it may not keep one code unit per code unit, so the shape says nothing.
 */
export function textMayBeKey(shapes: Int32Array, text: string, start: number, end: number): boolean {
  const first = textLetterIndex(text, start);
  const last = textLetterIndex(text, end - 1);
  if (first < 0 || last < 0) return true;
  return (shapes[first * 32 + Math.min(31, end - start)]! & (1 << last)) !== 0;
}

/** `letterIndex` of the lower-case form of the character at `offset`, or -1 when it is not ASCII. */
function textLetterIndex(text: string, offset: number): number {
  let code = text.charCodeAt(offset);
  if (code >= 128) return -1;
  if (code >= 65 && code <= 90) code += 32;
  code -= 97;
  return code >= 0 && code < 26 ? code : 26;
}
