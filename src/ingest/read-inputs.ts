import { readFile } from 'node:fs/promises';
import { HearsayError } from '../model/errors.js';
import type { Diagnostic, SourceDocument } from '../model/types.js';
import { decodeText, isBlank } from './decode.js';
import { readFeed } from './feed.js';
import { fetchUrl, mediaType } from './fetch.js';
import { readHtml } from './html.js';
import { readJsonLines } from './jsonl.js';
import { expandInput, fileError, type ListedInput } from './list.js';
import { kindFromName, looksLikeFeed, sniffKind, type InputKind } from './sniff.js';
import { readPlainText } from './text.js';
import type { FeedItem, InputResult, ReadOptions } from './types.js';

/** Where a piece of content came from: the input to name in errors, the document id, the page URL. */
interface Origin {
  readonly input: string;
  readonly id: string;
  readonly url: string | null;
}

/**
 * Reads every input — files, directories (sorted by name; sub-directories with `recursive`), http(s) URLs,
 * `-` for stdin, RSS/Atom feeds (each item) — and yields one result per document, in input order. A bad
 * input yields an error result and reading goes on; only programmer errors throw.
 */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputResult> {
  let stdinRead = false;
  for (const input of inputs) {
    for (const listed of await expandInput(input, options.recursive === true)) {
      if (listed.source === 'stdin') {
        if (stdinRead) {
          yield failure('-', new HearsayError('stdin was already read (expected - at most once)', { input: '-' }));
          continue;
        }
        stdinRead = true;
      }
      for await (const result of readListed(listed, options)) yield withDefaultDate(result, options.publishedAt);
    }
  }
}

async function* readListed(listed: ListedInput, options: ReadOptions): AsyncGenerator<InputResult> {
  if (listed.source === 'error') {
    yield failure(listed.input, listed.error);
    return;
  }
  let content: string;
  let kind: InputKind;
  let origin: Origin;
  try {
    if (listed.source === 'file') {
      const bytes = await readFile(listed.path).catch((error: unknown) => {
        throw fileError(error, listed.input);
      });
      content = decodeText(bytes, listed.input);
      kind = kindFromName(listed.path) ?? sniffKind(content);
      origin = { input: listed.input, id: listed.id, url: null };
    } else if (listed.source === 'stdin') {
      content = decodeText(await readStream(options.stdin ?? process.stdin, '-'), '-');
      kind = sniffKind(content);
      origin = { input: '-', id: 'stdin', url: null };
    } else {
      const fetched = await fetchUrl(listed.input, options);
      content = fetched.body;
      kind = kindFromContentType(fetched.contentType, content);
      origin = { input: listed.input, id: listed.input, url: fetched.finalUrl };
    }
    if (isBlank(content)) throw new HearsayError('empty input (expected some text)', { input: listed.input });
  } catch (error) {
    yield failure(listed.input, asHearsayError(error));
    return;
  }
  if (kind !== 'feed' && looksLikeFeed(content)) kind = 'feed';
  yield* readContent(content, kind, origin, options);
}

/** Yields the documents of one decoded input. */
async function* readContent(content: string, kind: InputKind, origin: Origin, options: ReadOptions): AsyncGenerator<InputResult> {
  if (kind === 'jsonl') {
    // JSON Lines ids default to "<file id>:<line>", and errors name "<input>:<line>".
    yield* readJsonLines(content, origin.input, origin.id);
    return;
  }
  if (kind === 'feed') {
    let items: FeedItem[];
    try {
      items = readFeed(content, origin.url);
      if (items.length === 0) throw new HearsayError('the feed has no items (expected at least one <item> or <entry>)', { input: origin.input });
    } catch (error) {
      yield failure(origin.input, asHearsayError(error));
      return;
    }
    for (let index = 0; index < items.length; index++) yield await readFeedItem(items[index]!, index, origin, options);
    return;
  }
  const diagnostics: Diagnostic[] = [];
  yield attempt(origin.input, () => (kind === 'html' ? readHtml(content, { id: origin.id, url: origin.url, diagnostics }) : { ...readPlainText(content, origin.id, origin.input), url: origin.url }), diagnostics);
}

