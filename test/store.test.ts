import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analysis as AnalysisSchema } from '../src/model/analysis.js';
import { QUAD_CLASSES, QUAD_OF, parseQuadClass } from '../src/model/quad.js';
import { PLOVER_TYPES } from '../src/model/analysis.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { ARM, AZE, PASHINYAN, RUS, UKR, UN, dumpTables, makeArticle, tempDir, type ArticleSpec } from './store-fixtures.js';

const page = (limit = 100, offset = 0) => ({ limit, offset });
const dir = tempDir('store');
let n = 0;
const newStore = () => new SqliteStore(join(dir, `s${n++}.db`));

describe('quad classes', () => {
  it('group all sixteen PLOVER types, each once', () => {
    const grouped = Object.values(QUAD_CLASSES).flatMap((q) => [...q.types]);
    assert.deepEqual([...grouped].sort(), [...PLOVER_TYPES].sort());
    assert.equal(QUAD_OF.PROTEST, 3);
    assert.equal(QUAD_OF.SANCTION, 4);
    assert.equal(parseQuadClass('material-conflict'), 4);
    assert.equal(parseQuadClass('2'), 2);
    assert.equal(parseQuadClass('5'), null);
  });
});

describe('SqliteStore: schema', () => {
  it('creates the schema by migrations, in WAL mode, and reopens without reapplying them', () => {
    const path = join(dir, 'schema.db');
    const store = new SqliteStore(path);
    assert.equal(store.schemaVersion, MIGRATIONS.length);
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    store.close();
    const again = new SqliteStore(path);
    assert.deepEqual(again.db.prepare('SELECT version FROM migrations').pluck().all(), MIGRATIONS.map((m) => m.version));
    again.close();
  });

  it('the fixtures follow the contract', () => {
    const { analysis } = makeArticle({ events: [{ type: 'ACCUSE', source: ARM, target: AZE, date: '2023-03-16' }], speaker: PASHINYAN, agreement: true });
    AnalysisSchema.parse(analysis);
  });
});

describe('SqliteStore: putAnalysis', () => {
  it('is idempotent: the same analysis twice changes nothing', () => {
    const store = newStore();
    const { article, analysis } = makeArticle({ published: '2023-03-17', events: [{ type: 'ACCUSE', source: ARM, target: AZE, date: '2023-03-16' }], speaker: PASHINYAN });
    assert.equal(store.putAnalysis(article, analysis).status, 'new');
    const before = dumpTables(store.path);
    assert.deepEqual(store.putAnalysis(article, analysis), { status: 'unchanged', events: 1, quotes: 1 });
    assert.deepEqual(dumpTables(store.path), before);
    assert.equal(store.hasAnalysis(article.id, '0.1.0', 'test'), true);
    assert.equal(store.hasAnalysis(article.id, '0.1.0', 'other'), false);
    store.close();
  });

  it('keeps every layer with offsets, and the full analysis', () => {
    const store = newStore();
    const { article, analysis } = makeArticle({ published: '2023-03-17', events: [{ type: 'ACCUSE', source: ARM, target: AZE, date: '2023-03-16' }], speaker: PASHINYAN, agreement: true });
    store.putAnalysis(article, analysis);
    const stored = store.getArticle(article.id)!;
    assert.equal(stored.text, article.text);
    assert.deepEqual(stored.analysis, analysis);
    const [e] = store.queryEvents({}, page()).items;
    assert.equal(e.sentence.text, article.text.slice(e.sentence.start, e.sentence.end));
    assert.equal(article.text.slice(e.event.trigger.start, e.event.trigger.end), e.event.trigger.text);
    assert.deepEqual(e.coder, { version: '0.1.0', dictionaries: 'test' });
    const [q] = store.quotes({}, page()).items;
    assert.equal(article.text.slice(q.quote.start, q.quote.end), q.quote.text);
    assert.equal(store.getArticle('sha256:none'), null);
    const s = store.stats();
    assert.deepEqual([s.articles, s.analyses, s.events, s.clusters, s.quotes, s.references], [1, 1, 1, 1, 1, 1]);
    assert.ok(s.bytes > 0);
    store.close();
  });

  it('a new analysis of a stored article replaces the old rows', () => {
    const store = newStore();
    const first = makeArticle({ published: '2023-03-17', events: [{ type: 'ACCUSE', source: ARM, target: AZE, date: '2023-03-16' }] });
    store.putAnalysis(first.article, first.analysis);
    const recoded = structuredClone(first.analysis);
    recoded.coder.dictionaries = 'newer';
    recoded.events[0].type = 'THREATEN';
    assert.equal(store.putAnalysis(first.article, recoded).status, 'recoded');
    const events = store.queryEvents({}, page()).items;
    assert.deepEqual(events.map((e) => e.event.type), ['THREATEN']);
    assert.deepEqual(store.eventClusters({}, page()).items.map((c) => c.type), ['THREATEN']);
    assert.deepEqual(store.staleAnalyses('0.1.0', 'newer'), []);
    assert.deepEqual(store.staleAnalyses('0.1.0', 'test'), [first.article.id]);
    store.close();
  });
});

