// The readable report of one analysis (`--format pretty`, `demarche demo`).
import type { Actor, Analysis } from '../model/analysis.js';

const who = (a: Actor | null | undefined): string => (a ? `${a.name} [${[a.country ?? '—', a.sector ?? '—'].join('/')}]` : '—');
const clip = (s: string, n = 90): string => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');

export function formatReport(a: Analysis): string {
  const out: string[] = [];
  out.push(`article ${a.article.id}${a.article.published ? `, published ${a.article.published}` : ''}; ${a.sentences.length} sentences`);
  out.push(`coder ${a.coder.version}, dictionaries ${a.coder.dictionaries.slice(0, 12)}`);
  const section = (title: string, rows: string[]): void => {
    out.push('', `${title} (${rows.length})`);
    out.push(...(rows.length ? rows.map((r) => `  ${r}`) : ['  none']));
  };
  section('events', a.events.map((e) => `${who(e.source)} —${e.type}${e.mode ? `/${e.mode}` : ''} (${e.cameo ?? '—'})→ ${who(e.target)}  ${e.date ?? 'no date'}${e.negated ? ' NEGATED' : ''}${e.quoted ? ` quoted by ${who(e.speaker)}` : ''}  “${clip(e.trigger.text)}”`));
  section('quotes', a.quotes.map((q) => `${who(q.speaker?.actor)}${q.cue ? ` (${q.cue.text})` : ''}${q.direct ? '' : ' [reported]'}${q.partial ? ' [partial]' : ''}: “${clip(q.text)}”`));
  section('actors', dedupe(a.actors.map((m) => `${clip(m.text, 40)} → ${who(m.actor)}`)));
  section('agreements cited', a.references.map((r) => `${clip(r.text, 50)} → ${r.agreement ? `${r.agreement.name} (${r.agreement.date ?? '?'})` : `unresolved ${r.cited_kind ?? ''} ${r.cited_date ?? ''}`}`));
  section('places', dedupe(a.places.map((p) => `${p.text} → ${p.place.name}${p.place.country ? ` (${p.place.country})` : ''}${p.place.contested ? ' [contested]' : ''}`)));
  section('framing', a.framing.map((f) => `${f.text} = ${f.denotes}, the name used by ${f.used_by}`));
  section('dates', a.dates.map((d) => `${d.text} → ${d.value ?? 'unresolved'}`));
  return out.join('\n');
}

function dedupe(rows: string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r));
}
