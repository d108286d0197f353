import { trimRange } from '../model/span.js';
import type { Analysis } from '../model/types.js';
import { QUOTE_MARKS } from '../lexicon/quotes.js';
import type { BratAnnotation, BratDocument } from './brat.js';

/** A span as a set of half-open pieces, trimmed of white space, sorted and merged. */
export type Pieces = ReadonlyArray<readonly [number, number]>;

/** True/false positives and false negatives; fractional when a document has several annotators. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface MatchCounts {
  readonly exact: Counts;
  readonly overlap: Counts;
}

export interface PrecisionRecall {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

/** The extraction under test: the same call as `hearsay analyze`, or a fake in tests. */
export type Predict = (text: string, id: string) => Analysis;

/** One attribution as the scorer sees it: spans as pieces. */
export interface RelationView {
  readonly content: Pieces;
  readonly cue: Pieces | null;
  readonly source: Pieces | null;
}

export type ErrorKind = 'miss' | 'false-alarm' | 'boundary';

/** A content error, for `--errors`: a miss has `gold`, a false alarm `predicted`, a boundary error both. */
export interface ErrorCase {
  readonly kind: ErrorKind;
  readonly document: string;
  readonly text: string;
  readonly gold: RelationView | null;
  readonly predicted: RelationView | null;
}

export interface CueLemmaScore {
  readonly lemma: string;
  gold: number;
  exact: number;
  overlap: number;
}

export interface CorpusScore {
  readonly documents: number;
  readonly annotations: number;
  readonly source: MatchCounts;
  readonly cue: MatchCounts;
  readonly content: MatchCounts;
  readonly relation: MatchCounts;
  /** Content scores split by whether the content holds a double quotation mark. */
  readonly direct: MatchCounts;
  readonly indirect: MatchCounts;
  /** Every gold cue lemma (lower-cased cue text), most frequent first. */
  readonly cueLemmas: readonly CueLemmaScore[];
  /** Gold relations without a Source, and how many of their contents were found. */
  readonly noSource: { gold: number; exact: number; overlap: number };
  readonly gold: { source: number; cue: number; content: number; relations: number; direct: number; indirect: number; noSource: number };
  readonly predicted: { statements: number; source: number; cue: number; content: number };
  /** Errors against each document's first annotation, in corpus order. */
  readonly errors: { readonly misses: ErrorCase[]; readonly falseAlarms: ErrorCase[]; readonly boundaries: ErrorCase[] };
}

const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const emptyMatch = (): MatchCounts => ({ exact: emptyCounts(), overlap: emptyCounts() });

/** Precision, recall and F1 from counts; 0 where undefined (no predictions, no gold). */
export function precisionRecall(counts: Counts): PrecisionRecall {
  const p = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
  const r = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Whether text[from, to) is only white space (an empty gap included). */
function onlyWhiteSpace(text: string, from: number, to: number): boolean {
  return WHITE_SPACE_ONLY.test(text.slice(from, to));
}
const WHITE_SPACE_ONLY = /^\s*$/u;

/**
 * Trims each piece of white space, drops empty ones, sorts and merges pieces that touch or lie apart by white space
 * only (annotators select a quotation sentence by sentence: the same words as one piece), so equal spans compare equal.
 */
export function normalizePieces(text: string, pieces: Iterable<readonly [number, number]>): Pieces {
  const trimmed: Array<[number, number]> = [];
  for (const [start, end] of pieces) {
    const [from, to] = trimRange(text, Math.max(0, start), Math.min(text.length, end));
    if (to > from) trimmed.push([from, to]);
  }
  trimmed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const piece of trimmed) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (piece[0] <= last[1] || onlyWhiteSpace(text, last[1], piece[0]))) last[1] = Math.max(last[1], piece[1]);
    else merged.push([piece[0], piece[1]]);
  }
  return merged;
}

export function piecesKey(pieces: Pieces): string {
  return pieces.map(([start, end]) => `${start}-${end}`).join(',');
}

/** Number of code units two piece sets share (both sorted, non-overlapping): a linear merge. */
export function overlapSize(left: Pieces, right: Pieces): number {
  let total = 0;
  let leftIndex = 0;
  let rightIndex = 0;
  while (leftIndex < left.length && rightIndex < right.length) {
    const [leftStart, leftEnd] = left[leftIndex]!;
    const [rightStart, rightEnd] = right[rightIndex]!;
    const shared = Math.min(leftEnd, rightEnd) - Math.max(leftStart, rightStart);
    if (shared > 0) total += shared;
    if (leftEnd <= rightEnd) leftIndex++;
    else rightIndex++;
  }
  return total;
}

