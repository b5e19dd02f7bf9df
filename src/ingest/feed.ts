// RSS 2.0, RSS 1.0 (RDF) and Atom feeds to the list of their items. The XML is parsed by
// linkedom's DOMParser, which the HTML reader already brings in; only the few elements a
// news feed needs are read.
import { DOMParser, parseHTML } from 'linkedom';
import { toIsoDate } from './decode.js';

export interface FeedItem {
  /** the item's page, absolute */
  link: string | null;
  title: string | null;
  published: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

type XmlElement = ReturnType<DOMParser['parseFromString']>['documentElement'];

/** The document starts with an rss, feed or rdf:RDF element (after any XML declaration, comments and doctype). */
export function looksLikeFeed(text: string): boolean {
  const start = text.replace(/^\uFEFF?\s*(<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(start);
}

const child = (el: XmlElement, name: string): XmlElement | null =>
  (Array.from(el.childNodes) as XmlElement[]).find((n) => n.nodeType === 1 && (n.tagName === name || n.localName === name)) ?? null;

/** Titles may carry markup (CDATA HTML, Atom type="html"): keep their text only. */
function plain(el: XmlElement | null): string | null {
  const raw = el?.textContent?.trim();
  if (!raw) return null;
  const text = raw.includes('<') ? parseHTML(`<!doctype html><html><body>${raw}</body></html>`).document.body.textContent ?? '' : raw;
  return text.replace(/\s+/g, ' ').trim() || null;
}

function resolveLink(href: string | null | undefined, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

/** Atom: the rel="alternate" link (or one without rel); RSS: the <link> text, else a permalink guid. */
function itemLink(item: XmlElement, base: string | null): string | null {
  const links = (Array.from(item.childNodes) as XmlElement[]).filter((n) => n.nodeType === 1 && n.localName === 'link');
  for (const l of links) {
    const rel = l.getAttribute('rel');
    if (l.getAttribute('href') && (!rel || rel === 'alternate')) return resolveLink(l.getAttribute('href'), base);
  }
  const text = links.map((l) => l.textContent?.trim()).find(Boolean);
  if (text) return resolveLink(text, base);
  const guid = child(item, 'guid');
  return guid && guid.getAttribute('isPermaLink') !== 'false' && /^https?:/i.test(guid.textContent?.trim() ?? '') ? resolveLink(guid.textContent, base) : null;
}

export function parseFeed(xml: string, feedUrl: string | null = null): Feed {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  const channel = root.localName === 'rss' ? child(root, 'channel') ?? root : root;
  const entries = (Array.from(doc.getElementsByTagName(root.localName === 'feed' ? 'entry' : 'item')) as XmlElement[]);
  return {
    title: plain(child(channel, 'title')),
    items: entries.map((item) => ({
      link: itemLink(item, feedUrl),
      title: plain(child(item, 'title')),
      published: toIsoDate((child(item, 'pubDate') ?? child(item, 'published') ?? child(item, 'dc:date') ?? child(item, 'updated'))?.textContent ?? null),
    })),
  };
}
