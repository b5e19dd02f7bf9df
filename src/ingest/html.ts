// An HTML page to article text and metadata: the body by @mozilla/readability over a linkedom
// DOM, the title, date, outlet and canonical URL from the page's own metadata.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputProblem, toIsoDate } from './decode.js';

export interface ExtractedPage {
  text: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  /** the page's canonical URL (link rel=canonical or og:url), absolute */
  canonical: string | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type DomNode = Doc['body'];

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

/** Block elements become paragraphs, <br> a line break; runs of white space inside a paragraph become one space. */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes) as DomNode[]) {
      if (child.nodeType === 3) current += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = child.tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
        if (tag === 'BR') current += '\n';
        else if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

const meta = (doc: Doc, selector: string): string | null => doc.querySelector(selector)?.getAttribute('content')?.trim() || null;

/** datePublished and headline from JSON-LD blocks, looking through @graph and arrays. */
function jsonLd(doc: Doc): { published: string | null; headline: string | null } {
  const found = { published: null as string | null, headline: null as string | null };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.datePublished === 'string') found.published ??= o.datePublished;
      if (typeof o.headline === 'string') found.headline ??= o.headline;
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')) as DomNode[]) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is the page's problem, not the article's: the other metadata still count
    }
  }
  return found;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function extractArticle(html: string, pageUrl: string | null = null): ExtractedPage {
  const { document } = parseHTML(html);
  // the metadata are read before Readability, which rewrites the document as it goes
  const ld = jsonLd(document);
  const timeElement = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const published = toIsoDate(
    meta(document, 'meta[property="article:published_time"]') ?? ld.published ?? meta(document, 'meta[itemprop="datePublished"]')
    ?? meta(document, 'meta[name="date"]') ?? meta(document, 'meta[name="dc.date"]') ?? timeElement,
  );
  const title = meta(document, 'meta[property="og:title"]') ?? ld.headline ?? (document.querySelector('title')?.textContent?.trim() || null);
  const outlet = meta(document, 'meta[property="og:site_name"]');
  const canonical = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'meta[property="og:url"]'), pageUrl);
  const parsed = new Readability(document as never).parse();
  const text = parsed?.content ? blockText(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document.body) : '';
  if (!text.trim()) throw new InputProblem('no article text found in the page');
  return { text, title: title ?? (parsed?.title?.trim() || null), published, outlet, canonical };
}
