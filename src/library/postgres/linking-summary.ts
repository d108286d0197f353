import type { Library } from '../types.js';

/**
 * How a library linked its articles, in terms that do not depend on row ids: clusters as sorted sets of
 * `documentId/statementId`, copies as `copy documentId -> original documentId`, and every stored article's document
 * id. Two libraries holding the same collection (SQLite and PostgreSQL, one writer and many) compare equal.
 */
export interface LinkingSummary {
  readonly clusters: readonly string[];
  readonly copies: readonly string[];
  readonly articles: readonly string[];
}

export async function linkingSummary(library: Library): Promise<LinkingSummary> {
  const stored: Array<{ id: string; documentId: string; copyOf: string | null }> = [];
  for (let offset = 0; ; offset += 500) {
    const page = await library.listArticles({ limit: 500, offset });
    stored.push(...page.items);
    if (page.items.length === 0 || offset + page.items.length >= page.total) break;
  }
  const documents = new Map(stored.map((article) => [article.id, article.documentId]));
  const copies = stored.filter((article) => article.copyOf !== null).map((article) => `${article.documentId} -> ${documents.get(article.copyOf!) ?? '?'}`);
  const groups = new Map<string, string[]>();
  for await (const hit of library.exportStatements()) {
    if (hit.clusterId === null) continue;
    const members = groups.get(hit.clusterId) ?? [];
    members.push(`${documents.get(hit.articleId) ?? '?'}/${hit.statement.id}`);
    groups.set(hit.clusterId, members);
  }
  const clusters = [...groups.values()].filter((members) => members.length > 1).map((members) => members.sort().join(' '));
  return { clusters: clusters.sort(), copies: copies.sort(), articles: stored.map((article) => article.documentId).sort() };
}
