import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { aliasKey, sameEntity } from '../extract/aliases.js';
import { HearsayError } from '../model/errors.js';
import type { Analysis, Entity, EntityType, SourceDocument, Statement } from '../model/types.js';
import { compareReports } from './drift.js';
import { requireFtsQuery } from './fts-query.js';
import { checkAnalysis, copyGroupRoots, librarySpeakerOf, pageOf, regroupCopies, toLibraryEntity, type GroupMember as BackendGroupMember, type SpeakerNames } from './backend-rules.js';
import { AUTOCHECKPOINT_PAGES, BackgroundCheckpoints } from './background-checkpoints.js';
import { ClusterCandidates, packKeys, wordsOf } from './cluster-candidates.js';
import { applyMigrations } from './migrations.js';
import { fnv1a, LSH_BANDS, lshBuckets, minhashOfText, signatureToBytes } from './minhash.js';
import { canonicalUrl, hashNormalized, normalizeText, outletOf } from './normalize.js';
import { containmentIn, contentKeys, contentWords, MIN_SHARED_WORDS, recordMerges, TiedReports } from './statement-match.js';
import { statementFrame } from './statement-frame.js';
import type {
  ClusterReport,
  DriftReport,
  IngestResult,
  Library,
  LibraryEntity,
  LibraryStats,
  Page,
  Paged,
  SearchQuery,
  StatementCluster,
  StatementHit,
  StoredArticle,
  StoredArticleWithAnalysis,
} from './types.js';

/** One analyzed article to store. */
export interface IngestItem {
  readonly document: SourceDocument;
  readonly analysis: Analysis;
}

export const DEFAULT_LIBRARY_PATH = './data/hearsay.db';
/** Matches up to which search ranks by bm25 (cost grows with matches); broader searches list the newest first. */
const RANK_LIMIT = 5000;
/** The columns user words are searched in (tags holds filter tokens only). */
const TEXT_COLUMNS = '{content speaker title}';
const EXPORT_PAGE = 1000;
/** Earlier reports compared word by word per new statement: those sharing most indexed words. */
const CLUSTER_CANDIDATES = 8;
/** Position of cluster_id in a statement row of `inserts.statements`. */
const CLUSTER_COLUMN = 14;
/** Names that never become library entities on their own: an unresolved pronoun is not a speaker. */
interface ArticleRow {
  id: number;
  document_id: string;
  url: string | null;
  canonical_url: string | null;
  outlet: string | null;
  title: string | null;
  published_at: string | null;
  ingested_at: string;
  text_hash: string;
  version: number;
  previous_version: number | null;
  is_current: number;
  copy_of: number | null;
  statement_count: number;
}

interface HitRow {
  id: number;
  json: string;
  article_id: number;
  speaker_entity: number | null;
  cluster_id: number | null;
  snippet: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published_at: string | null;
  score: number;
}

type GroupMember = BackendGroupMember<number>;

interface EntityRow {
  id: number;
  name: string;
  type: string;
  alias_key: string;
}

const HIT_COLUMNS = 's.id, s.json, s.article_id, s.speaker_entity, s.cluster_id, s.snippet, a.title, a.url, a.outlet, a.published_at';
const ARTICLE_COLUMNS =
  'id, document_id, url, canonical_url, outlet, title, published_at, ingested_at, text_hash, version, previous_version, is_current, copy_of, statement_count';

/** Opens (creating the file, its directory and the schema when needed) the embedded SQLite library. */
export function openLibrary(path: string = DEFAULT_LIBRARY_PATH): SqliteLibrary {
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new HearsayError(`cannot create the directory for the library database (expected a writable path)`, { input: path, cause: error });
    }
  }
  let database: Database.Database;
  try {
    database = new Database(path);
    database.pragma('journal_mode = WAL');
    // WAL + NORMAL: a commit is an append to the log, synced at checkpoints; a committed batch survives a crash of the process
    // (after a power loss the last commits may roll back, and the database stays consistent).
    database.pragma('synchronous = NORMAL');
    // 64 MB of page cache (the default is 2 MB): the index pages every ingest and search touches stay in memory.
    database.pragma('cache_size = -65536');
    database.pragma('temp_store = MEMORY');
    // Checkpoint every ~40 MB of log rather than 4 MB: index pages rewritten by many articles' commits reach the database once.
    // A long ingest moves checkpoints to a thread of their own (BackgroundCheckpoints).
    database.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    applyMigrations(database);
  } catch (error) {
    if (error instanceof HearsayError) throw error;
    throw new HearsayError(`cannot open the library database (expected a SQLite file): ${error instanceof Error ? error.message : String(error)}`, { input: path, cause: error });
  }
  return new SqliteLibrary(database, path === ':memory:' || path === '' ? null : path);
}

/** The embedded library: one SQLite file, WAL mode; one transaction per `ingest`, per batch of articles for `ingestBatch`. */
export class SqliteLibrary implements Library {
  private readonly database: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly inserts: ReturnType<typeof prepareInserts>;
  private readonly candidates: ClusterCandidates;
  /** Articles this connection superseded since the caches were last cleared (cached candidates may still say current). */
  private readonly superseded = new Set<number>();
  /** PRAGMA data_version when this connection last held the write lock: a change means another connection committed. */
  private dataVersion = -1;
  /** alias key → library entity id; cleared when a transaction rolls back. */
  private readonly entityCache = new Map<string, number>();
  /** entity id → name, and `entity id NUL alias` pairs known to be stored: skips re-reading and re-inserting them per article. */
  private readonly entityNames = new Map<number, string>();
  private readonly knownAliases = new Set<string>();
  /** Each document's normalized text and hash: `lookup` then `ingest` of one document (even batches apart) compute them once. */
  private readonly identities = new WeakMap<SourceDocument, { text: string; normalized: string; hash: string }>();
  /** Full-text rows of the open batch, written at its end (see flushIndex), with the article each belongs to. */
  private readonly pendingIndex: Array<{ articleId: number; row: unknown[] }> = [];
  /** Articles of the open batch superseded within it: their queued rows are left out of the index. */
  private pendingDrops = new Set<number>();

  /** Null for a database in memory: no log to checkpoint. */
  private readonly checkpoints: BackgroundCheckpoints | null;

  constructor(database: Database.Database, path: string | null = null) {
    this.database = database;
    this.checkpoints = path === null ? null : new BackgroundCheckpoints(database, path);
    this.statements = prepareStatements(database);
    this.inserts = prepareInserts(database);
    this.candidates = new ClusterCandidates(database);
  }

  /** Milliseconds the checkpoint thread has spent so far (0 when it never started), for benchmarks. */
  get checkpointThreadMs(): number {
    return this.checkpoints?.busyMilliseconds ?? 0;
  }

