import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { finish, loadGold, newScores, scoreArticle } from '../src/eval/score.js';
import { newQuoteMetrics, scoreQuotes } from '../src/eval/quotes.js';
import { run, sharedFile } from './helpers.js';

describe('quotes: the seed', () => {
  const gold = sharedFile('seed/expected.json');
  it('finds all 9 quotes with their speakers and none of the scare quotes', { skip: gold ? false : 'no ../shared/seed' }, () => {
    const [item] = loadGold(gold!);
    const a = run(item.text, { published: item.published });
    const scores = finish(scoreArticle(item, a));
    assert.equal(scores.quote_spans.f1, 1, scores.quote_spans.misses.concat(scores.quote_spans.extras).join('\n'));
    assert.equal(scores.quotes_with_speaker.f1, 1, scores.quotes_with_speaker.misses.join('\n'));
    const m = scoreQuotes(item, a, newQuoteMetrics());
    assert.equal(m.scareQuotesEmitted, 0);
    const partial = a.quotes.find((q) => q.text.startsWith('to assess'));
    assert.equal(partial?.partial, true);
    assert.equal(partial?.speaker?.text, 'The statement');
  });
});

/** The contract's scores and the quote metrics of one gold file in test/gold/. */
function scoreGoldFile(file: string): { scores: ReturnType<typeof newScores>; m: ReturnType<typeof newQuoteMetrics> } {
  const scores = newScores();
  const m = newQuoteMetrics();
  for (const item of loadGold(fileURLToPath(new URL(`./gold/${file}`, import.meta.url)))) {
    const a = run(item.text, { published: item.published });
    scoreArticle(item, a, scores);
    scoreQuotes(item, a, m);
  }
  finish(scores);
  return { scores, m };
}

describe('quotes: our own gold set (test/gold/quotes.jsonl)', () => {
  const { scores, m } = scoreGoldFile('quotes.jsonl');

  it('holds at least 490 quotes in passages written here', () => {
    assert.ok(m.gold.direct + m.gold.reported >= 490);
  });
  // floors at the level measured when this test was written (see npm run eval): they catch regressions
  it('detects quotes with F1 ≥ 0.95', () => assert.ok(scores.quote_spans.f1 >= 0.95, `F1 ${scores.quote_spans.f1}`));
  it('names the speaker of ≥ 93% of the direct quotes it finds', () => {
    const accuracy = m.speakerRight.direct / m.found.direct;
    assert.ok(accuracy >= 0.93, `direct speaker accuracy ${accuracy.toFixed(3)}`);
  });
  it('names the speaker of ≥ 95% of the reported speech it finds', () => {
    const accuracy = m.speakerRight.reported / m.found.reported;
    assert.ok(accuracy >= 0.95, `reported speaker accuracy ${accuracy.toFixed(3)}`);
  });
  it('takes few scare quotes, names and titles for speech', () => assert.ok(m.scareQuotesEmitted <= 5, `${m.scareQuotesEmitted}`));
});

/** A development set: detection and speaker accuracy held at floors a little under the level reached (npm run eval prints the misses). */
function devSetSuite(file: string, about: string, floors: { f1: number; direct: number; reported: number; scareQuotes?: number }): void {
  describe(`quotes: ${about} (test/gold/${file})`, () => {
    const { scores, m } = scoreGoldFile(file);
    it(`detects quotes with F1 ≥ ${floors.f1}`, () => assert.ok(scores.quote_spans.f1 >= floors.f1, `F1 ${scores.quote_spans.f1}`));
    it(`names the speaker of ≥ ${100 * floors.direct}% of the direct quotes and of ≥ ${100 * floors.reported}% of the reported speech it finds`, () => {
      assert.ok(m.speakerRight.direct / m.found.direct >= floors.direct, `direct ${m.speakerRight.direct}/${m.found.direct}`);
      assert.ok(m.speakerRight.reported / m.found.reported >= floors.reported, `reported ${m.speakerRight.reported}/${m.found.reported}`);
    });
    if (floors.scareQuotes !== undefined) it(`takes at most ${floors.scareQuotes} of its scare quotes for speech`, () => assert.ok(m.scareQuotesEmitted <= floors.scareQuotes!, `${m.scareQuotesEmitted}`));
  });
}

