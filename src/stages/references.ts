// References: the treaties, agreements, statements and resolutions an article cites, each resolved
// to one canonical agreement — by name, by "the DATE agreement", by "the statement of DATE", by
// resolution number, or by the places it was signed ("in Prague and Sochi in 2022"). A citation the
// knowledge base cannot resolve is still emitted, with its parsed date and kind.
import type { AgreementEntry } from '../lexicon/schema.js';
import type { AgreementRef, Reference } from '../model/analysis.js';
import type { Doc, DocDate } from '../pipeline/doc.js';

interface Found {
  first: number;
  last: number;
  agreement: AgreementEntry | null;
  citedDate: string | null;
  citedKind: string | null;
}

const DAY = 86_400_000;
const RESOLUTION_WORDS = new Set(['resolution', 'resolutions', 'unscr']);

export function referencesStage(doc: Doc): void {
  const { tokens, lexicon } = doc;
  const kinds = lexicon.citations.kinds;
  const modifiers = new Set(lexicon.citations.modifiers);
  const invoking = new Set(lexicon.citations.invoking);
  const found: Found[] = [];
  const taken = new Set<number>();
  const take = (f: Found): void => {
    for (let i = f.first; i <= f.last; i++) taken.add(i);
    found.push(f);
  };
  const free = (a: number, b: number): boolean => {
    for (let i = a; i <= b; i++) if (taken.has(i)) return false;
    return true;
  };
  const withThe = (i: number): number => (i > 0 && tokens[i - 1].key === 'the' ? i - 1 : i);
  const countries = new Set(doc.mentions.map((m) => m.actor?.country ?? m.place?.country).filter((c): c is string => !!c));

  // 1. by name or alias (the most specific)
  for (const s of doc.sentences) {
    for (const m of lexicon.agreementNames.longest(tokens, s.first, s.last)) {
      if (!free(m.first, m.last)) continue;
      const a = m.payloads[0].entry;
      // a generic name dated right after it ("the trilateral statement of January 11, 2021") is that date's document
      let k = m.last + 1;
      if (['signed', 'adopted', 'issued'].includes(tokens[k]?.key ?? '')) k++;
      const dated = ['of', 'on', 'dated'].includes(tokens[k]?.key ?? '') ? doc.dates.find((d) => (d.first === k + 1 || d.first === k) && d.value?.length === 10 && writtenOut(d)) : undefined;
      const kindWord = tokens[m.last].key;
      if (dated && kinds[kindWord]) {
        const byDate = resolveByDate(withThe(m.first), dated.last, dated, kindWord, kinds, lexicon.agreements, countries);
        if (byDate.agreement) {
          take(byDate);
          continue;
        }
      }
      take({ first: withThe(m.first), last: m.last, agreement: a, citedDate: null, citedKind: a.kind });
    }
  }

  // 2. the DATE [modifiers] KIND | [the] [modifiers] KIND (signed|adopted|…)? (of|on) DATE
  for (const d of doc.dates) {
    if (!d.value || d.value.length < 4 || !writtenOut(d)) continue;
    let k = d.last + 1;
    while (tokens[k] && (modifiers.has(tokens[k].key) || tokens[k].key === '-') && !(kinds[tokens[k].key] && !kinds[tokens[k + 1]?.key ?? ''])) k++;
    if (tokens[k] && kinds[tokens[k].key] && free(d.first, k)) {
      const first = withThe(d.first);
      take(resolveByDate(first, k, d, tokens[k].key, kinds, lexicon.agreements, countries));
      continue;
    }
    // backwards: "the trilateral statement of November 9, 2020", "the statement signed on November 10, 2020"
    let j = d.first - 1;
    if (tokens[j] && ['of', 'on', 'from', 'dated'].includes(tokens[j].key)) j--;
    if (tokens[j] && ['signed', 'adopted', 'reached', 'concluded', 'agreed', 'issued'].includes(tokens[j].key)) j--;
    if (j < 0 || !kinds[tokens[j].key]) continue;
    let s = j;
    while (s > 0 && modifiers.has(tokens[s - 1].key)) s--;
    const first = withThe(s);
    if (free(first, d.last)) take(resolveByDate(first, d.last, d, tokens[j].key, kinds, lexicon.agreements, countries));
  }

  // 3. resolutions by number: "resolution 2254", "resolutions 822, 853, 874 and 884", "UNSCR 1325"
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!RESOLUTION_WORDS.has(t.key)) continue;
    for (let j = i + 1; j < tokens.length && j <= i + 12; j++) {
      const n = tokens[j];
      if (/^\d{2,4}$/.test(n.key) && tokens[j - 1].key !== '(') {
        if (!free(j, j)) continue;
        const a = lexicon.agreements.find((x) => x.kind === 'un-resolution' && x.number === n.key) ?? null;
        const first = j === i + 1 ? withThe(i) : j;
        take({ first, last: j, agreement: a, citedDate: null, citedKind: 'un-resolution' });
      } else if (![',', 'and', '(', ')'].includes(n.key) && !/^\d{4}$/.test(n.key)) break;
    }
  }

  // 4. by the places where they were signed: "the Prague and Sochi statements", "recognized … in Prague and Sochi in 2022"
  const byPlace = lexicon.agreementsByPlace;
  const resolvedByPlace = new Map<string, AgreementEntry>();
  for (const s of doc.sentences) {
    const placeMentions = doc.mentions.filter((m) => m.sentence === doc.tokens[s.first].sentence && m.place && byPlace.has(m.text.toLowerCase()));
    if (!placeMentions.length) continue;
    const years = doc.dates.filter((d) => d.sentence === doc.tokens[s.first].sentence && d.value).map((d) => d.value!.slice(0, 4));
    const invokes = tokens.slice(s.first, s.last + 1).some((t) => invoking.has(t.lemma));
    for (const m of placeMentions) {
      if (!free(m.first, m.last)) continue;
      // the kind word after a list of places: "the Prague and Sochi statements"
      let k = m.last + 1;
      while (tokens[k] && (tokens[k].key === 'and' || tokens[k].key === ',' || tokens[k].cap)) k++;
      const kindWord = tokens[k] && kinds[tokens[k].key] ? tokens[k].key : null;
      if (!kindWord && !(invokes && years.length)) continue;
      const key = m.text.toLowerCase();
      let candidates = byPlace.get(key)!.filter((a) => !kindWord || kinds[kindWord].includes(a.kind));
      if (years.length) candidates = candidates.filter((a) => a.signed && years.includes(a.signed.slice(0, 4)));
      candidates = preferParties(candidates, countries).filter((a) => !doc.meta.published || !a.signed || a.signed <= doc.meta.published);
      const chosen = resolvedByPlace.get(key) ?? candidates.sort((a, b) => (b.signed ?? '').localeCompare(a.signed ?? ''))[0];
      if (!chosen) continue;
      resolvedByPlace.set(key, chosen);
      take({ first: m.first, last: m.last, agreement: chosen, citedDate: years[0] ?? null, citedKind: kindWord ? kinds[kindWord][0] : null });
    }
  }

  doc.references = found.sort((a, b) => a.first - b.first).map((f): Reference => {
    const start = tokens[f.first].start;
    const end = tokens[f.last].end;
    return { start, end, text: doc.text.slice(start, end), agreement: f.agreement ? ref(f.agreement) : null, cited_date: f.citedDate, cited_kind: f.citedKind };
  });
}