  /** The underlying connection, for bulk loaders and benchmarks in this folder. */
  get connection(): Database.Database {
    return this.database;
  }

  private identity(document: SourceDocument): { normalized: string; hash: string } {
    let identity = this.identities.get(document);
    if (identity === undefined || identity.text !== document.text) {
      const normalized = normalizeText(document.text);
      identity = { text: document.text, normalized, hash: hashNormalized(normalized) };
      this.identities.set(document, identity);
    }
    return identity;
  }

  async lookup(document: SourceDocument): Promise<string | null> {
    const row = this.statements.articleByHash.get(this.identity(document).hash) as { id: number } | undefined;
    return row === undefined ? null : String(row.id);
  }

  async ingest(document: SourceDocument, analysis: Analysis): Promise<IngestResult> {
    return this.ingestNowBatch([{ document, analysis }])[0]!;
  }

  /**
   * Stores several analyzed articles in one transaction: a bad article is rolled back alone (reported as failed, the
   * others go in), and the batch shares one commit. A crash before the commit loses the whole batch, and a re-run
   * stores it again (ingest is idempotent).
   */
  async ingestBatch(items: readonly IngestItem[]): Promise<IngestResult[]> {
    return this.ingestNowBatch(items);
  }

  private ingestNowBatch(items: readonly IngestItem[]): IngestResult[] {
    if (items.length === 0) return [];
    // Savepoints cost about a twelfth of storage, and articles rarely fail: a failure sends the batch back to the start,
    // to be stored again with a savepoint around each article.
    return this.storeBatch(items, false) ?? this.storeBatch(items, true) ?? [];
  }

  /** The items in one transaction; null when, without savepoints (`isolated` false), an article failed and all was rolled back. */
  private storeBatch(items: readonly IngestItem[], isolated: boolean): IngestResult[] | null {
    const s = this.statements;
    try {
      // IMMEDIATE: take the write lock at BEGIN, so a second writer waits (busy_timeout) instead of failing mid-transaction.
      s.begin.run();
    } catch (error) {
      return items.map(() => failure(error));
    }
    const version = s.dataVersion.get() as number;
    if (version !== this.dataVersion) {
      this.forgetCaches();
      this.dataVersion = version;
    }
    const results: IngestResult[] = [];
    let articleFailed = false;
    try {
      for (const item of items) {
        if (isolated) {
          results.push(this.storeIsolated(item));
          continue;
        }
        try {
          results.push(this.ingestNow(item.document, item.analysis));
        } catch (error) {
          articleFailed = true;
          throw error;
        }
      }
      this.flushIndex();
      s.commit.run();
    } catch (error) {
      if (this.database.inTransaction) s.rollback.run();
      this.pendingIndex.length = 0;
      this.pendingDrops.clear();
      this.forgetCaches();
      if (articleFailed && items.length > 1) return null;
      // Nothing of this batch is stored: every article in it failed, also those that had been stored before the error.
      return items.map(() => failure(error));
    }
    this.checkpoints?.committed();
    return results;
  }

  /** One article inside its own savepoint: a failure rolls back this article only, and is its result. */
  private storeIsolated(item: IngestItem): IngestResult {
    const s = this.statements;
    s.savepoint.run();
    const queued = this.pendingIndex.length;
    const drops = new Set(this.pendingDrops);
    try {
      const result = this.ingestNow(item.document, item.analysis);
      s.release.run();
      return result;
    } catch (error) {
      // A failure that ended the whole transaction (disk full, I/O error) leaves no savepoint to roll back to.
      if (!this.database.inTransaction) throw error;
      s.rollbackTo.run();
      s.release.run();
      this.pendingIndex.length = queued;
      this.pendingDrops = drops;
      this.forgetCaches();
      return failure(error);
    }
  }

  /** The caches may name rows a rollback removed, or miss rows another connection wrote. */
  private forgetCaches(): void {
    this.entityCache.clear();
    this.entityNames.clear();
    this.knownAliases.clear();
    this.candidates.clear();
    this.superseded.clear();
  }

  /**
   * Writes the batch's full-text rows, outside every savepoint: FTS5 flushes its pending terms at each savepoint, and
   * rows inserted inside savepoints cost about 1.5 times as much (measured on 200,000 rows).
   */
  private flushIndex(): void {
    const rows: unknown[][] = [];
    for (const entry of this.pendingIndex) if (!this.pendingDrops.has(entry.articleId)) rows.push(entry.row);
    this.pendingIndex.length = 0;
    this.pendingDrops.clear();
    this.inserts.fts.run(rows);
  }

  private ingestNow(document: SourceDocument, analysis: Analysis): IngestResult {
    checkAnalysis(document, analysis);
    const s = this.statements;
    const { normalized, hash } = this.identity(document);
    const same = s.articleByHash.get(hash) as { id: number } | undefined;
    if (same !== undefined) return { status: 'unchanged', articleId: String(same.id) };
    const url = document.url ?? analysis.document.url;
    const canonical = canonicalUrl(url);
    const previous = canonical === null ? undefined : (s.currentByUrl.get(canonical) as { id: number; version: number } | undefined);
    const publishedAt = analysis.document.publishedAt ?? document.publishedAt ?? null;
    const signature = minhashOfText(normalized);
    // Not needed again (a re-run of the batch computes it anew): a long-lived document would otherwise keep its normalized copy.
    this.identities.delete(document);
    const buckets = lshBuckets(signature);
    const copies = this.findCopies(buckets, canonical, signature);
    // Statements are stored once, in their own rows; the article keeps the rest of the analysis (restoreAnalysis joins them).
    const storedAnalysis = JSON.stringify({ ...analysis, document: { ...analysis.document, text: undefined }, statements: undefined });
    const info = s.insertArticle.run(
      document.id,
      url,
      canonical,
      outletOf(url),
      document.title ?? analysis.document.title,
      publishedAt,
      new Date().toISOString(),
      document.text,
      hash,
      previous === undefined ? 1 : previous.version + 1,
      previous === undefined ? null : previous.id,
      signatureToBytes(signature),
      analysis.statements.length,
      storedAnalysis,
    );
    const articleId = Number(info.lastInsertRowid);
    if (previous !== undefined) {
      s.supersede.run(previous.id);
      this.superseded.add(previous.id);
      // Superseded statements leave the full-text index (they stay stored, with their version); rows of this batch are not in it yet.
      if (this.pendingIndex.some((entry) => entry.articleId === previous.id)) this.pendingDrops.add(previous.id);
      else s.deleteFts.run(previous.id);
    }
    this.inserts.buckets.run(buckets.map((bucket) => [bucket, articleId]));
    const copyOf = this.regroupCopies(articleId, publishedAt, copies);
    this.storeStatements(articleId, document, analysis, publishedAt);
    const result: { status: 'stored' | 'updated'; articleId: string; previousVersion?: string; copyOf?: string } = {
      status: previous === undefined ? 'stored' : 'updated',
      articleId: String(articleId),
    };
    if (previous !== undefined) result.previousVersion = String(previous.id);
    if (copyOf !== null) result.copyOf = String(copyOf);
    return result;
  }

