// npm run eval: the seed and our own gold sets, scored by the contract's rules, with quote metrics
// and each stage's share of analysis time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze, getLexicon } from '../src/index.js';
import { finish, formatScores, loadGold, newScores, scoreArticle } from '../src/eval/score.js';
import { formatQuoteMetrics, newQuoteMetrics, scoreQuotes } from '../src/eval/quotes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sets: [string, string][] = [
  ['seed', `${root}../shared/seed/expected.json`],
  ['own quotes gold (test/gold/quotes.jsonl)', `${root}test/gold/quotes.jsonl`],
  ['held-out quotes gold, never tuned on (test/gold/quotes-heldout.jsonl)', `${root}test/gold/quotes-heldout.jsonl`],
  ['fifth held-out quotes gold, never tuned on (test/gold/quotes-heldout-5.jsonl)', `${root}test/gold/quotes-heldout-5.jsonl`],
  ['sixth held-out quotes gold, never tuned on (test/gold/quotes-heldout-6.jsonl)', `${root}test/gold/quotes-heldout-6.jsonl`],
  ['seventh held-out quotes gold, never tuned on (test/gold/quotes-heldout-7.jsonl)', `${root}test/gold/quotes-heldout-7.jsonl`],
  ['eighth held-out quotes gold, never tuned on (test/gold/quotes-heldout-8.jsonl)', `${root}test/gold/quotes-heldout-8.jsonl`],
  ['ninth held-out quotes gold, never tuned on (test/gold/quotes-heldout-9.jsonl)', `${root}test/gold/quotes-heldout-9.jsonl`],
  ['tenth held-out quotes gold, never tuned on (test/gold/quotes-heldout-10.jsonl)', `${root}test/gold/quotes-heldout-10.jsonl`],
  ['eleventh held-out quotes gold, never tuned on (test/gold/quotes-heldout-11.jsonl)', `${root}test/gold/quotes-heldout-11.jsonl`],
  // written blind; first score at f46ea97: detection F1 93.9%, direct speakers 69.1% (94/136), reported 76.9% (80/104)
  ['twelfth held-out quotes gold, never tuned on (test/gold/quotes-heldout-12.jsonl)', `${root}test/gold/quotes-heldout-12.jsonl`],
  // written as held-out sets, each scored once unseen (direct speakers 54.6%, 80.0%, 78.9%, 68.4%, 63.8%, 56.1%), then used for development
  ['second development set (test/gold/quotes-dev-2.jsonl)', `${root}test/gold/quotes-dev-2.jsonl`],
  ['third development set (test/gold/quotes-dev-3.jsonl)', `${root}test/gold/quotes-dev-3.jsonl`],
  ['fourth development set (test/gold/quotes-dev-4.jsonl)', `${root}test/gold/quotes-dev-4.jsonl`],
  ['fifth development set (test/gold/quotes-dev-5.jsonl)', `${root}test/gold/quotes-dev-5.jsonl`],
  ['sixth development set (test/gold/quotes-dev-6.jsonl)', `${root}test/gold/quotes-dev-6.jsonl`],
  ['seventh development set (test/gold/quotes-dev-7.jsonl)', `${root}test/gold/quotes-dev-7.jsonl`],
  // written for development (not scored unseen): private people, NGO and UN staff, unnamed officials, soldiers and rebels, opposition, business
  ['eighth development set (test/gold/quotes-dev-8.jsonl)', `${root}test/gold/quotes-dev-8.jsonl`],
  // written for development, scored once before any change it prompted (direct speakers 50.9%, 28/55; reported 62.5%, 20/32): pronouns after an apposition, descriptions taken up ("the worker said"), refugees, rebels', police and party officers
  ['ninth development set (test/gold/quotes-dev-9.jsonl)', `${root}test/gold/quotes-dev-9.jsonl`],
  // written for development, scored once before any change it prompted (direct speakers 63.3%, 50/79; reported 73.1%, 49/67; detection F1 94.8%): refugees and migrants abroad, owners and
  // business people described by a clause, opposition figures, police, rights groups and journalists, unnamed people taken up later
  ['tenth development set (test/gold/quotes-dev-10.jsonl)', `${root}test/gold/quotes-dev-10.jsonl`],
  // written for development, scored once before any change it prompted (direct speakers 76.1%, 54/71; reported 81.4%, 57/70; detection F1 98.3%): speakers no dictionary knows, placed
  // only by their description (foreign officials in another country's story, UN and NGO staff, refugees abroad, police
  // commanders, provincial officials, rebel spokesmen, de facto officials of a breakaway region)
  ['eleventh development set (test/gold/quotes-dev-11.jsonl)', `${root}test/gold/quotes-dev-11.jsonl`],
  // written for development, scored once before any change it prompted (direct speakers 68.1%, 64/94; reported 78.7%, 37/47; detection F1 94.6%; 1 scare
  // quote taken): speakers alternating with "he said"/"she said", roles taking up a name ("the envoy", "the 45-year-old"), groups ("they said"), quotes over
  // paragraphs, cues after the quote in every form, a colon after a verb that is not one of speech ("X was blunt: “…”"), a Q&A transcript, scare quotes
  ['twelfth development set (test/gold/quotes-dev-12.jsonl)', `${root}test/gold/quotes-dev-12.jsonl`],
  // written for development, scored once before any change it prompted (direct speakers 76.9%, 30/39; reported 75.6%, 34/45; detection F1 94.9%): two countries in conflict, speakers of
  // both sides no dictionary knows, placed only by a town, region, regional office or institution of one side
  ['thirteenth development set (test/gold/quotes-dev-13.jsonl)', `${root}test/gold/quotes-dev-13.jsonl`],
  // written for development, scored once before any change it prompted (direct speakers 73.5%, 50/68; reported 76.6%, 49/64; detection F1 98.1%): speakers whose person is easy but whose
  // sector is not: refugees, asylum seekers and returnees (REF), people displaced at home (CVL) and international NGOs' staff (no country), as the other sets code them; traders, owners, executives, bankers and bank
  // economists; doctors of MSF and the Red Cross, UN agency staff; ruling-party officials; police against army; journalists
  ['fourteenth development set (test/gold/quotes-dev-14.jsonl)', `${root}test/gold/quotes-dev-14.jsonl`],
  // written for development, scored once before any change it prompted (detection F1 93.6%, reported speech found
  // 88.4%, 76/86; direct speakers 100%, 12/12; reported 88.2%, 67/76; 1 "that"-clause after a noun taken): reported speech in every
  // form ("said on Monday that", "said" without "that", "according to X" before and after, "told reporters", warned/insisted/
  // denied/confirmed…, "says", "X, citing Y, said", "…, X said in a statement", two clauses joined by "and that", clauses
  // opened by a time or place adjunct), a few direct quotes, and "that"-clauses that are not speech ("the fact that", "a report that")
  ['fifteenth development set (test/gold/quotes-dev-15.jsonl)', `${root}test/gold/quotes-dev-15.jsonl`],
  // written for development, scored once before any change it prompted (direct speakers 53.9%, 48/89; reported 62.5%, 50/80; detection F1 99.4%; 59.6% and 67.5% once two shop owners and two traders were recoded CVL, as the other sets code small traders): speakers where two or three countries meet (border
  // clashes, refugees and deportees, foreign workers, cross-border trade, peacekeepers, a regional bureau's dateline on a neighbour), no dictionary knows
  // them, placed by apposition, title, an organisation with a country word, "who fled", a nationality adjective or "of X province"
  ['sixteenth development set (test/gold/quotes-dev-16.jsonl)', `${root}test/gold/quotes-dev-16.jsonl`],
  // written for development, scored once before any change it prompted (detection F1 89.3%, reported speech found 74.1%,
  // 80/108; direct speakers 78.8%, 78/99; reported 90.0%, 72/80; 7 scare quotes taken): long runs of alternating speakers, pronoun chains
  // across paragraphs, speakers introduced after their quote, quotes over paragraphs, a Q&A interview, "according to" before and after,
  // unnamed and collective speakers (the Kremlin, a ministry, diplomats, analysts, witnesses, residents, an official who asked not to
  // be named, "the envoy said"), quotes after a colon or inside parentheses, reported speech with and without "that"; scare quotes and names in marks
  ['seventeenth development set (test/gold/quotes-dev-17.jsonl)', `${root}test/gold/quotes-dev-17.jsonl`],
];
const lexicon = getLexicon();
const verbose = process.argv.includes('--misses');
for (const [name, path] of sets) {
  if (!existsSync(path)) {
    if (process.env.CI) throw new Error(`${path} is missing`);
    console.log(`\n## ${name}: not found at ${path}`);
    continue;
  }
  const scores = newScores();
  const quotes = newQuoteMetrics();
  const stageMs = new Map<string, number>();
  let total = 0;
  const items = loadGold(path);
  for (const item of items) {
    const t = performance.now();
    const a = analyze(item.text, { published: item.published }, { lexicon, onStage: (s, ms) => stageMs.set(s, (stageMs.get(s) ?? 0) + ms) });
    total += performance.now() - t;
    scoreArticle(item, a, scores);
    scoreQuotes(item, a, quotes);
  }
  console.log(`\n## ${name}: ${items.length} article(s)`);
  console.log(formatScores(finish(scores), verbose, Infinity));
  console.log(formatQuoteMetrics(quotes));
  console.log(`stage shares of analysis time: ${[...stageMs].map(([s, ms]) => `${s} ${((100 * ms) / total).toFixed(1)}%`).join(', ')}`);
}
