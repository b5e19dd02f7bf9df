import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finish, loadGold, scoreArticle } from '../src/eval/score.js';
import { eventCaseFailure, type EventCase } from '../src/eval/events.js';
import { iso, lexicon, loadCases, run, sharedFile } from './helpers.js';

describe('events: the seed', () => {
  const gold = sharedFile('seed/expected.json');
  it('finds the 3 required events, no false positive outside the acceptable list', { skip: gold ? false : 'no ../shared/seed' }, () => {
    const [item] = loadGold(gold!);
    const a = run(item.text, { published: item.published });
    const s = finish(scoreArticle(item, a)).events;
    assert.equal(s.f1, 1, [...s.misses, ...s.extras].join('\n'));
    const accuse = a.events.find((e) => e.trigger.text === 'accused');
    assert.equal(accuse?.date, '2023-03-16');
    assert.equal(accuse?.date_basis, 'text');
    assert.equal(a.events.find((e) => e.trigger.start === item.text.indexOf('accused Yerevan'))?.location?.name, 'Ankara');
  });
});

/** One case file: its size and coverage, and a floor at the level measured when it was written (npm run eval:events prints the failures). */
function caseSuite(name: string, floor: number, minNonEvents: number, minCases = 150, types = 16): void {
  describe(`events: test/cases/${name}.yaml`, () => {
    const cases = loadCases<EventCase>(name);
    const failures: string[] = [];
    for (const c of cases) {
      const why = eventCaseFailure(c, run(c.text, { published: iso(c.published) }));
      if (why) failures.push(`${c.text.slice(0, 100)}\n      ${why}`);
    }
    const rate = 1 - failures.length / cases.length;
    it(`holds at least ${minCases} sentences across ${types} PLOVER types, with at least ${minNonEvents} non-events`, () => {
      assert.ok(cases.length >= minCases);
      assert.equal(new Set(cases.flatMap((c) => (c.expect ?? []).map((e) => e.type))).size, types);
      assert.ok(cases.filter((c) => c.none).length >= minNonEvents);
    });
    it(`codes at least ${100 * floor}% of the sentences entirely right (now ${(100 * rate).toFixed(1)}%)`, () => {
      assert.ok(rate >= floor, failures.slice(0, 40).join('\n'));
    });
  });
}

// our own sentences, and the wire-style ones
caseSuite('events', 0.85, 20);
caseSuite('events-wire', 0.7, 10);
// written unseen (72.4% when first scored), then used for development
caseSuite('events-dev-2', 0.8, 10);
// written here for the conflictual types (72.6% when first scored, before any change it prompted), then used for development
caseSuite('events-dev-5', 0.9, 20);
// written for development (76.9% when first scored), weighted to the cooperative types
caseSuite('events-dev-6', 0.9, 20);
// written for development (74.6% when first scored), for lexical breadth: a different, less common verb or phrase in each sentence
caseSuite('events-dev-7', 0.9, 15);
// written for development (85.9% when first scored), for recall on RETREAT, MOBILIZE, COERCE, SANCTION, ASSAULT, CONCEDE, SUPPORT and REQUEST
caseSuite('events-dev-8', 0.9, 15);
// written for development (75.9% when first scored), for recall on COOPERATE, AGREE, AID and THREATEN only
caseSuite('events-dev-9', 0.85, 8, 100, 4);
// written for development (83.1% when first scored), for accuracy on RETREAT, MOBILIZE, COERCE, SANCTION, CONCEDE, SUPPORT and ASSAULT (and two promises, AGREE)
caseSuite('events-dev-10', 0.9, 20, 150, 8);
// written for development (87.6% when first scored), AFP wire copy for the UniversalPetrarch figure: CONSULT, REQUEST, ACCUSE and ASSAULT in long sentences
caseSuite('events-dev-11', 0.95, 15);
// written for development (37.7% when first scored), for recall: less common verbs and phrases, and actors hard to identify
caseSuite('events-dev-12', 0.85, 15);
// written for development (84.6% when first scored), for recall of frames: objects that are no named party, inserted phrases, nominalisations, coordinated verbs
caseSuite('events-dev-13', 0.85, 15);
// written for development (88.1% when first scored), AFP and modern wire copy on the weak peer types: CONSULT against AGREE, ACCUSE against ASSAULT, REQUEST, RETREAT, MOBILIZE, COERCE, SANCTION, CONCEDE, SUPPORT, AID, PROTEST
caseSuite('events-dev-14', 0.85, 15);