describe('SqliteStore: event clusters', () => {
  const report = (outlet: string, date: string, spec: Partial<ArticleSpec> = {}, salt = outlet + date) =>
    makeArticle({ outlet, published: date, url: `https://${outlet}/${date}/${salt}`, events: [{ type: 'ACCUSE', source: ARM, target: AZE, date }], ...spec }, salt);

  it('reports of one event across articles are one cluster with GDELT-style counts', () => {
    const store = newStore();
    for (const a of [report('a.am', '2023-03-16'), report('b.az', '2023-03-17'), report('b.az', '2023-03-17', {}, 'second'), report('c.ru', '2023-03-20')]) store.putAnalysis(a.article, a.analysis);
    // a different source is a different event
    const other = makeArticle({ outlet: 'a.am', published: '2023-03-16', events: [{ type: 'ACCUSE', source: RUS, target: AZE, date: '2023-03-16' }] });
    store.putAnalysis(other.article, other.analysis);
    const clusters = store.eventClusters({ actor: 'ARM' }, page()).items;
    assert.equal(clusters.length, 2);
    const [first, second] = clusters;
    assert.deepEqual([first.first_date, first.last_date, first.num_mentions, first.num_articles, first.num_sources], ['2023-03-16', '2023-03-17', 3, 3, 2]);
    assert.deepEqual([second.first_date, second.num_mentions, second.num_articles, second.num_sources], ['2023-03-20', 1, 1, 1]);
    assert.equal(first.source?.key, 'ARM/GOV');
    assert.equal(first.representative.article.outlet, 'a.am');
    // every mention leads back to its article and sentence
    const mentions = store.queryEvents({ cluster: first.id }, page()).items;
    assert.equal(mentions.length, 3);
    for (const m of mentions) assert.equal(store.getArticle(m.article.id)!.text.slice(m.sentence.start, m.sentence.end), m.sentence.text);
    store.close();
  });

  it('a person keys by country and sector, an organisation by its id; month dates cluster by month', () => {
    const store = newStore();
    const a = makeArticle({ outlet: 'x', events: [{ type: 'CONSULT', source: PASHINYAN, target: UN, date: '2023-05' }] });
    const b = makeArticle({ outlet: 'y', events: [{ type: 'CONSULT', source: ARM, target: UN, date: '2023-05' }] }, 'b');
    store.putAnalysis(a.article, a.analysis);
    store.putAnalysis(b.article, b.analysis);
    const [c] = store.eventClusters({}, page()).items;
    assert.deepEqual([c.source?.key, c.target?.key, c.first_date, c.num_articles], ['ARM/GOV', 'id:UNO', '2023-05', 2]);
    store.close();
  });

  it('do not depend on the order of ingestion, and stay right through recoding', () => {
    // a random corpus over few keys and days, so that windows chain and cascade
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const spec = (salt: number): ArticleSpec => ({
      outlet: pick(['a', 'b', 'c']),
      published: '2023-01-20',
      events: Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
        type: pick(['ACCUSE', 'ASSAULT'] as const), source: pick([ARM, AZE]), target: pick([AZE, RUS, null]),
        date: pick([`2023-01-0${1 + Math.floor(random() * 9)}`, `2023-01-1${Math.floor(random() * 10)}`, '2023-01', null]),
      })),
      url: `https://example.org/${salt}`,
    });
    const corpus = Array.from({ length: 80 }, (_, i) => makeArticle(spec(i), String(i)));
    const forward = newStore();
    for (const a of corpus) forward.putAnalysis(a.article, a.analysis);
    const shuffled = newStore();
    for (const a of [...corpus].sort(() => random() - 0.5)) shuffled.putAnalysis(a.article, a.analysis);
    const clusterRows = (s: SqliteStore) => dumpTables(s.path).clusters;
    const eventRows = (s: SqliteStore) => s.db.prepare('SELECT article_id, idx, cluster_id FROM events ORDER BY article_id, idx').all();
    assert.deepEqual(clusterRows(shuffled), clusterRows(forward));
    assert.deepEqual(eventRows(shuffled), eventRows(forward));

    // recode a third of the articles with other events: the clusters must equal those of a store built from the final state
    const final = corpus.map((a, i) => {
      if (i % 3) return a;
      const analysis = structuredClone(a.analysis);
      analysis.coder.dictionaries = 'newer';
      for (const e of analysis.events) e.date = e.date && e.date.length === 10 ? `2023-01-${String(Number(e.date.slice(8)) + 1).padStart(2, '0')}` : e.date;
      return { article: a.article, analysis };
    });
    for (const [i, a] of final.entries()) if (i % 3 === 0) assert.equal(forward.putAnalysis(a.article, a.analysis).status, 'recoded');
    const rebuilt = newStore();
    for (const a of final) rebuilt.putAnalysis(a.article, a.analysis);
    assert.deepEqual(clusterRows(forward), clusterRows(rebuilt));
    assert.deepEqual(eventRows(forward), eventRows(rebuilt));

    // every cluster spans at most two days, and its counts are those of its mentions
    for (const c of forward.eventClusters({}, page(1000)).items) {
      const mentions = forward.queryEvents({ cluster: c.id }, page(1000)).items;
      assert.equal(mentions.length, c.num_mentions);
      assert.equal(new Set(mentions.map((m) => m.article.id)).size, c.num_articles);
      const days = mentions.map((m) => m.event.date).filter((d) => d && d.length === 10).map((d) => Date.parse(d!) / 86_400_000);
      if (days.length) assert.ok(Math.max(...days) - Math.min(...days) <= 1, `${c.id} spans ${days}`);
    }
    for (const s of [forward, shuffled, rebuilt]) s.close();
  });
});

