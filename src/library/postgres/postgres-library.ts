import pg from 'pg';
import { aliasKey, sameEntity } from '../../extract/aliases.js';
import { HearsayError } from '../../model/errors.js';
import type { Analysis, Entity, EntityType, SourceDocument, Statement } from '../../model/types.js';
import { checkAnalysis, copyGroupRoots, librarySpeakerOf, pageOf, regroupCopies, toLibraryEntity, type GroupMember as BackendGroupMember, type SpeakerNames } from '../backend-rules.js';
import { compareReports } from '../drift.js';
import { lshBuckets, minhashOfWords, signatureToBytes } from '../minhash.js';
import { canonicalUrl, hashNormalized, normalizeText, outletOf, wordTokens } from '../normalize.js';
import { containment, contentKeys, contentWords, MIN_SHARED_WORDS, recordMerges, TiedReports } from '../statement-match.js';
import { statementFrame } from '../statement-frame.js';
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
} from '../types.js';
import { lockAll, lockKey } from './locks.js';
import { applyPostgresMigrations } from './migrations.js';
import { foldText, SEARCH_CONFIG, tsQueryParts } from './search-text.js';

/** Matches up to which search ranks by ts_rank_cd (it reads every match's tsvector); broader searches list the newest first. */
const RANK_LIMIT = 5000;
const EXPORT_PAGE = 1000;
/** Outlets up to this length have '~o' lexemes in the search index (migration 3); longer ones are filtered on articles. */
const OUTLET_TAG_BYTES = 1000;
/** Earlier reports compared word by word per new statement: those sharing most content words. */
const CLUSTER_CANDIDATES = 8;
/** Attempts of one article's transaction when PostgreSQL reports a deadlock, a serialization failure or a lost race. */
const TRANSACTION_ATTEMPTS = 5;
/** Names that never become library entities on their own: an unresolved pronoun is not a speaker. */
const HIT_COLUMNS = 's.id, s.json, s.article_id, s.speaker_entity, s.cluster_id, s.snippet, a.title, a.url, a.outlet, a.published_at';
const ARTICLE_COLUMNS =
  'id, document_id, url, canonical_url, outlet, title, published_at, ingested_at, text_hash, version, previous_version, is_current, copy_of, statement_count';
/** The weighted document of one statement: content (A), speaker (B), title (C), as SQLite's bm25 weights 4, 2, 1. */
function searchVector(content: string, speaker: string, title: string): string {
  const part = (expression: string, weight: string): string => `setweight(to_tsvector('${SEARCH_CONFIG}', ${expression}), '${weight}')`;
  return `${part(content, 'A')} || ${part(speaker, 'B')} || ${part(title, 'C')}`;
}

/** pg returns bigint columns as strings: ids stay strings, counts are cast to integer in SQL. */
interface ArticleRow {
  id: string;
  document_id: string;
  url: string | null;
  canonical_url: string | null;
  outlet: string | null;
  title: string | null;
  published_at: string | null;
  ingested_at: Date;
  text_hash: string;
  version: number;
  previous_version: string | null;
  is_current: boolean;
  copy_of: string | null;
  statement_count: number;
}

interface HitRow {
  id: string;
  json: Statement;
  article_id: string;
  speaker_entity: string | null;
  cluster_id: string | null;
  snippet: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published_at: string | null;
  score: number;
}

type GroupMember = BackendGroupMember<string>;

/** One statement's speaker as the article resolves it: the names whose alias keys find (or create) its library entity. */
export interface PostgresLibraryOptions {
  /** Most connections this process opens (default 10). */
  readonly poolSize?: number;
  /** Shown in pg_stat_activity. */
  readonly applicationName?: string;
}

/** Opens the PostgreSQL library at a connection string (postgres://…), applying pending migrations first. */
export async function openPostgresLibrary(connectionString: string, options: PostgresLibraryOptions = {}): Promise<PostgresLibrary> {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, application_name: options.applicationName ?? 'hearsay' });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await applyPostgresMigrations(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof HearsayError) throw error;
    throw new HearsayError(`cannot open the PostgreSQL library: ${error instanceof Error ? error.message : String(error)}`, { input: redactConnectionString(connectionString), cause: error });
  }
  return new PostgresLibrary(pool);
}

/** A connection string without its password, for messages. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * The statement library on PostgreSQL: one transaction per article, like the SQLite library, made safe for many
 * concurrent writers by transaction-level advisory locks on the keys each linking step reads and writes (text
 * hash, canonical URL, LSH buckets, speaker alias keys, then library entities).
 */
export class PostgresLibrary implements Library {
  readonly pool: pg.Pool;
  private closed = false;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async lookup(document: SourceDocument): Promise<string | null> {
    const result = await this.pool.query<{ id: string }>('SELECT id FROM articles WHERE text_hash = $1', [hashNormalized(normalizeText(document.text))]);
    return result.rows[0]?.id ?? null;
  }