  /** The current articles sharing an LSH bucket with this signature and estimated similar enough: their groups' members. */
  private findCopies(buckets: readonly number[], canonical: string | null, signature: Uint32Array): GroupMember[] {
    const s = this.statements;
    const candidates = s.bucketCandidates.all(...buckets) as Array<{ id: number; canonical_url: string | null; copy_of: number | null; minhash: Buffer }>;
    const members: GroupMember[] = [];
    for (const root of copyGroupRoots(candidates, canonical, signature)) members.push(...(s.groupMembers.all(root, root) as GroupMember[]));
    return members;
  }

  /** Regroups this article and its near-duplicates under the earliest of them; returns this article's original (null: it is one). */
  private regroupCopies(articleId: number, publishedAt: string | null, copies: GroupMember[]): number | null {
    if (copies.length === 0) return null;
    const { original, changes } = regroupCopies(articleId, publishedAt, copies);
    for (const change of changes) this.statements.setCopyOf.run(change.copyOf, change.id);
    return original === articleId ? null : original;
  }

  private storeStatements(articleId: number, document: SourceDocument, analysis: Analysis, publishedAt: string | null): void {
    if (analysis.statements.length === 0) return;
    const entitiesById = new Map<string, Entity>(analysis.entities.map((entity) => [entity.id, entity]));
    const title = document.title ?? analysis.document.title ?? '';
    const outlet = outletOf(document.url ?? analysis.document.url);
    // Row ids are assigned here, so one article's statements, index rows and keys go in as a few multi-row inserts.
    let rowId = (this.statements.maxStatementId.get() as { id: number | null }).id ?? 0;
    const statementRows: unknown[][] = [];
    const speakerRows: Array<[number, string, number, Buffer]> = [];
    const indexed: Array<{ speaker: number; keys: readonly number[]; id: number }> = [];
    // One resolution per speaker per article: most articles quote the same few people many times.
    const resolved = new Map<string, number | null>();
    // A later statement of this article may merge the cluster an earlier one joined: its id is looked up again below.
    const merged = new Map<number, number>();
    for (const statement of analysis.statements) {
      rowId++;
      const speakerName = statement.speaker?.name ?? statement.source?.text ?? null;
      const memoKey = `${statement.speaker?.entity ?? ''}\u0000${statement.speaker?.name ?? ''}`;
      let speakerEntity = resolved.get(memoKey);
      if (speakerEntity === undefined) {
        speakerEntity = this.resolveSpeaker(statement, entitiesById);
        resolved.set(memoKey, speakerEntity);
      }
      const contentText = statement.content.map((piece) => piece.text).join(' … ');
      const saidAt = statement.time?.said?.value ?? null;
      const relay = statement.via.length === 0 ? null : statement.via[statement.via.length - 1]!.name;
      let clusterId: number | null = null;
      if (speakerEntity !== null) {
        const words = contentWords(contentText);
        const keys = [...new Set(contentKeys(words))];
        clusterId = this.clusterOf(articleId, speakerEntity, words, keys, merged);
        speakerRows.push([speakerEntity, saidAt ?? publishedAt ?? '', rowId, packKeys(keys)]);
        // Indexed once the whole article is stored: its statements are not candidates for one another.
        indexed.push({ speaker: speakerEntity, keys, id: rowId });
        this.candidates.stored(rowId, { articleId, words: words.join(' '), cluster: clusterId, current: true });
      }
      statementRows.push([
        rowId,
        articleId,
        statement.id,
        statement.kind,
        speakerName,
        speakerEntity,
        statement.cue?.stance ?? null,
        statement.cue?.lemma ?? null,
        relay,
        contentText,
        statementFrame(document.text, statement),
        saidAt,
        publishedAt,
        saidAt ?? publishedAt ?? '',
        clusterId,
        JSON.stringify(statement),
      ]);
      this.pendingIndex.push({ articleId, row: [rowId, contentText, speakerName ?? '', title, filterTags(speakerEntity, outlet, statement.cue?.stance ?? null, statement.kind)] });
    }
    if (merged.size > 0) {
      for (const row of statementRows) {
        const cluster = row[CLUSTER_COLUMN] as number | null;
        if (cluster !== null) row[CLUSTER_COLUMN] = merged.get(cluster) ?? cluster;
      }
    }
    this.inserts.statements.run(statementRows);
    // In index order: consecutive rows land on the same pages.
    speakerRows.sort(compareSpeakerRows);
    this.inserts.speakers.run(speakerRows);
    for (const entry of indexed) this.candidates.indexed(entry.speaker, entry.keys, entry.id);
  }

  /** The library-wide entity of a statement's speaker: the article entity's names (and aliases) looked up by alias key. */
  private resolveSpeaker(statement: Statement, entitiesById: ReadonlyMap<string, Entity>): number | null {
    const names = librarySpeakerOf(statement, entitiesById);
    return names === null ? null : this.resolveEntity(names);
  }

  /** Finds the entity any of these names' alias keys points to, or creates it; records every new alias and why it was merged. */
  private resolveEntity({ name, type, aliases, why }: SpeakerNames): number | null {
    const s = this.statements;
    const nameKey = aliasKey(name);
    if (nameKey === '') return null;
    const names = [name, ...aliases.filter((alias) => alias !== name)];
    const keys = names.map((alias) => aliasKey(alias));
    let entityId: number | undefined;
    for (const key of keys) {
      if (key === '') continue;
      entityId = this.entityCache.get(key) ?? (s.entityByAliasKey.get(key) as number | null) ?? undefined;
      if (entityId !== undefined) break;
    }
    let knownName: string | undefined;
    if (entityId === undefined) {
      entityId = Number(s.insertEntity.run(name, type, nameKey).lastInsertRowid);
      this.entityNames.set(entityId, name);
      this.candidates.created(entityId);
    } else {
      knownName = this.entityNames.get(entityId);
      if (knownName === undefined) {
        knownName = (s.entityById.get(entityId) as EntityRow | undefined)?.name;
        if (knownName !== undefined) this.entityNames.set(entityId, knownName);
      }
    }
    const id = entityId;
    const reasons = new Map(why.map((reason) => [reason.alias, reason.reason]));
    names.forEach((alias, index) => {
      const key = keys[index]!;
      if (key === '') return;
      this.entityCache.set(key, id);
      const known = `${id}\u0000${alias}`;
      if (this.knownAliases.has(known)) return;
      // Joining an entity from another article: say why the names meet (transliteration, surname, ...).
      const across = knownName === undefined ? null : sameEntity(alias, knownName).reason;
      const reason = reasons.get(alias) ?? (across !== null && across !== 'same-name' ? across : index === 0 ? 'same-name' : 'known-alias');
      s.insertAlias.run(id, alias, key, reason);
      this.knownAliases.add(known);
    });
    // A bare surname in a later article ("Kovalenka said") should find the full name ("Pavel Kovalenko").
    const surname = type === 'person' && nameKey.includes(' ') ? name.trim().split(/\s+/u).pop() : undefined;
    if (surname !== undefined) {
      const surnameKey = aliasKey(surname);
      if (surnameKey !== '' && !this.entityCache.has(surnameKey) && s.entityByAliasKey.get(surnameKey) === null) {
        s.insertAlias.run(id, surname, surnameKey, 'surname');
        this.knownAliases.add(`${id}\u0000${surname}`);
      }
    }
    return id;
  }

