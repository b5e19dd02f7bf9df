import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iso, loadCases, offsetOf, run } from './helpers.js';

interface DateCase {
  text: string;
  published?: unknown;
  expect: { text: string; nth?: number; value: unknown }[];
}

describe('dates: resolved against the publication date by news conventions', () => {
  for (const c of loadCases<DateCase>('dates')) {
    it(`${c.text.slice(0, 80)} (${iso(c.published) ?? 'no date'})`, () => {
      const a = run(c.text, { published: iso(c.published) });
      for (const e of c.expect) {
        const start = offsetOf(c.text, e.text, e.nth);
        const end = start + e.text.length;
        const d = a.dates.find((x) => x.start < end && start < x.end);
        assert.ok(d, `"${e.text}" is found as a date (got: ${a.dates.map((x) => x.text).join(' | ')})`);
        assert.equal(d.value, e.value === null ? null : iso(e.value), `"${e.text}" value`);
      }
    });
  }
});
