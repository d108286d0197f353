// The ingest readers' public surface: `hearsay analyze` and `hearsay ingest` read every input through here.
export { readInputs } from './read-inputs.js';
export { listInputs, isUrlInput, type ListedInput, type ListOptions } from './list.js';
export { readHtml, type HtmlMeta } from './html.js';
export { readPlainText } from './text.js';
export { readJsonLines, readJsonLine } from './jsonl.js';
export { fetchUrl, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './fetch.js';
export { readFeed, FULL_TEXT_CHARS } from './feed.js';
export { decodeText } from './decode.js';
export { isIsoDay, normalizeDate } from './dates.js';
export { isBlockedAddress } from './address-guard.js';
export { looksLikeFeed, sniffKind, kindFromName, type InputKind } from './sniff.js';
export type { FeedItem, FetchOptions, FetchResult, InputResult, ReadOptions } from './types.js';
