import type { HearsayError } from '../model/errors.js';
import type { Diagnostic, SourceDocument } from '../model/types.js';

export interface FetchOptions {
  /** Allow loopback, private, link-local and unspecified addresses (off by default: SSRF guard). */
  readonly allowPrivate?: boolean;
  /** Whole-fetch deadline, redirects included (default 15 000 ms). */
  readonly timeoutMs?: number;
  /** Largest body accepted, after decompression (default 10 MB). */
  readonly maxBytes?: number;
  /** Most redirects followed (default 5). */
  readonly maxRedirects?: number;
}

export interface ReadOptions extends FetchOptions {
  /** Descend into sub-directories of directory inputs. */
  readonly recursive?: boolean;
  /** The stream `-` reads (default process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Publication date (YYYY-MM-DD) for documents whose input gives none. */
  readonly publishedAt?: string;
}

/** One document read, or one input (file, line, URL, feed item) that could not be read. */
export type InputResult =
  | {
      readonly ok: true;
      readonly input: string;
      readonly document: SourceDocument;
      /** Diagnostics about reading the input (e.g. HTML too deeply nested for main-content detection); offsets, if any, are not into the text. */
      readonly diagnostics?: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly input: string; readonly error: HearsayError };

export interface FeedItem {
  readonly title: string | null;
  /** The item's article URL, resolved against the feed URL. */
  readonly link: string | null;
  readonly publishedAt: string | null;
  /** HTML content (content:encoded, Atom html/xhtml content), else the description/summary. */
  readonly html: string | null;
  /** Plain-text content (Atom type="text"). */
  readonly text: string | null;
  /** True when the content is the full article (more than FULL_TEXT_CHARS characters of text), not a teaser. */
  readonly full: boolean;
}

export interface FetchResult {
  readonly body: string;
  readonly contentType: string;
  readonly finalUrl: string;
}
