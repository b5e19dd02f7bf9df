// npm run bench: analyze() throughput against bare wink-nlp tokenization of the same corpus, in one process.
import { analyze, getLexicon } from '../src/index.js';
import { bareTokenCount } from '../src/text/tokenize.js';
import { benchCorpus } from './corpus.js';

const { articles, unique } = benchCorpus(5000);
const sentences = articles.reduce((n, a) => n + a.sentences, 0);
const t0 = performance.now();
const lexicon = getLexicon();
const compileMs = performance.now() - t0;

function time(fn: () => void, rounds = 3): number {
  fn(); // warm-up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const stageMs = new Map<string, number>();
const bareMs = time(() => articles.forEach((a) => bareTokenCount(a.text)));
const fullMs = time(() => articles.forEach((a) => analyze(a.text, { published: a.published }, { lexicon })));
articles.forEach((a) => analyze(a.text, { published: a.published }, { lexicon, onStage: (s, ms) => stageMs.set(s, (stageMs.get(s) ?? 0) + ms) }));
const stageTotal = [...stageMs.values()].reduce((x, y) => x + y, 0);

const rate = (ms: number): string => `${Math.round((sentences / ms) * 1000).toLocaleString('en')} sentences/s`;
console.log(`corpus: ${sentences} sentences in ${articles.length} articles (${unique} unique peer-suite sentences, cycled), one core`);
console.log(`lexicon compile: ${compileMs.toFixed(0)} ms (once per process)`);
console.log(`bare wink-nlp tokenization: ${rate(bareMs)}`);
console.log(`analyze() full pipeline:    ${rate(fullMs)}`);
console.log(`ratio analyze / bare tokenization: ${(bareMs / fullMs).toFixed(3)} (analyze takes ${(fullMs / bareMs).toFixed(2)}x the time)`);
console.log('stage shares of analyze() (text layer = the rest):');
const textMs = fullMs - stageTotal;
for (const [name, ms] of [['text (tokens, POS, sentences)', textMs] as const, ...stageMs]) console.log(`  ${name.padEnd(30)} ${((ms / fullMs) * 100).toFixed(1).padStart(5)}%`);
