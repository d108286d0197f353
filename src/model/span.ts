/**
 * The one span shape every fact carries: half-open offsets in UTF-16 code units
 * into an immutable source text, with the covered text, so `text.slice(start, end) === span.text`.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Builds a span over `text`; throws when the offsets are not a valid half-open range (a programmer error). */
export function makeSpan(text: string, start: number, end: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`makeSpan: expected 0 <= start <= end <= ${text.length}, found start=${start} end=${end}`);
  }
  return { start, end, text: text.slice(start, end) };
}

/** True when `span` is a valid span of `text`. */
export function isValidSpan(text: string, span: Span): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length &&
    text.slice(span.start, span.end) === span.text
  );
}

/** Shrinks [start, end) so that it neither starts nor ends with white space. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  return [from, to];
}

export function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

export function compareSpans(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Index of the first span in `sorted` (by start) whose start is >= `offset`; `sorted.length` when none. */
export function lowerBound(sorted: ReadonlyArray<{ start: number }>, offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The span in `sorted` (by start, non-overlapping) that contains `offset`, or undefined. */
export function findContaining<T extends { start: number; end: number }>(sorted: readonly T[], offset: number): T | undefined {
  const index = lowerBound(sorted, offset + 1) - 1;
  const candidate = index >= 0 ? sorted[index] : undefined;
  return candidate !== undefined && offset < candidate.end ? candidate : undefined;
}

/**
 * `items` sorted by `keyOf` (non-negative integers below `keyLimit`), equal keys in their given order, or null when the
 * keys or the count are too large to pack key and position into one exact float (below 2 ** 53; the caller then sorts
 * with a comparator). A numeric sort of packed keys: several times faster than a comparator (no call per comparison).
 */
export function sortByPackedKey<T>(items: readonly T[], keyOf: (item: T) => number, keyLimit: number): T[] | null {
  const count = items.length;
  if (count === 0) return [];
  // Positions get the smallest power of two above the count, so a key's share of the 53 bits is as large as it can be.
  const positions = 2 ** Math.ceil(Math.log2(count + 1));
  if (keyLimit * positions > 2 ** 53) return null;
  const keys = new Float64Array(count);
  for (let at = 0; at < count; at++) {
    const key = keyOf(items[at]!);
    if (!(key >= 0 && key < keyLimit)) return null;
    keys[at] = key * positions + at;
  }
  keys.sort();
  const sorted: T[] = new Array<T>(count);
  for (let at = 0; at < count; at++) {
    // The low part without a float remainder (a library call): exact, as every value stays below 2 ** 53.
    const key = keys[at]!;
    sorted[at] = items[key - Math.floor(key / positions) * positions]!;
  }
  return sorted;
}
