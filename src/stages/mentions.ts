// Mentions: dictionary phrases composed into actor and place mentions, then resolved.
//   "Armenia’s Foreign Ministry", "the Azerbaijani President", "President Ilham Aliyev of Azerbaijan",
//   "Foreign Minister X of Y", "argued Yerevan" (a capital for its government), "in Ankara" (a place),
//   and later short mentions ("Aliyev", "the foreign ministry", "the ministry") resolved to the earlier full one.
import type { Actor, Place } from '../model/analysis.js';
import { roleAt, slug, type AgentEntry, type CountryInfo, type Lexicon, type MentionEntry, type PersonInfo } from '../lexicon/compile.js';
import type { TrieMatch } from '../lexicon/trie.js';
import type { Doc, Mention } from '../pipeline/doc.js';
import type { Token } from '../text/tokenize.js';

/** Prepositions after which a country or capital names a place, not an actor. */
const LOCATIVE = new Set(['in', 'at', 'into', 'inside', 'within', 'throughout', 'across', 'near', 'outside', 'around', 'from', 'to', 'toward', 'towards', 'via', 'through', 'over', 'visited', 'visit', 'visiting', 'arrived', 'entered', 'leaving', 'left', 'reach', 'reached', 'of', 'off', 'along', 'beyond', 'under', 'northern', 'southern', 'eastern', 'western', 'central']);
/** Particles inside personal names ("Mohammed bin Salman", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'abu', 'ould', 'dos', 'das']);

type Atom = TrieMatch<MentionEntry>;

interface Ctx {
  doc: Doc;
  lex: Lexicon;
  tokens: Token[];
  date: string | null;
}

const POSSESSIVE = new Set(["'s", "'"]);

export function mentionsStage(doc: Doc): void {
  const ctx: Ctx = { doc, lex: doc.lexicon, tokens: doc.tokens, date: doc.meta.published };
  const out: Mention[] = [];
  for (const s of doc.sentences) {
    const atoms = ctx.lex.mentions.longest(doc.tokens, s.first, s.last);
    let n = 0;
    while (n < atoms.length) {
      const res = compose(ctx, atoms, n, out);
      if (res.mention) out.push(res.mention);
      n = res.next;
    }
  }
  doc.mentions = resolveShortNames(ctx, out);
}

/** Later mentions of a person by family name alone, for people the dictionaries do not know. */
function resolveShortNames(ctx: Ctx, mentions: Mention[]): Mention[] {
  const introduced = mentions.filter((m) => m.family && m.actor && !m.person);
  if (!introduced.length) return mentions;
  const covered = new Set(mentions.flatMap((m) => Array.from({ length: m.last - m.first + 1 }, (_, k) => m.first + k)));
  const added: Mention[] = [];
  for (const t of ctx.tokens) {
    if (!t.cap || covered.has(t.i)) continue;
    const first = introduced.find((m) => m.last < t.i && m.family!.toLowerCase() === t.text.toLowerCase());
    if (first) added.push(mk(ctx, t.i, t.i, first.actor, null, { family: first.family }));
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.first - b.first) : mentions;
}

const has = (a: Atom, t: MentionEntry['t']): boolean => a.payloads.some((p) => p.entry.t === t);
function pick<T extends MentionEntry['t']>(a: Atom, t: T): Extract<MentionEntry, { t: T }> | undefined {
  return a.payloads.find((p) => p.entry.t === t)?.entry as Extract<MentionEntry, { t: T }> | undefined;
}
function pickCountry(a: Atom, ...forms: Extract<MentionEntry, { t: 'country' }>['form'][]): Extract<MentionEntry, { t: 'country' }> | undefined {
  return a.payloads.map((p) => p.entry).find((e): e is Extract<MentionEntry, { t: 'country' }> => e.t === 'country' && forms.includes(e.form));
}

/** A modifier that gives an agent its country: "Armenia’s", "Azerbaijani", "UN", "NATO". */
interface Modifier {
  country: string | null;
  org?: Extract<MentionEntry, { t: 'org' }>['org'];
  /** token index after the modifier (and its possessive) */
  after: number;
}

