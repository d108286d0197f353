import { ELEMENT_NODE, TEXT_NODE, type DomNode } from './dom.js';

/** Elements whose content is never article text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'select', 'button', 'canvas', 'math']);
/** Page chrome skipped when falling back to the whole body. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
/** Elements that start and end a paragraph block. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'html', 'menu', 'legend',
]);
const CELLS = new Set(['td', 'th']);

export interface BlockTextOptions {
  /** Skip nav, header, footer, aside and forms (for the whole-body fallback). */
  readonly skipChrome?: boolean;
}

/**
 * The visible text under `root`, with runs of HTML white space collapsed to one space, "\n" for `<br>`, and
 * "\n\n" between blocks (paragraphs, headings, list items, quotes). `<pre>` keeps its white space.
 * Iterative, linear in the size of the tree.
 */
export function blockText(root: DomNode, options: BlockTextOptions = {}): string {
  const parts: string[] = [];
  let written = 0; // code units written so far
  let pendingBreak = 0; // 0, 1 ("\n") or 2 ("\n\n") before the next visible character
  let pendingSpace = false;
  let preDepth = 0;
  // Nodes to enter, and markers (leave: true) to close an element after its children.
  const stack: Array<{ node: DomNode; leave: boolean }> = [{ node: root, leave: false }];

  const emit = (chunk: string): void => {
    if (written > 0) {
      if (pendingBreak > 0) parts.push(pendingBreak === 2 ? '\n\n' : '\n');
      else if (pendingSpace) parts.push(' ');
    }
    pendingBreak = 0;
    pendingSpace = false;
    parts.push(chunk);
    written += chunk.length;
  };

  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    const name = node.nodeName.toLowerCase();
    if (leave) {
      if (name === 'pre') preDepth--;
      if (BLOCKS.has(name)) pendingBreak = 2;
      else if (CELLS.has(name)) pendingSpace = true;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      if (preDepth > 0) emitPreformatted(value, emit, () => (pendingBreak = Math.min(2, pendingBreak + 1)));
      else emitCollapsed(value, emit, () => (pendingSpace = true));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    if (SKIPPED.has(name) || (options.skipChrome === true && CHROME.has(name))) continue;
    if (name === 'br') {
      pendingBreak = Math.max(pendingBreak, 1);
      pendingSpace = false;
      continue;
    }
    if (BLOCKS.has(name)) pendingBreak = 2;
    else if (CELLS.has(name)) pendingSpace = true;
    if (name === 'pre') preDepth++;
    stack.push({ node, leave: true });
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, leave: false });
  }
  return parts.join('');
}

function isHtmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Emits the words of a text node; white space between them becomes one pending space. Soft hyphens are dropped. */
function emitCollapsed(value: string, emit: (chunk: string) => void, space: () => void): void {
  let start = -1;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const isSpace = isHtmlSpace(code);
    if (isSpace || code === 0xad) {
      if (start >= 0) emit(value.slice(start, index));
      start = -1;
      if (isSpace) space();
    } else if (start < 0) {
      start = index;
    }
  }
  // Adjacent text nodes ("caf" + "é" from an entity) join without a space.
  if (start >= 0) emit(value.slice(start));
}

/** Emits preformatted text line by line, keeping spaces; line ends become pending breaks. */
function emitPreformatted(value: string, emit: (chunk: string) => void, lineBreak: () => void): void {
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (index > 0) lineBreak();
    if (line.length > 0) emit(line);
  });
}
