import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { finish, loadGold, scoreArticle } from '../src/eval/score.js';
import { run, sharedFile } from './helpers.js';

const goldPath = sharedFile('seed/expected.json');

describe('the seed article', { skip: goldPath ? false : 'no ../shared/seed here' }, () => {
  const [item] = goldPath ? loadGold(goldPath) : [];
  const a = item ? run(item.text, { published: item.published }) : null!;
  const scores = item ? finish(scoreArticle(item, a)) : null!;
  const actorAt = (needle: string, nth = 1) => {
    let at = -1;
    for (let n = 0; n < nth; n++) at = item.text.indexOf(needle, at + 1);
    return a.actors.find((m) => m.start <= at && at < m.end)?.actor;
  };

  it('places and dates are all found (recall 1.0)', () => {
    assert.equal(scores.places.recall, 1, scores.places.misses.join('\n'));
    assert.equal(scores.dates.recall, 1, scores.dates.misses.join('\n'));
  });

  it('resolves every actor of the seed', () => {
    assert.deepEqual(pick(actorAt('Armenia’s Foreign Ministry')), { country: 'ARM', sector: 'GOV', kind: 'organization' });
    assert.deepEqual(pick(actorAt('President Ilham Aliyev of Azerbaijan')), { country: 'AZE', sector: 'GOV', kind: 'person' });
    assert.equal(actorAt('President Ilham Aliyev of Azerbaijan')?.name, 'Ilham Aliyev');
    assert.deepEqual(pick(actorAt('Yerevan', 2)), { country: 'ARM', sector: 'GOV', kind: 'state' });
    assert.equal(actorAt('Organization Turkic States')?.sector, 'IGO');
    assert.equal(actorAt('Aliyev', 2)?.name, 'Ilham Aliyev');
    assert.deepEqual(pick(actorAt('the foreign ministry')), { country: 'ARM', sector: 'GOV', kind: 'organization' });
  });

  it('"on Thursday" is the Thursday before publication', () => {
    assert.equal(a.dates.find((d) => d.text === 'on Thursday')?.value, '2023-03-16');
  });

  it('the capital in "in Ankara" is a place, and in "argued Yerevan" the government', () => {
    assert.ok(a.places.some((p) => p.text === 'Ankara' && p.place.country === 'TUR'));
    assert.ok(!a.actors.some((m) => m.text === 'Ankara'));
    assert.ok(!a.places.some((p) => p.start === item.text.indexOf('Yerevan', item.text.indexOf('argued'))));
  });

  it('the article text is analysed without change', () => {
    assert.equal(readFileSync(goldPath!, 'utf8').length > 0, true);
    assert.equal(a.sentences.at(-1)!.end, item.text.trimEnd().length);
  });
});

function pick(actor: { country: string | null; sector: string | null; kind: string } | undefined) {
  return actor && { country: actor.country, sector: actor.sector, kind: actor.kind };
}