  async ingest(document: SourceDocument, analysis: Analysis): Promise<IngestResult> {
    try {
      checkAnalysis(document, analysis);
      return await this.transaction((client) => this.ingestNow(client, document, analysis));
    } catch (error) {
      return { status: 'failed', articleId: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Runs `work` in a READ COMMITTED transaction, retrying it when PostgreSQL reports a deadlock or a lost race. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        if (attempt < TRANSACTION_ATTEMPTS && isRetryable(error)) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  private async ingestNow(client: pg.PoolClient, document: SourceDocument, analysis: Analysis): Promise<IngestResult> {
    const normalized = normalizeText(document.text);
    const hash = hashNormalized(normalized);
    const url = document.url ?? analysis.document.url;
    const canonical = canonicalUrl(url);
    const signature = minhashOfWords(wordTokens(normalized));
    const buckets = lshBuckets(signature);
    const speakers = speakerNamesOf(analysis);
    // Every key this article's linking reads or writes, taken at once in key order (see lockAll).
    const keys = [lockKey('text', hash), ...buckets.map((bucket) => lockKey('bucket', String(bucket)))];
    if (canonical !== null) keys.push(lockKey('url', canonical));
    for (const key of speakerLockKeys(speakers.values())) keys.push(lockKey('alias', key));
    await lockAll(client, keys);

    const same = await client.query<{ id: string }>('SELECT id FROM articles WHERE text_hash = $1', [hash]);
    if (same.rows[0] !== undefined) return { status: 'unchanged', articleId: same.rows[0].id };
    const previous =
      canonical === null
        ? undefined
        : (await client.query<{ id: string; version: number }>('SELECT id, version FROM articles WHERE canonical_url = $1 AND is_current ORDER BY id DESC LIMIT 1', [canonical])).rows[0];
    const publishedAt = analysis.document.publishedAt ?? document.publishedAt ?? null;
    // Statements are stored once, in their own rows; the article keeps the rest of the analysis (restoreAnalysis joins them).
    const storedAnalysis = JSON.stringify({ ...analysis, document: { ...analysis.document, text: undefined }, statements: undefined });
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO articles (document_id, url, canonical_url, outlet, title, published_at, text, text_hash, version, previous_version, minhash, statement_count, analysis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::json) RETURNING id`,
      [
        document.id,
        url,
        canonical,
        outletOf(url),
        document.title ?? analysis.document.title,
        publishedAt,
        document.text,
        hash,
        previous === undefined ? 1 : previous.version + 1,
        previous?.id ?? null,
        signatureToBytes(signature),
        analysis.statements.length,
        storedAnalysis,
      ],
    );
    const articleId = inserted.rows[0]!.id;
    if (previous !== undefined) {
      await client.query('UPDATE articles SET is_current = false WHERE id = $1', [previous.id]);
      // Superseded statements leave the search index (they stay stored, with their version).
      await client.query('UPDATE statements SET is_current = false WHERE article_id = $1', [previous.id]);
    }
    await client.query('INSERT INTO lsh_buckets (bucket, article_id) SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING', [buckets.map(String), articleId]);
    await this.storeStatements(client, articleId, document, analysis, publishedAt, speakers);
    const copyOf = await this.linkCopies(client, articleId, buckets, canonical, signature, publishedAt);
    const result: { status: 'stored' | 'updated'; articleId: string; previousVersion?: string; copyOf?: string } = {
      status: previous === undefined ? 'stored' : 'updated',
      articleId,
    };
    if (previous !== undefined) result.previousVersion = previous.id;
    if (copyOf !== null) result.copyOf = copyOf;
    return result;
  }

  /**
   * Finds this article's near-duplicates and regroups them under the earliest; returns this article's original (null:
   * it is one). The bucket locks make concurrent near-duplicates see each other; regrouping reads and rewrites whole
   * groups, which can reach beyond this article's buckets, so it runs under one more lock and reads again under it.
   */
  private async linkCopies(client: pg.PoolClient, articleId: string, buckets: readonly number[], canonical: string | null, signature: Uint32Array, publishedAt: string | null): Promise<string | null> {
    if ((await this.findCopies(client, articleId, buckets, canonical, signature)).length === 0) return null;
    await lockAll(client, [lockKey('copyGroups', 'all')]);
    const copies = await this.findCopies(client, articleId, buckets, canonical, signature);
    if (copies.length === 0) return null;
    const { original, changes } = regroupCopies(articleId, publishedAt, copies);
    for (const change of changes) await client.query('UPDATE articles SET copy_of = $1 WHERE id = $2', [change.copyOf, change.id]);
    return original === articleId ? null : original;
  }

  /** The current articles sharing an LSH bucket with this signature and estimated similar enough: their groups' members. */
  private async findCopies(client: pg.PoolClient, articleId: string, buckets: readonly number[], canonical: string | null, signature: Uint32Array): Promise<GroupMember[]> {
    const candidates = await client.query<{ id: string; canonical_url: string | null; copy_of: string | null; minhash: Buffer }>(
      `SELECT a.id, a.canonical_url, a.copy_of, a.minhash FROM articles a
       WHERE a.id IN (SELECT article_id FROM lsh_buckets WHERE bucket = ANY($1::bigint[])) AND a.is_current AND a.id <> $2
       ORDER BY a.id`,
      [buckets.map(String), articleId],
    );
    const roots = copyGroupRoots(candidates.rows, canonical, signature);
    if (roots.size === 0) return [];
    const members = await client.query<GroupMember>('SELECT id, published_at, copy_of FROM articles WHERE (id = ANY($1::bigint[]) OR copy_of = ANY($1::bigint[])) AND is_current AND id <> $2', [
      [...roots],
      articleId,
    ]);
    return members.rows;
  }

  private async storeStatements(
    client: pg.PoolClient,
    articleId: string,
    document: SourceDocument,
    analysis: Analysis,
    publishedAt: string | null,
    speakers: ReadonlyMap<Statement, SpeakerNames>,
  ): Promise<void> {
    if (analysis.statements.length === 0) return;
    const title = document.title ?? analysis.document.title ?? '';
    // One resolution per speaker per article: most articles quote the same few people many times.
    const resolved = new Map<string, string | null>();
    const aliasCache = new Map<string, string>();
    const speakerEntities: Array<string | null> = [];
    for (const statement of analysis.statements) {
      const names = speakers.get(statement);
      let entity: string | null = null;
      if (names !== undefined) {
        const memoKey = `${statement.speaker?.entity ?? ''}\u0000${statement.speaker?.name ?? ''}`;
        const known = resolved.get(memoKey);
        entity = known !== undefined ? known : await this.resolveEntity(client, names, aliasCache);
        resolved.set(memoKey, entity);
      }
      speakerEntities.push(entity);
    }
    // Clustering reads and extends each speaker's reports: one writer per speaker entity at a time.
    await lockAll(
      client,
      speakerEntities.filter((entity): entity is string => entity !== null).map((entity) => lockKey('entity', entity)),
    );
    const ids = (
      await client.query<{ id: string }>("SELECT nextval(pg_get_serial_sequence('statements', 'id'))::text AS id FROM generate_series(1, $1::integer)", [analysis.statements.length])
    ).rows
      .map((row) => row.id)
      .sort((a, b) => Number(a) - Number(b));
    const columns = {
      id: [] as string[],
      statementId: [] as string[],
      kind: [] as string[],
      speakerName: [] as Array<string | null>,
      speakerEntity: [] as Array<string | null>,
      stance: [] as Array<string | null>,
      cueLemma: [] as Array<string | null>,
      relay: [] as Array<string | null>,
      contentText: [] as string[],
      snippet: [] as string[],
      saidAt: [] as Array<string | null>,
      sortAt: [] as string[],
      clusterId: [] as Array<string | null>,
      searchContent: [] as string[],
      searchSpeaker: [] as string[],
      json: [] as string[],
    };
    const words = { speaker: [] as string[], key: [] as number[], statement: [] as string[] };
    // A later statement of this article may merge the cluster an earlier one joined: its id is looked up again below.
    const merged = new Map<string, string>();
    for (const [index, statement] of analysis.statements.entries()) {
      const rowId = ids[index]!;
      const speakerEntity = speakerEntities[index] ?? null;
      const speakerName = statement.speaker?.name ?? statement.source?.text ?? null;
      const contentText = statement.content.map((piece) => piece.text).join(' … ');
      const saidAt = statement.time?.said?.value ?? null;
      const clusterId = speakerEntity === null ? null : await this.clusterOf(client, articleId, speakerEntity, contentText, rowId, words, merged);
      columns.id.push(rowId);
      columns.statementId.push(statement.id);
      columns.kind.push(statement.kind);
      columns.speakerName.push(speakerName);
      columns.speakerEntity.push(speakerEntity);
      columns.stance.push(statement.cue?.stance ?? null);
      columns.cueLemma.push(statement.cue?.lemma ?? null);
      columns.relay.push(statement.via.length === 0 ? null : statement.via[statement.via.length - 1]!.name);
      columns.contentText.push(contentText);
      columns.snippet.push(statementFrame(document.text, statement));
      columns.saidAt.push(saidAt);
      columns.sortAt.push(saidAt ?? publishedAt ?? '');
      columns.clusterId.push(clusterId);
      columns.searchContent.push(foldText(contentText));
      columns.searchSpeaker.push(foldText(speakerName ?? ''));
      columns.json.push(JSON.stringify(statement));
    }
    if (merged.size > 0) columns.clusterId = columns.clusterId.map((cluster) => (cluster === null ? null : (merged.get(cluster) ?? cluster)));
    // One multi-row insert per article: unnest turns the column arrays into rows.
    await client.query(
      `INSERT INTO statements (id, article_id, statement_id, kind, speaker_name, speaker_entity, stance, cue_lemma, relay, content_text, snippet, said_at, published_at, sort_at, cluster_id, search, json)
       SELECT u.id, $1, u.statement_id, u.kind, u.speaker_name, u.speaker_entity, u.stance, u.cue_lemma, u.relay, u.content_text, u.snippet, u.said_at, $2, u.sort_at, u.cluster_id,
              hearsay_search_document(${searchVector('u.search_content', 'u.search_speaker', '$19::text')}, (SELECT outlet FROM articles WHERE id = $1)), u.json::json
       FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::text[], $17::text[], $18::text[])
         AS u(id, statement_id, kind, speaker_name, speaker_entity, stance, cue_lemma, relay, content_text, snippet, said_at, sort_at, cluster_id, search_content, search_speaker, json)`,
      [
        articleId,
        publishedAt,
        columns.id,
        columns.statementId,
        columns.kind,
        columns.speakerName,
        columns.speakerEntity,
        columns.stance,
        columns.cueLemma,
        columns.relay,
        columns.contentText,
        columns.snippet,
        columns.saidAt,
        columns.sortAt,
        columns.clusterId,
        columns.searchContent,
        columns.searchSpeaker,
        columns.json,
        foldText(title),
      ],
    );
    if (words.key.length > 0) {
      await client.query('INSERT INTO statement_words (speaker_entity, word_key, statement_id) SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[]) ON CONFLICT DO NOTHING', [
        words.speaker,
        words.key,
        words.statement,
      ]);
    }
  }

  /** Finds the entity any of these names' alias keys points to, or creates it; records every new alias and why it was merged. */
  private async resolveEntity(client: pg.PoolClient, speaker: SpeakerNames, cache: Map<string, string>): Promise<string | null> {
    const { name, type, aliases, why } = speaker;
    const nameKey = aliasKey(name);
    if (nameKey === '') return null;
    const names = [name, ...aliases.filter((alias) => alias !== name)];
    const keys = names.map((alias) => aliasKey(alias));
    const lookup = keys.filter((key) => key !== '' && !cache.has(key));
    const stored = new Map<string, string>();
    if (lookup.length > 0) {
      const rows = await client.query<{ alias_key: string; entity_id: string }>('SELECT alias_key, min(entity_id)::text AS entity_id FROM entity_aliases WHERE alias_key = ANY($1::text[]) GROUP BY alias_key', [lookup]);
      for (const row of rows.rows) stored.set(row.alias_key, row.entity_id);
    }
    let entityId: string | undefined;
    for (const key of keys) {
      if (key === '') continue;
      entityId = cache.get(key) ?? stored.get(key);
      if (entityId !== undefined) break;
    }
    let knownName: string | undefined;
    if (entityId === undefined) {
      entityId = (await client.query<{ id: string }>('INSERT INTO entities (name, type, alias_key) VALUES ($1, $2, $3) RETURNING id', [name, type, nameKey])).rows[0]!.id;
    } else {
      knownName = (await client.query<{ name: string }>('SELECT name FROM entities WHERE id = $1', [entityId])).rows[0]?.name;
    }
    const id = entityId;
    const reasons = new Map(why.map((reason) => [reason.alias, reason.reason]));
    const rows = { alias: [] as string[], key: [] as string[], reason: [] as string[] };
    names.forEach((alias, index) => {
      const key = keys[index]!;
      if (key === '') return;
      cache.set(key, id);
      // Joining an entity from another article: say why the names meet (transliteration, surname, ...).
      const across = knownName === undefined ? null : sameEntity(alias, knownName).reason;
      rows.alias.push(alias);
      rows.key.push(key);
      rows.reason.push(reasons.get(alias) ?? (across !== null && across !== 'same-name' ? across : index === 0 ? 'same-name' : 'known-alias'));
    });
    // A bare surname in a later article ("Kovalenka said") should find the full name ("Pavel Kovalenko").
    const surname = surnameOf(name, type);
    if (surname !== undefined) {
      const surnameKey = aliasKey(surname);
      if (surnameKey !== '' && !cache.has(surnameKey) && (await client.query('SELECT 1 FROM entity_aliases WHERE alias_key = $1 LIMIT 1', [surnameKey])).rowCount === 0) {
        rows.alias.push(surname);
        rows.key.push(surnameKey);
        rows.reason.push('surname');
      }
    }
    // WITH ORDINALITY keeps the aliases' order, which their insertion order (seq) records.
    await client.query(
      `INSERT INTO entity_aliases (entity_id, alias, alias_key, reason)
       SELECT $1, u.alias, u.alias_key, u.reason FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(alias, alias_key, reason, position)
       ORDER BY u.position ON CONFLICT DO NOTHING`,
      [id, rows.alias, rows.key, rows.reason],
    );
    return id;
  }

  /**
   * The cluster of the earlier reports of the same utterance by the same speaker, or null; queues this statement's word
   * keys for the candidate index. Every report tied for the best match joins, and clusters this statement links are
   * merged into the oldest (recorded in `merged`), so equal reports form one cluster whatever order concurrent workers
   * store articles in (joining only the first of them left another equal report out, depending on which came first).
   * Limit: reports matched at different scores still depend on the order.
   */
  private async clusterOf(
    client: pg.PoolClient,
    articleId: string,
    speakerEntity: string,
    contentText: string,
    rowId: string,
    wordRows: { speaker: string[]; key: number[]; statement: string[] },
    merged: Map<string, string>,
  ): Promise<string | null> {
    const words = contentWords(contentText);
    const keys = [...new Set(contentKeys(words))];
    for (const key of keys) {
      wordRows.speaker.push(speakerEntity);
      wordRows.key.push(key);
      wordRows.statement.push(rowId);
    }
    // Counted in single words (a name's words each): what was enough before names counted once still is.
    if (keys.length < MIN_SHARED_WORDS) return null;
    // The speaker's earlier reports sharing most content words first; a few are enough.
    const candidates = await client.query<{ id: string; article_id: string; cluster_id: string | null; content_text: string; is_current: boolean }>(
      `SELECT s.id, s.article_id, s.cluster_id, s.content_text, s.is_current
       FROM (SELECT statement_id, count(*) AS shared FROM statement_words WHERE speaker_entity = $1 AND word_key = ANY($2::integer[])
             GROUP BY statement_id ORDER BY shared DESC, statement_id LIMIT $3) AS c
       JOIN statements s ON s.id = c.statement_id
       ORDER BY c.shared DESC, c.statement_id`,
      [speakerEntity, keys, CLUSTER_CANDIDATES],
    );
    const tied = new TiedReports<string>();
    for (const row of candidates.rows) {
      if (row.article_id === articleId || !row.is_current) continue;
      tied.offer(row.id, row.cluster_id, containment(words, contentWords(row.content_text)));
    }
    if (tied.none) return null;
    const [oldest, ...others] = tied.clustersOldestFirst();
    const cluster = oldest ?? (await client.query<{ id: string }>('INSERT INTO clusters (speaker_entity) VALUES ($1) RETURNING id', [speakerEntity])).rows[0]!.id;
    if (tied.unclustered.length > 0 || others.length > 0) {
      await client.query('UPDATE statements SET cluster_id = $1 WHERE id = ANY($2::bigint[]) OR cluster_id = ANY($3::bigint[])', [cluster, tied.unclustered, others]);
    }
    if (others.length > 0) {
      await client.query('DELETE FROM clusters WHERE id = ANY($1::bigint[])', [others]);
      recordMerges(merged, others, cluster);
    }
    return cluster;
  }

  async getArticle(id: string): Promise<StoredArticleWithAnalysis | null> {
    const articleId = parseId(id);
    if (articleId === null) return null;
    const row = (await this.pool.query<ArticleRow & { text: string; analysis: Omit<Analysis, 'statements'> }>(`SELECT ${ARTICLE_COLUMNS}, text, analysis FROM articles WHERE id = $1`, [articleId])).rows[0];
    if (row === undefined) return null;
    return { ...toArticle(row), analysis: await this.restoreAnalysis(row.id, row.analysis, row.text) };
  }

  async listArticles(page: Page): Promise<Paged<StoredArticle>> {
    const { limit, offset } = pageOf(page);
    const rows = await this.pool.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY id LIMIT $1 OFFSET $2`, [limit, offset]);
    const total = await this.count('SELECT count(*)::integer AS count FROM articles');
    return { items: rows.rows.map(toArticle), total, limit, offset };
  }

  async search(query: SearchQuery): Promise<Paged<StatementHit>> {
    const { limit, offset } = pageOf(query);
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const where: string[] = ['s.is_current', 'a.is_current'];
    if (query.speaker !== undefined) {
      const ids = await this.entityIds(query.speaker);
      if (ids.length === 0) return { items: [], total: 0, limit, offset };
      where.push(`s.speaker_entity = ANY(${parameter(ids)}::bigint[])`);
    }
    const text = query.text?.trim() ?? '';
    const outlet = query.outlet?.toLowerCase().replace(/^www\./u, '');
    // A text search finds the outlet (and its subdomains) through the index's '~o' lexemes (migration 3).
    const outletTag = text !== '' && outlet !== undefined && outlet !== '' && Buffer.byteLength(outlet) <= OUTLET_TAG_BYTES;
    // Whether a filter reads the articles (s.is_current mirrors a.is_current, so that one needs no join).
    let articleFilter = false;
    if (outlet !== undefined && !outletTag) {
      articleFilter = true;
      where.push(`(a.outlet = ${parameter(outlet)} OR a.outlet LIKE ${parameter(`%.${outlet.replace(/[\\%_]/gu, (char) => `\\${char}`)}`)})`);
    }
    if (query.from !== undefined) where.push(`s.sort_at >= ${parameter(query.from)}`);
    // '~' sorts after every digit and '-': "2024-05" includes every day and time of May 2024.
    if (query.to !== undefined) where.push(`s.sort_at <= ${parameter(`${query.to}~`)}`);
    if (query.stance !== undefined) where.push(`s.stance = ${parameter(query.stance)}`);
    if (query.kind !== undefined) where.push(`s.kind = ${parameter(query.kind)}`);
    if (query.originalsOnly === true) {
      articleFilter = true;
      where.push('a.copy_of IS NULL');
    }
    const from = 'FROM statements s JOIN articles a ON a.id = s.article_id';
    if (text === '') {
      const filter = where.join(' AND ');
      const total = await this.count(`SELECT count(*)::integer AS count ${from} WHERE ${filter}`, parameters);
      const rows = await this.pool.query<HitRow>(`SELECT ${HIT_COLUMNS}, 0 AS score ${from} WHERE ${filter} ORDER BY s.sort_at DESC, s.id LIMIT ${parameter(limit)} OFFSET ${parameter(offset)}`, parameters);
      return { items: rows.rows.map(toHit), total, limit, offset };
    }
    const parts = tsQueryParts(text);
    const queries: string[] = [];
    if (parts.websearch !== '') queries.push(`websearch_to_tsquery('${SEARCH_CONFIG}', ${parameter(parts.websearch)})`);
    for (const prefix of parts.prefixes) queries.push(`to_tsquery('${SEARCH_CONFIG}', ${parameter(prefix)})`);
    // Ranked by the words alone; matched with the pair and outlet lexemes too, so the GIN index intersects rare
    // posting lists instead of the heap re-checking phrase positions or outlets across frequent words' matches.
    const tsquery = queries.join(' && ');
    let match = `(${tsquery})`;
    for (const phrase of parts.required) match = `hearsay_with_pairs(${match}, to_tsvector('${SEARCH_CONFIG}', ${parameter(phrase)}))`;
    if (outletTag) match = `(${match} && ${parameter(`'~o ${outlet!.replace(/[\\']/gu, (char) => `\\${char}`)}'`)}::tsquery)`;
    where.push(`s.search @@ ${match}`);
    const filter = where.join(' AND ');
    // The articles are joined for counting only when a filter reads them.
    const countFilter = articleFilter ? filter : where.filter((clause) => clause !== 'a.is_current').join(' AND ');
    const countFrom = articleFilter ? from : 'FROM statements s';
    // Count no further than needed to choose the order: ranking reads every match's tsvector.
    const matches = await this.count(`SELECT count(*)::integer AS count FROM (SELECT 1 ${countFrom} WHERE ${countFilter} LIMIT ${RANK_LIMIT + 1}) AS m`, parameters);
    const ranked = matches <= RANK_LIMIT;
    // The page is chosen on statements alone (ids and scores), and only its rows are joined with their articles.
    const page = ranked
      ? // At most RANK_LIMIT matches, found through the GIN index and ranked.
        `SELECT s.id, ts_rank_cd(s.search, ${tsquery})::float8 AS score ${countFrom} WHERE ${countFilter} ORDER BY score DESC, s.id`
      : // More than RANK_LIMIT matches: the newest, walking the primary key backwards and testing each statement.
        // Matches are that frequent (at 1M statements, at least 1 in 200), so the walk is short, whereas the GIN
        // index would fetch every match to sort them; IS TRUE keeps the planner off the GIN index.
        `SELECT s.id, 0::float8 AS score ${countFrom} WHERE ${countFilter.replace(`s.search @@ ${match}`, `(s.search @@ ${match}) IS TRUE`)} ORDER BY s.id DESC`;
    const rows = await this.pool.query<HitRow>(
      `SELECT ${HIT_COLUMNS}, p.score FROM (${page} LIMIT ${parameter(limit)} OFFSET ${parameter(offset)}) AS p
       JOIN statements s ON s.id = p.id JOIN articles a ON a.id = s.article_id ORDER BY p.score DESC, ${ranked ? 's.id' : 's.id DESC'}`,
      parameters,
    );
    return { items: rows.rows.map(toHit), total: matches, limit, offset, order: ranked ? 'relevance' : 'newest', ...(ranked ? {} : { approximate: true }) };
  }

  /** Library entity ids for an id or any name or alias (by alias key). */
  private async entityIds(idOrName: string): Promise<string[]> {
    const id = parseId(idOrName);
    const key = aliasKey(idOrName);
    const rows = await this.pool.query<{ id: string }>(
      'SELECT id FROM entities WHERE id = $1 UNION SELECT DISTINCT entity_id FROM entity_aliases WHERE alias_key = $2 AND $2 <> \'\' ORDER BY 1',
      [id, key],
    );
    return rows.rows.map((row) => row.id);
  }

  async getEntity(idOrName: string): Promise<LibraryEntity | null> {
    const ids = await this.entityIds(idOrName);
    if (ids.length === 0) return null;
    // Several entities can share a key (two people with one surname): prefer the one with most statements.
    const entities: LibraryEntity[] = [];
    for (const id of ids) {
      const entity = await this.describeEntity(id);
      if (entity !== null) entities.push(entity);
    }
    entities.sort((a, b) => b.statementCount - a.statementCount);
    return entities[0] ?? null;
  }

  private async describeEntity(id: string): Promise<LibraryEntity | null> {
    const row = (await this.pool.query<{ id: string; name: string; type: string }>('SELECT id, name, type FROM entities WHERE id = $1', [id])).rows[0];
    if (row === undefined) return null;
    const aliases = (await this.pool.query<{ alias: string; reason: string }>('SELECT alias, reason FROM entity_aliases WHERE entity_id = $1 ORDER BY seq', [id])).rows;
    const statementCount = await this.count('SELECT count(*)::integer AS count FROM statements s WHERE s.speaker_entity = $1 AND s.is_current', [id]);
    const relays = (
      await this.pool.query<{ name: string; count: number }>(
        `SELECT COALESCE(s.relay, a.outlet) AS name, count(*)::integer AS count FROM statements s JOIN articles a ON a.id = s.article_id
         WHERE s.speaker_entity = $1 AND a.is_current AND COALESCE(s.relay, a.outlet) IS NOT NULL
         GROUP BY COALESCE(s.relay, a.outlet) ORDER BY count DESC, COALESCE(s.relay, a.outlet) COLLATE "C" LIMIT 10`,
        [id],
      )
    ).rows;
    return toLibraryEntity(row, aliases, statementCount, relays);
  }

  async listEntities(page: Page & { readonly type?: EntityType; readonly query?: string }): Promise<Paged<LibraryEntity>> {
    const { limit, offset } = pageOf(page);
    const where: string[] = [];
    const parameters: unknown[] = [];
    if (page.type !== undefined) {
      parameters.push(page.type);
      where.push(`e.type = $${parameters.length}`);
    }
    if (page.query !== undefined && page.query.trim() !== '') {
      parameters.push(`${aliasKey(page.query)}%`, `%${page.query}%`);
      // ILIKE: SQLite's LIKE ignores ASCII case.
      where.push(`e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key LIKE $${parameters.length - 1} OR alias ILIKE $${parameters.length})`);
    }
    const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const rows = await this.pool.query<{ id: string }>(
      `SELECT e.id, (SELECT count(*) FROM statements s WHERE s.speaker_entity = e.id) AS count FROM entities e ${filter} ORDER BY count DESC, e.id LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, limit, offset],
    );
    const total = await this.count(`SELECT count(*)::integer AS count FROM entities e ${filter}`, parameters);
    const items: LibraryEntity[] = [];
    for (const row of rows.rows) {
      const entity = await this.describeEntity(row.id);
      if (entity !== null) items.push(entity);
    }
    return { items, total, limit, offset };
  }

  async timeline(idOrName: string, range: Page & { readonly from?: string; readonly to?: string }): Promise<Paged<StatementHit>> {
    const { limit, offset } = pageOf(range);
    const entity = await this.getEntity(idOrName);
    if (entity === null) return { items: [], total: 0, limit, offset };
    // statements.published_at is the article's, so the order is the statements_speaker_sort index's order.
    const where = ['s.speaker_entity = $1', 's.is_current'];
    const parameters: unknown[] = [entity.id];
    if (range.from !== undefined) {
      parameters.push(range.from);
      where.push(`s.sort_at >= $${parameters.length}`);
    }
    if (range.to !== undefined) {
      parameters.push(`${range.to}~`);
      where.push(`s.sort_at <= $${parameters.length}`);
    }
    const filter = where.join(' AND ');
    const rows = await this.pool.query<HitRow>(
      `SELECT ${HIT_COLUMNS}, 0 AS score FROM statements s JOIN articles a ON a.id = s.article_id WHERE ${filter} ORDER BY s.sort_at, s.published_at, s.id LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, limit, offset],
    );
    const total = await this.count(`SELECT count(*)::integer AS count FROM statements s WHERE ${filter}`, parameters);
    return { items: rows.rows.map(toHit), total, limit, offset };
  }

  async getCluster(id: string): Promise<StatementCluster | null> {
    const clusterId = parseId(id);
    if (clusterId === null) return null;
    const cluster = (
      await this.pool.query<{ id: string; speaker_entity: string | null; name: string | null }>(
        'SELECT c.id, c.speaker_entity, e.name FROM clusters c LEFT JOIN entities e ON e.id = c.speaker_entity WHERE c.id = $1',
        [clusterId],
      )
    ).rows[0];
    if (cluster === undefined) return null;
    const rows = (
      await this.pool.query<{
        article_id: string;
        statement_id: string;
        kind: Statement['kind'];
        content_text: string;
        snippet: string;
        json: Statement;
        outlet: string | null;
        published_at: string | null;
        copy_of: string | null;
      }>(
        `SELECT s.article_id, s.statement_id, s.kind, s.content_text, s.snippet, s.json, a.outlet, a.published_at, a.copy_of
         FROM statements s JOIN articles a ON a.id = s.article_id
         WHERE s.cluster_id = $1 AND a.is_current
         ORDER BY a.published_at IS NULL, a.published_at, a.id, s.id`,
        [clusterId],
      )
    ).rows;
    const reports: ClusterReport[] = rows.map((row) => ({
      articleId: row.article_id,
      statementId: row.statement_id,
      outlet: row.outlet,
      publishedAt: row.published_at,
      kind: row.kind,
      text: row.content_text,
      via: row.json.via,
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
    return { id: cluster.id, speaker: cluster.name, speakerEntity: cluster.speaker_entity, reports, drift };
  }

  async listClusters(page: Page & { readonly speaker?: string }): Promise<Paged<StatementCluster>> {
    const { limit, offset } = pageOf(page);
    const where = ['a.is_current'];
    const parameters: unknown[] = [];
    if (page.speaker !== undefined) {
      const ids = await this.entityIds(page.speaker);
      if (ids.length === 0) return { items: [], total: 0, limit, offset };
      parameters.push(ids);
      where.push(`s.speaker_entity = ANY($1::bigint[])`);
    }
    const grouped = `SELECT s.cluster_id AS id, count(*) AS reports FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id IS NOT NULL AND ${where.join(' AND ')} GROUP BY s.cluster_id HAVING count(*) > 1`;
    const rows = await this.pool.query<{ id: string }>(`${grouped} ORDER BY reports DESC, id LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`, [...parameters, limit, offset]);
    const total = await this.count(`SELECT count(*)::integer AS count FROM (${grouped}) AS g`, parameters);
    const items: StatementCluster[] = [];
    for (const row of rows.rows) {
      const cluster = await this.getCluster(row.id);
      if (cluster !== null) items.push(cluster);
    }
    return { items, total, limit, offset };
  }

  async stats(): Promise<LibraryStats> {
    const row = (
      await this.pool.query<Record<string, number>>(
        `SELECT
           (SELECT count(*) FROM articles WHERE is_current)::integer AS articles,
           (SELECT count(*) FROM articles)::integer AS versions,
           (SELECT count(*) FROM articles WHERE previous_version IS NOT NULL)::integer AS updated,
           (SELECT count(*) FROM articles WHERE is_current AND copy_of IS NOT NULL)::integer AS copies,
           (SELECT count(DISTINCT outlet) FROM articles WHERE is_current)::integer AS outlets,
           (SELECT count(*) FROM statements WHERE is_current)::integer AS statements,
           (SELECT count(*) FROM entities)::integer AS entities,
           (SELECT count(*) FROM (SELECT cluster_id FROM statements WHERE cluster_id IS NOT NULL AND is_current GROUP BY cluster_id HAVING count(*) > 1) AS c)::integer AS clusters,
           (SELECT count(*) FROM statements WHERE cluster_id IS NOT NULL AND is_current)::integer AS clustered,
           (SELECT count(*) FROM hearsay_jobs WHERE state = 'failed')::integer AS failed_jobs`,
      )
    ).rows[0]!;
    return {
      articles: row.articles!,
      versions: row.versions!,
      updated: row.updated!,
      copies: row.copies!,
      outlets: row.outlets!,
      statements: row.statements!,
      entities: row.entities!,
      clusters: row.clusters!,
      clusteredStatements: row.clustered!,
      failedJobs: row.failed_jobs!,
    };
  }

  async *exportStatements(): AsyncIterable<StatementHit> {
    // Keyset pages rather than one open cursor, so no connection is held while the consumer writes.
    let after = '0';
    for (;;) {
      const rows = (
        await this.pool.query<HitRow>(`SELECT ${HIT_COLUMNS}, 0 AS score FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.is_current AND s.id > $1 ORDER BY s.id LIMIT $2`, [
          after,
          EXPORT_PAGE,
        ])
      ).rows;
      if (rows.length === 0) return;
      for (const row of rows) yield toHit(row);
      after = rows[rows.length - 1]!.id;
    }
  }

  async *exportArticles(): AsyncIterable<StoredArticleWithAnalysis> {
    let after = '0';
    for (;;) {
      const rows = (
        await this.pool.query<ArticleRow & { text: string; analysis: Omit<Analysis, 'statements'> }>(
          `SELECT ${ARTICLE_COLUMNS}, text, analysis FROM articles WHERE is_current AND id > $1 ORDER BY id LIMIT 100`,
          [after],
        )
      ).rows;
      if (rows.length === 0) return;
      for (const row of rows) yield { ...toArticle(row), analysis: await this.restoreAnalysis(row.id, row.analysis, row.text) };
      after = rows[rows.length - 1]!.id;
    }
  }

  /** The stored analysis (without text and statements) made whole again: the text from its column, the statements from their rows. */
  private async restoreAnalysis(articleId: string, stored: Omit<Analysis, 'statements'>, text: string): Promise<Analysis> {
    const statements = (await this.pool.query<{ json: Statement }>('SELECT json FROM statements WHERE article_id = $1 ORDER BY id', [articleId])).rows.map((row) => row.json);
    return { ...stored, document: { ...stored.document, text }, statements };
  }

  private async count(sql: string, parameters: readonly unknown[] = []): Promise<number> {
    const row = (await this.pool.query<{ count: number }>(sql, [...parameters])).rows[0];
    return row?.count ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** The names each statement's speaker resolves by (the article entity's names and aliases), as resolveSpeaker in the SQLite library. */
function speakerNamesOf(analysis: Analysis): Map<Statement, SpeakerNames> {
  const entitiesById = new Map<string, Entity>(analysis.entities.map((entity) => [entity.id, entity]));
  const speakers = new Map<Statement, SpeakerNames>();
  for (const statement of analysis.statements) {
    const names = librarySpeakerOf(statement, entitiesById);
    if (names !== null) speakers.set(statement, names);
  }
  return speakers;
}

/** Every alias key resolving these speakers reads or writes (their names, aliases and surnames). */
function speakerLockKeys(speakers: Iterable<SpeakerNames>): Set<string> {
  const keys = new Set<string>();
  for (const speaker of speakers) {
    for (const name of [speaker.name, ...speaker.aliases]) keys.add(aliasKey(name));
    const surname = surnameOf(speaker.name, speaker.type);
    if (surname !== undefined) keys.add(aliasKey(surname));
  }
  keys.delete('');
  return keys;
}

function surnameOf(name: string, type: EntityType): string | undefined {
  return type === 'person' && aliasKey(name).includes(' ') ? name.trim().split(/\s+/u).pop() : undefined;
}

/** Deadlock, serialization failure, or a unique key taken by a concurrent transaction: the retry sees the winner's rows. */
function isRetryable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return code === '40P01' || code === '40001' || code === '23505';
}

function parseId(id: string): string | null {
  return /^\d{1,15}$/u.test(id.trim()) ? String(Number(id.trim())) : null;
}

function toArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    documentId: row.document_id,
    title: row.title,
    url: row.url,
    canonicalUrl: row.canonical_url,
    outlet: row.outlet,
    publishedAt: row.published_at,
    ingestedAt: row.ingested_at.toISOString(),
    textHash: row.text_hash,
    version: row.version,
    previousVersion: row.previous_version,
    current: row.is_current,
    copyOf: row.copy_of,
    statementCount: row.statement_count,
  };
}

function toHit(row: HitRow): StatementHit {
  return {
    statement: row.json,
    articleId: row.article_id,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    publishedAt: row.published_at,
    speakerEntity: row.speaker_entity,
    clusterId: row.cluster_id,
    snippet: row.snippet,
    score: row.score,
  };
}
