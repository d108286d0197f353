// Every piece of article text, title or name reaches the page as a text node: this module never parses HTML.

export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Attributes {
  readonly [name: string]: string | number | boolean | null | undefined | ((event: Event) => void);
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/** Creates an HTML element: string children become text nodes, `on*` functions become listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element the same way (text via text nodes). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : (child as Node));
  }
}

function applyAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new Error(`h: a function for '${name}' (expected an on* listener)`);
      element.addEventListener(name.slice(2).toLowerCase(), value);
      continue;
    }
    if (name.startsWith('on')) throw new Error(`h: '${name}' needs a function, never a string`);
    const text = value === true ? '' : String(value);
    if (URL_ATTRIBUTES.has(name) && !isSafeUrl(text)) continue;
    element.setAttribute(name, text);
  }
}

/** Links only to this app's hash routes, same-origin paths, or http(s) pages: never javascript: or data:. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('#') || (trimmed.startsWith('/') && !trimmed.startsWith('//'))) return true;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A #/route link, each segment encoded. */
export function route(...segments: readonly string[]): string {
  return `#/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}

export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('p', { class: 'error', role: 'alert' }, message);
}

export function debounce<A extends unknown[]>(wait: number, run: (...args: A) => void): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => run(...args), wait);
  };
}

/** A short date: the ISO day of a date or date-time, or "undated". */
export function day(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? 'undated' : value.slice(0, 10);
}
