import type Database from 'better-sqlite3';

/**
 * The library schema as code: an ordered list of IMMUTABLE migrations. Never edit a migration once released;
 * add a new one with the next version instead. Applied on open, each in its own transaction.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, statements, entities, clusters, full-text index',
    sql: `
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL,
        url TEXT,
        canonical_url TEXT,
        outlet TEXT,
        title TEXT,
        published_at TEXT,
        ingested_at TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        previous_version INTEGER REFERENCES articles(id),
        is_current INTEGER NOT NULL DEFAULT 1,
        copy_of INTEGER REFERENCES articles(id),
        minhash BLOB,
        statement_count INTEGER NOT NULL DEFAULT 0,
        -- The analysis without its text (kept once, in text) and without its statements (kept once, in statements.json).
        analysis TEXT NOT NULL
      );
      CREATE INDEX articles_text_hash ON articles(text_hash);
      CREATE INDEX articles_canonical_url ON articles(canonical_url);
      CREATE INDEX articles_copy_of ON articles(copy_of);

      -- One key per (band, bucket) pair (band * 2^31 + bucket), so one IN (...) probe covers every band of an article.
      CREATE TABLE lsh_buckets (
        bucket INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        PRIMARY KEY (bucket, article_id)
      ) WITHOUT ROWID;

      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        alias_key TEXT NOT NULL
      );
      CREATE INDEX entities_alias_key ON entities(alias_key);

      CREATE TABLE entity_aliases (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        alias TEXT NOT NULL,
        alias_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
      );
      CREATE INDEX entity_aliases_key ON entity_aliases(alias_key);

      CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        speaker_entity INTEGER REFERENCES entities(id)
      );
      CREATE INDEX clusters_speaker ON clusters(speaker_entity);

      CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        statement_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker_name TEXT,
        speaker_entity INTEGER REFERENCES entities(id),
        stance TEXT,
        cue_lemma TEXT,
        relay TEXT,
        content_text TEXT NOT NULL,
        snippet TEXT NOT NULL,
        said_at TEXT,
        published_at TEXT,
        sort_at TEXT NOT NULL,
        cluster_id INTEGER REFERENCES clusters(id),
        json TEXT NOT NULL
      );
      CREATE INDEX statements_article ON statements(article_id);
      CREATE INDEX statements_speaker ON statements(speaker_entity, sort_at);
      CREATE INDEX statements_cluster ON statements(cluster_id);
      CREATE INDEX statements_sort ON statements(sort_at);

      CREATE TABLE statement_keys (
        speaker_entity INTEGER NOT NULL,
        word_key INTEGER NOT NULL,
        statement INTEGER NOT NULL,
        PRIMARY KEY (speaker_entity, word_key, statement)
      ) WITHOUT ROWID;

      -- tags holds filter tokens (speaker entity, outlet, stance, kind) so filters intersect inside the index.
      CREATE VIRTUAL TABLE statement_fts USING fts5(
        content, speaker, title, tags,
        content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 2,
    name: 'full-text index merges eight segments of a level at a time',
    // FTS5's default merges every 4 segments of a level: ingest spent about a sixth of its full-text time re-merging them,
    // and searches measured no slower with 8 (results are the same; only the segment layout changes).
    sql: `INSERT INTO statement_fts (statement_fts, rank) VALUES ('automerge', 8);`,
  },
  {
    version: 3,
    name: 'speaker index with packed candidate keys, one row per statement',
    // Ingest wrote a statement's speaker twice at random places (the statements_speaker index, and about 14 rows of
    // statement_keys): together about a third of storage's SQLite time. One row per statement with a speaker now serves
    // both: a speaker's statements in time order (timelines, speaker filters) and its candidate keys for clustering,
    // which are only ever read a speaker at a time. keys: distinct content-word keys as 4-byte big-endian integers.
    sql: `
      CREATE TABLE speaker_statements (
        speaker_entity INTEGER NOT NULL,
        sort_at TEXT NOT NULL,
        statement INTEGER NOT NULL,
        keys BLOB NOT NULL,
        PRIMARY KEY (speaker_entity, sort_at, statement)
      ) WITHOUT ROWID;
      INSERT INTO speaker_statements (speaker_entity, sort_at, statement, keys)
        SELECT s.speaker_entity, s.sort_at, s.id, COALESCE(k.keys, x'')
        FROM statements s
        LEFT JOIN (SELECT statement, unhex(group_concat(printf('%08X', word_key), '')) AS keys FROM statement_keys GROUP BY statement) k ON k.statement = s.id
        WHERE s.speaker_entity IS NOT NULL;
      DROP TABLE statement_keys;
      DROP INDEX statements_speaker;
    `,
  },
];

/**
 * Applies every migration newer than the database's version, in order; returns the resulting version. Each runs in a
 * BEGIN IMMEDIATE transaction that reads the version again: when two processes open a new file at once, the second
 * waits for the write lock (busy_timeout) and then skips what the first applied.
 */
export function applyMigrations(database: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  database.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const version = database.prepare('SELECT MAX(version) AS version FROM migrations');
  const currentVersion = (): number => (version.get() as { version: number | null }).version ?? 0;
  const record = database.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= currentVersion()) continue;
    database
      .transaction(() => {
        if (migration.version <= currentVersion()) return;
        database.exec(migration.sql);
        record.run(migration.version, migration.name, new Date().toISOString());
      })
      .immediate();
  }
  return currentVersion();
}
