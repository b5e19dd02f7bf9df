// npm run eval:events: our own event sentences (test/cases/events.yaml), with every failure.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyze, getLexicon } from '../src/index.js';
import type { Event } from '../src/model/analysis.js';

interface Expected { type: string; source?: string | null; target?: string | null; negated?: boolean; quoted?: boolean; speaker?: string | null }
interface EventCase { text: string; published?: unknown; expect?: Expected[]; none?: boolean }

const code = (a: Event['source']): string | null => (a ? a.country ?? (a.sector === 'IGO' ? 'IGO' : null) : null);
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v) : null);
const cases = (parse(readFileSync(new URL('../test/cases/events.yaml', import.meta.url), 'utf8')) as { cases: EventCase[] }).cases;
const lexicon = getLexicon();
let right = 0;
const byType = new Map<string, [number, number]>();
for (const c of cases) {
  const a = analyze(c.text, { published: iso(c.published) }, { lexicon });
  const got = a.events.map((e) => `${e.type} ${code(e.source)}→${code(e.target)}${e.negated ? ' neg' : ''}${e.quoted ? ' q' : ''} "${e.trigger.text}"`).join(', ') || 'none';
  let ok = true;
  if (c.none) ok = !a.events.some((e) => !e.negated);
  for (const x of c.expect ?? []) {
    const hit = a.events.some((e) => e.type === x.type && ('source' in x ? code(e.source) === (x.source ?? null) : true) && ('target' in x ? code(e.target) === (x.target ?? null) : true) && e.negated === (x.negated ?? false) && e.quoted === (x.quoted ?? false));
    const t = byType.get(x.type) ?? [0, 0];
    byType.set(x.type, [t[0] + (hit ? 1 : 0), t[1] + 1]);
    if (!hit) ok = false;
  }
  if (ok) right++;
  else console.log(`✗ ${c.text}\n    want ${c.none ? 'no event' : (c.expect ?? []).map((x) => `${x.type} ${x.source ?? '-'}→${x.target ?? '-'}${x.negated ? ' neg' : ''}${x.quoted ? ' q' : ''}`).join(', ')}\n    got  ${got}`);
}
console.log(`\n${right}/${cases.length} sentences entirely right (${((100 * right) / cases.length).toFixed(1)}%)`);
console.log([...byType].sort().map(([t, [h, n]]) => `${t} ${h}/${n}`).join('  '));