  /**
   * The cluster of the earlier reports of the same utterance by the same speaker, or null. Every report tied for the
   * best match joins, and clusters this statement links are merged into the oldest (recorded in `merged`), so equal
   * reports form one cluster whatever order articles arrive in (joining only the first of them left another equal report
   * out, depending on which came first). Limit: reports matched at different scores still depend on the order.
   */
  private clusterOf(articleId: number, speakerEntity: number, words: readonly string[], keys: readonly number[], merged: Map<number, number>): number | null {
    // Counted in single words (a name's words each): what was enough before names counted once still is.
    if (keys.length < MIN_SHARED_WORDS) return null;
    const needed = Math.min(MIN_SHARED_WORDS, keys.length);
    // Shared keys are counted in memory rather than by GROUP BY/ORDER BY in SQL, which builds two temporary B-trees per statement.
    // The reports sharing most indexed words come first; a few are enough to find the best containment.
    const chosen = mostShared(this.candidates.sharing(speakerEntity, keys, needed), CLUSTER_CANDIDATES);
    // Most statements of a fresh story share too few words with any earlier report: nothing to read or compare.
    if (chosen.length === 0) return null;
    const rows = this.candidates.statements(chosen.map(([statement]) => statement));
    const wordSet = new Set(words);
    const tied = new TiedReports<number>();
    for (const [statement] of chosen) {
      const row = rows.get(statement);
      if (row === undefined || row.articleId === articleId || !row.current || this.superseded.has(row.articleId)) continue;
      tied.offer(statement, row.cluster, containmentIn(wordSet, wordsOf(row)));
    }
    if (tied.none) return null;
    const [oldest, ...others] = tied.clustersOldestFirst();
    const cluster = oldest ?? Number(this.statements.insertCluster.run(speakerEntity).lastInsertRowid);
    for (const statement of tied.unclustered) {
      this.statements.setCluster.run(cluster, statement);
      this.candidates.clustered(statement, cluster);
    }
    if (others.length > 0) {
      for (const other of others) {
        this.statements.mergeCluster.run(cluster, other);
        this.statements.deleteCluster.run(other);
      }
      recordMerges(merged, others, cluster);
      this.candidates.mergedClusters(others, cluster);
    }
    return cluster;
  }

  async getArticle(id: string): Promise<StoredArticleWithAnalysis | null> {
    const articleId = parseId(id);
    if (articleId === null) return null;
    const row = this.database.prepare(`SELECT ${ARTICLE_COLUMNS}, text, analysis FROM articles WHERE id = ?`).get(articleId) as
      | (ArticleRow & { text: string; analysis: string })
      | undefined;
    if (row === undefined) return null;
    return { ...toArticle(row), analysis: this.restoreAnalysis(row.id, row.analysis, row.text) };
  }

