// npm run eval:events: our own event sentences (test/cases/events.yaml, events-wire.yaml and the development sets events-dev-*.yaml), with every
// failure; the held-out sets (test/cases/events-heldout*.yaml, written by people who had not seen the patterns) as figures only,
// so that no one tunes on it.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { eventCaseFailure, type EventCase } from '../src/eval/events.js';
import { analyze, getLexicon } from '../src/index.js';

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v) : null);
const lexicon = getLexicon();
const summary: string[] = [];

/** Every event case file: our own, then the development sets by number, then the held-out sets by number. */
function caseFiles(): string[] {
  const rank = (name: string): [number, number] => {
    const n = Number(/-(\d+)$/.exec(name)?.[1] ?? 1);
    if (name === 'events') return [0, 0];
    if (name === 'events-wire') return [1, 0];
    return [name.includes('-heldout') ? 3 : 2, n];
  };
  return readdirSync(new URL('../test/cases/', import.meta.url)).filter((f) => /^events(-[a-z]+)*(-\d+)?\.yaml$/.test(f)).map((f) => f.slice(0, -5))
    .sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
}

for (const name of caseFiles()) {
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
