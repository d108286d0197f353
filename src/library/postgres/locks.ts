import type pg from 'pg';
import { fnv1a } from '../minhash.js';

/**
 * Transaction-level advisory locks that serialize the linking steps of concurrent ingests. A key is a namespace in
 * the high 32 bits and a 32-bit hash of the name in the low ones: a hash collision only makes two unrelated
 * articles wait for each other, never links them wrongly.
 */
export const LOCK_NAMESPACES = {
  /** Normalized text hash: one text is stored once. */
  text: 1,
  /** Canonical URL: versions of one page are numbered in order. */
  url: 2,
  /** LSH bucket: near-duplicates ingested at once see each other. */
  bucket: 3,
  /** Speaker alias key: one name resolves to one library entity. */
  alias: 4,
  /** Library entity: clustering of one speaker's statements sees every earlier report. */
  entity: 5,
  /** Copy groups: regrouping (rare: only when a near-duplicate is found) is serialized as a whole. */
  copyGroups: 6,
} as const;

export type LockNamespace = keyof typeof LOCK_NAMESPACES;

/** The 64-bit advisory key (as a decimal string, for a bigint parameter). */
export function lockKey(namespace: LockNamespace, name: string): bigint {
  return (BigInt(LOCK_NAMESPACES[namespace]) << 32n) | BigInt(fnv1a(name));
}

/**
 * Takes every key in ascending order in one round trip. Every transaction takes its first set of locks this way, so
 * two ingests never wait for each other in a cycle (the deadlock detector and a retry cover anything else).
 */
export async function lockAll(client: pg.PoolClient, keys: Iterable<bigint>): Promise<void> {
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return;
  // The ordered sub-select fixes the order in which the locks are taken.
  await client.query('SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS ordered', [sorted.map(String)]);
}
