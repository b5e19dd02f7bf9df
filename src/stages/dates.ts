// Dates: every date expression, resolved against the publication date by news conventions.
// A bare weekday is the most recent such day on or before publication; without a publication
// date, relative expressions stay unresolved (value null) — never resolved against today.
import type { Calendar } from '../lexicon/schema.js';
import type { Doc, DocDate } from '../pipeline/doc.js';
import type { Token } from '../text/tokenize.js';

interface Found {
  first: number;
  last: number;
  value: string | null;
  /** a bare weekday, month or year, whose preposition belongs to the mention */
  bare?: boolean;
}

interface CalendarIndex {
  /** every word a date expression can start with: most tokens are ruled out by one lookup */
  starts: Set<string>;
  month: Map<string, number>; // 1..12
  weekday: Map<string, number>; // 0..6, Sunday first
  numbers: Map<string, number>;
  partsOfDay: Set<string>;
  prepositions: Set<string>;
}

const indexCache = new WeakMap<Calendar, CalendarIndex>();
function indexOf(cal: Calendar): CalendarIndex {
  let idx = indexCache.get(cal);
  if (!idx) {
    idx = {
      month: new Map(cal.months.flatMap((names, m) => names.map((n) => [n, m + 1] as const))),
      weekday: new Map(cal.weekdays.flatMap((names, d) => names.map((n) => [n, d] as const))),
      numbers: new Map(Object.entries(cal.numbers)),
      partsOfDay: new Set(cal.parts_of_day),
      prepositions: new Set(cal.prepositions),
      starts: new Set([
        ...cal.months.flat(), ...cal.weekdays.flat(), ...Object.keys(cal.numbers), ...cal.prepositions,
        'yesterday', 'today', 'tonight', 'earlier', 'later', 'last', 'this', 'next', 'past',
      ]),
    };
    indexCache.set(cal, idx);
  }
  return idx;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parseIso = (s: string): Date => new Date(`${s}T00:00:00Z`);
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const validDay = (y: number, m: number, d: number): boolean => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
function monday(d: Date): Date {
  return addDays(d, -((d.getUTCDay() + 6) % 7));
}
function shiftMonth(d: Date, n: number): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
}

const YEAR = /^(1[89]\d\d|20\d\d|2100)$/;
const DAY = /^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$/;

export function datesStage(doc: Doc): void {
  const idx = indexOf(doc.lexicon.calendar);
  const pub = doc.meta.published ? parseIso(doc.meta.published) : null;
  const out: DocDate[] = [];
  const { tokens } = doc;
  for (const s of doc.sentences) {
    for (let i = s.first; i <= s.last; i++) {
      const t = tokens[i];
      if (t.space || !(idx.starts.has(t.key) || (t.key.charCodeAt(0) >= 48 && t.key.charCodeAt(0) <= 57))) continue;
      const f = matchAt(tokens, i, s.last, idx, pub);
      if (!f) continue;
      let first = f.first;
      // keep a governing preposition for bare weekdays, months and years ("on Thursday", "in 2022")
      if (f.bare && first > 0 && idx.prepositions.has(tokens[first - 1].key)) first--;
      const start = tokens[first].start;
      const end = tokens[f.last].end;
      out.push({ start, end, text: doc.text.slice(start, end), value: f.value, first, last: f.last, sentence: tokens[i].sentence });
      i = f.last;
    }
  }
  doc.dates = out;
}

function num(t: Token | undefined, idx: CalendarIndex): number | null {
  if (!t) return null;
  if (/^\d+$/.test(t.key)) return Number(t.key);
  return idx.numbers.get(t.key) ?? null;
}