// speakers placed only by their description; first scored: direct 76.1%, reported 81.4% (93.0% and 92.9% when the floors were set)
devSetSuite('quotes-dev-11.jsonl', 'the eleventh development set', { f1: 0.95, direct: 0.9, reported: 0.9 });
// pronouns, roles taking up a name, cues in every form; first scored: detection F1 94.6%, direct 68.1%, reported 78.7%, one scare
// quote taken (98.4%, 76.3%, 77.8% and none when the floors were set; the errors left are mostly actors' country or sector)
devSetSuite('quotes-dev-12.jsonl', 'the twelfth development set', { f1: 0.97, direct: 0.75, reported: 0.75, scareQuotes: 0 });
// two countries in conflict, speakers of both sides placed only by town, region or regional office; first scored: detection F1
// 94.9%, direct 76.9%, reported 75.6% (94.9%, 82.1% and 86.7% when the floors were set)
devSetSuite('quotes-dev-13.jsonl', 'the thirteenth development set', { f1: 0.94, direct: 0.8, reported: 0.85 });
// speakers whose sector is the hard part (refugees and returnees, traders and owners, NGO and UN staff, party officials, police);
// first scored: detection F1 98.1%, direct 73.5%, reported 76.6% (98.1%, 86.8%, 89.1% when the floors were set)
devSetSuite('quotes-dev-14.jsonl', 'the fourteenth development set', { f1: 0.97, direct: 0.85, reported: 0.85 });
// reported speech in every form; first scored: detection F1 93.6%, reported found 88.4%, direct 100%, reported 88.2%, one
// "that"-clause after a noun taken (95.7%, 100%, 88.5% and none when the floors were set; the misses left are speakers no mention names)
devSetSuite('quotes-dev-15.jsonl', 'the fifteenth development set', { f1: 0.95, direct: 0.95, reported: 0.85, scareQuotes: 0 });
// speakers where two or three countries meet, placed only by their description; first scored: detection F1 99.4%, direct 53.9%,
// reported 62.5% (59.6% and 67.5% once small traders were coded CVL as in the other sets; 99.4%, 75.3%, 85.0% when the floors were set)
devSetSuite('quotes-dev-16.jsonl', 'the sixteenth development set', { f1: 0.97, direct: 0.72, reported: 0.82 });
// speaker runs, pronoun chains, Q&A, collective and unnamed speakers, names in marks; first scored: detection F1 89.3%, direct
// 78.8%, reported 90.0%, 7 scare quotes taken (93.6%, 83.5%, 90.7% and none when the floors were set; most misses left are
// actors' country or sector and speakers no mention names: witnesses, analysts, bodies no dictionary knows)
devSetSuite('quotes-dev-17.jsonl', 'the seventeenth development set', { f1: 0.93, direct: 0.82, reported: 0.89, scareQuotes: 0 });