  async listArticles(page: Page): Promise<Paged<StoredArticle>> {
    const { limit, offset } = pageOf(page);
    const rows = this.database.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY id LIMIT ? OFFSET ?`).all(limit, offset) as ArticleRow[];
    const total = (this.database.prepare('SELECT COUNT(*) AS count FROM articles').get() as { count: number }).count;
    return { items: rows.map(toArticle), total, limit, offset };
  }

  async search(query: SearchQuery): Promise<Paged<StatementHit>> {
    const { limit, offset } = pageOf(query);
    const where: string[] = ['a.is_current = 1'];
    const parameters: unknown[] = [];
    if (query.speaker !== undefined) {
      const ids = this.entityIds(query.speaker);
      if (ids.length === 0) return { items: [], total: 0, limit, offset };
      where.push(`s.id IN (SELECT statement FROM speaker_statements WHERE speaker_entity IN (${ids.map(() => '?').join(', ')}))`);
      parameters.push(...ids);
    }
    if (query.outlet !== undefined) {
      const outlet = query.outlet.toLowerCase().replace(/^www\./u, '');
      where.push("(a.outlet = ? OR a.outlet LIKE ? ESCAPE '\\')");
      parameters.push(outlet, `%.${outlet.replace(/[\\%_]/gu, (char) => `\\${char}`)}`);
    }
    if (query.from !== undefined) {
      where.push('s.sort_at >= ?');
      parameters.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('s.sort_at <= ?');
      parameters.push(`${query.to}~`);
    }
    if (query.stance !== undefined) {
      where.push('s.stance = ?');
      parameters.push(query.stance);
    }
    if (query.kind !== undefined) {
      where.push('s.kind = ?');
      parameters.push(query.kind);
    }
    if (query.originalsOnly === true) where.push('a.copy_of IS NULL');
    const text = query.text?.trim() ?? '';
    let rows: HitRow[];
    let total: number;
    if (text === '') {
      const filter = where.join(' AND ');
      rows = this.database
        .prepare(`SELECT ${HIT_COLUMNS}, 0 AS score FROM statements s JOIN articles a ON a.id = s.article_id WHERE ${filter} ORDER BY s.sort_at DESC, s.id LIMIT ? OFFSET ?`)
        .all(...parameters, limit, offset) as HitRow[];
      total = (this.database.prepare(`SELECT COUNT(*) AS count FROM statements s JOIN articles a ON a.id = s.article_id WHERE ${filter}`).get(...parameters) as { count: number }).count;
    } else {
      return this.searchText(text, query, limit, offset);
    }
    return { items: rows.map(toHit), total, limit, offset };
  }

  /**
   * Full-text search: speaker, outlet, stance and kind filters are tokens intersected inside the index; dates and
   * originals-only are checked on the joined rows.
   *
   * Ranking stays cheap at millions of statements because no work grows with a frequent word's posting list:
   * - the matches are counted only up to RANK_LIMIT; broader searches list the newest matches first (FTS5 walks
   *   rowids in descending order and stops at the page);
   * - otherwise the (at most RANK_LIMIT) matches are ranked by bm25 computed over the query's *rare* words only
   *   (those matching at most RANK_LIMIT statements on their own). FTS5's bm25 reads the whole posting list of every
   *   phrase of the MATCH for its IDF, so a frequent word or a filter tag would cost tens of milliseconds; a frequent
   *   word's IDF is small anyway, so leaving it out changes the order little. Matches with no rare word score 0
   *   and follow, newest first; when no word is rare at all, the order is simply newest first.
   */
  private searchText(text: string, query: SearchQuery, limit: number, offset: number): Paged<StatementHit> {
    const tagClauses: string[] = [];
    if (query.speaker !== undefined) {
      const ids = this.entityIds(query.speaker);
      if (ids.length === 0) return { items: [], total: 0, limit, offset };
      tagClauses.push(`(${ids.map((id) => `"spk${id}"`).join(' OR ')})`);
    }
    if (query.outlet !== undefined) tagClauses.push(`"${outletTag(query.outlet.toLowerCase().replace(/^www\./u, ''))}"`);
    if (query.stance !== undefined) tagClauses.push(`"stance${query.stance}"`);
    if (query.kind !== undefined) tagClauses.push(`"kind${query.kind}"`);
    const parsed = requireFtsQuery(text);
    const match = [`${TEXT_COLUMNS} : (${parsed.query})`, ...tagClauses.map((clause) => `tags : ${clause}`)].join(' AND ');
    const post: string[] = [];
    const parameters: unknown[] = [];
    if (query.from !== undefined) {
      post.push('s.sort_at >= ?');
      parameters.push(query.from);
    }
    if (query.to !== undefined) {
      post.push('s.sort_at <= ?');
      parameters.push(`${query.to}~`);
    }
    if (query.originalsOnly === true) post.push('a.copy_of IS NULL');
    const filter = ['statement_fts MATCH ?', ...post].join(' AND ');
    const joins = `${post.length > 0 ? ' JOIN statements s ON s.id = statement_fts.rowid' : ''}${query.originalsOnly === true ? ' JOIN articles a ON a.id = s.article_id' : ''}`;
    const from = `FROM statement_fts${joins}`;
    try {
      // Dates and originals-only are checked on the listed matches' rows (at most RANK_LIMIT + 1 lookups by id).
      const filterIds = (ids: readonly number[]): number[] =>
        this.database
          .prepare(`SELECT s.id FROM statements s${query.originalsOnly === true ? ' JOIN articles a ON a.id = s.article_id' : ''} WHERE s.id IN (SELECT value FROM json_each(?)) AND ${post.join(' AND ')}`)
          .pluck()
          .all(JSON.stringify(ids), ...parameters) as number[];
      // One walk of the index, stopped one past RANK_LIMIT, both counts the matches and (when few enough) lists them.
      const candidates = this.statements.matchIds.all(match, RANK_LIMIT + 1) as number[];
      let order: 'relevance' | 'newest' = 'newest';
      let page: Array<{ hit: number; score: number }>;
      let total = candidates.length;
      let approximate = candidates.length > RANK_LIMIT;
      if (candidates.length > RANK_LIMIT) {
        page = this.database
          .prepare(`SELECT statement_fts.rowid AS hit, 0 AS score ${from} WHERE ${filter} ORDER BY statement_fts.rowid DESC LIMIT ? OFFSET ?`)
          .all(match, ...parameters, limit, offset) as Array<{ hit: number; score: number }>;
        // A lower bound: the listed candidates that pass the filters (walking further to count would cost more than ranking).
        if (post.length > 0) total = filterIds(candidates).length;
      } else {
        const hits = post.length === 0 ? candidates : filterIds(candidates);
        total = hits.length;
        // A query of one phrase without filters matched exactly `candidates`: that phrase is rare, no need to count it again.
        const alone = tagClauses.length === 0 && parsed.phrases.length === 1 && parsed.negated === 0;
        const scores = hits.length < 2 ? null : this.rareScores(parsed.phrases, alone);
        if (scores !== null || hits.length < 2) order = 'relevance';
        const ranked = hits.map((hit) => ({ hit, score: scores?.get(hit) ?? 0 }));
        // bm25 is negative, lower is better; ties (and unscored matches) newest first.
        ranked.sort((a, b) => a.score - b.score || b.hit - a.hit);
        page = ranked.slice(offset, offset + limit);
      }
      const rows =
        page.length === 0
          ? []
          : (this.database
              .prepare(`SELECT ${HIT_COLUMNS}, 0 AS score FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id IN (${page.map(() => '?').join(', ')})`)
              .all(...page.map((entry) => entry.hit)) as HitRow[]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const items = page.flatMap((entry) => {
        const row = byId.get(entry.hit);
        return row === undefined ? [] : [toHit({ ...row, score: entry.score })];
      });
      return { items, total, limit, offset, order, ...(approximate ? { approximate } : {}) };
    } catch (error) {
      // buildFtsQuery quotes every term, so this is a safety net that keeps raw SQLite errors away from users.
      throw new HearsayError(`cannot search for '${text}' (expected words, "quoted phrases", OR, -excluded words): ${error instanceof Error ? error.message : String(error)}`, {
        input: 'search',
        exitCode: 2,
      });
    }
  }

  /**
   * bm25 (column weights content 4, speaker 2, title 1) over the query's words that match at most RANK_LIMIT
   * statements each (`known`: the caller knows the query is that one word); null when there is none. Phrases are
   * ranked by their words: matching a phrase of frequent words walks their position lists, which at a million
   * statements costs tens of milliseconds per walk, and bm25 would walk it twice more.
   */
  private rareScores(phrases: readonly string[], known: boolean): Map<number, number> | null {
    const words = new Set<string>();
    for (const phrase of phrases) {
      // A prefix phrase ("rail"*) stays whole; a phrase of words ranks by each of its words.
      if (phrase.endsWith('*')) words.add(phrase);
      else for (const word of phrase.slice(1, -1).split(' ')) if (word !== '') words.add(`"${word}"`);
    }
    const isRare = (word: string): boolean => (this.statements.matchIds.all(`${TEXT_COLUMNS} : ${word}`, RANK_LIMIT + 1) as number[]).length <= RANK_LIMIT;
    const rare = known && words.size === 1 ? [...words] : [...words].filter(isRare);
    if (rare.length === 0) return null;
    const scores = new Map<number, number>();
    for (const row of this.statements.rareScores.iterate(`${TEXT_COLUMNS} : (${rare.join(' OR ')})`) as IterableIterator<{ hit: number; score: number }>) scores.set(row.hit, row.score);
    return scores;
  }

  /** Library entity ids for an id or any name or alias (by alias key). */
  private entityIds(idOrName: string): number[] {
    const ids = new Set<number>();
    const id = parseId(idOrName);
    if (id !== null && this.statements.entityById.get(id) !== undefined) ids.add(id);
    const key = aliasKey(idOrName);
    if (key !== '') for (const row of this.statements.entitiesByAliasKey.all(key) as Array<{ entity_id: number }>) ids.add(row.entity_id);
    return [...ids];
  }

  async getEntity(idOrName: string): Promise<LibraryEntity | null> {
    const ids = this.entityIds(idOrName);
    if (ids.length === 0) return null;
    // Several entities can share a key (two people with one surname): prefer the one with most statements.
    const entities = ids.map((id) => this.describeEntity(id)).filter((entity): entity is LibraryEntity => entity !== null);
    entities.sort((a, b) => b.statementCount - a.statementCount);
    return entities[0] ?? null;
  }

  private describeEntity(id: number): LibraryEntity | null {
    const row = this.statements.entityById.get(id) as EntityRow | undefined;
    if (row === undefined) return null;
    const aliases = this.database.prepare('SELECT alias, reason FROM entity_aliases WHERE entity_id = ? ORDER BY rowid').all(id) as Array<{ alias: string; reason: string }>;
    const statementCount = (
      this.database
        .prepare('SELECT COUNT(*) AS count FROM speaker_statements k JOIN statements s ON s.id = k.statement JOIN articles a ON a.id = s.article_id WHERE k.speaker_entity = ? AND a.is_current = 1')
        .get(id) as {
        count: number;
      }
    ).count;
    const relays = this.database
      .prepare(
        'SELECT COALESCE(s.relay, a.outlet) AS name, COUNT(*) AS count FROM speaker_statements k JOIN statements s ON s.id = k.statement JOIN articles a ON a.id = s.article_id WHERE k.speaker_entity = ? AND a.is_current = 1 AND COALESCE(s.relay, a.outlet) IS NOT NULL GROUP BY COALESCE(s.relay, a.outlet) ORDER BY count DESC, name LIMIT 10',
      )
      .all(id) as Array<{ name: string; count: number }>;
    return toLibraryEntity(row, aliases, statementCount, relays);
  }

  async listEntities(page: Page & { readonly type?: EntityType; readonly query?: string }): Promise<Paged<LibraryEntity>> {
    const { limit, offset } = pageOf(page);
    const where: string[] = [];
    const parameters: unknown[] = [];
    if (page.type !== undefined) {
      where.push('e.type = ?');
      parameters.push(page.type);
    }
    if (page.query !== undefined && page.query.trim() !== '') {
      where.push('e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key LIKE ? OR alias LIKE ?)');
      parameters.push(`${aliasKey(page.query)}%`, `%${page.query}%`);
    }
    const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const rows = this.database
      .prepare(`SELECT e.id, (SELECT COUNT(*) FROM speaker_statements k WHERE k.speaker_entity = e.id) AS count FROM entities e ${filter} ORDER BY count DESC, e.id LIMIT ? OFFSET ?`)
      .all(...parameters, limit, offset) as Array<{ id: number }>;
    const total = (this.database.prepare(`SELECT COUNT(*) AS count FROM entities e ${filter}`).get(...parameters) as { count: number }).count;
    return { items: rows.map((row) => this.describeEntity(row.id)).filter((entity): entity is LibraryEntity => entity !== null), total, limit, offset };
  }

  async timeline(idOrName: string, range: Page & { readonly from?: string; readonly to?: string }): Promise<Paged<StatementHit>> {
    const { limit, offset } = pageOf(range);
    const entity = await this.getEntity(idOrName);
    if (entity === null) return { items: [], total: 0, limit, offset };
    // speaker_statements is the speaker's statements in time order (k.sort_at is s.sort_at).
    const where = ['k.speaker_entity = ?', 'a.is_current = 1'];
    const parameters: unknown[] = [Number(entity.id)];
    if (range.from !== undefined) {
      where.push('k.sort_at >= ?');
      parameters.push(range.from);
    }
    if (range.to !== undefined) {
      where.push('k.sort_at <= ?');
      parameters.push(`${range.to}~`);
    }
    const filter = where.join(' AND ');
    const from = 'FROM speaker_statements k JOIN statements s ON s.id = k.statement JOIN articles a ON a.id = s.article_id';
    const rows = this.database
      .prepare(`SELECT ${HIT_COLUMNS}, 0 AS score ${from} WHERE ${filter} ORDER BY k.sort_at, a.published_at, s.id LIMIT ? OFFSET ?`)
      .all(...parameters, limit, offset) as HitRow[];
    const total = (this.database.prepare(`SELECT COUNT(*) AS count ${from} WHERE ${filter}`).get(...parameters) as { count: number }).count;
    return { items: rows.map(toHit), total, limit, offset };
  }

  async getCluster(id: string): Promise<StatementCluster | null> {
    const clusterId = parseId(id);
    if (clusterId === null) return null;
    const cluster = this.database.prepare('SELECT c.id, c.speaker_entity, e.name FROM clusters c LEFT JOIN entities e ON e.id = c.speaker_entity WHERE c.id = ?').get(clusterId) as
      | { id: number; speaker_entity: number | null; name: string | null }
      | undefined;
    if (cluster === undefined) return null;
    const rows = this.database
      .prepare(
        `SELECT s.article_id, s.statement_id, s.kind, s.content_text, s.snippet, s.json, a.outlet, a.published_at, a.copy_of
         FROM statements s JOIN articles a ON a.id = s.article_id
         WHERE s.cluster_id = ? AND a.is_current = 1
         ORDER BY a.published_at IS NULL, a.published_at, a.id, s.id`,
      )
      .all(clusterId) as Array<{
      article_id: number;
      statement_id: string;
      kind: Statement['kind'];
      content_text: string;
      snippet: string;
      json: string;
      outlet: string | null;
      published_at: string | null;
      copy_of: number | null;
    }>;
    const reports: ClusterReport[] = rows.map((row) => ({
      articleId: String(row.article_id),
      statementId: row.statement_id,
      outlet: row.outlet,
      publishedAt: row.published_at,
      kind: row.kind,
      text: row.content_text,
      via: (JSON.parse(row.json) as Statement).via,
      copy: row.copy_of !== null,
    }));
    const drift: DriftReport[] = [];
    for (let index = 1; index < rows.length; index++) {
      const earlier = rows[index - 1]!;
      const later = rows[index]!;
      drift.push(
        compareReports(index - 1, index, { kind: earlier.kind, text: earlier.content_text, frame: earlier.snippet }, { kind: later.kind, text: later.content_text, frame: later.snippet }),
      );
    }
    return { id: String(cluster.id), speaker: cluster.name, speakerEntity: cluster.speaker_entity === null ? null : String(cluster.speaker_entity), reports, drift };
  }

  async listClusters(page: Page & { readonly speaker?: string }): Promise<Paged<StatementCluster>> {
    const { limit, offset } = pageOf(page);
    const where = ['a.is_current = 1'];
    const parameters: unknown[] = [];
    if (page.speaker !== undefined) {
      const ids = this.entityIds(page.speaker);
      if (ids.length === 0) return { items: [], total: 0, limit, offset };
      where.push(`s.id IN (SELECT statement FROM speaker_statements WHERE speaker_entity IN (${ids.map(() => '?').join(', ')}))`);
      parameters.push(...ids);
    }
    const grouped = `SELECT s.cluster_id AS id, COUNT(*) AS reports, MIN(a.published_at) AS first FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id IS NOT NULL AND ${where.join(' AND ')} GROUP BY s.cluster_id HAVING COUNT(*) > 1`;
    const rows = this.database.prepare(`${grouped} ORDER BY reports DESC, id LIMIT ? OFFSET ?`).all(...parameters, limit, offset) as Array<{ id: number }>;
    const total = (this.database.prepare(`SELECT COUNT(*) AS count FROM (${grouped})`).get(...parameters) as { count: number }).count;
    const items: StatementCluster[] = [];
    for (const row of rows) {
      const cluster = await this.getCluster(String(row.id));
      if (cluster !== null) items.push(cluster);
    }
    return { items, total, limit, offset };
  }

  async stats(): Promise<LibraryStats> {
    const count = (sql: string): number => (this.database.prepare(sql).get() as { count: number }).count;
    return {
      articles: count('SELECT COUNT(*) AS count FROM articles WHERE is_current = 1'),
      versions: count('SELECT COUNT(*) AS count FROM articles'),
      updated: count('SELECT COUNT(*) AS count FROM articles WHERE previous_version IS NOT NULL'),
      copies: count('SELECT COUNT(*) AS count FROM articles WHERE is_current = 1 AND copy_of IS NOT NULL'),
      outlets: count('SELECT COUNT(DISTINCT outlet) AS count FROM articles WHERE is_current = 1'),
      statements: count('SELECT COUNT(*) AS count FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.is_current = 1'),
      entities: count('SELECT COUNT(*) AS count FROM entities'),
      clusters: count(
        'SELECT COUNT(*) AS count FROM (SELECT s.cluster_id FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id IS NOT NULL AND a.is_current = 1 GROUP BY s.cluster_id HAVING COUNT(*) > 1)',
      ),
      clusteredStatements: count('SELECT COUNT(*) AS count FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id IS NOT NULL AND a.is_current = 1'),
    };
  }

  async *exportStatements(): AsyncIterable<StatementHit> {
    // Keyset pages rather than one open cursor, so the connection stays usable while the consumer writes.
    let after = 0;
    const page = this.database.prepare(`SELECT ${HIT_COLUMNS}, 0 AS score FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.is_current = 1 AND s.id > ? ORDER BY s.id LIMIT ?`);
    for (;;) {
      const rows = page.all(after, EXPORT_PAGE) as HitRow[];
      if (rows.length === 0) return;
      for (const row of rows) yield toHit(row);
      after = rows[rows.length - 1]!.id;
    }
  }

  async *exportArticles(): AsyncIterable<StoredArticleWithAnalysis> {
    let after = 0;
    const page = this.database.prepare(`SELECT ${ARTICLE_COLUMNS}, text, analysis FROM articles WHERE is_current = 1 AND id > ? ORDER BY id LIMIT ?`);
    for (;;) {
      const rows = page.all(after, 100) as Array<ArticleRow & { text: string; analysis: string }>;
      if (rows.length === 0) return;
      for (const row of rows) yield { ...toArticle(row), analysis: this.restoreAnalysis(row.id, row.analysis, row.text) };
      after = rows[rows.length - 1]!.id;
    }
  }

  /** The stored analysis (without text and statements) made whole again: the text from its column, the statements from their rows. */
  private restoreAnalysis(articleId: number, json: string, text: string): Analysis {
    const stored = JSON.parse(json) as Omit<Analysis, 'statements'>;
    const statements = (this.statements.statementJson.all(articleId) as Array<{ json: string }>).map((row) => JSON.parse(row.json) as Statement);
    return { ...stored, document: { ...stored.document, text }, statements };
  }

  async close(): Promise<void> {
    await this.checkpoints?.close();
    if (this.database.open) this.database.close();
  }
}

function prepareStatements(database: Database.Database) {
  const bucketPlaceholders = new Array<string>(LSH_BANDS).fill('?').join(', ');
  return {
    begin: database.prepare('BEGIN IMMEDIATE'),
    dataVersion: database.prepare('PRAGMA data_version').pluck(),
    savepoint: database.prepare('SAVEPOINT article'),
    release: database.prepare('RELEASE article'),
    rollbackTo: database.prepare('ROLLBACK TO article'),
    commit: database.prepare('COMMIT'),
    rollback: database.prepare('ROLLBACK'),
    articleByHash: database.prepare('SELECT id FROM articles WHERE text_hash = ? ORDER BY id DESC LIMIT 1'),
    currentByUrl: database.prepare('SELECT id, version FROM articles WHERE canonical_url = ? AND is_current = 1 ORDER BY id DESC LIMIT 1'),
    insertArticle: database.prepare(
      `INSERT INTO articles (document_id, url, canonical_url, outlet, title, published_at, ingested_at, text, text_hash, version, previous_version, minhash, statement_count, analysis)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    supersede: database.prepare('UPDATE articles SET is_current = 0 WHERE id = ?'),
    bucketCandidates: database.prepare(
      `SELECT a.id, a.canonical_url, a.copy_of, a.minhash FROM articles a
       WHERE a.id IN (SELECT article_id FROM lsh_buckets WHERE bucket IN (${bucketPlaceholders})) AND a.is_current = 1`,
    ),
    groupMembers: database.prepare('SELECT id, published_at, copy_of FROM articles WHERE (id = ? OR copy_of = ?) AND is_current = 1'),
    setCopyOf: database.prepare('UPDATE articles SET copy_of = ? WHERE id = ?'),
    maxStatementId: database.prepare('SELECT MAX(id) AS id FROM statements'),
    statementJson: database.prepare('SELECT json FROM statements WHERE article_id = ? ORDER BY id'),
    rareScores: database.prepare('SELECT rowid AS hit, bm25(statement_fts, 4.0, 2.0, 1.0, 0.0) AS score FROM statement_fts WHERE statement_fts MATCH ?'),
    matchIds: database.prepare('SELECT rowid FROM statement_fts WHERE statement_fts MATCH ? LIMIT ?').pluck(),
    deleteFts: database.prepare('DELETE FROM statement_fts WHERE rowid IN (SELECT id FROM statements WHERE article_id = ?)'),
    insertCluster: database.prepare('INSERT INTO clusters (speaker_entity) VALUES (?)'),
    setCluster: database.prepare('UPDATE statements SET cluster_id = ? WHERE id = ?'),
    mergeCluster: database.prepare('UPDATE statements SET cluster_id = ? WHERE cluster_id = ?'),
    deleteCluster: database.prepare('DELETE FROM clusters WHERE id = ?'),
    // The lowest entity id (null: none); MIN reads the index's few matches, ORDER BY ... LIMIT 1 sorted them in a temporary B-tree.
    entityByAliasKey: database.prepare('SELECT MIN(entity_id) FROM entity_aliases WHERE alias_key = ?').pluck(),
    entitiesByAliasKey: database.prepare('SELECT DISTINCT entity_id FROM entity_aliases WHERE alias_key = ?'),
    entityById: database.prepare('SELECT id, name, type, alias_key FROM entities WHERE id = ?'),
    insertEntity: database.prepare('INSERT INTO entities (name, type, alias_key) VALUES (?, ?, ?)'),
    insertAlias: database.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key, reason) VALUES (?, ?, ?, ?)'),
  };
}

