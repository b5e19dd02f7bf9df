// Fetching pages politely: one request at a time (so never two at one host), a pause between
// requests to the same host, a timeout, a size cap, an honest user agent, http(s) only,
// redirects followed by hand so that each hop is checked the same way.
import { CODER_VERSION } from '../pipeline/analyze.js';
import { InputProblem } from './decode.js';

export interface FetchOptions {
  /** least time between two requests to one host */
  delayMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** the URL after redirects */
  url: string;
  contentType: string;
  text: string;
}

export const USER_AGENT = `demarche/${CODER_VERSION} (news event coder; one request at a time)`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function httpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputProblem('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputProblem(`only http and https URLs are fetched, not ${url.protocol}`);
  return url;
}

export class PoliteFetcher {
  readonly delayMs: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly userAgent: string;
  readonly maxRedirects: number;
  /** when each host last answered */
  private readonly lastRequest = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: FetchOptions = {}) {
    this.delayMs = options.delayMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.maxRedirects = options.maxRedirects ?? 5;
  }

  /** Fetches one page as text; requests made at once are queued and run one after another. */
  fetchText(url: string): Promise<FetchedPage> {
    const run = this.queue.then(() => this.fetchNow(url));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The pause runs from the end of the host's last response, so a slow host is asked less often. */
  private async waitForHost(host: string): Promise<void> {
    const last = this.lastRequest.get(host);
    if (last !== undefined) {
      const wait = last + this.delayMs - Date.now();
      if (wait > 0) await sleep(wait);
    }
  }

  private async fetchNow(start: string): Promise<FetchedPage> {
    let url = httpUrl(start);
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      for (let hop = 0; ; hop++) {
        await this.waitForHost(url.host);
        let response: Response;
        let bytes: Uint8Array;
        try {
          response = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': this.userAgent, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/*;q=0.8' } });
          bytes = response.ok ? await this.readCapped(response) : new Uint8Array();
          if (!response.ok) await response.body?.cancel();
        } finally {
          this.lastRequest.set(url.host, Date.now());
        }
        if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
          if (hop >= this.maxRedirects) throw new InputProblem(`more than ${this.maxRedirects} redirects`);
          url = httpUrl(new URL(response.headers.get('location')!, url).href);
          continue;
        }
        if (!response.ok) throw new InputProblem(`HTTP ${response.status} ${response.statusText}`.trim());
        const contentType = response.headers.get('content-type') ?? '';
        return { url: url.href, contentType, text: decodeBody(bytes, contentType) };
      }
    } catch (e) {
      if (e instanceof InputProblem) throw e;
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new InputProblem(`no answer within ${this.timeoutMs / 1000} s`);
      throw new InputProblem(`fetch failed (${err.cause?.code ?? err.message})`);
    }
  }

  private async readCapped(response: Response): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length'));
    const tooLarge = () => new InputProblem(`larger than the ${formatBytes(this.maxBytes)} limit`);
    if (declared > this.maxBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      for await (const chunk of response.body) {
        total += chunk.byteLength;
        if (total > this.maxBytes) {
          await response.body.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(chunk);
      }
    }
    return Buffer.concat(chunks);
  }
}

function decodeBody(bytes: Uint8Array, contentType: string): string {
  const charset = /charset="?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new InputProblem(`unknown character set ${charset}`);
  }
  if (bytes.includes(0) && /^utf-?8$/i.test(charset)) throw new InputProblem('binary content (contains NUL bytes)');
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputProblem(`invalid ${charset}`);
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}