export function piecesText(text: string, pieces: Pieces): string {
  return pieces.map(([start, end]) => text.slice(start, end)).join(' … ');
}

/** A one-to-one matching: for each gold item, the index of its predicted partner or -1, under both criteria. */
export interface Matching {
  readonly exactGold: Int32Array;
  readonly overlapGold: Int32Array;
  readonly exactPredicted: Int32Array;
  readonly overlapPredicted: Int32Array;
}

/**
 * Matches predicted to gold one-to-one. Exact: equal piece sets. Overlap: greedy by largest shared size, exact pairs
 * first on ties, so every exact pair is also an overlap pair. `compatible` restricts which pairs may match.
 */
export function matchPieces(predicted: readonly Pieces[], gold: readonly Pieces[], compatible: (predictedIndex: number, goldIndex: number, exact: boolean) => boolean = () => true): Matching {
  const exactGold = new Int32Array(gold.length).fill(-1);
  const overlapGold = new Int32Array(gold.length).fill(-1);
  const exactPredicted = new Int32Array(predicted.length).fill(-1);
  const overlapPredicted = new Int32Array(predicted.length).fill(-1);
  const candidates: Array<{ predicted: number; gold: number; size: number; exact: boolean }> = [];
  const goldKeys = gold.map(piecesKey);
  predicted.forEach((predictedPieces, predictedIndex) => {
    const key = piecesKey(predictedPieces);
    gold.forEach((goldPieces, goldIndex) => {
      const exact = key === goldKeys[goldIndex];
      const size = overlapSize(predictedPieces, goldPieces);
      if (size > 0 && compatible(predictedIndex, goldIndex, exact)) candidates.push({ predicted: predictedIndex, gold: goldIndex, size, exact });
    });
  });
  for (const candidate of candidates) {
    if (!candidate.exact || exactGold[candidate.gold] !== -1 || exactPredicted[candidate.predicted] !== -1) continue;
    exactGold[candidate.gold] = candidate.predicted;
    exactPredicted[candidate.predicted] = candidate.gold;
  }
  candidates.sort((a, b) => b.size - a.size || Number(b.exact) - Number(a.exact));
  for (const candidate of candidates) {
    if (overlapGold[candidate.gold] !== -1 || overlapPredicted[candidate.predicted] !== -1) continue;
    overlapGold[candidate.gold] = candidate.predicted;
    overlapPredicted[candidate.predicted] = candidate.gold;
  }
  return { exactGold, overlapGold, exactPredicted, overlapPredicted };
}

function addCounts(counts: Counts, goldSide: Int32Array, predictedSide: Int32Array, weight: number): void {
  const tp = goldSide.reduce((sum, partner) => sum + (partner >= 0 ? 1 : 0), 0);
  counts.tp += weight * tp;
  counts.fn += weight * (goldSide.length - tp);
  counts.fp += weight * (predictedSide.length - tp);
}

function addMatching(target: MatchCounts, matching: Matching, weight: number): void {
  addCounts(target.exact, matching.exactGold, matching.exactPredicted, weight);
  addCounts(target.overlap, matching.overlapGold, matching.overlapPredicted, weight);
}

/** Distinct piece sets, in first-seen order, with the index of each input in the distinct list. */
function distinct(items: ReadonlyArray<Pieces | null>): { spans: Pieces[]; indexOf: number[] } {
  const byKey = new Map<string, number>();
  const spans: Pieces[] = [];
  const indexOf = items.map((pieces) => {
    if (pieces === null || pieces.length === 0) return -1;
    const key = piecesKey(pieces);
    let index = byKey.get(key);
    if (index === undefined) {
      index = spans.length;
      byKey.set(key, index);
      spans.push(pieces);
    }
    return index;
  });
  return { spans, indexOf };
}

const DOUBLE_QUOTES = new Set([...QUOTE_MARKS].filter(([, mark]) => mark.weight === 2).map(([character]) => character));

/** Direct when the content holds a double quotation mark; single marks are too often apostrophes. */
export function isQuoted(text: string, pieces: Pieces): boolean {
  for (const [start, end] of pieces) for (let index = start; index < end; index++) if (DOUBLE_QUOTES.has(text[index]!)) return true;
  return false;
}

