import type { WordChange } from '../../src/library/types.js';
import { h } from './dom.js';

/** A word diff as text with <ins>/<del> runs (words as text nodes). */
export function wordDiff(changes: readonly WordChange[]): HTMLElement {
  const line = h('p', { class: 'diff' });
  changes.forEach((change, index) => {
    if (index > 0) line.append(' ');
    if (change.op === 'same') line.append(change.words);
    else line.append(h(change.op === 'insert' ? 'ins' : 'del', { title: change.op === 'insert' ? 'added' : 'removed' }, change.words));
  });
  return line;
}
