// Inputs (files, folders, URLs) to articles. Each input yields its articles or one problem line
// naming it; nothing here analyses or stores.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decodeText, InputProblem, outletOf, toIsoDate } from './decode.js';
import { looksLikeFeed, parseFeed } from './feed.js';
import { formatBytes, type FetchedPage, type PoliteFetcher } from './fetch.js';
import { extractArticle } from './html.js';

/** An article read from an input, before analysis. */
export interface ArticleInput {
  text: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

export type SourceItem =
  | { input: string; article: ArticleInput }
  | { input: string; problem: string };

export interface SourceOptions {
  /** a file (or one JSONL line) larger than this is reported, not read */
  maxFileBytes?: number;
  /** fetches URLs and feed items; without it a URL is a problem */
  fetcher?: PoliteFetcher;
}

const KINDS: Record<string, 'text' | 'html' | 'json' | 'jsonl' | 'feed'> = {
  '.txt': 'text', '.text': 'text', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const isUrl = (input: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(input);

/** Files under the inputs, folders walked recursively in name order; hidden files and folders skipped. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // a dangling link: listed, and reported when it is read
      }
      if (isDir) walk(path);
      else out.push(path);
    }
  };
  for (const input of inputs) {
    let isDir = false;
    if (!isUrl(input)) {
      try {
        isDir = statSync(input).isDirectory();
      } catch {
        // reported as unreadable by readInput
      }
    }
    if (isDir) walk(input);
    else out.push(input);
  }
  return out;
}

function str(item: Record<string, unknown>, key: string): string | null {
  const v = item[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new InputProblem(`"${key}" must be a string`);
  return v;
}

/** A JSON object {text, published?, url?, title?, outlet?} to an article. */
export function articleFromJson(value: unknown): ArticleInput {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputProblem('expected an object with a "text" string');
  const item = value as Record<string, unknown>;
  const text = str(item, 'text');
  if (text === null) throw new InputProblem('expected an object with a "text" string');
  if (!text.trim()) throw new InputProblem('empty text');
  const url = str(item, 'url');
  const published = str(item, 'published');
  return { text, url, title: str(item, 'title'), outlet: str(item, 'outlet') ?? outletOf(url), published: toIsoDate(published) ?? published };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputProblem(`not JSON (${(e as Error).message})`);
  }
}

/** A regular file no larger than maxBytes, else the problem. */
function checkFile(path: string, maxBytes: number): void {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new InputProblem('not a regular file');
    size = st.size;
  } catch (e) {
    if (e instanceof InputProblem) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputProblem(`cannot read (${code === 'ENOENT' ? 'no such file' : code})`);
  }
  if (size > maxBytes) throw new InputProblem(`too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)})`);
}

/** The lines of a file as bytes, read in chunks; a line longer than maxBytes comes back as null. */
function* fileLines(path: string, maxBytes: number): Generator<Buffer | null> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let overlong = false;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl !== -1 && nl < n; nl = chunk.indexOf(10, from)) {
        if (!overlong) pending.push(Buffer.from(chunk.subarray(from, nl)));
        yield overlong || pendingBytes + nl - from > maxBytes ? null : Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        overlong = false;
        from = nl + 1;
      }
      if (from < n && !overlong) {
        pendingBytes += n - from;
        if (pendingBytes > maxBytes) {
          overlong = true;
          pending = [];
        } else pending.push(Buffer.from(chunk.subarray(from, n)));
      }
    }
    if (overlong) yield null;
    else if (pending.length) yield Buffer.concat(pending);
  } finally {
    closeSync(fd);
  }
}

async function* feedItems(xml: string, feedUrl: string | null, input: string, fetcher: PoliteFetcher | undefined): AsyncGenerator<SourceItem> {
  const feed = parseFeed(xml, feedUrl);
  if (!feed.items.length) {
    yield { input, problem: 'a feed with no items' };
    return;
  }
  for (const [n, item] of feed.items.entries()) {
    const where = item.link ?? `${input} item ${n + 1}`;
    if (!item.link) {
      yield { input: where, problem: 'feed item without a link' };
      continue;
    }
    if (!fetcher) {
      yield { input: where, problem: 'fetching is off, the item page was not read' };
      continue;
    }
    try {
      const article = pageArticle(await fetcher.fetchText(item.link));
      yield { input: where, article: { ...article, title: article.title ?? item.title, published: article.published ?? item.published } };
    } catch (e) {
      if (!(e instanceof InputProblem)) throw e;
      yield { input: where, problem: e.message };
    }
  }
}

