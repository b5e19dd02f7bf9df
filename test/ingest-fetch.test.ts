// Feeds, HTML metadata and polite fetching, against servers on 127.0.0.1 only.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { looksLikeFeed, parseFeed } from '../src/ingest/feed.js';
import { PoliteFetcher, USER_AGENT } from '../src/ingest/fetch.js';
import { extractArticle } from '../src/ingest/html.js';
import { ingest, type ItemOutcome } from '../src/ingest/ingest.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { lexicon } from './helpers.js';
import { tempDir } from './store-fixtures.js';

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;
const PARAGRAPH = '<p>Armenia’s Foreign Ministry on Thursday accused President Ilham Aliyev of Azerbaijan of threatening a new war, and it called on international partners to respond to the statement without delay.</p>';

describe('feeds', () => {
  it('reads RSS 2.0 items: link, title without markup, publication date', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>World &amp; Co</title>
      <item><title><![CDATA[Yerevan <b>accuses</b> Baku]]></title><link>https://news.example/1</link><pubDate>Fri, 17 Mar 2023 10:00:00 GMT</pubDate></item>
      <item><title>Relative</title><link>/2</link></item>
      <item><title>Guid only</title><guid>https://news.example/3</guid></item></channel></rss>`;
    assert.ok(looksLikeFeed(rss));
    assert.deepEqual(parseFeed(rss, 'https://news.example/feed'), {
      title: 'World & Co',
      items: [
        { link: 'https://news.example/1', title: 'Yerevan accuses Baku', published: '2023-03-17' },
        { link: 'https://news.example/2', title: 'Relative', published: null },
        { link: 'https://news.example/3', title: 'Guid only', published: null },
      ],
    });
  });

  it('reads Atom entries: the alternate link, an HTML title, published or updated', () => {
    const atom = `<!-- a comment --><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title type="html">Talks &lt;i&gt;resume&lt;/i&gt;</title><link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/a"/><published>2024-05-10T23:00:00-05:00</published></entry>
      <entry><title>Updated</title><link href="https://x.example/b"/><updated>2024-05-11T00:00:00Z</updated></entry></feed>`;
    assert.ok(looksLikeFeed(atom));
    assert.deepEqual(parseFeed(atom).items, [
      { link: 'https://x.example/a', title: 'Talks resume', published: '2024-05-10' },
      { link: 'https://x.example/b', title: 'Updated', published: '2024-05-11' },
    ]);
    assert.equal(looksLikeFeed('<!doctype html><html></html>'), false);
  });
});

describe('HTML metadata', () => {
  it('takes the date from JSON-LD, else from <time datetime>; the title from og:title, else JSON-LD, else <title>', () => {
    const ld = extractArticle(page(PARAGRAPH, '<title>Plain</title><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-03-16T22:00:00Z","headline":"From JSON-LD"}]}</script>'));
    assert.deepEqual([ld.published, ld.title], ['2023-03-16', 'From JSON-LD']);
    const time = extractArticle(page(`<time datetime="2022-07-22">22 July</time>${PARAGRAPH}`, '<title>Plain</title><script type="application/ld+json">{broken</script>'));
    assert.deepEqual([time.published, time.title, time.canonical], ['2022-07-22', 'Plain', null]);
  });
});