/** One feed item: its own content when the feed carries the full article, else the fetched link (same URL guard). */
async function readFeedItem(item: FeedItem, index: number, feed: Origin, options: ReadOptions): Promise<InputResult> {
  const input = item.link ?? `${feed.input}#${index + 1}`;
  const diagnostics: Diagnostic[] = [];
  const fromItem = (document: SourceDocument): SourceDocument => ({
    ...document,
    title: document.title ?? item.title,
    url: item.link ?? document.url,
    publishedAt: document.publishedAt ?? item.publishedAt,
  });
  const inline = (): SourceDocument => {
    if (item.html !== null) {
      // The item's title names the article; a content fragment has none of its own.
      const document = readHtml(item.html, { id: input, url: item.link, diagnostics });
      return fromItem({ ...document, title: item.title ?? document.title });
    }
    if (item.text !== null) return fromItem(readPlainText(item.text, input, input));
    throw new HearsayError('feed item has neither content nor a link (expected <link> or full content)', { input });
  };
  if (item.full || item.link === null) return attempt(input, inline, diagnostics);
  try {
    const fetched = await fetchUrl(item.link, options);
    const kind = kindFromContentType(fetched.contentType, fetched.body);
    if (isBlank(fetched.body)) throw new HearsayError('empty input (expected some text)', { input });
    if (kind !== 'html' && kind !== 'text') throw new HearsayError(`the item link is not an article (found ${kind}; expected an HTML or text page)`, { input });
    const document = kind === 'html' ? readHtml(fetched.body, { id: input, url: fetched.finalUrl, diagnostics }) : { ...readPlainText(fetched.body, input, input), url: fetched.finalUrl };
    return withDiagnostics({ ok: true, input, document: { ...document, title: document.title ?? item.title, publishedAt: document.publishedAt ?? item.publishedAt } }, diagnostics);
  } catch (error) {
    return failure(input, asHearsayError(error));
  }
}

/** Content-Type decides HTML, text, feed or JSON Lines; an absent or generic type is sniffed. */
function kindFromContentType(contentType: string, body: string): InputKind {
  const type = mediaType(contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml') return looksLikeFeed(body) ? 'feed' : 'html';
  if (type === 'application/rss+xml' || type === 'application/atom+xml' || type === 'application/rdf+xml' || type === 'application/xml' || type === 'text/xml') return 'feed';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  if (type === 'text/plain') return looksLikeFeed(body) ? 'feed' : 'text';
  return sniffKind(body);
}

async function readStream(stream: NodeJS.ReadableStream, input: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  } catch (error) {
    throw new HearsayError(`cannot read stdin (${error instanceof Error ? error.message : String(error)})`, { input, cause: error });
  }
  return Buffer.concat(chunks);
}

function attempt(input: string, read: () => SourceDocument, diagnostics: readonly Diagnostic[] = []): InputResult {
  try {
    return withDiagnostics({ ok: true, input, document: read() }, diagnostics);
  } catch (error) {
    return failure(input, asHearsayError(error));
  }
}

/** Attaches reading diagnostics to a successful result, when there are any. */
function withDiagnostics(result: InputResult & { ok: true }, diagnostics: readonly Diagnostic[]): InputResult {
  return diagnostics.length === 0 ? result : { ...result, diagnostics: [...diagnostics] };
}

function failure(input: string, error: HearsayError): InputResult {
  return { ok: false, input, error };
}

/** User errors pass through; anything else is a programmer error and is rethrown. */
function asHearsayError(error: unknown): HearsayError {
  if (error instanceof HearsayError) return error;
  throw error;
}

function withDefaultDate(result: InputResult, publishedAt: string | undefined): InputResult {
  if (!result.ok || publishedAt === undefined || result.document.publishedAt !== null) return result;
  return { ...result, document: { ...result.document, publishedAt } };
}