describe('SqliteStore: queries', () => {
  const store = newStore();
  const corpus = [
    makeArticle({ outlet: 'armenpress.am', published: '2023-03-16', title: 'Yerevan accuses Baku', events: [{ type: 'ACCUSE', source: ARM, target: AZE, date: '2023-03-16' }], speaker: PASHINYAN, agreement: true }),
    makeArticle({ outlet: 'apa.az', published: '2023-03-20', title: 'Baku rejects', events: [{ type: 'REJECT', source: AZE, target: ARM, date: '2023-03-20', quoted: true }], agreement: true }),
    makeArticle({ outlet: 'tass.ru', published: '2023-04-02', title: 'Talks', events: [{ type: 'CONSULT', source: RUS, target: ARM, date: '2023-04-02' }, { type: 'ASSAULT', source: RUS, target: UKR, date: '2023-04-01', negated: true }] }),
  ];
  for (const a of corpus) store.putAnalysis(a.article, a.analysis);

  it('queryEvents filters by date, country, actor, type, quad class, quoted, outlet; pages and sorts by date', () => {
    const types = (f: Parameters<typeof store.queryEvents>[0], sort?: 'date-asc' | 'date-desc') => store.queryEvents(f, page(), sort).items.map((e) => e.event.type);
    assert.deepEqual(types({}), ['ACCUSE', 'REJECT', 'ASSAULT', 'CONSULT']);
    assert.deepEqual(types({}, 'date-desc'), ['CONSULT', 'ASSAULT', 'REJECT', 'ACCUSE']);
    assert.deepEqual(types({ from: '2023-03-17', to: '2023-04-01' }), ['REJECT', 'ASSAULT']);
    assert.deepEqual(types({ country: 'ARM' }), ['ACCUSE', 'REJECT', 'CONSULT']);
    assert.deepEqual(types({ actor: 'UKR' }), ['ASSAULT']);
    assert.deepEqual(types({ type: ['REJECT', 'CONSULT'] }), ['REJECT', 'CONSULT']);
    assert.deepEqual(types({ quad: 3 }), ['ACCUSE', 'REJECT']);
    assert.deepEqual(types({ quoted: true }), ['REJECT']);
    assert.deepEqual(types({ negated: false, outlet: 'tass.ru' }), ['CONSULT']);
    const second = store.queryEvents({}, page(1, 1));
    assert.equal(second.total, 4);
    assert.deepEqual(second.items.map((e) => e.event.type), ['REJECT']);
    assert.deepEqual([...store.iterateEvents({ country: 'AZE' })].map((e) => e.event.type), ['ACCUSE', 'REJECT']);
  });

  it('sorts undated events of undated articles last both ways; date-desc reverses the tie-breaks too', () => {
    const s = newStore();
    const undated = makeArticle({ events: [{ type: 'AID', source: RUS, target: UKR, date: null }] });
    const sameDay = makeArticle({ published: '2023-05-01', events: [{ type: 'AGREE', source: ARM, target: AZE, date: '2023-05-01' }, { type: 'AID', source: ARM, target: AZE, date: '2023-05-01' }] });
    for (const a of [undated, sameDay]) s.putAnalysis(a.article, a.analysis);
    assert.deepEqual(s.queryEvents({}, page()).items.map((e) => e.event.type), ['AGREE', 'AID', 'AID']);
    assert.deepEqual(s.queryEvents({}, page(), 'date-desc').items.map((e) => [e.event.type, e.sort_date]), [['AID', '2023-05-01'], ['AGREE', '2023-05-01'], ['AID', null]]);
    assert.deepEqual(s.queryEvents({ country: 'ARM' }, page(1, 1), 'date-desc').items.map((e) => e.event.type), ['AGREE']);
    s.close();
  });

  it('counts a country on either side once, alone or with other filters, an event within one country included', () => {
    const s = newStore();
    const within = makeArticle({ published: '2023-05-02', events: [{ type: 'ACCUSE', source: PASHINYAN, target: ARM, date: '2023-05-02', quoted: true }, { type: 'ACCUSE', source: AZE, target: ARM, date: '2023-05-03' }] });
    s.putAnalysis(within.article, within.analysis);
    const total = (f: Parameters<typeof s.queryEvents>[0]) => {
      const { total, items } = s.queryEvents(f, page());
      assert.equal(total, items.length, JSON.stringify(f));
      return total;
    };
    assert.equal(total({ country: 'ARM' }), 2);
    assert.equal(total({ country: 'ARM', type: ['ACCUSE'], quoted: true }), 1);
    assert.equal(total({ country: 'AZE', quad: 3, from: '2023-05-03', to: '2023-05-03' }), 1);
    assert.equal(total({ country: 'ARM', actor: 'nikol-pashinyan' }), 1);
    assert.equal(total({ actor: 'ARM' }), 2);
    s.close();
  });

  it('lists and searches articles, quotes by speaker, actors, dyads and agreement citations', () => {
    assert.deepEqual(store.listArticles({}, page()).items.map((a) => a.outlet), ['tass.ru', 'apa.az', 'armenpress.am']);
    const found = store.listArticles({ search: 'rejected "Armenia' }, page());
    assert.deepEqual(found.items.map((a) => a.title), ['Baku rejects']);
    assert.equal(found.items[0].events, 1);
    assert.equal(store.listArticles({ search: '"' }, page()).total, 0);
    assert.deepEqual(store.quotes({ speaker: 'pashinyan' }, page()).items.map((q) => q.quote.speaker?.actor?.id), ['nikol-pashinyan']);
    assert.equal(store.quotes({ country: 'ARM' }, page()).total, 1);
    assert.equal(store.quotes({ speaker: '100%' }, page()).total, 0);
    const actors = store.actors({}, page()).items;
    const arm = actors.find((a) => a.actor.id === 'ARM')!;
    assert.deepEqual([arm.events_as_source, arm.events_as_target], [1, 2]);
    assert.deepEqual(store.actors({ search: 'nikol' }, page()).items.map((a) => a.actor.id), ['nikol-pashinyan']);
    assert.deepEqual(store.dyads('ARM', 'AZE', 'month'), [{
      period: '2023-03', a_to_b: 1, b_to_a: 1, by_quad: { 1: 0, 2: 0, 3: 2, 4: 0 }, mean_intensity: -2,
      a_to_b_by_quad: { 1: 0, 2: 0, 3: 1, 4: 0 }, b_to_a_by_quad: { 1: 0, 2: 0, 3: 1, 4: 0 }, a_to_b_intensity: -2, b_to_a_intensity: -2,
    }]);
    assert.deepEqual(store.dyads('nikol-pashinyan', 'AZE', 'month'), [], 'a side is an actor id or a country');
    const [armRus] = store.dyads('ARM', 'RUS', 'month');
    assert.deepEqual([armRus.period, armRus.a_to_b, armRus.b_to_a, armRus.a_to_b_intensity, armRus.b_to_a_by_quad[1]], ['2023-04', 0, 1, null, 1]);
    assert.deepEqual(store.dyads('ARM', 'AZE', 'week').map((p) => p.period), ['2023-W11', '2023-W12']);
    assert.deepEqual(store.dyads('RUS', 'UKR', 'month'), [], 'a negated event is no event');
    const [citation] = store.agreementCitations();
    assert.deepEqual([citation.agreement.id, citation.citations, citation.articles, citation.first_published], ['karabakh-ceasefire-2020', 2, 2, '2023-03-16']);
    assert.equal(store.agreementCitations({ outlet: 'apa.az' })[0].citations, 1);
  });

  it('gives the actor network, event locations, citations over time, outlets and countries', () => {
    const network = store.network({}, 10);
    assert.deepEqual(network.map((e) => [e.source.id, e.target.id, e.events, e.by_quad[3]]), [['ARM', 'AZE', 1, 1], ['AZE', 'ARM', 1, 1], ['RUS', 'ARM', 1, 0]]);
    assert.equal(network[0].source.name, 'Armenia');
    assert.equal(store.network({ negated: true }, 10)[0].target.id, 'UKR', 'negated events only when asked for');
    assert.deepEqual(store.network({ country: 'RUS' }, 1).map((e) => e.events), [1]);
    assert.deepEqual(store.eventLocations({}, 10), []);
    const located = makeArticle({ published: '2023-06-01', events: [{ type: 'CONSULT', source: ARM, target: RUS, date: '2023-06-01' }] });
    const yerevan = { id: 'yerevan', name: 'Yerevan', kind: 'city' as const, country: 'ARM', lat: 40.18, lon: 44.51, contested: false, aliases: [] };
    located.analysis.events[0].location = yerevan;
    const s = newStore();
    s.putAnalysis(located.article, located.analysis);
    assert.deepEqual(s.eventLocations({}, 10), [{ place: yerevan, events: 1, mean_intensity: -2, by_quad: { 1: 1, 2: 0, 3: 0, 4: 0 } }]);
    assert.deepEqual(s.eventLocations({ country: 'AZE' }, 10), []);
    s.close();
    assert.deepEqual(store.citationsOverTime('month'), [
      { agreement_id: 'karabakh-ceasefire-2020', period: '2023-03', citations: 2, articles: 2 },
    ]);
    assert.deepEqual(store.citationsOverTime('week').map((c) => c.period), ['2023-W11', '2023-W12']);
    assert.deepEqual(store.outlets().map((o) => o.outlet), ['apa.az', 'armenpress.am', 'tass.ru']);
    assert.deepEqual(store.countries().map((c) => [c.country, c.mentions]), [['ARM', 2], ['RUS', 2], ['AZE', 1]]);
  });

  it('clusters take the event filters and page', () => {
    const all = store.eventClusters({}, page());
    assert.equal(all.total, 4);
    assert.deepEqual(store.eventClusters({ quad: 4 }, page()).items.map((c) => [c.type, c.negated]), [['ASSAULT', true]]);
    assert.equal(store.eventClusters({ country: 'ARM' }, page(1, 0)).total, 3);
    assert.equal([...store.iterateClusters({ outlet: 'tass.ru' })].length, 2);
  });
});
