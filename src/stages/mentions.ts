// Mentions: dictionary phrases composed into actor and place mentions, then resolved.
//   "Armenia’s Foreign Ministry", "the Azerbaijani President", "President Ilham Aliyev of Azerbaijan",
//   "Foreign Minister X of Y", "argued Yerevan" (a capital for its government), "in Ankara" (a place),
//   and later short mentions ("Aliyev", "the foreign ministry", "the ministry") resolved to the earlier full one.
import type { Actor, Place } from '../model/analysis.js';
import { civiliansActor, stateActor } from '../model/actors.js';
import { plural, roleAt, slug, type AgentEntry, type CountryInfo, type Lexicon, type MentionEntry, type PersonInfo } from '../lexicon/compile.js';
import type { TrieMatch } from '../lexicon/trie.js';
import type { Doc, Mention } from '../pipeline/doc.js';
import { matchKey, nextToken, type Token } from '../text/tokenize.js';
import { cueSets, findQuotationMarks } from './quotes.js';


/** What may end a personal name: "Jr.", "II". */
const NAME_SUFFIX = /^(Jr\.?|Sr\.?|I{2,3}|IV|VI{0,3})$/;

type Atom = TrieMatch<MentionEntry>;


interface Ctx {
  doc: Doc;
  lex: Lexicon;
  tokens: Token[];
  date: string | null;
  /** countries the article names in any form (a country, a nationality, a place in it) */
  named: Set<string>;
  /** 1 where a token belongs to a date expression */
  inDate: Uint8Array;
  /** the city of another country an atom's place name means here: the country the article names */
  homonyms: Map<Atom, Place>;
}

const POSSESSIVE = new Set(["'s", "'"]);

/** "on social media": a term of an agent whose `not_after` holds the word before it names no one. */
function ruledOutByWordBefore(doc: Doc, a: Atom): boolean {
  const before = doc.tokens[a.first - 1]?.key;
  return !!before && a.payloads.every((p) => p.entry.t === 'agent' && p.entry.agent.not_after.includes(before));
}

/**
 * "Rwanda’s deputy government spokeswoman", "a deputy police chief": a qualifier that is also a role of its own ("deputy")
 * qualifies the title a word or two after it.
 */
function qualifiesTitle(doc: Doc, a: Atom, after: Atom[]): boolean {
  const { tokens } = doc;
  if (a.first !== a.last || !doc.lexicon.grammar.qualifiers.has(tokens[a.first].key) || !a.payloads.every((p) => p.entry.t === 'agent')) return false;
  const title = after.find((n) => n.payloads.some((p) => p.entry.t === 'agent' && p.entry.agent.kind === 'person' && p.entry.agent.title));
  return !!title && title.first - a.last <= 3 && tokens.slice(a.last + 1, title.first).every((t) => !t.cap && (t.pos === 'NOUN' || t.pos === 'ADJ'));
}

const INDEFINITE = new Set(['a', 'an']);
/** Participles that give a name to a description: "a Ugandan named X". */
const NAME_GIVING = new Set(['named', 'called']);

export function mentionsStage(doc: Doc): void {
  const bySentence = doc.sentences.map((s) => {
    const atoms = doc.lexicon.mentions.longest(doc.tokens, s.first, s.last);
    return atoms.filter((a, k) => !ruledOutByWordBefore(doc, a) && !qualifiesTitle(doc, a, atoms.slice(k + 1, k + 3)));
  });
  // (not by a capital's name that other countries' cities share: "Tripoli" itself says nothing)
  const ambiguous = (a: Atom): boolean => a.payloads.some((p) => p.entry.t === 'place' && doc.lexicon.cityHomonyms.has(p.entry.place.id));
  const namedStates = new Set<string>();
  for (const atoms of bySentence) for (const a of atoms) for (const p of a.payloads) if (p.entry.t === 'country' && !ambiguous(a)) namedStates.add(p.entry.iso3);
  const named = new Set(namedStates);
  // "Tripoli" in an article that names Lebanon, not Libya, is Tripoli, Lebanon
  const homonyms = new Map<Atom, Place>();
  for (const atoms of bySentence) {
    for (const a of atoms) for (const p of a.payloads) {
      if (p.entry.t !== 'place' || !p.entry.place.country) continue;
      const homonym = namedStates.has(p.entry.place.country) ? undefined : doc.lexicon.cityHomonyms.get(p.entry.place.id)?.find((h) => h.country && namedStates.has(h.country));
      if (homonym) homonyms.set(a, homonym);
      named.add(homonym?.country ?? p.entry.place.country);
    }
  }
  const inDate = new Uint8Array(doc.tokens.length);
  for (const d of doc.dates) inDate.fill(1, d.first, d.last + 1);
  const ctx: Ctx = { doc, lex: doc.lexicon, tokens: doc.tokens, date: doc.meta.published, named, inDate, homonyms };
  const out: Mention[] = [];
  for (const atoms of bySentence) {
    let n = 0;
    while (n < atoms.length) {
      const res = compose(ctx, atoms, n, out);
      if (res.mention) out.push(res.mention);
      if (res.mention && res.extra) out.push(res.extra);
      if (res.mention && res.nested) {
        const inner = compose(ctx, [res.nested], 0, out).mention;
        if (inner?.actor) out.push(inner);
      }
      n = res.next;
    }
  }
  doc.mentions = countryless(ctx, oppositionParties(ctx, kinNamed(ctx, refugeesNamed(ctx, resolveShortNames(ctx, contextCountries(ctx, officeHolders(ctx, appositives(ctx, out)))))))).filter((m) => m.actor || m.place);
}

/**
 * A text that names no country or place at all ("Rebels released 12 hostages"): an armed or state body or group that
 * acts (right before its verb) is of no known country, with its sector; anywhere else a bare word left unplaced stays no one.
 */
function countryless(ctx: Ctx, mentions: Mention[]): Mention[] {
  if (mentions.some((m) => m.place || m.actor?.country)) return mentions;
  return mentions.map((m) => !m.actor && m.agent && !m.agent.generic && m.agent.kind !== 'person' && ['REB', 'MIL', 'COP', 'GOV'].includes(m.agent.sector ?? '') && ctx.tokens[m.last + 1]?.pos === 'VERB'
    ? { ...m, actor: { id: `unknown:${m.agent.id}`, name: m.agent.name, kind: m.agent.kind, country: null, sector: m.agent.sector, cameo: m.agent.sector, wikidata: null } } : m);
}

/** Sectors a bare group word can take from where it is ("protesters … in Yerevan"). */
const LOCAL_SECTORS = new Set(['CVL', 'COP', 'REB', 'OPP', 'REF', 'MIL']);

/** People whose role gave them no state on purpose ("an official of the IAEA", "a researcher at Amnesty International"). */
const stateless = new WeakSet<Actor>();

/**
 * A bare group word ("protesters", "militants", "police") belongs to the country of the place
 * named in its sentence, or else of the other actors there ("Kenyan police … on protesters").
 * A person or body of no stated country ("spokesman X", "the interior ministry") belongs to the
 * country of its context: see contextCountry().
 */
function contextCountries(ctx: Ctx, mentions: Mention[]): Mention[] {
  const speechVerbs = cueSets(ctx.lex.cues).verbs;
  let marks: { start: number; end: number }[] | undefined;
  const quoted = (x: Mention): boolean => (marks ??= findQuotationMarks(ctx.doc.text)).some((q) => q.start <= x.start && x.end <= q.end);
  // group words and bodies first: a person may take the country of the protesters or the ministry around them
  const placed = mentions.map((m) => {
    if (m.actor || !m.agent || m.agent.generic) return m;
    // a body named bare ("the interior ministry said") is the one of the country the passage is about
    // … and so is an unnamed official ("a senior Treasury official said", "officials said")
    // (not "a delegation from ECOWAS": whose it is follows it)
    // … and someone known only by a title ("a senior police officer in Abuja said")
    const unnamedOfficeHolder = (m.agent.id === 'official' && /^officials?$/.test(ctx.tokens[m.last].key) && ctx.tokens[m.last + 1]?.key !== 'from')
      // (a subject or a speaker, "“…,” said a senior police officer", not one in apposition to a name, "Amra Hadžić, a
      // lawmaker in the state parliament", nor one acted on, "leaving a police officer dead")
      // (or in business, by trade: "A buyer for one of the large contract merchants, who declined to be named, said")
      || (m.agent.kind === 'person' && (!!m.agent.title || m.agent.sector === 'BUS') && [m.first, beforeModifiers(ctx.tokens, m.first)].some((k) => {
        const before = ctx.tokens[k - 1];
        const actedOn = !!before && before.sentence === m.sentence && (before.key === ',' || ['ADP', 'SCONJ'].includes(before.pos) || (before.pos === 'VERB' && !speechVerbs.has(before.lemma)));
        return INDEFINITE.has(ctx.tokens[k]?.key ?? '') && !actedOn;
      }));
    if (m.agent.international) return { ...m, actor: agentActor(ctx, m.agent, null) };
    if (m.agent.kind === 'person' && m.agent.title && !unnamedOfficeHolder) return m;
    if ((m.agent.kind === 'organization' || unnamedOfficeHolder) && !LOCAL_SECTORS.has(m.agent.sector)) {
      // ("Prosecutors in Paris", "the ministry in Kabul": a body where it sits)
      const seat = ['in', 'at'].includes(ctx.tokens[m.last + 1]?.key ?? '') && !ctx.lex.grammar.envoys.has(ctx.tokens[m.last].key)
        ? mentions.find((x) => x.first === m.last + 2 && x.place?.country && !x.actor)?.place?.country : undefined;
      const country = seat ?? compoundOwner(ctx, mentions, m) ?? nameOpenedByCountry(ctx, m.first) ?? contextCountry(ctx, mentions, m, quoted);
      const actor = country ? agentActor(ctx, m.agent, country) : null;
      // (someone unnamed is called what the text calls them: "a buyer for one of the merchants" is a buyer, not an executive)
      const head = ctx.tokens[m.last];
      // ("Thai officials said": several, a group)
      const several = head.key !== head.lemma;
      const called = actor && unnamedOfficeHolder && actor.id === `${country}:${m.agent.id}` && /^\p{Ll}+$/u.test(head.lemma)
        ? { ...actor, name: `${countryName(ctx, country!)} ${head.lemma[0].toUpperCase()}${head.lemma.slice(1)}${several ? 's' : ''}`, kind: several ? 'group' as const : actor.kind } : actor;
      return called ? { ...m, actor: called } : m;
    }
    if (!LOCAL_SECTORS.has(m.agent.sector)) return m;
    const distance = (x: Mention): number => (x.first > m.last ? x.first - m.last : m.first - x.last);
    // (a nationality adjective on a person or a civilian says where they are from, not where the others are: "Gunmen
    // kidnapped a Chinese engineer in Nigeria", "The junta expelled the French ambassador")
    const inSentence = (x: Mention): boolean => x.sentence === m.sentence && x !== m && !reportedBy(ctx, m, x) && !foreignNational(ctx, x);
    // (a news agency in the dateline says nothing of where gunmen are: "KADUNA (Reuters) - Gunmen …")
    const nearest = mentions
      .filter((x) => inSentence(x) && (x.place?.country || (x.actor?.country && x.actor.kind !== 'person' && x.actor.sector !== 'MED')))
      .sort((a, b) => distance(a) - distance(b))[0];
    // armed forces are often someone else's in the sentence: for them, only a sentence naming one country will do
    const named = new Set(mentions.filter((x) => inSentence(x) && x.actor?.sector !== 'MED').map((x) => x.actor?.country ?? x.place?.country).filter(Boolean));
    // civilians are where they are: a place in their sentence outranks a party acting on them ("farmers were
    // wounded by Israeli fire near Rafah")
    const placeNearest = ['CVL', 'REF'].includes(m.agent.sector ?? '')
      ? mentions.filter((x) => inSentence(x) && x.place?.country && !x.actor).sort((a, b) => distance(a) - distance(b))[0] : undefined;
    const backer = compoundOwner(ctx, mentions, m);
    const local = backer ?? (m.agent.sector === 'MIL' ? (named.size === 1 ? [...named][0] : undefined) : placeNearest?.place?.country ?? nearest?.place?.country ?? nearest?.actor?.country);
    const country = local ?? (m.agent.kind === 'organization' || m.agent.sector === 'CVL' || unnamedOfficeHolder ? contextCountry(ctx, mentions, m, quoted) : null);
    return country ? { ...m, actor: agentActor(ctx, m.agent, country) } : m;
  });
  const out: Mention[] = [];
  for (const m of placed) {
    // "Interior Minister X said …" then "the minister said": X was placed only now, so the generic title
    // finds them now (the subject of their clause first, as at composition)
    // ("A Western diplomat … said" then "the diplomat said": the same head noun, definite, means the same person)
    const definite = !m.actor && m.agent?.kind === 'person' && ctx.tokens[m.first].key === 'the';
    if (!m.actor && m.agent?.kind === 'person' && (m.agent.generic || definite)) {
      const sameHead = (x: Mention): boolean => m.agent!.generic ? x.agent?.head === m.agent!.head : ctx.tokens[x.last].lemma === ctx.tokens[m.last].lemma;
      // the latest such person that was a subject, else the latest one
      let antecedent: Mention | undefined;
      for (let k = out.length - 1; k >= 0; k--) {
        const x = out[k];
        if (x.actor?.kind !== 'person' || !sameHead(x) || !(x.actor.country || x.agent?.international)) continue;
        antecedent ??= x;
        if (isSubject(ctx, x)) {
          antecedent = x;
          break;
        }
      }
      out.push(antecedent ? { ...m, actor: antecedent.actor } : m);
      continue;
    }
    // ("the group’s military spokesman": the body the text was about owns the role, with its sector)
    const owner = m.actor?.id.startsWith(`${UNPLACED}:`) ? referredBody(ctx, placed, m.first)?.actor : undefined;
    if (owner) {
      out.push({ ...m, actor: { ...m.actor!, id: m.actor!.id.replace(UNPLACED, owner.id), name: `${owner.name} ${m.actor!.name}`, country: owner.country, sector: owner.sector, cameo: owner.cameo } });
      continue;
    }
    const unknownBody = !!m.actor && m.actor.id.startsWith('body:') && !m.actor.country && m.actor.sector !== 'IGO';
    // ("a senior Treasury official said": a role of a body no one's yet)
    // (not "the group’s military spokesman": whose it is, the quotes stage finds)
    const unplacedRole = !!m.actor && m.actor.id.startsWith(`${UNPLACED}:`) && !POSSESSIVE.has(ctx.tokens[m.first - 1]?.key ?? '');
    if (!m.actor || (!unknownBody && !unplacedRole && (m.actor.kind !== 'person' || m.actor.country || !m.actor.id.startsWith('person:') || m.actor.sector === 'IGO' || stateless.has(m.actor)))) {
      out.push(m);
      continue;
    }
    const country = contextCountry(ctx, placed, m, quoted);
    const placedActor = (a: Actor, c: string): Actor => unplacedRole
      ? { ...a, id: a.id.replace(UNPLACED, c), name: `${countryName(ctx, c)} ${a.name}`, country: c, cameo: `${c}${a.sector ?? ''}` }
      : { ...a, country: c, cameo: `${c}${a.sector ?? ''}` };
    out.push(country ? { ...m, actor: placedActor(m.actor, country) } : m);
  }
  return out;
}

/**
 * The country of someone the text does not place: the one state acting in their sentence, else the
 * one place named there ("told reporters in New Delhi", "In Kigali, spokeswoman X said"), else the
 * same in the nearest sentence before that names just one, so the paragraph at hand counts before
 * the article's opening. Words inside quotation marks say nothing of whom a person works for.
 */
interface ContextIndex {
  /** mentions that can place someone, by sentence: none inside quotation marks, no news agencies */
  bySentence: Map<number, Mention[]>;
  /** sentences that have such mentions, last first */
  sentences: number[];
  /** countries that play a part in the article: acting, or named as a place more than once, or the only place */
  inPlay: Set<string>;
  /** the article's principal country up to each of those sentences */
  principal: Map<number, string | null>;
  /** the dateline's capital read as its state where its sentence names that state nowhere else and another acts there
   * ("NAIROBI (Reuters) — Somalia accused Ethiopian troops …"): where a regional bureau is, no state acting */
  bureau?: Mention;
}

const contextIndexes = new WeakMap<Mention[], ContextIndex>();

