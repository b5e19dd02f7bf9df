// Runtime schemas of the dictionary files in data/ (formats: docs/dictionaries.md).
import { z } from 'zod';
import { PloverType, Sector } from '../model/analysis.js';

const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');
const IsoDate = z.union([z.string(), z.date(), z.number().int()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY-MM-DD, YYYY-MM or YYYY'));
const Words = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

export const CountryAdditions = z.record(Iso3, z.object({
  package_code: z.string().optional(),
  name: z.string().optional(),
  aliases: Words,
  exact: Words,
  adjectives: Words,
  government: Words,
  not: Words,
  not_government: Words,
  /** a dependent territory with its own ISO code, coded as a party of its own as CAMEO does (HKG, NCL); its sovereign */
  territory_of: Iso3.optional(),
}).strict());

export const AgentEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'organization', 'group']),
  sector: Sector,
  terms: Words,
  exact: Words,
  title: z.boolean().default(false),
  role: z.string().optional(),
  /** a generic head ("the ministry") that refers back to any earlier agent with this head */
  head: z.string().optional(),
  generic: z.boolean().default(false),
  /** bodies of no one country ("aid agencies"): never placed in the country of their context */
  international: z.boolean().default(false),
  /** words that, right before a term, make it name no body ("on social media") */
  not_after: Words,
}).strict();

export const OrganizationEntry = z.object({
  id: z.string(),
  name: z.string(),
  sector: Sector,
  country: Iso3.nullable().default(null),
  cameo: z.string().optional(),
  wikidata: z.string().optional(),
  aliases: Words,
  exact: Words,
  /** a city that stands for the body, as a capital does for its government ("Brussels" for the EU) */
  seats: Words,
  note: z.string().optional(),
}).passthrough();

export const Role = z.object({
  country: Iso3.nullable(),
  role: z.string(),
  sector: Sector,
  from: IsoDate,
  to: IsoDate.nullable().default(null),
}).passthrough();

export const PersonEntry = z.object({
  id: z.string(),
  name: z.string(),
  wikidata: z.string().optional(),
  aliases: Words,
  family: z.string().nullish(),
  gender: z.enum(['m', 'f']).optional(),
  roles: z.array(Role).default([]),
}).passthrough();

export const PlaceEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['region', 'feature', 'city', 'country']),
  country: Iso3.nullable().default(null),
  lat: z.number().nullable().default(null),
  lon: z.number().nullable().default(null),
  contested: z.boolean().default(false),
  aliases: Words,
  exact: Words,
}).passthrough();

export const CityEntry = z.object({
  name: z.string(),
  country: Iso3,
  lat: z.number(),
  lon: z.number(),
  aliases: Words,
}).passthrough();

export const ContestedEntry = z.object({
  text: z.string(),
  denotes: z.string(),
  used_by: z.string(),
  note: z.string().optional(),
}).passthrough();

export const AgreementEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  signed: IsoDate.nullable().default(null),
  in_force: IsoDate.nullable().optional(),
  date_aliases: z.array(IsoDate).default([]),
  parties: Words,
  places: Words,
  aliases: Words,
  exact: Words,
  number: z.union([z.string(), z.number()]).transform(String).optional(),
  summary: z.string().optional(),
}).passthrough();

/** The closed-class word lists of data/text/grammar.yaml, by their keys there (each one a list of words). */
export const GRAMMAR_LISTS = [
  'locative', 'motion', 'feature_words', 'name_particles', 'representatives', 'qualifiers', 'naming', 'negation',
  'relational_groups', 'envoys', 'body_words', 'research_words', 'academic_words', 'international_words',
  'honorifics', 'intent_modals', 'intent_governors', 'commitment_governors', 'obligation_modals', 'mandative_words',
  'failure_governors', 'weapon_nouns', 'hazard_nouns', 'people_nouns', 'causative_verbs', 'area_nouns',
  'joint_words', 'backing_participles', 'perpetration_verbs', 'currency_nouns', 'territory_nouns', 'sport_nouns',
  'craft_nouns', 'object_verbs', 'flight_words', 'refuge_words', 'return_words', 'proprietor_verbs',
  'owned_businesses', 'happening_verbs', 'locality_words', 'reciprocal_words', 'equipping_words',
  'party_participles', 'visit_nouns', 'call_nouns', 'call_media', 'charge_nouns', 'protest_purposes',
  'arrival_verbs', 'obstructing_verbs', 'kin_words', 'diplomat_words', 'topic_verbs', 'meeting_nouns',
  'crowd_quantities', 'market_groups',
] as const;
export type GrammarListKey = (typeof GRAMMAR_LISTS)[number];

