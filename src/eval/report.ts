import { precisionRecall, type CorpusScore, type MatchCounts, type PrecisionRecall } from './score.js';

export interface MatchFigures {
  readonly exact: PrecisionRecall;
  readonly overlap: PrecisionRecall;
}

/** The figures `npm run eval -- --json` prints as one JSON object; keep keys stable, add new ones freely. */
export interface EvalFigures {
  readonly source: MatchFigures;
  readonly cue: MatchFigures;
  readonly content: MatchFigures;
  readonly relation: MatchFigures;
  readonly breakdown: {
    readonly direct: MatchFigures & { readonly gold: number };
    readonly indirect: MatchFigures & { readonly gold: number };
    readonly cueLemmas: ReadonlyArray<{ readonly lemma: string; readonly gold: number; readonly exactRecall: number; readonly overlapRecall: number }>;
    readonly noSource: { readonly gold: number; readonly exactRecall: number; readonly overlapRecall: number };
  };
  readonly documents: number;
  readonly annotations: number;
  readonly gold: CorpusScore['gold'];
  readonly predicted: CorpusScore['predicted'];
  readonly seconds: number;
}

export const TOP_CUE_LEMMAS = 15;

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundedPr(figures: PrecisionRecall): PrecisionRecall {
  return { p: round4(figures.p), r: round4(figures.r), f1: round4(figures.f1) };
}

function figuresOf(counts: MatchCounts): MatchFigures {
  return { exact: roundedPr(precisionRecall(counts.exact)), overlap: roundedPr(precisionRecall(counts.overlap)) };
}

const ratio = (hits: number, total: number): number => (total === 0 ? 0 : round4(hits / total));

function roundedCounts<T extends Record<string, number>>(counts: T): T {
  return Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, round4(value)])) as T;
}

/** Turns raw counts into rounded precision/recall/F1 figures. */
export function evalFigures(score: CorpusScore, seconds: number): EvalFigures {
  return {
    source: figuresOf(score.source),
    cue: figuresOf(score.cue),
    content: figuresOf(score.content),
    relation: figuresOf(score.relation),
    breakdown: {
      direct: { gold: round4(score.gold.direct), ...figuresOf(score.direct) },
      indirect: { gold: round4(score.gold.indirect), ...figuresOf(score.indirect) },
      cueLemmas: score.cueLemmas.slice(0, TOP_CUE_LEMMAS).map((entry) => ({
        lemma: entry.lemma,
        gold: round4(entry.gold),
        exactRecall: ratio(entry.exact, entry.gold),
        overlapRecall: ratio(entry.overlap, entry.gold),
      })),
      noSource: { gold: round4(score.noSource.gold), exactRecall: ratio(score.noSource.exact, score.noSource.gold), overlapRecall: ratio(score.noSource.overlap, score.noSource.gold) },
    },
    documents: score.documents,
    annotations: score.annotations,
    gold: roundedCounts(score.gold),
    predicted: roundedCounts(score.predicted),
    seconds: Math.round(seconds * 100) / 100,
  };
}

const percent = (value: number): string => (value * 100).toFixed(1).padStart(6);
const count = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The human-readable table `npm run eval` prints by default. */
export function formatFigures(figures: EvalFigures, label: string): string {
  const lines: string[] = [];
  lines.push(`${label}: ${figures.documents} documents, ${figures.annotations} annotations, ${count(figures.gold.relations)} gold relations, ${figures.predicted.statements} predicted statements`);
  lines.push('');
  lines.push('              exact                   overlap');
  lines.push('              P      R      F1        P      R      F1');
  const row = (name: string, match: MatchFigures): string =>
    `${name.padEnd(10)} ${percent(match.exact.p)} ${percent(match.exact.r)} ${percent(match.exact.f1)}   ${percent(match.overlap.p)} ${percent(match.overlap.r)} ${percent(match.overlap.f1)}`;
  lines.push(row('source', figures.source));
  lines.push(row('cue', figures.cue));
  lines.push(row('content', figures.content));
  lines.push(row('relation', figures.relation));
  lines.push('(relation: content overlaps and source matches — exact-source / overlap-source)');
  lines.push('');
  lines.push('content by class                     exact R  exact F1  overlap R  overlap F1');
  for (const name of ['direct', 'indirect'] as const) {
    const entry = figures.breakdown[name];
    lines.push(`${`${name} (${count(entry.gold)} gold)`.padEnd(36)} ${percent(entry.exact.r)}   ${percent(entry.exact.f1)}    ${percent(entry.overlap.r)}     ${percent(entry.overlap.f1)}`);
  }
  const noSource = figures.breakdown.noSource;
  lines.push(`no source (${count(noSource.gold)} gold relations): content recall exact ${percent(noSource.exactRecall).trim()}%, overlap ${percent(noSource.overlapRecall).trim()}%`);
  lines.push('');
  lines.push(`${`top ${TOP_CUE_LEMMAS} gold cues`.padEnd(26)}   gold   exact R  overlap R`);
  for (const entry of figures.breakdown.cueLemmas) {
    lines.push(`${entry.lemma.slice(0, 26).padEnd(26)} ${count(entry.gold).padStart(6)}    ${percent(entry.exactRecall)}    ${percent(entry.overlapRecall)}`);
  }
  lines.push('');
  lines.push(`elapsed ${figures.seconds.toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}