/** Built once per list of mentions: contextCountry() runs for every unplaced mention of a long article. */
function contextIndex(ctx: Ctx, mentions: Mention[], quoted: (x: Mention) => boolean): ContextIndex {
  const known = contextIndexes.get(mentions);
  if (known) return known;
  const bySentence = new Map<number, Mention[]>();
  // a news agency ("BAMAKO (Reuters) -", "told AFP") says nothing of whom a person works for
  for (const x of mentions) {
    if (x.actor?.sector === 'MED' || quoted(x)) continue;
    const list = bySentence.get(x.sentence);
    if (list) list.push(x);
    else bySentence.set(x.sentence, [x]);
  }
  const placeCountries = mentions.map((x) => x.place?.country).filter((c): c is string => !!c);
  const placeCounts = new Map<string, number>();
  for (const c of placeCountries) placeCounts.set(c, (placeCounts.get(c) ?? 0) + 1);
  const inPlay = new Set<string>(mentions.map((x) => x.actor?.country).filter((c): c is string => !!c));
  for (const [c, n] of placeCounts) if (n > 1 || placeCounts.size === 1) inPlay.add(c);
  const ascending = [...bySentence.keys()].sort((a, b) => a - b);
  const principal = new Map<number, string | null>();
  // named most often so far, the first named on a tie
  const counts = new Map<string, number>();
  // the dateline ("KYIV, Aug 24 (Reuters) -") says where the story is, and counts once more (not much more:
  // a regional bureau files stories on its neighbours, "DAKAR, Senegal" on Burkina Faso)
  const dateline = mentions.find((x) => x.first === 0 && x.place?.country && /^[\p{Lu}\s.'-]+$/u.test(x.text));
  if (dateline) counts.set(dateline.place!.country!, 1);
  for (const s of ascending) {
    for (const x of bySentence.get(s)!) {
      const c = x.actor?.country ?? x.place?.country;
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [c, n] of counts) if (!best || n > counts.get(best)!) best = c;
    principal.set(s, best);
  }
  const datelineState = mentions.find((x) => x.first === 0 && x.actor?.kind === 'state' && /^[\p{Lu}\s.'-]+$/u.test(x.text));
  const opening = datelineState ? bySentence.get(datelineState.sentence)!.filter((x) => x !== datelineState) : [];
  const bureau = datelineState && !opening.some((x) => x.actor?.country === datelineState.actor!.country)
    && opening.some((x) => x.actor?.country && isSubject(ctx, x)) ? datelineState : undefined;
  const index = { bySentence, sentences: ascending.reverse(), inPlay, principal, bureau };
  contextIndexes.set(mentions, index);
  return index;
}

/**
 * `x` is in what `speaker` reports in its sentence, which says nothing of whose the speaker is ("Police said they had
 * detained two Bangladeshi nationals", "The boat left Cox’s Bazar, according to police").
 */
function reportedBy(ctx: Ctx, speaker: Mention, x: Mention, verbAfterApposition = false): boolean {
  if (x.sentence !== speaker.sentence) return false;
  const { tokens } = ctx;
  if (x.first > speaker.last && !verbAfterApposition) return cueSets(ctx.lex.cues).verbs.has(tokens[speaker.last + 1]?.lemma ?? '');
  // (for someone placed by context, the verb may follow their apposition: "The mayor of the town of Gazakh, Rauf Mammadli,
  // said Armenian forces …"; group words keep the verb right after them, which measured better)
  if (x.first > speaker.last) {
    let k = speaker.last + 1;
    while (k < x.first && tokens[k].pos !== 'VERB' && tokens[k].pos !== 'AUX') k++;
    return k < x.first && (k === speaker.last + 1 || tokens[k - 1].key === ',') && tokens[k].sentence === speaker.sentence && cueSets(ctx.lex.cues).verbs.has(tokens[k].lemma);
  }
  return x.last < speaker.first && tokens[speaker.first - 1]?.key === 'to' && tokens[speaker.first - 2]?.key === 'according';
}

function contextCountry(ctx: Ctx, mentions: Mention[], m: Mention, quoted: (x: Mention) => boolean): string | null {
  const index = contextIndex(ctx, mentions, quoted);
  const near = (s: number): Mention[] => (index.bySentence.get(s) ?? []).filter((x) => x !== m && !reportedBy(ctx, m, x, true));
  const sector = m.actor?.sector ?? m.agent?.sector;
  const one = (xs: Mention[]): string | null => {
    const set = new Set(xs.map((x) => x.actor?.country).filter((c): c is string => !!c));
    return set.size === 1 ? [...set][0] : null;
  };
  // a place counts where its country plays a part in the article (not a namesake town abroad)
  const placeIn = (s: number): string | null => {
    const set = new Set(near(s).map((x) => x.place?.country).filter((c): c is string => !!c && index.inPlay.has(c)));
    return set.size === 1 ? [...set][0] : null;
  };
  const paragraphOf = (s: number): number => ctx.doc.sentences[s]?.paragraph ?? 0;
  const official = !!sector && !['CVL', 'REF', 'NGO', 'IGO', 'BUS', 'MED'].includes(sector);
  const principal = (): string | null => {
    const s = index.sentences.find((x) => x <= m.sentence);
    return s === undefined ? null : index.principal.get(s) ?? null;
  };
  // a regional or local office is the one of the place its sentence names, even in what it reports ("In the border
  // region of Belgorod, two people were wounded, according to the regional governor")
  if (ctx.tokens.slice(m.first, m.last + 1).some((t) => ctx.lex.grammar.localityWords.has(t.key))) {
    const places = new Set((index.bySentence.get(m.sentence) ?? []).map((x) => x.place?.country).filter((c): c is string => !!c && index.inPlay.has(c)));
    if (places.size === 1) return [...places][0];
  }
  // a name that points to just one of the countries the article is about ("Hiroshi Tanabe" in a story on
  // Japan and China)
  if (m.actor?.kind === 'person') {
    const origins = [...ctx.lex.nameOrigins(m.actor.name)].filter((c) => index.inPlay.has(c) || ctx.named.has(c));
    if (origins.length === 1) return origins[0];
  }
  // civilians are known by where they are: a place named in their sentence; a place further back may
  // be across a border, so the article's own country outranks it
  // (and so is someone in business on their own account: "X, who owns a plant in Apodaca")
  if (sector === 'CVL' || sector === 'REF' || (sector === 'BUS' && m.actor?.kind === 'person')) {
    // (the place of their own description, even one the article names only there: "Shazia Bibi, a resident of Muzaffarabad, said")
    const own = near(m.sentence).find((x) => x.first > m.last && x.first - m.last <= 6 && x.place?.country && !x.actor
      && ctx.tokens.slice(m.last + 1, x.first).every((t, k) => (t.key !== ',' || k === 0) && t.pos !== 'VERB' && t.pos !== 'AUX'));
    if (own) return own.place!.country!;
    const place = placeIn(m.sentence);
    if (place) return place;
    // (the sentence before in the same paragraph is still where they are: "Local merchants in Adré said …" then "…,” said X")
    const before = paragraphOf(m.sentence - 1) === paragraphOf(m.sentence) ? placeIn(m.sentence - 1) : null;
    return before ?? principal() ?? placeIn(m.sentence - 1);
  }
  for (const s of index.sentences) {
    if (s > m.sentence) continue;
    // the paragraph at hand and the one before; further back, the article's principal country decides
    const paragraphsBack = paragraphOf(m.sentence) - paragraphOf(s);
    if (paragraphsBack > 1) break;
    // (a party of no known country yet says nothing: "In Mogadishu, Fadumo Hassan, a member of the federal parliament")
    // (nor does a private person for an official: "said Mamadou Keita, a 24-year-old from Guinea" then "National
    // Guard spokesman X said" in Tunisia)
    // (nor the one a foreign national is of: "The junta expelled the French ambassador")
    // (nor a regional bureau's dateline: "NAIROBI (Reuters) — Somalia accused …" then "Information Minister X said")
    const here = near(s).filter((x) => x.actor?.country && x !== index.bureau && !(official && x.actor.kind === 'person' && ['CVL', 'REF'].includes(x.actor.sector ?? '')) && !(official && s === m.sentence && foreignNational(ctx, x)));
    if (here.length) {
      // where several states act, the one acting in the same sector ("the Israeli military … residents
      // of Gaza" for a military spokesman), else the one acting through its officials rather than its
      // people, else the sentence's subject ("Poland will restore …, the interior ministry said")
      const country = one(here) ?? one(here.filter((x) => x.actor!.sector === sector)) ?? one(here.filter((x) => !['CVL', 'REF'].includes(x.actor!.sector ?? '')))
        ?? (s === m.sentence && here[0].first < m.first ? here[0].actor!.country : null)
        // (in a sentence before, the party it is about: "Pakistan’s military media wing said … Indian forces had fired first")
        ?? (s < m.sentence && isSubject(ctx, here[0]) ? here[0].actor!.country : null);
      if (country) return country;
      continue;
    }
    // a place named in an earlier paragraph is where something else happened ("the next round would be held in Oslo")
    const place = paragraphsBack === 0 ? placeIn(s) : null;
    if (place) return place;
  }
  // (nor is the article about the country of a foreign envoy only its sentence names: "The junta expelled the French
  // ambassador" on its own; an envoy serves abroad)
  const fallback = principal();
  const envoyOnly = official && !!fallback && mentions.filter((x) => x.sentence <= m.sentence && (x.actor?.country ?? x.place?.country) === fallback)
    .every((x) => x.sentence === m.sentence && foreignNational(ctx, x) && ctx.lex.grammar.envoys.has(ctx.tokens[x.last].key));
  return envoyOnly ? null : fallback;
}

/**
 * Appositions give unknown names their roles: "Rafael Grossi, the director general of the IAEA, said",
 * "said Ousmane Ndiaye, a spokesman for Senegal's foreign ministry", "the Brazilian ambassador,
 * Sérgio Danese, said", "Olena Kovalenko, a 54-year-old teacher in Kyiv", "Jan Novak, who chairs the
 * UN panel, said". Someone described without any role ("Adam Musa, a 41-year-old trader") is a
 * private person: a civilian.
 */
function appositives(ctx: Ctx, mentions: Mention[]): Mention[] {
  const { tokens } = ctx;
  // a place inside a name is part of it ("Lucía Cárdenas"); such place mentions give way to the person
  const placeOnly = (m: Mention): boolean => !m.actor && !m.agent && !!m.place;
  const covered = (i: number): boolean => mentions.some((m) => m.first <= i && i <= m.last && !placeOnly(m));
  // (a word in capitals is an acronym or a dateline, not a personal name: "ISLAM QALA, Afghanistan")
  // ("Sofia Lindgren", "Victoria Nuland": a capital's name that is also a given name, before a surname)
  const givenCapital = (t: Token): boolean => ctx.lex.givenNames.has(t.key) && !!tokens[t.i + 1]?.cap && tokens[t.i + 1].pos === 'PROPN' && !ctx.lex.mentions.matchesAt(tokens, t.i + 1).length;
  const isNameToken = (t: Token | undefined): boolean => !!t && t.cap && t.pos === 'PROPN' && /^\p{L}/u.test(t.text) && !/^\p{Lu}{2,}$/u.test(t.text)
    && !ctx.lex.mentions.matchesAt(tokens, t.i).some((m) => m.payloads.some((p) => p.entry.t !== 'family' && p.entry.t !== 'place' && !(p.entry.t === 'country' && p.entry.form === 'government' && givenCapital(t))));
  const isPlaceToken = (i: number): boolean => ctx.lex.mentions.matchesAt(tokens, i).some((m) => m.payloads.some((p) => p.entry.t === 'place'));
  // the parts of a name: capitalised words, a hyphen and what it joins ("Yang Moo-jin", "Majed al-Ansari"), particles ("bin")
  const glued = (i: number): boolean => !!tokens[i - 1] && !!tokens[i + 1] && tokens[i - 1].end === tokens[i].start && tokens[i].end === tokens[i + 1].start;
  // ("Lee Soon-ja": the tagger may take the first half of a hyphenated given name for a word)
  const hyphenedName = (t: Token | undefined): boolean => !!t && t.cap && /^\p{Lu}\p{Ll}+$/u.test(t.text) && tokens[t.i + 1]?.key === '-' && glued(t.i + 1);
  const namePart = (i: number): boolean => {
    const t = tokens[i];
    if (!t || t.space) return false;
    if (isNameToken(t) || (hyphenedName(t) && isNameToken(tokens[i - 1]))) return true;
    // ("Park Ji-hoon": a family name the tagger took for a word, before the rest of the name)
    if (t.cap && /^\p{Lu}\p{Ll}+$/u.test(t.text) && (hyphenedName(tokens[i + 1]) || (tokens[i + 2]?.key === '-' && isNameToken(tokens[i + 1])))
      && !ctx.lex.mentions.matchesAt(tokens, i).some((m) => m.payloads.some((p) => p.entry.t !== 'family'))) return true;
    // ("Mariam Sow": a surname the tagger took for a word, after a given name)
    if (t.cap && tokens[i - 1] && ctx.lex.givenNames.has(tokens[i - 1].key) && /^\p{Lu}\p{Ll}+$/u.test(t.text) && isNameToken(tokens[i - 1]) && !ctx.lex.mentions.matchesAt(tokens, i).length) return true;
    if (t.key === '-') return glued(i) && /^\p{L}/u.test(tokens[i + 1].text) && /\p{L}$/u.test(tokens[i - 1].text);
    if (tokens[i - 1]?.key === '-' && tokens[i - 1].end === t.start && /^\p{Ll}+$/u.test(t.text)) return isNameToken(tokens[i - 2]) || hyphenedName(tokens[i - 2]);
    return ctx.lex.grammar.nameParticles.has(t.key) && (tokens[i + 1]?.cap || (tokens[i + 1]?.key === '-' && t.end === tokens[i + 1].start));
  };
  const inPlaceName = (i: number): boolean => isPlaceToken(i) || mentions.some((m) => placeOnly(m) && m.first <= i && i <= m.last);
  const aName = (first: number, last: number): boolean => last - first >= 1 && Array.from({ length: last - first + 1 }, (_, k) => first + k).some((i) => tokens[i].key !== '-' && !inPlaceName(i));
  const out = [...mentions];
  // (the loops below walk only the tokens they can start from, listed in one pass: a loop over every token whose
  // body's closures capture its variables allocates a context for each token)
  const commas: Token[] = [], ofs: Token[] = [], brackets: Token[] = [], openers: Token[] = [], given: Token[] = [], speechVerbs: Token[] = [], namers: Token[] = [];
  const speech = cueSets(ctx.lex.cues).verbs;
  for (const t of tokens) {
    if (t.key === ',') commas.push(t);
    else if (t.key === 'of') ofs.push(t);
    else if (t.key === '(') brackets.push(t);
    else if (t.key === 'the' || t.key === 'for') openers.push(t);
    if (t.pos === 'VERB' && speech.has(t.lemma)) speechVerbs.push(t);
    if (t.pos === 'VERB' && NAME_GIVING.has(t.key)) namers.push(t);
    if (t.cap && ctx.lex.givenNames.has(t.key)) given.push(t);
  }
  const dropped = new Set<Mention>();
  const add = (person: Mention): void => {
    out.push(person);
    // (and a capital read in a given name: "Sofia Lindgren")
    for (const m of out) if ((placeOnly(m) || m.actor?.kind === 'state') && m !== person && m.first >= person.first && m.last <= person.last) dropped.add(m);
  };
  /** The first token of the name that ends at `last` (`last + 1` where no name does). */
  const nameStart = (last: number): number => {
    let first = last;
    while (first >= 0 && namePart(first)) first--;
    return first + 1;
  };
  /** Two to four words of a name no mention covers, not opening with an honorific. */
  // (a name's first word may be one the tagger took for a common word: "Park Ji-hoon")
  const opensName = (i: number): boolean => isNameToken(tokens[i]) || (!!tokens[i]?.cap && namePart(i));
  const newName = (first: number, last: number): boolean => last - first >= 1 && last - first <= 3 && opensName(first)
    && !ctx.lex.grammar.honorifics.has(tokens[first].key) && aName(first, last) && !covered(first) && !covered(last);
  // "The opposition Nepali Congress party", "India's Congress party": a body's name before "party" names a party
  for (const m of out) {
    const party = out.find((x) => x.first === m.last + 1 && x.first === x.last && x.agent?.id === 'party' && !tokens[x.first].cap);
    if (!party || m.actor?.kind !== 'organization' || !m.agent || m.agent.sector === 'PTY' || dropped.has(party)) continue;
    const name = `${ctx.doc.text.slice(m.start, party.end)}`;
    Object.assign(m, mk(ctx, m.first, party.last, { ...m.actor, id: `body:${slug(name)}`, name, sector: 'PTY', cameo: m.actor.country ? `${m.actor.country}PTY` : null }, null, { agent: party.agent }));
    dropped.add(party);
  }
  // "A spokesman for the rebels", "a spokeswoman for the army", "a spokesman for the 3R rebel group": someone known by a
  // title, for a body known by its word, speaks with that body's sector (its country from context)
  for (const m of out) {
    // (not a minister, who sits in government whoever his portfolio is for: "the deputy minister for refugees")
    if ((m.actor && (m.actor.id.startsWith('person:') || m.person)) || m.agent?.kind !== 'person' || !m.agent.title || m.agent.sector !== 'GOV' || m.agent.head === 'minister' || !['for', 'of'].includes(tokens[m.last + 1]?.key ?? '')) continue;
    let k = m.last + 2;
    if (['the', 'a', 'an'].includes(tokens[k]?.key ?? '')) k++;
    let body: Mention | undefined;
    for (let e = k; e <= k + 3 && tokens[e] && !body; e++) {
      body = out.find((x) => x.first >= m.last + 2 && x.last === e && !!x.agent && x.agent.kind !== 'person' && x.agent.sector !== 'GOV' && !x.agent.international);
      if (!body && (tokens[e].pos === 'PUNCT' || tokens[e].pos === 'VERB')) break;
    }
    // (the body's word must end its phrase: not "a spokesman for the army's 3rd division" read as the army's)
    if (!body || POSSESSIVE.has(tokens[body.last + 1]?.key ?? '')) continue;
    const sector = body.agent!.sector;
    m.agent = { ...m.agent, sector };
    if (m.actor) m.actor = { ...m.actor, sector, cameo: m.actor.country ? `${m.actor.country}${sector}` : null };
  }
  // "An ethnic minority armed group, the Karenni Liberation Front (KLF), said", "Separatist rebels of the Azawad
  // Liberation Front (FLA)": a body no dictionary knows, named with its acronym after a word for its kind, is of that
  // kind's sector (its country from context); its acronym names it later ("KLF spokesman Khu Reh", "an FLA spokesman")
  for (const open of brackets) {
    const acronym = tokens[open.i + 1];
    if (tokens[open.i + 2]?.key !== ')' || !acronym || !/^\p{Lu}{2,6}$/u.test(acronym.text) || covered(acronym.i)) continue;
    let first = open.i - 1;
    while (first > open.i - 7 && tokens[first - 1]?.cap && tokens[first - 1].pos !== 'PUNCT' && tokens[first - 1].sentence === open.sentence) first--;
    if (open.i - first < 2 || !ctx.lex.grammar.bodyWords.has(tokens[open.i - 1].key) || out.some((m) => m.first < open.i && m.last >= first && m.actor?.kind !== 'state' && (m.actor || m.agent))) continue;
    // the word for its kind: right before ("rebels of the", "an armed group, the")
    let k = first - 1;
    while (k > first - 4 && ['the', 'of', ','].includes(tokens[k]?.key ?? '')) k--;
    const kind = out.find((m) => m.last === k && !m.actor && m.agent && m.agent.kind !== 'person' && ['REB', 'OPP', 'NGO', 'PTY'].includes(m.agent.sector ?? ''));
    if (!kind) continue;
    const name = ctx.doc.text.slice(tokens[first].start, tokens[open.i - 1].end);
    const body: Actor = { id: `body:${slug(name)}`, name, kind: 'group', country: null, sector: kind.agent!.sector, cameo: null, wikidata: null };
    add(mk(ctx, first, open.i - 1, body, null, {}));
    for (const t of tokens) {
      if (t.i <= open.i || t.text !== acronym.text || out.some((m) => m.first <= t.i && t.i <= m.last && m.actor?.kind !== 'person')) continue;
      // ("KLF spokesman Khu Reh": the title before the name is the body's, and the mention takes in the acronym)
      const titled = out.find((m) => m.first === t.i + 1 && m.actor?.kind === 'person' && m.agent?.title && m.actor.id.startsWith('person:'));
      if (titled) Object.assign(titled, mk(ctx, t.i, titled.last, { ...titled.actor!, country: null, sector: body.sector, cameo: null }, null, { agent: titled.agent, family: titled.family }));
      else add(mk(ctx, t.i, t.i, body, null, {}));
    }
  }
  // "a spokesman for the Azawad Liberation Front, a coalition of Tuareg rebel groups in northern Mali": a body no dictionary
  // knows, named in capitals and described in apposition as rebels or opposition, is of that sector (the last such word:
  // the groups a coalition is "of"), and of the country a place in the description names (civic bodies and research
  // bodies so described are read by the rules for them below)
  for (const comma of commas) {
    const c = comma.i;
    if (!['a', 'an'].includes(tokens[c + 1]?.key ?? '') || !ctx.lex.grammar.bodyWords.has(tokens[c - 1]?.key ?? '') || !tokens[c - 1].cap) continue;
    let first = c - 1;
    while (first > c - 6 && tokens[first - 1]?.cap && tokens[first - 1].pos !== 'PUNCT') first--;
    if (tokens[first - 1]?.key !== 'the' || c - first < 2 || covered(first) || covered(c - 1)) continue;
    let end = c + 1;
    while (end < tokens.length && end - c <= 12 && ![',', '.', ';'].includes(tokens[end].key) && tokens[end].sentence === comma.sentence) end++;
    const kind = out.findLast((m) => m.first > c && m.last < end && !m.actor?.id.startsWith('person:') && m.agent && m.agent.kind !== 'person' && ['REB', 'OPP'].includes(m.agent.sector ?? ''));
    if (!kind) continue;
    const where = out.find((m) => m.first > c && m.last < end && !m.actor && m.place?.country);
    const name = ctx.doc.text.slice(tokens[first].start, tokens[c - 1].end);
    const country = where?.place?.country ?? null;
    const sector = kind.agent!.sector;
    add(mk(ctx, first, c - 1, { id: `body:${slug(name)}`, name, kind: 'group', country, sector, cameo: country ? `${country}${sector}` : null, wikidata: null }, null, {}));
  }
  for (const comma of commas) {
    const c = comma.i;
    // NAME , [role phrase]
    const first = nameStart(c - 1);
    // "Lieutenant General Rajiv Ghai, India’s director general of military operations, said": the title gave
    // the sector; the apposition may say whose, and for which body
    const titled = out.find((m) => m.last === c - 1 && m.actor?.kind === 'person' && m.actor.id.startsWith('person:') && !m.actor.country && m.actor.sector !== 'IGO');
    if (titled) {
      let end = c + 1;
      while (end < tokens.length && end - c <= 14 && ![',', '.', ';'].includes(tokens[end].key) && tokens[end].sentence === comma.sentence) end++;
      const role = out.filter((m) => m.first > c && m.last < end && (m.actor || m.agent));
      // "Lt. Gen. (retd.) X, a distinguished fellow at the Delhi Policy Forum": a research body's
      const tank = ['a', 'an'].includes(tokens[c + 1]?.key) ? researchBody(ctx, out, c + 1, end) : null;
      if (tank) {
        titled.actor = { ...titled.actor!, country: tank.country, sector: 'NGO', cameo: tank.country ? `${tank.country}NGO` : null };
        continue;
      }
      const roleOf = role.length && ['a', 'an', 'the'].includes(tokens[c + 1]?.key) || role[0]?.first === c + 1 ? roleFromPhrase(ctx, role, nationalityIn(ctx, c + 1, end)) : null;
      if (roleOf?.body) titled.actor = { ...titled.actor!, country: roleOf.country, sector: roleOf.sector, cameo: null };
      // ("Colonel Marco Villacís, the police commander for Guayas province": the role says whose rank it is)
      else if (roleOf && (roleOf.country || rankWornBy(titled.actor!.sector, roleOf.sector) !== titled.actor!.sector)) {
        const sector = rankWornBy(titled.actor!.sector, roleOf.sector);
        const country = roleOf.country ?? titled.actor!.country;
        titled.actor = { ...titled.actor!, country, sector, cameo: country ? `${country}${sector ?? ''}` : null };
      }
      // ("Mamadou Keita, a 24-year-old from Guinea": a namesake of someone known, placed by where they are from)
      else if (!roleOf && ['a', 'an'].includes(tokens[c + 1]?.key)) {
        const from = nationalityIn(ctx, c + 1, end);
        if (from) titled.actor = { ...titled.actor!, country: from, cameo: `${from}${titled.actor!.sector ?? ''}` };
      }
      if (roleOf?.stateless) stateless.add(titled.actor!);
      continue;
    }
    // (not a body's name: "Ghana Water Limited, the state water utility", "Economic and Social Rights, a rights group")
    // ("Another refugee, Adam Ishag, a former schoolteacher,": a refugee named so before stays one, whatever trade follows)
    const refugee = out.some((m) => m.first === first && m.last === c - 1 && m.actor?.kind === 'person' && m.actor.sector === 'REF');
    if (c - first >= 2 && opensName(first) && aName(first, c - 1) && !covered(c - 1) && !covered(first) && !refugee && !ctx.lex.grammar.bodyWords.has(tokens[c - 1].key)) {
      let end = c + 1;
      while (end < tokens.length && end - c <= 14 && ![',', '.', ';'].includes(tokens[end].key) && tokens[end].sentence === comma.sentence) end++;
      // "Furaha Bahati, 29, who fled …": an age says nothing of the role
      let from = c + 1;
      const aged = tokens[from]?.pos === 'NUM' && /^\d{1,3}$/.test(tokens[from].text) && tokens[from + 1]?.key === ',';
      if (aged) {
        from += 2;
        end = from;
        while (end < tokens.length && end - from <= 14 && ![',', '.', ';'].includes(tokens[end].key) && tokens[end].sentence === comma.sentence) end++;
      }
      // (a body near which someone is, is not whom they work for: "who runs a tea shop near the parliament")
      const near = (m: Mention): boolean => NEAR.has(tokens[m.first - (tokens[m.first - 1]?.key === 'the' ? 2 : 1)]?.key ?? '');
      const role = out.filter((m) => m.first >= from && m.last < end && (m.actor || m.agent) && !near(m));
      // the role phrase opens with an article, a role word, a lower-case modifier ("foreign policy adviser to …"),
      // "who", or says where the person is from
      const opener = tokens[from];
      const nationality = nationalityIn(ctx, from, end);
      const starts = !!opener && (['a', 'an', 'the', 'who', 'whose', 'from', 'one'].includes(opener.key) || role[0]?.first === from || (!opener.cap && ['ADJ', 'NOUN'].includes(opener.pos) && role.some((m) => m.agent)));
      // "X, an analyst at the Almaty-based Central Asia Security Forum": a research body's, of the place it is in
      // ("the director of the Juba-based Community Peace Forum": a body said to be based somewhere is no state's)
      const based = tokens.slice(from, end).some((t) => t.key === 'based' && tokens[t.i - 1]?.key === '-');
      const tank = ['a', 'an'].includes(opener?.key ?? '') || (opener?.key === 'the' && based) ? researchBody(ctx, out, from, end) : null;
      if (tank) {
        add(personMention(ctx, first, c - 1, tank.country ?? nationality, 'NGO'));
        continue;
      }
      const roleOf = role.length ? roleFromPhrase(ctx, role, nationality) : null;
      // "Evo Morales, Foreign Minister Marcelo Ebrard told reporters": a phrase naming someone else is no role
      const someoneElse = !!roleOf && (!!roleOf.head.person || !!roleOf.head.family);
      // "X, who heads the association of generator owners": a body no dictionary names, known by its noun,
      // outranks a generic role word ("head", "director") that would make anyone an official
      // (not where a named body is in the phrase: "the UN human rights chief")
      const named = role.some((m) => m.actor?.kind === 'organization');
      // ("X, a lawyer with the Georgian Young Lawyers’ Association": a private trade at a body named in capitals is the body's)
      const namedBodyWord = roleOf?.sector === 'CVL' && tokens.slice(from, end).some((t) => t.cap && ctx.lex.bodyWordSectors.has(t.key));
      const unnamedBody = !roleOf?.body && !named && (!roleOf || namedBodyWord || ['leader', 'spokesperson', 'president'].includes(roleOf.head.agent?.id ?? '')) ? bodyWordSector(ctx, from, end) : null;
      // ("X, who owns a metal-stamping plant in Apodaca that employs 180 workers": the owner of a business is in business)
      const owned = opener?.key === 'who' && ctx.lex.grammar.proprietorVerbs.has(tokens[from + 1]?.key ?? '') ? ownedBodySector(ctx, from + 2, end) : null;
      // ("a senior researcher at the group": the body the passage is about)
      const theBody = !roleOf?.body && !named ? bodyReferredTo(ctx, out, from, end, first) : undefined;
      if (starts && !someoneElse && (roleOf || theBody || ['a', 'an', 'who', 'whose', 'from'].includes(opener.key))) {
        const person = theBody
          ? personMention(ctx, first, c - 1, bodyCountry(theBody) ?? null, bodySector(theBody))
          : personMention(ctx, first, c - 1, roleOf?.country ?? nationality ?? placeDescribed(ctx, end), owned ?? unnamedBody ?? roleOf?.sector ?? 'CVL');
        if (theBody && !bodyCountry(theBody)) stateless.add(person.actor!);
        if (roleOf?.stateless) stateless.add(person.actor!);
        add(person);
        // the role phrase names the same person
        const head = roleOf?.head;
        if (head && (head.first === c + 1 || head.first === c + 2)) nameTheHolder(tokens, out, head, person.actor!);
        continue;
      }
      // "Fatuma Ali Nur, 36, walked for five days …": a name with an age is a person, whatever follows
      if (aged && !someoneElse) {
        add(personMention(ctx, first, c - 1, nationality, 'CVL'));
        continue;
      }
    }
    // [role mention] , NAME ,|said
    // "the chairwoman of the Bundestag defence committee, Marie-Agnes Strack-Zimmermann": the role's phrase may run on a little
    // (a role that already names its holder, "President Evo Morales, Foreign Minister X said", is no apposition)
    // ("Her neighbour, Jorge Salinas,", "Another refugee, Adam Ishag,": one private person, or refugee, named)
    // (one opening its clause with "a", "another" or a possessive: not "In a camp for displaced people outside Malakal, X said")
    const onePrivate = (m: Mention): boolean => {
      // (a group word the context has already placed is still one: "Thousands of Sudanese refugees …" then "Another refugee, X,")
      if ((m.actor && m.actor.kind !== 'group') || m.agent?.kind !== 'group' || !['CVL', 'REF'].includes(m.agent.sector ?? '')) return false;
      const det = ONE_DETERMINERS.has(tokens[m.first].key) ? m.first : beforeModifiers(tokens, m.first);
      let k = det - 1;
      while (tokens[k]?.space) k--;
      const before = tokens[k];
      return ONE_DETERMINERS.has(tokens[det]?.key ?? '') && (!before || before.sentence !== tokens[det].sentence || before.key === ',');
    };
    const role = out.filter((m) => m.last < c && m.last >= c - 8 && (m.actor || m.agent) && (m.agent?.kind === 'person' || m.actor?.kind === 'person' || onePrivate(m)) && !m.person && !m.family)
      .find((m) => tokens.slice(m.last + 1, c).every((t) => (t.pos !== 'VERB' || tokens[t.i - 1]?.key === '-') && (t.pos !== 'PUNCT' || t.key === '-') && t.key !== ','));
    if (!role) continue;
    // "a spokesperson for the European Commission, Peter Stano": the person acts for that body
    // ("the rebels’ chief negotiator, X": the possessor's)
    const owner = POSSESSIVE.has(tokens[role.first - 1]?.key ?? '') ? out.find((m) => m.last === role.first - 2 && isBody(m)) : undefined;
    // ("Colombia’s migration agency said …. The agency’s director, X": a generic word for a body named before is that body)
    const named = owner?.agent?.generic ? out.findLast((m) => m.last < owner.first && m !== owner && !!m.actor && !m.agent?.generic && isBody(m) && tokens[m.last].lemma === tokens[owner.last].lemma) : undefined;
    const possessed = owner ? named ?? owner : referredBody(ctx, out, role.first);
    // (a government the pronoun may refer back to does not make an executive or a commander an official: "Its chief
    // executive, X," after a chamber of commerce no dictionary names)
    const ownSector = !!role.agent && role.agent.sector !== 'GOV' && !!possessed && bodySector(possessed) === 'GOV' && !POSSESSIVE.has(tokens[role.first - 1]?.key ?? '');
    const body = out.find((m) => m.first > role.last && m.last < c && isBody(m) && !tokens.slice(role.last + 1, m.first).some((t) => t.key === 'to')) ?? (ownSector ? undefined : possessed);
    // (a bare role that took up an earlier holder says nothing of a new one's country: "The governor of Thailand’s Surin
    // province, X" then "the governor of Oddar Meanchey province, Sok Sophal")
    const roleCountry = role.actor?.id.startsWith('person:') ? null : role.actor?.country ?? null;
    const country = body ? bodyCountry(body) ?? roleCountry ?? nameOpenedByCountry(ctx, body.first) : roleCountry ?? nameOpenedByCountry(ctx, role.first);
    // ("the society’s president, Mercy Kirui": a body no dictionary names, known by its noun)
    const possessorNoun = !body && POSSESSIVE.has(tokens[role.first - 1]?.key ?? '') ? ctx.lex.bodyWordSectors.get(tokens[role.first - 2]?.key ?? '') ?? null : null;
    // ("The head of the Nuevo León industrial chamber, X": a body no dictionary names, known by its noun after "of", "for")
    const ofNoun = !body && !possessorNoun && role.agent?.kind === 'person' && ['of', 'for', 'at'].includes(tokens[role.last + 1]?.key ?? '') ? bodyWordSector(ctx, role.last + 2, c) : null;
    const bodys = (body ? bodySector(body) : null) ?? possessorNoun ?? ofNoun ?? role.actor?.sector ?? role.agent?.sector ?? null;
    // ("A ruling party lawmaker, X": a party's member of parliament sits as a legislator)
    const sector = bodys === 'PTY' && role.agent?.sector === 'LEG' ? 'LEG' : bodys;
    let last = c + 1;
    const existing = out.find((m) => m.first === c + 1 && m.actor?.kind === 'person' && (m.actor.id.startsWith('person:') || !!m.person));
    if (existing) {
      if (!existing.actor!.country && country) existing.actor = { ...existing.actor!, country, sector: sector ?? existing.actor!.sector };
      // ("A spokesman for the NATO-led peacekeeping force, Lieutenant Colonel X", "a UNIFIL spokesman, Lieutenant Colonel X": an
      // officer of an international body is its)
      else if (existing.actor!.id.startsWith('person:') && !existing.person && sector === 'IGO' && (body ? bodyCountry(body) === null : role.actor?.country === null)) {
        existing.actor = { ...existing.actor!, country: null, sector, cameo: null };
        stateless.add(existing.actor);
      }
      // ("A spokesman for the police in Santa Cruz, Colonel X", "The spokesman of the SPLA-IO forces, Colonel X": a
      // military rank is worn by police officers and rebels too; the role says whose)
      else if (existing.actor!.id.startsWith('person:') && !existing.person && rankWornBy(existing.actor!.sector, sector) !== existing.actor!.sector) {
        const own = rankWornBy(existing.actor!.sector, sector);
        existing.actor = { ...existing.actor!, sector: own, cameo: existing.actor!.country ? `${existing.actor!.country}${own}` : null };
      }
      nameTheHolder(tokens, out, role, existing.actor!);
      continue;
    }
    while (last < tokens.length && namePart(last)) last++;
    last--;
    if (last - c >= 2 && aName(c + 1, last) && !covered(c + 1) && ([',', '.'].includes(tokens[last + 1]?.key ?? '') || ['VERB'].includes(tokens[last + 1]?.pos))) {
      const person = personMention(ctx, c + 1, last, country, sector);
      // ("Its emergency coordinator, Pauline Grosjean" of an international charity: of no state, wherever she works)
      if (body && bodyCountry(body) === null) stateless.add(person.actor!);
      add(person);
      // "the Brazilian ambassador, Sérgio Danese": the role phrase names the same person
      nameTheHolder(tokens, out, role, person.actor!);
    }
  }
  // "a Ugandan named Moses Okello", "a nurse called Amina Yusuf": a name given to a description of one private person
  // is a person of that description, of the nationality it names
  for (const t of namers) {
    let last = t.i + 1;
    while (last < tokens.length && namePart(last)) last++;
    last--;
    if (!newName(t.i + 1, last)) continue;
    let first = t.i - 1;
    while (first >= 0 && t.i - first <= 5 && !ONE_DETERMINERS.has(tokens[first].key) && ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[first].pos)) first--;
    if (first === t.i - 1 || !INDEFINITE.has(tokens[first]?.key ?? '') && tokens[first]?.key !== 'another') continue;
    const role = out.filter((m) => m.first >= first && m.last < t.i && (m.actor || m.agent));
    // (a body's name is no person's: "a group called Women for Peace")
    if (role.some((m) => m.agent ? m.agent.kind !== 'person' && !['CVL', 'REF'].includes(m.agent.sector ?? '') : m.actor?.kind !== 'state')) continue;
    const nationality = nationalityIn(ctx, first, t.i);
    // (the description's head is a person's word or a nationality: "a Ugandan", not "a group")
    if (!role.some((m) => m.last === t.i - 1) && !(nationality && nationalityIn(ctx, t.i - 1, t.i))) continue;
    const roleOf = role.length ? roleFromPhrase(ctx, role, nationality) : null;
    add(personMention(ctx, t.i + 1, last, roleOf?.country ?? nationality, roleOf?.sector ?? 'CVL'));
  }
  // "The owner of a bakery in Santa Cruz, Lucía Áñez, said", "Amnesty International’s Greece researcher, Adriana
  // Tidona, called": a name no dictionary knows, apposed to the phrase that opens its sentence and followed by a
  // verb, is a person, of the body the phrase names (a private one where it names none)
  for (const comma of commas) {
    const c = comma.i;
    let last = c + 1;
    while (last < tokens.length && namePart(last)) last++;
    last--;
    if (!newName(c + 1, last) || tokens[last + 1]?.key !== ',' || tokens[last + 2]?.pos !== 'VERB' || out.some((m) => m.first <= last && m.last >= c + 1)) continue;
    const first = ctx.doc.sentences[comma.sentence].first;
    const opener = tokens[first];
    // ("Its Asia researcher, Shayna Bauchner, said": the body the passage is about owns the role)
    const owned = ['its', 'their'].includes(opener?.key ?? '');
    if (!opener || c - first < 2 || c - first > 16 || !(['the', 'a', 'an', 'another'].includes(opener.key) || owned || out.some((m) => m.first === first && POSSESSIVE.has(tokens[m.last + 1]?.key ?? '')))) continue;
    // (the phrase is a noun phrase: no verb of its own, and a lower-case noun for the role)
    const phrase = tokens.slice(first, c);
    // (a name's word the tagger reads as a verb is no verb: "Human Rights Watch's researcher")
    // (nor a participle in a compound: "the eastern-based House of Representatives", "a state-owned company")
    if (phrase.some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && tokens[t.i - 1]?.key !== '-' && !out.some((m) => m.first <= t.i && t.i <= m.last)) || !phrase.some((t) => t.pos === 'NOUN' && !t.cap)) continue;
    const inPhrase = out.filter((m) => m.first >= first && m.last < c && (m.actor || m.agent));
    if (inPhrase.some((m) => m.actor?.kind === 'person' && (m.person || m.family || m.actor.id.startsWith('person:')))) continue;
    const body = inPhrase.find((m) => isBody(m)) ?? (owned ? referredBody(ctx, out, first + 1) : undefined);
    const role = inPhrase.find((m) => m.agent?.kind === 'person');
    const person = personMention(ctx, c + 1, last, body ? bodyCountry(body) ?? null : role?.actor?.country ?? null, (body ? bodySector(body) : role?.agent?.sector ?? bodyWordSector(ctx, first, c) ?? ownerOf(ctx, first, c)) ?? 'CVL');
    if (body && bodyCountry(body) === null) stateless.add(person.actor!);
    add(person);
  }
  // "the National Maritime Council said", "the Government Communication Service": a state body no dictionary
  // knows, named in capitals and ending in a word for an office of state; its country comes from context
  // ("a spokesman for Aegean Horizon Shipping said": a body named after a spokesperson, with or without "the")
  const spokesperson = (k: number): Mention | undefined => out.find((m) => m.last === k && m.agent?.id === 'spokesperson' && !m.actor?.country);
  for (const opener of openers) {
    const forBody = opener.key === 'for' && !!spokesperson(opener.i - 1) && tokens[opener.i + 1]?.key !== 'the';
    if (opener.key !== 'the' && !forBody) continue;
    let last = opener.i + 1;
    while (last < tokens.length && tokens[last].cap && tokens[last].pos !== 'PUNCT' && last - opener.i <= 5) last++;
    last--;
    // ("The Law Society of Kenya": a civic body, of the country named after it)
    const civic = ctx.lex.bodyWordSectors.get(tokens[last].key);
    if (last - opener.i < 2 || !(STATE_BODY_WORDS.has(tokens[last].key) || civic) || !tokens[opener.i + 1].cap) continue;
    // (nor a place: "the West Bank")
    if (out.some((m) => m.first <= last && m.last >= opener.i + 1 && (m.actor || m.agent || (civic && m.place)))) continue;
    // (nor an agreement the dictionary names: "the Black Sea Grain Initiative" is a deal, not its party)
    if (ctx.lex.agreementNames.longest(tokens, opener.i + 1, last).some((a) => a.first === opener.i + 1 && a.last === last)) continue;
    const of = tokens[last + 1]?.key === 'of' ? out.find((m) => m.first === last + 2 && (m.actor?.kind === 'state' || (!m.actor && m.place?.kind === 'country'))) : undefined;
    const end = of?.last ?? last;
    const name = ctx.doc.text.slice(tokens[opener.i + 1].start, tokens[end].end);
    const sector = ctx.lex.grammar.internationalWords.has(tokens[opener.i + 1].key) ? 'IGO' : civic ?? 'GOV';
    // (add() drops the country's own mention inside the name)
    // ("the Kenya Anti-Corruption Commission", "the Nigerian Bar Association": a country named first)
    const lead = countryAt(ctx, opener.i + 1, ['name', 'adjective']);
    const country = of?.actor?.country ?? of?.place?.country ?? lead?.iso3 ?? null;
    const body: Actor = { id: `body:${slug(name)}`, name, kind: 'organization', country, sector, cameo: country && sector ? `${country}${sector}` : null, wikidata: null };
    add(mk(ctx, forBody ? opener.i + 1 : opener.i, end, body, null, {}));
    // (the spokesperson speaks for it: "a spokesman for …", "the spokeswoman for …")
    const speaking = spokesperson(forBody ? opener.i - 1 : opener.i - 2);
    if (speaking && (forBody || tokens[opener.i - 1]?.key === 'for')) speaking.actor = body;
  }
  // "the Haitian border town of Ouanaminthe", "the Afghan city of Spin Boldak": a place the gazetteer lacks, in the
  // country its adjective names
  /** The town of `words`, named again after token `after` in capitals, and not in a mention. */
  const placeRepeats = (words: string[], after: number, place: Place): void => {
    for (const t of tokens) {
      if (t.i <= after || !t.cap || /^\p{Lu}+$/u.test(t.text) || !words.every((w, k) => tokens[t.i + k]?.key === w) || out.some((m) => m.first <= t.i && t.i <= m.last)) continue;
      add(mk(ctx, t.i, t.i + words.length - 1, null, place, {}));
    }
  };
  for (const of of ofs) {
    if (!ctx.lex.grammar.areaNouns.has(tokens[of.i - 1]?.lemma ?? '') || !tokens[of.i + 1]?.cap) continue;
    const first = of.i + 1;
    let last = first;
    while (tokens[last + 1]?.cap && tokens[last + 1].pos === 'PROPN' && last - first < 2) last++;
    if (out.some((m) => m.first <= last && m.last >= first)) continue;
    let k = of.i - 2;
    while (k > 0 && of.i - k <= 4 && ['ADJ', 'NOUN'].includes(tokens[k].pos) && !tokens[k].cap) k--;
    const adjective = countryAt(ctx, k, ['adjective'], of.i - 2);
    if (!adjective || tokens[k - 1]?.key !== 'the') continue;
    const name = ctx.doc.text.slice(tokens[first].start, tokens[last].end);
    const place: Place = { id: `${adjective.iso3}:${slug(name)}`, name, kind: 'city', country: adjective.iso3, lat: null, lon: null, contested: false, aliases: [] };
    add(mk(ctx, first, last, null, place, {}));
    // (and is the same town when named again: "the Sudanese town of Muglad" then "a herder from Muglad")
    placeRepeats(tokens.slice(first, last + 1).map((t) => t.key), last, place);
  }
  // "ADRÉ, Chad, July 2 (Reuters) —" then "Local merchants in Adré said": a dateline's town the gazetteer lacks lies in the
  // country the dateline names
  const comma = tokens.findIndex((t) => t.key === ',');
  const datelineCountry = comma > 0 && comma <= 3 && tokens.slice(0, comma).every((t) => /^[\p{Lu}\s.'’-]+$/u.test(t.text) && t.pos !== 'PUNCT')
    ? out.find((m) => m.first === comma + 1 && (m.place?.kind === 'country' || m.actor?.kind === 'state')) : undefined;
  const town = datelineCountry && !out.some((m) => m.first === 0) ? tokens.slice(0, comma).map((t) => t.key) : null;
  if (town && datelineCountry) {
    const country = datelineCountry.place?.country ?? datelineCountry.actor!.country!;
    const name = tokens.slice(0, comma).map((t) => t.text[0] + t.text.slice(1).toLowerCase()).join(' ');
    placeRepeats(town, comma, { id: `${country}:${slug(name)}`, name, kind: 'city', country, lat: null, lon: null, contested: false, aliases: [] });
  }
  // "said Mihaela Ionescu of the International Organization for Migration", "Ana Ciobanu of the governing
  // European Moldova party": a name no dictionary knows, of a body, speaks for the body (a party's member in
  // government or opposition when the text says so)
  for (const of of ofs) {
    const last = of.i - 1;
    const first = nameStart(last);
    if (!newName(first, last) || ctx.lex.grammar.bodyWords.has(tokens[last].key) || ['of', 'the', "'s"].includes(tokens[first - 1]?.key ?? '')) continue;
    const modifiers: string[] = [];
    let body: Mention | undefined;
    for (let k = of.i + 1; k <= of.i + 5 && tokens[k] && !body; k++) {
      body = out.find((m) => m.first === k && isBody(m) && (m.actor || m.agent));
      if (!body && !(['ADJ', 'PROPN', 'NOUN'].includes(tokens[k].pos) || (k === of.i + 1 && tokens[k].key === 'the'))) break;
      if (!body) modifiers.push(tokens[k].key);
    }
    // ("Analyst Hamza Qureshi of the Islamabad-based Centre for Regional Studies said": a research body no dictionary knows)
    if (!body) {
      let end = of.i + 1;
      while (tokens[end] && end - of.i <= 10 && tokens[end].sentence === of.sentence && ![',', '.', ';'].includes(tokens[end].key) && (tokens[end].pos !== 'VERB' || tokens[end - 1].key === '-')) end++;
      const tank = tokens[of.i + 1]?.key === 'the' ? researchBody(ctx, out, of.i + 1, end) : null;
      if (tank) add(personMention(ctx, first, last, tank.country, 'NGO'));
      continue;
    }
    const sector = bodySector(body) === 'PTY' && modifiers.some((w) => ['governing', 'ruling'].includes(w)) ? 'GOV'
      : bodySector(body) === 'PTY' && modifiers.includes('opposition') ? 'OPP' : bodySector(body);
    add(personMention(ctx, first, last, bodyCountry(body) ?? null, sector));
  }
  // "In Pahalgam, pony operator Ghulam Nabi said …", "Yohana Rivas, 42, said …": a name no dictionary
  // knows as the subject of a verb of speech is a person (a private one, unless context says otherwise)
  for (const verb of speechVerbs) {
    const age = tokens[verb.i - 1]?.key === ',' && tokens[verb.i - 2]?.pos === 'NUM' && tokens[verb.i - 3]?.key === ',';
    const last = age ? verb.i - 4 : verb.i - 1;
    const first = nameStart(last);
    if (newName(first, last) && !ctx.lex.grammar.bodyWords.has(tokens[last].key) && !['of', 'the', "'s"].includes(tokens[first - 1]?.key ?? '') && !out.some((m) => m.first <= last && m.last >= first)) {
      add(personMention(ctx, first, last, null, 'CVL'));
    }
  }
  // "Oksana Melnyk was waiting for her son": a name no dictionary knows, opening with a given name, as the subject
  // of any verb is a person (a private one, unless context says otherwise)
  for (const t of given) {
    if (!isNameToken(t) || covered(t.i) || out.some((m) => m.first <= t.i && t.i <= m.last)) continue;
    // (opening its clause: "Jailed Iranian laureate Narges Mohammadi began" is left to the title before it)
    const before = tokens[t.i - 1];
    if (before && before.sentence === t.sentence && !['PUNCT', 'CCONJ'].includes(before.pos)) continue;
    let last = t.i + 1;
    while (last < tokens.length && namePart(last)) last++;
    last--;
    if (!newName(t.i, last) || !['VERB', 'AUX'].includes(tokens[last + 1]?.pos ?? '') || out.some((m) => m.first <= last && m.last >= t.i)) continue;
    // ("… was sworn in as Sri Lanka's president": the office taken)
    const office = officeTaken(ctx, out, last + 1);
    add(personMention(ctx, t.i, last, office?.country ?? null, office?.sector ?? 'CVL'));
  }
  // "Serbia's Novak Djokovic criticised …": a name no dictionary knows after a country's possessive, as the subject of a
  // verb, is a person of that country (a private one, unless context says otherwise); the country is no party itself
  for (const c of out.filter((x) => x.actor?.kind === 'state' && POSSESSIVE.has(tokens[x.last + 1]?.key ?? ''))) {
    const first = c.last + 2;
    let last = first;
    while (last < tokens.length && namePart(last)) last++;
    last--;
    if (!newName(first, last) || !['VERB', 'AUX'].includes(tokens[last + 1]?.pos ?? '') || out.some((m) => m.first <= last && m.last >= first)) continue;
    add(personMention(ctx, first, last, c.actor!.country, 'CVL'));
    dropped.add(c);
  }
  // "“…,” said Asylbek Toktosunov, 55, standing beside …": a name no dictionary knows right after a verb of speech
  for (const verb of speechVerbs) {
    if (!/^[”"’,]/.test(ctx.doc.text.slice(Math.max(0, verb.start - 3), verb.start).trim().slice(-1))) continue;
    const first = verb.i + 1;
    let last = first;
    while (last < tokens.length && namePart(last)) last++;
    last--;
    if (newName(first, last) && [',', '.'].includes(tokens[last + 1]?.key ?? '') && !out.some((m) => m.first <= last && m.last >= first)) {
      add(personMention(ctx, first, last, null, 'CVL'));
    }
  }
  // "Anura Kumara Dissanayake was sworn in as Sri Lanka's president … “…,” Dissanayake said": a full name the
  // dictionaries do not know, whose last word later speaks alone, is a person (the later mention is resolved
  // by resolveShortNames); a predicate of office gives the role
  for (const verb of speechVerbs) {
    const single = tokens[verb.i - 1];
    if (!single || !isNameToken(single) || covered(single.i) || out.some((m) => m.first <= single.i && single.i <= m.last) || isNameToken(tokens[single.i - 1])) continue;
    for (let last = 0; last < single.i; last++) {
      if (tokens[last].text !== single.text || isNameToken(tokens[last + 1]) || covered(last) || out.some((m) => m.first <= last && last <= m.last)) continue;
      const first = nameStart(last);
      if (last - first < 1 || last - first > 3 || !isNameToken(tokens[first]) || !aName(first, last) || ctx.lex.grammar.honorifics.has(tokens[first].key)) continue;
      const office = officeTaken(ctx, out, last + 1);
      add(personMention(ctx, first, last, office?.country ?? null, office?.sector ?? 'CVL'));
      break;
    }
  }
  if (out.length === mentions.length) return mentions;
  return out.filter((m) => !dropped.has(m)).sort((a, b) => a.first - b.first || b.last - a.last);
}

/**
 * The sector of someone whose title gave `titled` once their role says `role`: a military rank is worn by police
 * officers and rebels too (an opposition with officers of rank is an armed one).
 */
function rankWornBy(titled: Actor['sector'], role: Actor['sector']): Actor['sector'] {
  if (titled !== 'MIL' || !role || !['COP', 'REB', 'OPP'].includes(role)) return titled;
  return role === 'OPP' ? 'REB' : role;
}

/**
 * A role mention turns out to name a person: it and the later mentions that referred back to it
 * ("Honduras’ deputy foreign minister, Claudia Ordóñez, …" then "the deputy minister said") now name them.
 */
function nameTheHolder(tokens: Token[], mentions: Mention[], role: Mention, person: Actor): void {
  const before = role.actor;
  role.actor = person;
  // (a plural of a group word is still the group: "X, a Haitian migrant," then "the migrants were moved")
  const plural = (m: Mention): boolean => m.agent?.kind === 'group' && tokens[m.last].key !== tokens[m.last].lemma;
  if (before) for (const m of mentions) if (m.actor === before && m.first > role.last && !plural(m)) m.actor = person;
}

/** An earlier full name ending in the family name at `atom` whose given name is none of the known bearers'. */
function namesakeBefore(ctx: Ctx, atom: Atom, bearers: PersonInfo[]): { first: number; last: number } | null {
  const { tokens } = ctx;
  const key = tokens[atom.first].key;
  const given = new Set(bearers.map((p) => matchKey(p.name.split(/\s+/)[0])));
  // (this occurrence or an earlier one; a capitalised word opening its sentence is no given name, unless it is a known one)
  for (let k = atom.first; k > 0; k--) {
    const before = tokens[k - 1];
    if (tokens[k].key !== key || !before.cap || before.pos !== 'PROPN' || before.space || given.has(before.key)) continue;
    if (ctx.doc.sentences[before.sentence].first === before.i && !ctx.lex.givenNames.has(before.key)) continue;
    if (ctx.lex.mentions.matchesAt(tokens, before.i).some((m) => m.payloads.some((p) => p.entry.t !== 'family'))) continue;
    return { first: before.i, last: k };
  }
  return null;
}

/**
 * A party the text calls the opposition ("the main opposition CHP", "The opposition Democratic Unity Party") is
 * OPP, and so are its people; where every party the article names is such a party, so is anyone of a party.
 */
function oppositionParties(ctx: Ctx, mentions: Mention[]): Mention[] {
  const { tokens } = ctx;
  const party = (m: Mention): boolean => m.actor?.sector === 'PTY' && m.actor.kind === 'organization';
  const opposition = new Set<string>();
  for (const m of mentions) {
    // ("An opposition Law and Justice party spokesman, X": a party's person described as of the opposition)
    if (m.actor?.sector === 'PTY' && m.actor.kind === 'person' && tokens[m.first].key === 'opposition') opposition.add(m.actor.id);
    if (!party(m)) continue;
    let k = m.first - 1;
    while (k > m.first - 5 && k >= 0 && tokens[k].cap && tokens[k].pos !== 'PUNCT') k--;
    // (the walk back stops at a capitalised "Opposition" too: "The Opposition Alliance party")
    if (tokens[k]?.key === 'opposition' || tokens[k + 1]?.key === 'opposition') opposition.add(m.actor!.id);
  }
  if (!opposition.size) return mentions;
  const parties = new Set(mentions.filter(party).map((m) => m.actor!.id));
  const allOpposition = [...parties].every((id) => opposition.has(id));
  return mentions.map((m) => m.actor?.sector === 'PTY' && (opposition.has(m.actor.id) || (allOpposition && m.actor.kind === 'person'))
    ? { ...m, actor: { ...m.actor, sector: 'OPP', cameo: m.actor.country ? `${m.actor.country}OPP` : null } } : m);
}

/**
 * "“…,” said Halima Adam Yahya, 27, who crossed into Chad with her children", "Mohammed Yunus, a community leader in
 * the Kutupalong camp who fled Myanmar in 2017": someone of no known role whose introducing phrase tells of flight is a
 * refugee (in an article about refugees, arrival or a camp will do), of the country the phrase says they fled, else of
 * the refugees the article names, when that is not where the story is filed from (else they are displaced at home).
 */
function refugeesNamed(ctx: Ctx, mentions: Mention[]): Mention[] {
  const { tokens } = ctx;
  const { flightWords, refugeWords, returnWords } = ctx.lex.grammar;
  const homes = new Set(mentions.filter((m) => m.actor?.kind === 'group' && m.actor.sector === 'REF' && m.actor.country).map((m) => m.actor!.country!));
  // people of a country said to be sent back ("Thousands of Afghans expelled from Pakistan", "Afghan families deported
  // from Pakistan") are returnees: the story is about refugees of that country, even where it is filed from there
  const sentBack = new Set(mentions.filter((m) => m.actor?.kind === 'group' && ['CVL', 'REF'].includes(m.actor.sector ?? '') && m.actor.country
    && returnWords.has(tokens[m.last + 1]?.key ?? '') && tokens[m.last + 1].pos === 'VERB').map((m) => m.actor!.country!));
  for (const c of sentBack) homes.add(c);
  // where the story is filed from ("COX’S BAZAR, Bangladesh, Aug 25 (AFP) —")
  // (or the country after a town no gazetteer knows: "BIDI BIDI, Uganda, July 17 (AP) —")
  const opening = /^[\p{Lu}\s.'’-]+,/u.test(ctx.doc.text) ? mentions.find((x) => x.first <= 8 && x.sentence === 0 && (x.place?.kind === 'country' || x.actor?.kind === 'state')) : undefined;
  const dateline = mentions.find((x) => x.first === 0 && x.place?.country && /^[\p{Lu}\s.'’-]+$/u.test(x.text))?.place?.country ?? opening?.place?.country ?? opening?.actor?.country;
  // (by id: a later "Yunus said" may have resolved to another record of the same name)
  const replaced = new Map<string, Actor>();
  for (const m of mentions) {
    const a = m.actor;
    if (!a || a.kind !== 'person' || a.sector !== 'CVL' || !a.id.startsWith('person:') || m.person || replaced.has(a.id) || tokens[m.last + 1]?.key !== ',') continue;
    // the phrase after the name, past an age ("X, 27, who …"), to the end of the sentence or the next comma
    let from = m.last + 2;
    if (tokens[from]?.pos === 'NUM' && tokens[from + 1]?.key === ',') from += 2;
    const s = ctx.doc.sentences[m.sentence];
    let end = from;
    while (end <= s.last && end - from <= 18 && ![',', ';'].includes(tokens[end].key)) end++;
    // (what someone runs tells of others' flight, not theirs: "a priest who runs a shelter for deportees")
    const runs = tokens.slice(from, end).findIndex((t) => ctx.lex.grammar.proprietorVerbs.has(t.key));
    const phrase = tokens.slice(from, runs < 0 ? end : from + runs);
    const fled = phrase.find((t) => flightWords.has(t.key));
    const returned = !fled && phrase.some((t) => returnWords.has(t.key));
    // (a nationality the phrase gives before telling of flight, return or arrival says it: "Marlène Joseph, a Haitian mother
    // of three who was deported from Santo Domingo"; not "who returned to Qusayr from Lebanon")
    const told = phrase.find((t) => flightWords.has(t.key) || returnWords.has(t.key) || refugeWords.has(t.key));
    const stated = told ? nationalityIn(ctx, from, told.i) : null;
    // (arrival tells of flight in a story of refugees, or of someone foreign where the story is filed: "Yorgelis Mendoza, a
    // 29-year-old Venezuelan who crossed with her two daughters" from Cúcuta)
    const arrived = phrase.some((t) => refugeWords.has(t.key)) && (homes.size > 0 || (!!stated && stated !== dateline));
    if (!fled && !returned && !arrived) continue;
    // "who fled Myanmar", "who fled from Sudan"
    const after = fled ? fled.i + (tokens[fled.i + 1]?.key === 'from' ? 2 : 1) : -1;
    const abroad = [...homes].filter((c) => c !== (dateline ?? a.country));
    if (returned) {
      // a returnee is a refugee of the country they came back to, not of the one they left: "who returned from Iran
      // last week" (filed from Herat), "who returned to Qusayr from Lebanon last month" (filed from Lebanon), "who was
      // deported from Santo Domingo" (a city: its country)
      const left = phrase.filter((t) => t.key === 'from').map((t) => countryAt(ctx, t.i + 1, ['name'])?.iso3 ?? mentions.find((x) => x.first === t.i + 1 && !x.actor)?.place?.country);
      const home = stated ?? [dateline ?? a.country, ...abroad].find((c) => c && !left.includes(c));
      if (home) replaced.set(a.id, { ...a, sector: 'REF', country: home, cameo: `${home}REF` });
      continue;
    }
    // (one who crossed into the country among those sent back to it is a returnee: "Gul Bibi, a 45-year-old widow who crossed
    // with her children", filed from Torkham, Afghanistan)
    const returnee = !fled && !!dateline && sentBack.has(dateline);
    const home = stated ?? ((fled && countryAt(ctx, after, ['name'])?.iso3) || (abroad.length === 1 ? abroad[0] : null) || (returnee ? dateline : null));
    // (one displaced within their own country is a civilian: "Furaha Bahati, 29, who fled her village near Goma")
    if (!home || (home === (dateline ?? a.country) && !returnee)) continue;
    replaced.set(a.id, { ...a, sector: 'REF', country: home, cameo: home ? `${home}REF` : null });
  }
  const refugee = (m: Mention): Actor | undefined => (m.actor?.sector === 'CVL' ? replaced.get(m.actor.id) : undefined);
  return replaced.size ? mentions.map((m) => (refugee(m) ? { ...m, actor: refugee(m)! } : m)) : mentions;
}

/**
 * "Her father, Abdul Wali Safi, said", "Her brother-in-law, Abdul Wahid, said": someone introduced as kin of the private
 * person named just before shares their country and standing (a refugee's family are refugees).
 */
function kinNamed(ctx: Ctx, mentions: Mention[]): Mention[] {
  const { tokens } = ctx;
  const replaced = new Map<string, Actor>();
  for (const m of mentions) {
    const a = m.actor;
    if (!a || a.kind !== 'person' || a.sector !== 'CVL' || !a.id.startsWith('person:') || m.person || replaced.has(a.id) || tokens[m.first - 1]?.key !== ',') continue;
    // the kin word, a hyphened one whole ("brother-in-law"), and the possessive before it and its modifiers ("Her younger brother")
    let k = m.first - 2;
    let word = tokens[k]?.key ?? '';
    while (tokens[k - 1]?.key === '-' && tokens[k - 1].end === tokens[k].start) {
      word = `${tokens[k - 2]?.key ?? ''}-${word}`;
      k -= 2;
    }
    if (!ctx.lex.grammar.kinWords.has(word) || !['her', 'his', 'their'].includes(tokens[beforeModifiers(tokens, k)]?.key ?? '')) continue;
    const kin = mentions.findLast((x) => x.last < k && x.actor?.kind === 'person' && x.actor !== a && x.actor.id.startsWith('person:') && ['CVL', 'REF'].includes(x.actor.sector ?? ''));
    if (!kin || kin.sentence < m.sentence - 3) continue;
    const { country, sector } = kin.actor!;
    replaced.set(a.id, { ...a, country, sector, cameo: country ? `${country}${sector}` : null });
  }
  return replaced.size ? mentions.map((m) => (m.actor?.sector === 'CVL' && replaced.has(m.actor.id) ? { ...m, actor: replaced.get(m.actor.id)! } : m)) : mentions;
}

/** The owner part of a role actor's id while no one knows whose the role is: contextCountries() places it. */
const UNPLACED = 'unplaced';

/** "was sworn in as Sri Lanka's president", "was named foreign minister": the office a person took. */
function officeTaken(ctx: Ctx, mentions: Mention[], from: number): { country: string | null; sector: Actor['sector'] } | null {
  const { tokens } = ctx;
  let k = from;
  while (tokens[k]?.space) k++;
  if (!['was', 'has', 'is', 'had'].includes(tokens[k]?.key ?? '')) return null;
  let end = k + 1;
  while (tokens[end] && end - k <= 12 && !['as', ','].includes(tokens[end].key) && tokens[end].sentence === tokens[k].sentence) end++;
  const taking = tokens.slice(k + 1, end).some((t) => ['sworn', 'named', 'appointed', 'elected', 'became', 'installed', 'inaugurated'].includes(t.key));
  if (!taking) return null;
  let stop = end + 1;
  while (tokens[stop] && stop - end <= 10 && ![',', '.', ';'].includes(tokens[stop].key) && tokens[stop].sentence === tokens[k].sentence) stop++;
  const role = mentions.filter((m) => m.first > k && m.last < stop && (m.actor || m.agent));
  if (!role.some((m) => m.agent?.kind === 'person')) return null;
  const r = roleFromPhrase(ctx, role, nationalityIn(ctx, k + 1, stop));
  return { country: r.country, sector: r.sector };
}

// prepositions between a role and the body it is held for ("foreign minister in the de facto government")
const BODY_PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from', 'to', 'in']);

/** Last words of the names of offices of state ("the National Maritime Council", "the Government Communication Service"). */
const STATE_BODY_WORDS = new Set(['council', 'commission', 'agency', 'service', 'office', 'authority', 'committee', 'directorate', 'bureau', 'ministry', 'department', 'secretariat', 'inspectorate']);

/** The sector a body noun among tokens [from, end) gives ("the association of …", "a shipping company"), outside any mention. */
function bodyWordSector(ctx: Ctx, from: number, end: number): Actor['sector'] {
  for (let k = from; k < end; k++) {
    const sector = ctx.lex.bodyWordSectors.get(ctx.tokens[k].key);
    if (sector) return sector;
  }
  return null;
}

/** "The owner of a furniture factory in …": the owner of a business a phrase in tokens [from, end) names. */
function ownerOf(ctx: Ctx, from: number, end: number): Actor['sector'] {
  const { tokens } = ctx;
  for (let k = from; k < end - 2; k++) {
    if (ctx.lex.grammar.proprietorVerbs.has(tokens[k].key) && tokens[k + 1].key === 'of') return ownedBodySector(ctx, k + 2, end);
  }
  return null;
}

/** The sector of the body word heading the noun phrase at `from` ("a small printing business", "a metal-stamping plant"). */
function ownedBodySector(ctx: Ctx, from: number, end: number): Actor['sector'] {
  const { tokens } = ctx;
  let k = from;
  while (k < end && k - from <= 6 && (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[k].pos) || tokens[k].key === '-' || (tokens[k].pos === 'VERB' && tokens[k - 1]?.key === '-'))) k++;
  return k > from ? bodyWordSector(ctx, from, k) ?? (ctx.lex.grammar.ownedBusinesses.has(tokens[k - 1].key) ? 'BUS' : null) : null;
}

/**
 * "Its spokeswoman, Thiri Maung", "the group’s military spokesman": a role whose possessor refers back to a body
 * (a possessive pronoun, or "the group’s", "the movement’s") belongs to the last body named before it.
 */
function referredBody(ctx: Ctx, mentions: Mention[], roleFirst: number): Mention | undefined {
  const { tokens } = ctx;
  // (past the role word's modifiers: "the group’s country director")
  const own = beforeModifiers(tokens, roleFirst);
  const prev = tokens[own];
  const pronoun = ownedByPronoun(tokens, roleFirst);
  const anaphor = prev && POSSESSIVE.has(prev.key) && tokens[own - 2]?.key === 'the' && ['group', 'movement', 'organisation', 'organization', 'militia', 'coalition', 'alliance', 'party', 'ministry', 'agency', 'charity'].includes(tokens[own - 1]?.key ?? '');
  if (!pronoun && !anaphor) return undefined;
  // (not the news agency of a dateline, "ABUJA, Nigeria, June 2 (Reuters) —", which the text is not about)
  const agency = (m: Mention): boolean => m.actor!.sector === 'MED' && tokens[m.first - 1]?.key === '(' && tokens[m.last + 1]?.key === ')';
  const bodies = mentions.filter((m) => m.last < own && !!m.actor && (m.actor.kind === 'organization' || m.actor.kind === 'group') && isBody(m) && !agency(m));
  // (the body its sentence was about, not one it acted on: "The shadow National Unity Government urged the International
  // Criminal Court to investigate. Its spokeswoman, …")
  const last = bodies.at(-1);
  const subject = last && !isSubject(ctx, last) ? bodies.findLast((m) => m.sentence === last.sentence && isSubject(ctx, m)) : undefined;
  return subject ?? last;
}

/** "at the group", "for the organisation" in tokens [from, end): the latest body named before `before`. */
function bodyReferredTo(ctx: Ctx, mentions: Mention[], from: number, end: number, before: number): Mention | undefined {
  const { tokens } = ctx;
  for (let k = from; k + 2 < end + 1; k++) {
    // ("X, the group's lead researcher": the body a possessive names)
    if (k === from && tokens[k].key === 'the' && BODY_NOUNS.has(tokens[k + 1]?.key ?? '') && POSSESSIVE.has(tokens[k + 2]?.key ?? '')) k--;
    else if (!['at', 'with', 'for'].includes(tokens[k].key) || tokens[k + 1]?.key !== 'the' || !BODY_NOUNS.has(tokens[k + 2]?.key ?? '')) continue;
    // ("a spokesman for the group" after "The Ta'ang National Liberation Army said": an armed group, a party, the opposition too;
    // a news agency is no "group")
    const noun = tokens[k + 2].key;
    return mentions.findLast((m) => m.last < before && !!m.actor && (m.actor.kind === 'organization' || (m.actor.kind === 'group' && noun === 'group'))
      && ['NGO', 'IGO', 'BUS', 'REB', 'OPP', 'PTY', ...(noun === 'group' ? [] : ['MED'])].includes(m.actor.sector ?? ''));
  }
  return undefined;
}
/** Words that open a noun phrase naming one person: "a farmer", "another refugee", "her son". */
const ONE_DETERMINERS = new Set(['a', 'an', 'another', 'her', 'his', 'their', 'its']);
/** Prepositions of where someone is, not whom they work for. */
const NEAR = new Set(['near', 'outside', 'beside', 'opposite', 'behind']);
const BODY_NOUNS = new Set(['group', 'organisation', 'organization', 'agency', 'charity', 'watchdog']);

/** The token before the lower-case modifiers (up to three) of the word at `first`: "its" in "its country director". */
function beforeModifiers(tokens: Token[], first: number): number {
  let k = first - 1;
  // (a participle too: "another displaced woman")
  while (k > first - 4 && k >= 0 && (['ADJ', 'NOUN'].includes(tokens[k].pos) || (tokens[k].pos === 'VERB' && /ed$/.test(tokens[k].key))) && !tokens[k].cap) k--;
  return k;
}

/** "its country director", "their chief negotiator": a possessive pronoun before the role word and its modifiers. */
function ownedByPronoun(tokens: Token[], first: number): boolean {
  const k = beforeModifiers(tokens, first);
  return k >= 0 && ['its', 'their'].includes(tokens[k].key);
}

/**
 * "X, a resident of Kraké, a Beninese village on the border": a place no gazetteer knows that ends a description at `end`
 * (its comma) is described in its own apposition, "a/an" with a nationality and a word for a town or area.
 */
function placeDescribed(ctx: Ctx, end: number): string | null {
  const { tokens } = ctx;
  if (tokens[end]?.key !== ',' || !tokens[end - 1]?.cap || !INDEFINITE.has(tokens[end + 1]?.key ?? '')) return null;
  let stop = end + 2;
  while (stop < tokens.length && stop - end <= 6 && tokens[stop].sentence === tokens[end].sentence && ![',', '.', ';'].includes(tokens[stop].key)) stop++;
  return tokens.slice(end + 2, stop).some((t) => ctx.lex.grammar.areaNouns.has(t.lemma)) ? nationalityIn(ctx, end + 2, stop) : null;
}

/** A nationality adjective among tokens [from, end) that is not part of a longer mention ("a Sudanese refugee"). */
function nationalityIn(ctx: Ctx, from: number, end: number): string | null {
  for (let i = from; i < end; i++) {
    // "a 24-year-old from Guinea", "a teacher from the Philippines" (not "who returned from Qatar")
    if (ctx.tokens[i].key === 'from' && ctx.tokens[i - 1]?.pos !== 'VERB') {
      const home = countryAt(ctx, ctx.tokens[i + 1]?.key === 'the' ? i + 2 : i + 1, ['name']);
      if (home) return home.iso3;
    }
    for (const m of ctx.lex.mentions.matchesAt(ctx.tokens, i)) {
      const adj = m.payloads.find((p) => p.entry.t === 'country' && p.entry.form === 'adjective');
      // not inside a longer name ("the University of North Korean Studies")
      const next = ctx.tokens[m.last + 1];
      if (adj && adj.entry.t === 'country' && !POSSESSIVE.has(next?.key ?? '') && !(next?.cap && next.pos !== 'ADJ')) return adj.entry.iso3;
    }
  }
  return null;
}

/**
 * The country a compound before a group names as its own: a state backing it ("Iran-backed militias attacked U.S. troops"),
 * or the possessor of the whole phrase ("Sudan's army-backed government", "Myanmar's military-led government").
 */
function compoundOwner(ctx: Ctx, mentions: Mention[], m: Mention): string | undefined {
  if (ctx.tokens[m.first - 2]?.key !== '-' || !ctx.lex.grammar.backingParticiples.has(ctx.tokens[m.first - 1]?.key ?? '')) return undefined;
  const compound = mentions.find((x) => x.last === m.first - 3);
  const possessed = !!compound && ctx.tokens.slice(compound.first, compound.last + 1).some((t) => t.key === "'s");
  return compound?.actor?.kind === 'state' || possessed ? compound?.actor?.country ?? undefined : undefined;
}

/** A person or civilian marked by a nationality adjective ("a Chinese engineer", "the French ambassador"). */
function foreignNational(ctx: Ctx, x: Mention): boolean {
  const a = x.agent;
  return !!a && !!x.actor?.country && (a.kind === 'person' || ['CVL', 'REF'].includes(a.sector ?? '')) && nationalityIn(ctx, x.first, x.last + 1) === x.actor.country;
}

/** Does the mention say whose it is ("Kenyan police", "the UN mission"), or did a bare "police" borrow that from an earlier mention? */
function namesItsOwner(ctx: Ctx, m: Mention): boolean {
  if (!m.agent) return true;
  for (let i = m.first; i <= m.last; i++) {
    if (ctx.lex.mentions.matchesAt(ctx.tokens, i).some((a) => a.payloads.some((p) => p.entry.t === 'country' || p.entry.t === 'org' || p.entry.t === 'person'))) return true;
  }
  return false;
}

/** A body someone can work for: an organisation or group, named or by its kind ("the army", "Amnesty International"). */
const isBody = (m: Mention): boolean => !['CVL', 'REF'].includes(m.actor?.sector ?? m.agent?.sector ?? '') && (m.actor ? m.actor.kind === 'organization' || m.actor.kind === 'group' : !!m.agent && m.agent.kind !== 'person');
const bodySector = (m: Mention): Actor['sector'] => m.actor?.sector ?? m.agent?.sector ?? null;
/** A named international body or NGO belongs to no state even where it works ("Amnesty International in Nigeria"). */
const bodyCountry = (m: Mention): string | null | undefined => (m.actor ? (m.actor.country ?? (m.agent ? undefined : null)) : undefined);

/**
 * A research body named in an apposition the dictionaries do not know ("the Dakar-based West Africa
 * Governance Institute", "the Delhi Policy Forum"): the person is an analyst, of the country the body
 * is based in, where the phrase says.
 */
function researchBody(ctx: Ctx, mentions: Mention[], from: number, end: number): { country: string | null } | null {
  const { tokens } = ctx;
  const words = ctx.lex.grammar.researchWords;
  let k = from;
  while (k < end && !(tokens[k].cap && words.has(tokens[k].key))) k++;
  if (k >= end || mentions.some((m) => m.actor && m.first <= k && k <= m.last)) return null;
  // a professor at a university speaks for no body (a civilian)
  for (let a = from; a < end; a++) if (ctx.lex.grammar.academicWords.has(tokens[a].key)) return null;
  const placed = mentions.find((m) => m.first >= from && m.last < k && (m.place?.country || (m.actor?.kind === 'state' && m.actor.country)))
    // ("a research fellow at the Asan Institute for Policy Studies in Seoul": where it sits, after its name)
    ?? mentions.find((m) => m.first > k && m.last < end && ctx.tokens[m.first - 1]?.key === 'in' && m.place?.country && !m.actor);
  return { country: placed?.place?.country ?? placed?.actor?.country ?? null };
}

/**
 * The role an apposition gives: its head role word or mention, and the body the person works for
 * ("a spokesman for the Libyan National Army", "the head of the UN office in Mozambique"); a former
 * role gives way to a present one ("the former police officer who leads the gang").
 */
function roleFromPhrase(ctx: Ctx, role: Mention[], nationality: string | null = null): { head: Mention; body?: Mention; sector: Actor['sector']; country: string | null; stateless?: boolean } {
  const { tokens } = ctx;
  const former = (m: Mention): boolean => /^(the |a |an )?former\b/i.test(m.text);
  const heads = role.filter((m) => m.agent);
  const head = heads.find((m) => !former(m)) ?? role.find((m) => !former(m)) ?? heads[0] ?? role[0];
  const located = role.find((m) => (m.actor?.country && namesItsOwner(ctx, m)) || m.place?.country);
  // "the head of the Mexican consular section in Quito": the nationality outranks the place
  const where = nationality ? { actor: { country: nationality }, place: null } : located;
  // "a spokesman for X", "the head of X", "an analyst at X", "an adviser to X"; not "ambassador to the UN"
  // (who represents their own side to it), nor "the commander who leads the mission"
  const envoy = ctx.lex.grammar.envoys.has(tokens[head.last].lemma);
  const forBody = (m: Mention): boolean => {
    const between = tokens.slice(head.last + 1, m.first);
    const to = between.some((t) => t.key === 'to') && envoy;
    return between.some((t) => BODY_PREPOSITIONS.has(t.key)) && !to && !between.some((t) => t.pos === 'VERB' && tokens[t.i - 1]?.key !== '-');
  };
  // ("MSF’s emergency coordinator": the body may own the role word instead)
  const own = beforeModifiers(tokens, head.first);
  const possessor = POSSESSIVE.has(tokens[own]?.key ?? '') ? role.find((m) => m.last === own - 1 && isBody(m)) : undefined;
  // ("a nurse with Save the Children": a private trade, practised for a body; "an aid worker with the Norwegian Refugee Council")
  const one = tokens[head.last].key === tokens[head.last].lemma;
  const worker = head.agent?.kind === 'person' || head.actor?.kind === 'person' || (head.agent?.sector === 'CVL' && head.first === head.last && one) || (head.agent?.sector === 'NGO' && head.agent.kind === 'group' && one);
  // ("an FLA spokesman": the body named right before the role word)
  const before = role.find((m) => m.last === head.first - 1 && m.actor?.id.startsWith('body:') && isBody(m));
  const body = worker ? role.find((m) => m.first > head.last && isBody(m) && forBody(m)) ?? possessor ?? before : undefined;
  if (body) {
    // "a spokesman for Ukraine’s Khortytsia group of forces": a bare "forces" took its country from
    // an earlier mention; the state named in the phrase outranks that
    // (a body no dictionary knows has no country yet, which is not none: "an FLA spokesman")
    const unplaced = !!body.actor?.id.startsWith('body:') && !body.actor.country && body.actor.sector !== 'IGO';
    const own = (body.agent && !namesItsOwner(ctx, body)) || unplaced ? nameOpenedByCountry(ctx, body.first) ?? where?.actor?.country ?? where?.place?.country ?? undefined : bodyCountry(body);
    // ("an opposition lawmaker from the Party of Socialists": a party's member speaks as the opposition or the legislator they are)
    const member = bodySector(body) === 'PTY' && ['OPP', 'LEG'].includes(head.actor?.sector ?? head.agent?.sector ?? '') ? head.actor?.sector ?? head.agent?.sector : null;
    return { head, body, sector: member ?? bodySector(body), country: own !== undefined ? own : where?.actor?.country ?? where?.place?.country ?? null, stateless: own === null };
  }
  // "a hydrologist at a Dushanbe university", "head of war risk at a London broker": a capital or country in
  // the phrase says where, not that the person works for its government
  if (!head.agent && head.actor?.kind === 'state') return { head, sector: null, country: head.actor.country };
  const sector = head.actor?.sector ?? head.agent?.sector ?? null;
  // "the UN humanitarian coordinator for Sudan" works for the UN, not for Sudan; "the secretary
  // general of Amnesty International" for a body of no state
  const international = !!head.actor && !head.actor.country && (sector === 'IGO' || sector === 'NGO');
  const headCountry = head.actor?.country && namesItsOwner(ctx, head) ? head.actor.country : null;
  const country = sector === 'IGO' || international ? head.actor?.country ?? null : headCountry ?? where?.actor?.country ?? where?.place?.country ?? null;
  return { head, sector, country, stateless: international };
}

/** "UN High Commissioner for Human Rights Volker Türk said": an office named as an organisation, then its holder. */
function officeHolders(ctx: Ctx, mentions: Mention[]): Mention[] {
  const { tokens } = ctx;
  const added: Mention[] = [];
  for (const m of mentions) {
    if (!m.actor || m.actor.kind !== 'organization' || m.agent) continue;
    let last = m.last + 1;
    while (tokens[last] && tokens[last].cap && tokens[last].pos === 'PROPN' && !mentions.some((x) => x.first <= last && last <= x.last)) last++;
    last--;
    if (last - m.last >= 2 && ['VERB', 'PUNCT'].includes(tokens[last + 1]?.pos ?? '')) added.push(personMention(ctx, m.last + 1, last, m.actor.country, m.actor.sector));
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.first - b.first || b.last - a.last) : mentions;
}

function personMention(ctx: Ctx, first: number, last: number, country: string | null, sector: Actor['sector']): Mention {
  const name = ctx.doc.text.slice(ctx.tokens[first].start, ctx.tokens[last].end);
  const actor: Actor = { id: `person:${slug(name)}`, name, kind: 'person', country, sector, cameo: country && sector ? `${country}${sector}` : null, wikidata: null };
  return mk(ctx, first, last, actor, null, { family: ctx.tokens[last].text });
}

/** Later mentions of a person by family name alone, for people the dictionaries do not know. */
function resolveShortNames(ctx: Ctx, mentions: Mention[]): Mention[] {
  const { tokens } = ctx;
  const introduced = mentions.filter((m) => m.family && m.actor && !m.person);
  if (!introduced.length) return mentions;
  // (a town's name is no obstacle: "Bello said" after "spokesman Abdullahi Bello" is not Bello, Colombia)
  const placeOnly = (m: Mention): boolean => !m.actor && !!m.place;
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) if (!placeOnly(m)) covered.fill(1, m.first, m.last + 1);
  const familyKey = new Map(introduced.map((m) => [m, m.family!.toLowerCase()]));
  const firstOfTwo = new Map(introduced.map((m) => {
    const words = m.actor!.name.split(/\s+/);
    return [m, words.length === 2 ? words[0].toLowerCase() : null];
  }));
  // ("Kosovo’s regional police commander, Besim Hoti, said" then "Hoti said", which the dictionary's Avdullah Hoti made a
  // namesake of no known role before the apposition was read: the person named in full is the one taken up)
  const namedInFull = new Map<string, Mention>();
  for (const m of introduced) if (m.last > m.first && !namedInFull.has(m.actor!.id)) namedInFull.set(m.actor!.id, m);
  // ("Colonel Avi Ben-Haim" then "Ben-Haim said": a hyphenated family name read on its own as a new person)
  const endsNamedInFull = (m: Mention): Mention | undefined => m.actor?.kind === 'person' && !m.person && !/\s/.test(m.actor.name)
    ? [...namedInFull.values()].find((f) => f.last < m.first && f.actor!.name.endsWith(` ${m.actor!.name}`)) : undefined;
  const takenUp = (m: Mention): Actor | undefined => {
    const full = m.family && m.actor ? endsNamedInFull(m) ?? namedInFull.get(m.actor.id) : undefined;
    return full && m.first > full.last && full.actor !== m.actor ? full.actor! : undefined;
  };
  if (mentions.some(takenUp)) mentions = mentions.map((m) => { const actor = takenUp(m); return actor ? { ...m, actor } : m; });
  const added: Mention[] = [];
  const uncoveredCapital = (ts: Token[], i: number): boolean => ts[i].cap && !covered[i];
  for (let i = nextToken(tokens, 0, tokens.length - 1, uncoveredCapital); i < tokens.length; i = nextToken(tokens, i + 1, tokens.length - 1, uncoveredCapital)) {
    const t = tokens[i];
    const key = t.text.toLowerCase();
    // by family name, or by the first word of a two-part name: many Chinese, Korean and Ethiopian
    // names ("Gan Yu", "Redwan Hussien") are shortened to it
    const first = introduced.find((m) => m.last < t.i && familyKey.get(m) === key)
      ?? introduced.find((m) => m.last < t.i && firstOfTwo.get(m) === key && !tokens[t.i + 1]?.cap);
    if (first) added.push(mk(ctx, t.i, t.i, first.actor, null, { family: first.family }));
  }
  if (!added.length) return mentions;
  const replaced = new Set(added.map((m) => m.first));
  return [...mentions.filter((m) => !(placeOnly(m) && m.first === m.last && replaced.has(m.first))), ...added].sort((a, b) => a.first - b.first);
}

const has = (a: Atom, t: MentionEntry['t']): boolean => {
  for (const p of a.payloads) if (p.entry.t === t) return true;
  return false;
};
function pick<T extends MentionEntry['t']>(a: Atom, t: T): Extract<MentionEntry, { t: T }> | undefined {
  return a.payloads.find((p) => p.entry.t === t)?.entry as Extract<MentionEntry, { t: T }> | undefined;
}
/** The country entry of one of `forms` that a dictionary phrase starting at token `k` (and ending by `lastBy`) names. */
function countryAt(ctx: Ctx, k: number, forms: Extract<MentionEntry, { t: 'country' }>['form'][], lastBy = ctx.tokens.length): Extract<MentionEntry, { t: 'country' }> | undefined {
  for (const m of ctx.lex.mentions.matchesAt(ctx.tokens, k)) {
    if (m.last > lastBy) continue;
    const entry = m.payloads.map((p) => p.entry).find((e): e is Extract<MentionEntry, { t: 'country' }> => e.t === 'country' && forms.includes(e.form));
    if (entry) return entry;
  }
  return undefined;
}

/**
 * The country whose name or adjective opens the capitalised name that runs up to token `first` ("the Thai Second Army
 * Region", "A Guyana Defence Force spokesman"): a body so named is that country's, whatever the story's other side.
 */
function nameOpenedByCountry(ctx: Ctx, first: number): string | null {
  const { tokens } = ctx;
  let k = first - 1;
  while (k >= 0 && tokens[k].cap && tokens[k].pos !== 'PUNCT' && tokens[k].sentence === tokens[first].sentence) k--;
  if (tokens[k + 1]?.pos === 'DET') k++;
  return k + 1 < first ? countryAt(ctx, k + 1, ['name', 'adjective'], first - 1)?.iso3 ?? null : null;
}

function pickCountry(a: Atom, ...forms: Extract<MentionEntry, { t: 'country' }>['form'][]): Extract<MentionEntry, { t: 'country' }> | undefined {
  for (const { entry } of a.payloads) if (entry.t === 'country' && forms.includes(entry.form)) return entry;
  return undefined;
}

/** A modifier that gives an agent its country: "Armenia’s", "Azerbaijani", "UN", "NATO". */
interface Modifier {
  country: string | null;
  /** no words may stand between it and its noun ("Venezuela deployed troops" is no phrase) */
  adjacentOnly?: boolean;
  org?: Extract<MentionEntry, { t: 'org' }>['org'];
  /** token index after the modifier (and its possessive) */
  after: number;
  /** a family name: it gives its country to a body only ("the Bush administration") */
  familyOnly?: boolean;
}

function modifierAt(ctx: Ctx, atom: Atom): Modifier | null {
  const { tokens } = ctx;
  const afterAtom = atom.last + 1;
  const possessive = afterAtom < tokens.length && POSSESSIVE.has(tokens[afterAtom].key);
  const adj = pickCountry(atom, 'adjective');
  if (adj && !possessive) return { country: adj.iso3, after: afterAtom };
  const name = pickCountry(atom, 'name', 'government');
  if (name && possessive) return { country: name.iso3, after: afterAtom + 1 };
  // "Taiwan President …", "Kosovo police", "Kremlin spokesman": a name used as a modifier, right before its noun
  if (name && !isLocative(ctx, atom.first) && tokens[atom.first - 1]?.key !== 'the') return { country: name.iso3, after: afterAtom, adjacentOnly: true };
  const org = pick(atom, 'org');
  if (org) return { country: org.org.country, org: org.org, after: possessive ? afterAtom + 1 : afterAtom };
  // "the Trump administration", "the Netanyahu government": a leader's family name, whoever of the family
  // is meant, when every bearer the dictionary knows is of one country
  const family = familyCountry(atom);
  if (family && !possessive && tokens[atom.first - 1]?.key === 'the') return { country: family, after: afterAtom, adjacentOnly: true, familyOnly: true };
  return null;
}

/** The one country of every bearer of a family name the dictionary knows, if they share one. */
function familyCountry(atom: Atom): string | null {
  const bearers = pick(atom, 'family')?.people ?? [];
  // (most atoms name no family: no set to build)
  if (!bearers.length) return null;
  const countries = new Set(bearers.flatMap((p) => p.roles.map((r) => r.country)));
  return bearers.length && bearers.every((p) => p.roles.length) && countries.size === 1 && !countries.has(null) ? [...countries][0] : null;
}

interface Composed {
  mention: Mention | null;
  next: number;
  /** another mention inside the phrase, resolved already */
  extra?: Mention;
  /** a state or organisation named inside the phrase ("… of Azerbaijan"), also a mention of its own */
  nested?: Atom;
}

function compose(ctx: Ctx, atoms: Atom[], n: number, prior: Mention[]): Composed {
  const { tokens } = ctx;
  const atom = atoms[n];
  const nextAtom = atoms[n + 1];

  // [modifier] [adjectives]* [agent] ("Armenia’s Foreign Ministry", "Armenian illegal units", "UN Secretary-General")
  const mod = modifierAt(ctx, atom);
  // "Hungarian and Romanian officials": the first adjective shares the second one's noun
  const shared = atoms[n + 2];
  if (mod && !mod.org && nextAtom && shared && pickCountry(atom, 'adjective') && pickCountry(nextAtom, 'adjective')
    && ['and', 'or', ','].includes(tokens[atom.last + 1]?.key ?? '') && nextAtom.first === atom.last + 2 && has(shared, 'agent') && shared.first === nextAtom.last + 1) {
    const agent = pick(shared, 'agent')!.agent;
    const actor = agentActor(ctx, agent, mod.country);
    if (actor) return { mention: mk(ctx, atom.first, atom.last, actor, null, { agent }), next: n + 1 };
  }
  // "Rwanda’s U.N. ambassador": an envoy to a body represents the state that sends them
  const envoyAtom = atoms[n + 2];
  if (mod && !mod.org && mod.country && nextAtom && has(nextAtom, 'org') && nextAtom.first === mod.after && envoyAtom && envoyAtom.first === nextAtom.last + 1
    && has(envoyAtom, 'agent') && ctx.lex.grammar.envoys.has(tokens[envoyAtom.last].key)) {
    const agent = pick(envoyAtom, 'agent')!.agent;
    const actor = agentActor(ctx, agent, mod.country);
    if (actor) return { mention: mk(ctx, withArticle(ctx, atom.first), envoyAtom.last, actor, null, { agent }), next: n + 3 };
  }
  if (mod && nextAtom && has(nextAtom, 'agent') && !(mod.familyOnly && pick(nextAtom, 'agent')!.agent.kind !== 'organization') && (mod.adjacentOnly ? nextAtom.first === mod.after : gapIsAdjectives(tokens, mod.after, nextAtom.first, pick(nextAtom, 'agent')!.agent))) {
    const agent = pick(nextAtom, 'agent')!.agent;
    // "Ukraine’s Foreign Ministry spokesman Oleg Nikolenko", "White House national security spokesman John Kirby"
    const chained = agent.kind !== 'person' ? chainedTitle(ctx, atoms, n + 1, prior, mod.country, mod.org) : null;
    if (chained) {
      // "Russian Foreign Ministry spokeswoman Maria Zakharova": the ministry is mentioned too ("the ministry said")
      const body = !mod.org ? agentActor(ctx, agent, mod.country) : null;
      return {
        mention: mk(ctx, withArticle(ctx, atom.first), chained.last, chained.actor, null, { agent: chained.agent, person: chained.person, family: chained.family }),
        next: chained.nextAtom,
        extra: body ? mk(ctx, atom.first, nextAtom.last, body, null, { agent }) : undefined,
      };
    }
    // "EU leaders", "G7 officials": the organisation itself
    if (mod.org && ctx.lex.grammar.representatives.has(tokens[nextAtom.last].key)) {
      return { mention: mk(ctx, withArticle(ctx, atom.first), nextAtom.last, orgActor(ctx, mod.org), null, {}), next: n + 2 };
    }
    const title = titledPerson(ctx, atoms, n + 1, agent, mod.country);
    const last = title ? title.last : nextAtom.last;
    const ofCountry = title ? title.ofCountry : null;
    // "the Ukrainian minister": an earlier mention of that country's minister, if there is one
    const earlier = !title && agent.head && !mod.org
      ? prior.findLast((m) => m.actor?.kind === 'person' && m.actor.country === mod.country && (m.agent?.id === agent.id || m.agent?.head === agent.head))
      : undefined;
    let actor = earlier?.actor ?? title?.actor ?? agentActor(ctx, agent, mod.country ?? ofCountry, mod.org);
    // "the African Union’s envoy Olusegun Obasanjo": someone of no known office acts for the organisation
    if (title && !title.person && mod.org && actor) actor = { ...actor, country: mod.org.country, sector: mod.org.sector };
    return { mention: mk(ctx, withArticle(ctx, atom.first), last, actor, null, { agent, person: title?.person, family: title?.family }), next: title ? title.nextAtom : n + 2 };
  }

  // [agent] (of [country|org]) | [title] [Name] (of [country])
  if (has(atom, 'agent')) {
    const agent = pick(atom, 'agent')!.agent;
    // "Yerevan State University", "Ohio State University": a capitalised agent word inside a longer name
    const next = tokens[atom.last + 1];
    if (tokens[atom.first].cap && next?.cap && ctx.lex.grammar.featureWords.has(next.key)) return { mention: null, next: n + 1 };
    const chained = agent.kind !== 'person' ? chainedTitle(ctx, atoms, n, prior, null) : null;
    if (chained) {
      return { mention: mk(ctx, withArticle(ctx, atom.first), chained.last, chained.actor, null, { agent: chained.agent, person: chained.person, family: chained.family }), next: chained.nextAtom };
    }
    const title = titledPerson(ctx, atoms, n, agent);
    if (title) {
      return { mention: mk(ctx, withArticle(ctx, atom.first), title.last, title.actor, null, { agent, person: title.person, family: title.family }), next: title.nextAtom, nested: title.ofAtom };
    }
    const of = ofPhrase(ctx, atoms, n);
    if (of) {
      // "Leaders of the Organization of Turkic States": the organisation itself
      if (of.org && ctx.lex.grammar.representatives.has(tokens[atom.last].key)) {
        return { mention: mk(ctx, withArticle(ctx, atom.first), of.last, orgActor(ctx, of.org), null, {}), next: of.nextAtom };
      }
      const actor = agentActor(ctx, agent, of.country, of.org);
      return { mention: mk(ctx, withArticle(ctx, atom.first), of.last, actor, null, { agent }), next: of.nextAtom, nested: of.atom };
    }
    // a bare agent refers back to an earlier mention of the same agent (or the same head)
    const fits = (m: Mention): boolean => !!m.agent && !!m.actor && (m.agent.id === agent.id || (agent.generic && m.agent.head === agent.head)) && (!!m.actor.country || m.actor.sector === 'IGO');
    // "the bloc", "the alliance": the latest international organisation
    const igo = (m: Mention): boolean => agent.head === 'igo' && m.actor?.sector === 'IGO' && m.actor.kind === 'organization';
    const candidates = prior.filter((m) => fits(m) || igo(m)).reverse();
    // a generic mention ("the minister") means the one that was the subject, not one in passing
    // ("Its country director for Sudan, X": a role a body owns is someone new, the body's, not the last one so titled)
    // ("A spokeswoman for the U.N. mission": someone new, not the last spokeswoman)
    const someoneNew = agent.kind === 'person' && (ownedByPronoun(tokens, atom.first) || INDEFINITE.has(tokens[beforeModifiers(tokens, atom.first)]?.key ?? ''));
    const antecedent = someoneNew ? undefined : agent.generic ? candidates.find((m) => isSubject(ctx, m)) ?? candidates[0] : candidates[0];
    // without one it stays unresolved for now; contextCountries() may place it
    return { mention: mk(ctx, withArticle(ctx, atom.first), atom.last, antecedent?.actor ?? null, null, { agent }), next: n + 1 };
  }

  if (has(atom, 'person')) {
    const person = pick(atom, 'person')!.person;
    // ("Montenegro Municipality Association (AKK)": initials in brackets after a name abbreviate that name)
    if (looksLikeLongerName(ctx, atom) || (bracketedAcronym(ctx, atom) && tokens[atom.first - 2]?.cap)) return { mention: null, next: n + 1 };
    const of = ofPhrase(ctx, atoms, n);
    return { mention: mk(ctx, atom.first, of?.last ?? atom.last, personActor(ctx, person, null, of?.country ?? null), null, { person, family: person.family }), next: of?.nextAtom ?? n + 1 };
  }

  if (has(atom, 'family')) {
    if (looksLikeLongerName(ctx, atom)) return { mention: null, next: n + 1 };
    const key = tokens[atom.first].key;
    const candidates = pick(atom, 'family')!.people;
    // ("Edmundo González … González added": a bearer of a double family name, named in full before)
    const earlier = prior.findLast((m) => (m.family && m.family.toLowerCase() === key) || (m.person && candidates.includes(m.person)));
    if (earlier) return { mention: mk(ctx, atom.first, atom.last, earlier.actor, null, { person: earlier.person, family: earlier.family }), next: n + 1 };
    // a family name alone names someone only while they hold office (or, undated, if unique)
    // ("defeating leftist Luisa González … González said": someone else of that name, named in full before)
    const namesake = namesakeBefore(ctx, atom, candidates);
    if (namesake) {
      const person = personMention(ctx, namesake.first, namesake.last, null, 'CVL');
      return { mention: mk(ctx, atom.first, atom.last, person.actor, null, { family: person.family }), next: n + 1 };
    }
    const inOffice = candidates.filter((p) => roleAt(p, ctx.date));
    const chosen = inOffice.length === 1 ? inOffice[0] : !ctx.date && candidates.length === 1 ? candidates[0] : null;
    if (chosen) return { mention: mk(ctx, atom.first, atom.last, personActor(ctx, chosen, null, null), null, { person: chosen, family: chosen.family }), next: n + 1 };
  }

  // "the People’s Democratic Alliance" is not the Democratic Alliance: a capitalised possessor makes a longer name
  const possessor = tokens[atom.first - 2];
  const longerName = POSSESSIVE.has(tokens[atom.first - 1]?.key ?? '') && !!possessor?.cap && !ctx.lex.mentions.matchesAt(tokens, possessor.i).length
    // (and so does "of" and a capitalised word after a one-word name: "the Commonwealth of Massachusetts")
    || (atom.first === atom.last && has(atom, 'org') && tokens[atom.last + 1]?.key === 'of' && !!tokens[atom.last + 2]?.cap);
  // a body's seat ("Brussels" for the EU) stands for it as a capital does for its government: not where it
  // names a place ("in Brussels", "the Brussels summit", "Brussels, Belgium", "a Brussels-based analyst")
  const seatAsPlace = pick(atom, 'org')?.seat && (isLocative(ctx, atom.first) || tokens[atom.first - 1]?.key === 'the' || tokens[atom.last + 1]?.key === '-' || followedByCommaCountry(ctx, atoms, n));
  if (has(atom, 'org') && !longerName && !seatAsPlace) {
    const org = pick(atom, 'org')!.org;
    // "Amnesty International Kenya", "Save the Children UK": a non-governmental body's national section
    const section = org.sector === 'NGO' && nextAtom?.first === atom.last + 1 ? pickCountry(nextAtom, 'name') : undefined;
    if (section && tokens[nextAtom!.first].cap) {
      const actor = { ...orgActor(ctx, org), id: `${org.id}:${section.iso3}`, name: `${org.name} ${countryName(ctx, section.iso3)}`, country: section.iso3, cameo: `${section.iso3}NGO` };
      return { mention: mk(ctx, withArticle(ctx, atom.first), nextAtom!.last, actor, null, {}), next: n + 2 };
    }
    return { mention: mk(ctx, withArticle(ctx, atom.first), atom.last, orgActor(ctx, org), null, {}), next: n + 1 };
  }

  const country = pickCountry(atom, 'name', 'government', 'people') ?? nationalityAsPeople(ctx, atom);
  // one side's name for a place outranks the same words in the gazetteer ("Zangezur corridor")
  const places = atom.payloads.map((p) => p.entry).filter((e): e is Extract<MentionEntry, { t: 'place' }> => e.t === 'place');
  const place = places.find((e) => e.contested) ?? (ctx.homonyms.has(atom) ? { ...places[0], place: ctx.homonyms.get(atom)! } : places[0]);
  if (country && !looksLikeLongerName(ctx, atom) && !isSubdivisionOfAnotherCountry(ctx, atom, country.iso3)) {
    const locative = isLocative(ctx, atom.first) && !POSSESSIVE.has(tokens[atom.last + 1]?.key);
    if (country.form === 'people') {
      // "Bosnian Serbs", "Kosovo Albanians": a people named by the country they live in; "ethnic Albanians
      // … in Serbia": a minority belongs to the country it lives in
      const home = homeOfPeople(ctx, atoms, n, country.iso3);
      const iso3 = home?.iso3 ?? country.iso3;
      return { mention: mk(ctx, home?.first ?? withArticle(ctx, atom.first), atom.last, civiliansActor(iso3, countryName(ctx, iso3)), null, {}), next: n + 1 };
    }
    if (country.form === 'name') {
      const placeOf = ctx.lex.places.get(country.iso3) ?? null;
      return { mention: mk(ctx, atom.first, atom.last, locative ? null : stateActor(country.iso3, countryName(ctx, country.iso3)), locative ? placeOf : null, {}), next: n + 1 };
    }
    // a seat of government ("the Kremlin") is the government; a capital is too, unless it names
    // a place ("in Ankara", "Paris, France", "the Prague statement")
    const seat = !place;
    if (seat ? !locative : !locative && !place.contested && tokens[atom.first - 1]?.key !== 'the' && !followedByCommaCountry(ctx, atoms, n)) {
      return { mention: mk(ctx, seat ? withArticle(ctx, atom.first) : atom.first, atom.last, stateActor(country.iso3, countryName(ctx, country.iso3)), null, {}), next: n + 1 };
    }
  }
  // "National Intelligence Service (NIS)": an acronym in brackets after a name is that name's, not a town (Niš)
  if (place && !bracketedAcronym(ctx, atom) && !looksLikeLongerName(ctx, atom) && placeIsProper(ctx, atom)) {
    return { mention: mk(ctx, atom.first, atom.last, null, place.place, { usedBy: place.contested?.used_by }), next: n + 1 };
  }
  return { mention: null, next: n + 1 };
}

/**
 * A nationality adjective used as a noun for people after a number ("thousands of Lebanese", "many Sudanese",
 * "200 Chinese"): the words whose plural is the adjective itself have no people form of their own.
 */
function nationalityAsPeople(ctx: Ctx, atom: Atom): Extract<MentionEntry, { t: 'country' }> | undefined {
  const { tokens } = ctx;
  const adjective = pickCountry(atom, 'adjective');
  const text = ctx.doc.text.slice(tokens[atom.first].start, tokens[atom.last].end);
  if (!adjective || plural(text) !== null) return undefined;
  // ("17 Chinese and Japanese nationals": an adjective sharing the noun that follows its partner)
  const next = tokens[atom.last + 1];
  if (next && (['NOUN', 'PROPN', 'ADJ'].includes(next.pos) || (next.pos === 'CCONJ' && tokens[atom.last + 2]?.cap))) return undefined;
  const before = tokens[atom.first - 1]?.key === 'of' ? tokens[atom.first - 2] : tokens[atom.first - 1];
  const counted = !!before && (ctx.lex.grammar.crowdQuantities.has(before.key) || before.pos === 'NUM');
  return counted ? { ...adjective, form: 'people' } : undefined;
}

const bracketedAcronym = (ctx: Ctx, atom: Atom): boolean => ctx.tokens[atom.first - 1]?.key === '(' && ctx.tokens[atom.last + 1]?.key === ')'
  && /^[\p{Lu}.]+$/u.test(ctx.doc.text.slice(ctx.tokens[atom.first].start, ctx.tokens[atom.last].end));

/** The country a people lives in, where the text says: an adjacent country word before it, or after "ethnic" the first other country of its sentence. */
function homeOfPeople(ctx: Ctx, atoms: Atom[], n: number, iso3: string): { iso3: string; first: number } | null {
  const { tokens } = ctx;
  const atom = atoms[n];
  const prev = atoms[n - 1];
  const prevCountry = prev && prev.last === atom.first - 1 ? pickCountry(prev, 'adjective', 'name') : undefined;
  if (prevCountry && prevCountry.iso3 !== iso3) return { iso3: prevCountry.iso3, first: prev.first };
  if (tokens[atom.first - 1]?.key !== 'ethnic') return null;
  for (const a of atoms) {
    if (a === atom) continue;
    const other = pickCountry(a, 'name', 'adjective', 'government')?.iso3 ?? a.payloads.map((p) => p.entry).find((e): e is Extract<MentionEntry, { t: 'place' }> => e.t === 'place')?.place.country;
    if (other && other !== iso3) return { iso3: other, first: atom.first - 1 };
  }
  return null;
}

function mk(ctx: Ctx, first: number, last: number, actor: Actor | null, place: Place | null, extra: Partial<Mention>): Mention {
  const { tokens, doc } = ctx;
  const start = tokens[first].start;
  const end = tokens[last].end;
  // (every mention has every field, so all have one shape: mentions are read in the pipeline's hottest loops)
  return { first, last, start, end, text: doc.text.slice(start, end), sentence: tokens[first].sentence, actor, place, agent: undefined, person: undefined, family: undefined, usedBy: undefined, ...extra };
}


/** A mention that opens its sentence or stands right before its verb. */
function isSubject(ctx: Ctx, m: Mention): boolean {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[m.sentence];
  const next = tokens[m.last + 1];
  // (or the subject's apposition: "Machar's party, the SPLM-IO, accused …")
  const apposed = next?.key === ',' && tokens[m.last + 2]?.pos === 'VERB' && tokens[m.first - 1]?.key === ',';
  return m.first <= s.first + 1 || ['VERB', 'AUX'].includes(next?.pos) || apposed || ctx.doc.dates.some((d) => d.first === m.last + 1);
}

/** Include preceding qualifiers and "the" in the mention ("the foreign ministry", "former Prime Minister"). */
function withArticle(ctx: Ctx, first: number): number {
  const { tokens } = ctx;
  while (first > 0 && ctx.lex.grammar.qualifiers.has(tokens[first - 1].key)) first--;
  return first > 0 && tokens[first - 1].key === 'the' ? first - 1 : first;
}

/** Words between a modifier and its agent: adjectives ("Armenian illegal units"), or before a title also nouns ("national security spokesman"). */
function gapIsAdjectives(tokens: Token[], from: number, to: number, agent?: AgentEntry): boolean {
  if (to - from > 2) return false;
  // (and before any agent one noun: "Afghan border forces", "Israeli security forces")
  const nounsOk = agent?.title === true || to - from === 1;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    // "Russian-backed separatists": a participle joined by a hyphen
    if (t.pos === 'ADJ' || t.key === '-' || (t.pos === 'VERB' && tokens[i - 1]?.key === '-') || (nounsOk && t.pos === 'NOUN' && !t.cap)) continue;
    return false;
  }
  return true;
}

/**
 * Bodies before a title and a name: "Foreign Ministry spokesman Lin Jian", "army spokesman Brigadier
 * General Nabil Abdallah". The person acts for the body: its sector (and country, where it has one).
 */
function chainedTitle(ctx: Ctx, atoms: Atom[], k: number, prior: Mention[], modCountry: string | null, modOrg?: Modifier['org']): (Titled & { agent: AgentEntry }) | null {
  const { tokens } = ctx;
  let j = k;
  let body: AgentEntry | undefined;
  let org: Modifier['org'] = modOrg;
  while (atoms[j + 1]) {
    const a = atoms[j];
    const bodyAgent = pick(a, 'agent')?.agent;
    const o = pick(a, 'org')?.org;
    if (!(bodyAgent && bodyAgent.kind !== 'person') && !o) break;
    const nextAgent = pick(atoms[j + 1], 'agent')?.agent;
    if (!gapIsAdjectives(tokens, a.last + 1, atoms[j + 1].first, nextAgent)) break;
    body = bodyAgent ?? body;
    org = o ?? org;
    j++;
  }
  if (j === k) return null;
  // "ministry spokesman X" after "Turkey’s defence ministry": the body named before, with its sector
  const earlier = body?.generic && !modCountry && !org ? prior.findLast((m) => m.agent?.head === body!.head && m.actor?.country && m.actor.kind !== 'person') : undefined;
  if (earlier) {
    modCountry = earlier.actor!.country;
    body = { ...body!, sector: earlier.actor!.sector ?? body!.sector };
  }
  const titleAgent = pick(atoms[j], 'agent')?.agent;
  if (!titleAgent || !(titleAgent.title || titleAgent.kind === 'person')) return null;
  // ("Bangladesh’s refugee relief commissioner": people an office of state serves are its portfolio, not whom it speaks
  // for; a "student leader" is no office but one of them)
  if (body?.kind === 'group' && ['REF', 'CVL'].includes(body.sector ?? '') && titleAgent.sector === 'GOV' && titleAgent.title && titleAgent.id !== 'spokesperson') body = undefined;
  const t = titledPerson(ctx, atoms, j, titleAgent, modCountry ?? org?.country ?? null);
  if (!t) {
    // "The Houthis’ military spokesman, Yahya Saree, …": the role alone, for the name in apposition
    const country = modCountry ?? org?.country ?? null;
    const sector = org?.sector ?? body?.sector ?? titleAgent.sector;
    const owner = org?.id ?? country ?? UNPLACED;
    const actor: Actor = { id: `${owner}:${titleAgent.id}`, name: `${org?.name ?? (country ? countryName(ctx, country) : '')} ${titleAgent.name}`.trim(), kind: 'person', country, sector, cameo: country ? `${country}${sector}` : null, wikidata: null };
    return { actor, family: '', last: atoms[j].last, nextAtom: j + 1, ofCountry: null, agent: titleAgent };
  }
  if (t.person) return { ...t, agent: titleAgent };
  const country = t.actor.country ?? org?.country ?? null;
  const sector = org?.sector ?? body?.sector ?? t.actor.sector;
  return { ...t, agent: titleAgent, actor: { ...t.actor, country, sector, cameo: country && sector ? `${country}${sector}` : t.actor.cameo } };
}

function isLocative(ctx: Ctx, first: number): boolean {
  const { tokens } = ctx;
  const { locative, motion } = ctx.lex.grammar;
  let i = first - 1;
  // ("in the Somali capital Mogadishu": a word for the place and its country's adjective in apposition before its name)
  while (i >= 0 && (tokens[i].key === 'the' || (tokens[i].pos === 'ADJ' && !tokens[i].cap)
    || (i === first - 1 && tokens[i].pos === 'NOUN' && ctx.lex.grammar.areaNouns.has(tokens[i].lemma)) || (i < first - 1 && tokens[i].cap && !!countryAt(ctx, i, ['adjective'], i)))) i--;
  // "in Prague and Sochi", "between Islamabad and New Delhi": the preposition governs the list
  if (i > 0 && (tokens[i].key === 'and' || tokens[i].key === 'or') && tokens[i - 1].cap) {
    let j = i - 1;
    while (j > 0 && tokens[j - 1].cap && !tokens[j - 1].space) j--;
    if (j < i - 1 || tokens[j].cap) return isLocative(ctx, j);
  }
  // "fled … for Armenia", "left for Lithuania": a destination
  if (i >= 0 && (tokens[i].key === 'for' || tokens[i].key === 'between')) return motion.has(tokens[i - 1]?.lemma) || motion.has(tokens[i - 2]?.lemma);
  // "the border with Georgia"
  if (i >= 0 && tokens[i].key === 'with') return /^borders?$/.test(tokens[i - 1]?.key ?? '');
  if (i < 0 || !locative.has(tokens[i].key)) return false;
  // "warnings from Beijing", "pressure from Washington": the source of something, not a place
  return !(tokens[i].key === 'from' && tokens[i - 1]?.pos === 'NOUN');
}

/** "Michael Jordan", "Jordan Henderson", "Paris Hilton", "Washington Post": part of a longer name. */
function looksLikeLongerName(ctx: Ctx, atom: Atom): boolean {
  const { tokens } = ctx;
  const next = tokens[atom.last + 1];
  const prev = tokens[atom.first - 1];
  if (atom.last > atom.first && has(atom, 'person')) return false;
  if (next?.cap && ctx.lex.grammar.featureWords.has(next.key)) return true;
  // "Mahmoud al-Hassan", "Ould-Abdallah": the end of a hyphenated name is no one's family name alone
  if (has(atom, 'family') && !has(atom, 'country') && prev?.key === '-' && !prev.space && tokens[atom.first - 2] && /^\p{L}/u.test(tokens[atom.first - 2].text) && tokens[atom.first - 2].end === prev.start) return true;
  // "the Lithuanian Transport Workers’ Union": a word for a body after a capitalised word ends the body's name
  if (atom.first === atom.last && ctx.lex.grammar.bodyWords.has(tokens[atom.first].key)) {
    const before = prev && POSSESSIVE.has(prev.key) ? tokens[atom.first - 2] : prev;
    if (before?.cap && !before.space) return true;
  }
  // a neighbour that is a name the dictionaries do not know, or know only as a family name
  const unknownName = (t: Token | undefined): boolean =>
    !!t && !t.space && t.cap && t.pos === 'PROPN' && !NAME_SUFFIX.test(t.text) && !ctx.inDate[t.i] && /^\p{L}/u.test(t.text) && t.sentence === tokens[atom.first].sentence &&
    !ctx.lex.mentions.matchesAt(tokens, t.i).some((m) => m.payloads.some((p) => p.entry.t !== 'family'));
  // "Mr Rutte", "Dr. Tedros": an honorific is no part of an unknown name
  return unknownName(next) || (unknownName(prev) && !ctx.lex.grammar.honorifics.has(prev!.key));
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
function placeIsProper(ctx: Ctx, atom: Atom): boolean {
  const { tokens } = ctx;
  if (atom.first !== atom.last || isLocative(ctx, atom.first)) return true;
  if (tokens[atom.first].pos !== 'PROPN') return false;
  // at the start of a sentence a capital letter proves nothing: "Nice words …", "Split over …"
  const s = ctx.doc.sentences[tokens[atom.first].sentence];
  const next = tokens[atom.first + 1];
  return s.first !== atom.first || !next || ['VERB', 'AUX', 'PUNCT'].includes(next.pos);
}

/** "of Azerbaijan", "of the United Nations" right after the token range of atom n. */
function ofPhrase(ctx: Ctx, atoms: Atom[], n: number): { country: string | null; org?: Modifier['org']; last: number; nextAtom: number; atom: Atom } | null {
  const next = atoms[n + 1];
  const of = next ? ofTarget(ctx, atoms[n].last, next) : null;
  return of ? { ...of, last: next.last, nextAtom: n + 2, atom: next } : null;
}

/** The state or organisation that `next` names, when "of (the)" joins it to the token `last`. */
function ofTarget(ctx: Ctx, last: number, next: Atom): { country: string | null; org?: Modifier['org'] } | null {
  const { tokens } = ctx;
  let i = last + 1;
  if (tokens[i]?.key !== 'of') return null;
  i++;
  if (tokens[i]?.key === 'the') i++;
  if (next.first !== i) return null;
  const c = pickCountry(next, 'name');
  if (c) return { country: c.iso3 };
  const org = pick(next, 'org');
  return org ? { country: org.org.country, org: org.org } : null;
}

interface Titled {
  ofAtom?: Atom;
  actor: Actor;
  person?: PersonInfo;
  family: string;
  last: number;
  nextAtom: number;
  ofCountry: string | null;
}

/** [title agent] followed by a personal name, known or not: "President Ilham Aliyev (of Azerbaijan)". */
function titledPerson(ctx: Ctx, atoms: Atom[], n: number, agent: AgentEntry, modCountry: string | null = null): Titled | null {
  // "resident Bashir Ahmad Lone", "pensioner Svetlana Moraru": a private person described by a group word
  const privatePerson = agent.kind === 'group' && (agent.sector === 'CVL' || agent.sector === 'REF');
  if (!agent.title && agent.kind !== 'person' && !privatePerson) return null;
  const { tokens } = ctx;
  const atom = atoms[n];
  // stacked titles ("Pentagon spokesman Maj. Gen. Pat Ryder"): the name follows the last one
  if (atoms[n + 1]?.first === atom.last + 1 && pick(atoms[n + 1], 'agent')?.agent.title) {
    const inner = titledPerson(ctx, atoms, n + 1, pick(atoms[n + 1], 'agent')!.agent, modCountry);
    // "Interior Minister General X": the office says what they do, the rank only what they were
    if (inner && agent.head === 'minister' && !inner.person && inner.actor.sector !== agent.sector) return { ...inner, actor: { ...inner.actor, sector: agent.sector } };
    if (inner) return inner;
  }
  const next = atoms[n + 1];
  let i = atom.last + 1;
  // a known person right after the title
  // (not the first word of a longer unknown name: "RSF adviser Mustafa Adam Tairab")
  const nameGoesOn = (k: number): boolean => !!tokens[k] && !tokens[k].space && tokens[k].cap && tokens[k].pos === 'PROPN' && tokens[k].sentence === tokens[i].sentence;
  if (next && next.first === i && (has(next, 'person') || has(next, 'family')) && !(!has(next, 'person') && nameGoesOn(next.last + 1))) {
    const person = pick(next, 'person')?.person ?? pickFamily(ctx, next);
    if (person) {
      const of = ofPhrase(ctx, atoms, n + 1);
      return { actor: personActor(ctx, person, agent, of?.country ?? modCountry), person, family: person.family, last: of?.last ?? next.last, nextAtom: of?.nextAtom ?? n + 2, ofCountry: of?.country ?? null, ofAtom: of?.atom };
    }
    // ("President Bush": which of the family's office holders is not known, but all were of one country)
    const country = !has(next, 'person') && !modCountry ? familyCountry(next) : null;
    if (country) {
      const name = ctx.doc.text.slice(tokens[next.first].start, tokens[next.last].end);
      const actor: Actor = { id: `person:${slug(name)}`, name, kind: 'person', country, sector: agent.sector, cameo: `${country}${agent.sector ?? ''}`, wikidata: null };
      return { actor, family: name, last: next.last, nextAtom: n + 2, ofCountry: null };
    }
  }
  // "High Commissioner for Human Rights Volker Türk": the title runs on; the name is its last two words
  if (tokens[i]?.key === 'for' || tokens[i]?.key === 'of') {
    let k = i + 1;
    while (tokens[k]?.cap && tokens[k].pos === 'PROPN') k++;
    if (k - (i + 1) >= 4 && ['VERB', 'PUNCT'].includes(tokens[k]?.pos ?? '')) i = k - 2;
  }
  // an unknown name: capitalised words (with name particles), not themselves dictionary phrases
  const startName = i;
  while (i < tokens.length && !tokens[i].space && tokens[i].sentence === tokens[atom.first].sentence) {
    const t = tokens[i];
    // "Tsai Ing-wen", "Kassym-Jomart Tokayev": a hyphen joins the parts of a name
    if (t.key === '-' && i > startName && tokens[i - 1].end === t.start && tokens[i + 1]?.start === t.end && /^\p{L}/u.test(tokens[i + 1].text)) {
      i += 2;
      continue;
    }
    // "Ahmed al-Rubaie", "Abdel Fattah el-Sisi": a particle joined to the family name
    if (i > startName && ctx.lex.grammar.nameParticles.has(t.key) && tokens[i + 1]?.key === '-' && tokens[i + 1].start === t.end && tokens[i + 2]?.start === tokens[i + 1].end && tokens[i + 2]?.cap) {
      i += 3;
      continue;
    }
    // (a date is no name: "Ukrainian lawmakers Tuesday endorsed …")
    // ("Vietnamese leader To Lam": a name's first word the tagger reads as a particle, before another name word)
    const leading = i === startName && t.cap && /^\p{L}+$/u.test(t.text) && !!tokens[i + 1]?.cap && tokens[i + 1].pos === 'PROPN';
    const isName = !ctx.inDate[i] && ((t.cap && /^\p{L}[\p{L}.'’-]*$/u.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'VERB' || leading)) || (i > startName && NAME_SUFFIX.test(t.text)));
    const particle = ctx.lex.grammar.nameParticles.has(t.key) && i > startName && tokens[i + 1]?.cap;
    // a place's name may be part of a person's ("Wellington Koo", "Rosario Murillo", "Uba Sani")
    const nameLike = (p: MentionEntry): boolean => p.t === 'family' || p.t === 'person' || p.t === 'place' || (p.t === 'country' && (i > startName || (p.form === 'government' && !!tokens[i + 1]?.cap)));
    if (!(isName || particle) || (isName && ctx.lex.mentions.matchesAt(tokens, i).some((m) => m.payloads.some((p) => !nameLike(p.entry))))) break;
    i++;
  }
  const nameEnd = i - 1;
  if (nameEnd < startName || !/^\p{L}/u.test(tokens[nameEnd].text)) return null;
  // a role word that is not a title ("opposition leader") needs a full name after it
  if (!agent.title && nameEnd === startName) return null;
  // ... nor one opening the sentence before a common noun, where its capital proves nothing ("Major Western powers")
  const opensSentence = ctx.doc.sentences[tokens[atom.first].sentence].first === atom.first;
  if (opensSentence && nameEnd === startName && tokens[nameEnd + 1]?.pos === 'NOUN' && !tokens[nameEnd + 1].cap) return null;
  // ... and a place alone is no name ("the mayor of Kyiv", "President in Wellington")
  const isPlace = (k: number): boolean => ctx.lex.mentions.matchesAt(tokens, k).some((m) => m.payloads.some((p) => p.entry.t === 'place' || p.entry.t === 'country'));
  if (Array.from({ length: nameEnd - startName + 1 }, (_, k) => startName + k).every((k) => tokens[k].key === '-' || isPlace(k))) return null;
  const name = ctx.doc.text.slice(tokens[startName].start, tokens[nameEnd].end);
  let nextAtom = n + 1;
  while (nextAtom < atoms.length && atoms[nextAtom].first <= nameEnd) nextAtom++;
  const of = atoms[nextAtom] ? ofTarget(ctx, nameEnd, atoms[nextAtom]) : null;
  const family = tokens[nameEnd].text;
  const country = of?.country ?? modCountry;
  const actor: Actor = {
    id: `person:${slug(name)}`, name, kind: 'person', country, sector: agent.sector,
    cameo: country ? `${country}${agent.sector}` : null, wikidata: null,
  };
  return { actor, family, last: of ? atoms[nextAtom].last : nameEnd, nextAtom: of ? nextAtom + 1 : nextAtom, ofCountry: of?.country ?? null, ofAtom: of ? atoms[nextAtom] : undefined };
}

function pickFamily(ctx: Ctx, atom: Atom): PersonInfo | undefined {
  const people = pick(atom, 'family')?.people ?? [];
  const inOffice = people.filter((p) => roleAt(p, ctx.date));
  return inOffice.length === 1 ? inOffice[0] : undefined;
}

// --- actors

function countryName(ctx: Ctx, iso3: string): string {
  return (ctx.lex.countries.get(iso3) as CountryInfo | undefined)?.name ?? iso3;
}

function governmentActor(ctx: Ctx, iso3: string): Actor {
  return { id: `${iso3}:government`, name: `Government of ${countryName(ctx, iso3)}`, kind: 'organization', country: iso3, sector: 'GOV', cameo: `${iso3}GOV`, wikidata: null };
}

function orgActor(_ctx: Ctx, org: NonNullable<Modifier['org']>): Actor {
  return {
    id: org.id, name: org.name, kind: 'organization', country: org.country, sector: org.sector,
    cameo: org.cameo ?? (org.country ? `${org.country}${org.sector}` : org.sector === 'IGO' ? 'IGO' : null), wikidata: org.wikidata ?? null,
  };
}

/** Everyone who has held a role in a country, indexed once per lexicon. */
const holdersIndex = new WeakMap<Lexicon, Map<string, PersonInfo[]>>();
function roleHolders(lex: Lexicon, country: string, role: string): PersonInfo[] {
  let index = holdersIndex.get(lex);
  if (!index) {
    index = new Map();
    for (const p of lex.people.values()) {
      for (const key of new Set(p.roles.map((r) => `${r.country}|${r.role}`))) index.set(key, [...(index.get(key) ?? []), p]);
    }
    holdersIndex.set(lex, index);
  }
  return index.get(`${country}|${role}`) ?? [];
}

function agentActor(ctx: Ctx, agent: AgentEntry, country: string | null, org?: Modifier['org']): Actor | null {
  if (org) {
    return {
      id: `${org.id}:${agent.id}`, name: `${org.name} ${agent.name}`, kind: agent.kind === 'group' ? 'group' : agent.kind, country: org.country,
      // the organisation's sector stands: "Hamas gunmen" are REB, "EU envoys" IGO
      sector: org.sector, cameo: org.cameo ?? null, wikidata: null,
    };
  }
  // ("aid agencies", "a Western diplomat": bodies and people of no one country)
  if (!country) return agent.international ? { id: `intl:${agent.id}`, name: agent.name, kind: agent.kind, country: null, sector: agent.sector, cameo: agent.sector, wikidata: null } : null;
  if (agent.kind === 'person' && agent.role) {
    const holders = roleHolders(ctx.lex, country, agent.role).filter((p) => p.roles.some((r) => r.country === country && r.role === agent.role && ctx.date && r.from <= ctx.date && (r.to === null || ctx.date <= r.to + '\uffff')));
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