function modifierAt(ctx: Ctx, atom: Atom): Modifier | null {
  const { tokens } = ctx;
  const afterAtom = atom.last + 1;
  const possessive = afterAtom < tokens.length && POSSESSIVE.has(tokens[afterAtom].key);
  const adj = pickCountry(atom, 'adjective');
  if (adj && !possessive) return { country: adj.iso3, after: afterAtom };
  const name = pickCountry(atom, 'name', 'government');
  if (name && possessive) return { country: name.iso3, after: afterAtom + 1 };
  const org = pick(atom, 'org');
  if (org) return { country: org.org.country, org: org.org, after: possessive ? afterAtom + 1 : afterAtom };
  return null;
}

function compose(ctx: Ctx, atoms: Atom[], n: number, prior: Mention[]): { mention: Mention | null; next: number } {
  const { tokens } = ctx;
  const atom = atoms[n];
  const nextAtom = atoms[n + 1];

  // [modifier] [adjectives]* [agent] ("Armenia’s Foreign Ministry", "Armenian illegal units", "UN Secretary-General")
  const mod = modifierAt(ctx, atom);
  if (mod && nextAtom && has(nextAtom, 'agent') && gapIsAdjectives(tokens, mod.after, nextAtom.first)) {
    const agent = pick(nextAtom, 'agent')!.agent;
    const title = titledPerson(ctx, atoms, n + 1, agent);
    const last = title ? title.last : nextAtom.last;
    const ofCountry = title ? title.ofCountry : null;
    const actor = title?.actor ?? agentActor(ctx, agent, mod.country ?? ofCountry, mod.org);
    return { mention: mk(ctx, withArticle(tokens, atom.first), last, actor, null, { agent, person: title?.person, family: title?.family }), next: title ? title.nextAtom : n + 2 };
  }

  // [agent] (of [country|org]) | [title] [Name] (of [country])
  if (has(atom, 'agent')) {
    const agent = pick(atom, 'agent')!.agent;
    const title = titledPerson(ctx, atoms, n, agent);
    if (title) {
      return { mention: mk(ctx, withArticle(tokens, atom.first), title.last, title.actor, null, { agent, person: title.person, family: title.family }), next: title.nextAtom };
    }
    const of = ofPhrase(ctx, atoms, n);
    if (of) {
      const actor = agentActor(ctx, agent, of.country, of.org);
      return { mention: mk(ctx, withArticle(tokens, atom.first), of.last, actor, null, { agent }), next: of.nextAtom };
    }
    // a bare agent refers back to an earlier mention of the same agent (or the same head)
    const antecedent = [...prior].reverse().find((m) => m.agent && m.actor && (m.agent.id === agent.id || (agent.generic && m.agent.head === agent.head)) && (m.actor.country || m.actor.sector === 'IGO'));
    const actor = antecedent?.actor ?? null;
    return { mention: actor ? mk(ctx, withArticle(tokens, atom.first), atom.last, actor, null, { agent }) : null, next: n + 1 };
  }

  if (has(atom, 'person')) {
    const person = pick(atom, 'person')!.person;
    if (looksLikeLongerName(ctx, atom)) return { mention: null, next: n + 1 };
    const of = ofPhrase(ctx, atoms, n);
    return { mention: mk(ctx, atom.first, of?.last ?? atom.last, personActor(ctx, person, null, of?.country ?? null), null, { person, family: person.family }), next: of?.nextAtom ?? n + 1 };
  }

  if (has(atom, 'family')) {
    if (looksLikeLongerName(ctx, atom)) return { mention: null, next: n + 1 };
    const key = tokens[atom.first].key;
    const earlier = [...prior].reverse().find((m) => m.family && m.family.toLowerCase() === key);
    if (earlier) return { mention: mk(ctx, atom.first, atom.last, earlier.actor, null, { person: earlier.person, family: earlier.family }), next: n + 1 };
    const candidates = pick(atom, 'family')!.people;
    const inOffice = candidates.filter((p) => roleAt(p, ctx.date));
    const chosen = inOffice.length === 1 ? inOffice[0] : candidates.length === 1 ? candidates[0] : null;
    if (chosen) return { mention: mk(ctx, atom.first, atom.last, personActor(ctx, chosen, null, null), null, { person: chosen, family: chosen.family }), next: n + 1 };
  }

  if (has(atom, 'org')) {
    const org = pick(atom, 'org')!.org;
    return { mention: mk(ctx, atom.first, atom.last, orgActor(ctx, org), null, {}), next: n + 1 };
  }

  const country = pickCountry(atom, 'name', 'government', 'people');
  // one side's name for a place outranks the same words in the gazetteer ("Zangezur corridor")
  const places = atom.payloads.map((p) => p.entry).filter((e): e is Extract<MentionEntry, { t: 'place' }> => e.t === 'place');
  const place = places.find((e) => e.contested) ?? places[0];
  if (country && !looksLikeLongerName(ctx, atom) && !isSubdivisionOfAnotherCountry(ctx, atom, country.iso3)) {
    const locative = isLocative(tokens, atom.first);
    if (country.form === 'people') {
      return { mention: mk(ctx, withArticle(tokens, atom.first), atom.last, peopleActor(ctx, country.iso3), null, {}), next: n + 1 };
    }
    if (country.form === 'name') {
      const placeOf = ctx.lex.places.get(country.iso3) ?? null;
      return { mention: mk(ctx, atom.first, atom.last, locative ? null : stateActor(ctx, country.iso3), locative ? placeOf : null, {}), next: n + 1 };
    }
    // a capital: its government unless it names a place ("in Ankara", "Paris, France")
    if (!locative && !place?.contested && !followedByCommaCountry(ctx, atoms, n)) {
      return { mention: mk(ctx, atom.first, atom.last, governmentActor(ctx, country.iso3), null, {}), next: n + 1 };
    }
  }
  if (place && !looksLikeLongerName(ctx, atom) && placeIsProper(tokens, atom)) {
    return { mention: mk(ctx, atom.first, atom.last, null, place.place, { usedBy: place.contested?.used_by }), next: n + 1 };
  }
  return { mention: null, next: n + 1 };
}

