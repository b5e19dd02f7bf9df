// A synthetic store for load tests: articles whose analyses are generated (not coded), written
// through the Store interface, so that a database of any size can be built in seconds. The text
// is one sentence per event ("Armenia accused Azerbaijan.") and every span points into it, as the
// analysis contract requires. A fixed seed makes the same database every time.
import { QUAD_CLASSES, QUAD_OF } from '../src/model/quad.js';
import { SCHEMA_ID, type Actor, type Analysis, type Event, type Place, type PloverType } from '../src/model/analysis.js';
import { articleId } from '../src/pipeline/analyze.js';
import type { ArticleRecord, Store } from '../src/store/store.js';

const state = (country: string, name: string): Actor => ({ id: country, name, kind: 'state', country, sector: 'GOV', cameo: `${country}GOV`, wikidata: null });

/** The actors, most active first: the pick below favours the head of the list, as news does. */
export const SYNTHETIC_ACTORS: readonly Actor[] = [
  state('ARM', 'Armenia'), state('AZE', 'Azerbaijan'), state('RUS', 'Russia'), state('UKR', 'Ukraine'), state('TUR', 'Turkey'),
  state('USA', 'United States'), state('IRN', 'Iran'), state('ISR', 'Israel'), state('FRA', 'France'), state('DEU', 'Germany'),
  state('GEO', 'Georgia'), state('CHN', 'China'), state('GBR', 'United Kingdom'), state('QAT', 'Qatar'), state('EGY', 'Egypt'),
  { id: 'UNO', name: 'United Nations', kind: 'organization', country: null, sector: 'IGO', cameo: 'IGOUNO', wikidata: 'Q1065' },
  { id: 'EU', name: 'European Union', kind: 'organization', country: null, sector: 'IGO', cameo: 'IGOEEC', wikidata: 'Q458' },
  { id: 'nikol-pashinyan', name: 'Nikol Pashinyan', kind: 'person', country: 'ARM', sector: 'GOV', cameo: 'ARMGOV', wikidata: 'Q7062' },
  { id: 'ilham-aliyev', name: 'Ilham Aliyev', kind: 'person', country: 'AZE', sector: 'GOV', cameo: 'AZEGOV', wikidata: 'Q7002' },
];

const place = (id: string, name: string, country: string, lat: number, lon: number): Place => ({ id, name, kind: 'city', country, lat, lon, contested: false, aliases: [] });
const PLACES: readonly Place[] = [
  place('yerevan', 'Yerevan', 'ARM', 40.18, 44.51), place('baku', 'Baku', 'AZE', 40.41, 49.87), place('moscow', 'Moscow', 'RUS', 55.76, 37.62),
  place('kyiv', 'Kyiv', 'UKR', 50.45, 30.52), place('ankara', 'Ankara', 'TUR', 39.93, 32.86), place('tehran', 'Tehran', 'IRN', 35.69, 51.39),
  place('jerusalem', 'Jerusalem', 'ISR', 31.77, 35.21), place('tbilisi', 'Tbilisi', 'GEO', 41.72, 44.79), place('geneva', 'Geneva', 'CHE', 46.2, 6.14),
];

const OUTLETS = ['apnews.example', 'reuters.example', 'tass.example', 'armenpress.example', 'apa.example', 'aljazeera.example', 'bbc.example', 'xinhua.example'];
const TYPES = Object.values(QUAD_CLASSES).flatMap((q) => [...q.types]) as PloverType[];
const INTENSITY: Record<number, number> = { 1: 3, 2: 6, 3: -3, 4: -8 };

/** mulberry32: a small seeded generator, so that every run builds the same database */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  articles: number;
  /** number of the first article, so that a store can be filled in several calls */
  offset?: number;
  eventsPerArticle: number;
  /** first publication day; articles spread over `days` days from there */
  firstDay?: string;
  days?: number;
  seed?: number;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One synthetic article and its analysis; `k` numbers the article. */