describe('quotes: patterns', () => {
  const speakerOf = (text: string, published = '2024-03-01') => run(text, { published }).quotes.map((q) => [q.text, q.speaker?.actor?.name ?? null, q.direct, q.partial]);
  it('a missing closing mark ends the quote with its paragraph, not the article', () => {
    const a = run('“We will not give up,” Kuleba said. “This is our land.\n\nThe talks resumed on Monday in Geneva.', { published: '2024-03-01' });
    const last = a.quotes.at(-1)!;
    assert.equal(last.text, 'This is our land.');
  });
  it('reported speech has direct: false and the clause after "that"', () => {
    const [q] = speakerOf('Russian Foreign Minister Sergey Lavrov said on Tuesday that Moscow was ready for talks.');
    assert.deepEqual(q, ['Moscow was ready for talks', 'Sergey Lavrov', false, false]);
  });
  it('an unknown person takes role and country from the apposition, or is a civilian of the place', () => {
    const a = run('Fighting resumed in Goma on Monday.\n\n“We have nothing left,” said Amani Kibwe, a 40-year-old trader. “Our shop burned,” she added.\n\n“The mission will stay,” said Lena Ostrova, a spokeswoman for the United Nations.', { published: '2024-03-01' });
    const who = a.quotes.map((q) => [q.speaker?.actor?.name, q.speaker?.actor?.country, q.speaker?.actor?.sector]);
    assert.deepEqual(who, [['Amani Kibwe', 'COD', 'CVL'], ['Amani Kibwe', 'COD', 'CVL'], ['Lena Ostrova', null, 'IGO']]);
  });
  it('a description outranks a rank, a qualifier and a portfolio', () => {
    const who = (text: string) => run(text, { published: '2025-03-01' }).quotes.map((q) => [q.speaker?.actor?.name, q.speaker?.actor?.country, q.speaker?.actor?.sector]);
    assert.deepEqual(who('QUITO (Reuters) — Colonel Marco Villacís, the police commander for Guayas province, said 41 people had been arrested.'), [['Marco Villacís', 'ECU', 'COP']]);
    assert.deepEqual(who('KIGALI (Reuters) — Rwanda’s deputy government spokeswoman, Claudine Uwase, said the claims were false.'), [['Claudine Uwase', 'RWA', 'GOV']]);
    assert.deepEqual(who('DHAKA (AFP) — Bangladesh’s refugee relief commissioner, Shamsul Arefin, said rations would fall.'), [['Shamsul Arefin', 'BGD', 'GOV']]);
    assert.deepEqual(who('CHISINAU, Moldova (Reuters) — Moldova voted. Stefan Gheorghiu, an opposition lawmaker from the Party of Socialists, said the vote was rigged.'), [['Stefan Gheorghiu', 'MDA', 'OPP']]);
    assert.deepEqual(who('PRISTINA (AP) — Tensions rose. A spokesman for the NATO-led peacekeeping force, Lieutenant Colonel Matteo Ricci, said patrols had been stepped up.'), [['Matteo Ricci', null, 'IGO']]);
  });
  it('a pronoun refers to the latest subject of its paragraph, not to the last speaker', () => {
    const a = run('“We will not retreat,” Kenyan police commander Peter Mwangi told reporters. Haiti’s government spokesman, Jean Baptiste Pierre, welcomed the mission. “This is a first step,” he said.', { published: '2024-07-10' });
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.name, 'Jean Baptiste Pierre');
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.country, 'HTI');
  });
  it('reported speech after an apposition, and before its cue', () => {
    assert.deepEqual(speakerOf('Jan Novak, the head of the UN mission in Kosovo, said the talks had failed.'), [['the talks had failed', 'Jan Novak', false, false]]);
    assert.deepEqual(speakerOf('Poland will close two border crossings with Belarus from Friday, the Polish interior ministry said on Tuesday.').map((q) => q.slice(0, 3)),
      [['Poland will close two border crossings with Belarus from Friday', 'Poland Ministry of Internal Affairs', false]]);
  });
  it('a news agency in the dateline says nothing of a speaker’s country; the article’s country does', () => {
    const a = run('LUSAKA (AFP) - Zambia’s government on Monday accused Malawi of closing the border.\n\n“This is unacceptable,” Interior Minister General Chanda Mwila told state radio.', { published: '2024-03-01' });
    assert.deepEqual([a.quotes[0].speaker?.actor?.name, a.quotes[0].speaker?.actor?.country, a.quotes[0].speaker?.actor?.sector], ['Chanda Mwila', 'ZMB', 'GOV']);
  });
  it('speech continued by "adding that", and "According to X," open reported clauses', () => {
    assert.deepEqual(speakerOf('Russian Foreign Minister Sergey Lavrov said the talks were useful, adding that Moscow would send a delegation.').map((q) => q.slice(0, 3)),
      [['the talks were useful', 'Sergey Lavrov', false], ['Moscow would send a delegation', 'Sergey Lavrov', false]]);
    assert.deepEqual(speakerOf('According to the UN refugee agency, more than 100,000 people have fled the fighting.').map((q) => q.slice(0, 3)),
      [['more than 100,000 people have fled the fighting', 'UNHCR', false]]);
  });
  it('a statement names its author after "from"', () => {
    const a = run('Turkey’s defence ministry said its jets had struck targets in Iraq. “The violations are unacceptable,” according to a statement from the Iraqi foreign ministry.', { published: '2024-07-11' });
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.country, 'IRQ');
  });
  it('a few words after a verb of characterization are the subject’s own, unless they name something', () => {
    assert.deepEqual(speakerOf('Italian Prime Minister Giorgia Meloni called the incident “unacceptable.”').map((q) => q.slice(0, 2)), [['unacceptable.', 'Giorgia Meloni']]);
    assert.deepEqual(speakerOf('Baku calls the route the “Zangezur corridor”, a term Yerevan rejects.'), []);
  });
  it('"said A and that B" is two reported clauses; a participle cue may follow a quotation’s closing comma', () => {
    assert.deepEqual(speakerOf('Police spokesman Jean-Robert Estimé said officers had retaken the hospital by morning, but that he could not say how many people had died.').map((q) => q.slice(0, 3)),
      [['officers had retaken the hospital by morning', 'Jean-Robert Estimé', false], ['he could not say how many people had died', 'Jean-Robert Estimé', false]]);
    assert.deepEqual(speakerOf('Mali’s government spokesman Abdoulaye Maiga dismissed the offer as “a late attempt to divide us,” saying Bamako would issue its own passports.').map((q) => q.slice(0, 3)),
      [['a late attempt to divide us,', 'Abdoulaye Maïga', true], ['Bamako would issue its own passports', 'Abdoulaye Maïga', false]]);
  });
  it('a summit’s communiqué speaks for the international body, not for the minister quoted last', () => {
    const a = run('Leaders of the Southern African Development Community (SADC) met in Harare on Saturday. “The region must act together,” Zimbabwean Foreign Minister Tendai Moyo told reporters. The final communique said the bloc would send monitors to Mozambique.', { published: '2024-08-17' });
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.sector, 'IGO');
  });
  it('"quoted X as saying": the one quoted speaks, not the outlet', () => {
    assert.deepEqual(speakerOf('“We will not allow the canal to be closed,” the state news agency quoted district official Rustam Nazarov as saying.').map((q) => q.slice(0, 2)),
      [['We will not allow the canal to be closed,', 'Rustam Nazarov']]);
  });
  it('a speaker followed by a place phrase ("Police in Lagos said"), after an indefinite article, or named by a region only', () => {
    assert.deepEqual(speakerOf('Police in Lagos said the suspects had been arrested.').map((q) => q.slice(0, 3)), [['the suspects had been arrested', 'Nigeria Police', false]]);
    const a = run('“Both capitals have what they need,” a Western diplomat in Pristina said.', { published: '2024-03-01' });
    assert.deepEqual([a.quotes[0]?.speaker?.actor?.country, a.quotes[0]?.speaker?.actor?.sector], [null, 'GOV']);
  });
  it('a reported clause holding the speaker’s own words is left to the partial quote; "…, but insisted that" opens another', () => {
    assert.deepEqual(speakerOf('Thailand’s foreign minister said the clashes could “move towards open war” if they continued, but insisted that Bangkok still preferred a negotiated settlement.').map((q) => q.slice(0, 4)),
      [['move towards open war', 'Parnpree Bahiddha-nukara', true, true], ['Bangkok still preferred a negotiated settlement', 'Parnpree Bahiddha-nukara', false, false]]);
  });
  it('a subject with its acronym in brackets and an apposition before the cue', () => {
    assert.deepEqual(speakerOf('The Rapid Support Forces (RSF), at war with the army since April 2023, said in a statement that its fighters had taken Zamzam.').map((q) => q.slice(0, 3)),
      [['its fighters had taken Zamzam', 'Rapid Support Forces', false]]);
  });
  it('a capitalised role word opening the sentence before a name and an age', () => {
    assert.deepEqual(speakerOf('Volunteer rescuer Kyaw Zin Htet, 31, said his team had pulled three people from the ruins.').map((q) => q.slice(0, 3)),
      [['his team had pulled three people from the ruins', 'Kyaw Zin Htet', false]]);
  });
  it('the capitalised rest of a body’s name before the cue ("Ministry of National Unity said")', () => {
    assert.deepEqual(speakerOf('Libya’s Ministry of National Unity said it had reopened the coastal road.').map((q) => q.slice(0, 3)),
      [['it had reopened the coastal road', 'Libya Ministry', false]]);
  });
  it('a pronoun opening the sentence is the subject of a second verb of speech ("He described … but said …")', () => {
    const a = run('Hamas official Taher al-Nunu spoke to reporters in Doha. He described the talks as useful but said Israel was still trying to impose new conditions.', { published: '2025-07-10' });
    assert.equal(a.quotes.at(-1)?.text, 'Israel was still trying to impose new conditions');
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.name, 'Taher al-Nunu');
  });
  it('a role later named in apposition: "the deputy minister" after "X’s deputy foreign minister, NAME," is NAME', () => {
    const a = run('Peru’s deputy foreign minister, Rosa Quispe, said consular staff had reached the border. “Every Peruvian deserves protection,” the deputy minister said.', { published: '2024-05-02' });
    assert.deepEqual(a.quotes.map((q) => q.speaker?.actor?.name), ['Rosa Quispe', 'Rosa Quispe']);
  });
  it('"the diplomat said" refers back to an unnamed "Western diplomat in X, speaking on condition of anonymity,"', () => {
    const a = run('A European diplomat in Skopje, speaking on condition of anonymity, said the vote would delay the talks. “Nobody in Brussels is surprised,” the diplomat said.', { published: '2024-05-02' });
    assert.deepEqual(a.quotes.map((q) => [q.direct, q.speaker?.actor?.sector, q.speaker?.actor?.country]), [[false, 'GOV', null], [true, 'GOV', null]]);
  });
  it('an unnamed official of a body takes the country of the article; "the group’s spokesman" is the group’s', () => {
    const a = run('ACCRA, May 2 (Reuters) - Ghana’s parliament debated the budget. A senior Treasury official, who asked not to be named, said the levy could be cut.', { published: '2024-05-02' });
    assert.deepEqual([a.quotes[0]?.speaker?.actor?.country, a.quotes[0]?.speaker?.actor?.sector], ['GHA', 'GOV']);
    const b = run('The Houthi movement claimed the strike on Tuesday.\n\nThe group’s military spokesman said in a televised speech that two drones had hit the tanker.', { published: '2024-05-02' });
    assert.deepEqual([b.quotes.at(-1)?.speaker?.actor?.country, b.quotes.at(-1)?.speaker?.actor?.sector], ['YEM', 'REB']);
  });
  it('a family name that an earlier full name in the text gives to someone else is not the dictionary’s bearer', () => {
    const a = run('QUITO (Reuters) - President Daniel Noboa beat leftist Luisa González in the runoff. González said she would demand a recount.', { published: '2025-04-14' });
    assert.equal(a.quotes[0]?.speaker?.actor?.name, 'Luisa González');
  });
  it('a quote with no cue after a reporting sentence in its paragraph is that sentence’s speaker’s', () => {
    const a = run('“They rammed our boat twice,” navy spokesman Rear Admiral Jose Reyes told reporters.\n\nHe added that a patrol aircraft had filmed the incident. “We will publish the video.”', { published: '2024-05-02' });
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.name, 'Jose Reyes');
  });
  it('"…, according to X." at the end of a sentence, and "…, the ruling military said." after a dateline', () => {
    assert.deepEqual(speakerOf('Nearly two million people have fled their homes since April, according to the United Nations.').map((q) => q.slice(0, 3)),
      [['Nearly two million people have fled their homes since April', 'United Nations', false]]);
    const a = run('NAYPYITAW, March 30 (AFP) — The death toll from the earthquake rose to 2,000, the ruling military said on Sunday.', { published: '2025-03-30' });
    assert.deepEqual(a.quotes.map((q) => [q.text, q.speaker?.actor?.country]), [['The death toll from the earthquake rose to 2,000', 'MMR']]);
  });
  it('the reported clause starts after "that" only where no clause comes first', () => {
    assert.deepEqual(speakerOf('UN envoy Hans Grundberg said the strikes threatened a truce that had held since 2022.').map((q) => q[0]),
      ['the strikes threatened a truce that had held since 2022']);
    assert.deepEqual(speakerOf('Kenya’s interior ministry said 40 people had been arrested and that 12 officers were hurt.').map((q) => q[0]),
      ['40 people had been arrested', '12 officers were hurt']);
    assert.deepEqual(speakerOf('Rebel negotiator Pablo Beltrán said in a video released on Sunday that the government had broken its word.').map((q) => q[0]),
      ['the government had broken its word']);
  });
  it('an unnamed officer, with a relative clause and an aside before the cue, is of the article’s country', () => {
    const a = run('LAGOS (Reuters) - Gunmen kidnapped 20 pupils. A police officer who took part in the search, speaking on condition of anonymity, said the pupils had been taken into the forest.', { published: '2024-05-02' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.country, q.speaker?.actor?.sector]), [['NGA', 'COP']]);
  });
  it('a party the text calls the opposition is OPP, and so is its spokesman', () => {
    const a = run('NAIROBI (Reuters) - The opposition Orange Democratic Party rejected the budget. “This is theft,” party spokesman Tom Otieno told a rally.', { published: '2024-05-02' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.name, q.speaker?.actor?.sector]), [['Tom Otieno', 'OPP']]);
  });
  it('an unknown body named for rights or trade gives its staff NGO or BUS', () => {
    assert.deepEqual(run('Ana Ruiz, director of the Centre for Justice and Human Rights, said the arrests were illegal.', { published: '2024-05-02' }).quotes.map((q) => q.speaker?.actor?.sector), ['NGO']);
    assert.deepEqual(run('Kenji Sato, an economist at Nomura Securities, said the yen would weaken.', { published: '2024-05-02' }).quotes.map((q) => q.speaker?.actor?.sector), ['BUS']);
  });
  it('names the tagger misreads: a hyphenated given name, a surname read as a verb, a capital that is also a given name', () => {
    assert.deepEqual(speakerOf('In Paju, Kim Min-ji, 64, who runs a bakery, said customers had gone.').map((q) => q[1]), ['Kim Min-ji']);
    assert.deepEqual(speakerOf('“We counted the dead,” said Aminata Sow, a nurse in Mopti.').map((q) => q[1]), ['Aminata Sow']);
    assert.deepEqual(speakerOf('“Schools must be safe,” said Sofia Berg, a spokeswoman for UNICEF.').map((q) => q[1]), ['Sofia Berg']);
  });
  it('someone named as the subject of any verb is a person a later pronoun can refer to', () => {
    const a = run('Outside the prison in Kharkiv, Olena Petrenko was waiting for her son. “Today I can breathe,” she said.', { published: '2024-05-02' });
    assert.equal(a.quotes[0]?.speaker?.actor?.name, 'Olena Petrenko');
  });
  it('"a researcher at the group" works for the body named before; "the committee said" is the committee named before', () => {
    const a = run('Amnesty International said the army had killed 40 villagers. “These were executions,” said Awa Diop, a senior researcher at the group.', { published: '2024-05-02' });
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.sector, 'NGO');
    const b = run('DHAKA (Reuters) - Ministers met at the National Disaster Committee on Monday. “The embankments will hold,” the committee said.', { published: '2024-05-02' });
    assert.deepEqual([b.quotes[0]?.speaker?.text, b.quotes[0]?.speaker?.actor?.country], ['the committee', 'BGD']);
  });
  it('a reported clause may open with a number word ("at least", "nearly"); bodies no dictionary names whole', () => {
    assert.deepEqual(speakerOf('The UN human rights office said at least 300 people had been killed.').map((q) => q[0]), ['at least 300 people had been killed']);
    const a = run('LIMA (Reuters) - Peru’s ombudsman’s office said nearly 40 people had been hurt. The Bar Association of Peru, which filed the suit, said the decree was unconstitutional. Amnesty International Peru said the police had used live rounds.', { published: '2024-05-02' });
    assert.deepEqual(a.quotes.map((q) => [q.text, q.speaker?.actor?.country, q.speaker?.actor?.sector]), [
      ['nearly 40 people had been hurt', 'PER', 'GOV'], ['the decree was unconstitutional', 'PER', 'NGO'], ['the police had used live rounds', 'PER', 'NGO']]);
  });
  it('a name written family first says where its bearer is from ("Park Ji-hoon" in a story on Korea and Russia)', () => {
    const a = run('SEOUL (Reuters) - Russia and North Korea signed a defence pact. Park Ji-hoon, an analyst at a Seoul think tank, said Moscow was paying with oil.', { published: '2024-06-20' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.name, q.speaker?.actor?.country]), [['Park Ji-hoon', 'KOR']]);
  });
  it('"his office said", "its spokesman said": the office of whoever the pronoun refers to', () => {
    const a = run('PARIS (Reuters) - President Emmanuel Macron invited both camps to Paris for talks, his office said. “We remain open,” his office said later.', { published: '2024-05-20' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.name, q.speaker?.actor?.country, q.speaker?.actor?.kind]), [
      ['Office of Emmanuel Macron', 'FRA', 'organization'], ['Office of Emmanuel Macron', 'FRA', 'organization']]);
  });
  it('review fixes: an unnamed officer after the quote, "their spokesman", and no dateline in an acronym', () => {
    const a = run('LAGOS (Reuters) - Gunmen kidnapped 20 pupils. “The gang fled north,” said a senior police officer in Abuja.', { published: '2024-05-02' });
    assert.deepEqual([a.quotes[0]?.speaker?.actor?.country, a.quotes[0]?.speaker?.actor?.sector], ['NGA', 'COP']);
    const b = run('M23 rebels seized the town of Goma in eastern Congo. “We came to liberate,” their spokesman said.', { published: '2025-01-28' });
    assert.equal(b.quotes[0]?.speaker?.actor?.sector, 'REB');
    assert.deepEqual(speakerOf('EU members - notably France - have sent troops to the border, according to NATO.').map((q) => q[0]), ['EU members - notably France - have sent troops to the border']);
  });
  it('someone the text does not place is of the party the sentence before is about, not of the party it reports on', () => {
    const a = run('Russian troops crossed the boundary line overnight. Georgia’s army said Russian troops had opened fire first.\n\nSpokeswoman Anna Weber told a briefing: “We will answer any provocation.”', { published: '2024-05-02' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.name, q.speaker?.actor?.country]).at(-1), ['Anna Weber', 'GEO']);
  });
  it('what a speaker reports says nothing of whose the speaker is ("Police said they had detained two Bangladeshi nationals")', () => {
    const a = run('BANDA ACEH, Indonesia (AP) - Villagers in Aceh gave the new arrivals food. Police said they had detained two crew members, both Bangladeshi nationals, on suspicion of smuggling.', { published: '2024-11-20' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.text, q.speaker?.actor?.country, q.speaker?.actor?.sector]), [['Police', 'IDN', 'COP']]);
  });
  it('a spokesman for a body no dictionary names speaks for it ("a spokesman for Aegean Horizon Shipping said")', () => {
    const a = run('ATHENS (Reuters) - A Greek-owned tanker was hit by a missile off Yemen. “All 21 crew members are safe,” a spokesman for Aegean Horizon Shipping said.', { published: '2024-05-02' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.name, q.speaker?.actor?.country, q.speaker?.actor?.sector]), [['Aegean Horizon Shipping', 'GRC', 'BUS']]);
  });
  it('one private person or refugee named in apposition, by trade or kin, speaks and is referred back to', () => {
    const who = (text: string) => run(text, { published: '2025-02-05' }).quotes.map((q) => [q.speaker?.actor?.name ?? q.speaker?.text ?? null, q.speaker?.actor?.country ?? null, q.speaker?.actor?.sector ?? null]);
    assert.deepEqual(who('SANTIAGO, Chile (Reuters) - Fires killed 120 people in Chile. Her neighbour, Jorge Salinas, said firefighters had arrived too late.'), [['Jorge Salinas', 'CHL', 'CVL']]);
    assert.deepEqual(who('ADRÉ, Chad (Reuters) - Refugees crossed into Chad from Sudan. Another refugee, Adam Ishag, said fighters had checked every man at a checkpoint.').map((q) => q[2]), ['REF']);
    assert.deepEqual(who('SFAX, Tunisia (AFP) - Police dismantled camps. “They came at five,” said Mamadou Keita, a 24-year-old from Guinea.'), [['Mamadou Keita', 'GIN', 'CVL']]);
    assert.deepEqual(who('YAOUNDE, Cameroon (AP) - Schools are shut in Cameroon. “They burned my classroom,” said a secondary school teacher in Bamenda.').map((q) => q.slice(1)), [['CMR', 'CVL']]);
  });
  it('an unnamed soldier opening a sentence is the "he" that follows; an international charity’s staff keep no state', () => {
    const a = run('N’DJAMENA, Chad (Reuters) - Chad closed its border with Sudan. A Chadian army officer at the border post, who was not authorised to speak publicly, said soldiers had disarmed several fighters. “Some of them hide their weapons,” he said.', { published: '2025-07-02' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.country, q.speaker?.actor?.sector]), [['TCD', 'MIL'], ['TCD', 'MIL']]);
    const b = run('LILONGWE, Malawi (AP) — Cholera has killed 61 people in Malawi.\n\nDoctors Without Borders said its teams were busy.\n\nIts emergency coordinator, Pauline Grosjean, said the floods had cut roads.', { published: '2025-02-06' });
    assert.deepEqual(b.quotes.map((q) => [q.speaker?.actor?.country ?? null, q.speaker?.actor?.sector]).at(-1), [null, 'NGO']);
  });
  it('a body named with its acronym after a word for its kind is of that kind, and so is its spokesman', () => {
    const a = run('YANGON (Reuters) — An ethnic minority armed group, the Karenni Liberation Front (KLF), said it had captured a town in Myanmar. “The base has fallen,” KLF spokesman Khu Reh told Reuters.', { published: '2024-12-03' });
    assert.deepEqual(a.quotes.map((q) => [q.speaker?.actor?.country, q.speaker?.actor?.sector]), [['MMR', 'REB'], ['MMR', 'REB']]);
    const b = run('BANGUI (AP) — Rebels attacked the army in the Central African Republic. “We will continue,” a spokesman for the rebels said.', { published: '2025-01-14' });
    assert.deepEqual(b.quotes.map((q) => q.speaker?.actor?.sector), ['REB']);
  });
  it('scare quotes and names in marks are not speech', () => {
    assert.deepEqual(speakerOf('Baku calls the route the “Zangezur corridor”, a term Yerevan rejects.'), []);
    assert.deepEqual(speakerOf('Georgians have watched Moscow warily since Russia launched what it calls a “special military operation” in Ukraine.'), []);
  });
  it('a colon after a clause with no verb of speech gives the quote to the clause’s subject', () => {
    const who = (text: string) => run(text, { published: '2025-09-04' }).quotes.map((q) => q.speaker?.actor?.name ?? null);
    assert.deepEqual(who('ATHENS (Reuters) — Greek Foreign Minister Nikos Valianos was blunt: “If the ship does not leave by Friday, our navy will escort it out.”'), ['Nikos Valianos']);
    assert.deepEqual(who('ATHENS (Reuters) — Greek opposition leader Sokratis Dimou accused the government of weakness. His verdict: “Too little, too late.”'), ['Sokratis Dimou']);
    assert.deepEqual(who('ATHENS (Reuters) — Greek Foreign Minister Nikos Valianos spoke on Monday. Valianos’s reply came within the hour: “We do not draw lines. International law draws them.”'), ['Nikos Valianos']);
  });
  it('a name after a dash signs a quote; "they said" is who spoke last in the paragraph', () => {
    const a = run('KYIV (Reuters) — Drones hit Brovary.\n\n“Nobody slept. The whole building was shaking” — Iryna Melnyk, 67, a pensioner.', { published: '2025-05-18' });
    assert.equal(a.quotes[0]?.speaker?.actor?.name, 'Iryna Melnyk');
    const b = run('ADEN (Reuters) — The Houthis fired at a ship. U.S. officials said a Navy destroyer had shot down two drones launched toward the ship. “The Houthis are gambling with the lives of sailors,” they said.', { published: '2025-08-14' });
    assert.equal(b.quotes.at(-1)?.speaker?.actor?.country, 'USA');
  });
  it('"X, who …, welcomed … but said"; "Another driver, a Ugandan named X, said"; a gerund opens a reported clause', () => {
    assert.deepEqual(speakerOf('British Trade Secretary Daniel Hughes, who arrived in New Delhi on Tuesday, welcomed the progress but said services remained a problem.', '2025-04-09').map((q) => q.slice(0, 2)),
      [['services remained a problem', 'Daniel Hughes']]);
    assert.deepEqual(speakerOf('DAR ES SALAAM (Reuters) — Lorries waited at the border. Another driver, a Ugandan named Moses Okello, said the closure had cost him a contract. “Ugandans starve,” Okello said.').map((q) => q[1]), ['Moses Okello', 'Moses Okello']);
    assert.deepEqual(speakerOf('GOMA (AP) — Residents said shelling had resumed before dawn on Tuesday.').map((q) => q[0]), ['shelling had resumed before dawn on Tuesday']);
  });
  it('"the 45-year-old said" is the person given that age; Q: and A: paragraphs are the interviewee’s answers', () => {
    const a = run('TORKHAM (AP) — “We lived in Peshawar for 40 years,” said Gul Bibi, a 45-year-old widow. Her brother-in-law said they had three days to leave. The 45-year-old said she did not know where they would sleep.', { published: '2025-12-02' });
    assert.equal(a.quotes.at(-1)?.speaker?.actor?.name, 'Gul Bibi');
    const b = run('NAIROBI (Reuters) — “We were promised helicopters,” Kenyan Interior Minister Grace Wanjiru said in an interview.\n\nQ: Would Kenya accept a U.N. force?\n\nA: If it has money and a mandate, yes.', { published: '2025-03-20' });
    assert.deepEqual(b.quotes.map((q) => [q.text, q.speaker?.actor?.name]).at(-1), ['If it has money and a mandate, yes.', 'Grace Wanjiru']);
  });
});
