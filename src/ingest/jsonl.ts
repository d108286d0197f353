import { HearsayError } from '../model/errors.js';
import type { Diagnostic, SourceDocument } from '../model/types.js';
import { normalizeDate } from './dates.js';
import { isBlank } from './decode.js';
import { readHtml } from './html.js';
import { readPlainText } from './text.js';
import type { InputResult } from './types.js';

/**
 * Reads JSON Lines: one article per line, `{"id"?, "text" | "html", "title"?, "url"?, "publishedAt"?}`.
 * `text` wins when both are given. Each line yields a result; a broken line is an error named `file:LINE`
 * and the other lines still go through. Blank lines are skipped.
 */
export function* readJsonLines(content: string, input: string, fileId: string): Generator<InputResult> {
  let lineStart = 0;
  let lineNumber = 0;
  let seen = 0;
  while (lineStart <= content.length) {
    let lineEnd = content.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = content.length;
    lineNumber++;
    const line = content.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (isBlank(line)) continue;
    seen++;
    const lineInput = `${input}:${lineNumber}`;
    try {
      const diagnostics: Diagnostic[] = [];
      const document = readJsonLine(line, lineInput, `${fileId}:${lineNumber}`, diagnostics);
      yield diagnostics.length === 0 ? { ok: true, input: lineInput, document } : { ok: true, input: lineInput, document, diagnostics };
    } catch (error) {
      if (!(error instanceof HearsayError)) throw error;
      yield { ok: false, input: lineInput, error };
    }
  }
  if (seen === 0) yield { ok: false, input, error: new HearsayError('empty input (expected one JSON object per line)', { input }) };
}

/** One JSON Lines record as a document; throws HearsayError naming `input` when the line is not a valid record. */
export function readJsonLine(line: string, input: string, defaultId: string, diagnostics?: Diagnostic[]): SourceDocument {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    throw new HearsayError(`invalid JSON (${error instanceof Error ? error.message : String(error)}); expected one JSON object per line`, { input });
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new HearsayError('expected a JSON object with "text" or "html"', { input });
  }
  const fields = record as Record<string, unknown>;
  const id = optionalString(fields, 'id', input, true) ?? defaultId;
  const title = optionalString(fields, 'title', input);
  const url = optionalString(fields, 'url', input);
  const text = optionalString(fields, 'text', input);
  const html = optionalString(fields, 'html', input);
  const published = optionalString(fields, 'publishedAt', input);
  const publishedAt = published === null ? null : normalizeDate(published);
  if (published !== null && publishedAt === null) throw new HearsayError(`"publishedAt" is '${published}' (expected an ISO date such as 2024-03-05)`, { input });
  if (text !== null) {
    const document = readPlainText(text, id, input);
    return { ...document, title, url, publishedAt };
  }
  if (html !== null) {
    const document = readHtml(html, diagnostics === undefined ? { id, url } : { id, url, diagnostics });
    return { ...document, title: title ?? document.title, url: url ?? document.url, publishedAt: publishedAt ?? document.publishedAt };
  }
  throw new HearsayError('missing "text" or "html" (expected a string field with the article)', { input });
}

function optionalString(fields: Record<string, unknown>, name: string, input: string, allowNumber = false): string | null {
  const value = fields[name];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (allowNumber && typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new HearsayError(`"${name}" is ${Array.isArray(value) ? 'an array' : typeof value} (expected a string)`, { input });
}