function matchAt(tokens: Token[], i: number, end: number, idx: CalendarIndex, pub: Date | null): Found | null {
  const t = tokens[i];
  const k = t.key;
  const at = (n: number): Token | undefined => (i + n <= end ? tokens[i + n] : undefined);
  const isMonth = (x: Token | undefined): x is Token => !!x && x.cap && idx.month.has(x.key);

  // Month Day(, Year)? | Month Year
  if (isMonth(t) && (k !== 'may' || DAY.test(at(1)?.key ?? '') || YEAR.test(at(1)?.key ?? ''))) {
    const m = idx.month.get(k)!;
    const d1 = at(1);
    if (d1 && DAY.test(d1.key)) {
      const day = parseInt(d1.key, 10);
      let j = 1;
      if (at(j + 1)?.key === ',') j++;
      const y = at(j + 1);
      if (y && YEAR.test(y.key) && validDay(+y.key, m, day)) return { first: i, last: i + j + 1, value: `${y.key}-${pad(m)}-${pad(day)}` };
      return { first: i, last: i + 1, value: pub ? recentMonthDay(pub, m, day) : null };
    }
    if (d1 && YEAR.test(d1.key)) return { first: i, last: i + 1, value: `${d1.key}-${pad(m)}` };
  }
  // Day Month (Year)?
  if (DAY.test(k) && isMonth(at(1)) && !/^\d{4}$/.test(k)) {
    const m = idx.month.get(at(1)!.key)!;
    const day = parseInt(k, 10);
    const y = at(2);
    if (y && YEAR.test(y.key) && validDay(+y.key, m, day)) return { first: i, last: i + 2, value: `${y.key}-${pad(m)}-${pad(day)}` };
    return { first: i, last: i + 1, value: pub ? recentMonthDay(pub, m, day) : null };
  }
  // (in|since|…) (early|mid|late)? Year
  if (idx.prepositions.has(k) && k !== 'on') {
    let j = 1;
    if (['early', 'mid', 'late', 'mid-'].includes(at(1)?.key ?? '')) j++;
    const y = at(j);
    if (y && YEAR.test(y.key) && at(j + 1)?.key !== '-') return { first: i + 1, last: i + j, value: y.key, bare: true };
    // (in|since) Month: the most recent such month
    if (isMonth(at(1)) && !DAY.test(at(2)?.key ?? '') && !YEAR.test(at(2)?.key ?? '')) {
      const m = idx.month.get(at(1)!.key)!;
      return { first: i + 1, last: i + 1, value: pub ? recentMonth(pub, m) : null, bare: true };
    }
  }
  // Weekday (morning|night…)?
  if (t.cap && idx.weekday.has(k)) {
    const last = idx.partsOfDay.has(at(1)?.key ?? '') ? i + 1 : i;
    let value: string | null = null;
    if (pub) {
      const back = (pub.getUTCDay() - idx.weekday.get(k)! + 7) % 7;
      value = iso(addDays(pub, -back));
    }
    const prev = tokens[i - 1]?.key;
    if (prev === 'last' || prev === 'next' || prev === 'this') {
      const wd = idx.weekday.get(k)!;
      if (pub) {
        const back = (pub.getUTCDay() - wd + 7) % 7;
        const ahead = (wd - pub.getUTCDay() + 7) % 7;
        value = iso(prev === 'last' ? addDays(pub, -(back || 7)) : prev === 'next' ? addDays(pub, ahead || 7) : addDays(monday(pub), (wd + 6) % 7));
      }
      return { first: i - 1, last, value, bare: false };
    }
    return { first: i, last, value, bare: true };
  }
  if (k === 'yesterday' || k === 'today' || k === 'tonight') {
    const last = k === 'yesterday' && idx.partsOfDay.has(at(1)?.key ?? '') ? i + 1 : i;
    return { first: i, last, value: pub ? iso(addDays(pub, k === 'yesterday' ? -1 : 0)) : null };
  }
  // (earlier|later)? this|last|next week|month|year
  const rel = ['last', 'this', 'next', 'past'];
  let j = 0;
  if ((k === 'earlier' || k === 'later') && at(1)?.key === 'this') j = 1;
  if (rel.includes(tokens[i + j]?.key) && i + j + 1 <= end) {
    const which = tokens[i + j].key;
    const unit = tokens[i + j + 1].key;
    const shift = which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0;
    if (unit === 'week') return { first: i, last: i + j + 1, value: pub ? iso(addDays(monday(pub), 7 * shift)) : null };
    if (unit === 'month') return { first: i, last: i + j + 1, value: pub ? shiftMonth(pub, shift) : null };
    if (unit === 'year') return { first: i, last: i + j + 1, value: pub ? String(pub.getUTCFullYear() + shift) : null };
    if (unit === 'night' && which === 'last') return { first: i, last: i + 1, value: pub ? iso(addDays(pub, -1)) : null };
    if (isMonth(tokens[i + j + 1]) && which === 'last') {
      const m = idx.month.get(unit)!;
      return { first: i, last: i + 1, value: pub ? recentMonth(addDays(pub, -28), m) : null };
    }
  }
  // N days|weeks|months|years ago
  const n = num(t, idx);
  if (n !== null && at(2)?.key === 'ago') {
    const unit = at(1)!.key.replace(/s$/, '');
    if (['day', 'week', 'month', 'year'].includes(unit)) {
      let value: string | null = null;
      if (pub) {
        if (unit === 'day') value = iso(addDays(pub, -n));
        else if (unit === 'week') value = iso(addDays(pub, -7 * n));
        else if (unit === 'month') value = shiftMonth(pub, -n);
        else value = String(pub.getUTCFullYear() - n);
      }
      return { first: i, last: i + 2, value };
    }
  }
  return null;
}

/** The most recent Month Day on or before the publication date. */
function recentMonthDay(pub: Date, m: number, d: number): string | null {
  for (const y of [pub.getUTCFullYear(), pub.getUTCFullYear() - 1]) {
    if (!validDay(y, m, d)) continue;
    const v = `${y}-${pad(m)}-${pad(d)}`;
    if (v <= iso(pub)) return v;
  }
  return null;
}

function recentMonth(pub: Date, m: number): string {
  const y = m <= pub.getUTCMonth() + 1 ? pub.getUTCFullYear() : pub.getUTCFullYear() - 1;
  return `${y}-${pad(m)}`;
}
