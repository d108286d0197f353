import type { WordChange } from './types.js';

/**
 * Word-level diff (Myers' O(ND) greedy algorithm) after trimming the common prefix and suffix; memory grows with
 * the number of edits D, not with the product of the lengths, which keeps quote-sized diffs tiny.
 */
export function diffWords(before: readonly string[], after: readonly string[]): WordChange[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const left = before.slice(prefix, before.length - suffix);
  const right = after.slice(prefix, after.length - suffix);
  const operations: Array<{ op: WordChange['op']; word: string }> = [];
  for (let index = 0; index < prefix; index++) operations.push({ op: 'same', word: before[index]! });
  operations.push(...myers(left, right));
  for (let index = before.length - suffix; index < before.length; index++) operations.push({ op: 'same', word: before[index]! });
  return groupOperations(operations);
}

function myers(left: readonly string[], right: readonly string[]): Array<{ op: WordChange['op']; word: string }> {
  const n = left.length;
  const m = right.length;
  if (n === 0) return right.map((word) => ({ op: 'insert' as const, word }));
  if (m === 0) return left.map((word) => ({ op: 'delete' as const, word }));
  const max = n + m;
  const offset = max;
  let frontier = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    const next = frontier.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && left[x] === right[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) found = true;
    }
    frontier = next;
  }
  trace.push(frontier);
  // Walk the trace backwards from (n, m) to recover the edit script.
  const reversed: Array<{ op: WordChange['op']; word: string }> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = v[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push({ op: 'same', word: left[x - 1]! });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === previousX) reversed.push({ op: 'insert', word: right[y - 1]! });
    else reversed.push({ op: 'delete', word: left[x - 1]! });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    reversed.push({ op: 'same', word: left[x - 1]! });
    x--;
    y--;
  }
  return reversed.reverse();
}

function groupOperations(operations: ReadonlyArray<{ op: WordChange['op']; word: string }>): WordChange[] {
  const changes: WordChange[] = [];
  for (const { op, word } of operations) {
    const last = changes[changes.length - 1];
    if (last !== undefined && last.op === op) changes[changes.length - 1] = { op, words: `${last.words} ${word}` };
    else changes.push({ op, words: word });
  }
  return changes;
}