describe('fetching', () => {
  let server: Server;
  let base = '';
  const requests: { path: string; at: number; agent: string | undefined }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const routes: Record<string, (req: IncomingMessage) => { status?: number; type?: string; body?: string | Buffer; location?: string; hang?: boolean }> = {
    '/feed.xml': () => ({ type: 'application/rss+xml', body: `<rss><channel><title>Local</title>
      <item><title>One</title><link>${base}/a</link><pubDate>Mon, 13 May 2024 08:00:00 GMT</pubDate></item>
      <item><title>Missing</title><link>${base}/missing</link></item>
      <item><title>Moved</title><link>${base}/moved</link></item>
      <item><title>Huge</title><link>${base}/huge</link></item>
      <item><title>No link</title></item></channel></rss>` }),
    '/a': () => ({ type: 'text/html; charset=utf-8', body: page(PARAGRAPH, '<title>Story A</title>') }),
    '/moved': () => ({ status: 301, location: '/b' }),
    '/b': () => ({ type: 'text/html', body: page(PARAGRAPH.replace('Thursday', 'Friday'), '<meta property="article:published_time" content="2024-05-12">') }),
    '/huge': () => ({ type: 'text/html', body: Buffer.alloc(300_000, 'a') }),
    '/slow': () => ({ hang: true }),
    '/to-file': () => ({ status: 302, location: 'file:///etc/passwd' }),
  };

  before(async () => {
    server = createServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      requests.push({ path: req.url ?? '', at: Date.now(), agent: req.headers['user-agent'] });
      const route = routes[req.url ?? ''];
      const r = route ? route(req) : { status: 404, body: 'not found' };
      if (r.hang) return;
      res.writeHead(r.status ?? 200, { ...(r.type ? { 'content-type': r.type } : {}), ...(r.location ? { location: r.location } : {}) });
      res.end(r.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('ingests a feed URL: each item page fetched one at a time, paced, with an honest user agent', async () => {
    const store = new SqliteStore(join(tempDir('fetch'), 'feed.db'));
    const outcomes: ItemOutcome[] = [];
    requests.length = 0;
    const fetcher = new PoliteFetcher({ delayMs: 60, timeoutMs: 2000, maxBytes: 100_000 });
    const summary = await ingest([`${base}/feed.xml`], { store, lexicon, fetcher, onItem: (o) => outcomes.push(o) });
    assert.deepEqual(outcomes.map((o) => [o.input.replace(base, ''), o.status === 'problem' ? o.problem : o.status]), [
      ['/a', 'new'],
      ['/missing', 'HTTP 404 Not Found'],
      ['/moved', 'new'],
      ['/huge', 'larger than the 97.7 kB limit'],
      [`${base}/feed.xml item 5`.replace(base, ''), 'feed item without a link'],
    ]);
    assert.deepEqual([summary.new, summary.errors], [2, 3]);
    const articles = store.listArticles({}, { limit: 10, offset: 0 }, 'date-asc').items;
    assert.deepEqual(articles.map((a) => [a.url?.replace(base, ''), a.title, a.published, a.outlet]), [
      ['/b', 'Moved', '2024-05-12', '127.0.0.1'],
      ['/a', 'Story A', '2024-05-13', '127.0.0.1'],
    ]);
    assert.ok(requests.every((r) => r.agent === USER_AGENT), 'user agent');
    assert.match(USER_AGENT, /^demarche\/\d+\.\d+\.\d+/);
    assert.equal(maxInFlight, 1, 'one request at a time');
    for (let i = 1; i < requests.length; i++) assert.ok(requests[i].at - requests[i - 1].at >= 55, `pause before ${requests[i].path}`);
    store.close();
  });

  it('the items of a feed file are fetched too; timeouts, non-http URLs and redirects off http(s) are reported', async () => {
    const dir = tempDir('fetch');
    writeFileSync(join(dir, 'local.rss'), `<rss><channel><item><link>${base}/a</link></item><item><link>${base}/slow</link></item><item><link>${base}/to-file</link></item></channel></rss>`);
    const store = new SqliteStore(join(dir, 'file.db'));
    const outcomes: ItemOutcome[] = [];
    const fetcher = new PoliteFetcher({ delayMs: 0, timeoutMs: 300 });
    await ingest([join(dir, 'local.rss'), 'ftp://127.0.0.1/x', `${base}/a`], { store, lexicon, fetcher, onItem: (o) => outcomes.push(o) });
    assert.deepEqual(outcomes.map((o) => [o.input.replace(base, ''), o.status === 'problem' ? o.problem : o.status]), [
      ['/a', 'new'],
      ['/slow', 'no answer within 0.3 s'],
      ['/to-file', 'only http and https URLs are fetched, not file:'],
      ['ftp://127.0.0.1/x', 'only http and https URLs are fetched, not ftp:'],
      ['/a', 'unchanged'],
    ]);
    store.close();
  });
});
