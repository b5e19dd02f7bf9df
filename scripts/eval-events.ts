// npm run eval:events: our own event sentences (test/cases/events.yaml, events-wire.yaml, events-dev-2.yaml, events-dev-3.yaml, events-dev-4.yaml, events-dev-5.yaml, events-dev-6.yaml, events-dev-7.yaml, events-dev-8.yaml, events-dev-9.yaml, events-dev-12.yaml), with every
// failure; the held-out sets (test/cases/events-heldout*.yaml, written by people who had not seen the patterns) as figures only,
// so that no one tunes on it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { eventCaseFailure, type EventCase } from '../src/eval/events.js';
import { analyze, getLexicon } from '../src/index.js';

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v) : null);
const lexicon = getLexicon();
const summary: string[] = [];
for (const name of ['events', 'events-wire', 'events-dev-2', 'events-dev-3', 'events-dev-4', 'events-dev-5', 'events-dev-6', 'events-dev-7', 'events-dev-8', 'events-dev-9', 'events-dev-12', 'events-heldout', 'events-heldout-3', 'events-heldout-4', 'events-heldout-5']) {
  const heldOut = name.includes('-heldout');
  const cases = (parse(readFileSync(new URL(`../test/cases/${name}.yaml`, import.meta.url), 'utf8')) as { cases: EventCase[] }).cases;
  let right = 0;
  const byType = new Map<string, [number, number]>();
  console.log(`\n## test/cases/${name}.yaml`);
  for (const c of cases) {
    const a = analyze(c.text, { published: iso(c.published) }, { lexicon });
    for (const x of c.expect ?? []) {
      const t = byType.get(x.type) ?? [0, 0];
      byType.set(x.type, [t[0] + (eventCaseFailure({ ...c, expect: [x] }, a) ? 0 : 1), t[1] + 1]);
    }
    const why = eventCaseFailure(c, a);
    if (!why) right++;
    else if (!heldOut) console.log(`✗ ${c.text}\n    ${why}`);
  }
  summary.push(`${name}: ${right}/${cases.length} sentences entirely right (${((100 * right) / cases.length).toFixed(1)}%)`,
    [...byType].sort().map(([t, [h, n]]) => `${t} ${h}/${n}`).join('  '));
}
console.log(`\n${summary.join('\n')}`);
