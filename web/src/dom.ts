// Building the page. Everything here makes DOM nodes: strings become text nodes (textContent),
// never markup, so article text, names and quotes can hold anything without running as HTML.
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

function apply(el: Element, attrs: Attributes): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** An HTML element: h('a', { href: '#/x', class: 'y' }, 'text', child). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, made in the SVG namespace. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** A short message in place of content: loading, empty or failed. */
export function note(text: string, kind: 'empty' | 'error' | 'loading' = 'empty'): HTMLElement {
  return h('p', { class: `note note-${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

/** A labelled form field. */
export function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

export function select(name: string, options: [value: string, label: string][], value = ''): HTMLSelectElement {
  const el = h('select', { name }, ...options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}
