import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finish, loadGold, scoreArticle } from '../src/eval/score.js';
import type { Analysis, Event } from '../src/model/analysis.js';
import { iso, loadCases, run, sharedFile } from './helpers.js';

interface Expected {
  type: string;
  source?: string | null;
  target?: string | null;
  negated?: boolean;
  quoted?: boolean;
  speaker?: string | null;
}
interface EventCase {
  text: string;
  published?: unknown;
  expect?: Expected[];
  none?: boolean;
}

const code = (a: Event['source']): string | null => (a ? a.country ?? (a.sector === 'IGO' ? 'IGO' : null) : null);

export function caseHolds(c: EventCase, a: Analysis): string | null {
  if (c.none) {
    const asserted = a.events.filter((e) => !e.negated);
    return asserted.length ? `no event expected, got ${asserted.map((e) => `${e.type} ${code(e.source)}→${code(e.target)}`).join(', ')}` : null;
  }
  for (const x of c.expect ?? []) {
    const hit = a.events.find((e) => e.type === x.type
      && ('source' in x ? code(e.source) === (x.source ?? null) : true)
      && ('target' in x ? code(e.target) === (x.target ?? null) : true)
      && e.negated === (x.negated ?? false)
      && e.quoted === (x.quoted ?? false)
      && ('speaker' in x ? code(e.speaker) === (x.speaker ?? null) : true));
    if (!hit) return `missing ${x.type} ${x.source ?? '-'}→${x.target ?? '-'}${x.negated ? ' negated' : ''}${x.quoted ? ' quoted' : ''}; got ${a.events.map((e) => `${e.type} ${code(e.source)}→${code(e.target)}${e.negated ? ' neg' : ''}${e.quoted ? ' q' : ''} "${e.trigger.text}"`).join(', ') || 'none'}`;
  }
  return null;
}

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

describe('events: our own sentences (test/cases/events.yaml)', () => {
  const cases = loadCases<EventCase>('events');
  const failures: string[] = [];
  for (const c of cases) {
    const why = caseHolds(c, run(c.text, { published: iso(c.published) }));
    if (why) failures.push(`${c.text.slice(0, 100)}\n      ${why}`);
  }
  const rate = 1 - failures.length / cases.length;
  it('holds at least 150 sentences across all 16 PLOVER types', () => {
    assert.ok(cases.length >= 150);
    assert.equal(new Set(cases.flatMap((c) => (c.expect ?? []).map((e) => e.type))).size, 16);
  });
  // a floor at the level measured when the test was written (npm run eval:events prints the failures)
  it(`codes at least 65% of the sentences entirely right (now ${(100 * rate).toFixed(1)}%)`, () => {
    assert.ok(rate >= 0.65, failures.slice(0, 40).join('\n'));
  });
});