describe('events: every pattern with its own example (data/events/*.yaml)', () => {
  const patterns = [...new Set([...lexicon.eventPatterns.values()].flat().map((p) => p.source))].filter((p) => p.example);
  const misses = patterns.filter((p) => !run(p.example!, { published: '2024-05-01' }).events.some((e) => e.type === p.type))
    .map((p) => `${p.pattern} = ${p.type}: "${p.example}"`);
  const rate = 1 - misses.length / patterns.length;
  // most misses are subjects no dictionary knows ("Gunmen", "The junta"); a floor at the level measured when the test was written
  it(`codes at least 80% of the examples with their pattern's type (now ${(100 * rate).toFixed(1)}% of ${patterns.length})`, () => {
    assert.ok(patterns.length >= 1000);
    assert.ok(rate >= 0.8, misses.slice(0, 40).join('\n'));
  });
});

describe('events: every event noun with its own example (data/events/nouns.yaml)', () => {
  const patterns = [...new Set([...lexicon.eventNouns.values()].flat().map((p) => p.source))];
  it('gives each noun pattern an example, coded with its type', () => {
    assert.ok(patterns.length >= 60);
    assert.deepEqual(patterns.filter((p) => !p.example).map((p) => p.pattern), []);
    const misses = patterns.filter((p) => !run(p.example!, { published: '2024-05-01' }).events.some((e) => e.type === p.type))
      .map((p) => `${p.pattern} = ${p.type}: "${p.example}"`);
    assert.deepEqual(misses, []);
  });
  it('codes a noun only as the subject of its clause, and once with its verb', () => {
    const types = (text: string) => run(text, { published: '2024-05-01' }).events.map((e) => `${e.type} ${e.source?.country ?? '-'}→${e.target?.country ?? '-'}`);
    assert.deepEqual(types('Israeli strikes on Gaza killed 30 people on Tuesday.'), ['ASSAULT ISR→PSE']);
    assert.deepEqual(types('Germany condemned Russia’s invasion of Ukraine.'), ['ACCUSE DEU→RUS']);
    assert.deepEqual(types('The protest movement has lost momentum.'), []);
  });
  it('codes two parties as each other\'s target where they clash, not where together they strike a thing no dictionary names', () => {
    const types = (text: string) => run(text, { published: '1998-12-20' }).events.map((e) => `${e.type} ${e.source?.country ?? '-'}→${e.target?.country ?? '-'}`);
    assert.deepEqual(types('US and British warplanes attacked civilian targets in the south.'), ['ASSAULT USA→-', 'ASSAULT GBR→-']);
    assert.deepEqual(types('Indian and Pakistani troops clashed in Kashmir.'), ['ASSAULT IND→PAK', 'ASSAULT PAK→IND']);
  });
  it('codes a party asked not to do something as asked ("called on Israel not to expel Arafat")', () => {
    const types = (text: string) => run(text, { published: '2003-09-12' }).events.map((e) => `${e.type} ${e.source?.country ?? '-'}→${e.target?.country ?? '-'}`);
    assert.deepEqual(types('France called on Israel not to expel Arafat.'), ['REQUEST FRA→ISR']);
    assert.deepEqual(types('Russia asked the United States not to attack Iraq.'), ['REQUEST RUS→USA']);
  });
});

describe('events: dates', () => {
  it('dates an event by a date in its own clause, not by one in a later clause with its own verb', () => {
    const quit = run('Niger, Mali and Burkina Faso have quit the regional bloc Ecowas, in the biggest blow to the organisation since it was founded in 1975.', { published: '2025-01-29' }).events;
    assert.ok(quit.length > 0);
    for (const e of quit) assert.deepEqual([e.date, e.date_basis], ['2025-01-29', 'published']);
    const [attack] = run('Russia attacked Kyiv, the Ukrainian capital, on Monday, killing 12 people.', { published: '2024-01-31' }).events;
    assert.deepEqual([attack?.date, attack?.date_basis], ['2024-01-29', 'text']);
  });
  it('does not date an act by the start or end of a span ("until 2026", "since April 2023")', () => {
    const [refusal] = run('Peruvian President Dina Boluarte said she would not resign and would serve until 2026.', { published: '2023-06-16' }).events;
    assert.deepEqual([refusal?.type, refusal?.date, refusal?.date_basis], ['REJECT', '2023-06-16', 'published']);
    const [fighting] = run('The RSF, which has been fighting the army since April 2023, said on Tuesday it had captured a base.', { published: '2024-06-12' }).events.filter((e) => e.type === 'ASSAULT');
    assert.ok(fighting);
    assert.notEqual(fighting.date, '2023-04');
  });
});