/** One fetched page to an article: HTML through the extractor, plain text as it is. */
function pageArticle(page: FetchedPage): ArticleInput {
  if (/^text\/plain/i.test(page.contentType)) return { text: decodeText(Buffer.from(page.text)), url: page.url, title: null, outlet: outletOf(page.url), published: null };
  const extracted = extractArticle(page.text, page.url);
  // the canonical URL names the article whatever link led to it, so the same story read twice is one article
  const url = extracted.canonical ?? page.url;
  return { text: extracted.text, url, title: extracted.title, outlet: extracted.outlet ?? outletOf(url), published: extracted.published };
}

async function* fromUrl(input: string, fetcher: PoliteFetcher | undefined): AsyncGenerator<SourceItem> {
  if (!fetcher) {
    yield { input, problem: 'fetching is off' };
    return;
  }
  try {
    const page = await fetcher.fetchText(input);
    if (/(rss|atom)\+xml|\/xml/i.test(page.contentType) || looksLikeFeed(page.text)) yield* feedItems(page.text, page.url, input, fetcher);
    else if (/json/i.test(page.contentType)) yield { input, article: articleFromJson(parseJson(page.text)) };
    else yield { input, article: pageArticle(page) };
  } catch (e) {
    if (!(e instanceof InputProblem)) throw e;
    yield { input, problem: e.message };
  }
}

async function* fromFile(path: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const kind = KINDS[extname(path).toLowerCase()];
  try {
    if (!kind) throw new InputProblem(`not a file type demarche reads (${Object.keys(KINDS).join(' ')})`);
    if (kind === 'jsonl') {
      // a JSONL file may be large: the limit applies to each line
      checkFile(path, Number.MAX_SAFE_INTEGER);
      let n = 0;
      for (const line of fileLines(path, maxBytes)) {
        n++;
        const input = `${path}:${n}`;
        if (line === null) {
          yield { input, problem: `line longer than the ${formatBytes(maxBytes)} limit` };
          continue;
        }
        if (!line.toString('latin1').trim()) continue;
        try {
          yield { input, article: articleFromJson(parseJson(decodeText(line))) };
        } catch (e) {
          if (!(e instanceof InputProblem)) throw e;
          yield { input, problem: e.message };
        }
      }
      return;
    }
    checkFile(path, maxBytes);
    const text = decodeText(readFileSync(path));
    if (kind === 'text') yield { input: path, article: { text, url: null, title: null, outlet: null, published: null } };
    else if (kind === 'html') {
      const page = extractArticle(text);
      yield { input: path, article: { text: page.text, url: page.canonical, title: page.title, outlet: page.outlet ?? outletOf(page.canonical), published: page.published } };
    } else if (kind === 'json') {
      const value = parseJson(text);
      if (!Array.isArray(value)) yield { input: path, article: articleFromJson(value) };
      else {
        for (const [n, item] of value.entries()) {
          try {
            yield { input: `${path}[${n}]`, article: articleFromJson(item) };
          } catch (e) {
            if (!(e instanceof InputProblem)) throw e;
            yield { input: `${path}[${n}]`, problem: e.message };
          }
        }
      }
    } else {
      if (!looksLikeFeed(text)) throw new InputProblem('not an RSS or Atom feed');
      yield* feedItems(text, null, path, options.fetcher);
    }
  } catch (e) {
    if (!(e instanceof InputProblem)) throw e;
    yield { input: path, problem: e.message };
  }
}

/** The articles of one input (a file or a URL; expand folders first with expandInputs). */
export function readSource(input: string, options: SourceOptions = {}): AsyncGenerator<SourceItem> {
  return isUrl(input) ? fromUrl(input, options.fetcher) : fromFile(input, options);
}
