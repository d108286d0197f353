import type { JsonSchema } from './schema.js';

// Response shapes for the OpenAPI document; the analysis contract itself comes from schema/analysis.schema.json.

const nullableString: JsonSchema = { type: ['string', 'null'] };

/** A page of items: `items`, `total` (a lower bound when `approximate`), and the limit/offset used. */
export function pagedSchema(items: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset'],
    properties: { items: { type: 'array', items }, total: { type: 'integer' }, approximate: { type: 'boolean' }, order: { enum: ['relevance', 'newest'] }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  };
}

export const RESPONSE_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  StoredArticle: {
    type: 'object',
    required: ['id', 'title', 'url', 'outlet', 'publishedAt', 'version', 'copyOf', 'statementCount'],
    properties: {
      id: { type: 'string' },
      documentId: { type: 'string' },
      title: nullableString,
      url: nullableString,
      outlet: nullableString,
      publishedAt: nullableString,
      ingestedAt: { type: 'string' },
      version: { type: 'integer' },
      previousVersion: nullableString,
      current: { type: 'boolean' },
      copyOf: nullableString,
      statementCount: { type: 'integer' },
    },
  },
  StoredArticleWithAnalysis: {
    allOf: [{ $ref: '#/components/schemas/StoredArticle' }, { type: 'object', required: ['analysis'], properties: { analysis: { $ref: '#/components/schemas/Analysis' } } }],
  },
  StatementHit: {
    type: 'object',
    required: ['statement', 'articleId', 'snippet'],
    properties: {
      statement: { $ref: '#/components/schemas/statement' },
      articleId: { type: 'string' },
      title: nullableString,
      url: nullableString,
      outlet: nullableString,
      publishedAt: nullableString,
      speakerEntity: nullableString,
      clusterId: nullableString,
      snippet: { type: 'string', description: 'Plain text around the statement (never HTML).' },
      score: { type: 'number' },
    },
  },
  LibraryEntity: {
    type: 'object',
    required: ['id', 'name', 'type', 'aliases', 'why', 'statementCount', 'relays'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      type: { type: 'string' },
      aliases: { type: 'array', items: { type: 'string' } },
      why: { type: 'array', items: { $ref: '#/components/schemas/mergeReason' } },
      statementCount: { type: 'integer' },
      relays: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } } },
    },
  },
  StatementCluster: {
    type: 'object',
    required: ['id', 'speaker', 'reports', 'drift'],
    properties: {
      id: { type: 'string' },
      speaker: nullableString,
      speakerEntity: nullableString,
      reports: {
        type: 'array',
        description: 'Earliest report first.',
        items: {
          type: 'object',
          properties: {
            articleId: { type: 'string' },
            statementId: { type: 'string' },
            outlet: nullableString,
            publishedAt: nullableString,
            kind: { type: 'string' },
            text: { type: 'string' },
            via: { type: 'array', items: { $ref: '#/components/schemas/relay' } },
            copy: { type: 'boolean' },
          },
        },
      },
      drift: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            from: { type: 'integer' },
            to: { type: 'integer' },
            changes: { type: 'array', items: { type: 'object', properties: { op: { enum: ['same', 'insert', 'delete'] }, words: { type: 'string' } } } },
            flags: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
  LibraryStats: {
    type: 'object',
    required: ['articles', 'versions', 'copies', 'statements', 'entities', 'clusters'],
    properties: Object.fromEntries(['articles', 'versions', 'copies', 'statements', 'entities', 'clusters', 'failedJobs', 'updated', 'outlets', 'clusteredStatements'].map((name) => [name, { type: 'integer' }])),
  },
};

export function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}