/** The per-article bulk writes: each a multi-row INSERT, so an article costs a few calls into SQLite, not one per row. */
function prepareInserts(database: Database.Database) {
  return {
    buckets: new MultiRowInsert(database, 'INSERT OR IGNORE INTO lsh_buckets (bucket, article_id) VALUES', 2, LSH_BANDS),
    statements: new MultiRowInsert(
      database,
      `INSERT INTO statements (id, article_id, statement_id, kind, speaker_name, speaker_entity, stance, cue_lemma, relay, content_text, snippet, said_at, published_at, sort_at, cluster_id, json) VALUES`,
      16,
      32,
    ),
    fts: new MultiRowInsert(database, 'INSERT INTO statement_fts (rowid, content, speaker, title, tags) VALUES', 5, 32),
    speakers: new MultiRowInsert(database, 'INSERT INTO speaker_statements (speaker_entity, sort_at, statement, keys) VALUES', 4, 32),
  };
}

/** `INSERT ... VALUES (...), (...)` for any number of rows: chunks of at most `most` rows, one prepared statement per chunk size. */
class MultiRowInsert {
  private readonly prepared = new Map<number, Database.Statement>();
  constructor(
    private readonly database: Database.Database,
    private readonly head: string,
    private readonly columns: number,
    private readonly most: number,
  ) {}

