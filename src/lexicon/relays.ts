import type { RelayRole } from '../model/types.js';

/**
 * Phrases that introduce a relay between a speaker and the article, lower case word by word. The name that
 * follows the phrase (after optional descriptors such as "the Telegram channel" or "blogger") is the relay.
 * `order` sorts a chain innermost first: an interview is closest to the speaker, "according to" closest to the outlet.
 */
export interface RelayPhrase {
  readonly words: readonly string[];
  readonly role: RelayRole;
  readonly order: number;
}

export const RELAY_PHRASES: readonly RelayPhrase[] = [
  { words: ['in', 'an', 'interview', 'with'], role: 'interview', order: 0 },
  { words: ['in', 'a', 'recent', 'interview', 'with'], role: 'interview', order: 0 },
  { words: ['in', 'an', 'exclusive', 'interview', 'with'], role: 'interview', order: 0 },
  { words: ['during', 'an', 'interview', 'with'], role: 'interview', order: 0 },
  { words: ['in', 'a', 'conversation', 'with'], role: 'interview', order: 0 },
  { words: ['speaking', 'to'], role: 'interview', order: 0 },
  { words: ['told'], role: 'interview', order: 0 },
  { words: ['in', 'a', 'post', 'on'], role: 'post', order: 1 },
  { words: ['in', 'a', 'video', 'posted', 'on'], role: 'post', order: 1 },
  { words: ['wrote', 'on'], role: 'post', order: 1 },
  { words: ['posted', 'on'], role: 'post', order: 1 },
  { words: ['in', 'a', 'statement', 'published', 'by'], role: 'document', order: 1 },
  { words: ['cited', 'by'], role: 'relay', order: 2 },
  { words: ['quoted', 'by'], role: 'relay', order: 2 },
  { words: ['as', 'quoted', 'by'], role: 'relay', order: 2 },
  { words: ['as', 'reported', 'by'], role: 'relay', order: 2 },
  { words: ['reported', 'by'], role: 'relay', order: 2 },
  { words: ['citing'], role: 'relay', order: 2 },
  { words: ['according', 'to'], role: 'relay', order: 3 },
];

/** Lower-case descriptor words allowed between a relay phrase and the relay's name ("the Telegram channel", "blogger"). */
export const RELAY_DESCRIPTORS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'telegram', 'channel', 'blogger', 'journalist', 'broadcaster', 'newspaper', 'agency', 'news', 'outlet', 'daily',
  'weekly', 'magazine', 'radio', 'station', 'state', 'state-run', 'state-owned', 'pro-kremlin', 'pro-government', 'independent',
  'website', 'site', 'tv', 'television', 'network', 'podcast', 'podcaster', 'host', 'presenter', 'anchor', 'reporter', 'youtuber',
  'youtube', 'social', 'media', 'platform', 'account', 'official', 'his', 'her', 'their', 'its', 'american', 'russian', 'belarusian',
  'ukrainian', 'british', 'german', 'french', 'us', 'u.s.', 'broadcaster', 'outlet', 'interviewer', 'talk', 'show', 'wire', 'service',
]);

/** Words that make a following relay name a definite back-reference to an earlier relay ("through the interview"). */
export const RELAY_BACK_REFERENCES: ReadonlySet<string> = new Set(['interview', 'conversation', 'podcast', 'broadcast']);

/** Head nouns that make a relay a document rather than a person or outlet ("according to a statement", "a police report"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'report', 'survey', 'poll', 'letter', 'memo', 'filing', 'complaint', 'release', 'study', 'analysis', 'transcript',
  'document', 'documents', 'record', 'records', 'account', 'reports', 'data', 'communiqué', 'communique', 'indictment', 'ruling',
]);

/** A relay whose head noun (lower case) names a document is a document; otherwise it keeps `role`. */
export function relayRoleByHead(head: string, role: RelayRole): RelayRole {
  return DOCUMENT_NOUNS.has(head) ? 'document' : role;
}