export function syntheticArticle(k: number, options: SyntheticOptions): { article: ArticleRecord; analysis: Analysis } {
  const next = random((options.seed ?? 1) * 1_000_003 + k);
  const pickActor = () => SYNTHETIC_ACTORS[Math.floor(SYNTHETIC_ACTORS.length * next() ** 2)];
  const firstDay = Date.parse(`${options.firstDay ?? '2021-01-01'}T00:00:00Z`);
  const publishedMs = firstDay + Math.floor(next() * (options.days ?? 4 * 365)) * DAY_MS;
  const published = isoDay(publishedMs);
  const outlet = OUTLETS[k % OUTLETS.length];

  const sentences: string[] = [];
  const events: Event[] = [];
  const actors: Analysis['actors'] = [];
  let at = 0;
  const starts: number[] = [];
  const addSentence = (s: string) => {
    starts.push(at);
    sentences.push(s);
    at += s.length + 1;
  };
  for (let i = 0; i < options.eventsPerArticle; i++) {
    const source = pickActor();
    let target = pickActor();
    if (target.id === source.id) target = SYNTHETIC_ACTORS[(SYNTHETIC_ACTORS.indexOf(source) + 1) % SYNTHETIC_ACTORS.length];
    const type = TYPES[Math.floor(next() * TYPES.length)];
    const verb = `${type.toLowerCase()}ed`;
    const sentenceStart = at;
    addSentence(`${source.name} ${verb} ${target.name}.`);
    const span = (offset: number, text: string) => ({ start: sentenceStart + offset, end: sentenceStart + offset + text.length, text });
    const sourceMention = span(0, source.name);
    const targetMention = span(source.name.length + verb.length + 2, target.name);
    actors.push({ ...sourceMention, actor: source }, { ...targetMention, actor: target });
    const location = next() < 0.6 ? PLACES[Math.floor(next() * PLACES.length)] : null;
    events.push({
      id: `e${i + 1}`, sentence: i, trigger: span(source.name.length + 1, verb), type, mode: null, cameo: null,
      source, target, source_mention: sourceMention, target_mention: targetMention,
      date: isoDay(publishedMs - Math.floor(next() * 3) * DAY_MS), date_basis: 'text', location,
      negated: next() < 0.02, quoted: next() < 0.2, speaker: null,
      intensity: Math.max(-10, Math.min(10, INTENSITY[QUAD_OF[type]] + Math.round((next() - 0.5) * 40) / 10)), confidence: 0.8,
    });
  }
  const speaker = pickActor();
  const quoteText = '“We will not give in,”';
  const quoteStart = at;
  addSentence(`${quoteText} ${speaker.name} said.`);
  const speakerSpan = { start: quoteStart + quoteText.length + 1, end: quoteStart + quoteText.length + 1 + speaker.name.length, text: speaker.name };
  actors.push({ ...speakerSpan, actor: speaker });

  const text = sentences.join(' ');
  const url = `https://${outlet}/${k}`;
  const id = articleId(text, url);
  const analysis: Analysis = {
    schema: SCHEMA_ID,
    coder: { version: 'synthetic', dictionaries: 'synthetic' },
    article: { id, url, title: `Synthetic article ${k}`, outlet, published, language: 'en' },
    sentences: sentences.map((s, i) => ({ start: starts[i], end: starts[i] + s.length })),
    actors,
    quotes: [{ start: quoteStart, end: quoteStart + quoteText.length, text: quoteText, direct: true, partial: false, cue: null, speaker: { ...speakerSpan, actor: speaker } }],
    events,
    references: [],
    places: [],
    framing: [],
    dates: [],
  };
  return { article: { id, text, url, title: analysis.article.title, outlet, published, source: 'synthetic' }, analysis };
}

/** Writes `articles` synthetic articles through the Store; returns the number of events written. */
export function fillStore(store: Store, options: SyntheticOptions): number {
  let events = 0;
  const first = options.offset ?? 0;
  for (let k = first; k < first + options.articles; k++) {
    const { article, analysis } = syntheticArticle(k, options);
    events += store.putAnalysis(article, analysis).events;
  }
  return events;
}
