import type Database from 'better-sqlite3';
import { contentWords } from './statement-match.js';

/** What clustering reads of an earlier statement: its article, its content words and its cluster. */
export interface CandidateStatement {
  readonly articleId: number;
  /** Its distinct content words, joined by single spaces (one string per statement keeps the cache small). */
  readonly words: string;
  cluster: number | null;
  /** Whether its article was the current version when this entry was read or stored. */
  readonly current: boolean;
}

export interface CandidateLimits {
  /** Statement ids held in loaded speakers' postings; least recently used speakers are dropped beyond it. */
  readonly maxPostings: number;
  /** Statements whose words and cluster are remembered. */
  readonly maxStatements: number;
}

const DEFAULT_LIMITS: CandidateLimits = { maxPostings: 4_000_000, maxStatements: 200_000 };
/** Widest span of statement ids counted in an array (2 bytes each, 8 MB at most); wider spans are sorted instead. */
const MAX_DENSE_RANGE = 1 << 22;
/** Candidate rows read per query: the most clustering asks for at once. */
const MAX_READ = 8;

/**
 * The clustering side of ingest, kept in memory for one connection: each speaker's candidate index (content-word
 * key → statement ids) and the words and cluster of recent statements. Counting shared keys over SQLite rows cost
 * about a third of a microsecond per row, hundreds of rows per statement for a prolific speaker, and each candidate's
 * words were read and tokenized again. The database stays the truth (speaker_statements: one row of packed keys per
 * statement, read a speaker at a time): the owner calls `clear` whenever rows it has seen may have changed behind it
 * (a rollback, or a commit by another connection). Known limit: a speaker's first look-up after a `clear` reads all of
 * the speaker's rows, also when only one article of theirs is ingested (100,000 statements of 14 keys: 0.4–0.5 s under
 * load; the per-key SQL look-ups that small ingests used before went with the one-row-per-key table).
 */
export class ClusterCandidates {
  private readonly limits: CandidateLimits;
  /** speaker entity → word key → ids of the speaker's statements with that key (in no set order); and when it was last used. */
  private readonly postings = new Map<number, { keys: Map<number, number[]>; used: number }>();
  private postingCount = 0;
  private uses = 0;
  /** Two generations of remembered statements: when the newer fills up it becomes the older, and the older is dropped. */
  private known = new Map<number, CandidateStatement>();
  private older = new Map<number, CandidateStatement>();
  /** Scratch space for counting: the statement ids of all matching postings, sorted so equal ids are adjacent. */
  private scratch = new Float64Array(1024);
  /** Counts by statement id minus the lowest id counted, all zero between calls (see countDense). */
  private counts = new Uint16Array(0);
  private readonly rowQueries = new Map<number, Database.Statement>();
  private readonly loadSpeaker: Database.Statement;

  constructor(
    private readonly database: Database.Database,
    limits: Partial<CandidateLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.loadSpeaker = database.prepare('SELECT statement, keys FROM speaker_statements WHERE speaker_entity = ?').raw();
  }

  /** A speaker entity just created by this connection: it has no statements yet, so there is nothing to look up. */
  created(speaker: number): void {
    this.keep(speaker, new Map(), 0);
  }

  /** [statement, shared keys] for this speaker's statements carrying at least `needed` of these (distinct) keys. */
  sharing(speaker: number, keys: readonly number[], needed: number): Array<[number, number]> {
    const postings = this.postingsOf(speaker);
    let total = 0;
    for (const key of keys) total += postings.get(key)?.length ?? 0;
    if (this.scratch.length < total) this.scratch = new Float64Array(Math.max(total, this.scratch.length * 2));
    let filled = 0;
    for (const key of keys) {
      const list = postings.get(key);
      if (list !== undefined) for (const id of list) this.scratch[filled++] = id;
    }
    const ids = this.scratch.subarray(0, total);
    return this.countDense(ids, needed) ?? countSorted(ids, needed);
  }

  /**
   * The ids occurring at least `needed` times and how often, counted in an array indexed by id (several times faster than
   * sorting hundreds of ids); null when the ids span too wide a range for it. Not in id order.
   */
  private countDense(ids: Float64Array, needed: number): Array<[number, number]> | null {
    if (ids.length === 0) return [];
    let lowest = ids[0]!;
    let highest = lowest;
    for (const id of ids) {
      if (id < lowest) lowest = id;
      else if (id > highest) highest = id;
    }
    const range = highest - lowest + 1;
    if (range > MAX_DENSE_RANGE) return null;
    if (this.counts.length < range) this.counts = new Uint16Array(Math.min(MAX_DENSE_RANGE, Math.max(range, this.counts.length * 2)));
    const counts = this.counts;
    const reached: number[] = [];
    for (const id of ids) if (++counts[id - lowest]! === needed) reached.push(id);
    const shared: Array<[number, number]> = reached.map((id) => [id, counts[id - lowest]!]);
    // Back to zeros for the next call.
    for (const id of ids) counts[id - lowest] = 0;
    return shared;
  }

