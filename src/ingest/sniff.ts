/** What reader an input needs. */
export type InputKind = 'text' | 'html' | 'jsonl' | 'feed';

/** The kind a file name implies, or null for an extension Hearsay does not know. */
export function kindFromName(name: string): InputKind | null {
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  switch (extension) {
    case 'txt':
      return 'text';
    case 'html':
    case 'htm':
      return 'html';
    case 'jsonl':
      return 'jsonl';
    case 'xml':
    case 'rss':
    case 'atom':
      return 'feed';
    default:
      return null;
  }
}

/** Offset of the first markup that is not an XML declaration, processing instruction, comment or doctype. Linear. */
function rootOffset(text: string): number {
  let index = 0;
  const length = Math.min(text.length, 65536); // a prolog longer than this is not worth sniffing
  for (;;) {
    while (index < length && isSpace(text.charCodeAt(index))) index++;
    if (text.startsWith('<?', index)) {
      const close = text.indexOf('?>', index + 2);
      if (close < 0) return -1;
      index = close + 2;
    } else if (text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4);
      if (close < 0) return -1;
      index = close + 3;
    } else if (text.startsWith('<!', index)) {
      const close = text.indexOf('>', index + 2);
      if (close < 0) return -1;
      index = close + 1;
    } else {
      return index < length && text.charCodeAt(index) === 60 ? index : -1;
    }
  }
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xfeff;
}

/** True when the root element is `<rss>` or `<feed>` (RSS 2.0 or Atom). */
export function looksLikeFeed(text: string): boolean {
  const start = rootOffset(text);
  if (start < 0) return false;
  const head = text.slice(start + 1, start + 6).toLowerCase();
  return (head.startsWith('rss') || head.startsWith('feed')) && isNameEnd(text.charCodeAt(start + 1 + (head.startsWith('rss') ? 3 : 4)));
}

function isNameEnd(code: number): boolean {
  return Number.isNaN(code) || code === 62 || code === 47 || isSpace(code);
}

/** True when the text opens like an HTML page or fragment. */
export function looksLikeHtml(text: string): boolean {
  let index = 0;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  const head = text.slice(index, index + 15).toLowerCase();
  if (head.startsWith('<!doctype html')) return true;
  const start = rootOffset(text);
  if (start < 0) return false;
  const tag = text.slice(start + 1, start + 9).toLowerCase();
  return /^(html|head|body|article|p|div|main)(?=[\s>/]|$)/.test(tag);
}

/** The kind of an input whose name says nothing: feed, HTML, JSON Lines (opens with `{`), else text. */
export function sniffKind(text: string): InputKind {
  if (looksLikeFeed(text)) return 'feed';
  if (looksLikeHtml(text)) return 'html';
  let index = 0;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  return text.charCodeAt(index) === 123 ? 'jsonl' : 'text';
}
