import type { Span } from './span.js';

/** A document as read by an ingest reader: `text` is immutable, and every span of its analysis points into it. */
export interface SourceDocument {
  readonly id: string;
  readonly text: string;
  readonly title: string | null;
  readonly url: string | null;
  /** ISO date (YYYY-MM-DD) or date-time, when the input or the user gave one. */
  readonly publishedAt: string | null;
  /** Byline, when the reader found one (HTML). */
  readonly byline?: string | null;
}

export type StatementKind = 'direct' | 'partial' | 'indirect';

/** The small fixed vocabulary of what a cue says about the speaker's commitment, or the reporter's distance. */
export type Stance =
  | 'neutral' // said, stated, told
  | 'emphatic' // emphasized, insisted, stressed
  | 'distancing' // alleged, claimed
  | 'admission' // admitted, conceded
  | 'denial' // denied, rejected
  | 'warning' // warned, threatened
  | 'revelation' // revealed, disclosed
  | 'argument' // argued, suggested
  | 'question' // asked, wondered
  | 'belief' // believes, thinks
  | 'evidential'; // according to, reports show

export interface Cue extends Span {
  readonly stance: Stance;
  /** The cue's lemma ("say" for "said", "according to"), for grouping. */
  readonly lemma: string;
}

export type RelayRole = 'interview' | 'relay' | 'outlet' | 'document' | 'post';

export interface Relay extends Span {
  readonly name: string;
  readonly role: RelayRole;
}

export interface ResolvedSpeaker {
  readonly name: string;
  readonly entity: string | null;
  /** The mentions the resolution rests on (the source as written, and the named mention it was linked to). */
  readonly evidence: readonly Span[];
}

export interface Statement {
  readonly id: string;
  readonly kind: StatementKind;
  /** One or more pieces, in text order, non-overlapping. */
  readonly content: readonly Span[];
  readonly cue: Cue | null;
  /** The speaker as written. */
  readonly source: Span | null;
  readonly speaker: ResolvedSpeaker | null;
  /** Relays between the speaker and the article, innermost first. */
  readonly via: readonly Relay[];
  /** Id of the enclosing statement, for a statement reported inside another. */
  readonly within?: string;
  /** Time axes (issue 4), when the text gives them. */
  readonly time?: StatementTime;
}

export interface StatementTime {
  /** When it was said, when the text says. */
  readonly said?: TimeExpression;
  /** When it was reported: the publication date. */
  readonly reported?: string;
  /** Times the content refers to. */
  readonly refers?: readonly TimeExpression[];
}

export type EntityType = 'person' | 'organization' | 'place' | 'media' | 'group' | 'document' | 'other';

export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly mentions: readonly EntityMention[];
  /** Why mentions were merged into this entity, one reason each. */
  readonly why: readonly MergeReason[];
}

export interface EntityMention extends Span {
  /** name | surname | pronoun | nominal | possessive | title */
  readonly form?: string;
  /** A title or role written before the name ("Russian President"). */
  readonly role?: Span;
}

export interface MergeReason {
  readonly alias: string;
  readonly reason: 'same-name' | 'surname' | 'transliteration' | 'known-alias' | 'coreference' | 'user-alias' | 'title';
  readonly evidence?: Span;
}

export type TimePrecision = 'day' | 'month' | 'year' | 'range' | 'unknown';

export interface TimeExpression extends Span {
  readonly value: string | null;
  readonly precision: TimePrecision;
  /** The end of a range, for precision "range". */
  readonly until?: string;
  /** False for a date inside a hypothetical ("tomorrow half the country ..."). */
  readonly event?: boolean;
}

export interface NumericClaim extends Span {
  readonly statement: string;
  readonly value: number;
  readonly unit: string | null;
  readonly qualifier: string | null;
  readonly predicate: string | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  readonly ruleId: string;
  readonly reason: string;
  readonly start?: number;
  readonly end?: number;
}

/** The output contract of `hearsay analyze` (see docs/contract.md and schema/analysis.schema.json). */
export interface Analysis {
  readonly document: {
    readonly id: string;
    readonly title: string | null;
    readonly url: string | null;
    readonly publishedAt: string | null;
    readonly text: string;
  };
  readonly statements: readonly Statement[];
  readonly entities: readonly Entity[];
  readonly times: readonly TimeExpression[];
  readonly claims: readonly NumericClaim[];
  readonly diagnostics: readonly Diagnostic[];
}
