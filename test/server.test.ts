// The HTTP API over a store of hand-made analyses (store-fixtures), plus one article coded for real:
// every endpoint, the validation that answers 400 with what is wrong, the limits, the headers,
// and that a failure never shows the client a stack trace.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Analysis as AnalysisSchema } from '../src/model/analysis.js';
import { ROUTES } from '../src/server/api.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { lexicon } from './helpers.js';
import { ARM, AZE, PASHINYAN, RUS, UKR, makeArticle, tempDir } from './store-fixtures.js';

interface ErrorBody {
  error: { status: number; message: string; issues?: { path: string; message: string }[] };
}

const dir = tempDir('server');

describe('HTTP API', () => {
  let store: SqliteStore;
  let server: RunningServer;
  const url = (path: string) => new URL(path, server.url).href;
  const get = async <T = unknown>(path: string) => {
    const res = await fetch(url(path));
    return { status: res.status, headers: res.headers, body: (await res.json()) as T };
  };
  const post = async <T = unknown>(path: string, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => {
    const res = await fetch(url(path), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  };

  before(async () => {
    store = new SqliteStore(join(dir, 'api.db'));
    const corpus = [
      makeArticle({ outlet: 'armenpress.am', published: '2023-03-16', title: 'Yerevan accuses Baku', events: [{ type: 'ACCUSE', source: ARM, target: AZE, date: '2023-03-16', intensity: -4 }], speaker: PASHINYAN, agreement: true }),
      makeArticle({ outlet: 'apa.az', published: '2023-03-20', title: 'Baku rejects', events: [{ type: 'REJECT', source: AZE, target: ARM, date: '2023-03-20', quoted: true }], agreement: true }),
      makeArticle({ outlet: 'tass.ru', published: '2023-04-02', title: 'Talks', events: [{ type: 'CONSULT', source: RUS, target: ARM, date: '2023-04-02', intensity: 1 }, { type: 'ASSAULT', source: RUS, target: UKR, date: '2023-04-01', negated: true }] }),
    ];
    for (const a of corpus) store.putAnalysis(a.article, a.analysis);
    server = await startServer({ store, lexicon, port: 0, maxBodyBytes: 64 * 1024 });
  });

  after(async () => {
    await server.close();
    store.close();
  });

  it('binds to 127.0.0.1 and sends a strict Content-Security-Policy and no-sniff on every response', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const path of ['/', '/app.js', '/api/events', '/api/nothing']) {
      const res = await fetch(url(path));
      assert.match(res.headers.get('content-security-policy')!, /default-src 'none'; script-src 'self'/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
    const page = await fetch(url('/'));
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(await page.text(), /<script type="module" src="\/app.js">/);
    const script = await fetch(url('/app.js'));
    assert.match(script.headers.get('content-type')!, /javascript/);
    assert.doesNotMatch(await script.text(), /innerHTML|insertAdjacentHTML|outerHTML|document\.write/, 'the dashboard never parses strings as markup');
    const atlas = await get<{ type: string }>('/countries-110m.json');
    assert.equal(atlas.body.type, 'Topology');
  });

  it('lists events with filters, pages and sorting; articles with and without their analysis', async () => {
    const all = await get<{ total: number; items: { event: { type: string } }[] }>('/api/events?sort=date-desc&limit=2');
    assert.equal(all.body.total, 4);
    assert.deepEqual(all.body.items.map((e) => e.event.type), ['CONSULT', 'ASSAULT']);
    const page2 = await get<{ items: { event: { type: string } }[] }>('/api/events?sort=date-desc&limit=2&offset=2');
    assert.deepEqual(page2.body.items.map((e) => e.event.type), ['REJECT', 'ACCUSE']);
    const filtered = await get<{ total: number; items: { event: { type: string } }[] }>('/api/events?country=arm&type=accuse,reject&quad=verbal-conflict&from=2023-03-01&to=2023-03-31&quoted=false');
    assert.deepEqual(filtered.body.items.map((e) => e.event.type), ['ACCUSE']);
    assert.equal((await get<{ total: number }>('/api/events?outlet=tass.ru&negated=false')).body.total, 1);
    const articles = await get<{ total: number; items: { id: string; title: string }[] }>('/api/articles?search=rejects');
    assert.deepEqual(articles.body.items.map((a) => a.title), ['Baku rejects']);
    const one = await get<{ text: string; analysis: unknown }>(`/api/articles/${encodeURIComponent(articles.body.items[0].id)}`);
    AnalysisSchema.parse(one.body.analysis);
    const missing = await get<ErrorBody>('/api/articles/sha256:none');
    assert.equal(missing.status, 404);
    const clusters = await get<{ total: number }>('/api/event-clusters?country=ARM');
    assert.equal(clusters.body.total, 3);
  });

  it('answers quotes by speaker, actors, dyads both ways, agreements over time, the network, places, countries, outlets and stats', async () => {
    const quotes = await get<{ total: number; items: { quote: { speaker: { actor: { id: string } } } }[] }>('/api/quotes?speaker=pashinyan');
    assert.deepEqual(quotes.body.items.map((q) => q.quote.speaker.actor.id), ['nikol-pashinyan']);
    const actors = await get<{ items: { actor: { id: string } }[] }>('/api/actors?country=ARM');
    assert.ok(actors.body.items.some((a) => a.actor.id === 'ARM'));
    const dyads = await get<{ periods: { period: string; a_to_b: number; b_to_a: number; a_to_b_intensity: number }[] }>('/api/dyads?a=ARM&b=AZE&interval=month');
    assert.deepEqual(dyads.body.periods.map((p) => [p.period, p.a_to_b, p.b_to_a, p.a_to_b_intensity]), [['2023-03', 1, 1, -4]]);
    const weeks = await get<{ periods: { period: string }[] }>('/api/dyads?a=ARM&b=AZE&interval=week');
    assert.deepEqual(weeks.body.periods.map((p) => p.period), ['2023-W11', '2023-W12']);
    const agreements = await get<{ items: { agreement: { id: string }; citations: number; timeline: { period: string; citations: number }[] }[] }>('/api/agreements');
    assert.deepEqual(agreements.body.items.map((a) => [a.agreement.id, a.citations, a.timeline]), [['karabakh-ceasefire-2020', 2, [{ period: '2023-03', citations: 2, articles: 2 }]]]);
    const network = await get<{ edges: { source: { id: string }; target: { id: string }; events: number }[] }>('/api/network');
    assert.equal(network.body.edges.length, 3);
    assert.deepEqual((await get<{ items: unknown[] }>('/api/locations')).body.items, []);
    const countries = await get<{ items: { country: string; name: string; numeric: string }[] }>('/api/countries');
    assert.deepEqual(countries.body.items.find((c) => c.country === 'ARM'), { country: 'ARM', mentions: 2, name: 'Armenia', numeric: '051' });
    assert.deepEqual((await get<{ items: { outlet: string }[] }>('/api/outlets')).body.items.map((o) => o.outlet), ['apa.az', 'armenpress.am', 'tass.ru']);
    assert.equal((await get<{ articles: number }>('/api/stats')).body.articles, 3);
  });

  it('exports exactly the filtered events in each format, as a download', async () => {
    const csv = await fetch(url('/api/export?format=csv&country=ARM'));
    assert.match(csv.headers.get('content-type')!, /^text\/csv/);
    assert.match(csv.headers.get('content-disposition')!, /attachment; filename="events.csv"/);
    assert.equal((await csv.text()).trim().split('\r\n').length, 1 + 3);
    const jsonl = await (await fetch(url('/api/export?format=plover-jsonl&type=ACCUSE'))).text();
    assert.deepEqual(jsonl.trim().split('\n').map((l) => (JSON.parse(l) as { event: string[] }).event), [['ACCUSE']]);
    const parquet = Buffer.from(await (await fetch(url('/api/export?format=parquet'))).arrayBuffer());
    assert.equal(parquet.subarray(0, 4).toString(), 'PAR1');
    const tsv = await (await fetch(url('/api/export?format=gdelt-tsv'))).text();
    assert.equal(tsv.trim().split('\n').length, 3, 'GDELT rows are clusters, negated ones left out');
  });

  it('analyses without storing, and ingests idempotently', async () => {
    const text = 'Armenia accused Azerbaijan on Thursday of shelling border villages. “We will respond,” Prime Minister Nikol Pashinyan said.';
    const analysed = await post<unknown>('/api/analyze', { text, published: '2023-03-17' });
    assert.equal(analysed.status, 200);
    const analysis = AnalysisSchema.parse(analysed.body);
    assert.ok(analysis.events.length >= 1);
    assert.equal((await get<{ articles: number }>('/api/stats')).body.articles, 3, 'analyze stores nothing');
    const first = await post<{ id: string; status: string; events: number }>('/api/articles', { text, published: '2023-03-17', outlet: 'example.org' });
    assert.deepEqual([first.status, first.body.status, first.body.events], [201, 'new', analysis.events.length]);
    const again = await post<{ id: string; status: string }>('/api/articles', { text, published: '2023-03-17', outlet: 'example.org' });
    assert.deepEqual([again.status, again.body.status, again.body.id], [200, 'unchanged', first.body.id]);
    assert.equal((await get<{ outlet: string }>(`/api/articles/${encodeURIComponent(first.body.id)}`)).body.outlet, 'example.org');
  });

  it('answers a bad request with 400 naming each bad field, never a stack trace', async () => {
    const bad = await get<ErrorBody>('/api/events?from=2023-02-30&limit=0&type=ACCUSE,WAVE&colour=red');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.issues!.map((i) => i.path).sort(), ['from', 'limit', 'query', 'type']);
    assert.match(bad.body.error.message, /from: not a calendar date/);
    assert.match(bad.body.error.message, /WAVE is not a PLOVER event type/);
    assert.match(bad.body.error.message, /Unrecognized key: "colour"/);
    assert.equal((await get<ErrorBody>('/api/events?country=ARMENIA')).status, 400);
    assert.equal((await get<ErrorBody>('/api/events?quad=5')).status, 400);
    assert.equal((await get<ErrorBody>('/api/events?limit=10&limit=20')).body.error.message, 'invalid query: limit: given more than once (list values with commas)');
    assert.equal((await get<ErrorBody>('/api/dyads?a=ARM')).status, 400);
    assert.equal((await get<ErrorBody>('/api/export?format=xlsx')).status, 400);
    const blank = await post<ErrorBody>('/api/analyze', { text: ' \n ' });
    assert.deepEqual([blank.status, blank.body.error.issues?.[0].path], [400, 'text']);
    assert.equal((await post<ErrorBody>('/api/analyze', { text: 'x', published: '17 March' })).status, 400);
    assert.equal((await post<ErrorBody>('/api/analyze', { text: 'x', extra: 1 })).status, 400);
    assert.equal((await post<ErrorBody>('/api/analyze', '{"text": ')).body.error.status, 400);
    assert.equal((await post<ErrorBody>('/api/analyze', { text: 'x' }, { 'Content-Type': 'text/plain' })).status, 415);
    const huge = await post<ErrorBody>('/api/analyze', { text: 'x'.repeat(70 * 1024) });
    assert.deepEqual([huge.status, huge.body.error.message], [413, 'the body is larger than the limit of 65536 bytes']);
    const wrongMethod = await fetch(url('/api/events'), { method: 'DELETE' });
    assert.deepEqual([wrongMethod.status, wrongMethod.headers.get('allow')], [405, 'GET']);
    assert.equal((await get<ErrorBody>('/api/nothing')).status, 404);
    assert.equal((await get<ErrorBody>('/no-such-page')).status, 404);
    // fetch will not send another Host header, node:http will
    const rebound = await new Promise<number>((resolve, reject) => {
      request(url('/api/stats'), { headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      }).on('error', reject).end();
    });
    assert.equal(rebound, 421, 'a loopback server answers only loopback host names (DNS rebinding)');
  });

  it('describes every route in its OpenAPI 3 document, with the parameters it validates', async () => {
    const doc = (await get<{ openapi: string; paths: Record<string, Record<string, { parameters: { name: string }[]; requestBody?: unknown }>> }>('/api/openapi.json')).body;
    assert.match(doc.openapi, /^3\./);
    for (const r of ROUTES) assert.ok(doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()], `${r.method} ${r.path}`);
    assert.deepEqual(doc.paths['/api/events'].get.parameters.map((p) => p.name).slice(0, 4), ['from', 'to', 'country', 'actor']);
    assert.ok(doc.paths['/api/analyze'].post.requestBody);
  });
});

describe('HTTP API failures', () => {
  it('a store that fails gives a 500 with a plain message; the stack trace goes to the server log only', async () => {
    const store = new SqliteStore(join(dir, 'failing.db'));
    const failing: Store = new Proxy(store, {
      get: (target, name, receiver) => (name === 'stats' ? () => {
        throw new Error('disk on fire at /secret/path');
      } : Reflect.get(target, name, receiver)),
    });
    const logged: unknown[] = [];
    const server = await startServer({ store: failing, lexicon, port: 0, onError: (e) => logged.push(e) });
    try {
      const res = await fetch(new URL('/api/stats', server.url));
      const text = await res.text();
      assert.equal(res.status, 500);
      assert.doesNotMatch(text, /secret|disk on fire|at .*\.ts/);
      assert.equal(logged.length, 1);
    } finally {
      await server.close();
      store.close();
    }
  });
});
