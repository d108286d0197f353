import type { JsonSchema } from './schema.js';
import type { Route } from './route.js';

export interface OpenApiOptions {
  readonly title: string;
  readonly version: string;
  /** Named schemas for components (e.g. the analysis contract), referenced as #/components/schemas/NAME. */
  readonly components: Readonly<Record<string, JsonSchema>>;
}

const PROBLEM: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
};

/** The OpenAPI 3.1 document, generated from the route table itself (the same definitions that validate requests). */
export function buildOpenApi(routes: readonly Route[], options: OpenApiOptions): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [
      ...Object.entries(route.params).map(([name, field]) => ({ name, in: 'path', required: true, schema: field.schema.json })),
      ...Object.entries(route.query).map(([name, field]) => ({ name, in: 'query', required: field.required === true, schema: field.schema.json })),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const isProblem = Number(status) >= 400;
      const schema = isProblem ? { $ref: '#/components/schemas/Problem' } : response.schema;
      responses[status] = {
        description: response.description,
        ...(schema === undefined ? {} : { content: { [isProblem ? 'application/problem+json' : 'application/json']: { schema } } }),
      };
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body === null ? {} : { requestBody: { required: true, description: route.body.description, content: { 'application/json': { schema: route.body.schema.json } } } }),
      responses,
      ...(route.secured ? { security: [{}, { bearer: [] }] } : {}),
    };
    paths[route.path] = { ...paths[route.path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version, description: 'Who said what, when, and according to whom: the Hearsay statement library over HTTP. Every span is a half-open UTF-16 range into the article text.' },
    paths,
    components: {
      schemas: { Problem: PROBLEM, ...options.components },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Needed for writes when the server was started with --token.' } },
    },
  };
}

/**
 * Moves a standalone JSON Schema (with $defs) into OpenAPI components: its $defs become sibling component schemas
 * and every "#/$defs/X" reference is rewritten to "#/components/schemas/X".
 */
export function schemaToComponents(name: string, schema: Readonly<Record<string, unknown>>): Record<string, JsonSchema> {
  const { $defs, $schema: _dialect, $id: _id, ...root } = schema as { $defs?: Record<string, unknown>; $schema?: unknown; $id?: unknown } & Record<string, unknown>;
  const components: Record<string, JsonSchema> = { [name]: rewriteRefs(root) as JsonSchema };
  for (const [key, value] of Object.entries($defs ?? {})) components[key] = rewriteRefs(value) as JsonSchema;
  return components;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] = key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/') ? `#/components/schemas/${inner.slice('#/$defs/'.length)}` : rewriteRefs(inner);
  }
  return result;
}