function mk(ctx: Ctx, first: number, last: number, actor: Actor | null, place: Place | null, extra: Partial<Mention>): Mention {
  const { tokens, doc } = ctx;
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { first, last, start, end, text: doc.text.slice(start, end), sentence: tokens[first].sentence, actor, place, ...extra };
}

/** Include a directly preceding "the" in the mention ("the foreign ministry"). */
function withArticle(tokens: Token[], first: number): number {
  return first > 0 && tokens[first - 1].key === 'the' ? first - 1 : first;
}

function gapIsAdjectives(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let i = from; i < to; i++) if (tokens[i].pos !== 'ADJ' && tokens[i].pos !== 'VERB') return false;
  return true;
}

function isLocative(tokens: Token[], first: number): boolean {
  let i = first - 1;
  while (i >= 0 && (tokens[i].key === 'the' || tokens[i].pos === 'ADJ' && !tokens[i].cap)) i--;
  return i >= 0 && LOCATIVE.has(tokens[i].key);
}

/** "Michael Jordan", "Jordan Henderson", "Paris Hilton", "Washington Post": part of a longer name. */
function looksLikeLongerName(ctx: Ctx, atom: Atom): boolean {
  const { tokens } = ctx;
  const next = tokens[atom.last + 1];
  const prev = tokens[atom.first - 1];
  const unknownName = (t: Token | undefined, sentenceStartOk: boolean): boolean =>
    !!t && !t.space && t.cap && t.pos === 'PROPN' && /^\p{L}/u.test(t.text) && t.sentence === tokens[atom.first].sentence &&
    (sentenceStartOk || ctx.doc.sentences[t.sentence].first !== t.i) && !ctx.lex.mentions.matchesAt(tokens, t.i).length;
  return unknownName(next, true) || unknownName(prev, false);
}

/** "Atlanta, Georgia": a name after "City," where the city lies in another country is a subdivision. */
function isSubdivisionOfAnotherCountry(ctx: Ctx, atom: Atom, iso3: string): boolean {
  const { tokens } = ctx;
  if (atom.first < 2 || tokens[atom.first - 1].key !== ',') return false;
  for (let i = Math.max(0, atom.first - 4); i < atom.first - 1; i++) {
    for (const m of ctx.lex.mentions.matchesAt(tokens, i)) {
      if (m.last !== atom.first - 2) continue;
      for (const p of m.payloads) if (p.entry.t === 'place' && p.entry.place.kind === 'city' && p.entry.place.country && p.entry.place.country !== iso3) return true;
    }
  }
  return false;
}

