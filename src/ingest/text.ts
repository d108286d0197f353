import { HearsayError } from '../model/errors.js';
import type { SourceDocument } from '../model/types.js';
import { isBlank } from './decode.js';

/**
 * A plain-text document: the text exactly as decoded (BOM already dropped, CRLF kept), so analysis offsets
 * point into it. Throws HearsayError "empty input" for empty or white-space-only text.
 */
export function readPlainText(text: string, id: string, input: string): SourceDocument {
  if (isBlank(text)) throw new HearsayError('empty input (expected some text)', { input });
  return { id, text, title: null, url: null, publishedAt: null };
}