/** Each dictionary file has exactly one of these top-level keys. */
export const DICTIONARY_KINDS = {
  countries: CountryAdditions,
  agents: z.array(AgentEntry),
  organizations: z.array(OrganizationEntry),
  people: z.array(PersonEntry),
  places: z.array(PlaceEntry),
  cities: z.array(CityEntry),
  contested: z.array(ContestedEntry),
  agreements: z.array(AgreementEntry),
  calendar: z.lazy(() => Calendar),
  cues: z.lazy(() => Cues),
  citations: z.lazy(() => Citations),
  given_names: z.object({ female: z.array(z.string()), male: z.array(z.string()) }).strict(),
  /** what a name says of where its bearer is from: countries, with given names, family names and endings */
  name_origins: z.array(z.object({ countries: z.array(z.string().regex(/^[A-Z]{3}$/)).min(1), given: z.array(z.string()).default([]), family: z.array(z.string()).default([]), suffixes: z.array(z.string()).default([]), family_first: z.boolean().default(false) }).strict()),
  grammar: z.object({
    ...Object.fromEntries(GRAMMAR_LISTS.map((k) => [k, z.array(z.string())])) as Record<GrammarListKey, z.ZodArray<z.ZodString>>,
    body_word_sectors: z.record(z.string(), z.enum(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'REB', 'OPP', 'PTY', 'IGO', 'NGO', 'MED', 'BUS', 'CVL', 'REF', 'SPY'])).default({}),
  }).strict(),
  events: z.lazy(() => z.array(EventPattern)),
  /** event nouns heading the subject of a clause ("Israeli strikes on Gaza killed …"), in the verb patterns' syntax */
  event_nouns: z.lazy(() => z.array(EventPattern)),
  cameo: z.lazy(() => z.record(z.string().regex(/^\d{2,4}$/), z.object({ label: z.string(), goldstein: z.number().min(-10).max(10) }).passthrough())),
} as const;
export type DictionaryKind = keyof typeof DICTIONARY_KINDS;

export type AgentEntry = z.infer<typeof AgentEntry>;
export type OrganizationEntry = z.infer<typeof OrganizationEntry>;
export type PersonEntry = z.infer<typeof PersonEntry>;
export type PlaceEntry = z.infer<typeof PlaceEntry>;
export type CityEntry = z.infer<typeof CityEntry>;
export type ContestedEntry = z.infer<typeof ContestedEntry>;
export type AgreementEntry = z.infer<typeof AgreementEntry>;
export type CountryAdditions = z.infer<typeof CountryAdditions>;

export const Calendar = z.object({
  months: z.array(z.array(z.string()).min(1)).length(12),
  weekdays: z.array(z.array(z.string()).min(1)).length(7),
  parts_of_day: z.array(z.string()),
  numbers: z.record(z.string(), z.number()),
  prepositions: z.array(z.string()),
}).strict();
export type Calendar = z.infer<typeof Calendar>;

export const Cues = z.object({
  verbs: z.array(z.string()),
  phrases: z.array(z.string()),
  documents: z.array(z.string()),
  collective_documents: z.array(z.string()).default([]),
  reporting: z.array(z.string()).default([]),
  characterizing: z.array(z.string()).default([]),
  alleging: z.array(z.string()).default([]),
  content_nouns: z.array(z.string()).default([]),
  pronouns: z.record(z.string(), z.enum(['person-m', 'person-f', 'any', 'organization'])),
}).strict();
export type Cues = z.infer<typeof Cues>;

export const Citations = z.object({
  kinds: z.record(z.string(), z.array(z.string())),
  modifiers: z.array(z.string()),
  invoking: z.array(z.string()),
}).strict();
export type Citations = z.infer<typeof Citations>;

const Code = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2 to 4 digits'));
export const EventPattern = z.object({
  pattern: z.string().min(1),
  type: PloverType,
  cameo: Code,
  mode: z.string().nullish(),
  example: z.string().optional(),
  /** the object acts on the subject: "X hosted Y" is Y's visit to X */
  reverse: z.boolean().default(false),
  /** the target must be a party: "hit X" holds for "hit Kyiv", not for "inflation hit 75 percent" */
  party: z.boolean().default(false),
  /** the subject must be armed forces: "leave X" is a withdrawal for "French troops left Mali", not for "Blinken left Kyiv" */
  forces: z.boolean().default(false),
  goldstein: z.number().min(-10).max(10).optional(),
  /** event nouns only: the noun counts only with one of these words before it ("a general strike") */
  modifiers: z.array(z.string()).default([]),
}).passthrough();
export type EventPattern = z.infer<typeof EventPattern>;
