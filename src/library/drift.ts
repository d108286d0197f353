import type { StatementKind } from '../model/types.js';
import { wordTokens } from './normalize.js';
import { HEDGES, NEGATIONS, isMeaningWord, isNumberWord } from './stopwords.js';
import type { DriftReport, WordChange } from './types.js';
import { diffWords } from './word-diff.js';

/** What drift analysis needs of one report: its words, its kind, and the sentence around it (for hedges outside the quote). */
export interface DriftInput {
  readonly kind: StatementKind;
  readonly text: string;
  /** The sentence(s) around the statement, cue included ("reportedly said ..."). */
  readonly frame: string;
}

/** Compares two consecutive reports of one statement: the word diff and what changed ('truncated', 'hedge-lost', 'meaning-changed', ...). */
export function compareReports(from: number, to: number, earlier: DriftInput, later: DriftInput): DriftReport {
  const changes = diffWords(wordTokens(earlier.text), wordTokens(later.text));
  return { from, to, changes, flags: driftFlags(changes, earlier, later) };
}

/** The flags a diff earns, in a fixed order. */
export function driftFlags(changes: readonly WordChange[], earlier: DriftInput, later: DriftInput): string[] {
  const flags: string[] = [];
  const deleted = changes.filter((change) => change.op === 'delete').flatMap((change) => change.words.split(' '));
  const inserted = changes.filter((change) => change.op === 'insert').flatMap((change) => change.words.split(' '));
  if (deleted.length > 0 || inserted.length > 0) flags.push('words-changed');
  const firstSame = changes.findIndex((change) => change.op === 'same');
  // A truncation keeps a run of the original and only drops words around or inside it.
  if (inserted.length === 0 && deleted.length > 0 && firstSame >= 0) flags.push('truncated');
  const hedgesBefore = hedgeWords(earlier.frame);
  const hedgesAfter = hedgeWords(later.frame);
  const lost = [...hedgesBefore].filter((word) => !hedgesAfter.has(word));
  const added = [...hedgesAfter].filter((word) => !hedgesBefore.has(word));
  // A hedge swapped for another ("might" → "could") is rewording; fewer hedges is a loss.
  const hedgeLost = lost.length > 0 && hedgesAfter.size < hedgesBefore.size;
  if (hedgeLost) flags.push('hedge-lost');
  if (added.length > 0 && hedgesAfter.size > hedgesBefore.size) flags.push('hedge-added');
  if (earlier.kind === 'indirect' && later.kind !== 'indirect') flags.push('indirect-to-direct');
  if (earlier.kind !== 'indirect' && later.kind === 'indirect') flags.push('direct-to-indirect');
  if (meaningChanged(deleted, inserted, hedgeLost)) flags.push('meaning-changed');
  return flags;
}

function hedgeWords(text: string): Set<string> {
  return new Set(wordTokens(text).filter((word) => HEDGES.has(word)));
}

/**
 * Meaning changed when a number or negation appears or disappears, a hedge is lost, or a meaning-bearing word is
 * replaced by another (a pure truncation of content words is reported as 'truncated', not as a change of meaning).
 */
function meaningChanged(deleted: readonly string[], inserted: readonly string[], hedgeLost: boolean): boolean {
  if (hedgeLost) return true;
  const insertedCritical = inserted.filter((word) => isNumberWord(word) || NEGATIONS.has(word));
  if (insertedCritical.length > 0) return true;
  // A dropped negation flips the claim; a dropped number only matters when something replaced it.
  if (deleted.some((word) => NEGATIONS.has(word))) return true;
  if (inserted.length > 0 && deleted.some(isNumberWord)) return true;
  const deletedMeaning = new Set(deleted.filter(isMeaningWord));
  const insertedMeaning = inserted.filter(isMeaningWord).filter((word) => !deletedMeaning.has(word));
  return deletedMeaning.size > 0 && insertedMeaning.length > 0;
}
