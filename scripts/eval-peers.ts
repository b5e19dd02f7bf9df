// npm run eval:peers: event coding on the peer suites, with per-type confusion tables.
import { evalPetrarch, evalPlover, formatConfusion } from '../src/eval/peers.js';
import { getLexicon } from '../src/index.js';

const lexicon = getLexicon(process.argv.slice(2));
const plover = evalPlover(lexicon);
if (plover) {
  console.log(`\n## (a) PLOVER example sentences: ${plover.sentences}`);
  console.log(`type accuracy ${plover.accuracy.toFixed(3)} (${plover.found}/${plover.sentences}; goal 0.85)`);
  console.log(formatConfusion(plover.confusion));
} else console.log('plover/examples.jsonl not found');
const petrarch = evalPetrarch(lexicon);
if (petrarch) {
  console.log(`\n## (b) UniversalPetrarch AFP sentences: ${petrarch.sentences} (${petrarch.empty} without text left out)`);
  console.log(`(type, source country, target country): gold ${petrarch.gold} (${petrarch.excluded} CAMEO 01 records have no PLOVER type and are left out), predicted ${petrarch.predicted}, correct ${petrarch.tp}`);
  console.log(`precision ${petrarch.precision.toFixed(3)}  recall ${petrarch.recall.toFixed(3)}  F1 ${petrarch.f1.toFixed(3)} (goal 0.80)`);
  console.log(formatConfusion(petrarch.confusion));
} else console.log('universalpetrarch/validation.jsonl not found');
