import { piecesText, type CorpusScore, type ErrorCase, type Pieces, type RelationView } from './score.js';

/** Characters of context shown on each side of an error. */
export const CONTEXT_CHARS = 150;

/** Up to `limit` items spread evenly over the list, so one long article does not fill the listing. */
export function spreadSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const picked: T[] = [];
  for (let index = 0; index < limit; index++) picked.push(items[Math.floor((index * items.length) / limit)]!);
  return picked;
}

const oneLine = (value: string): string => value.replace(/\s+/g, ' ');

/** The text around `pieces`, ±CONTEXT_CHARS, with the pieces in ⟦brackets⟧. */
export function contextOf(text: string, pieces: Pieces): string {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first === undefined || last === undefined) return '';
  const from = Math.max(0, first[0] - CONTEXT_CHARS);
  const to = Math.min(text.length, last[1] + CONTEXT_CHARS);
  let out = from > 0 ? '…' : '';
  let cursor = from;
  for (const [start, end] of pieces) {
    out += text.slice(cursor, start) + '⟦' + text.slice(start, end) + '⟧';
    cursor = end;
  }
  out += text.slice(cursor, to) + (to < text.length ? '…' : '');
  return oneLine(out);
}

function describe(label: string, text: string, view: RelationView): string[] {
  const span = (pieces: Pieces | null): string => (pieces === null ? '—' : `“${oneLine(piecesText(text, pieces))}” [${pieces.map(([start, end]) => `${start}-${end}`).join(';')}]`);
  return [`    ${label} source ${span(view.source)}  cue ${span(view.cue)}`, `    ${label} content ${span(view.content)}`];
}

function formatCase(error: ErrorCase): string {
  const lines = [`  ${error.document}`];
  if (error.gold !== null) lines.push(...describe('gold', error.text, error.gold));
  if (error.predicted !== null) lines.push(...describe('predicted', error.text, error.predicted));
  const anchor = error.gold ?? error.predicted;
  if (anchor !== null) lines.push(`    context: ${contextOf(error.text, anchor.content)}`);
  return lines.join('\n');
}

/** The `--errors N` listing: misses, false alarms and boundary errors on content, N of each. */
export function formatErrors(errors: CorpusScore['errors'], limit: number): string {
  const sections: Array<[string, readonly ErrorCase[]]> = [
    ['misses (gold content no prediction overlaps)', errors.misses],
    ['false alarms (predicted content no gold overlaps)', errors.falseAlarms],
    ['boundary errors (overlapping, not exact)', errors.boundaries],
  ];
  const out: string[] = [];
  for (const [title, cases] of sections) {
    out.push(`${title}: ${cases.length} in all, showing ${Math.min(limit, cases.length)}`);
    for (const error of spreadSample(cases, limit)) out.push(formatCase(error));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
