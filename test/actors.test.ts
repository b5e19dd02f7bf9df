import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iso, loadCases, offsetOf, run } from './helpers.js';

const family = (name: string): string => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/\s+/).filter((w) => !/^(jr\.?|ii|iii)$/.test(w)).pop()!.replace(/^(al|el)-/, '').replace(/[iy]+$/, '');

interface ActorCase {
  text: string;
  published?: unknown;
  expect?: { text: string; nth?: number; country?: string | null; sector?: string | null; kind?: string; name?: string }[];
  absent?: string[];
}

describe('actors: hand-written cases across regions', () => {
  for (const c of loadCases<ActorCase>('actors')) {
    it(c.text.slice(0, 90), () => {
      const a = run(c.text, { published: iso(c.published) });
      for (const e of c.expect ?? []) {
        const start = offsetOf(c.text, e.text, e.nth);
        const end = start + e.text.length;
        // the mention that covers most of the expected words (boundaries such as "the" do not matter)
        const overlap = (x: { start: number; end: number }) => Math.min(end, x.end) - Math.max(start, x.start);
        const m = a.actors.filter((x) => overlap(x) * 2 >= Math.min(e.text.length, x.end - x.start)).sort((x, y) => overlap(y) - overlap(x) || Math.abs(x.end - x.start - e.text.length) - Math.abs(y.end - y.start - e.text.length))[0];
        assert.ok(m, `"${e.text}" resolves to an actor (got: ${a.actors.map((x) => x.text).join(' | ')})`);
        if ('country' in e) assert.equal(m.actor.country, e.country ?? null, `${e.text}: country`);
        if ('sector' in e) assert.equal(m.actor.sector, e.sector ?? null, `${e.text}: sector`);
        if (e.kind) assert.equal(m.actor.kind, e.kind, `${e.text}: kind`);
        // people: the family name must agree, as in the contract's matching rule (spellings vary)
        if (e.name) assert.equal(family(m.actor.name), family(e.name), `${e.text}: name ${m.actor.name}`);
      }
      for (const text of c.absent ?? []) {
        const start = offsetOf(c.text, text);
        const hit = a.actors.find((x) => x.start < start + text.length && start < x.end);
        assert.equal(hit, undefined, `"${text}" must not be an actor (got ${hit?.actor.id})`);
      }
    });
  }
});
