import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finish, loadGold, scoreArticle } from '../src/eval/score.js';
import { iso, lexicon, loadCases, offsetOf, run, sharedFile } from './helpers.js';

interface RefCase {
  text: string;
  published?: unknown;
  expect: { text: string; nth?: number; id: string | null }[];
}

describe('references: the seed', () => {
  const gold = sharedFile('seed/expected.json');
  it('resolves all 11 citations of the 6 agreements, and records the contested names', { skip: gold ? false : 'no ../shared/seed' }, () => {
    const [item] = loadGold(gold!);
    const a = run(item.text, { published: item.published });
    const s = finish(scoreArticle(item, a)).references;
    assert.equal(s.f1, 1, [...s.misses, ...s.extras].join('\n'));
    const framed = new Map(a.framing.map((f) => [f.text, f]));
    assert.equal(framed.get('Artsakh')?.denotes, 'Nagorno-Karabakh');
    assert.equal(framed.get('Artsakh')?.used_by, 'ARM');
    assert.equal(framed.get('Western Azerbaijan')?.denotes, 'Armenia');
    assert.equal(framed.get('Western Azerbaijan')?.used_by, 'AZE');
    assert.equal(framed.get('Zangezur Corridor')?.used_by, 'AZE');
  });
});

describe('references: the knowledge base', () => {
  it('holds the required agreements and at least 100 entries', () => {
    const ids = new Set(lexicon.agreements.map((a) => a.id));
    assert.ok(ids.size >= 100, `${ids.size}`);
    for (const id of ['un-charter-1945', 'friendly-relations-declaration-1970', 'alma-ata-declaration-1991', 'trilateral-statement-2020-11-09', 'prague-statement-2022-10-06', 'sochi-statement-2022-10-31']) assert.ok(ids.has(id), id);
  });
  it('an unresolvable citation is still emitted, with its parsed date and kind', () => {
    const a = run('Moscow accused Kyiv of violating the March 3, 2011 memorandum.', { published: '2023-06-01' });
    assert.equal(a.references.length, 1);
    assert.equal(a.references[0].agreement, null);
    assert.equal(a.references[0].cited_date, '2011-03-03');
    assert.equal(a.references[0].cited_kind, 'memorandum');
  });
});

describe('references: citation phrases written here (test/cases/references.yaml)', () => {
  for (const c of loadCases<RefCase>('references')) {
    it(c.text.slice(0, 90), () => {
      const a = run(c.text, { published: iso(c.published) });
      for (const e of c.expect) {
        const start = offsetOf(c.text, e.text, e.nth);
        const end = start + e.text.length;
        const r = a.references.find((x) => x.start < end && start < x.end);
        assert.ok(r, `"${e.text}" is cited (got: ${a.references.map((x) => x.text).join(' | ') || 'none'})`);
        assert.equal(r.agreement?.id ?? null, e.id, `"${e.text}"`);
      }
    });
  }
});
