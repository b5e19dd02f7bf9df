// The dashboard in a real browser: Debian's Chromium driven by playwright-core (never a browser
// download). The seed article goes in through the API; the reader must highlight its quotes in
// place, the events table must list its events, hostile article text must stay text, and every
// view must render without a script error or a Content-Security-Policy violation. Screenshots go
// to test-output/screenshots/ (and, with UPDATE_SCREENSHOTS=1, the reader's to docs/dashboard.png).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { start } from '../src/cli/start.js';
import type { Analysis } from '../src/model/analysis.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import type { SqliteStore } from '../src/store/sqlite.js';
import { lexicon, sharedFile } from './helpers.js';
import { tempDir } from './store-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = new URL('../test-output/screenshots/', import.meta.url).pathname;
const DOCS_SCREENSHOT = new URL('../docs/dashboard.png', import.meta.url).pathname;

/** Chromium is installed by .ci/run; without it the tests fail under CI and are skipped elsewhere. */
function chromiumPath(): string | null {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing, and CI is set: .ci/run installs Debian's chromium`);
  return null;
}

const browserPath = chromiumPath();
const seedPath = sharedFile('seed/article.txt');
const seedGold = sharedFile('seed/expected.json');

describe('dashboard in Chromium', { skip: browserPath === null ? `${CHROMIUM} is not installed` : false }, () => {
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** script errors and CSP violations the page reported */
  const problems: string[] = [];

  const post = async (path: string, body: unknown) => {
    const res = await fetch(new URL(path, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) assert.fail(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const getJson = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, server.url))).json()) as T;

  /** Opens a view and waits until it has rendered its data. */
  const open = async (hash: string, view: string) => {
    await page.goto(new URL(hash, server.url).href);
    await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 20_000 });
  };
  const shoot = async (name: string) => {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: false });
    return path;
  };

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ store } = await start({ db: join(tempDir('dashboard'), 'dashboard.db') }));
    server = await startServer({ store, lexicon, port: 0 });
    browser = await chromium.launch({ executablePath: browserPath!, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
  });

  it('the reader shows the seed article with its 9 quotes highlighted in place, each event trigger opening source → type → target', { skip: seedPath ? false : 'no ../shared/seed' }, async () => {
    const text = readFileSync(seedPath!, 'utf8');
    const { id } = await post('/api/articles', { text, published: '2023-03-17', title: 'Armenia accuses Aliyev of plotting ethnic cleansing (seed)', outlet: 'seed' });
    const { analysis } = await getJson<{ analysis: Analysis }>(`/api/articles/${encodeURIComponent(id)}`);
    await open(`/#/articles/${encodeURIComponent(id)}`, 'articles');

    const highlighted = await page.$$eval('.annotated-text .quote', (els) => els.map((el) => Number(el.getAttribute('data-quote'))));
    const quotes = [...new Set(highlighted)].sort((x, y) => x - y);
    assert.deepEqual(quotes, analysis.quotes.map((_, i) => i), 'every quote of the analysis is highlighted');
    const gold = (JSON.parse(readFileSync(seedGold!, 'utf8')) as { quotes: { start: number; end: number }[] }).quotes;
    assert.equal(gold.length, 9);
    // each gold quote is covered by highlighted text: the page's text offsets are the article's
    // no named functions inside: tsx would wrap them in a helper the page does not have
    const covered = await page.$eval('.annotated-text', (root) => {
      interface TextTree { nodeType: number; textContent: string | null; parentElement: TextTree | null; classList?: { contains(c: string): boolean }; childNodes: ArrayLike<TextTree> }
      const spans: [number, number][] = [];
      let at = 0;
      const stack: TextTree[] = [root as TextTree];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === 3) {
          if (node.parentElement?.classList?.contains('quote')) spans.push([at, at + node.textContent!.length]);
          at += node.textContent!.length;
        } else if (!node.classList?.contains('popover')) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
      }
      return { spans, length: at };
    });
    assert.equal(covered.length, text.length, 'the reader shows the whole text, unchanged');
    for (const q of gold) {
      const overlap = covered.spans.reduce((n, [s, e]) => n + Math.max(0, Math.min(e, q.end) - Math.max(s, q.start)), 0);
      assert.ok(overlap >= (q.end - q.start) / 2, `gold quote at ${q.start} is highlighted`);
    }
    const speakers = await page.$$eval('.annotated-text .quote', (els) => new Set(els.map((el) => /speaker-\d+/.exec(el.className)?.[0])).size);
    assert.ok(speakers >= 2, 'quotes are coloured by speaker');
    assert.ok(await page.locator('.annotated-text .actor').count() >= analysis.actors.length / 2);
    assert.ok(await page.locator('.annotated-text .reference').count() >= 1);
    assert.ok(await page.locator('.annotated-text .framing').count() >= 1);

    const triggers = await page.$$eval('.annotated-text .trigger', (els) => new Set(els.map((el) => el.getAttribute('data-trigger'))).size);
    assert.equal(triggers, analysis.events.length);
    await page.locator('.annotated-text .trigger').first().click();
    const popover = page.locator('.annotated-text .popover');
    await popover.waitFor({ state: 'visible' });
    const e = analysis.events[Number(await popover.getAttribute('data-event'))];
    const line = await popover.locator('.event-line').textContent();
    assert.match(line!, new RegExp(`${e.type}`));
    assert.match(line!, /→.*→/);
    assert.match((await popover.textContent())!, new RegExp(e.date ?? 'not known'));
    const path = await shoot('reader');
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(path, DOCS_SCREENSHOT);
  });

  it('the events table lists the seed article’s events; a row opens on its evidence sentence and links to the article', { skip: seedPath ? false : 'no ../shared/seed' }, async () => {
    const { items } = await getJson<{ items: { id: string; title: string }[] }>('/api/articles?search=Zangezur');
    const id = items[0].id;
    const events = await getJson<{ total: number; items: { event: { type: string } }[] }>(`/api/events?article=${encodeURIComponent(id)}&limit=100`);
    assert.ok(events.total > 0);
    await open(`/#/events?article=${encodeURIComponent(id)}&sort=date-asc`, 'events');
    const rows = page.locator('table.events tr.event-row');
    assert.equal(await rows.count(), events.total);
    assert.deepEqual((await rows.locator('td:nth-child(2) .type').allTextContents()).sort(), events.items.map((e) => e.event.type).sort());
    await rows.first().click();
    const detail = page.locator('table.events tr.detail').first();
    await detail.waitFor({ state: 'visible' });
    assert.ok((await detail.locator('.evidence mark').textContent())!.length > 0, 'the trigger is marked in its sentence');
    assert.equal(await detail.locator(`a.open[href^="#/articles/${encodeURIComponent(id)}"]`).count(), 1);
    const exportHref = await page.locator('.toolbar a.button').getAttribute('href');
    const exportUrl = new URL(exportHref!, server.url);
    assert.deepEqual([exportUrl.pathname, exportUrl.searchParams.get('article'), exportUrl.searchParams.get('format')], ['/api/export', id, 'csv']);
    const csv = await (await fetch(exportUrl)).text();
    assert.equal(csv.trim().split('\r\n').length - 1, events.total, 'the export holds exactly the filtered events');
    await shoot('events');
  });

  it('renders article text as text: a <script> and an <img onerror> in an article run nothing', async () => {
    const hostile = 'Armenia accused Azerbaijan on Monday. <script>window.__xss = "script"</script> The ministry said <img src=x onerror="window.__xss = \'img\'"> it would respond.\n\n'
      + '“We reject <b onmouseover="window.__xss = 1">this</b>,” Pashinyan said.';
    const { id } = await post('/api/articles', { text: hostile, published: '2023-03-20', title: '<img src=x onerror="window.__xss = \'title\'">' });
    await open(`/#/articles/${encodeURIComponent(id)}`, 'articles');
    assert.equal(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss), undefined);
    assert.equal(await page.locator('.annotated-text script, .annotated-text img, .annotated-text b, .article-list img, .article-head img').count(), 0);
    assert.equal(await page.locator('.annotated-text').evaluate((el) => el.textContent!.replace(/×[\s\S]*$/, '')), hostile);
    assert.ok((await page.locator('.article-head h2').textContent())!.includes('<img src=x'));
    await page.locator('#nav a[href="#/analyze"]').click();
    await page.waitForSelector('body[data-ready="analyze"]');
    await page.fill('textarea[name=text]', hostile);
    await page.click('.analyze-form button[type=submit]');
    await page.waitForSelector('.reader-pane .annotated-text');
    assert.equal(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss), undefined);
    assert.equal(await page.locator('.reader-pane .annotated-text img').count(), 0);
    const csp = (await fetch(server.url)).headers.get('content-security-policy');
    assert.match(csp!, /script-src 'self'/);
    assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval/);
  });

  it('Analyze codes pasted text with a publication date and stores nothing', { skip: seedPath ? false : 'no ../shared/seed' }, async () => {
    const before = await getJson<{ articles: number }>('/api/stats');
    await open('/#/analyze', 'analyze');
    await page.fill('textarea[name=text]', readFileSync(seedPath!, 'utf8'));
    await page.fill('input[name=published]', '2023-03-17');
    await page.click('.analyze-form button[type=submit]');
    await page.waitForSelector('.reader-pane .annotated-text');
    const quotes = await page.$$eval('.reader-pane .annotated-text .quote', (els) => new Set(els.map((el) => el.getAttribute('data-quote'))).size);
    assert.equal(quotes, 9);
    assert.match((await page.locator('.reader-side').textContent())!, /2023-03-16/, '“on Thursday” resolves against the date given');
    assert.equal((await getJson<{ articles: number }>('/api/stats')).articles, before.articles);
    await shoot('analyze');
  });

  it('draws the dyad timeline, the actor network, the map and the quotes and agreements', async () => {
    await open('/#/dyads?a=ARM&b=AZE&interval=month', 'dyads');
    assert.ok(await page.locator('svg.chart rect.bar').count() > 0, 'bars for ARM and AZE');
    assert.ok(await page.locator('svg.chart .intensity-dot').count() > 0);
    await shoot('dyads');

    await open('/#/network', 'network');
    const nodes = page.locator('svg.network .node');
    assert.ok(await nodes.count() >= 3);
    assert.ok(await page.locator('svg.network path.edge').count() >= 2);
    await nodes.first().click();
    await page.waitForSelector('.picked .picked-events li');
    await shoot('network');

    await open('/#/map', 'map');
    assert.ok(await page.locator('svg.map path.country').count() > 150, 'country shapes from world-atlas');
    assert.ok(await page.locator('svg.map circle.place-dot').count() >= 1);
    await shoot('map');

    await open('/#/quotes?speaker=Aliyev', 'quotes');
    assert.ok(await page.locator('.quote-list li').count() >= 2);
    assert.match((await page.locator('.quote-list').textContent())!, /Aliyev/);
    assert.ok(await page.locator('table.agreements svg.sparkline rect.citation-bar').count() >= 1);
    await shoot('quotes');

    assert.deepEqual(problems, [], 'no script error, refused resource or CSP violation on any page');
  });
});