  run(rows: readonly (readonly unknown[])[]): void {
    for (let start = 0; start < rows.length; start += this.most) {
      const end = Math.min(rows.length, start + this.most);
      // A plain loop: Array.prototype.flat showed up in profiles at a few percent of ingest.
      const values: unknown[] = [];
      for (let index = start; index < end; index++) for (const value of rows[index]!) values.push(value);
      // An array binds as the anonymous parameters: no spread of hundreds of arguments.
      this.statementFor(end - start).run(values);
    }
  }

  private statementFor(count: number): Database.Statement {
    let statement = this.prepared.get(count);
    if (statement === undefined) {
      const row = `(${new Array<string>(this.columns).fill('?').join(', ')})`;
      statement = this.database.prepare(`${this.head} ${new Array<string>(count).fill(row).join(', ')}`);
      this.prepared.set(count, statement);
    }
    return statement;
  }
}

/**
 * The `most` entries sharing most keys (ties: the newest statement first), in that order: what sorting all of them and
 * keeping the first `most` gives, without sorting the hundreds a frequent speaker's common words match.
 */
export function mostShared(shared: ReadonlyArray<readonly [number, number]>, most: number): Array<readonly [number, number]> {
  const chosen: Array<readonly [number, number]> = [];
  if (most <= 0) return chosen;
  for (const entry of shared) {
    if (chosen.length === most && !ranksBefore(entry, chosen[most - 1]!)) continue;
    let at = Math.min(chosen.length, most - 1);
    if (chosen.length < most) chosen.push(entry);
    while (at > 0 && ranksBefore(entry, chosen[at - 1]!)) {
      chosen[at] = chosen[at - 1]!;
      at--;
    }
    chosen[at] = entry;
  }
  return chosen;
}