  /** The stored statements with these ids (those missing from the database are left out). */
  statements(ids: readonly number[]): Map<number, CandidateStatement> {
    const found = new Map<number, CandidateStatement>();
    const missing: number[] = [];
    for (const id of ids) {
      let entry = this.known.get(id);
      if (entry === undefined) {
        entry = this.older.get(id);
        if (entry !== undefined) this.remember(id, entry);
      }
      if (entry === undefined) missing.push(id);
      else found.set(id, entry);
    }
    for (let start = 0; start < missing.length; start += MAX_READ) {
      const chunk = missing.slice(start, start + MAX_READ);
      const rows = this.rowQuery(chunk.length).all(...chunk) as Array<{ id: number; article_id: number; cluster_id: number | null; content_text: string; is_current: number }>;
      for (const row of rows) {
        const entry: CandidateStatement = { articleId: row.article_id, words: contentWords(row.content_text).join(' '), cluster: row.cluster_id, current: row.is_current === 1 };
        this.remember(row.id, entry);
        found.set(row.id, entry);
      }
    }
    return found;
  }

  /** A statement just stored (in the open transaction) by this connection. */
  stored(id: number, entry: CandidateStatement): void {
    this.remember(id, entry);
  }

  /** A statement's keys just written to the candidate index by this connection. */
  indexed(speaker: number, keys: readonly number[], id: number): void {
    const postings = this.postings.get(speaker)?.keys;
    if (postings === undefined) return;
    for (const key of keys) {
      const list = postings.get(key);
      if (list === undefined) postings.set(key, [id]);
      else list.push(id);
    }
    this.postingCount += keys.length;
  }

  /** A statement's cluster, set by this connection. */
  clustered(id: number, cluster: number): void {
    const entry = this.known.get(id) ?? this.older.get(id);
    if (entry !== undefined) entry.cluster = cluster;
  }

  /** Clusters merged into `into` by this connection: remembered statements follow (rare, so a scan is fine). */
  mergedClusters(merged: readonly number[], into: number): void {
    for (const generation of [this.known, this.older]) {
      for (const entry of generation.values()) if (entry.cluster !== null && merged.includes(entry.cluster)) entry.cluster = into;
    }
  }

  clear(): void {
    this.postings.clear();
    this.postingCount = 0;
    this.known.clear();
    this.older.clear();
  }

  private postingsOf(speaker: number): Map<number, number[]> {
    const postings = this.postings.get(speaker);
    if (postings !== undefined) {
      postings.used = ++this.uses;
      return postings.keys;
    }
    const loaded = new Map<number, number[]>();
    let count = 0;
    // In time order, not by id: counting shared keys does not depend on the order of a key's statements.
    for (const [statement, packed] of this.loadSpeaker.iterate(speaker) as IterableIterator<[number, Uint8Array]>) {
      for (let at = 0; at + 4 <= packed.length; at += 4) {
        const key = ((packed[at]! << 24) | (packed[at + 1]! << 16) | (packed[at + 2]! << 8) | packed[at + 3]!) >>> 0;
        const list = loaded.get(key);
        if (list === undefined) loaded.set(key, [statement]);
        else list.push(statement);
        count++;
      }
    }
    this.keep(speaker, loaded, count);
    return loaded;
  }

  private keep(speaker: number, postings: Map<number, number[]>, count: number): void {
    while (this.postings.size > 0 && this.postingCount + count > this.limits.maxPostings) this.evictLeastUsed();
    this.postings.set(speaker, { keys: postings, used: ++this.uses });
    this.postingCount += count;
  }

  private evictLeastUsed(): void {
    let evicted = -1;
    let oldest = Number.POSITIVE_INFINITY;
    for (const [speaker, postings] of this.postings) {
      if (postings.used < oldest) {
        oldest = postings.used;
        evicted = speaker;
      }
    }
    for (const list of this.postings.get(evicted)!.keys.values()) this.postingCount -= list.length;
    this.postings.delete(evicted);
  }

  private remember(id: number, entry: CandidateStatement): void {
    this.known.set(id, entry);
    if (this.known.size >= this.limits.maxStatements / 2) {
      this.older = this.known;
      this.known = new Map();
    }
  }

  private rowQuery(count: number): Database.Statement {
    let query = this.rowQueries.get(count);
    if (query === undefined) {
      query = this.database.prepare(
        `SELECT s.id, s.article_id, s.cluster_id, s.content_text, a.is_current FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id IN (${placeholders(count)})`,
      );
      this.rowQueries.set(count, query);
    }
    return query;
  }
}

/** The ids occurring at least `needed` times and how often, in id order: sorting then counting runs (sorts `ids` in place). */
function countSorted(ids: Float64Array, needed: number): Array<[number, number]> {
  ids.sort();
  const shared: Array<[number, number]> = [];
  for (let start = 0; start < ids.length; ) {
    let end = start + 1;
    while (end < ids.length && ids[end] === ids[start]) end++;
    if (end - start >= needed) shared.push([ids[start]!, end - start]);
    start = end;
  }
  return shared;
}

/** A statement's distinct content-word keys as stored in speaker_statements: 4-byte big-endian integers. */
export function packKeys(keys: readonly number[]): Buffer {
  const packed = Buffer.allocUnsafe(keys.length * 4);
  for (let index = 0; index < keys.length; index++) packed.writeUInt32BE(keys[index]!, index * 4);
  return packed;
}

/** The words of a cache entry as a list. */
export function wordsOf(entry: CandidateStatement): string[] {
  return entry.words === '' ? [] : entry.words.split(' ');
}

function placeholders(count: number): string {
  return new Array<string>(count).fill('?').join(', ');
}
