import type { Analysis, EntityType, MergeReason, Relay, SourceDocument, Stance, Statement, StatementKind } from '../model/types.js';

/**
 * The statement library behind one repository interface: an embedded SQLite implementation first, a PostgreSQL
 * one for users who outgrow one machine. Every method is async so both fit.
 */
export interface Library {
  /** Stores one analyzed article in its own transaction; idempotent on normalized text hash and canonical URL. */
  ingest(document: SourceDocument, analysis: Analysis): Promise<IngestResult>;
  getArticle(id: string): Promise<StoredArticleWithAnalysis | null>;
  listArticles(page: Page): Promise<Paged<StoredArticle>>;
  search(query: SearchQuery): Promise<Paged<StatementHit>>;
  /** An entity by id, or by any of its names/aliases (spelling and transliteration variants included). */
  getEntity(idOrName: string): Promise<LibraryEntity | null>;
  listEntities(page: Page & { readonly type?: EntityType; readonly query?: string }): Promise<Paged<LibraryEntity>>;
  /** A speaker's statements ordered by when they were said (or reported). */
  timeline(idOrName: string, range: Page & { readonly from?: string; readonly to?: string }): Promise<Paged<StatementHit>>;
  getCluster(id: string): Promise<StatementCluster | null>;
  listClusters(page: Page & { readonly speaker?: string }): Promise<Paged<StatementCluster>>;
  stats(): Promise<LibraryStats>;
  /** Every stored statement with its article, in a stable order, for export. */
  exportStatements(): AsyncIterable<StatementHit>;
  /** Every current article version with its analysis and text, in a stable order (for span-anchored exports). */
  exportArticles(): AsyncIterable<StoredArticleWithAnalysis>;
  /** The id of the stored article with this document's exact (normalized) text, if any: lets a re-run skip analysis. */
  lookup(document: SourceDocument): Promise<string | null>;
  close(): Promise<void>;
}

export interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

export interface Paged<T> {
  readonly items: readonly T[];
  readonly total: number;
  /** True when `total` is a lower bound (a very broad search stops counting). */
  readonly approximate?: boolean;
  /** For text search: 'relevance' (bm25), or 'newest' when the words match too many statements to rank them all quickly. */
  readonly order?: 'relevance' | 'newest';
  readonly limit: number;
  readonly offset: number;
}

export type IngestStatus = 'stored' | 'unchanged' | 'updated' | 'failed';

export interface IngestResult {
  readonly status: IngestStatus;
  readonly articleId: string | null;
  /** For 'updated': the id of the previous version at the same URL. */
  readonly previousVersion?: string;
  /** For a syndicated copy: the id of the original (earliest) article of its group. */
  readonly copyOf?: string;
  readonly error?: string;
}

export interface StoredArticle {
  readonly id: string;
  readonly documentId: string;
  readonly title: string | null;
  readonly url: string | null;
  /** The outlet (publisher), from the URL's host or the input's metadata. */
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly ingestedAt: string;
  readonly textHash: string;
  readonly version: number;
  /** The id of the previous version at the same canonical URL, or null for a first version. */
  readonly previousVersion?: string | null;
  /** False once a newer version at the same URL is stored. */
  readonly current?: boolean;
  readonly canonicalUrl?: string | null;
  /** The article this one is a syndicated copy of (the earliest), or null for originals. */
  readonly copyOf: string | null;
  readonly statementCount: number;
}

export interface StoredArticleWithAnalysis extends StoredArticle {
  readonly analysis: Analysis;
}

export interface SearchQuery extends Page {
  readonly text?: string;
  /** Matches every alias of the speaker's entity. */
  readonly speaker?: string;
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
  readonly stance?: Stance;
  readonly kind?: StatementKind;
  /** Leave syndicated copies out. */
  readonly originalsOnly?: boolean;
}

export interface StatementHit {
  readonly statement: Statement;
  readonly articleId: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  /** The speaker's library-wide entity id (across articles), when resolved. */
  readonly speakerEntity: string | null;
  readonly clusterId: string | null;
  /** Plain text around the statement's content (never HTML). */
  readonly snippet: string;
  readonly score: number;
}

export interface LibraryEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly why: readonly MergeReason[];
  readonly statementCount: number;
  /** Who relays this speaker most: relay/outlet name and count. */
  readonly relays: ReadonlyArray<{ readonly name: string; readonly count: number }>;
}

export interface ClusterReport {
  readonly articleId: string;
  readonly statementId: string;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly kind: StatementKind;
  readonly text: string;
  readonly via: readonly Relay[];
  readonly copy: boolean;
}

export interface WordChange {
  readonly op: 'same' | 'insert' | 'delete';
  readonly words: string;
}

export interface DriftReport {
  /** Index into the cluster's reports of the earlier version, and the later one. */
  readonly from: number;
  readonly to: number;
  readonly changes: readonly WordChange[];
  /** e.g. 'words-changed', 'truncated', 'hedge-lost', 'indirect-to-direct'; 'meaning-changed' when meaning-bearing words differ. */
  readonly flags: readonly string[];
}

export interface StatementCluster {
  readonly id: string;
  readonly speaker: string | null;
  readonly speakerEntity: string | null;
  /** Earliest report first. */
  readonly reports: readonly ClusterReport[];
  readonly drift: readonly DriftReport[];
}

export interface LibraryStats {
  /** Current articles (the latest version of each). */
  readonly articles: number;
  /** Stored article versions, superseded ones included. */
  readonly versions: number;
  readonly copies: number;
  readonly statements: number;
  readonly entities: number;
  readonly clusters: number;
  readonly failedJobs?: number;
  /** Articles stored as a newer version of an earlier one (same URL, changed text). */
  readonly updated?: number;
  readonly outlets?: number;
  /** Statements whose cluster has more than one report. */
  readonly clusteredStatements?: number;
}