/** "Paris, France": the capital is a place, qualified by its country. */
function followedByCommaCountry(ctx: Ctx, atoms: Atom[], n: number): boolean {
  const next = atoms[n + 1];
  return !!next && next.first === atoms[n].last + 2 && ctx.tokens[atoms[n].last + 1].key === ',' && !!pickCountry(next, 'name');
}

/** Single-word city names must be tagged as proper nouns ("Nice", "Split", "Reading" are often words). */
function placeIsProper(tokens: Token[], atom: Atom): boolean {
  if (atom.first !== atom.last) return true;
  return tokens[atom.first].pos === 'PROPN' || isLocative(tokens, atom.first);
}

/** "of Azerbaijan", "of the United Nations" right after token range of atom n. */
function ofPhrase(ctx: Ctx, atoms: Atom[], n: number): { country: string | null; org?: Modifier['org']; last: number; nextAtom: number } | null {
  const { tokens } = ctx;
  const atom = atoms[n];
  const next = atoms[n + 1];
  if (!next) return null;
  let i = atom.last + 1;
  if (tokens[i]?.key !== 'of') return null;
  i++;
  if (tokens[i]?.key === 'the') i++;
  if (next.first !== i) return null;
  const c = pickCountry(next, 'name');
  if (c) return { country: c.iso3, last: next.last, nextAtom: n + 2 };
  const org = pick(next, 'org');
  if (org) return { country: org.org.country, org: org.org, last: next.last, nextAtom: n + 2 };
  return null;
}

interface Titled {
  actor: Actor;
  person?: PersonInfo;
  family: string;
  last: number;
  nextAtom: number;
  ofCountry: string | null;
}

/** [title agent] followed by a personal name, known or not: "President Ilham Aliyev (of Azerbaijan)". */
function titledPerson(ctx: Ctx, atoms: Atom[], n: number, agent: AgentEntry): Titled | null {
  if (!agent.title) return null;
  const { tokens } = ctx;
  const atom = atoms[n];
  const next = atoms[n + 1];
  let i = atom.last + 1;
  // a known person right after the title
  if (next && next.first === i && (has(next, 'person') || has(next, 'family'))) {
    const person = pick(next, 'person')?.person ?? pickFamily(ctx, next);
    if (person) {
      const of = ofPhrase(ctx, atoms, n + 1);
      return { actor: personActor(ctx, person, agent, of?.country ?? null), person, family: person.family, last: of?.last ?? next.last, nextAtom: of?.nextAtom ?? n + 2, ofCountry: of?.country ?? null };
    }
  }
  // an unknown name: capitalised words (with name particles), not themselves dictionary phrases
  const startName = i;
  while (i < tokens.length && !tokens[i].space && tokens[i].sentence === tokens[atom.first].sentence) {
    const t = tokens[i];
    const isName = t.cap && /^\p{L}[\p{L}.'’-]*$/u.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ');
    const particle = NAME_PARTICLES.has(t.key) && i > startName && tokens[i + 1]?.cap;
    if (!(isName || particle) || (isName && ctx.lex.mentions.matchesAt(tokens, i).some((m) => m.payloads.some((p) => p.entry.t !== 'family' && p.entry.t !== 'person')))) break;
    i++;
  }
  const nameEnd = i - 1;
  if (nameEnd < startName || !tokens[nameEnd].cap) return null;
  const name = ctx.doc.text.slice(tokens[startName].start, tokens[nameEnd].end);
  let nextAtom = n + 1;
  while (nextAtom < atoms.length && atoms[nextAtom].first <= nameEnd) nextAtom++;
  const fake: Atom = { first: startName, last: nameEnd, payloads: [] };
  const of = atoms[nextAtom] ? ofPhraseAfter(ctx, fake, atoms[nextAtom]) : null;
  const family = tokens[nameEnd].text;
  const actor: Actor = {
    id: `person:${slug(name)}`, name, kind: 'person', country: of?.country ?? null, sector: agent.sector,
    cameo: of?.country ? `${of.country}${agent.sector}` : null, wikidata: null,
  };
  return { actor, family, last: of ? atoms[nextAtom].last : nameEnd, nextAtom: of ? nextAtom + 1 : nextAtom, ofCountry: of?.country ?? null };
}