/** Only a date written out with its year ("November 9, 2020", "in 2015") can name a document; "on Tuesday" cannot. */
function writtenOut(d: DocDate): boolean {
  return /\b(1[89]|20)\d\d\b/.test(d.text);
}

function ref(a: AgreementEntry): AgreementRef {
  return { id: a.id, name: a.name, kind: a.kind, date: a.signed ?? null, parties: a.parties };
}

/** Agreements whose parties include the article's states come first. */
function preferParties(list: AgreementEntry[], countries: Set<string>): AgreementEntry[] {
  const withParties = list.filter((a) => a.parties.some((p) => countries.has(p)));
  return withParties.length ? withParties : list;
}

function resolveByDate(first: number, last: number, d: DocDate, kindWord: string, kinds: Record<string, string[]>, all: AgreementEntry[], countries: Set<string>): Found {
  const accepted = kinds[kindWord];
  const value = d.value!;
  let candidates: AgreementEntry[];
  if (value.length === 10) {
    const t = Date.parse(`${value}T00:00:00Z`);
    const near = (s: string | null | undefined): boolean => !!s && s.length === 10 && Math.abs(Date.parse(`${s}T00:00:00Z`) - t) <= DAY;
    candidates = all.filter((a) => near(a.signed) || near(a.in_force ?? null) || a.date_aliases.some(near));
  } else {
    candidates = all.filter((a) => a.signed?.startsWith(value));
  }
  const typed = candidates.filter((a) => accepted.includes(a.kind));
  const pool = preferParties(typed, countries);
  // only an unambiguous match resolves; otherwise the citation stays visible, unresolved
  const agreement = pool.length === 1 ? pool[0] : null;
  return { first, last, agreement, citedDate: value, citedKind: accepted[0] };
}
