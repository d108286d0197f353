import { parseHTML } from 'linkedom';

/** The slice of the DOM that the HTML readers use; linkedom's nodes satisfy it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly body: DomElement | null;
  readonly documentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses an HTML page or fragment with linkedom (adapter: linkedom's types assume the DOM lib). */
export function parseDocument(html: string): DomDocument {
  // linkedom mis-nests a bare fragment (no <html>/<body>), so fragments get a page around them; a page that opens
  // with <head> or <body> but has no <html> gets the <html> element (else its body reads as empty).
  const page = /<html[\s>]/i.test(html) ? html : /<body[\s>]/i.test(html) ? `<!DOCTYPE html><html>${html}</html>` : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page) as unknown as { document: DomDocument };
  return document;
}
