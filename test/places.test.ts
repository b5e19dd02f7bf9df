import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iso, loadCases, offsetOf, run } from './helpers.js';

interface PlaceCase {
  text: string;
  published?: unknown;
  expect?: { text: string; nth?: number; name?: string; country?: string | null; kind?: string; contested?: boolean }[];
  absent?: string[];
}

describe('places: gazetteer, regions, contested names', () => {
  for (const c of loadCases<PlaceCase>('places')) {
    it(c.text.slice(0, 90), () => {
      const a = run(c.text, { published: iso(c.published) });
      for (const e of c.expect ?? []) {
        const start = offsetOf(c.text, e.text, e.nth);
        const end = start + e.text.length;
        const p = a.places.find((x) => x.start < end && start < x.end);
        assert.ok(p, `"${e.text}" is a place (got: ${a.places.map((x) => x.text).join(' | ')})`);
        if (e.name) assert.equal(p.place.name, e.name, `${e.text}: name`);
        if ('country' in e) assert.equal(p.place.country, e.country ?? null, `${e.text}: country`);
        if (e.kind) assert.equal(p.place.kind, e.kind, `${e.text}: kind`);
        if (e.contested !== undefined) assert.equal(p.place.contested, e.contested, `${e.text}: contested`);
      }
      for (const text of c.absent ?? []) {
        const start = offsetOf(c.text, text);
        const hit = a.places.find((x) => x.start < start + text.length && start < x.end);
        assert.equal(hit, undefined, `"${text}" must not be a place (got ${hit?.place.name})`);
      }
    });
  }
});
