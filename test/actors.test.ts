import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iso, loadCases, offsetOf, run } from './helpers.js';

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
        const m = a.actors.find((x) => x.start <= start && end <= x.end && x.end - x.start <= e.text.length + 4);
        assert.ok(m, `"${e.text}" resolves to an actor (got: ${a.actors.map((x) => x.text).join(' | ')})`);
        if ('country' in e) assert.equal(m.actor.country, e.country ?? null, `${e.text}: country`);
        if ('sector' in e) assert.equal(m.actor.sector, e.sector ?? null, `${e.text}: sector`);
        if (e.kind) assert.equal(m.actor.kind, e.kind, `${e.text}: kind`);
        if (e.name) assert.equal(m.actor.name, e.name, `${e.text}: name`);
      }
      for (const text of c.absent ?? []) {
        const start = offsetOf(c.text, text);
        const hit = a.actors.find((x) => x.start < start + text.length && start < x.end);
        assert.equal(hit, undefined, `"${text}" must not be an actor (got ${hit?.actor.id})`);
      }
    });
  }
});