export function cueLemma(text: string, pieces: Pieces): string {
  return pieces.map(([start, end]) => text.slice(start, end)).join(' ').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/** The statements the scorer compares: top-level ones (PolNeAR annotates one level), as piece sets. */
export function predictedRelations(analysis: Analysis, text: string): RelationView[] {
  const views: RelationView[] = [];
  const toPieces = (span: { start: number; end: number } | null): Pieces | null => (span === null ? null : normalizePieces(text, [[span.start, span.end]]));
  for (const statement of analysis.statements) {
    if (statement.within !== undefined) continue;
    const content = normalizePieces(text, statement.content.map((piece) => [piece.start, piece.end] as const));
    if (content.length === 0) continue;
    views.push({ content, cue: toPieces(statement.cue), source: toPieces(statement.source) });
  }
  return views;
}

/** The annotation's relations that have a content span, as piece sets. */
export function goldRelations(annotation: BratAnnotation, text: string): RelationView[] {
  const views: RelationView[] = [];
  const lookup = (id: string | null): Pieces | null => {
    const span = id === null ? undefined : annotation.spans.get(id);
    if (span === undefined) return null;
    const pieces = normalizePieces(text, span.pieces);
    return pieces.length === 0 ? null : pieces;
  };
  for (const relation of annotation.relations) {
    const content = lookup(relation.content);
    if (content === null) continue;
    views.push({ content, cue: lookup(relation.cue), source: lookup(relation.source) });
  }
  return views;
}

function sourceCompatible(predicted: Pieces | null, gold: Pieces | null, exact: boolean): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  return exact ? piecesKey(predicted) === piecesKey(gold) : overlapSize(predicted, gold) > 0;
}

/**
 * Scores predictions over a brat corpus, micro-averaged; a document with n annotations weighs each 1/n.
 * Source, cue and content are scored as sets of distinct spans per document (two statements sharing a source
 * count it once); relations are scored per statement.
 */
export function scoreCorpus(documents: readonly BratDocument[], predict: Predict): CorpusScore {
  const score: Omit<CorpusScore, 'documents' | 'annotations' | 'cueLemmas'> = {
    source: emptyMatch(),
    cue: emptyMatch(),
    content: emptyMatch(),
    relation: emptyMatch(),
    direct: emptyMatch(),
    indirect: emptyMatch(),
    noSource: { gold: 0, exact: 0, overlap: 0 },
    gold: { source: 0, cue: 0, content: 0, relations: 0, direct: 0, indirect: 0, noSource: 0 },
    predicted: { statements: 0, source: 0, cue: 0, content: 0 },
    errors: { misses: [], falseAlarms: [], boundaries: [] },
  };
  let documentCount = 0;
  let annotationCount = 0;
  const lemmas = new Map<string, CueLemmaScore>();
  for (const document of documents) {
    if (document.annotations.length === 0) continue;
    const text = document.text;
    const predicted = predictedRelations(predict(text, document.id), text);
    const predictedSources = distinct(predicted.map((relation) => relation.source));
    const predictedCues = distinct(predicted.map((relation) => relation.cue));
    const predictedContents = distinct(predicted.map((relation) => relation.content));
    const predictedQuoted = predictedContents.spans.map((pieces) => isQuoted(text, pieces));
    const weight = 1 / document.annotations.length;
    documentCount++;
    annotationCount += document.annotations.length;
    score.predicted.statements += predicted.length;
    score.predicted.source += predictedSources.spans.length;
    score.predicted.cue += predictedCues.spans.length;
    score.predicted.content += predictedContents.spans.length;
    document.annotations.forEach((annotation, annotationIndex) => {
      const gold = goldRelations(annotation, text);
      const goldSources = distinct(gold.map((relation) => relation.source));
      const goldCues = distinct(gold.map((relation) => relation.cue));
      const goldContents = distinct(gold.map((relation) => relation.content));
      const sourceMatching = matchPieces(predictedSources.spans, goldSources.spans);
      const cueMatching = matchPieces(predictedCues.spans, goldCues.spans);
      const contentMatching = matchPieces(predictedContents.spans, goldContents.spans);
      addMatching(score.source, sourceMatching, weight);
      addMatching(score.cue, cueMatching, weight);
      addMatching(score.content, contentMatching, weight);
      score.gold.source += weight * goldSources.spans.length;
      score.gold.cue += weight * goldCues.spans.length;
      score.gold.content += weight * goldContents.spans.length;
      score.gold.relations += weight * gold.length;

      // Relations: content overlaps, and the source agrees (exactly, or by overlap); both source-less also agree.
      const exactSource = matchPieces(
        predicted.map((relation) => relation.content),
        gold.map((relation) => relation.content),
        (predictedIndex, goldIndex) => sourceCompatible(predicted[predictedIndex]!.source, gold[goldIndex]!.source, true),
      );
      const overlapSource = matchPieces(
        predicted.map((relation) => relation.content),
        gold.map((relation) => relation.content),
        (predictedIndex, goldIndex) => sourceCompatible(predicted[predictedIndex]!.source, gold[goldIndex]!.source, false),
      );
      // Either variant counts a pair once its content overlaps; the variants differ only in the source test.
      addCounts(score.relation.exact, exactSource.overlapGold, exactSource.overlapPredicted, weight);
      addCounts(score.relation.overlap, overlapSource.overlapGold, overlapSource.overlapPredicted, weight);

      // Direct and indirect: gold class decides a hit or a miss, predicted class decides a false alarm.
      const goldQuoted = goldContents.spans.map((pieces) => isQuoted(text, pieces));
      for (const [variant, goldSide, predictedSide] of [
        ['exact', contentMatching.exactGold, contentMatching.exactPredicted],
        ['overlap', contentMatching.overlapGold, contentMatching.overlapPredicted],
      ] as const) {
        goldSide.forEach((partner, goldIndex) => {
          const target = goldQuoted[goldIndex] ? score.direct[variant] : score.indirect[variant];
          if (partner >= 0) target.tp += weight;
          else target.fn += weight;
        });
        predictedSide.forEach((partner, predictedIndex) => {
          if (partner >= 0) return;
          (predictedQuoted[predictedIndex] ? score.direct[variant] : score.indirect[variant]).fp += weight;
        });
      }
      for (const quoted of goldQuoted) score.gold[quoted ? 'direct' : 'indirect'] += weight;

      goldCues.spans.forEach((pieces, goldIndex) => {
        const lemma = cueLemma(text, pieces);
        let entry = lemmas.get(lemma);
        if (entry === undefined) lemmas.set(lemma, (entry = { lemma, gold: 0, exact: 0, overlap: 0 }));
        entry.gold += weight;
        if (cueMatching.exactGold[goldIndex]! >= 0) entry.exact += weight;
        if (cueMatching.overlapGold[goldIndex]! >= 0) entry.overlap += weight;
      });

      gold.forEach((relation, relationIndex) => {
        if (relation.source !== null) return;
        const contentIndex = goldContents.indexOf[relationIndex]!;
        score.noSource.gold += weight;
        score.gold.noSource += weight;
        if (contentMatching.exactGold[contentIndex]! >= 0) score.noSource.exact += weight;
        if (contentMatching.overlapGold[contentIndex]! >= 0) score.noSource.overlap += weight;
      });

      if (annotationIndex === 0) collectErrors(score.errors, document.id, text, gold, goldContents, predicted, predictedContents, contentMatching);
    });
  }
  const cueLemmas = [...lemmas.values()].sort((a, b) => b.gold - a.gold || a.lemma.localeCompare(b.lemma));
  return { ...score, documents: documentCount, annotations: annotationCount, cueLemmas };
}

