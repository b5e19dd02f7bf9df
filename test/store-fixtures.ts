// Hand-made articles and analyses for the store and export tests: the events are given, not
// coded, so these tests do not depend on what the dictionaries find.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_ID, type Actor, type Analysis, type Event, type PloverType } from '../src/model/analysis.js';
import { articleId } from '../src/pipeline/analyze.js';
import type { ArticleRecord } from '../src/store/store.js';

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `demarche-${prefix}-`));

export const state = (country: string, name: string): Actor => ({ id: country, name, kind: 'state', country, sector: 'GOV', cameo: country, wikidata: null });
export const ARM = state('ARM', 'Armenia');
export const AZE = state('AZE', 'Azerbaijan');
export const RUS = state('RUS', 'Russia');
export const UKR = state('UKR', 'Ukraine');
export const UN: Actor = { id: 'UNO', name: 'United Nations', kind: 'organization', country: null, sector: 'IGO', cameo: 'IGOUNO', wikidata: 'Q1065' };
export const PASHINYAN: Actor = { id: 'nikol-pashinyan', name: 'Nikol Pashinyan', kind: 'person', country: 'ARM', sector: 'GOV', cameo: 'ARMGOV', wikidata: 'Q7062' };

export interface EventSpec {
  type: PloverType;
  source: Actor | null;
  target: Actor | null;
  date: string | null;
  negated?: boolean;
  quoted?: boolean;
  intensity?: number;
}

export interface ArticleSpec {
  url?: string | null;
  outlet?: string | null;
  published?: string | null;
  title?: string | null;
  events: EventSpec[];
  /** a quote by this speaker in the first sentence */
  speaker?: Actor;
  agreement?: boolean;
}

/** One sentence per event ("Armenia accused Azerbaijan."), then a quote sentence; the analysis follows the contract. */
export function makeArticle(spec: ArticleSpec, salt = ''): { article: ArticleRecord; analysis: Analysis } {
  const sentences: string[] = spec.events.map((e) => `${e.source?.name ?? 'Someone'} ${e.negated ? 'did not ' : ''}${e.type.toLowerCase()}ed ${e.target?.name ?? 'nobody'}${salt}.`);
  sentences.push(`“We will not give in,” ${spec.speaker?.name ?? 'an official'} said under the 2020 Trilateral Statement.`);
  const text = sentences.join(' ');
  const id = articleId(text, spec.url ?? null);
  const starts: number[] = [];
  let at = 0;
  for (const s of sentences) {
    starts.push(at);
    at += s.length + 1;
  }
  const span = (start: number, str: string) => ({ start, end: start + str.length, text: str });
  const events: Event[] = spec.events.map((e, i) => {
    const sentence = sentences[i];
    const word = sentence.split(' ')[0];
    return {
      id: `e${i + 1}`, sentence: i, trigger: span(starts[i], word), type: e.type, mode: null, cameo: '112',
      source: e.source, target: e.target,
      source_mention: e.source ? span(starts[i], word) : null, target_mention: null,
      date: e.date, date_basis: e.date ? 'text' : null, location: null,
      negated: e.negated ?? false, quoted: e.quoted ?? false, speaker: null, intensity: e.intensity ?? -2, confidence: 0.8,
    };
  });
  const q = sentences.length - 1;
  const quoteText = '“We will not give in,”';
  const speakerName = spec.speaker?.name ?? 'an official';
  const speakerAt = starts[q] + quoteText.length + 1;
  const refText = 'the 2020 Trilateral Statement';
  const refAt = starts[q] + sentences[q].indexOf(refText);
  const analysis: Analysis = {
    schema: SCHEMA_ID,
    coder: { version: '0.1.0', dictionaries: 'test' },
    article: { id, url: spec.url ?? null, title: spec.title ?? null, outlet: spec.outlet ?? null, published: spec.published ?? null, language: 'en' },
    sentences: sentences.map((s, i) => ({ start: starts[i], end: starts[i] + s.length })),
    actors: [
      ...spec.events.filter((e) => e.source).map((e) => ({ ...span(starts[spec.events.indexOf(e)], e.source!.name.split(' ')[0]), actor: e.source! })),
      ...(spec.speaker ? [{ ...span(speakerAt, speakerName), actor: spec.speaker }] : []),
    ],
    quotes: [{ ...span(starts[q], quoteText), direct: true, partial: false, cue: null, speaker: { ...span(speakerAt, speakerName), actor: spec.speaker ?? null } }],
    events,
    references: spec.agreement
      ? [{ ...span(refAt, refText), agreement: { id: 'karabakh-ceasefire-2020', name: 'Trilateral Statement', kind: 'statement', date: '2020-11-09', parties: ['ARM', 'AZE', 'RUS'] }, cited_date: '2020', cited_kind: 'statement' }]
      : [],
    places: [],
    framing: [],
    dates: [],
  };
  return {
    article: { id, text, url: spec.url ?? null, title: spec.title ?? null, outlet: spec.outlet ?? null, published: spec.published ?? null, source: `test:${id.slice(7, 15)}` },
    analysis,
  };
}

/** Every table of a database, rows sorted: two databases with equal dumps hold the same data. */
export function dumpTables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%' ORDER BY name").pluck().all() as string[]);
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][];
      out[t] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    db.close();
  }
}