function ofPhraseAfter(ctx: Ctx, before: Atom, next: Atom): { country: string | null } | null {
  const { tokens } = ctx;
  let i = before.last + 1;
  if (tokens[i]?.key !== 'of') return null;
  i++;
  if (tokens[i]?.key === 'the') i++;
  if (next.first !== i) return null;
  const c = pickCountry(next, 'name');
  if (c) return { country: c.iso3 };
  const org = pick(next, 'org');
  return org ? { country: org.org.country } : null;
}

function pickFamily(ctx: Ctx, atom: Atom): PersonInfo | undefined {
  const people = pick(atom, 'family')?.people ?? [];
  const inOffice = people.filter((p) => roleAt(p, ctx.date));
  return inOffice.length === 1 ? inOffice[0] : people.length === 1 ? people[0] : undefined;
}

// --- actors

function countryName(ctx: Ctx, iso3: string): string {
  return (ctx.lex.countries.get(iso3) as CountryInfo | undefined)?.name ?? iso3;
}

/** A state named as an actor acts through its government (CAMEO codes it by the country alone). */
function stateActor(ctx: Ctx, iso3: string): Actor {
  return { id: iso3, name: countryName(ctx, iso3), kind: 'state', country: iso3, sector: 'GOV', cameo: iso3, wikidata: null };
}

export function governmentActor(ctx: { lex: Lexicon }, iso3: string): Actor {
  const name = (ctx.lex.countries.get(iso3) as CountryInfo | undefined)?.name ?? iso3;
  return { id: `${iso3}:government`, name: `Government of ${name}`, kind: 'state', country: iso3, sector: 'GOV', cameo: `${iso3}GOV`, wikidata: null };
}

function peopleActor(ctx: Ctx, iso3: string): Actor {
  return { id: `${iso3}:civilians`, name: `${countryName(ctx, iso3)} civilians`, kind: 'group', country: iso3, sector: 'CVL', cameo: `${iso3}CVL`, wikidata: null };
}

function orgActor(_ctx: Ctx, org: NonNullable<Modifier['org']>): Actor {
  return {
    id: org.id, name: org.name, kind: org.sector === 'REB' ? 'group' : 'organization', country: org.country, sector: org.sector,
    cameo: org.cameo ?? (org.country ? `${org.country}${org.sector}` : org.sector === 'IGO' ? 'IGO' : null), wikidata: org.wikidata ?? null,
  };
}

function agentActor(ctx: Ctx, agent: AgentEntry, country: string | null, org?: Modifier['org']): Actor | null {
  if (org) {
    return {
      id: `${org.id}:${agent.id}`, name: `${org.name} ${agent.name}`, kind: agent.kind === 'group' ? 'group' : agent.kind, country: org.country,
      sector: org.sector === 'IGO' ? 'IGO' : agent.sector, cameo: org.cameo ?? null, wikidata: null,
    };
  }
  if (!country) return null;
  if (agent.kind === 'person' && agent.role) {
    const holders = [...ctx.lex.people.values()].filter((p) => p.roles.some((r) => r.country === country && r.role === agent.role && ctx.date && r.from <= ctx.date && (r.to === null || ctx.date <= r.to + '\uffff')));
    if (holders.length === 1) return personActor(ctx, holders[0], agent, country);
  }
  if (agent.id === 'government') return governmentActor(ctx, country);
  return {
    id: `${country}:${agent.id}`, name: `${countryName(ctx, country)} ${agent.name}`, kind: agent.kind, country, sector: agent.sector,
    cameo: `${country}${agent.sector}`, wikidata: null,
  };
}

function personActor(ctx: Ctx, person: PersonInfo, title: AgentEntry | null, country: string | null): Actor {
  const role = roleAt(person, ctx.date);
  const c = role?.country ?? country ?? person.roles[0]?.country ?? null;
  const sector = role?.sector ?? title?.sector ?? person.roles[0]?.sector ?? null;
  return {
    id: person.id, name: person.name, kind: 'person', country: c, sector,
    cameo: c && sector ? `${c}${sector}` : sector === 'IGO' ? 'IGO' : null, wikidata: person.wikidata ?? null,
  };
}
