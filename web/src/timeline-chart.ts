import type { StatementHit } from '../../src/library/types.js';
import { route, svg } from './dom.js';

const WIDTH = 720;
const ROW = 26;
const LEFT = 96;
const RIGHT = 16;
/** Room inside the plot so dots spread around the first and last day stay clear of the labels. */
const PAD = 24;
const TOP = 10;

/** When a hit was said (or, failing that, reported), as an ISO day. */
export function whenSaid(hit: StatementHit): string | null {
  const value = hit.statement.time?.said?.value ?? hit.publishedAt;
  return value === null || value === undefined ? null : value.slice(0, 10);
}

/**
 * A speaker's statements over time: one row per stance, one dot per statement (a link to its article, with a
 * <title> for hover); the x axis runs from the first to the last day.
 */
export function timelineChart(hits: readonly StatementHit[]): SVGSVGElement {
  const dated = hits.map((hit) => ({ hit, day: whenSaid(hit) })).filter((entry): entry is { hit: StatementHit; day: string } => entry.day !== null && !Number.isNaN(Date.parse(entry.day)));
  const stances = [...new Set(dated.map((entry) => entry.hit.statement.cue?.stance ?? 'none'))].sort();
  const height = TOP + Math.max(1, stances.length) * ROW + 34;
  const root = svg('svg', { class: 'timeline', viewBox: `0 0 ${WIDTH} ${height}`, role: 'group', 'aria-label': `Statements over time (${dated.length} dated)` });
  if (dated.length === 0) {
    root.append(svg('text', { x: 12, y: 30 }, 'No dated statements.'));
    return root;
  }
  const times = dated.map((entry) => Date.parse(entry.day));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 86_400_000);
  const x = (time: number): number => LEFT + PAD + ((time - first) / span) * (WIDTH - LEFT - RIGHT - 2 * PAD);
  stances.forEach((stance, row) => {
    const y = TOP + row * ROW + ROW / 2;
    root.append(svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, class: 'grid' }), svg('text', { x: LEFT - 8, y: y + 4, 'text-anchor': 'end', class: 'axis-label' }, stance));
  });
  const axisY = TOP + stances.length * ROW + 6;
  root.append(svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: axisY, y2: axisY, class: 'axis' }));
  const ticks = first === last ? [first] : [first, first + span / 2, last];
  ticks.forEach((tick, index) => {
    const anchor = ticks.length === 1 ? 'middle' : index === 0 ? 'start' : index === ticks.length - 1 ? 'end' : 'middle';
    const at = anchor === 'start' ? LEFT : anchor === 'end' ? WIDTH - RIGHT : x(tick);
    root.append(svg('line', { x1: x(tick), x2: x(tick), y1: axisY, y2: axisY + 5, class: 'axis' }), svg('text', { x: at, y: axisY + 18, 'text-anchor': anchor, class: 'axis-label' }, new Date(tick).toISOString().slice(0, 10)));
  });
  // Dots on the same day and row are spread slightly so each stays clickable.
  const crowd = new Map<string, number>();
  for (const entry of dated) {
    const stance = entry.hit.statement.cue?.stance ?? 'none';
    const key = `${entry.day}|${stance}`;
    const count = crowd.get(key) ?? 0;
    crowd.set(key, count + 1);
    const cx = x(Date.parse(entry.day)) + (count % 2 === 0 ? 1 : -1) * Math.min(PAD - 6, Math.ceil(count / 2) * 5);
    const cy = TOP + stances.indexOf(stance) * ROW + ROW / 2;
    const quote = entry.hit.statement.content.map((piece) => piece.text).join(' … ');
    root.append(
      svg(
        'a',
        { href: route('article', entry.hit.articleId, entry.hit.statement.id), class: `dot kind-${entry.hit.statement.kind}`, 'aria-label': `${entry.day}, ${entry.hit.outlet ?? 'unknown outlet'}: ${quote.slice(0, 120)}` },
        svg('title', {}, `${entry.day} · ${entry.hit.outlet ?? 'unknown outlet'} · ${entry.hit.statement.kind}\n${quote}`),
        svg('circle', { cx, cy, r: 6 }),
      ),
    );
  }
  return root;
}