/** Partitions the content errors: no overlap at all (miss, false alarm), or overlap with other bounds (boundary). */
function collectErrors(
  errors: CorpusScore['errors'],
  document: string,
  text: string,
  gold: readonly RelationView[],
  goldContents: { spans: Pieces[]; indexOf: number[] },
  predicted: readonly RelationView[],
  predictedContents: { spans: Pieces[]; indexOf: number[] },
  matching: Matching,
): void {
  const firstGold = firstOf(goldContents.indexOf, gold);
  const firstPredicted = firstOf(predictedContents.indexOf, predicted);
  goldContents.spans.forEach((_, goldIndex) => {
    const goldView = firstGold[goldIndex]!;
    const partner = matching.overlapGold[goldIndex]!;
    if (partner < 0) errors.misses.push({ kind: 'miss', document, text, gold: goldView, predicted: null });
    else if (matching.exactGold[goldIndex]! < 0) errors.boundaries.push({ kind: 'boundary', document, text, gold: goldView, predicted: firstPredicted[partner]! });
  });
  predictedContents.spans.forEach((_, predictedIndex) => {
    if (matching.overlapPredicted[predictedIndex]! < 0) errors.falseAlarms.push({ kind: 'false-alarm', document, text, gold: null, predicted: firstPredicted[predictedIndex]! });
  });
}

/** For each distinct content, the first relation that carries it. */
function firstOf(indexOf: readonly number[], relations: readonly RelationView[]): RelationView[] {
  const first: RelationView[] = [];
  indexOf.forEach((index, relationIndex) => {
    if (index >= 0 && first[index] === undefined) first[index] = relations[relationIndex]!;
  });
  return first;
}
