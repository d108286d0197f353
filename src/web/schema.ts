import { WebError } from './web-error.js';

/** A JSON Schema fragment as emitted into the OpenAPI document. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * One validation schema: `parse` checks (and for query strings, coerces) a value at the edge, `json` is the same
 * rule as JSON Schema for the OpenAPI document, so the document and the validation cannot disagree.
 */
export interface Schema<T> {
  readonly json: JsonSchema;
  /** `where` names the parameter or body field for the problem detail. */
  parse(value: unknown, where: string): T;
}

export interface StringRule {
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: RegExp;
  /** Shown in the problem detail when the pattern does not match. */
  readonly patternHint?: string;
  readonly description?: string;
}

export function stringSchema(rule: StringRule = {}): Schema<string> {
  const json: Record<string, unknown> = { type: 'string' };
  if (rule.minLength !== undefined) json['minLength'] = rule.minLength;
  if (rule.maxLength !== undefined) json['maxLength'] = rule.maxLength;
  if (rule.pattern !== undefined) json['pattern'] = rule.pattern.source;
  if (rule.description !== undefined) json['description'] = rule.description;
  return {
    json,
    parse(value, where) {
      if (typeof value !== 'string') throw invalid(where, 'expected a string');
      if (rule.minLength !== undefined && value.length < rule.minLength) throw invalid(where, `expected at least ${rule.minLength} character${rule.minLength === 1 ? '' : 's'}`);
      if (rule.maxLength !== undefined && value.length > rule.maxLength) throw invalid(where, `expected at most ${rule.maxLength} characters`);
      if (rule.pattern !== undefined && !rule.pattern.test(value)) throw invalid(where, `'${value.slice(0, 40)}' is not valid (expected ${rule.patternHint ?? rule.pattern.source})`);
      return value;
    },
  };
}

export function enumSchema<T extends string>(values: readonly T[], description?: string): Schema<T> {
  return {
    json: description === undefined ? { type: 'string', enum: values } : { type: 'string', enum: values, description },
    parse(value, where) {
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) throw invalid(where, `'${String(value).slice(0, 40)}' is not allowed (expected one of: ${values.join(', ')})`);
      return value as T;
    },
  };
}

/** An integer; query strings ("20") are coerced, JSON bodies must hold a number. */
export function integerSchema(rule: { readonly minimum: number; readonly maximum: number; readonly description?: string }): Schema<number> {
  return {
    json: { type: 'integer', minimum: rule.minimum, maximum: rule.maximum, ...(rule.description === undefined ? {} : { description: rule.description }) },
    parse(value, where) {
      const number = typeof value === 'string' && /^\d{1,12}$/u.test(value) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isInteger(number)) throw invalid(where, 'expected a whole number');
      if (number < rule.minimum || number > rule.maximum) throw invalid(where, `${number} is out of range (expected ${rule.minimum}–${rule.maximum})`);
      return number;
    },
  };
}

/** A boolean; query strings accept "true"/"false"/"1"/"0". */
export function booleanSchema(description?: string): Schema<boolean> {
  return {
    json: description === undefined ? { type: 'boolean' } : { type: 'boolean', description },
    parse(value, where) {
      if (value === true || value === 'true' || value === '1') return true;
      if (value === false || value === 'false' || value === '0') return false;
      throw invalid(where, 'expected true or false');
    },
  };
}

export type Fields = Readonly<Record<string, { readonly schema: Schema<unknown>; readonly required?: boolean }>>;

/** The parsed shape of a field table: required fields present, optional ones absent (never undefined). */
export type Parsed<F extends Fields> = { -readonly [K in keyof F as F[K]['required'] extends true ? K : never]: ReturnType<F[K]['schema']['parse']> } & {
  -readonly [K in keyof F as F[K]['required'] extends true ? never : K]?: ReturnType<F[K]['schema']['parse']>;
};

/** A JSON object with known fields; unknown fields are refused so typos are not silently ignored. */
export function objectSchema<F extends Fields>(fields: F, description?: string): Schema<Parsed<F>> {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    properties[name] = field.schema.json;
    if (field.required === true) required.push(name);
  }
  return {
    json: { type: 'object', properties, additionalProperties: false, ...(required.length > 0 ? { required } : {}), ...(description === undefined ? {} : { description }) },
    parse(value, where) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(where, 'expected a JSON object');
      return parseFields(fields, value as Record<string, unknown>, (name) => `${where}.${name}`);
    },
  };
}

/** Parses named values (query parameters, path parameters or object fields) against a field table. */
export function parseFields<F extends Fields>(fields: F, values: Readonly<Record<string, unknown>>, name: (field: string) => string = (field) => field): Parsed<F> {
  for (const key of Object.keys(values)) {
    if (!Object.hasOwn(fields, key)) throw invalid(name(key), `unknown field (expected one of: ${Object.keys(fields).join(', ')})`);
  }
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = values[key];
    if (value === undefined || value === '') {
      if (field.required === true) throw invalid(name(key), 'is required');
      continue;
    }
    result[key] = field.schema.parse(value, name(key));
  }
  return result as Parsed<F>;
}

function invalid(where: string, detail: string): WebError {
  return new WebError(`${where}: ${detail}`, { status: 400, title: 'Invalid request', input: where });
}