function ranksBefore(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] > b[0]);
}

function compareSpeakerRows(a: readonly [number, string, number, Buffer], b: readonly [number, string, number, Buffer]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]);
}

function failure(error: unknown): IngestResult {
  return { status: 'failed', articleId: null, error: error instanceof Error ? error.message : String(error) };
}

/** Filter tokens of one statement for the index's tags column (letters and digits only, so the tokenizer keeps them whole). */
export function filterTags(speakerEntity: number | null, outlet: string | null, stance: string | null, kind: string): string {
  const tags = [`kind${kind}`];
  if (speakerEntity !== null) tags.push(`spk${speakerEntity}`);
  if (outlet !== null) tags.push(outletTag(outlet));
  if (stance !== null) tags.push(`stance${stance}`);
  return tags.join(' ');
}

function outletTag(outlet: string): string {
  return `out${fnv1a(outlet).toString(36)}`;
}

function parseId(id: string): number | null {
  return /^\d{1,15}$/u.test(id.trim()) ? Number(id.trim()) : null;
}

function toArticle(row: ArticleRow): StoredArticle {
  return {
    id: String(row.id),
    documentId: row.document_id,
    title: row.title,
    url: row.url,
    canonicalUrl: row.canonical_url,
    outlet: row.outlet,
    publishedAt: row.published_at,
    ingestedAt: row.ingested_at,
    textHash: row.text_hash,
    version: row.version,
    previousVersion: row.previous_version === null ? null : String(row.previous_version),
    current: row.is_current === 1,
    copyOf: row.copy_of === null ? null : String(row.copy_of),
    statementCount: row.statement_count,
  };
}

function toHit(row: HitRow): StatementHit {
  return {
    statement: JSON.parse(row.json) as Statement,
    articleId: String(row.article_id),
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    publishedAt: row.published_at,
    speakerEntity: row.speaker_entity === null ? null : String(row.speaker_entity),
    clusterId: row.cluster_id === null ? null : String(row.cluster_id),
    snippet: row.snippet,
    score: row.score,
  };
}

