// The public library API.
export { analyze, articleId, InputError, CODER_VERSION, STAGES, type AnalyzeOptions } from './pipeline/analyze.js';
export { getLexicon, compileLexicon, type Lexicon } from './lexicon/compile.js';
export { loadDictionaries, DictionaryError, type DictionarySource } from './lexicon/load.js';
export * from './model/analysis.js';
