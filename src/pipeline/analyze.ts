// analyze(): one article in, the analysis contract out. The order of the stages is written here alone.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getLexicon, type Lexicon } from '../lexicon/compile.js';
import type { DictionarySource } from '../lexicon/load.js';
import { SCHEMA_ID, type Analysis, type ArticleMeta, type MetaInput } from '../model/analysis.js';
import { datesStage } from '../stages/dates.js';
import { eventsStage } from '../stages/events.js';
import { mentionsStage } from '../stages/mentions.js';
import { placesStage } from '../stages/places.js';
import { quotesStage } from '../stages/quotes.js';
import { referencesStage } from '../stages/references.js';
import { tokenize } from '../text/tokenize.js';
import type { Doc, Stage } from './doc.js';

export const CODER_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The stages, in order. Each reads earlier layers and adds its own. */
export const STAGES: readonly [string, Stage][] = [
  ['dates', datesStage],
  ['mentions', mentionsStage],
  ['places', placesStage],
  ['quotes', quotesStage],
  ['references', referencesStage],
  ['events', eventsStage],
];

export interface AnalyzeOptions {
  /** extra dictionary files (paths or texts), on top of data/ */
  dictionaries?: (string | DictionarySource)[];
  /** a compiled lexicon to reuse across calls (see getLexicon) */
  lexicon?: Lexicon;
  /** called with each stage's name and its time in milliseconds */
  onStage?: (name: string, ms: number) => void;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Text below U+0300 is already NFC: every such character is its own composition, and no combining mark follows. */
const MAYBE_NOT_NFC = /[\u0300-\uffff]/;

export function articleId(text: string, url: string | null): string {
  const nfc = MAYBE_NOT_NFC.test(text) ? text.normalize('NFC') : text;
  // every run of whitespace as one space (a lone space is one already, and left alone)
  const normalised = nfc.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return 'sha256:' + createHash('sha256').update(normalised).update('\0').update(url ?? '').digest('hex');
}

function checkMeta(meta: MetaInput): void {
  const p = meta.published;
  if (p !== undefined && p !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
    const d = m ? new Date(`${p}T00:00:00Z`) : null;
    if (!m || !d || Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) {
      throw new InputError(`published date "${p}" is not a date (expected YYYY-MM-DD)`);
    }
  }
}

export function newDoc(text: string, meta: MetaInput, lexicon: Lexicon): Doc {
  if (typeof text !== 'string') throw new InputError('text must be a string');
  if (!text.trim()) throw new InputError('the article text is empty');
  if (text.includes('\u0000')) throw new InputError('the article text contains NUL bytes: binary input?');
  checkMeta(meta);
  const articleMeta: ArticleMeta = {
    id: meta.id ?? articleId(text, meta.url ?? null),
    url: meta.url ?? null, title: meta.title ?? null, outlet: meta.outlet ?? null,
    published: meta.published ?? null, language: 'en',
  };
  const { tokens, sentences } = tokenize(text);
  return {
    text, meta: articleMeta, lexicon, tokens, sentences,
    mentions: [], dates: [], quotes: [], events: [], references: [], framing: [], places: [],
  };
}

export function analyze(text: string, meta: MetaInput = {}, options: AnalyzeOptions = {}): Analysis {
  const lexicon = options.lexicon ?? getLexicon(options.dictionaries ?? []);
  const doc = newDoc(text, meta, lexicon);
  for (const [name, stage] of STAGES) {
    const t0 = options.onStage ? performance.now() : 0;
    stage(doc);
    options.onStage?.(name, performance.now() - t0);
  }
  return toAnalysis(doc);
}

export function toAnalysis(doc: Doc): Analysis {
  return {
    schema: SCHEMA_ID,
    coder: { version: CODER_VERSION, dictionaries: doc.lexicon.hash },
    article: doc.meta,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    actors: doc.mentions.filter((m) => m.actor).map((m) => ({ start: m.start, end: m.end, text: m.text, actor: m.actor! })),
    quotes: doc.quotes.map(({ sentence: _s, sentences: _ss, ...q }) => q),
    events: doc.events,
    references: doc.references,
    places: doc.places,
    framing: doc.framing,
    dates: doc.dates.map(({ start, end, text, value }) => ({ start, end, text, value })),
  };
}
