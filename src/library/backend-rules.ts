import { isValidSpan } from '../model/span.js';
import type { Analysis, Entity, EntityType, MergeReason, SourceDocument, Statement } from '../model/types.js';
import { COPY_THRESHOLD, estimatedJaccard, signatureFromBytes } from './minhash.js';
import type { LibraryEntity, Page } from './types.js';

// Rules both library backends (SQLite, PostgreSQL) apply alike; ids are numbers on SQLite and bigint strings on PostgreSQL.

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;

/** A page's limit (1–10,000, default 20) and offset (0 or more), whole numbers. */
export function pageOf(page: Page): { limit: number; offset: number } {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(page.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  return { limit, offset };
}

/** A stored analysis must describe exactly the stored text, and every content span must slice it. */
export function checkAnalysis(document: SourceDocument, analysis: Analysis): void {
  if (analysis.document.text !== document.text) throw new Error(`analysis of ${document.id} is for a different text`);
  for (const statement of analysis.statements) {
    for (const piece of statement.content) {
      if (!isValidSpan(document.text, piece)) throw new Error(`statement ${statement.id} of ${document.id} has a content span that does not match the text`);
    }
  }
}

/** A stored article of a near-duplicate group: copy_of names the group's original (null on the original itself). */
export interface GroupMember<Id extends number | string> {
  id: Id;
  published_at: string | null;
  copy_of: Id | null;
}

/**
 * The originals of the groups that stored articles sharing an LSH bucket with a new one belong to, when their
 * signatures are similar enough. An earlier version of the same page (same canonical URL) is a version, not a copy.
 */
export function copyGroupRoots<Id extends number | string>(
  candidates: Iterable<{ id: Id; canonical_url: string | null; copy_of: Id | null; minhash: Uint8Array }>,
  canonical: string | null,
  signature: Uint32Array,
): Set<Id> {
  const roots = new Set<Id>();
  for (const row of candidates) {
    const root = row.copy_of ?? row.id;
    // Every candidate with its group's root already found adds nothing: skip its signature comparison.
    if (roots.has(root)) continue;
    if (canonical !== null && row.canonical_url === canonical) continue;
    if (estimatedJaccard(signature, signatureFromBytes(row.minhash)) < COPY_THRESHOLD) continue;
    roots.add(root);
  }
  return roots;
}

/**
 * A new article and the members of the groups it is a near-duplicate of form one group under the earliest published
 * (ingest order on a tie, undated last). Returns that original and the members whose copy_of must change to it: adding
 * one more copy to a big group changes one row.
 */
export function regroupCopies<Id extends number | string>(
  article: Id,
  publishedAt: string | null,
  copies: readonly GroupMember<Id>[],
): { original: Id; changes: Array<{ id: Id; copyOf: Id | null }> } {
  const members: GroupMember<Id>[] = [{ id: article, published_at: publishedAt, copy_of: null }, ...copies];
  members.sort(compareByPublication);
  const original = members[0]!.id;
  const changes: Array<{ id: Id; copyOf: Id | null }> = [];
  for (const member of members) {
    const copyOf = member.id === original ? null : original;
    if (member.copy_of !== copyOf) changes.push({ id: member.id, copyOf });
  }
  return { original, changes };
}

/** Earliest publication first (undated last), then ingest order. */
function compareByPublication<Id extends number | string>(a: GroupMember<Id>, b: GroupMember<Id>): number {
  if (a.published_at !== b.published_at) {
    if (a.published_at === null) return 1;
    if (b.published_at === null) return -1;
    return a.published_at < b.published_at ? -1 : 1;
  }
  return Number(a.id) - Number(b.id);
}

/** The names a library entity is found or created by: an article entity's, or a speaker's name as written. */
export interface SpeakerNames {
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly why: readonly MergeReason[];
}

/** Pronouns and relative words a speaker may be written as: unresolved in its article, they name nobody library-wide. */
const BARE_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'who', 'one']);

/**
 * The names a statement's speaker is resolved by across the library: its article entity's names and aliases, else the
 * name as written (type other); null without a speaker or for a bare pronoun.
 */
export function librarySpeakerOf(statement: Statement, entitiesById: ReadonlyMap<string, Entity>): SpeakerNames | null {
  const speaker = statement.speaker;
  if (speaker === null) return null;
  const entity = speaker.entity === null ? undefined : entitiesById.get(speaker.entity);
  if (entity !== undefined) return { name: entity.name, type: entity.type, aliases: entity.aliases, why: entity.why };
  if (BARE_PRONOUNS.has(speaker.name.toLowerCase().trim())) return null;
  return { name: speaker.name, type: 'other', aliases: [], why: [] };
}

/** A stored entity as both backends describe it: its aliases in stored order, and why each alias other than its own name joined. */
export function toLibraryEntity(
  row: { readonly id: number | string; readonly name: string; readonly type: string },
  aliases: ReadonlyArray<{ readonly alias: string; readonly reason: string }>,
  statementCount: number,
  relays: ReadonlyArray<{ readonly name: string; readonly count: number }>,
): LibraryEntity {
  return {
    id: String(row.id),
    name: row.name,
    type: row.type as EntityType,
    aliases: aliases.map((alias) => alias.alias),
    why: aliases.filter((alias) => alias.reason !== 'same-name').map((alias) => ({ alias: alias.alias, reason: alias.reason as MergeReason['reason'] })),
    statementCount,
    relays,
  };
}
