export type { Span } from './model/span.js';
export { makeSpan, isValidSpan } from './model/span.js';
export type * from './model/types.js';
export { HearsayError, isHearsayError } from './model/errors.js';
export { analyzeDocument } from './extract/pipeline.js';
export type { AnalyzeOptions } from './extract/pipeline.js';
