// npm run bench: analyze() throughput against bare wink-nlp tokenization of the same corpus, in one process.
import { analyze, getLexicon } from '../src/index.js';
import { bareTokenCount } from '../src/text/tokenize.js';
import { benchCorpus } from './corpus.js';

const { articles, unique } = benchCorpus(5000);
const sentences = articles.reduce((n, a) => n + a.sentences, 0);
const t0 = performance.now();
const lexicon = getLexicon();
const compileMs = performance.now() - t0;

interface Round {
  bareMs: number;
  fullMs: number;
  stageMs: Map<string, number>;
}

/**
 * One pass over the corpus, each article tokenized bare and analyzed in turn (in alternating order), so that a
 * machine busy with other work slows both alike and the ratio holds; the stage times come from the same calls.
 */
function round(r: number): Round {
  const out: Round = { bareMs: 0, fullMs: 0, stageMs: new Map() };
  const onStage = (s: string, ms: number): void => void out.stageMs.set(s, (out.stageMs.get(s) ?? 0) + ms);
  articles.forEach((a, n) => {
    for (const bare of (n + r) % 2 ? [true, false] : [false, true]) {
      const t = performance.now();
      if (bare) bareTokenCount(a.text);
      else analyze(a.text, { published: a.published }, { lexicon, onStage });
      if (bare) out.bareMs += performance.now() - t;
      else out.fullMs += performance.now() - t;
    }
  });
  return out;
}

round(0); // warm-up
const rounds = [1, 2, 3].map(round);
// the fastest round of analyze(), with the bare tokenization of the same round
const { bareMs, fullMs, stageMs } = rounds.reduce((a, b) => (b.fullMs < a.fullMs ? b : a));
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
