// Ingest: inputs to stored analyses, one article per transaction, and recode: stored articles
// whose analysis is by another coder version or dictionary hash, analysed again.
import type { Lexicon } from '../lexicon/compile.js';
import { analyze, articleId, CODER_VERSION, InputError } from '../pipeline/analyze.js';
import type { PutResult, Store } from '../store/store.js';
import { expandInputs, readSource, type ArticleInput, type SourceOptions } from './sources.js';

export interface IngestSummary {
  /** articles read, whether new or already stored */
  articles: number;
  new: number;
  recoded: number;
  unchanged: number;
  /** events and quotes of the articles analysed in this run */
  events: number;
  quotes: number;
  errors: number;
}

export type ItemOutcome =
  | { input: string; status: PutResult['status']; events: number; quotes: number }
  | { input: string; status: 'problem'; problem: string };

export interface IngestOptions extends SourceOptions {
  store: Store;
  lexicon: Lexicon;
  onItem?: (outcome: ItemOutcome, summary: IngestSummary) => void;
  /** called when an input (a file, a URL) is done, with the count of inputs */
  onInput?: (done: number, total: number) => void;
}

export const emptySummary = (): IngestSummary => ({ articles: 0, new: 0, recoded: 0, unchanged: 0, events: 0, quotes: 0, errors: 0 });

/** Analyses and stores one article, unless it is stored already with the current coder and dictionaries. */
export function storeArticle(store: Store, lexicon: Lexicon, article: ArticleInput, source: string): PutResult {
  const id = articleId(article.text, article.url);
  if (store.hasAnalysis(id, CODER_VERSION, lexicon.hash)) return { status: 'unchanged', events: 0, quotes: 0 };
  const analysis = analyze(article.text, { ...article, id }, { lexicon });
  return store.putAnalysis({ id, ...article, source }, analysis);
}

function count(summary: IngestSummary, outcome: ItemOutcome): void {
  if (outcome.status === 'problem') {
    summary.errors++;
    return;
  }
  summary.articles++;
  summary[outcome.status]++;
  summary.events += outcome.events;
  summary.quotes += outcome.quotes;
}

export async function ingest(inputs: string[], options: IngestOptions): Promise<IngestSummary> {
  const summary = emptySummary();
  const files = expandInputs(inputs);
  options.onInput?.(0, files.length);
  for (const [n, input] of files.entries()) {
    for await (const item of readSource(input, options)) {
      let outcome: ItemOutcome;
      if ('problem' in item) outcome = { input: item.input, status: 'problem', problem: item.problem };
      else {
        try {
          outcome = { input: item.input, ...storeArticle(options.store, options.lexicon, item.article, item.input) };
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          outcome = { input: item.input, status: 'problem', problem: e.message };
        }
      }
      count(summary, outcome);
      options.onItem?.(outcome, summary);
    }
    options.onInput?.(n + 1, files.length);
  }
  return summary;
}

export interface RecodeOptions {
  store: Store;
  lexicon: Lexicon;
  onItem?: (outcome: ItemOutcome, summary: IngestSummary, done: number, total: number) => void;
}

export function recode({ store, lexicon, onItem }: RecodeOptions): IngestSummary {
  const summary = emptySummary();
  const stale = store.staleAnalyses(CODER_VERSION, lexicon.hash);
  for (const [n, id] of stale.entries()) {
    const article = store.getArticle(id);
    if (!article) continue;
    let outcome: ItemOutcome;
    try {
      const analysis = analyze(article.text, article, { lexicon });
      outcome = { input: article.source ?? id, ...store.putAnalysis(article, analysis) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      outcome = { input: article.source ?? id, status: 'problem', problem: e.message };
    }
    count(summary, outcome);
    onItem?.(outcome, summary, n + 1, stale.length);
  }
  return summary;
}
